import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, CSV_LIST_SEPARATOR, csvRow, exportCsv, FORMULA_START } from '../../../lib/export/csv';
import { article, note, syntheticLibrary } from '../library/sample-library';

// Noon in the local time zone: the file name carries the reader's local date.
const NOW = new Date(2026, 10, 29, 12);

/** What a reader's spreadsheet shows as text: the leading apostrophe is the neutraliser. */
function unneutralise(cell: string): string {
  return cell.startsWith("'") && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell;
}

function parse(text: string): Record<string, string>[] {
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const result = Papa.parse<Record<string, string>>(text.slice(1), { header: true, skipEmptyLines: true });
  expect(result.errors).toEqual([]);
  expect(result.meta.fields).toEqual([...CSV_COLUMNS]);
  return result.data;
}

describe('CSV export', () => {
  it('starts with a byte-order mark and has one row per live note', () => {
    const lib = syntheticLibrary(30, 300);
    const file = exportCsv(lib.articles, lib.notes, NOW);
    expect(file.fileName).toBe('hashiya-2026-11-29.csv');
    expect(file.mimeType).toBe('text/csv;charset=utf-8');
    const rows = parse(file.text);
    expect(rows).toHaveLength(lib.notes.filter((n) => n.deleted === undefined).length);
  });

  it('re-parsed, gives back every field it carries, Arabic, quotes, commas and line breaks included', () => {
    const tricky = note({
      note: 'قال: "لا تعليق", ثم\nغادر; بسرعة',
      tags: ['ألبانيا', 'a, b', 'quote "x"'],
      quote: { type: 'TextQuoteSelector', exact: 'سطر أول\u2029سطر ثانٍ', prefix: '', suffix: '' },
    });
    const lib = syntheticLibrary(10, 100);
    const notes = [tricky, ...lib.notes];
    const articles = [article(), ...lib.articles];
    const rows = parse(exportCsv(articles, notes, NOW).text).map((r) =>
      Object.fromEntries(Object.entries(r).map(([k, v]) => [k, unneutralise(v)])),
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const n of notes.filter((x) => x.deleted === undefined)) {
      const a = articles.find((x) => x.id === n.articleId);
      if (a === undefined) throw new Error('sample note without article');
      expect(byId.get(n.id)).toEqual(csvRow(n, a));
      expect(byId.get(n.id)?.tags?.split(CSV_LIST_SEPARATOR)).toEqual(n.tags.length > 0 ? n.tags : ['']);
    }
    expect(byId.get(tricky.id)?.quote).toBe('سطر أول\nسطر ثانٍ');
  });

  it('neutralises cells a spreadsheet would run as formulas, even across lines', () => {
    const evil = [
      '=HYPERLINK("http://x","y")',
      '+1+1',
      '-2+3',
      '@SUM(A1)',
      '\t=1',
      '\r=1',
      '=1+1\nsecond line',
    ];
    const notes = evil.map((text, k) =>
      note({
        id: `00000000-0000-4000-8000-00000000000${k}`,
        note: text,
        tags: [text.trim()],
        created: `2026-11-0${k + 1}T00:00:00.000Z`,
      }),
    );
    const rows = parse(exportCsv([article({ title: '=cmd|"/c calc"!A0' })], notes, NOW).text);
    for (const row of rows) {
      expect(row.note?.startsWith("'")).toBe(true);
      expect(row.tags?.startsWith("'")).toBe(true);
      expect(row.article_title).toBe(`'=cmd|"/c calc"!A0`);
    }
    expect(rows.map((r) => unneutralise(r.note ?? ''))).toEqual(evil);
  });

  it('leaves harmless cells alone', () => {
    const rows = parse(exportCsv([article()], [note({ note: 'a-b = c', tags: ['x-y'] })], NOW).text);
    expect(rows[0]?.note).toBe('a-b = c');
    expect(rows[0]?.tags).toBe('x-y');
  });
});
