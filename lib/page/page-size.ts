// Whether a page is small enough to analyse unasked. Readability runs in one task with no limit of
// its own: its cost grows with the number of elements and about with the square of the nesting
// depth (a page 3,000 elements deep held the page for a minute; one with 100,000 tiny elements for
// over a second). Measured before anything costly, in a few ms: past either bound the extension
// does nothing on its own and the popup offers "Analyse anyway". Where the bounds come from (a cold
// Readability parse in Chromium / Firefox): 150 levels deep 58 / 86 ms, 300 deep 194 / 194 ms;
// 10,000 tiny elements 103 ms in Chromium, 30,000 192 / 240 ms (plus 27 / 41 ms to clone).

/** More elements than this: too large to analyse unasked. */
export const MAX_ELEMENTS = 15_000;
/** Deeper nesting than this: too deep to analyse unasked. */
export const MAX_DEPTH = 150;

export interface PageSize {
  elements: number;
  /** The deepest element's depth below <html>; counting stops just past MAX_DEPTH. */
  depth: number;
}

export function measurePage(doc: Document): PageSize {
  const elements = doc.getElementsByTagName('*').length;
  // Past the element bound the depth no longer matters: do not walk a huge tree to find it.
  if (elements > MAX_ELEMENTS) return { elements, depth: 0 };
  const walker = doc.createTreeWalker(doc.documentElement, 1 /* SHOW_ELEMENT */);
  let depth = 0;
  let deepest = 0;
  for (;;) {
    if (depth <= MAX_DEPTH && walker.firstChild()) {
      depth++;
      if (depth > deepest) deepest = depth;
      continue;
    }
    while (!walker.nextSibling()) {
      if (!walker.parentNode()) return { elements, depth: deepest };
      depth--;
    }
  }
}

export function withinBounds(size: PageSize): boolean {
  return size.elements <= MAX_ELEMENTS && size.depth <= MAX_DEPTH;
}
