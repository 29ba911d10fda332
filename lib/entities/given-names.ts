// Given names, as the dictionary's own people show them: a nisba right after one is the man's
// family name (فيصل السويدي، محمد سعيد الكندي، جون كندي), not the country's adjective. The trie
// builder counts the people whose Arabic names each first word opens (TrieBuilder.countGivenName())
// and marks the first words that pass here (GIVEN_NAME).

import { fold } from '../text/fold';
import { LAM } from '../text/units';
import { BARE_ALEF } from './name-context';

/** People whose Arabic names of two words or more a word must open to count as a given name. */
export const MIN_GIVEN_PEOPLE = 2;

/**
 * Words that open people's names but are no given name a family name follows: a kunya or a
 * patronym (their own rules read them), the first half of a compound name (عبد الله), على as
 * Egyptian spelling writes it (فاز علي الروسي, he beat the Russian), titles an indefinite nisba
 * agrees with (أمير قطري, a Qatari prince), and words of prose the names of two people open (مات
 * died, بات became, بيت a house, حياة a life, أنا I). Folded, as the trie keeps words.
 */
const NOT_GIVEN = new Set(
  [
    ...['عبد', 'أبو', 'أبي', 'ابن', 'بنت', 'علي'],
    ...['إمام', 'أمير', 'أميرة', 'مفتي', 'شاه', 'دوق', 'ليدي'],
    ...['أنا', 'إيه', 'مات', 'بات', 'بان', 'دان', 'دون', 'بيت', 'روح', 'حياة', 'سري', 'صباح', 'مني', 'ميل'],
  ].map((word) => fold(word).text),
);

/**
 * Whether a first word, folded, may be a given name: Arabic, of three letters or more, without the
 * article (الملك, الأمير are titles an adjective agrees with: الملك الأردني), and not NOT_GIVEN.
 * The builder also wants it to name nothing alone (not تركي، ليون).
 */
export function isGivenName(word: Uint16Array): boolean {
  const first = word[0] ?? 0;
  if (word.length < 3 || first < 0x621 || first > 0x64a) return false;
  if (first === BARE_ALEF && word[1] === LAM) return false;
  return !NOT_GIVEN.has(String.fromCharCode(...word));
}
