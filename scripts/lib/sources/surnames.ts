// The surname the news uses for a curated person on second mention, when the curator gave none.
// News names a person in full once, then by the family name alone ("Antony Blinken said …
// Blinken added"); the matcher counts a surname only after the full name on the same page
// (DESIGN.md §3), so a derived one costs little precision. Curated surnames and one-word aliases
// (Netanyahu) always win: a person who has either gets nothing derived. English only: Arabic has
// no word list to tell كان "was", دول "countries" or العربي "Arab" from Naoto Kan's, Bob Dole's or
// Nabil Elaraby's surname, and a page that named them once would light up every such word.
import type { Entity } from '../../../lib/entities/types';
import { formKey, namingForms } from '../entity-source';

/** Family names that come first in Korean and Chinese names (Yoon Suk Yeol, Xi Jinping). */
const EAST_ASIAN_FAMILY_NAMES = new Set(
  (
    'kim lee park choi yoon moon han cho choe chung jung kang shin ban oh ahn hwang kwon seo jeon ri pak ' +
    'xi li wang zhang liu chen yang zhao huang zhou wu xu sun hu zhu gao lin he guo ma luo liang song ' +
    'zheng xie tang feng yu dong xiao cheng cao yuan deng fu shen zeng peng lu su jiang cai jia ding wei ' +
    'ye yan pan du dai xia zhong tian ren fan fang shi yao tan liao zou xiong jin lai tsai ko hong'
  ).split(' '),
);
/** Where a name is written family name first, when its first word is one of those. */
const FAMILY_NAME_FIRST = /Korea|China|Chinese|Taiwan|Hong Kong|Macau|Singapore/;
/** A patronymic name's last word is the father's (Mohammed bin Salman): no surname is derived. */
const PATRONYMIC = new Set(['bin', 'ibn', 'bint', 'abu']);
/** Words that belong to the surname that follows (Bruno Le Maire, Alexander Van der Bellen). */
const PARTICLES = new Set('de del della da di du le la van von der den ter'.split(' '));
/** Jr., Sr. and regnal numbers (Juan Carlos I, Leo XIV). */
const SUFFIX = /^(?:Jr\.?|Sr\.?|[IVXL]+)$/;
/** Capitalised words that are no surname of anyone's alone in running text (Theresa May). */
const CALENDAR = new Set(
  'january february march april may june july august september october november december monday tuesday wednesday thursday friday saturday sunday'.split(
    ' ',
  ),
);

/**
 * Adds to each person of `entities` (the seed story's, from `skipSource`, excepted) the English
 * surname derived from the English name, unless the person has an English surname or a one-word
 * English alias, or the word is an ordinary word (its folded key in `commonKeys`, or, unless the
 * family name comes first, in `englishWords`), a month or a weekday, shorter than three letters, a
 * naming form of any entity, or a given name: the first word of any person's name (Abiy Ahmed is Abiy; Ahmed is anyone's).
 */
export function deriveSurnames(
  entities: Entity[],
  commonKeys: ReadonlySet<string>,
  englishWords: ReadonlySet<string>,
  skipSource: string,
): void {
  const named = new Set<string>();
  const givenNames = new Set<string>();
  for (const e of entities) {
    for (const f of namingForms(e)) named.add(formKey(f));
    if (e.type === 'person') givenNames.add(formKey(e.names.en.split(/\s+/)[0] ?? ''));
  }
  for (const e of entities) {
    if (e.type !== 'person' || e.source === skipSource) continue;
    if (e.surnames.en.length > 0 || e.aliases.en.some((a) => !/\s/.test(a.trim()))) continue;
    const first = familyNameFirst(e);
    const surname = surnameOf(e.names.en, first);
    if (surname === undefined || surname.replace(/[^\p{L}]/gu, '').length < 3) continue;
    const key = formKey(surname);
    if (commonKeys.has(key) || CALENDAR.has(key) || named.has(key)) continue;
    // Bishop, Lake, Gates: after the full name, "Bishop" may still open a sentence about a bishop.
    // A Korean or Chinese family name (Lee, Moon, Park) is kept: there, it is the person.
    if (!first && (englishWords.has(surname.toLowerCase()) || givenNames.has(key))) continue;
    e.surnames.en = [surname];
  }
}

function familyNameFirst(e: Entity): boolean {
  const firstWord = e.names.en.split(/\s+/)[0]?.toLowerCase() ?? '';
  return EAST_ASIAN_FAMILY_NAMES.has(firstWord) && FAMILY_NAME_FIRST.test(e.description.en);
}

/** The family name of a name of two words or more, or undefined (one word, or a patronymic). */
function surnameOf(name: string, familyFirst: boolean): string | undefined {
  let words = name
    .replace(/,/g, ' ')
    .split(/\s+/)
    .filter((w) => w !== '');
  if (words.length < 2 || words.some((w) => PATRONYMIC.has(w.toLowerCase()))) return undefined;
  if (familyFirst) return words[0];
  while (words.length > 2 && SUFFIX.test(words[words.length - 1] as string)) words = words.slice(0, -1);
  let start = words.length - 1;
  while (start > 1 && PARTICLES.has((words[start - 1] as string).toLowerCase())) start--;
  return words.slice(start).join(' ');
}
