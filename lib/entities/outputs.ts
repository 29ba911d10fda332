// What a complete form yields, packed in one small integer so a trie node holds no object.

import type { MentionKind } from './types';

// Lower rank wins when one form belongs to several entities or kinds.
export const KINDS: readonly MentionKind[] = ['name', 'alias', 'demonym', 'surname'];
export const RANK: Record<MentionKind, number> = { name: 0, alias: 1, demonym: 2, surname: 3 };

// rank << 28 | entity << 1 | upperOnly. Sorting packed outputs sorts by rank, then by dictionary order.
// upperOnly: short all-capital English forms (US, UN, MEK) only match upper-case text ("us").
const ENTITY_BITS = 27;
export const ENTITY_MASK = (1 << ENTITY_BITS) - 1;
export const RANK_SHIFT = ENTITY_BITS + 1;
export const pack = (rank: number, entity: number, upperOnly: boolean): number =>
  (rank << RANK_SHIFT) | (entity << 1) | (upperOnly ? 1 : 0);
export const entityOf = (p: number): number => (p >>> 1) & ENTITY_MASK;
export const rankOf = (p: number): number => p >>> RANK_SHIFT;
