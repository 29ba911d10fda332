// The text that quotes are searched in: the text model's string folded (lib/text/fold: diacritics,
// tatweel, alef and hamza variants, case) and with every run of white space made one space, or one
// U+2029 when it crosses a block. A note taken before a site added harakat or re-indented its HTML
// still finds its passage, and every offset maps back to the text model.

import { foldUnits, spanInOriginal, unitsToString } from '../text/fold';
import { BLOCK_SEPARATOR } from '../text/text-model';

export interface SearchText {
  text: string;
  /** map[i]: offset in the original of search-text char i; non-decreasing. */
  map: Int32Array;
  sourceLength: number;
}

const BLOCK = BLOCK_SEPARATOR.charCodeAt(0);

function isSpace(c: number): boolean {
  return (
    c === 0x20 ||
    (c >= 0x09 && c <= 0x0d) ||
    c === 0x2028 ||
    c === BLOCK ||
    c === 0x3000 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x205f
  );
}

/**
 * Collapses white space in source[0, length) into `out` (one space, or one U+2029 when the run
 * crosses a block). With `from`, writes each kept unit's from[] entry to `to`. Returns the length.
 */
function collapse(
  source: Uint16Array,
  length: number,
  out: Uint16Array,
  from: Int32Array | null,
  to: Int32Array | null,
): number {
  let n = 0;
  for (let i = 0; i < length; i++) {
    const c = source[i] as number;
    if (from && to) to[n] = from[i] as number;
    if (!isSpace(c)) {
      out[n++] = c;
      continue;
    }
    let block = c === BLOCK;
    while (i + 1 < length && isSpace(source[i + 1] as number)) {
      i++;
      if (source[i] === BLOCK) block = true;
    }
    out[n++] = block ? BLOCK : 0x20;
  }
  return n;
}

/**
 * `original` folded and with white space collapsed, with the map back to `original`: collapsed
 * straight from the fold's units, so a whole article is read once, not also as a folded string.
 */
export function searchTextOf(original: string): SearchText {
  const folded = foldUnits(original); // scratch buffers: read before the next fold
  const units = new Uint16Array(folded.length);
  const map = new Int32Array(folded.length);
  const n = collapse(folded.units, folded.length, units, folded.map, map);
  return { text: unitsToString(units, n), map: map.slice(0, n), sourceLength: original.length };
}

/** The search-text form of a pattern (a quote, a prefix or a suffix): searchTextOf(pattern).text. */
export function searchKey(pattern: string): string {
  const folded = foldUnits(pattern);
  const units = new Uint16Array(folded.length);
  return unitsToString(units, collapse(folded.units, folded.length, units, null, null));
}

/** [start, end) of the search text as an original span (marks after the last letter included). */
export function toOriginal(search: SearchText, start: number, end: number): [number, number] {
  return spanInOriginal(search.map, search.map.length, search.sourceLength, start, end);
}

/** The search-text offset of original offset `offset`: the first char at or after it. */
export function toSearch(search: SearchText, offset: number): number {
  const { map } = search;
  let lo = 0;
  let hi = map.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((map[mid] as number) < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
