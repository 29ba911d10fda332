import { describe, expect, it } from 'vitest';
import { isGivenName } from '../../../lib/entities/given-names';
import { fold } from '../../../lib/text/fold';

const folded = (word: string) => Uint16Array.from(fold(word).text, (c) => c.charCodeAt(0));

describe('isGivenName', () => {
  it('takes an Arabic word of three letters or more, hamza spellings folded', () => {
    for (const word of ['فيصل', 'محمد', 'جون', 'إبراهيم', 'أحمد'])
      expect(isGivenName(folded(word))).toBe(true);
  });

  it('leaves out the article, Latin letters, short words, kunyas, patronyms, titles and words of prose', () => {
    for (const word of [
      'الملك',
      'الأمير',
      'John',
      'Said',
      'لي',
      'أبو',
      'ابن',
      'عبد',
      'علي',
      'أمير',
      'مفتي',
      'مات',
      'أنا',
    ])
      expect(isGivenName(folded(word))).toBe(false);
  });
});
