// One string for the article's text, with each text node's start offset, so that entity
// mentions and note anchors share one coordinate space (DESIGN.md §2).

/**
 * Inserted between blocks and at <br>, so words in adjacent paragraphs never join. U+2029 (paragraph
 * separator) rather than a line feed: page text is full of line feeds from the HTML source, which
 * the reader sees as spaces, so a name may run across one but never across this.
 */
export const BLOCK_SEPARATOR = '\u2029';

export interface TextModel {
  /** The node the model was built from. */
  readonly root: Node;
  /** Concatenated text of the accepted text nodes, with BLOCK_SEPARATOR at block boundaries. */
  readonly text: string;
  /** The text nodes in document order. */
  readonly nodes: readonly Text[];
  /** starts[i] is the offset in `text` where nodes[i] begins. */
  readonly starts: readonly number[];
}

// Elements whose start or end breaks the flow of words. A tag list rather than computed style:
// computed style on every element costs a layout, and news markup uses these tags faithfully.
const BLOCK_TAGS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'BR',
  'DD',
  'DETAILS',
  'DIALOG',
  'DIV',
  'DL',
  'DT',
  'FIELDSET',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'SUMMARY',
  'TABLE',
  'TBODY',
  'TD',
  'TFOOT',
  'TH',
  'THEAD',
  'TR',
  'UL',
  'IMG',
  'VIDEO',
  'AUDIO',
  'IFRAME',
  'PICTURE',
  'SVG',
  'CANVAS',
]);

export function isBlockElement(el: Element): boolean {
  return BLOCK_TAGS.has(el.tagName.toUpperCase());
}

/**
 * Builds the text model of `root`: every text node for which `acceptText` is true, in document
 * order, skipping whole subtrees for which `skipElement` is true.
 */
export function buildTextModel(
  root: Node,
  acceptText: (node: Text) => boolean = () => true,
  skipElement: (el: Element) => boolean = () => false,
): TextModel {
  const parts: string[] = [];
  const nodes: Text[] = [];
  const starts: number[] = [];
  let length = 0;
  let pendingBreak = false;

  const visit = (node: Node): void => {
    if (node.nodeType === 3) {
      const text = node as Text;
      const data = text.data;
      if (data.length === 0 || !acceptText(text)) return;
      if (pendingBreak && length > 0) {
        parts.push(BLOCK_SEPARATOR);
        length += BLOCK_SEPARATOR.length;
      }
      pendingBreak = false;
      nodes.push(text);
      starts.push(length);
      parts.push(data);
      length += data.length;
      return;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return;
    const isElement = node.nodeType === 1;
    if (isElement && skipElement(node as Element)) return;
    const block = isElement && isBlockElement(node as Element);
    if (block) pendingBreak = true;
    for (let child = node.firstChild; child; child = child.nextSibling) visit(child);
    if (block) pendingBreak = true;
  };
  visit(root);
  return { root, text: parts.join(''), nodes, starts };
}

/** Index of the node containing `offset` (an offset at a node's end belongs to that node). */
function nodeIndexAt(model: TextModel, offset: number, preferEnd: boolean): number {
  const { starts, nodes } = model;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    const start = starts[mid] ?? 0;
    if (start < offset || (!preferEnd && start === offset)) lo = mid;
    else hi = mid - 1;
  }
  // A start offset that falls on a separator belongs to the next node.
  const node = nodes[lo];
  const start = starts[lo] ?? 0;
  if (!preferEnd && node && offset >= start + node.data.length && lo + 1 < nodes.length) return lo + 1;
  return lo;
}

/** A DOM Range for [start, end) in model coordinates, or null when the model is empty. */
export function rangeFromOffsets(model: TextModel, start: number, end: number): Range | null {
  if (model.nodes.length === 0 || end <= start) return null;
  const first = nodeIndexAt(model, start, false);
  const last = nodeIndexAt(model, end, true);
  const startNode = model.nodes[first];
  const endNode = model.nodes[last];
  if (!startNode || !endNode) return null;
  const range = startNode.ownerDocument.createRange();
  range.setStart(startNode, clamp(start - (model.starts[first] ?? 0), 0, startNode.data.length));
  range.setEnd(endNode, clamp(end - (model.starts[last] ?? 0), 0, endNode.data.length));
  return range;
}

/** The last node in [from, last] whose start offset `holds` (true up to some node, false after); `from` if none. */
function lastNodeFrom(
  starts: readonly number[],
  from: number,
  last: number,
  holds: (start: number) => boolean,
): number {
  let lo = from;
  let hi = last;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (holds(starts[mid] as number)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * Ranges for many spans sorted by start and not overlapping (a page's mentions), in one forward walk
 * over the nodes: the same spans as rangeFromOffsets, without two searches per span. Static ranges:
 * the browser updates every live Range on every change to the page, which with thousands of them
 * slows the page's own scripts many times over.
 */
export function rangesFromSortedOffsets(
  model: TextModel,
  spans: readonly { start: number; end: number }[],
): (AbstractRange | null)[] {
  const { nodes, starts } = model;
  const out: (AbstractRange | null)[] = [];
  const last = nodes.length - 1;
  const make = last < 0 ? staticRange : staticRangeMaker(nodes[0] as Text);
  // The nodes the spans lie in, found by halving: a slice of a long article's mentions may start
  // tens of thousands of nodes in, and end a few hundred later.
  let maxEnd = 0;
  for (const { end } of spans) if (end > maxEnd) maxEnd = end;
  const base = lastNodeFrom(starts, 0, last, (at) => at <= (spans[0]?.start ?? 0));
  const top = lastNodeFrom(starts, base, last, (at) => at < maxEnd);
  let si = base;
  let ei = base;
  // Each node's length read once (a DOM read per node, not three per span: an article names
  // thousands of entities in far fewer nodes, and each read crosses the content script's wall).
  const lengths = new Int32Array(Math.max(0, top - base + 1)).fill(-1);
  const lengthOf = (i: number): number => {
    let length = lengths[i - base] as number;
    if (length < 0) {
      length = (nodes[i] as Text).length;
      lengths[i - base] = length;
    }
    return length;
  };
  for (const { start, end } of spans) {
    if (last < 0 || end <= start) {
      out.push(null);
      continue;
    }
    while (si < last && (starts[si + 1] as number) <= start) si++;
    while (ei < last && (starts[ei + 1] as number) < end) ei++;
    // A start at the very end of a node (on a separator) belongs to the next node.
    const first = si < last && start >= (starts[si] as number) + lengthOf(si) ? si + 1 : si;
    const endOffset = clamp(end - (starts[ei] as number), 0, lengthOf(ei));
    const endNode = nodes[ei] as Text;
    // A span of nothing but a separator starts after it ends: collapsed, as a live Range would be.
    if (first > ei) out.push(make(endNode, endOffset, endNode, endOffset));
    else
      out.push(
        make(
          nodes[first] as Text,
          clamp(start - (starts[first] as number), 0, lengthOf(first)),
          endNode,
          endOffset,
        ),
      );
  }
  return out;
}

type MakeRange = (
  startContainer: Node,
  startOffset: number,
  endContainer: Node,
  endOffset: number,
) => AbstractRange;

/**
 * Makes static ranges in the document of `node`. Looks the constructor up once: in a Firefox
 * content script every DOM property read crosses a wrapper, three reads per range otherwise.
 */
function staticRangeMaker(node: Node): MakeRange {
  const Static = node.ownerDocument?.defaultView?.StaticRange;
  if (typeof Static !== 'function')
    return (startContainer, startOffset, endContainer, endOffset) => ({
      startContainer,
      startOffset,
      endContainer,
      endOffset,
      collapsed: startContainer === endContainer && startOffset === endOffset,
    });
  return (startContainer, startOffset, endContainer, endOffset) =>
    new Static({ startContainer, startOffset, endContainer, endOffset });
}

/** A range the browser does not keep up to date (StaticRange; a plain record where there is none). */
export function staticRange(
  startContainer: Node,
  startOffset: number,
  endContainer: Node,
  endOffset: number,
): AbstractRange {
  return staticRangeMaker(startContainer)(startContainer, startOffset, endContainer, endOffset);
}

/**
 * A live Range over `range`, for the moment it takes to measure, compare or read it; null when the
 * range no longer fits its nodes (the page changed them). Do not keep it: see rangesFromSortedOffsets.
 */
export function liveRange(range: AbstractRange): Range | null {
  const doc = range.startContainer.ownerDocument;
  if (!doc) return null;
  try {
    const live = doc.createRange();
    live.setStart(range.startContainer, range.startOffset);
    live.setEnd(range.endContainer, range.endOffset);
    return live;
  } catch {
    return null;
  }
}

/** The text of a range, as Range.toString() gives it ('' when it no longer fits its nodes). */
export function rangeText(range: AbstractRange): string {
  return liveRange(range)?.toString() ?? '';
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), max);
}
