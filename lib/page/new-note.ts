// A note on a passage of the article, as the content script asks the background to save it
// ('save-note'): the article's record and the passage described for re-anchoring (DESIGN.md §4).
import { describePassage } from '../anchoring/describe';
import type { Mention } from '../entities/types';
import { type ArticleInfo, describeArticle } from '../notes/article-identity';
import { LIMIT } from '../notes/limits';
import type { NewAnnotation, NoteColour } from '../notes/model';
import type { ExtractedArticle } from './extract';

export interface NoteDraft {
  colour: NoteColour;
  note: string;
  tags: string[];
}

export type NewNoteRequest =
  | { ok: true; article: ArticleInfo; note: NewAnnotation }
  | { ok: false; reason: 'no-identity' | 'empty' | 'too-long' };

/**
 * The save-note request for text-model span [start, end) of `article` on `doc`. `id` is chosen
 * once per draft, so saving again after a failure never makes a second note.
 */
export function newNoteRequest(
  doc: Document,
  article: ExtractedArticle,
  span: { start: number; end: number },
  mentions: readonly Mention[],
  draft: NoteDraft,
  id: string,
): NewNoteRequest {
  const info = describeArticle(doc, article);
  if (!info) return { ok: false, reason: 'no-identity' };
  const passage = describePassage(article.model.text, span.start, span.end, mentions);
  if (!passage) return { ok: false, reason: 'empty' };
  if (passage.quote.exact.length > LIMIT.exact) return { ok: false, reason: 'too-long' };
  return {
    ok: true,
    article: info,
    note: {
      id,
      quote: passage.quote,
      position: passage.position,
      colour: draft.colour,
      note: draft.note.slice(0, LIMIT.note),
      tags: draft.tags,
      entityIds: passage.entityIds.slice(0, LIMIT.entities),
    },
  };
}
