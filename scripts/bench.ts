// `npm run bench`: the matcher benchmark (scripts/bench-matcher.ts, in Node), the re-anchoring
// benchmark (scripts/bench-anchoring.ts: 500 notes on a 100,000-character article, in Node), the
// library benchmark (scripts/bench-library.ts: search, export and import of 10,000 notes, in Node)
// the in-browser benchmark (scripts/bench-browser.ts: content-script timings against
// Readability, script size) and the library page with 10,000 notes in the browsers
// (scripts/bench-library-page.ts: first list, keystrokes, one notes-changed), one reader entity
// saved to its repaint in an open tab (scripts/bench-reader-dictionary.ts), and 500 notes on a long
// article in the browsers (scripts/bench-notes-page.ts: fresh visit, page changed, passages edited
// or cut).
//
//   npm run bench [-- --runs N] [-- --no-build] [-- --no-firefox] [-- --only SECTION[,SECTION]]
//
// SECTION: matcher, anchoring, library, browser, big-dictionary, library-page, reader-dictionary,
// notes-page (default: all). big-dictionary: the browser section's two pages again, with 30,000
// synthetic entities added to the shipped dictionary (scripts/bench-big-dictionary.ts).
// --pages-only keeps, of the browser section, the content script's pages and its size.
//
// Always exits 0: this is a report; every budget gets a PASS or FAIL line, FAIL lines loudly.

import { printAnchoringReport, runAnchoringBench } from './bench-anchoring.ts';
import { printBigDictionaryReport, runBigDictionaryBench } from './bench-big-dictionary.ts';
import {
  DICTIONARY_AIM_MS,
  parseBrowserBenchArgs,
  printBrowserReport,
  runBrowserBench,
} from './bench-browser.ts';
import { printLibraryReport, runLibraryBench } from './bench-library.ts';
import { printLibraryPageReport, runLibraryPageBench } from './bench-library-page.ts';
import {
  budgetLine,
  coldLine,
  type MatcherBenchResult,
  runCorpusBuildBench,
  runMatcherBench,
} from './bench-matcher.ts';
import { printNotesPageReport, runNotesPageBench } from './bench-notes-page.ts';
import { printReaderDictionaryReport, runReaderDictionaryBench } from './bench-reader-dictionary.ts';

const SECTIONS = [
  'matcher',
  'anchoring',
  'library',
  'browser',
  'big-dictionary',
  'library-page',
  'reader-dictionary',
  'notes-page',
] as const;
type Section = (typeof SECTIONS)[number];

/** `--only a,b` taken out of the arguments (the rest are the browser benches'): the sections to run. */
function takeSections(args: string[]): { sections: Set<string>; rest: string[] } {
  const at = args.findIndex((a) => a === '--only' || a.startsWith('--only='));
  if (at < 0) return { sections: new Set(SECTIONS), rest: args };
  const arg = args[at] as string;
  const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : (args[at + 1] ?? '');
  const rest = args.filter((_, i) => i !== at && (arg.includes('=') || i !== at + 1));
  const sections = new Set(value.split(',').map((s) => s.trim()));
  for (const s of sections)
    if (!(SECTIONS as readonly string[]).includes(s))
      throw new Error(`--only: no section "${s}" (sections: ${SECTIONS.join(', ')})`);
  return { sections, rest };
}

function heading(title: string): void {
  console.log(`\n── ${title} ${'─'.repeat(Math.max(0, 90 - title.length))}`);
}

function printMatcher(r: MatcherBenchResult): void {
  const rows: [string, (f: MatcherBenchResult['given']) => string][] = [
    ['entities', (f) => String(f.entities)],
    ['text', (f) => `${f.textMB.toFixed(2)} MB / ${(f.textChars / 1e6).toFixed(2)} M chars`],
    ['mentions found', (f) => String(f.mentions)],
    ['matcher (incl. fold)', (f) => `${f.matcherMBps.toFixed(1)} MB/s`],
    ['same, CPU time', (f) => `${f.matcherCpuMBps.toFixed(1)} MB/s`],
    ['baseline RegExp', (f) => `${f.baselineMBps.toFixed(2)} MB/s`],
    ['ratio ours/baseline', (f) => `${f.ratio.toFixed(1)}×`],
    ['matcher compile', (f) => `${f.compileMs.toFixed(1)} ms`],
    ['matcher memory', (f) => (Number.isNaN(f.heapMB) ? 'n/a' : `${f.heapMB.toFixed(1)} MB`)],
    ['dictionary file', (f) => `${(f.fileBytes / 1e6).toFixed(2)} MB, read in ${f.fileLoadMs.toFixed(2)} ms`],
    ['memory, from the file', (f) => (Number.isNaN(f.fileHeapMB) ? 'n/a' : `${f.fileHeapMB.toFixed(1)} MB`)],
  ];
  const cols = [r.given, r.synthetic];
  const w0 = Math.max(...rows.map(([name]) => name.length));
  const widths = cols.map((c) => Math.max(c.label.length, ...rows.map(([, f]) => f(c).length)));
  const line = (cells: string[]) =>
    cells.map((cell, k) => cell.padEnd(k === 0 ? w0 : (widths[k - 1] ?? 0))).join(' │ ');
  console.log(line(['', ...cols.map((c) => c.label)]));
  console.log(line(['─'.repeat(w0), ...widths.map((w) => '─'.repeat(w))]));
  for (const [name, f] of rows) console.log(line([name, ...cols.map(f)]));
  if (r.cold) console.log(`\n${coldLine(r.cold)}`);
  console.log('');
  for (const b of r.budgets) console.log(budgetLine(b));
}

async function main(): Promise<void> {
  const { sections, rest } = takeSections(process.argv.slice(2));
  const options = parseBrowserBenchArgs(rest);
  const failures: string[] = [];
  // The first browser section builds the extension; the ones after it use that build.
  let built = options.build === false;
  const browserOptions = () => {
    const once = { ...options, build: !built };
    built = true;
    return once;
  };
  const section = async (name: Section, title: string, body: () => Promise<void> | void) => {
    if (!sections.has(name)) return;
    heading(title);
    try {
      await body();
    } catch (error) {
      failures.push(`${name} bench failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  await section('matcher', 'Matcher (Node)', async () => {
    const matcher = runMatcherBench();
    printMatcher(matcher);
    for (const b of matcher.budgets) if (!b.pass) failures.push(`matcher: ${b.name} (${b.detail})`);
    const { budget } = await runCorpusBuildBench();
    console.log(budgetLine(budget));
    if (!budget.pass) failures.push(`dictionary build: ${budget.name} (${budget.detail})`);
  });

  await section('anchoring', 'Re-anchoring notes (Node)', () => {
    const anchoring = runAnchoringBench();
    printAnchoringReport(anchoring);
    for (const b of anchoring.budgets) if (!b.pass) failures.push(`anchoring: ${b.name} (${b.detail})`);
  });

  await section('library', 'Library: search, export, import (Node)', () => {
    const library = runLibraryBench();
    printLibraryReport(library);
    for (const b of library.budgets) if (!b.pass) failures.push(`library: ${b.name} (${b.detail})`);
  });

  await section('browser', 'Content script in the browser', async () => {
    const browser = await runBrowserBench(browserOptions());
    printBrowserReport(browser);
    for (const p of browser.pages) {
      if (!p.pass) failures.push(`${p.browser} ${p.page}: matching + painting over budget`);
      if (!(p.dictionaryWaitMs <= DICTIONARY_AIM_MS))
        failures.push(`${p.browser} ${p.page}: dictionary wait over the aim`);
    }
    for (const b of browser.stoppedBackground)
      if (!b.pass)
        failures.push(`${b.browser}: dictionary wait after the background was stopped over the aim`);
    for (const h of browser.hostile)
      if (!h.pass) failures.push(`${h.browser} ${h.page}: a task of its own over the budget`);
    for (const p of browser.pageScript)
      if (!p.pass) failures.push(`${p.browser}: the page's own script slowed beyond budget`);
    for (const s of browser.size)
      if (!s.pass) failures.push(`${s.build}: content script over the gzip size budget`);
  });

  await section('big-dictionary', 'Content script with a 30,000-entity bigger dictionary', async () => {
    const big = await runBigDictionaryBench({ runs: options.runs, firefox: options.firefox });
    printBigDictionaryReport(big);
    for (const p of big.pages) {
      if (!p.pass) failures.push(`${p.browser} ${p.page} (big dictionary): matching + painting over budget`);
      if (!(p.dictionaryWaitMs <= DICTIONARY_AIM_MS))
        failures.push(`${p.browser} ${p.page} (big dictionary): dictionary wait over the aim`);
    }
  });

  await section('library-page', 'Library page in the browser (10,000 notes)', async () => {
    const page = await runLibraryPageBench(browserOptions());
    printLibraryPageReport(page);
    for (const f of page.figures)
      for (const b of f.budgets) if (!b.pass) failures.push(`library page: ${b.name} (${b.detail})`);
  });

  await section(
    'reader-dictionary',
    'Reader dictionary: one entity saved → repainted in an open tab',
    async () => {
      const reader = await runReaderDictionaryBench(browserOptions());
      printReaderDictionaryReport(reader);
      for (const f of reader.figures)
        if (!f.pass) failures.push(`${f.browser}: save → repaint of a reader entity over budget`);
    },
  );

  await section(
    'notes-page',
    'Notes on the page in the browser (500 notes, 100,000 characters)',
    async () => {
      const notes = await runNotesPageBench(browserOptions());
      printNotesPageReport(notes);
      for (const f of notes.figures)
        for (const b of f.budgets) if (!b.pass) failures.push(`notes page: ${b.name} (${b.detail})`);
    },
  );

  heading('Summary');
  if (failures.length === 0) console.log('PASS all budgets');
  else {
    const bar = '!'.repeat(80);
    console.log(bar);
    for (const failure of failures) console.log(`! FAIL ${failure}`);
    console.log(bar);
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(0);
  },
);
