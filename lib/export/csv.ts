// CSV export: one row per note, for spreadsheets. UTF-8 with a byte-order mark so Excel reads
// Arabic as UTF-8; quoting by Papa Parse; formula injection neutralised (OWASP: a cell that begins
// with = + - @ tab or CR gets a leading apostrophe, which spreadsheets show as text).
import Papa from 'papaparse';
import type { AnnotationRecord, ArticleRecord } from '../notes/model';
import { type ExportFile, exportFileName } from './file-name';
import { groupByArticle } from './order';

export const CSV_COLUMNS = [
  'id',
  'article_title',
  'article_url',
  'site',
  'created',
  'modified',
  'colour',
  'quote',
  'note',
  'tags',
  'entities',
] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];

/** Tags and entity ids share a cell, joined by this. */
export const CSV_LIST_SEPARATOR = '; ';

/**
 * Cells that a spreadsheet would read as a formula. Papa Parse's own `escapeFormulae: true` pattern
 * ends in `.*$` without the s flag, so a cell "=1+1\n…" spanning lines slips through: ours does not.
 */
export const FORMULA_START = /^[=+\-@\t\r]/;

/** Paragraph breaks of the page's text model become line breaks, which spreadsheets show. */
function cellText(s: string): string {
  return s.replace(/\u2029/g, '\n');
}

export function csvRow(note: AnnotationRecord, article: ArticleRecord): Record<CsvColumn, string> {
  return {
    id: note.id,
    article_title: cellText(article.title),
    article_url: article.url,
    site: article.site,
    created: note.created,
    modified: note.modified,
    colour: note.colour,
    quote: cellText(note.quote.exact),
    note: cellText(note.note),
    tags: note.tags.join(CSV_LIST_SEPARATOR),
    entities: note.entityIds.join(CSV_LIST_SEPARATOR),
  };
}

/** The CSV file for these notes (deleted notes left out). */
export function exportCsv(
  articles: readonly ArticleRecord[],
  notes: readonly AnnotationRecord[],
  now: Date,
): ExportFile {
  const rows: Record<CsvColumn, string>[] = [];
  for (const { article, notes: group } of groupByArticle(
    articles,
    notes.filter((n) => n.deleted === undefined),
  ))
    for (const note of group) rows.push(csvRow(note, article));
  const body = Papa.unparse(
    { fields: [...CSV_COLUMNS], data: rows.map((r) => CSV_COLUMNS.map((c) => r[c])) },
    { escapeFormulae: FORMULA_START, newline: '\r\n' },
  );
  return {
    fileName: exportFileName(now, 'csv'),
    mimeType: 'text/csv;charset=utf-8',
    text: `\ufeff${body}\r\n`,
  };
}
