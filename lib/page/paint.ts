// Paints ranges. With the CSS Custom Highlight API nothing in the page changes, so page scripts,
// selection and copy behave as before: one named highlight per group ("hashiya-place"...), coloured
// by ::highlight(hashiya-…) rules in the content script's stylesheet. Browsers without the API get
// <mark> wrapping, background colour only (padding or borders would break Arabic letter joining).
import { TYPE_STYLES, translucent, typeOfGroup } from '../entities/type-styles';
import { colourOfNoteGroup, NOTE_ALPHA, NOTE_COLOUR_HEX } from '../notes/note-styles';
import { liveRange, staticRange } from '../text/text-model';

export const HIGHLIGHT_PREFIX = 'hashiya-';
/** The highlight that flashes the mention the reader just jumped to. */
export const FOCUS_HIGHLIGHT = `${HIGHLIGHT_PREFIX}focus`;
export const MARK_CLASS = 'hashiya-mark';
/**
 * Custom Highlight priorities: the reader's notes are drawn over entity highlights (a name inside a
 * note keeps its underline: note tints are translucent and set no decoration), and the flash of the
 * mention the reader jumped to over both.
 */
export const PRIORITY = { entities: 0, notes: 1, focus: 2 } as const;
/**
 * A page may clear CSS.highlights (often, for its own search highlighting): we put ours back when
 * the reader next hovers, scrolls or the page changes, but not more often than this, so a page that
 * keeps clearing is not fought over.
 */
export const RESTORE_INTERVAL_MS = 1000;

/** Something painted: the fallback points `range` at its marks while they are in place. */
export interface PaintTarget {
  range: AbstractRange;
  /** Where it starts in the text model: the order a `readingOrder` painter adds ranges in. */
  start?: number;
}

export interface Painter {
  /** Replaces everything painted before with these targets, grouped by entity type. */
  paint(groups: ReadonlyMap<string, readonly PaintTarget[]>): void;
  /** Paints these targets too, keeping what is painted (a long article, a slice at a time). */
  add(groups: ReadonlyMap<string, readonly PaintTarget[]>): void;
  /** Emphasises one range (null: none). */
  focus(range: AbstractRange | null): void;
  clear(): void;
  /**
   * Puts back what the page removed from CSS.highlights (at most once per RESTORE_INTERVAL_MS).
   * Cheap when nothing is missing; true when it repainted.
   */
  restore(): boolean;
  /** True when painting leaves the DOM untouched (Custom Highlight API). */
  readonly native: boolean;
  /** True for elements the painter itself inserted (the fallback's <mark>s). */
  owns(node: Node): boolean;
}

/** What painting needs of a window (a fake one in unit tests). */
export type PaintWindow = Pick<Window & typeof globalThis, 'Highlight' | 'CSS' | 'document'>;

export function highlightsSupported(win: PaintWindow = window): boolean {
  return typeof win.Highlight === 'function' && typeof win.CSS !== 'undefined' && 'highlights' in win.CSS;
}

/**
 * A painter of one layer: `priority` is the layer's Custom Highlight priority (PRIORITY). Each
 * painter replaces only what it painted itself, so entities and notes are painted independently.
 * `readingOrder`: register each group's highlight first, then add the ranges of all the groups in
 * reading order (PaintTarget.start). Firefox looks every registered highlight up for each text frame
 * a new range touches, and its look-up compares with a highlight's last range before searching the
 * rest: ranges added in reading order settle it with that first comparison (the notes' five
 * colours: 18 → 13 ms in Firefox for 500 notes; DESIGN.md §7). The entities' slices measured slower
 * so (long article, 4,050 mentions: Firefox 13–14 → 18–19 ms, Chromium 2.6–2.8 → 3.5–5.0 ms).
 */
export function createPainter(
  win: PaintWindow = window,
  now: () => number = () => performance.now(),
  priority: number = PRIORITY.entities,
  readingOrder = false,
): Painter {
  return highlightsSupported(win)
    ? highlightPainter(win, now, priority, readingOrder)
    : markPainter(win.document);
}

function highlightPainter(
  win: PaintWindow,
  now: () => number,
  layerPriority: number,
  readingOrder: boolean,
): Painter {
  // What we registered, so a page's clear() or delete() can be noticed and undone.
  const painted = new Map<string, Highlight>();
  let restoredAt = Number.NEGATIVE_INFINITY;
  const set = (name: string, ranges: readonly AbstractRange[], priority = layerPriority): Highlight => {
    const highlight = new win.Highlight(...ranges);
    highlight.priority = priority;
    win.CSS.highlights.set(name, highlight);
    painted.set(name, highlight);
    return highlight;
  };
  const clear = (): void => {
    for (const [name, highlight] of painted)
      if (win.CSS.highlights.get(name) === highlight) win.CSS.highlights.delete(name);
    painted.clear();
  };
  return {
    native: true,
    clear,
    owns: () => false,
    paint(groups) {
      clear();
      this.add(groups);
    },
    add(groups) {
      if (!readingOrder) {
        for (const [group, targets] of groups) {
          if (targets.length === 0) continue;
          const name = HIGHLIGHT_PREFIX + group;
          const highlight = painted.get(name);
          if (highlight) for (const target of targets) highlight.add(target.range);
          else
            set(
              name,
              targets.map((t) => t.range),
            );
        }
        return;
      }
      const adds: { highlight: Highlight; target: PaintTarget }[] = [];
      for (const [group, targets] of groups) {
        if (targets.length === 0) continue;
        const name = HIGHLIGHT_PREFIX + group;
        const highlight = painted.get(name) ?? set(name, []);
        for (const target of targets) adds.push({ highlight, target });
      }
      if (groups.size > 1) adds.sort((a, b) => (a.target.start ?? 0) - (b.target.start ?? 0));
      for (const { highlight, target } of adds) highlight.add(target.range);
    },
    focus(range) {
      if (range)
        set(FOCUS_HIGHLIGHT, [range], PRIORITY.focus); // drawn over the type and note colours
      else {
        const focused = painted.get(FOCUS_HIGHLIGHT);
        if (focused && win.CSS.highlights.get(FOCUS_HIGHLIGHT) === focused)
          win.CSS.highlights.delete(FOCUS_HIGHLIGHT);
        painted.delete(FOCUS_HIGHLIGHT);
      }
    },
    restore() {
      let missing = false;
      for (const [name, highlight] of painted) if (win.CSS.highlights.get(name) !== highlight) missing = true;
      if (!missing || now() - restoredAt < RESTORE_INTERVAL_MS) return false;
      restoredAt = now();
      for (const [name, highlight] of painted) win.CSS.highlights.set(name, highlight);
      return true;
    },
  };
}

function markPainter(doc: Document): Painter {
  let marks: HTMLElement[] = [];
  // Each painted target's own range, given back when the marks are removed.
  let originals = new Map<PaintTarget, AbstractRange>();
  const clear = (): void => {
    for (const [target, range] of originals) target.range = range;
    originals = new Map();
    const parents = new Set<Node>();
    for (const mark of marks) {
      const parent = mark.parentNode;
      if (!parent) continue;
      while (mark.firstChild) parent.insertBefore(mark.firstChild, mark);
      parent.removeChild(mark);
      parents.add(parent);
    }
    // Re-join the text nodes the wrapping split, so the page is as it was (and the targets' own
    // ranges, which point into the first of each split node, fit again).
    for (const parent of parents) parent.normalize();
    marks = [];
  };
  return {
    native: false,
    clear,
    owns: (node) => node.nodeType === 1 && (node as Element).classList.contains(MARK_CLASS),
    restore: () => false, // marks are part of the page; nothing for the page to clear
    paint(groups) {
      clear();
      this.add(groups);
    },
    add(groups) {
      const pieces: Piece[] = [];
      for (const [group, targets] of groups)
        for (const target of targets) pieces.push(...piecesOf(doc, target, group));
      // Wrap the last piece first: splitting a text node then leaves every earlier offset valid.
      pieces.sort((a, b) => (a.node === b.node ? b.start - a.start : documentOrder(b.node, a.node)));
      const wrapped = pieces.map((piece) => ({ piece, mark: wrapPiece(doc, piece) })).reverse();
      marks.push(...wrapped.map((w) => w.mark));
      // Moving text into a <mark> outdates the target's range: point it at its marks meanwhile, so
      // hit-testing and scrolling keep working.
      const marksOf = new Map<PaintTarget, HTMLElement[]>();
      for (const { piece, mark } of wrapped) {
        const list = marksOf.get(piece.target);
        if (list) list.push(mark);
        else marksOf.set(piece.target, [mark]);
      }
      for (const [target, own] of marksOf) {
        const first = own[0]?.firstChild;
        const last = own[own.length - 1]?.lastChild;
        if (!first || !last) continue;
        originals.set(target, target.range);
        target.range = staticRange(first, 0, last, last.textContent?.length ?? 0);
      }
    },
    focus(range) {
      for (const mark of marks) mark.style.outline = '';
      const live = range && liveRange(range);
      if (!live) return;
      for (const mark of marks) if (live.intersectsNode(mark)) mark.style.outline = '2px solid currentColor';
    },
  };
}

interface Piece {
  node: Text;
  start: number;
  end: number;
  group: string;
  target: PaintTarget;
}

/** The fallback's tint for a highlight group: the note's colour, else the entity type's. */
function markColour(group: string): string {
  const note = colourOfNoteGroup(group);
  if (note) return translucent(NOTE_COLOUR_HEX[note], NOTE_ALPHA);
  const type = typeOfGroup(group);
  return `${type ? TYPE_STYLES[type].colour : '#888888'}40`;
}

function documentOrder(a: Node, b: Node): number {
  return a.compareDocumentPosition(b) & 4 /* FOLLOWING */ ? -1 : 1;
}

/** The text-node pieces of the target's range. */
function piecesOf(doc: Document, target: PaintTarget, group: string): Piece[] {
  const range = liveRange(target.range);
  if (!range) return [];
  const pieces: Piece[] = [];
  const root = range.commonAncestorContainer;
  const walker = doc.createTreeWalker(root, 4 /* SHOW_TEXT */);
  for (let node = root.nodeType === 3 ? root : walker.nextNode(); node; node = walker.nextNode()) {
    if (!range.intersectsNode(node)) continue;
    const text = node as Text;
    const start = text === range.startContainer ? range.startOffset : 0;
    const end = text === range.endContainer ? range.endOffset : text.length;
    if (start < end) pieces.push({ node: text, start, end, group, target });
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
  // Background only: padding or borders would break Arabic letter joining.
  mark.style.cssText = `background-color: ${markColour(group)}; color: inherit;`;
  target.parentNode?.insertBefore(mark, target);
  mark.appendChild(target);
  return mark;
}
