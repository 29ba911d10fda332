// WordList (lib/entities/name-context.ts): the lists the name rules test a word of the text
// against, where it stands in the text.
import { describe, expect, it } from 'vitest';
import { isWordOf, WordList } from '../../../lib/entities/name-context';

describe('WordList', () => {
  const list = new WordList('in at near في مدينة بمدينة');

  const at = (text: string, word: string): boolean => {
    const start = text.indexOf(word);
    return isWordOf(list, text, start, start + word.length);
  };

  it('holds each word of its list, Arabic and Latin, where it stands in a text', () => {
    expect(at('born in Porto', 'in')).toBe(true);
    expect(at('وصل الوفد إلى مدينة فالنسيا', 'مدينة')).toBe(true);
    expect(at('وقع بمدينة ليون', 'بمدينة')).toBe(true);
    expect(at('عاش في ليون', 'في')).toBe(true);
  });

  it('holds no word that is part of one of its words, longer than one, or of another case', () => {
    expect(at('the inn at Porto', 'inn')).toBe(false);
    expect(at('the ne of it', 'ne')).toBe(false);
    expect(at('وصل إلى مدينته', 'مدينته')).toBe(false);
    expect(at('In Porto', 'In')).toBe(false);
    const text = 'in';
    expect(isWordOf(list, text, 0, 1)).toBe(false);
    expect(isWordOf(list, text, 1, 1)).toBe(false);
  });

  it('holds every word of a list larger than its table would hold without probing', () => {
    const words = Array.from({ length: 200 }, (_, k) => `w${k.toString(36)}_`);
    const big = new WordList(words.join(' '));
    const text = words.join(' ');
    let start = 0;
    for (const w of words) {
      expect(isWordOf(big, text, start, start + w.length), w).toBe(true);
      expect(isWordOf(big, text, start, start + w.length - 1), w).toBe(false);
      start += w.length + 1;
    }
  });
});
