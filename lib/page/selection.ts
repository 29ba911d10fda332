// What the reader selected, in the article's text-model coordinates (the selection toolbar's first
// question): a passage of the article, something outside it ("Notes can be added to the article
// text"), or nothing worth asking about (white space, a text field, our own UI). Selections made by
// mouse or keyboard look alike here; they may cross element boundaries (a name in a link, a quote
// across two paragraphs) and start or end inside a painted highlight, including the <mark> fallback,
// which splits the model's text nodes.
import { modelNodeIndex, offsetsOfRange } from '../anchoring/range-offsets';
import type { TextModel } from '../text/text-model';
import { isInsideEditable } from './editable';
import { MARK_CLASS } from './paint';

type Boundaries = Pick<AbstractRange, 'startContainer' | 'startOffset' | 'endContainer' | 'endOffset'>;

export type SelectionReading =
  /** Nothing to offer: no selection, only white space, text in a field, our own UI. */
  | { kind: 'none' }
  /** Text is selected, none of it the article's. */
  | { kind: 'outside' }
  /** [start, end) of the article's text model, trimmed of white space at both ends. */
  | { kind: 'passage'; start: number; end: number };

/** The selection as one range: from the start of its first range to the end of its last. */
export function selectionBoundaries(selection: Selection | null): Boundaries | null {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const first = selection.getRangeAt(0);
  const last = selection.getRangeAt(selection.rangeCount - 1);
  return {
    startContainer: first.startContainer,
    startOffset: first.startOffset,
    endContainer: last.endContainer,
    endOffset: last.endOffset,
  };
}

/**
 * Reads a selection against the article's text model (null: the page has no article). `isOwnUi`
 * tells our in-page UI apart (a selection in the toolbar's own field is not the page's).
 */
export function readSelection(
  range: Boundaries | null,
  model: TextModel | null,
  isOwnUi: (node: Node) => boolean = () => false,
): SelectionReading {
  if (!range) return { kind: 'none' };
  const { startContainer, endContainer } = range;
  if (isInsideEditable(startContainer) || isInsideEditable(endContainer)) return { kind: 'none' };
  if (isInside(startContainer, isOwnUi) || isInside(endContainer, isOwnUi)) return { kind: 'none' };
  const doc = startContainer.ownerDocument ?? (startContainer as Document);
  const live = doc.createRange();
  try {
    live.setStart(startContainer, range.startOffset);
    live.setEnd(endContainer, range.endOffset);
  } catch {
    return { kind: 'none' };
  }
  if (live.toString().trim() === '') return { kind: 'none' };
  if (!model) return { kind: 'outside' };
  const offsets = passageOffsets(model, range);
  if (!offsets) return { kind: 'outside' };
  let { start, end } = offsets;
  while (start < end && /\s/.test(model.text[start] as string)) start++;
  while (end > start && /\s/.test(model.text[end - 1] as string)) end--;
  return end > start ? { kind: 'passage', start, end } : { kind: 'outside' };
}

/**
 * The model offsets of a range, like offsetsOfRange (lib/anchoring/range-offsets), also when a
 * boundary lies in a piece of a model text node that the <mark> fallback split off and wrapped.
 */
export function passageOffsets(model: TextModel, range: Boundaries): { start: number; end: number } | null {
  const start = splitPieceOffset(model, range.startContainer, range.startOffset);
  const end = splitPieceOffset(model, range.endContainer, range.endOffset);
  if (start === undefined && end === undefined) return offsetsOfRange(model, range);
  const { root } = model;
  const s =
    start ??
    offsetsOfRange(model, { ...range, endContainer: root, endOffset: root.childNodes.length })?.start;
  const e = end ?? offsetsOfRange(model, { ...range, startContainer: root, startOffset: 0 })?.end;
  return s !== undefined && e !== undefined && e > s ? { start: s, end: e } : null;
}

function isInside(node: Node, isOwnUi: (node: Node) => boolean): boolean {
  for (let n: Node | null = node; n; n = n.parentNode ?? (n as ShadowRoot).host ?? null)
    if (isOwnUi(n)) return true;
  return false;
}

function isPaintMark(node: Node | null): boolean {
  return node !== null && node.nodeType === 1 && (node as Element).classList.contains(MARK_CLASS);
}

/**
 * When (container, offset) is inside a text node the <mark> fallback split off a model node, its
 * model offset; undefined otherwise. The fallback splits a node into siblings under the same parent,
 * some wrapped in a mark: walk back through those siblings to the model node they came from.
 */
function splitPieceOffset(model: TextModel, container: Node, offset: number): number | undefined {
  if (container.nodeType !== 3 || modelNodeIndex(model, container as Text) !== undefined) return undefined;
  if (!isPaintMark(container.parentNode) && !isPaintMark(container.previousSibling)) return undefined;
  let before = 0;
  // The pieces in document order before this one: text siblings, and marks holding one piece each.
  let item: Node = isPaintMark(container.parentNode) ? (container.parentNode as Node) : container;
  for (let prev = item.previousSibling; prev; prev = prev.previousSibling) {
    const text = prev.nodeType === 3 ? (prev as Text) : isPaintMark(prev) ? prev.firstChild : null;
    if (text?.nodeType !== 3) return undefined;
    const i = modelNodeIndex(model, text as Text);
    if (i !== undefined) {
      const position = (model.starts[i] as number) + (text as Text).data.length + before + offset;
      // Never past where the next model node starts.
      const limit = i + 1 < model.nodes.length ? (model.starts[i + 1] as number) : model.text.length;
      return Math.min(position, limit);
    }
    before += (text as Text).data.length;
    item = prev;
  }
  return undefined;
}
