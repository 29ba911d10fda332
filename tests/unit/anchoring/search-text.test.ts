import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { searchKey, searchTextOf, toOriginal, toSearch } from '@/lib/anchoring/search-text';

describe('search text', () => {
  it('folds, collapses white space (a block separator wins) and maps back to the original', () => {
    const original = 'قالَ  إِيدِي\n   رَامَا\u2029 \u2029Édi  RAMA';
    const search = searchTextOf(original);
    expect(search.text).toBe('قال ايدي راما\u2029edi rama');
    const at = search.text.indexOf('ايدي راما');
    // The span maps back with the marks after its last letter.
    const [start, end] = toOriginal(search, at, at + 'ايدي راما'.length);
    expect(original.slice(start, end)).toBe('إِيدِي\n   رَامَا');
    expect(toSearch(search, start)).toBe(at);
  });

  it('gives a pattern the same form as the text it is searched in', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('ا', 'أ', 'َ', 'ـ', ' ', '\n', '\u2029', 'A', 'é', '\u00a0') }),
        (s) => {
          expect(searchKey(s)).toBe(searchTextOf(s).text);
        },
      ),
    );
  });
});
