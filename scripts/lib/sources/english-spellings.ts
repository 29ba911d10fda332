// British and American spellings of the words bodies are named with: the World Health Organization
// is the World Health Organisation in Reuters, the BBC and most of the Commonwealth's press, and the
// World Food Programme is the World Food Program in American papers. The curated files list a body
// once, under its own spelling; the builder adds the other as an alias here.
import type { Entity } from '../../../lib/entities/types';
import { formKey } from '../entity-source';

/** Words spelled two ways, American first: each gives the other. */
const PAIRS: readonly (readonly [string, string])[] = [
  ['Organization', 'Organisation'],
  ['Organizations', 'Organisations'],
  ['Defense', 'Defence'],
  ['Center', 'Centre'],
  ['Program', 'Programme'],
];

const OTHER = new Map(PAIRS.flatMap(([us, uk]) => [[us, uk] as const, [uk, us] as const]));
const WORD = new RegExp(`\\b(?:${[...OTHER.keys()].join('|')})\\b`, 'g');

/**
 * Adds to each entity of `entities` the other spelling of each English name and alias holding one of
 * the words above, unless an entity already has that form (a spelling that names another body keeps
 * naming it). Returns the number of aliases added.
 */
export function addOtherSpellings(entities: Entity[]): number {
  const taken = new Set<string>();
  for (const e of entities) for (const form of [e.names.en, ...e.aliases.en]) taken.add(formKey(form));
  let added = 0;
  for (const e of entities) {
    for (const form of [e.names.en, ...e.aliases.en]) {
      const other = form.replace(WORD, (word) => OTHER.get(word) ?? word);
      if (other === form || taken.has(formKey(other))) continue;
      taken.add(formKey(other));
      e.aliases.en.push(other);
      added++;
    }
  }
  return added;
}
