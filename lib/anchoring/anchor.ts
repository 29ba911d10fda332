// Finding a described passage again (DESIGN.md §4), cheapest first:
//   1. position: the text at the stored offsets still equals the quote, its nearest context too;
//   2. exact: moved as far as the notes before it with all its context intact (no folding needed);
//      else the quote (folded, white space collapsed) occurs in the text; among repeats the one
//      whose surroundings best match the stored prefix/suffix, then the closest to where it was;
//   3. approximate: the quote within about a quarter of its length in edits (approx-string-match,
//      Myers' bit-parallel algorithm, as Hypothesis uses), scored the same way; searched first
//      near where the passage is expected, then in the whole text;
//   4. else an orphan: the caller keeps the note and lists it with its quote.
import search from 'approx-string-match';
import type { TextPositionSelector, TextQuoteSelector } from '../notes/model';
import { unitsToString } from '../text/fold';
import { type SearchText, searchKey, searchTextOf, toOriginal, toSearch } from './search-text';

export interface AnchorTarget {
  quote: TextQuoteSelector;
  position: TextPositionSelector;
}

export type AnchorMethod = 'position' | 'exact' | 'approximate';

export interface Anchor {
  /** [start, end) in the text model's coordinates. */
  start: number;
  end: number;
  method: AnchorMethod;
}

/** Edits allowed per quote character in the approximate step. */
export const MAX_ERROR_RATE = 0.25;
/** Below this many search-text characters a fuzzy quote must also have its surroundings to count. */
const SHORT_QUOTE = 16;
/** Search-text characters read on each side of where a passage is expected before the whole text. */
const NEAR = 500;
/** Characters of context on each side that must still be there for the position step. */
const NEAR_CONTEXT = 8;

// Weights of a candidate's score (Hypothesis's): the quote itself, each side's context, position.
const QUOTE_WEIGHT = 50;
const CONTEXT_WEIGHT = 20;
const POSITION_WEIGHT = 2;

interface Candidate {
  /** Search-text span. */
  start: number;
  end: number;
  errors: number;
}

interface Pattern {
  exact: string;
  prefix: string;
  suffix: string;
}

/** Re-anchors notes on one text: the folded search text is built once, on first need. */
export class Anchorer {
  private searchText: SearchText | null = null;
  /** The search text in units 1–255, with each original unit's code; null when it has more. */
  private smallAlphabet: { text: string; codes: Map<number, number> } | null | undefined;

  constructor(readonly text: string) {}

  private get folded(): SearchText {
    this.searchText ??= searchTextOf(this.text);
    return this.searchText;
  }

  /**
   * True when the text at the stored offsets is still the quote, with the nearest characters of its
   * context on each side: a repeat of the quote that text inserted before it moved under the old
   * offsets is not the passage.
   */
  private stillAt({ quote, position }: AnchorTarget): boolean {
    const { text } = this;
    if (text.slice(position.start, position.end) !== quote.exact) return false;
    const before = quote.prefix.slice(-NEAR_CONTEXT);
    const after = quote.suffix.slice(0, NEAR_CONTEXT);
    return (
      position.start >= before.length &&
      text.slice(position.start - before.length, position.start) === before &&
      text.slice(position.end, position.end + after.length) === after
    );
  }

  /** True when the quote and its whole stored context are, unchanged, `shift` characters away. */
  private movedWhole({ quote, position }: AnchorTarget, shift: number): boolean {
    const { text } = this;
    const start = position.start + shift;
    const end = start + quote.exact.length;
    return (
      start >= quote.prefix.length &&
      text.startsWith(quote.exact, start) &&
      text.startsWith(quote.prefix, start - quote.prefix.length) &&
      text.startsWith(quote.suffix, end)
    );
  }

  /**
   * Anchors one target. `shift` is how far passages seem to have moved since the note was taken
   * (anchorAll() learns it from the notes before); the position step ignores it.
   */
  anchor(target: AnchorTarget, shift = 0): Anchor | null {
    const { quote, position } = target;
    if (quote.exact === '') return null;
    if (this.stillAt(target)) return { start: position.start, end: position.end, method: 'position' };
    // Moved as far as the notes before it, with all its context: the best the exact step could
    // find (quote, both contexts and position all score their most), found without folding the text.
    if (shift !== 0 && this.movedWhole(target, shift))
      return { start: position.start + shift, end: position.end + shift, method: 'exact' };
    const pattern: Pattern = {
      exact: searchKey(quote.exact),
      prefix: searchKey(quote.prefix),
      suffix: searchKey(quote.suffix),
    };
    if (pattern.exact === '' || pattern.exact === ' ') return null;
    const folded = this.folded;
    const expected = toSearch(folded, Math.max(0, position.start + shift));
    const exact = this.exactMatch(pattern, expected);
    if (exact) return this.toAnchor(exact, 'exact');
    const fuzzy = this.approximate(pattern, expected);
    return fuzzy ? this.toAnchor(this.snapToEdgeWords(fuzzy, pattern.exact), 'approximate') : null;
  }

  /** Anchors many targets; the result is in the targets' order, null for an orphan. */
  anchorAll(targets: readonly AnchorTarget[]): (Anchor | null)[] {
    const order = targets.map((_, i) => i);
    order.sort(
      (a, b) => (targets[a] as AnchorTarget).position.start - (targets[b] as AnchorTarget).position.start,
    );
    const out: (Anchor | null)[] = new Array(targets.length).fill(null);
    // Text inserted or removed before a passage moves everything after it: expect the next
    // passage moved as far as the last one found.
    let shift = 0;
    for (const i of order) {
      const target = targets[i] as AnchorTarget;
      const anchor = this.anchor(target, shift);
      out[i] = anchor;
      if (anchor) shift = anchor.start - target.position.start;
    }
    return out;
  }

  private toAnchor(candidate: Candidate, method: AnchorMethod): Anchor {
    const [start, end] = toOriginal(this.folded, candidate.start, candidate.end);
    return { start, end, method };
  }

  /**
   * The fewest edits can cut a quote short: "قررت قطع" found in "قررت فورا قطع" is cheapest as
   * "فورا قطع" (three substitutions rather than five insertions). When the quote's first or last
   * word is still there within the edits allowed, the passage starts or ends with it.
   */
  private snapToEdgeWords(candidate: Candidate, exact: string): Candidate {
    const text = this.folded.text;
    const reach = Math.floor(exact.length * MAX_ERROR_RATE);
    const words = exact.split(/[ \u2029]/);
    const first = words[0] ?? '';
    const last = words[words.length - 1] ?? '';
    let { start, end } = candidate;
    if (words.length > 1 && first !== '' && text.slice(start, start + first.length) !== first) {
      const from = Math.max(0, start - reach);
      const at = text.slice(from, start + reach + first.length).lastIndexOf(first);
      if (at >= 0 && from + at < end) start = from + at;
    }
    if (words.length > 1 && last !== '' && text.slice(end - last.length, end) !== last) {
      const from = Math.max(start, end - reach - last.length);
      const at = text.slice(from, end + reach).indexOf(last);
      if (at >= 0) end = Math.max(end, from + at + last.length);
    }
    return { start, end, errors: candidate.errors };
  }

  /**
   * The best exact occurrence. Near the expected place first: one there with both sides of its
   * context intact beats any farther one (they can only score lower on position), so the rest of
   * the text is read only when no such occurrence is near.
   */
  private exactMatch(pattern: Pattern, expected: number): Candidate | null {
    const text = this.folded.text;
    const [from, to] = this.windowAround(expected, pattern.exact.length);
    const near = this.bestOf(occurrences(text.slice(from, to), pattern.exact, from), pattern, expected, 0);
    if (
      near &&
      this.prefixScore(pattern.prefix, near.start) === 1 &&
      this.suffixScore(pattern.suffix, near.end) === 1
    )
      return near;
    if (from === 0 && to === text.length) return near;
    return this.bestOf(occurrences(text, pattern.exact, 0), pattern, expected, 0);
  }

  /** The stretch of search text to read first for a passage of `length` expected at `expected`. */
  private windowAround(expected: number, length: number): [number, number] {
    const reach = Math.max(NEAR, length * 4);
    const size = this.folded.text.length;
    return [Math.max(0, expected - reach), Math.min(size, expected + length + reach)];
  }

  private approximate(pattern: Pattern, expected: number): Candidate | null {
    const maxErrors = Math.floor(pattern.exact.length * MAX_ERROR_RATE);
    if (maxErrors === 0) return null;
    const { text, key } = this.narrow(pattern.exact);
    // Near the expected place first: a passage edited in place is found without reading the
    // whole article.
    const [from, to] = this.windowAround(expected, pattern.exact.length);
    const near = search(text.slice(from, to), key, maxErrors).map((m) => ({
      start: m.start + from,
      end: m.end + from,
      errors: m.errors,
    }));
    const best = this.bestOf(near, pattern, expected, maxErrors);
    if (best) return best;
    if (from === 0 && to === text.length) return null;
    return this.bestOf(search(text, key, maxErrors), pattern, expected, maxErrors);
  }

  /**
   * The search text and `pattern` in a small alphabet when the text has fewer than 256 distinct
   * units (an article nearly always does): approx-string-match looks those up in an array rather
   * than a Map, about twice as fast over a whole article, and every offset and edit count is the
   * same (a unit of the pattern the text lacks becomes 0, which the text never has).
   */
  private narrow(pattern: string): { text: string; key: string } {
    if (this.smallAlphabet === undefined) {
      const text = this.folded.text;
      const codes = new Map<number, number>();
      const units = new Uint16Array(text.length);
      for (let i = 0; i < text.length && codes.size < 256; i++) {
        const unit = text.charCodeAt(i);
        let code = codes.get(unit);
        if (code === undefined) {
          code = codes.size + 1;
          codes.set(unit, code);
        }
        units[i] = code;
      }
      this.smallAlphabet = codes.size < 256 ? { text: unitsToString(units, units.length), codes } : null;
    }
    const small = this.smallAlphabet;
    if (!small) return { text: this.folded.text, key: pattern };
    let key = '';
    for (let i = 0; i < pattern.length; i++)
      key += String.fromCharCode(small.codes.get(pattern.charCodeAt(i)) ?? 0);
    return { text: small.text, key };
  }

  /** The best-scoring candidate, or null when there is none (or none a short quote can trust). */
  private bestOf(
    candidates: Candidate[],
    pattern: Pattern,
    expected: number,
    maxErrors: number,
  ): Candidate | null {
    if (candidates.length === 1 && maxErrors === 0) return candidates[0] as Candidate;
    let best: Candidate | null = null;
    let bestScore = -1;
    const length = this.folded.text.length || 1;
    for (const candidate of candidates) {
      const prefixScore = this.prefixScore(pattern.prefix, candidate.start);
      const suffixScore = this.suffixScore(pattern.suffix, candidate.end);
      // A short quote found with edits may be any few letters: it needs its surroundings too.
      if (
        candidate.errors > 0 &&
        pattern.exact.length < SHORT_QUOTE &&
        Math.max(prefixScore, suffixScore) < 0.5
      )
        continue;
      const quoteScore = 1 - candidate.errors / pattern.exact.length;
      const positionScore = 1 - Math.abs(candidate.start - expected) / length;
      const score =
        QUOTE_WEIGHT * quoteScore +
        CONTEXT_WEIGHT * (prefixScore + suffixScore) +
        POSITION_WEIGHT * positionScore;
      if (score > bestScore) {
        bestScore = score;
        best = candidate;
      }
    }
    return best;
  }

  /** How well the text before `at` matches the stored prefix, 0–1 (1 when there is no prefix). */
  private prefixScore(prefix: string, at: number): number {
    if (prefix === '') return 1;
    const before = this.folded.text.slice(Math.max(0, at - prefix.length), at);
    return similarity(before, prefix);
  }

  private suffixScore(suffix: string, at: number): number {
    if (suffix === '') return 1;
    const after = this.folded.text.slice(at, at + suffix.length);
    return similarity(after, suffix);
  }
}

/** Every occurrence of `pattern` in `text`, as candidates offset by `base`. */
function occurrences(text: string, pattern: string, base: number): Candidate[] {
  const out: Candidate[] = [];
  for (let at = text.indexOf(pattern); at >= 0; at = text.indexOf(pattern, at + 1)) {
    out.push({ start: base + at, end: base + at + pattern.length, errors: 0 });
  }
  return out;
}

/** 1 − (fewest edits to find `pattern` in `text`) / pattern length; 1 for an equal string. */
function similarity(text: string, pattern: string): number {
  if (text === pattern) return 1;
  const matches = search(text, pattern, pattern.length);
  const errors = matches.length > 0 ? Math.min(...matches.map((m) => m.errors)) : pattern.length;
  return 1 - errors / pattern.length;
}

/** Anchors the targets on `text` (a text model's string). */
export function anchorAll(text: string, targets: readonly AnchorTarget[]): (Anchor | null)[] {
  return new Anchorer(text).anchorAll(targets);
}
