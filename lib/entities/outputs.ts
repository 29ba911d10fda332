// What a complete form yields, packed in one small integer so a trie node holds no object.

import type { MentionKind } from './types';

// Lower rank wins when one form belongs to several entities or kinds.
export const KINDS: readonly MentionKind[] = ['name', 'alias', 'demonym', 'surname'];
export const RANK: Record<MentionKind, number> = { name: 0, alias: 1, demonym: 2, surname: 3 };
/**
 * A plain word (Dictionary.words): the matcher reads it as a word and names nothing, so that no
 * clitic reading takes it for a name (بليون, a billion, is no ب + Lyon). Ranked after every kind: a
 * name with the same form wins.
 */
export const WORD_RANK = 4;
/**
 * A plain word that folds to a name's form but is spelled otherwise (اليمنى "the right" and the
 * nisba اليمني; وأم "and a mother" and WAM's وام): a word where the text spells it so, else the name.
 * Its entity field is its index in Trie.spellings.
 */
export const SPELLED_RANK = 5;

// rank << 28 | entity << 3 | flags. Sorting packed outputs sorts by rank, then by dictionary order
// (the source preference, scripts/lib/sources/layers.ts).
/** Short all-capital English forms (US, UN, MEK) only match text written in capitals ("us" is no entity). */
export const UPPER_ONLY = 1;
/** Forms starting with a Latin capital: the text must be written as a name too (not "turkey", "the times"). */
export const CAPITALISED = 2;
/** Forms that are also ordinary words (corpus/common-words.txt): see TrieMatcher.guardHolds. */
export const GUARDED = 4;
/** Forms whose own last word ends in 's (Moody's, McDonald's): the text must write it, and the span keeps it. */
export const POSSESSIVE = 8;
const FLAG_BITS = 4;
export const FLAGS = (1 << FLAG_BITS) - 1;
const ENTITY_BITS = 24;
export const ENTITY_MASK = (1 << ENTITY_BITS) - 1;
export const RANK_SHIFT = ENTITY_BITS + FLAG_BITS;
export const pack = (rank: number, entity: number, flags: number): number =>
  (rank << RANK_SHIFT) | (entity << FLAG_BITS) | flags;
export const entityOf = (p: number): number => (p >>> FLAG_BITS) & ENTITY_MASK;
export const rankOf = (p: number): number => p >>> RANK_SHIFT;
