// Which dictionary entities the reader's notes mention, in how many notes and articles: the
// library's entity index, each entry usable as a filter.
import type { AnnotationRecord } from '../notes/model';

export interface EntityOccurrence {
  entityId: string;
  /** Notes whose quote mentions the entity. */
  notes: number;
  /** Articles with at least one such note. */
  articles: number;
  /** Those notes' and articles' ids, in the order met. */
  noteIds: string[];
  articleIds: string[];
}

/** Entities over the given notes (deleted ones skipped), most noted first, then by id. */
export function entityIndex(notes: Iterable<AnnotationRecord>): EntityOccurrence[] {
  const byEntity = new Map<string, { noteIds: string[]; articles: Set<string> }>();
  for (const note of notes) {
    if (note.deleted !== undefined) continue;
    for (const entityId of new Set(note.entityIds)) {
      let e = byEntity.get(entityId);
      if (e === undefined) {
        e = { noteIds: [], articles: new Set() };
        byEntity.set(entityId, e);
      }
      e.noteIds.push(note.id);
      e.articles.add(note.articleId);
    }
  }
  return [...byEntity]
    .map(([entityId, e]) => ({
      entityId,
      notes: e.noteIds.length,
      articles: e.articles.size,
      noteIds: e.noteIds,
      articleIds: [...e.articles],
    }))
    .sort((a, b) => b.notes - a.notes || b.articles - a.articles || (a.entityId < b.entityId ? -1 : 1));
}

/** How many notes carry each tag (deleted ones skipped), most used first. */
export function tagCounts(notes: Iterable<AnnotationRecord>): { tag: string; notes: number }[] {
  const counts = new Map<string, number>();
  for (const note of notes) {
    if (note.deleted !== undefined) continue;
    for (const tag of new Set(note.tags)) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  }
  return [...counts]
    .map(([tag, n]) => ({ tag, notes: n }))
    .sort((a, b) => b.notes - a.notes || (a.tag < b.tag ? -1 : 1));
}
