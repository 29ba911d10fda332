// The given names the dictionary's own people show: a nisba right after one is the man's family
// name (فيصل السويدي، محمد سعيد الكندي، جون كندي), not the country's adjective.

import type { Entity } from './types';

/** People whose Arabic names a word must open to count as a given name. */
const MIN_PEOPLE = 2;

/**
 * Words that open people's names but are no given name a family name follows: a kunya or a
 * patronym (their own rules read them), the first half of a compound name (عبد الله), and على as
 * Egyptian spelling writes it (فاز علي الروسي, he beat the Russian).
 */
const NOT_GIVEN = new Set(['عبد', 'أبو', 'ابو', 'أبي', 'ابي', 'ابن', 'إبن', 'بنت', 'علي']);

/**
 * The first words of the Arabic names and aliases of at least MIN_PEOPLE people, without the
 * article (الملك, الأمير are titles an adjective agrees with: الملك الأردني) and of three letters
 * or more. The trie keeps those that name nothing alone (TrieBuilder.markGivenName()).
 */
export function givenNames(entities: readonly Entity[]): string[] {
  const people = new Map<string, number>();
  for (const entity of entities) {
    if (entity.type !== 'person') continue;
    const firsts = new Set<string>();
    for (const name of [entity.names.ar, ...entity.aliases.ar]) {
      const first = name?.split(' ', 1)[0];
      if (first && first.length >= 3 && !first.startsWith('ال') && !NOT_GIVEN.has(first)) firsts.add(first);
    }
    for (const first of firsts) people.set(first, (people.get(first) ?? 0) + 1);
  }
  return [...people].filter(([, count]) => count >= MIN_PEOPLE).map(([word]) => word);
}
