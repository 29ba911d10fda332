// Words for the library's search index: the matcher's folding and tokeniser (lib/text), so a
// search folds Arabic and English exactly as the highlighting does, plus the forms of an Arabic
// word without its clitics, so "إيران" finds "وإيران" and "ألباني" finds "الألباني".
import { foldText } from '../text/fold';
import { tokenWords } from '../text/tokenize';

/** The folded words of a text. */
export function searchWords(text: string): string[] {
  return tokenWords(foldText(text));
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
