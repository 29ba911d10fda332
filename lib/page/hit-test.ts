// Highlights have no events, so hovering is hit-testing: the caret position under the pointer,
// looked up among the mentions' ranges, then confirmed against the mention's on-screen boxes (the caret
// API answers with the nearest text even when the pointer is in a margin).
import { liveRange } from '../text/text-model';
import type { MentionIndex, PlacedMention } from './mention-index';
import type { NotesLayer, PlacedNote } from './notes-layer';

interface CaretPoint {
  node: Node;
  offset: number;
}

type CaretDocument = Document & {
  caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
  caretRangeFromPoint?: (x: number, y: number) => Range | null;
};

export function caretFromPoint(doc: Document, x: number, y: number): CaretPoint | null {
  const d = doc as CaretDocument;
  if (typeof d.caretPositionFromPoint === 'function') {
    const position = d.caretPositionFromPoint(x, y);
    return position ? { node: position.offsetNode, offset: position.offset } : null;
  }
  if (typeof d.caretRangeFromPoint === 'function') {
    const range = d.caretRangeFromPoint(x, y);
    return range ? { node: range.startContainer, offset: range.startOffset } : null;
  }
  return null;
}

export function rangeContainsPoint(range: AbstractRange, x: number, y: number): boolean {
  for (const rect of liveRange(range)?.getClientRects() ?? []) {
    if (x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom) return true;
  }
  return false;
}

/** The mention under the viewport point (x, y), if any. */
export function mentionAtPoint(
  doc: Document,
  index: MentionIndex,
  x: number,
  y: number,
): PlacedMention | undefined {
  const caret = caretFromPoint(doc, x, y);
  if (!caret) return undefined;
  const mention = index.atPoint(caret.node, caret.offset);
  return mention && rangeContainsPoint(mention.range, x, y) ? mention : undefined;
}

/** The reader's note under the viewport point (x, y), if any (the innermost where notes overlap). */
export function noteAtPoint(doc: Document, layer: NotesLayer, x: number, y: number): PlacedNote | undefined {
  if (layer.placed.length === 0) return undefined;
  const caret = caretFromPoint(doc, x, y);
  if (!caret) return undefined;
  const note = layer.atPoint(caret.node, caret.offset);
  return note && rangeContainsPoint(note.range, x, y) ? note : undefined;
}

/** The mentions inside a note's passage (wholly or partly), in reading order. */
export function mentionsWithin(
  mentions: readonly PlacedMention[],
  span: { start: number; end: number },
): PlacedMention[] {
  return mentions.filter((m) => m.start < span.end && m.end > span.start);
}
