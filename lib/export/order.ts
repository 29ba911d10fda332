// One order for every export format, so the same records always give the same file: articles
// newest first (as the library lists them), each article's notes in reading order.
import type { AnnotationRecord, ArticleRecord } from '../notes/model';

export interface ArticleNotes {
  /** The article, or a stand-in built from the note when the article record is missing. */
  article: ArticleRecord;
  notes: AnnotationRecord[];
}

/** Oldest first, then by id: a fixed order for records with the same time. */
export function byTimeThenId(a: { created: string; id: string }, b: { created: string; id: string }): number {
  const d = Date.parse(a.created) - Date.parse(b.created);
  if (d !== 0 && !Number.isNaN(d)) return d;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Notes in reading order: by position, then creation, then id. */
export function readingOrder(a: AnnotationRecord, b: AnnotationRecord): number {
  return a.position.start - b.position.start || byTimeThenId(a, b);
}

/** An article record for notes whose article is not among the records given. */
export function standInArticle(
  articleId: string,
  note: { created: string; modified: string },
): ArticleRecord {
  return {
    id: articleId,
    url: articleId,
    title: '',
    site: siteOf(articleId),
    byline: '',
    lang: '',
    excerpt: '',
    created: note.created,
    modified: note.modified,
  };
}

/** The host of a URL without "www.", or '' when it is not a URL. */
export function siteOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}

/**
 * Groups notes under their articles, newest article first, notes in reading order. Articles with
 * no note among `notes` are left out unless `keepEmpty` (the backup keeps every article).
 */
export function groupByArticle(
  articles: readonly ArticleRecord[],
  notes: readonly AnnotationRecord[],
  keepEmpty = false,
): ArticleNotes[] {
  const groups = new Map<string, ArticleNotes>();
  for (const article of articles) groups.set(article.id, { article, notes: [] });
  for (const note of notes) {
    let group = groups.get(note.articleId);
    if (group === undefined) {
      group = { article: standInArticle(note.articleId, note), notes: [] };
      groups.set(note.articleId, group);
    }
    group.notes.push(note);
  }
  const out = [...groups.values()].filter((g) => keepEmpty || g.notes.length > 0);
  for (const g of out) g.notes.sort(readingOrder);
  return out.sort((a, b) => -byTimeThenId(a.article, b.article));
}
