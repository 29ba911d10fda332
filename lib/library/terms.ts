// Words for the library's search index: the matcher's folding and tokeniser (lib/text), so a
// search folds Arabic and English exactly as the highlighting does, plus the forms of an Arabic
// word without its clitics, so "إيران" finds "وإيران" and "ألباني" finds "الألباني".
import { foldUnits, unitsToString } from '../text/fold';
import { TokenBuffers, tokenizeUnits } from '../text/tokenize';

const tokens = new TokenBuffers();

/** The folded words of a text: fold and tokenise in place, one string per word. */
export function searchWords(text: string): string[] {
  const folded = foldUnits(text);
  const t = tokenizeUnits(folded.units, folded.length, tokens);
  const words: string[] = new Array(t.count);
  // Words are short: fromCharCode beats a TextDecoder call per word (unitsToString) several times over.
  for (let k = 0; k < t.count; k++) {
    const word = folded.units.subarray(t.starts[k] as number, t.ends[k] as number);
    // (A hostile 100,000-letter "word" would overflow apply's argument limit.)
    words[k] =
      word.length <= 1024
        ? String.fromCharCode.apply(null, word as unknown as number[])
        : unitsToString(word, word.length);
  }
  return words;
}

const ARABIC_LETTER = /^[\u0621-\u064a]+$/;
/** Shortest stem worth indexing: two-letter remainders are mostly other words. */
const MIN_STEM = 3;

/**
 * A folded Arabic word and the words left after leading clitics: (و|ف)? (ب|ك|ل)? (ال)?, with لل
 * read as ل + ال (the alef dropped), as the matcher reads them (DESIGN.md §3).
 */
export function indexForms(word: string): string[] {
  if (word.length <= MIN_STEM || !ARABIC_LETTER.test(word)) return [word];
  const forms = new Set([word]);
  let rest = word;
  if (/^[وف]/.test(rest) && rest.length - 1 >= MIN_STEM) {
    rest = rest.slice(1);
    forms.add(rest);
  }
  if (rest.startsWith('لل') && rest.length - 2 >= MIN_STEM) {
    forms.add(`ال${rest.slice(2)}`);
    forms.add(rest.slice(2));
  } else {
    if (/^[بكل]/.test(rest) && rest.length - 1 >= MIN_STEM) {
      rest = rest.slice(1);
      forms.add(rest);
    }
    if (rest.startsWith('ال') && rest.length - 2 >= MIN_STEM) forms.add(rest.slice(2));
  }
  return [...forms];
}
