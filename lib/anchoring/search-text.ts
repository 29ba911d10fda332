// The text that quotes are searched in: the text model's string folded (lib/text/fold: diacritics,
// tatweel, alef and hamza variants, case) and with every run of white space made one space, or one
// U+2029 when it crosses a block. A note taken before a site added harakat or re-indented its HTML
// still finds its passage, and every offset maps back to the text model.

import { fold, spanInOriginal } from '../text/fold';
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

/** `original` folded and with white space collapsed, with the map back to `original`. */
export function searchTextOf(original: string): SearchText {
  const folded = fold(original);
  const source = folded.text;
  const units: number[] = [];
  const map = new Int32Array(source.length);
  let n = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (!isSpace(c)) {
      units.push(c);
      map[n++] = folded.map[i] as number;
      continue;
    }
    const at = folded.map[i] as number;
    let block = c === BLOCK;
    while (i + 1 < source.length && isSpace(source.charCodeAt(i + 1))) {
      i++;
      if (source.charCodeAt(i) === BLOCK) block = true;
    }
    units.push(block ? BLOCK : 0x20);
    map[n++] = at;
  }
  let text = '';
  // String.fromCharCode over chunks: the argument count is bounded.
  for (let k = 0; k < n; k += 8192) text += String.fromCharCode(...units.slice(k, k + 8192));
  return { text, map: map.slice(0, n), sourceLength: original.length };
}

/** The search-text form of a pattern (a quote, a prefix or a suffix). */
export function searchKey(pattern: string): string {
  return searchTextOf(pattern).text;
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
