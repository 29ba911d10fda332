// Which part of an article's text is on or near the reader's screen. An article with many mentions
// has those painted first, in the analysis's own task, and the rest in the browser's idle time
// (PageSession; DESIGN.md §7).
import type { TextModel } from '../text/text-model';

/** A vertical band of the viewport, in CSS pixels from its top. */
export interface Band {
  top: number;
  bottom: number;
}

/** Where a text node is drawn, or null when it is not (hidden, or nothing but collapsed space). */
export type BoxOf = (node: Text) => Band | null;

/** How many nodes past an undrawn one are tried before the search takes the region as undrawn. */
const PROBE_NODES = 32;

/**
 * The offsets [start, end) of the article's text drawn within `band`, or null when none is found.
 * A binary search over the text nodes (a few dozen box reads for tens of thousands of nodes): it
 * takes the nodes to run down the page in text order, as an article's do. Where a page lays them out
 * otherwise (floats, columns), a mention on screen may be missed here: the idle slices paint it soon
 * after.
 */
export function textNearScreen(
  model: TextModel,
  band: Band,
  boxOf: BoxOf,
): { start: number; end: number } | null {
  const { nodes, starts, text } = model;
  const n = nodes.length;
  // The box of node i, or of the first drawn node after it (within PROBE_NODES).
  const drawnFrom = (i: number): Band | null => {
    for (let j = i; j < n && j < i + PROBE_NODES; j++) {
      const box = boxOf(nodes[j] as Text);
      if (box) return box;
    }
    return null;
  };
  // The first node for which `past` holds; `past` must be false, then true, down the nodes.
  const firstWhere = (past: (box: Band) => boolean): number => {
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const box = drawnFrom(mid);
      // Nothing drawn from here on: take it as below the band.
      if (!box || past(box)) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
  const first = firstWhere((box) => box.bottom >= band.top);
  const after = firstWhere((box) => box.top > band.bottom);
  if (first >= after || first >= n) return null;
  return { start: starts[first] as number, end: after < n ? (starts[after] as number) : text.length };
}

/** The viewport from one screen above it to one below: what a reader sees, or scrolls to next. */
export function screenBand(win: Pick<Window, 'innerHeight'> = window): Band {
  const height = win.innerHeight;
  return { top: -height, bottom: 2 * height };
}

/** Boxes read from the page's layout, through one Range (a DOM read per node asked about). */
export function drawnBoxes(doc: Document): BoxOf {
  const range = doc.createRange();
  return (node) => {
    range.selectNodeContents(node);
    const rect = range.getBoundingClientRect();
    return rect.width === 0 && rect.height === 0 ? null : { top: rect.top, bottom: rect.bottom };
  };
}

/** The indices [from, to) of the sorted spans that start within [start, end). */
export function spansWithin(
  spans: readonly { start: number }[],
  start: number,
  end: number,
): { from: number; to: number } {
  const firstAtOrAfter = (offset: number): number => {
    let lo = 0;
    let hi = spans.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((spans[mid] as { start: number }).start < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return { from: firstAtOrAfter(start), to: firstAtOrAfter(end) };
}

/**
 * A long article's mentions are asked for in two parts when the text after the reader's screen is at
 * least this long: the part up to the screen's end first (what the page waits for), the whole text
 * after the screen is painted. Below it one trip is cheaper than two.
 */
export const FIRST_PART_MIN_REST = 50_000;
/** Where the layout tells nothing, the first part covers at least this much of the article's start. */
export const FIRST_PART_CHARS = 20_000;

/**
 * The end of the text worth matching first: just past the first block break (U+2029, where no
 * mention runs across and, since a match only looks back, the whole text's mentions before it are
 * the part's) at or after `screenEnd`; the text's length when the rest would be too short to be
 * worth a second trip.
 */
export function firstPartEnd(text: string, screenEnd: number | null): number {
  const brk = text.indexOf('\u2029', screenEnd ?? FIRST_PART_CHARS);
  const end = brk < 0 ? text.length : brk + 1;
  return text.length - end >= FIRST_PART_MIN_REST ? end : text.length;
}
