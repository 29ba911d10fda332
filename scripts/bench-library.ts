// Library benchmark (issue 11): 10,000 notes over 1,000 articles, in Node. Index build (the
// library's first render waits for it), one search keystroke against a naive linear scan
// measured in the same run, each export format, and an import (parse + validate + preview) of
// the whole backup.
//
//   npx tsx scripts/bench-library.ts
//
// Always exits 0: this is a report; budget failures are printed loudly.
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { exportCsv } from '../lib/export/csv';
import { exportJsonLd } from '../lib/export/jsonld';
import { exportMarkdown } from '../lib/export/markdown';
import { previewImport } from '../lib/import/preview';
import { isTypedPrefix, LibraryIndex } from '../lib/library/search';
import { searchWords } from '../lib/library/terms';
import { foldText } from '../lib/text/fold';
import { syntheticLibrary } from '../tests/unit/library/sample-library';
import { budgetLine, median, time } from './bench-matcher.ts';

export interface LibraryBenchResult {
  load: number;
  articles: number;
  notes: number;
  /** The records taken in and the newest-first list of every note: what the page shows first. */
  firstListMs: number;
  /** The full-text index, built once the list is shown (or on the first search). */
  indexBuildMs: number;
  /** Per query typed: median time of one search, ours and the baselines. */
  keystrokes: {
    query: string;
    /** False when the last word is too short to be searched as a prefix (whole words only). */
    prefix: boolean;
    hits: number;
    oursMs: number;
    naiveMs: number;
    prefoldedMs: number;
  }[];
  exports: { format: string; ms: number; MB: number }[];
  importEmptyMs: number;
  importSameMs: number;
  budgets: { name: string; pass: boolean; detail: string }[];
}

// What a reader types, one keystroke at a time: Arabic with and without hamza, English, a tag.
export const KEYSTROKES = [
  'ا',
  'ال',
  'الا',
  'الالب',
  'الالباني',
  'طهران',
  'ايران',
  'n',
  'nat',
  'nato',
  'follow',
  'مجلس الامن',
];

export function runLibraryBench(): LibraryBenchResult {
  const lib = syntheticLibrary(1000, 10_000);
  const titles = new Map(lib.articles.map((a) => [a.id, a.title]));
  const live = lib.notes.filter((n) => n.deleted === undefined);
  const textOf = (n: (typeof live)[number]) =>
    `${n.note} ${n.quote.exact} ${n.tags.join(' ')} ${titles.get(n.articleId) ?? ''}`;

  const firstListMs = time(() => new LibraryIndex(lib.articles, lib.notes).search(''), 1, 5);
  const indexBuildMs = time(() => new LibraryIndex(lib.articles, lib.notes).buildIndex(), 1, 5);
  const index = new LibraryIndex(lib.articles, lib.notes);
  index.buildIndex();
  // Baselines: what a library page without an index would do on each keystroke — fold every
  // note and look for the folded query (naive), or keep every note folded and only scan.
  const prefolded = live.map((n) => ({ id: n.id, text: foldText(textOf(n)) }));
  const keystrokes = KEYSTROKES.map((query) => {
    const q = foldText(query);
    const oursMs = time(() => index.search(query), 2, 9);
    const naiveMs = time(() => live.filter((n) => foldText(textOf(n)).includes(q)), 1, 5);
    const prefoldedMs = time(() => prefolded.filter((n) => n.text.includes(q)), 2, 9);
    const prefix = isTypedPrefix(searchWords(query).at(-1) ?? '');
    return { query, prefix, hits: index.search(query).length, oursMs, naiveMs, prefoldedMs };
  });

  const now = new Date('2026-11-29T12:00:00.000Z');
  const exports = (
    [
      ['JSON-LD', exportJsonLd],
      ['Markdown', exportMarkdown],
      ['CSV', exportCsv],
    ] as const
  ).map(([format, fn]) => ({
    format,
    ms: time(() => fn(lib.articles, lib.notes, now), 1, 5),
    MB: Buffer.byteLength(fn(lib.articles, lib.notes, now).text, 'utf8') / 1e6,
  }));

  const backup = exportJsonLd(lib.articles, lib.notes, now).text;
  const empty = { articles: [], annotations: [] };
  const importEmptyMs = time(() => previewImport(backup, empty), 1, 3);
  const importSameMs = time(
    () => previewImport(backup, { articles: lib.articles, annotations: lib.notes }),
    1,
    3,
  );
  const check = previewImport(backup, empty);
  if (!check.ok || check.toPut.annotations.length !== lib.notes.length)
    throw new Error('the backup did not import whole');

  const worstSearch = Math.max(...keystrokes.map((k) => k.oursMs));
  const medianSearch = median(keystrokes.map((k) => k.oursMs));
  // Ratios only where both answer the same question (a short last word matches whole words only).
  const compared = keystrokes.filter((k) => k.prefix);
  const medianRatio = median(compared.map((k) => k.naiveMs / k.oursMs));
  const medianNaive = median(keystrokes.map((k) => k.naiveMs));
  const worstExport = exports.reduce((a, b) => (b.ms > a.ms ? b : a));
  const worstImport = Math.max(importEmptyMs, importSameMs);
  return {
    load: loadavg()[0] ?? 0,
    articles: lib.articles.length,
    notes: lib.notes.length,
    firstListMs,
    indexBuildMs,
    keystrokes,
    exports,
    importEmptyMs,
    importSameMs,
    budgets: [
      {
        name: 'library first render ≤ 300 ms (records in, newest-first list out)',
        pass: firstListMs <= 300,
        detail: `${firstListMs.toFixed(0)} ms; the full-text index then builds in ${indexBuildMs.toFixed(0)} ms`,
      },
      {
        name: 'one search keystroke ≤ 50 ms',
        pass: worstSearch <= 50,
        detail: `slowest ${worstSearch.toFixed(1)} ms, median ${medianSearch.toFixed(2)} ms (naive scan median ${medianNaive.toFixed(1)} ms; ours is ${medianRatio.toFixed(0)}× faster, median over prefix searches)`,
      },
      {
        name: 'each export ≤ 1 s',
        pass: worstExport.ms <= 1000,
        detail: exports.map((e) => `${e.format} ${e.ms.toFixed(0)} ms`).join(', '),
      },
      {
        name: 'import of the whole backup ≤ 3 s',
        pass: worstImport <= 3000,
        detail: `into an empty library ${importEmptyMs.toFixed(0)} ms, into the same library ${importSameMs.toFixed(0)} ms`,
      },
    ],
  };
}

export function printLibraryReport(r: LibraryBenchResult): void {
  console.log(`${r.notes.toLocaleString('en')} notes over ${r.articles.toLocaleString('en')} articles`);
  console.log(`first list (every note, newest first): ${r.firstListMs.toFixed(0)} ms`);
  console.log(`full-text index build: ${r.indexBuildMs.toFixed(0)} ms\n`);
  const head = ['keystroke', 'hits', 'ours', 'naive scan', 'ratio', 'pre-folded scan'];
  const rows = r.keystrokes.map((k) => [
    k.query,
    k.prefix ? String(k.hits) : `${k.hits} (whole words)`,
    `${k.oursMs.toFixed(2)} ms`,
    `${k.naiveMs.toFixed(1)} ms`,
    k.prefix ? `${(k.naiveMs / k.oursMs).toFixed(0)}×` : '—',
    `${k.prefoldedMs.toFixed(2)} ms`,
  ]);
  const widths = head.map((h, c) => Math.max(h.length, ...rows.map((row) => (row[c] ?? '').length)));
  const line = (cells: string[]) => cells.map((cell, c) => cell.padEnd(widths[c] ?? 0)).join(' │ ');
  console.log(line(head));
  console.log(line(widths.map((w) => '─'.repeat(w))));
  for (const row of rows) console.log(line(row));
  console.log('');
  for (const e of r.exports) console.log(`export ${e.format}: ${e.ms.toFixed(0)} ms, ${e.MB.toFixed(1)} MB`);
  console.log(
    `import (parse + validate + preview): ${r.importEmptyMs.toFixed(0)} ms into an empty library, ${r.importSameMs.toFixed(0)} ms into the same library`,
  );
  console.log(
    `\nload average ${r.load.toFixed(2)} — medians of wall-clock runs; a busy machine lowers them.\n`,
  );
  for (const b of r.budgets) console.log(budgetLine(b));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  printLibraryReport(runLibraryBench());
}
