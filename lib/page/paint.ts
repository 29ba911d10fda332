// Paints ranges. With the CSS Custom Highlight API nothing in the page changes, so page scripts,
// selection and copy behave as before: one named highlight per group ("hashiya-place"...), coloured
// by ::highlight(hashiya-…) rules in the content script's stylesheet. Browsers without the API get
// <mark> wrapping, background colour only (padding or borders would break Arabic letter joining).
import { TYPE_STYLES } from '../entities/type-styles';

export const HIGHLIGHT_PREFIX = 'hashiya-';
/** The highlight that flashes the mention the reader just jumped to. */
export const FOCUS_HIGHLIGHT = `${HIGHLIGHT_PREFIX}focus`;
export const MARK_CLASS = 'hashiya-mark';

export interface Painter {
  /** Replaces everything painted before with these ranges, grouped by entity type. */
  paint(groups: ReadonlyMap<string, readonly Range[]>): void;
  /** Emphasises one range (null: none). */
  focus(range: Range | null): void;
  clear(): void;
  /** True when painting leaves the DOM untouched (Custom Highlight API). */
  readonly native: boolean;
  /** True for elements the painter itself inserted (the fallback's <mark>s). */
  owns(node: Node): boolean;
}

type HighlightWindow = Window & typeof globalThis;

export function highlightsSupported(win: HighlightWindow = window): boolean {
  return typeof win.Highlight === 'function' && typeof win.CSS !== 'undefined' && 'highlights' in win.CSS;
}

export function createPainter(win: HighlightWindow = window): Painter {
  return highlightsSupported(win) ? highlightPainter(win) : markPainter(win.document);
}

function highlightPainter(win: HighlightWindow): Painter {
  const painted = new Set<string>();
  const set = (name: string, ranges: readonly Range[], priority = 0) => {
    const highlight = new win.Highlight(...ranges);
    highlight.priority = priority;
    win.CSS.highlights.set(name, highlight);
    painted.add(name);
  };
  const clear = (): void => {
    for (const name of painted) win.CSS.highlights.delete(name);
    painted.clear();
  };
  return {
    native: true,
    clear,
    owns: () => false,
    paint(groups) {
      clear();
      for (const [group, ranges] of groups) if (ranges.length > 0) set(HIGHLIGHT_PREFIX + group, ranges);
    },
    focus(range) {
      if (range)
        set(FOCUS_HIGHLIGHT, [range], 1); // drawn over the type colour
      else {
        win.CSS.highlights.delete(FOCUS_HIGHLIGHT);
        painted.delete(FOCUS_HIGHLIGHT);
      }
    },
  };
}

function markPainter(doc: Document): Painter {
  let marks: HTMLElement[] = [];
  const clear = (): void => {
    const parents = new Set<Node>();
    for (const mark of marks) {
      const parent = mark.parentNode;
      if (!parent) continue;
      while (mark.firstChild) parent.insertBefore(mark.firstChild, mark);
      parent.removeChild(mark);
      parents.add(parent);
    }
    // Re-join the text nodes the wrapping split, so the page is as it was.
    for (const parent of parents) parent.normalize();
    marks = [];
  };
  return {
    native: false,
    clear,
    owns: (node) => node.nodeType === 1 && (node as Element).classList.contains(MARK_CLASS),
    paint(groups) {
      clear();
      const pieces: Piece[] = [];
      for (const [group, ranges] of groups)
        for (const range of ranges) pieces.push(...piecesOf(doc, range, group));
      // Wrap the last piece first: splitting a text node then leaves every earlier offset valid,
      // without relying on live-range updates.
      pieces.sort((a, b) => (a.node === b.node ? b.start - a.start : documentOrder(b.node, a.node)));
      const wrapped = pieces.map((piece) => ({ piece, mark: wrapPiece(doc, piece) })).reverse();
      marks = wrapped.map((w) => w.mark);
      // Moving text into a <mark> collapses live ranges on it: point each range at its marks again,
      // so hit-testing and scrolling keep working.
      const marksOf = new Map<Range, HTMLElement[]>();
      for (const { piece, mark } of wrapped) {
        const list = marksOf.get(piece.range);
        if (list) list.push(mark);
        else marksOf.set(piece.range, [mark]);
      }
      for (const [range, own] of marksOf) {
        const first = own[0]?.firstChild;
        const last = own[own.length - 1]?.lastChild;
        if (!first || !last) continue;
        range.setStart(first, 0);
        range.setEnd(last, last.textContent?.length ?? 0);
      }
    },
    focus(range) {
      for (const mark of marks) mark.style.outline = '';
      if (!range) return;
      for (const mark of marks) if (range.intersectsNode(mark)) mark.style.outline = '2px solid currentColor';
    },
  };
}

interface Piece {
  node: Text;
  start: number;
  end: number;
  group: string;
  range: Range;
}

function documentOrder(a: Node, b: Node): number {
  return a.compareDocumentPosition(b) & 4 /* FOLLOWING */ ? -1 : 1;
}

/** The text-node pieces of `range`. */
function piecesOf(doc: Document, range: Range, group: string): Piece[] {
  const pieces: Piece[] = [];
  const root = range.commonAncestorContainer;
  const walker = doc.createTreeWalker(root, 4 /* SHOW_TEXT */);
  for (let node = root.nodeType === 3 ? root : walker.nextNode(); node; node = walker.nextNode()) {
    if (!range.intersectsNode(node)) continue;
    const text = node as Text;
    const start = text === range.startContainer ? range.startOffset : 0;
    const end = text === range.endContainer ? range.endOffset : text.length;
    if (start < end) pieces.push({ node: text, start, end, group, range });
    if (root.nodeType === 3) break;
  }
  return pieces;
}

function wrapPiece(doc: Document, { node, start, end, group }: Piece): HTMLElement {
  if (end < node.length) node.splitText(end);
  const target = start > 0 ? node.splitText(start) : node;
  const mark = doc.createElement('mark');
  mark.className = MARK_CLASS;
  mark.dataset.hashiyaType = group;
  const colour = TYPE_STYLES[group as keyof typeof TYPE_STYLES]?.colour ?? '#888888';
  // Background only: padding or borders would break Arabic letter joining.
  mark.style.cssText = `background-color: ${colour}40; color: inherit;`;
  target.parentNode?.insertBefore(mark, target);
  mark.appendChild(target);
  return mark;
}
