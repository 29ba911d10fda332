// Matcher benchmark: throughput, compile time and memory against a RegExp-alternation baseline
// (DESIGN.md §5: ≥ 50 MB/s in Node, a 30k-entry dictionary compiled in well under 100 ms).
//
//   npx tsx scripts/bench-matcher.ts [dictionary.json]
//
// Dictionary (a): the argument, else lib/generated/dictionary.json, else a small built-in one.
// Dictionary (b): 30,000 synthetic entries. Text: ≥ 1 MB of deterministic news-like Arabic with
// some English and entity mentions. MB = 10^6 UTF-8 bytes of the original text. Always exits 0:
// this is a report; budget failures are printed loudly.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { encodeDictionaryFiles, matcherFromFile } from '../lib/entities/dictionary-tables';
import { compileMatcher, compileTrie, entityForms, type Matcher } from '../lib/entities/matcher';
import type { Dictionary, Entity, EntityType } from '../lib/entities/types';
import { fold, foldText } from '../lib/text/fold';
import { tokenWords } from '../lib/text/tokenize';
import { entity, TEST_DICTIONARY } from '../tests/unit/entities/test-dictionary';
import { prng } from '../tests/unit/seeded-random';
import { buildDictionary } from './lib/build-dictionary';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SEED_STORY = join(ROOT, 'corpus', '000_8bc69fdfd68826f6.txt');
const SHIPPED = join(ROOT, 'lib', 'generated', 'dictionary.json');

/** Figures for one dictionary. */
export interface DictionaryFigures {
  label: string;
  entities: number;
  textChars: number;
  textMB: number;
  mentions: number;
  compileMs: number;
  matcherMBps: number;
  /**
   * The same from the process's CPU time rather than the wall clock: on a machine shared by other
   * work the wall clock counts the time others ran too; CPU time much less so.
   */
  matcherCpuMBps: number;
  matcherMcharsPerS: number;
  baselineCompileMs: number;
  baselineMBps: number;
  /** ours / baseline throughput. */
  ratio: number;
  /**
   * Memory the compiled matcher keeps (JS heap + array buffers) after matching 10,000 characters,
   * MB: measured in a child process with --expose-gc (measureMemory()).
   */
  heapMB: number;
  /** Its dictionary file (compiled tables, lib/entities/dictionary-tables.ts), bytes. */
  fileBytes: number;
  /** The entries file, fetched after the paint. */
  entriesBytes: number;
  /** Reading that file into a matcher, as a page does (no checksum), ms. */
  fileLoadMs: number;
  /** The same for the matcher read from the file, the file's buffer included, MB. */
  fileHeapMB: number;
}

/** The matcher's first run on an article in a fresh process (scripts/bench-cold.ts), medians. */
export interface ColdFigures {
  articleChars: number;
  runs: number;
  coldMs: number;
  warmMs: number;
  /** With a warm-up of warmUpChars of other text first: its cost, then the article's first run. */
  warmUpChars: number;
  warmUpMs: number;
  afterWarmUpMs: number;
  /** The same first and second runs on a page of pageChars (the demo page's size). */
  pageChars: number;
  pageColdMs: number;
  pageWarmMs: number;
  /** The background's own warm-up (lib/entities/matcher-apart.ts), then the page's first run. */
  backgroundWarmUpMs: number;
  pageAfterBackgroundWarmUpMs: number;
}

export interface MatcherBenchResult {
  /** 1-minute load average when the run ended: wall-clock figures are only as good as the machine is idle. */
  load: number;
  given: DictionaryFigures;
  synthetic: DictionaryFigures;
  cold: ColdFigures | null;
  budgets: { name: string; pass: boolean; detail: string }[];
}

// ---------------------------------------------------------------------------------------------
// Deterministic inputs

function pickFrom<T>(rand: () => number, list: readonly T[]): T {
  return list[Math.floor(rand() * list.length)] as T;
}

const FALLBACK_STORY =
  'قطعت ألبانيا أمس العلاقات الدبلوماسية مع إيران وطردت دبلوماسييها بعد إلقاء اللوم على طهران في هجوم إلكتروني. ' +
  'وقال رئيس الوزراء الالباني ايدي راما في بيان مصور إن الحكومة قررت قطع العلاقات. ' +
  'وقال مجلس الامن القومي الأمريكي في بيان إن الولايات المتحدة ستتخذ المزيد من الاجراءات.';

const ENGLISH = [
  'Albania cut diplomatic ties with Iran over a cyberattack, Prime Minister Edi Rama said on Wednesday.',
  "Mandiant's John Hultquist said the attack was among the most aggressive the firm had seen.",
  'The United States and NATO allies pledged to respond; the Iranian embassy in Tirana did not comment.',
  'Members of the Mujahedin-e Khalq (MEK) live in a camp near Durrës, the main port.',
  'Officials said the Cuba Ransomware group attacked Montenegro last month.',
];

function sentencesOf(story: string): string[] {
  return story
    .split(/(?<=[.!؟?])\s+/u)
    .map((s) => s.trim())
    .filter((s) => s.length > 20);
}

/** The forms a text generator may drop in: canonical names, both languages. */
function mentionForms(dict: Dictionary): string[] {
  const forms: string[] = [];
  for (const e of dict.entities) forms.push(e.names.ar, e.names.en);
  return forms.filter((f) => f !== '');
}

/** ≥ minChars of news-like text: story sentences, shuffled story words, English, entity mentions. */
export function generateText(dict: Dictionary, minChars: number, seed = 42): string {
  const rand = prng(seed);
  const story = existsSync(SEED_STORY) ? readFileSync(SEED_STORY, 'utf8') : FALLBACK_STORY;
  const sentences = sentencesOf(story);
  const words = story.split(/\s+/u).filter((w) => w !== '');
  const forms = mentionForms(dict);
  const clitics = ['', '', '', 'و', 'ب', 'ل', 'وب'];
  const parts: string[] = [];
  let length = 0;
  while (length < minChars) {
    const r = rand();
    let piece: string;
    if (r < 0.45) piece = pickFrom(rand, sentences);
    else if (r < 0.8) {
      const n = 8 + Math.floor(rand() * 20);
      const ws: string[] = [];
      for (let k = 0; k < n; k++) {
        ws.push(rand() < 0.1 ? pickFrom(rand, clitics) + pickFrom(rand, forms) : pickFrom(rand, words));
      }
      piece = `${ws.join(' ')}.`;
    } else if (r < 0.9) piece = pickFrom(rand, ENGLISH);
    else
      piece = `${pickFrom(rand, clitics)}${pickFrom(rand, forms)} ${pickFrom(rand, words)} ${pickFrom(rand, forms)}،`;
    parts.push(piece);
    length += piece.length + 1;
  }
  return parts.join(rand() < 0.5 ? ' ' : '\n');
}

// ---------------------------------------------------------------------------------------------
// Dictionaries

/** The small dictionary of the unit tests, used when no built dictionary is around. */
export function builtInDictionary(): Dictionary {
  return TEST_DICTIONARY;
}

const AR_LETTERS = 'ابتثجحخدذرزسشصضطظعغفقكلمنهويءأإآةى';
const LATIN = 'abcdefghijklmnoprstuvz';

function pseudoWord(rand: () => number, alphabet: string, min: number, max: number): string {
  const n = min + Math.floor(rand() * (max - min + 1));
  let w = '';
  for (let k = 0; k < n; k++) w += alphabet[Math.floor(rand() * alphabet.length)];
  return w;
}

/** `size` deterministic pseudo-Arabic entities of all types, with aliases, surnames and demonyms. */
export function syntheticDictionary(size: number, seed = 7): Dictionary {
  const rand = prng(seed);
  const types: EntityType[] = ['person', 'person', 'person', 'organisation', 'government', 'group', 'place'];
  const entities: Entity[] = [];
  for (let i = 0; i < size; i++) {
    const type = pickFrom(rand, types);
    const wordsN = type === 'place' ? 1 + Math.floor(rand() * 1.3) : 1 + Math.floor(rand() * 4);
    const ar: string[] = [];
    const en: string[] = [];
    for (let k = 0; k < wordsN; k++) {
      ar.push(pseudoWord(rand, AR_LETTERS, 3, 8));
      const latin = pseudoWord(rand, LATIN, 3, 9);
      en.push(latin[0]?.toUpperCase() + latin.slice(1));
    }
    const arName = (type === 'organisation' && rand() < 0.5 ? 'ال' : '') + ar.join(' ');
    const extra: Partial<Pick<Entity, 'aliases' | 'demonyms' | 'surnames'>> = {};
    if (rand() < 0.5) extra.aliases = { ar: [pseudoWord(rand, AR_LETTERS, 3, 8)], en: [] };
    if (type === 'person' && wordsN > 1) extra.surnames = { ar: [ar[wordsN - 1] as string], en: [] };
    if (type === 'place') extra.demonyms = { ar: [], en: [`${en.join(' ')}ian`] };
    entities.push(entity(`synthetic-${i}`, type, arName, en.join(' '), extra));
  }
  return { version: 1, entities };
}

function loadGivenDictionary(path: string | undefined): { dict: Dictionary; label: string } {
  const file = path ? resolve(path) : existsSync(SHIPPED) ? SHIPPED : undefined;
  if (!file) return { dict: builtInDictionary(), label: 'built-in test dictionary' };
  const dict = JSON.parse(readFileSync(file, 'utf8')) as Dictionary;
  return { dict, label: file.startsWith(ROOT) ? file.slice(ROOT.length + 1) : file };
}

// ---------------------------------------------------------------------------------------------
// Measuring

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/** Median CPU time (user + system) of fn over `runs` runs after `warmup` runs, in ms. */
export function cpuTime(fn: () => unknown, warmup: number, runs: number): number {
  for (let k = 0; k < warmup; k++) fn();
  const samples: number[] = [];
  for (let k = 0; k < runs; k++) {
    const before = process.cpuUsage();
    fn();
    const spent = process.cpuUsage(before);
    samples.push((spent.user + spent.system) / 1000);
  }
  return median(samples);
}

/** Median wall time of fn over `runs` runs after `warmup` runs, in ms. */
export function time(fn: () => unknown, warmup: number, runs: number): number {
  for (let k = 0; k < warmup; k++) fn();
  const samples: number[] = [];
  for (let k = 0; k < runs; k++) {
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
  }
  return median(samples);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The baseline: one alternation of every folded form, longest first, with \p{L} lookarounds. */
function baselineRegExp(dict: Dictionary): RegExp {
  const forms = new Set<string>();
  for (const e of dict.entities) {
    for (const f of entityForms(e)) {
      const key = tokenWords(foldText(f.text)).join(' ');
      if (key !== '') forms.add(key);
    }
  }
  const sorted = [...forms].sort((a, b) => b.length - a.length).map(escapeRegExp);
  return new RegExp(`(?<!\\p{L})(?:${sorted.join('|')})(?!\\p{L})`, 'gu');
}

function countMatches(re: RegExp, text: string): number {
  re.lastIndex = 0;
  let n = 0;
  while (re.exec(text)) n++;
  return n;
}

/** Which dictionary a memory child measures: the given one (its path, or the built-in) or the synthetic one. */
type MemorySubject = { given: string | null } | { synthetic: number };

/**
 * The memory a matcher keeps, measured where nothing else moves: a fresh Node process with
 * --expose-gc (this script with --memory), which builds matchers, each matching 10,000
 * characters and kept reachable, and compares the heap and array buffers after full collections
 * with those before (after a first matcher of each kind: the code and fold tables all matchers
 * share are not counted). In this process the bench's own texts, matchers and regular expressions come and
 * go around the measure, so a difference there can even come out negative.
 */
function measureMemory(subject: MemorySubject): { heapMB: number; fileHeapMB: number } {
  const child = spawnSync(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', fileURLToPath(import.meta.url), '--memory', JSON.stringify(subject)],
    { cwd: ROOT, encoding: 'utf8' },
  );
  if (child.status !== 0) throw new Error(`memory child failed: ${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').pop() ?? '{}') as { heapMB: number; fileHeapMB: number };
}

/** The child of measureMemory(): prints one JSON line. */
function memoryChild(subject: MemorySubject): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with --expose-gc');
  const dict =
    'synthetic' in subject
      ? syntheticDictionary(subject.synthetic)
      : loadGivenDictionary(subject.given ?? undefined).dict;
  const sample = generateText(dict, 10_000);
  const { tables: file, entries } = encodeDictionaryFiles(dict, compileTrie(dict.entities, dict.words));
  // A tab's matcher once the entries have come too.
  const load = () => matcherFromFile(file.slice().buffer, entries.slice().buffer, { verify: false });
  const used = (): number => {
    gc();
    gc();
    const m = process.memoryUsage();
    return m.heapUsed + m.arrayBuffers; // typed arrays live outside the JS heap
  };
  // One of each before measuring, so that what all matchers share (the engine's code for ours, the
  // fold tables filled for the sample) is not counted. They stay reachable: array buffers dropped
  // now would be freed in the middle of the measure and make it smaller, even negative.
  const first = compileMatcher(dict);
  first.match(sample);
  const firstLoaded = load();
  firstLoaded.match(sample);
  // Five more of each, all kept: the median of what each adds (the heap moves by a few hundred KB
  // on its own).
  const kept: Matcher[] = [first, firstLoaded];
  const added = (make: () => Matcher): number => {
    const sizes: number[] = [];
    for (let k = 0; k < 5; k++) {
      const before = used();
      const m = make();
      m.match(sample);
      kept.push(m);
      sizes.push((used() - before) / 1e6);
    }
    return median(sizes);
  };
  const heapMB = added(() => compileMatcher(dict));
  const fileHeapMB = added(load);
  if (new Set(kept.map((m) => m.entities.length)).size !== 1) throw new Error('the matchers differ');
  console.log(JSON.stringify({ heapMB, fileHeapMB }));
}

function measure(label: string, dict: Dictionary, memory: MemorySubject): DictionaryFigures {
  const text = generateText(dict, 1_000_000);
  const bytes = Buffer.byteLength(text, 'utf8');
  const textMB = bytes / 1e6;

  const compileMs = time(() => compileMatcher(dict), 3, 15);
  const matcher = compileMatcher(dict);
  const mentions = matcher.match(text).length;
  // Ten runs first: the engine optimises the matcher over several runs of 1 M characters.
  const matchMs = time(() => matcher.match(text), 10, 15);
  const matchCpuMs = cpuTime(() => matcher.match(text), 0, 15);

  const { tables: file, entries } = encodeDictionaryFiles(dict, compileTrie(dict.entities, dict.words));
  // What a page waits for: the tables file viewed (its entries come after the paint).
  const fileLoadMs = time(() => matcherFromFile(file.slice().buffer, null, { verify: false }), 3, 15);
  const loaded = matcherFromFile(file.slice().buffer, entries.slice().buffer, { verify: false });
  if (loaded.match(text).length !== mentions)
    throw new Error(`${label}: the file's matcher finds other mentions`);
  const { heapMB, fileHeapMB } = measureMemory(memory);

  const baselineCompileMs = time(
    () => {
      const re = baselineRegExp(dict);
      re.exec('x'); // V8 compiles a RegExp on first use
    },
    0,
    3,
  );
  const re = baselineRegExp(dict);
  const folded = fold(text).text;
  const baselineMs = time(() => countMatches(re, folded), 1, 3);

  const matcherMBps = textMB / (matchMs / 1000);
  const baselineMBps = textMB / (baselineMs / 1000);
  return {
    label,
    entities: dict.entities.length,
    textChars: text.length,
    textMB,
    mentions,
    compileMs,
    matcherMBps,
    matcherCpuMBps: textMB / (matchCpuMs / 1000),
    matcherMcharsPerS: text.length / 1e6 / (matchMs / 1000),
    baselineCompileMs,
    baselineMBps,
    ratio: matcherMBps / baselineMBps,
    heapMB,
    fileBytes: file.length,
    entriesBytes: entries.length,
    fileLoadMs,
    fileHeapMB,
  };
}

const COLD_RUNS = 3;
const COLD_ARTICLE_CHARS = 313_000;
const WARM_UP_CHARS = 20_000;
const COLD_PAGE_CHARS = 3_500;

/** The shipped matcher's cold first run, each in a fresh process; null without the shipped file. */
export function runColdBench(): ColdFigures | null {
  if (!existsSync(join(ROOT, 'lib', 'generated', 'dictionary.bin'))) return null;
  const once = (warmUp: number, chars = COLD_ARTICLE_CHARS, background = false) => {
    const child = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        join(ROOT, 'scripts', 'bench-cold.ts'),
        String(chars),
        '--warm-up',
        String(warmUp),
        ...(background ? ['--background'] : []),
      ],
      { cwd: ROOT, encoding: 'utf8' },
    );
    if (child.status !== 0) throw new Error(`bench-cold failed: ${child.stderr}`);
    return JSON.parse(child.stdout.trim().split('\n').pop() ?? '{}') as {
      warmUpMs: number;
      coldMs: number;
      warmMs: number;
    };
  };
  const plain = Array.from({ length: COLD_RUNS }, () => once(0));
  const warmed = Array.from({ length: COLD_RUNS }, () => once(WARM_UP_CHARS));
  const page = Array.from({ length: COLD_RUNS }, () => once(0, COLD_PAGE_CHARS));
  const background = Array.from({ length: COLD_RUNS }, () => once(0, COLD_PAGE_CHARS, true));
  return {
    articleChars: COLD_ARTICLE_CHARS,
    runs: COLD_RUNS,
    coldMs: median(plain.map((r) => r.coldMs)),
    warmMs: median(plain.map((r) => r.warmMs)),
    warmUpChars: WARM_UP_CHARS,
    warmUpMs: median(warmed.map((r) => r.warmUpMs)),
    afterWarmUpMs: median(warmed.map((r) => r.coldMs)),
    pageChars: COLD_PAGE_CHARS,
    pageColdMs: median(page.map((r) => r.coldMs)),
    pageWarmMs: median(page.map((r) => r.warmMs)),
    backgroundWarmUpMs: median(background.map((r) => r.warmUpMs)),
    pageAfterBackgroundWarmUpMs: median(background.map((r) => r.coldMs)),
  };
}

/** The cold-run line of the report. */
export function coldLine(c: ColdFigures): string {
  return (
    `first run on a ${c.articleChars.toLocaleString('en')}-character article in a fresh process (shipped file): ` +
    `${c.coldMs.toFixed(1)} ms cold, ${c.warmMs.toFixed(1)} ms on the second run; after a ` +
    `${c.warmUpChars.toLocaleString('en')}-character warm-up (${c.warmUpMs.toFixed(1)} ms) ${c.afterWarmUpMs.toFixed(1)} ms` +
    `; on a ${c.pageChars.toLocaleString('en')}-character page ${c.pageColdMs.toFixed(2)} ms cold, ` +
    `${c.pageWarmMs.toFixed(2)} ms on the second run, ${c.pageAfterBackgroundWarmUpMs.toFixed(2)} ms after the ` +
    `background's warm-up on the dictionary's own words (${c.backgroundWarmUpMs.toFixed(1)} ms; ` +
    `${(c.pageAfterBackgroundWarmUpMs / c.pageColdMs).toFixed(2)}× the cold run) (medians of ${c.runs} processes each)`
  );
}

/** Runs the whole benchmark; `dictionaryPath` overrides the given dictionary. */
export function runMatcherBench(dictionaryPath?: string): MatcherBenchResult {
  const { dict, label } = loadGivenDictionary(dictionaryPath);
  const given = measure(label, dict, { given: dictionaryPath ?? null });
  const synthetic = measure('synthetic 30,000 entries', syntheticDictionary(30_000), { synthetic: 30_000 });
  const cold = runColdBench();
  const slowest = Math.min(given.matcherMBps, synthetic.matcherMBps);
  const budgets = [
    {
      name: 'matcher ≥ 50 MB/s',
      pass: slowest >= 50,
      detail: `slowest ${slowest.toFixed(1)} MB/s (folding included)`,
    },
    {
      name: 'matcher ≥ 150 MB/s with the shipped dictionary (issue 12)',
      pass: given.matcherMBps >= 150,
      detail: `${given.matcherMBps.toFixed(1)} MB/s (${given.matcherCpuMBps.toFixed(1)} MB/s in CPU time)`,
    },
    {
      name: '≥ 5× baseline at 30k',
      pass: synthetic.ratio >= 5,
      detail: `${synthetic.ratio.toFixed(1)}×`,
    },
    {
      name: '30k compile < 100 ms',
      pass: synthetic.compileMs < 100,
      detail: `${synthetic.compileMs.toFixed(1)} ms`,
    },
  ];
  return { load: loadavg()[0] ?? 0, given, synthetic, cold, budgets };
}

/** Figures of the dictionary builder over a 10 MB corpus (the seed story and English news, repeated). */
export interface CorpusBuildFigures {
  corpusMB: number;
  seconds: number;
  MBps: number;
  budget: { name: string; pass: boolean; detail: string };
}

/** Builds the dictionary with its corpus report over ~10 MB of text in a temporary folder. */
export async function runCorpusBuildBench(): Promise<CorpusBuildFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'hashiya-bench-corpus-'));
  try {
    const seed = readFileSync(SEED_STORY, 'utf8');
    const english =
      'Albania cut ties with Iran, Prime Minister Edi Rama said, after an attack that Microsoft blamed on ' +
      'Tehran. President Joe Biden said the United States would act.\n';
    const part = `${seed}\n${english.repeat(10)}`;
    const perFile = Math.ceil((2.5 * 1024 * 1024) / Buffer.byteLength(part));
    let bytes = 0;
    for (let k = 0; k < 4; k++) {
      const text = part.repeat(perFile);
      writeFileSync(join(dir, `part${k}.txt`), text);
      bytes += Buffer.byteLength(text);
    }
    const started = performance.now();
    await buildDictionary({ corpusDir: dir, entitiesFile: join(ROOT, 'corpus', 'entities.txt') });
    const seconds = (performance.now() - started) / 1000;
    const corpusMB = bytes / 1e6;
    const MBps = corpusMB / seconds;
    return {
      corpusMB,
      seconds,
      MBps,
      budget: {
        name: 'dictionary build ≥ 1 MB/s of corpus',
        pass: MBps >= 1,
        detail: `${corpusMB.toFixed(1)} MB in ${seconds.toFixed(2)} s (${MBps.toFixed(1)} MB/s)`,
      },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A budget's PASS or (loud) FAIL line. */
export function budgetLine(b: { name: string; pass: boolean; detail: string }): string {
  return b.pass ? `PASS ${b.name} — ${b.detail}` : `FAIL ${b.name} — ${b.detail}  <<<<<<<<<< FAIL`;
}

function printReport(r: MatcherBenchResult): void {
  const rows: [string, (f: DictionaryFigures) => string][] = [
    ['entities', (f) => String(f.entities)],
    ['text', (f) => `${f.textMB.toFixed(2)} MB / ${(f.textChars / 1e6).toFixed(2)} M chars`],
    ['mentions found', (f) => String(f.mentions)],
    [
      'matcher (incl. fold)',
      (f) => `${f.matcherMBps.toFixed(1)} MB/s (${f.matcherMcharsPerS.toFixed(1)} M chars/s)`,
    ],
    ['same, CPU time', (f) => `${f.matcherCpuMBps.toFixed(1)} MB/s`],
    ['baseline RegExp', (f) => `${f.baselineMBps.toFixed(2)} MB/s`],
    ['ratio ours/baseline', (f) => `${f.ratio.toFixed(1)}×`],
    ['matcher compile', (f) => `${f.compileMs.toFixed(1)} ms`],
    ['baseline compile', (f) => `${f.baselineCompileMs.toFixed(1)} ms`],
    ['matcher memory', (f) => `${f.heapMB.toFixed(2)} MB`],
    [
      'dictionary files',
      (f) =>
        `tables ${(f.fileBytes / 1e6).toFixed(2)} MB, read in ${f.fileLoadMs.toFixed(2)} ms; entries ${(f.entriesBytes / 1e6).toFixed(2)} MB`,
    ],
    ['memory, from the file', (f) => `${f.fileHeapMB.toFixed(2)} MB`],
  ];
  const cols = [r.given, r.synthetic];
  const w0 = Math.max(...rows.map(([n]) => n.length));
  const widths = cols.map((c) => Math.max(c.label.length, ...rows.map(([, f]) => f(c).length)));
  const line = (cells: string[]): string =>
    cells.map((c, k) => c.padEnd(k === 0 ? w0 : (widths[k - 1] as number))).join(' │ ');
  console.log(line(['', ...cols.map((c) => c.label)]));
  console.log(line(['─'.repeat(w0), ...widths.map((w) => '─'.repeat(w))]));
  for (const [name, f] of rows) console.log(line([name, ...cols.map(f)]));
  if (r.cold) console.log(`\n${coldLine(r.cold)}`);
  console.log(
    `\nload average ${r.load.toFixed(2)} — medians of wall-clock runs; a busy machine lowers them.\n`,
  );
  for (const b of r.budgets) console.log(budgetLine(b));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { memory: { type: 'string' } },
  });
  if (values.memory !== undefined) {
    memoryChild(JSON.parse(values.memory) as MemorySubject);
    process.exit(0);
  }
  printReport(runMatcherBench(positionals[0]));
  const { budget } = await runCorpusBuildBench();
  console.log(budgetLine(budget));
}
