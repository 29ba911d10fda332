// Re-anchoring benchmark (issue 10, DESIGN.md §5): 500 notes on a 100,000-character article,
// re-anchored after the page changed: (a) unchanged, found at their positions; (b) a paragraph
// inserted at the top, so every note needs the exact-quote search; (c) every passage edited inside,
// so every note needs approximate matching. Baseline, measured in the same run: approximate
// matching of every note over the whole text (what a plain approx-string-match anchorer does).
//
//   npx tsx scripts/bench-anchoring.ts
//
// Always exits 0: a report; budgets get PASS/FAIL lines.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import search from 'approx-string-match';
import { Anchorer, type AnchorTarget, MAX_ERROR_RATE } from '../lib/anchoring/anchor';
import { describePassage } from '../lib/anchoring/describe';
import { searchKey, searchTextOf } from '../lib/anchoring/search-text';
import { BLOCK_SEPARATOR } from '../lib/text/text-model';
import { prng } from '../tests/unit/seeded-random';
import { budgetLine, builtInDictionary, generateText, time } from './bench-matcher';

export interface AnchoringScenario {
  label: string;
  ms: number;
  /** Notes placed on the passage they were taken on. */
  correct: number;
}

export interface AnchoringBenchResult {
  textChars: number;
  notes: number;
  scenarios: AnchoringScenario[];
  baselineMs: number;
  baselineCorrect: number;
  budgets: { name: string; pass: boolean; detail: string }[];
}

export const NOTES = 500;
const TEXT_CHARS = 100_000;
export const INSERTED = `تحديث: أضيفت هذه الفقرة إلى الخبر بعد نشره بساعتين، مع تصريحات جديدة من المسؤولين.${BLOCK_SEPARATOR}`;
const EDIT = ' جدا';

/**
 * The article: exactly TEXT_CHARS of paragraphs whose sentences are random runs of the seed
 * story's words. Unlike the matcher bench's text it repeats no sentence, as a real article does
 * not: a repeated passage would be found, rightly, in its other place.
 */
export function article(): string {
  const vocabulary = [
    ...new Set(generateText(builtInDictionary(), 20_000, 11).split(/[\s.،,;:!?؟]+/u)),
  ].filter((w) => w.length > 1);
  const rand = prng(11);
  const paragraphs: string[] = [];
  let length = 0;
  while (length < TEXT_CHARS) {
    const sentences: string[] = [];
    const count = 3 + Math.floor(rand() * 4);
    for (let k = 0; k < count; k++) {
      const words: string[] = [];
      const n = 8 + Math.floor(rand() * 18);
      for (let w = 0; w < n; w++) words.push(vocabulary[Math.floor(rand() * vocabulary.length)] as string);
      sentences.push(`${words.join(' ')}.`);
    }
    const paragraph = sentences.join(' ');
    paragraphs.push(paragraph);
    length += paragraph.length + 1;
  }
  return paragraphs.join(BLOCK_SEPARATOR).slice(0, TEXT_CHARS);
}

/** NOTES passages of 20–120 characters spread over the text, starting and ending at word edges. */
export function passages(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const step = Math.floor(text.length / NOTES);
  for (let k = 0; k < NOTES; k++) {
    let start = k * step + 7;
    while (start < text.length && /\s/.test(text[start - 1] ?? ' ') === false) start++;
    let end = start + 20 + ((k * 37) % 100);
    while (end < text.length && /\s/.test(text[end] ?? ' ') === false) end++;
    out.push({ start, end: Math.min(end, (k + 1) * step) });
  }
  return out;
}

/** The text with EDIT inserted in the middle (at a word edge) of every passage, and where they went. */
export function editInside(text: string, spans: { start: number; end: number }[]) {
  let out = '';
  let last = 0;
  let shift = 0;
  const moved: { start: number; end: number }[] = [];
  for (const { start, end } of spans) {
    let mid = (start + end) >> 1;
    while (mid < end && text[mid] !== ' ') mid++;
    out += text.slice(last, mid) + EDIT;
    last = mid;
    moved.push({ start: start + shift, end: end + shift + EDIT.length });
    shift += EDIT.length;
  }
  return { text: out + text.slice(last), spans: moved };
}

function countCorrect(
  anchors: ({ start: number; end: number } | null)[],
  expected: { start: number; end: number }[],
) {
  let n = 0;
  anchors.forEach((anchor, i) => {
    const e = expected[i];
    // The approximate step may place an edge a few characters off; the passage is what counts.
    if (anchor && e && Math.abs(anchor.start - e.start) <= 3 && Math.abs(anchor.end - e.end) <= 3) n++;
  });
  return n;
}

export function runAnchoringBench(): AnchoringBenchResult {
  const text = article();
  const spans = passages(text);
  const targets: AnchorTarget[] = spans.map(({ start, end }) => {
    const d = describePassage(text, start, end);
    if (!d) throw new Error('bench fixture: empty passage');
    return d;
  });
  const described = targets.map((t) => ({ start: t.position.start, end: t.position.end }));

  const shifted = INSERTED + text;
  const shiftedSpans = described.map(({ start, end }) => ({
    start: start + INSERTED.length,
    end: end + INSERTED.length,
  }));
  const edited = editInside(shifted, shiftedSpans);

  const scenarios: AnchoringScenario[] = [];
  const run = (label: string, page: string, expected: { start: number; end: number }[], runs: number) => {
    let anchors: ({ start: number; end: number } | null)[] = [];
    const ms = time(
      () => {
        anchors = new Anchorer(page).anchorAll(targets);
      },
      2,
      runs,
    );
    scenarios.push({ label, ms, correct: countCorrect(anchors, expected) });
  };
  run('unchanged page (position)', text, described, 15);
  run('paragraph inserted at the top (exact)', shifted, shiftedSpans, 15);
  run('every passage edited inside (approximate)', edited.text, edited.spans, 7);

  // Baseline: approximate matching of every note over the whole (folded) text, best match kept.
  let baselineAnchors: ({ start: number; end: number } | null)[] = [];
  const baselineMs = time(
    () => {
      const folded = searchTextOf(edited.text);
      baselineAnchors = targets.map((t) => {
        const key = searchKey(t.quote.exact);
        const [best] = search(folded.text, key, Math.floor(key.length * MAX_ERROR_RATE));
        return best
          ? { start: folded.map[best.start] as number, end: (folded.map[best.end - 1] as number) + 1 }
          : null;
      });
    },
    0,
    3,
  );
  const baselineCorrect = countCorrect(baselineAnchors, edited.spans);

  const exact = scenarios[1] as AnchoringScenario;
  const fuzzy = scenarios[2] as AnchoringScenario;
  const budgets = [
    { name: '500 exact re-anchors ≤ 20 ms', pass: exact.ms <= 20, detail: `${exact.ms.toFixed(1)} ms` },
    {
      name: '500 approximate re-anchors ≤ 200 ms',
      pass: fuzzy.ms <= 200,
      detail: `${fuzzy.ms.toFixed(1)} ms`,
    },
    {
      name: 'every note placed',
      pass: scenarios.every((s) => s.correct === NOTES),
      detail: scenarios.map((s) => `${s.correct}/${NOTES}`).join(', '),
    },
  ];
  return { textChars: text.length, notes: NOTES, scenarios, baselineMs, baselineCorrect, budgets };
}

export function printAnchoringReport(r: AnchoringBenchResult): void {
  console.log(`${r.notes} notes on a ${r.textChars.toLocaleString('en')}-character article (medians):`);
  const w = Math.max(...r.scenarios.map((s) => s.label.length), 34);
  for (const s of r.scenarios) {
    console.log(
      `${s.label.padEnd(w)} │ ${s.ms.toFixed(1).padStart(7)} ms │ ${(r.baselineMs / s.ms).toFixed(0).padStart(5)}× faster than baseline │ ${s.correct}/${r.notes} placed`,
    );
  }
  console.log(
    `${'baseline: approximate for every note'.padEnd(w)} │ ${r.baselineMs.toFixed(1).padStart(7)} ms │ ${''.padStart(5)}                        │ ${r.baselineCorrect}/${r.notes} placed`,
  );
  console.log('');
  for (const b of r.budgets) console.log(budgetLine(b));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  printAnchoringReport(runAnchoringBench());
}
