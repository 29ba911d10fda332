// The words a pack source may use for an entity type: Hashiya's own, and the tags annotated corpora
// use (CoNLL's PER, ORG, LOC; ANERcorp's PERS; OntoNotes' GPE).
import { ENTITY_TYPES, type EntityType } from '../entities/types';

const TYPE_WORDS: ReadonlyMap<string, EntityType> = new Map<string, EntityType>([
  ...ENTITY_TYPES.map((t): [string, EntityType] => [t, t]),
  ['per', 'person'],
  ['pers', 'person'],
  ['organization', 'organisation'],
  ['org', 'organisation'],
  ['gov', 'government'],
  ['grp', 'group'],
  ['loc', 'place'],
  ['location', 'place'],
  ['gpe', 'place'],
]);

/** The entity type a word names (any case), or undefined. */
export function typeFromWord(word: string): EntityType | undefined {
  return TYPE_WORDS.get(word.trim().toLowerCase());
}

export const TYPE_WORDS_HELP = `${ENTITY_TYPES.join(', ')} (or PER, PERS, ORG, LOC, GPE, GOV, GRP)`;

const ARABIC_LETTER = /\p{Script=Arabic}/u;

/** Arabic when the form has an Arabic letter, else English (the dictionary's two languages). */
export function languageOf(form: string): 'ar' | 'en' {
  return ARABIC_LETTER.test(form) ? 'ar' : 'en';
}

/** A stable id from a name: ascii words joined by hyphens, or a hash for a name with none. */
export function slugOf(name: string): string {
  const ascii = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  if (ascii !== '') return ascii;
  // FNV-1a over the UTF-16 units: short, stable, ascii.
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193) >>> 0;
  return `e${h.toString(36)}`;
}
