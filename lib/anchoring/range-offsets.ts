// From a DOM selection to text-model offsets, the inverse of rangeFromOffsets (lib/text/text-model):
// a selection may start or end in an element (a triple click, a keyboard selection), in text the
// model left out (a caption Readability dropped) or outside the article altogether.
import type { TextModel } from '../text/text-model';

const indexes = new WeakMap<TextModel, Map<Text, number>>();

/** The index of `node` among the model's text nodes, or undefined when it is not one of them. */
export function modelNodeIndex(model: TextModel, node: Node): number | undefined {
  let index = indexes.get(model);
  if (!index) {
    index = new Map(model.nodes.map((text, i) => [text, i]));
    indexes.set(model, index);
  }
  return index.get(node as Text);
}

/** Index of the first model node that starts at or after the boundary point (container, offset). */
function firstNodeAfter(model: TextModel, container: Node, offset: number): number {
  const doc = container.ownerDocument ?? (container as Document);
  const point = doc.createRange();
  point.setStart(container, offset);
  point.collapse(true);
  let lo = 0;
  let hi = model.nodes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    // -1: the node's start is before the point.
    if (point.comparePoint(model.nodes[mid] as Text, 0) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function boundaryOffset(model: TextModel, container: Node, offset: number, side: 'start' | 'end'): number {
  const i = modelNodeIndex(model, container);
  if (i !== undefined) {
    const node = model.nodes[i] as Text;
    return (model.starts[i] as number) + Math.min(Math.max(offset, 0), node.data.length);
  }
  const after = firstNodeAfter(model, container, offset);
  if (side === 'start')
    return after < model.nodes.length ? (model.starts[after] as number) : model.text.length;
  if (after === 0) return 0;
  const before = after - 1;
  return (model.starts[before] as number) + (model.nodes[before] as Text).data.length;
}

/**
 * The model offsets [start, end) of the part of `range` that lies in the model's text; null when
 * none of it does (a selection outside the article).
 */
export function offsetsOfRange(
  model: TextModel,
  range: Pick<AbstractRange, 'startContainer' | 'startOffset' | 'endContainer' | 'endOffset'>,
): { start: number; end: number } | null {
  if (model.nodes.length === 0) return null;
  const start = boundaryOffset(model, range.startContainer, range.startOffset, 'start');
  const end = boundaryOffset(model, range.endContainer, range.endOffset, 'end');
  return end > start ? { start, end } : null;
}
