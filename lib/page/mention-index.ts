// The painted mentions of a page, ordered by position, for hit-testing and stepping through them.
import type { EntityType, Mention } from '../entities/types';

export interface PlacedMention extends Mention {
  type: EntityType;
  /**
   * Where the mention is in the page: a static range (live ones slow the page, see
   * rangesFromSortedOffsets). The <mark> fallback points it at its marks while they are in place.
   */
  range: AbstractRange;
}

export interface MentionIndex {
  readonly all: readonly PlacedMention[];
  /** The mention whose range contains the DOM point (node, offset), if any. */
  atPoint(node: Node, offset: number): PlacedMention | undefined;
  /** The entity's mentions in page order. */
  ofEntity(entityId: string): readonly PlacedMention[];
  /** The next (step 1) or previous (step -1) mention after/before `from`, wrapping around; `from` null starts at an end. */
  step(from: PlacedMention | null, step: 1 | -1, entityId?: string): PlacedMention | undefined;
}

export function indexMentions(mentions: readonly PlacedMention[]): MentionIndex {
  const all = [...mentions].sort((a, b) => a.start - b.start);
  const byEntity = new Map<string, PlacedMention[]>();
  for (const mention of all) {
    const list = byEntity.get(mention.entityId);
    if (list) list.push(mention);
    else byEntity.set(mention.entityId, [mention]);
  }
  const ofEntity = (entityId: string) => byEntity.get(entityId) ?? [];
  // One live Range, made on the first hit-test and moved over each range compared: live ranges
  // cost the page on every change, so there is never more than this one.
  let probe: Range | null = null;
  return {
    all,
    ofEntity,
    // Compares DOM points with the ranges rather than model offsets, so it stays right
    // when the <mark> fallback has split the page's text nodes.
    atPoint(node, offset) {
      probe ??= node.ownerDocument?.createRange() ?? null;
      if (!probe) return undefined;
      let lo = 0;
      let hi = all.length - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const mention = all[mid];
        if (!mention) break;
        const where = comparePoint(probe, mention.range, node, offset);
        if (where < 0) hi = mid - 1;
        else if (where > 0) lo = mid + 1;
        else return mention;
      }
      return undefined;
    },
    step(from, step, entityId) {
      const list = entityId ? ofEntity(entityId) : all;
      if (list.length === 0) return undefined;
      if (!from) return step === 1 ? list[0] : list[list.length - 1];
      if (step === 1) return list.find((m) => m.start > from.start) ?? list[0];
      return list.findLast((m) => m.start < from.start) ?? list[list.length - 1];
    },
  };
}

function comparePoint(probe: Range, range: AbstractRange, node: Node, offset: number): number {
  try {
    probe.setStart(range.startContainer, range.startOffset);
    probe.setEnd(range.endContainer, range.endOffset);
    return probe.comparePoint(node, offset);
  } catch {
    // A point in another tree (e.g. our own shadow root), or a range the page's changes outdated.
    return 1;
  }
}
