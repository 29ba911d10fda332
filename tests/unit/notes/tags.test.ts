import { describe, expect, it } from 'vitest';
import { LIMIT } from '@/lib/notes/limits';
import { suggestTags, takeTypedTags, tidyTag, withTag } from '@/lib/notes/tags';

describe('tags as the reader types them', () => {
  it('tidies a tag: one space between words, no commas, not too long', () => {
    expect(tidyTag('  سياسة   خارجية ')).toBe('سياسة خارجية');
    expect(tidyTag('a,b، c')).toBe('a b c');
    expect(tidyTag('x'.repeat(LIMIT.tag + 50))).toHaveLength(LIMIT.tag);
  });

  it('adds a tag once, whatever its case, hamza or diacritics', () => {
    expect(withTag(['Iran'], 'iran')).toEqual(['Iran']);
    expect(withTag(['إيران'], 'ايران')).toEqual(['إيران']);
    expect(withTag(['سياسة'], 'سِياسة')).toEqual(['سياسة']);
    expect(withTag(['سياسة'], '  ')).toEqual(['سياسة']);
    expect(withTag([], 'ألبانيا')).toEqual(['ألبانيا']);
    const full = Array.from({ length: LIMIT.tags }, (_, i) => `t${i}`);
    expect(withTag(full, 'one more')).toHaveLength(LIMIT.tags);
  });

  it('suggests the reader’s tags that start with what is typed, then those containing it', () => {
    const known = ['سياسة', 'اقتصاد', 'سياحة', 'الأمن السيبراني', 'Iran', 'Iraq', 'Cyber'];
    expect(suggestTags(known, 'سيا', [])).toEqual(['سياسة', 'سياحة']);
    expect(suggestTags(known, 'سيبر', [])).toEqual(['الأمن السيبراني']);
    expect(suggestTags(known, 'ira', [])).toEqual(['Iran', 'Iraq']);
    // Folded like the rest of Hashiya's search: الامن finds الأمن.
    expect(suggestTags(known, 'الامن', [])).toEqual(['الأمن السيبراني']);
    // Never one the note already has; never more than asked.
    expect(suggestTags(known, 'ira', ['IRAN'])).toEqual(['Iraq']);
    expect(suggestTags(known, '', [], 3)).toEqual(['سياسة', 'اقتصاد', 'سياحة']);
  });

  it('adds every tag a comma ends, typed or pasted, and keeps the rest being typed', () => {
    expect(takeTypedTags(['Iran'], 'دبلوماسية، تاريخ , iran, سيا')).toEqual({
      tags: ['Iran', 'دبلوماسية', 'تاريخ'],
      typed: ' سيا',
    });
    expect(takeTypedTags(['Iran'], 'سيا')).toEqual({ tags: ['Iran'], typed: 'سيا' });
    expect(takeTypedTags([], ',')).toEqual({ tags: [], typed: '' });
  });
});
