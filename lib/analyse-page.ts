// The content script's pipeline, free of extension APIs so it can be tested in happy-dom:
// extract the article → match entities in its text model → ranges grouped by entity type.
import type { Mention } from './entity-types';
import { type ExtractedArticle, extractArticle } from './extract';
import type { Matcher } from './matcher';
import type { EntityCount } from './messages';
import { countEntities } from './summary';
import { rangeFromOffsets } from './text-model';

export interface PageAnalysis {
  article: ExtractedArticle;
  mentions: Mention[];
  entities: EntityCount[];
  /** Ranges per entity type, in mention order. */
  rangesByType: Map<string, Range[]>;
}

export function analysePage(doc: Document, matcher: Matcher): PageAnalysis | null {
  const article = extractArticle(doc);
  if (!article) return null;
  const mentions = matcher.match(article.model.text);
  const rangesByType = new Map<string, Range[]>();
  for (const mention of mentions) {
    const entity = matcher.entity(mention.entityId);
    const range = rangeFromOffsets(article.model, mention.start, mention.end);
    if (!entity || !range) continue;
    const list = rangesByType.get(entity.type);
    if (list) list.push(range);
    else rangesByType.set(entity.type, [range]);
  }
  return { article, mentions, entities: countEntities(mentions, (id) => matcher.entity(id)), rangesByType };
}
