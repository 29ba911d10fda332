// What the library page shows, computed without the DOM: the rows of its (virtualised) list, which
// of them are on screen, the filters' choices, a note's link, and the records an export takes.
import { isRightToLeft } from '../export/direction';
import type { AnnotationRecord, ArticleRecord } from '../notes/model';
import type { ArticleHits, NoteHit } from './search';

/** One row of the library's list: an article's heading, or one of its notes. */
export type LibraryRow =
  | { kind: 'article'; article: ArticleRecord; notes: number }
  | { kind: 'note'; hit: NoteHit };

/** Row heights in CSS pixels: fixed, so the list can be virtualised without measuring. */
export const ROW_HEIGHT = { article: 64, note: 84 } as const;

/** The groups as rows: each article's heading, then its notes. */
export function libraryRows(groups: readonly ArticleHits[]): LibraryRow[] {
  const rows: LibraryRow[] = [];
  for (const g of groups) {
    rows.push({ kind: 'article', article: g.article, notes: g.hits.length });
    for (const hit of g.hits) rows.push({ kind: 'note', hit });
  }
  return rows;
}

/** Each row's top, plus the total height as the last entry. */
export function rowTops(rows: readonly LibraryRow[]): number[] {
  const tops = new Array<number>(rows.length + 1);
  let y = 0;
  for (let i = 0; i < rows.length; i++) {
    tops[i] = y;
    y += ROW_HEIGHT[(rows[i] as LibraryRow).kind];
  }
  tops[rows.length] = y;
  return tops;
}

/** The rows [start, end) that meet the viewport, with `overscan` rows more on each side. */
export function visibleRows(
  tops: readonly number[],
  scrollTop: number,
  viewportHeight: number,
  overscan = 2,
): { start: number; end: number } {
  const count = tops.length - 1;
  // The last row whose top is at or above scrollTop (binary search).
  let lo = 0;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((tops[mid] as number) <= scrollTop) lo = mid;
    else hi = mid - 1;
  }
  let end = lo;
  while (end < count && (tops[end] as number) < scrollTop + viewportHeight) end++;
  return { start: Math.max(0, lo - overscan), end: Math.min(count, end + overscan) };
}

/**
 * The article's address with the note named in the fragment, so the page can scroll to it when the
 * in-page notes read it (#hashiya-note=<id>).
 */
export function noteHref(url: string, noteId: string): string {
  const base = url.split('#', 1)[0] as string;
  return `${base}#hashiya-note=${encodeURIComponent(noteId)}`;
}

/** The note id a page address names (noteHref's inverse), or null. */
export function noteIdFromHref(href: string): string | null {
  const match = /#(?:.*&)?hashiya-note=([^&]+)/.exec(href);
  if (match === null) return null;
  try {
    return decodeURIComponent(match[1] as string);
  } catch {
    return null;
  }
}

/**
 * A date input's day range in the reader's time zone: from the start of `from` to the end of `to`
 * ("2026-11-29"); an empty or malformed day leaves that side open.
 */
export function dayRange(from: string, to: string): { from?: number; to?: number } {
  const start = (day: string): number | undefined => {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
    if (m === null) return undefined;
    return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])).getTime();
  };
  const range: { from?: number; to?: number } = {};
  const f = start(from);
  const t = start(to);
  if (f !== undefined) range.from = f;
  // The day after `to`, at midnight (a day may be 23 or 25 hours long).
  if (t !== undefined) {
    const d = new Date(t);
    range.to = new Date(d.getFullYear(), d.getMonth(), d.getDate() + 1).getTime();
  }
  return range;
}

/** The records an export of these hits takes: their notes and the stored articles they belong to. */
export function selectionRecords(
  hits: readonly NoteHit[],
  articleOf: (id: string) => ArticleRecord | undefined,
): { articles: ArticleRecord[]; annotations: AnnotationRecord[] } {
  const articles = new Map<string, ArticleRecord>();
  const annotations: AnnotationRecord[] = [];
  for (const { note } of hits) {
    annotations.push(note);
    const article = articleOf(note.articleId);
    if (article !== undefined) articles.set(article.id, article);
  }
  return { articles: [...articles.values()], annotations };
}

/** How many notes each site has (deleted ones skipped), most first. */
export function siteCounts(
  notes: Iterable<AnnotationRecord>,
  articleOf: (id: string) => ArticleRecord | undefined,
): { site: string; notes: number }[] {
  const counts = new Map<string, number>();
  for (const note of notes) {
    if (note.deleted !== undefined) continue;
    const site = articleOf(note.articleId)?.site ?? '';
    if (site !== '') counts.set(site, (counts.get(site) ?? 0) + 1);
  }
  return [...counts]
    .map(([site, n]) => ({ site, notes: n }))
    .sort((a, b) => b.notes - a.notes || (a.site < b.site ? -1 : 1));
}

/** The articles an import touches: every open view showing one of them lists its notes again. */
export function touchedArticleIds(records: {
  articles: readonly ArticleRecord[];
  annotations: readonly AnnotationRecord[];
}): string[] {
  const ids = new Set<string>();
  for (const a of records.articles) ids.add(a.id);
  for (const n of records.annotations) ids.add(n.articleId);
  return [...ids];
}

/**
 * The stored article a tab shows: the one whose identity is the page's clean address, else the one
 * last read at this address (its identity may be a canonical URL the tab's address does not show).
 */
export function articleForPage(
  articles: readonly ArticleRecord[],
  pageUrl: string,
  idOf: (url: string) => string,
): ArticleRecord | undefined {
  const bare = pageUrl.split('#', 1)[0] as string;
  const id = idOf(pageUrl);
  return articles.find((a) => a.id === id) ?? articles.find((a) => a.url.split('#', 1)[0] === bare);
}

const RTL_LANGUAGE = /^(ar|arc|ckb|dv|fa|he|ks|ku-arab|pa-arab|ps|sd|ug|ur|yi)(-|$)/i;

/**
 * Which way an article's rows are laid out in the list: its language's direction, or its title's
 * when the language is unknown. The colour bar, passage, date and tags of a note then sit on the
 * side the passage starts from, whatever the interface's language.
 */
export function articleDirection(article: Pick<ArticleRecord, 'lang' | 'title'>): 'rtl' | 'ltr' {
  if (article.lang !== '') return RTL_LANGUAGE.test(article.lang) ? 'rtl' : 'ltr';
  return isRightToLeft(article.title) ? 'rtl' : 'ltr';
}

/** A passage on one line: paragraph breaks (U+2029) and line feeds read as spaces. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Marks the library page sets in its performance timeline, read by `npm run bench`: the first
 * screen of notes shown, every note listed, the full-text index built.
 */
export const LIBRARY_MARKS = {
  listed: 'hashiya-library-listed',
  complete: 'hashiya-library-complete',
  indexed: 'hashiya-library-indexed',
} as const;
