// A long text is scanned and matched a piece at a time (TrieMatcher.match(), SCAN_PIECE): what it
// finds must be exactly what one whole scan of the text finds, for names that cross a piece's
// boundary, surnames whose full name came pieces earlier, and texts full of what the scan leaves
// its fast loop for (harakat, ligatures, surrogate pairs).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileMatcher, SCAN_PIECE } from '../../../lib/entities/matcher';
import type { Mention } from '../../../lib/entities/types';
import { scanText, TextScan } from '../../../lib/text/fold';
import { TEST_DICTIONARY } from './test-dictionary';

const matcher = compileMatcher(TEST_DICTIONARY);

/** What one whole scan of `text` gives: its words listed and matched at once. */
function wholeScan(text: string): Mention[] {
  const scan = new TextScan();
  scanText(text, scan);
  return matcher.match(text, scan);
}

const spans = (text: string, found: Mention[]): string[] =>
  found.map((m) => `${text.slice(m.start, m.end)}→${m.entityId}`);

describe('a long text, scanned a piece at a time', () => {
  it('finds a name of several words wherever it crosses a piece’s boundary', () => {
    const names = [
      'مجلس الأمن القومي الأمريكي',
      'US National Security Council',
      'حلف شمال الأطلسي',
      'إيدي راما',
    ];
    for (const name of names) {
      for (let shift = 0; shift <= name.length + 2; shift++) {
        // Plain words up to just before the boundary, the name across it, more plain words after.
        const before = 'كلمة '.repeat(Math.ceil(SCAN_PIECE / 5));
        const text = `${before.slice(0, SCAN_PIECE - shift).trimEnd()} ${name} ${'word '.repeat(3000)}`;
        const found = spans(text, matcher.match(text));
        expect(found, `${name}, ${shift} chars before the boundary`).toContain(
          `${name}→${matcher.match(name)[0]?.entityId}`,
        );
        expect(found).toHaveLength(1);
      }
    }
  });

  it('counts a surname alone after its full name, pieces earlier', () => {
    const text = `إيدي راما ${'كلمة '.repeat(SCAN_PIECE)}وقال راما إن Rama`;
    expect(spans(text, matcher.match(text))).toEqual([
      'إيدي راما→edi-rama',
      'راما→edi-rama',
      'Rama→edi-rama',
    ]);
  });

  it('finds exactly what one whole scan finds, in any text', () => {
    const words = [
      'إيدي راما',
      'راما',
      'Rama',
      'Edi Rama',
      'الولايات المتحدة',
      'وللولايات المتحدة',
      'مجلس الأمن القومي الأمريكي',
      'مجلس الأمن',
      'US National Security Council',
      'حلف شمال الأطلسي',
      'إِيرَانَ', // harakat: deleted chars, a break in the map back to the original
      'ﷺ', // a ligature: one char folded to many
      '😀', // a surrogate pair
      'في',
      'the',
      'of',
      '،',
      '.',
      '\n',
      '\u2029',
    ];
    const text = fc
      .array(fc.constantFrom(...words), { minLength: 1500, maxLength: 6000 })
      .map((w) => w.join(' '));
    fc.assert(
      fc.property(text, (t) => {
        expect(t.length).toBeGreaterThan(SCAN_PIECE);
        expect(matcher.match(t)).toEqual(wholeScan(t));
      }),
      { numRuns: 40, endOnFailure: true },
    );
  });
});
