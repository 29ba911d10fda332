// The page's matchers (the reader's, the packs', the shipped dictionary's) share one scan of the
// article (matchEach): each finds exactly what it finds alone, and a scan of another text is never
// taken for this one.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileMatcher, matchEach } from '../../../lib/entities/matcher';
import { scanText, TextScan } from '../../../lib/text/fold';
import { entity, TEST_DICTIONARY } from './test-dictionary';

const shipped = compileMatcher(TEST_DICTIONARY);
const pack = compileMatcher({
  version: 1,
  entities: [
    entity('shkoder', 'place', 'شكودر', 'Shkodër'),
    entity('durres-port', 'place', 'ميناء دوريس', 'Port of Durrës'),
  ],
});
const reader = compileMatcher({ version: 1, entities: [entity('rama-reader', 'person', 'راما', 'Rama')] });

const TEXT =
  'قال رئيس الوزراء إيدي راما في تيرانا إن إِيرَانَ وللولايات المتحدة… Edi Rama met U.S. officials in Shkodër and the Port of Durrës; وفي شكودر وميناء دوريس.';

describe('one scan for the page’s matchers', () => {
  it('gives each matcher the mentions it finds alone', () => {
    const alone = [reader, pack, shipped].map((m) => m.match(TEXT));
    expect(alone.every((found) => found.length > 0)).toBe(true);
    expect(matchEach(TEXT, [reader, pack, shipped])).toEqual(alone);
  });

  it('matches any text the same with a shared scan, and never uses a scan of another text', () => {
    const words = [
      'إيران',
      'وإِيرَانَ',
      'Rama',
      'Edi',
      'راما',
      'شكودر',
      'Shkodër',
      'U.S.',
      'the',
      'في',
      '،',
      '\u2029',
    ];
    const text = fc.array(fc.constantFrom(...words), { maxLength: 30 }).map((w) => w.join(' '));
    fc.assert(
      fc.property(text, text, (a, b) => {
        const stale = new TextScan();
        scanText(b, stale); // a scan of another text, passed by mistake
        for (const m of [reader, pack, shipped]) {
          expect(m.match(a, stale)).toEqual(m.match(a));
          expect(stale.source).toBe(a);
        }
        expect(matchEach(a, [reader, pack, shipped])).toEqual([reader, pack, shipped].map((m) => m.match(a)));
      }),
      { numRuns: 200 },
    );
  });
});
