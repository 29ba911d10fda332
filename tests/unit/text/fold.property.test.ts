import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileMatcher, entityForms } from '../../../lib/entities/matcher';
import {
  fold,
  foldText,
  foldUnits,
  MAX_EXPANSION,
  scanText,
  spanInOriginal,
  TextScan,
  toOriginalSpan,
} from '../../../lib/text/fold';
import { isWordUnit, tokenize, tokenizeUnits, tokenWords } from '../../../lib/text/tokenize';
import { builtInDictionary } from '../../../scripts/bench-matcher';

const RUNS = { numRuns: 300 };

// Any UTF-16 text, lone surrogates included, and text made of the characters the fold treats
// specially, so the interesting cases are not left to chance.
const anyText = fc.string({ unit: 'binary', maxLength: 60 });
const special = fc.constantFrom(
  ...'إِيرَانَ ـ\u200c\u200f\u200b\u00a0\u202f أإآٱ ىةؤئ یکگھۀپچڤ ٠٩۰۹ \ufefb\ufef5\ufdf2\ufdfa\ufe76 Ëé\u0301İ’ʼ‑ 𝐈😀\ud800\udc00'.split(
    '',
  ),
);
const specialText = fc.array(special, { maxLength: 40 }).map((cs) => cs.join(''));
const texts = fc.oneof(anyText, specialText);
// Possessives and their look-alikes: "x's", "x's's", "x 's", "x''s", "x’s" at the end or not.
const possessiveText = fc
  .array(fc.constantFrom('x', 'ab', "'", '’', 's', 'S', ' ', 'َ', '\ufdfa', '😀'), { maxLength: 20 })
  .map((cs) => cs.join(''));

describe('fold properties', () => {
  it('map is non-decreasing, in range, and as long as the text', () => {
    fc.assert(
      fc.property(texts, (s) => {
        const { text, map } = fold(s);
        expect(map.length).toBe(text.length);
        for (let i = 0; i < map.length; i++) {
          const m = map[i] as number;
          expect(m).toBeGreaterThanOrEqual(0);
          expect(m).toBeLessThan(s.length);
          if (i > 0) expect(m).toBeGreaterThanOrEqual(map[i - 1] as number);
        }
      }),
      RUNS,
    );
  });

  it('folded length ≤ original length × MAX_EXPANSION, and ≤ original length without compatibility forms', () => {
    fc.assert(
      fc.property(texts, (s) => {
        expect(fold(s).text.length).toBeLessThanOrEqual(s.length * MAX_EXPANSION);
        if (s.normalize('NFKD') === s.normalize('NFD')) {
          expect(fold(s).text.length).toBeLessThanOrEqual(s.length);
        }
      }),
      RUNS,
    );
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(texts, (s) => {
        const once = fold(s).text;
        expect(fold(once).text).toBe(once);
      }),
      RUNS,
    );
  });

  it('foldText agrees with fold', () => {
    fc.assert(
      fc.property(texts, (s) => {
        expect(foldText(s)).toBe(fold(s).text);
      }),
      RUNS,
    );
  });

  it('a folded span maps to an original slice that folds back to the same text', () => {
    fc.assert(
      fc.property(texts, fc.nat(), fc.nat(), (s, a, b) => {
        const f = fold(s);
        if (f.text.length === 0) return;
        const start = a % f.text.length;
        const end = start + 1 + (b % (f.text.length - start));
        const [os, oe] = toOriginalSpan(f, start, end);
        expect(os).toBeGreaterThanOrEqual(0);
        expect(oe).toBeLessThanOrEqual(s.length);
        expect(os).toBeLessThan(oe);
        // Expansions and astral letters are taken whole, so the slice folds to at least the span.
        expect(fold(s.slice(os, oe)).text).toContain(f.text.slice(start, end));
      }),
      RUNS,
    );
  });
});

describe("scanText (the matcher's one pass)", () => {
  it('gives the units, offsets, words and word keys of foldUnits then tokenizeUnits', () => {
    const scan = new TextScan();
    fc.assert(
      fc.property(fc.oneof(texts, possessiveText), (s) => {
        scanText(s, scan);
        const f = foldUnits(s);
        const units = f.units.slice(0, f.length);
        const map = f.map.slice(0, f.length);
        const t = tokenizeUnits(units, f.length);
        expect(scan.length).toBe(f.length);
        expect(scan.sourceLength).toBe(s.length);
        expect([...scan.units.subarray(0, scan.length)]).toEqual([...units]);
        expect(Array.from({ length: scan.length }, (_, k) => scan.originalAt(k))).toEqual([...map]);
        for (let end = 1; end <= scan.length; end++)
          expect(scan.originalEnd(end)).toBe(spanInOriginal(map, f.length, f.sourceLength, 0, end)[1]);
        expect(scan.count).toBe(t.count);
        expect([...scan.starts.subarray(0, scan.count)]).toEqual([...t.starts.subarray(0, t.count)]);
        expect([...scan.ends.subarray(0, scan.count)]).toEqual([...t.ends.subarray(0, t.count)]);
        expect([...scan.keys.subarray(0, scan.count)]).toEqual([...t.hashes.subarray(0, t.count)]);
      }),
      RUNS,
    );
  });
});

describe('tokenize properties', () => {
  it('tokens are ordered, disjoint, maximal runs of word units, and tokenWords agrees', () => {
    fc.assert(
      fc.property(texts, (s) => {
        const text = fold(s).text;
        const t = tokenize(text);
        const words: string[] = [];
        let previousEnd = 0;
        for (let k = 0; k < t.count; k++) {
          const start = t.starts[k] as number;
          const end = t.ends[k] as number;
          expect(start).toBeGreaterThanOrEqual(previousEnd);
          expect(end).toBeGreaterThan(start);
          for (let i = start; i < end; i++) expect(isWordUnit(text.charCodeAt(i))).toBe(true);
          if (start > 0) expect(isWordUnit(text.charCodeAt(start - 1))).toBe(false);
          if (end < text.length) expect(isWordUnit(text.charCodeAt(end))).toBe(false);
          words.push(text.slice(start, end));
          previousEnd = end;
        }
        expect(tokenWords(text)).toEqual(words);
      }),
      RUNS,
    );
  });
});

describe('matcher properties', () => {
  const dict = builtInDictionary();
  const matcher = compileMatcher(dict);
  // Every form as the matcher keys it: folded words joined by one space.
  const keys = new Set(
    dict.entities.flatMap((e) => entityForms(e).map((f) => tokenWords(foldText(f.text)).join(' '))),
  );
  const forms = [...new Set(dict.entities.flatMap((e) => entityForms(e).map((f) => f.text)))];
  const piece = fc.oneof(
    fc.constantFrom(...forms),
    fc.constantFrom('و', 'ب', 'ل', 'لل', 'ف', 'وب', 'ال', 'وال', 'بال'),
    fc.constantFrom(' ', ' ', ' ', '، ', '\n', '«', '»', "'s", '-', '.', 'َ', 'ـ', '\u200f'),
    fc.constantFrom('قال', 'في', 'مع', 'the', 'said', 'الأمن', 'المتحدة', 'مجلس', 'رانسوم'),
    fc.string({ unit: 'binary', maxLength: 3 }),
  );
  const newsLike = fc.array(piece, { maxLength: 40 }).map((ps) => ps.join(''));

  it('mentions are sorted, disjoint, in range, and each folds to a dictionary form', () => {
    fc.assert(
      fc.property(newsLike, (text) => {
        const mentions = matcher.match(text);
        let previousEnd = 0;
        for (const m of mentions) {
          expect(m.start).toBeGreaterThanOrEqual(previousEnd);
          expect(m.start).toBeLessThan(m.end);
          expect(m.end).toBeLessThanOrEqual(text.length);
          previousEnd = m.end;
          const key = tokenWords(fold(text.slice(m.start, m.end)).text).join(' ');
          // لل + word drops the article's alef: the highlight then folds to the form without "ا".
          expect(keys.has(key) || keys.has(`ا${key}`) || keys.has(`ال${key}`)).toBe(true);
          expect(matcher.entity(m.entityId)).toBeDefined();
        }
      }),
      { numRuns: 500 },
    );
  });

  it('finds every form written alone, as its own entity (or one sharing the form) over the whole form', () => {
    const key = (text: string): string => tokenWords(foldText(text)).join(' ');
    // Entities named by each key: a form two entities share may yield either.
    const owners = new Map<string, Set<string>>();
    for (const e of dict.entities)
      for (const f of entityForms(e)) {
        if (f.kind === 'surname') continue;
        const k = key(f.text);
        owners.set(k, (owners.get(k) ?? new Set()).add(e.id));
      }
    for (const e of dict.entities) {
      for (const f of entityForms(e)) {
        if (f.kind === 'surname') continue;
        const mentions = matcher.match(f.text);
        expect(mentions, f.text).toHaveLength(1);
        const [m] = mentions;
        if (!m) continue;
        // The span runs from the form's first word unit to its last (a final dot, as in U.S., stays out).
        const inWord = Array.from({ length: f.text.length }, (_, i) => isWordUnit(f.text.charCodeAt(i)));
        expect([m.start, m.end], f.text).toEqual([inWord.indexOf(true), inWord.lastIndexOf(true) + 1]);
        // Its own entity, unless another shares the form (the owners then hold both).
        expect([...(owners.get(key(f.text)) ?? [])], f.text).toContain(m.entityId);
      }
    }
  });
});
