// The painted mentions of a page, ordered by position, for hit-testing and stepping through them.
import type { EntityType, Mention } from '../entities/types';

export interface PlacedMention extends Mention {
  type: EntityType;
  range: Range;
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
  return {
    all,
    ofEntity,
    // Compares DOM points with the live ranges rather than model offsets, so it stays right
    // when the <mark> fallback has split the page's text nodes.
    atPoint(node, offset) {
      let lo = 0;
      let hi = all.length - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const mention = all[mid];
        if (!mention) break;
        const where = comparePoint(mention.range, node, offset);
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

function comparePoint(range: Range, node: Node, offset: number): number {
  try {
    return range.comparePoint(node, offset);
  } catch {
    return 1; // a point in another tree (e.g. our own shadow root) is in no mention
  }
}
