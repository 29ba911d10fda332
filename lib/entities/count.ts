// Per-page entity counts, as the popup and side panel show them.

import type { EntityCount } from '../messaging/protocol';
import type { Entity, Mention } from './types';

export function countEntities(
  mentions: readonly Mention[],
  entityOf: (id: string) => Entity | undefined,
): EntityCount[] {
  const counts = new Map<string, EntityCount>();
  for (const mention of mentions) {
    const existing = counts.get(mention.entityId);
    if (existing) {
      existing.count++;
      continue;
    }
    const entity = entityOf(mention.entityId);
    if (!entity) continue;
    counts.set(entity.id, {
      id: entity.id,
      type: entity.type,
      names: { ar: entity.names.ar, en: entity.names.en },
      count: 1,
      firstSeen: counts.size,
    });
  }
  return [...counts.values()];
}
