// A form as the matcher compares it: folded (case, hamza and alef variants, diacritics) and reduced
// to its words, so "U.S." and "u s", إيران and ايران are one form.
import { foldText } from '../text/fold';
import { tokenWords } from '../text/tokenize';

export function formKeyOf(form: string): string {
  return tokenWords(foldText(form)).join(' ');
}
