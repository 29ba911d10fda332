// Recall and precision of the entities tagger (the CLI's matcher over Readability's article text) on
// hand-tagged news pages, tests/gold/news/*.gold.json beside each page (.html or .txt):
//   { "source", "language", "names": { "<type>": ["surface as written", …] } }
// Every occurrence of a listed surface is a gold mention (longest surfaces first, no overlaps; an
// Arabic surface may follow clitics: و ف ب ك ل; a space matches any run of white space). A found mention counts when it overlaps a gold
// mention of the same type, each gold mention used once.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type Dictionary, ENTITY_TYPES, type EntityType } from '../../lib/entities/types';
import { entityFinder, fileText } from './entities-cli';

export interface GoldFile {
  source: string;
  language: 'ar' | 'en';
  names: Record<EntityType, string[]>;
}

interface Span {
  start: number;
  end: number;
  type: EntityType;
}

export interface Tally {
  gold: number;
  found: number;
  correct: number;
}

export interface CoverageResult {
  /** Per language, per type and 'all'. */
  byLanguage: Record<'ar' | 'en', Record<EntityType | 'all', Tally>>;
  pages: {
    file: string;
    language: 'ar' | 'en';
    gold: number;
    found: number;
    correct: number;
    /** Gold mentions not found, as written ("type: text"). */
    missed: string[];
    /** Found mentions that match no gold mention ("type: text → entity id"). */
    wrong: string[];
  }[];
}

const LETTER = /[\p{L}\p{N}]/u;
const CLITICS = new Set(['و', 'ف', 'ب', 'ك', 'ل']);

/** Gold spans: each surface's occurrences as a whole word (after Arabic clitics), longest first. */
export function goldSpans(text: string, names: Record<EntityType, string[]>): Span[] {
  const surfaces = ENTITY_TYPES.flatMap((type) => (names[type] ?? []).map((s) => ({ s, type }))).sort(
    (a, b) => b.s.length - a.s.length,
  );
  const taken = new Uint8Array(text.length);
  const spans: Span[] = [];
  for (const { s, type } of surfaces) {
    // A space in a surface stands for any run of white space: pages wrap names across lines.
    const escaped = s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ +/g, '\\s+');
    const pattern = new RegExp(escaped, 'g');
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
      const at = m.index;
      pattern.lastIndex = at + 1;
      const end = at + m[0].length;
      if (end < text.length && LETTER.test(text.charAt(end))) continue;
      let before = at;
      while (before > 0 && CLITICS.has(text.charAt(before - 1)) && at - before < 2) before--;
      if (before > 0 && LETTER.test(text.charAt(before - 1))) continue;
      if (taken.subarray(at, end).some((x) => x === 1)) continue;
      taken.fill(1, at, end);
      spans.push({ start: at, end, type });
    }
  }
  return spans.sort((a, b) => a.start - b.start);
}

const emptyTally = (): Tally => ({ gold: 0, found: 0, correct: 0 });

export async function measureCoverage(dir: string, dictionary: Dictionary): Promise<CoverageResult> {
  const find = entityFinder(dictionary);
  const types = (): Record<EntityType | 'all', Tally> =>
    Object.fromEntries([...ENTITY_TYPES, 'all'].map((t) => [t, emptyTally()])) as Record<
      EntityType | 'all',
      Tally
    >;
  const byLanguage = { ar: types(), en: types() };
  const pages: CoverageResult['pages'] = [];
  const typeOf = new Map(dictionary.entities.map((e) => [e.id, e.type]));
  for (const name of (await readdir(dir)).filter((n) => n.endsWith('.gold.json')).sort()) {
    const gold = JSON.parse(await readFile(join(dir, name), 'utf8')) as GoldFile;
    const base = name.replace(/\.gold\.json$/, '');
    const pageFile = (await readdir(dir)).find((n) => n === `${base}.html` || n === `${base}.txt`);
    if (!pageFile) throw new Error(`${name}: no ${base}.html or ${base}.txt beside it`);
    const file = join(dir, pageFile);
    // The text the mentions point into: Readability's article text for HTML, the file for text.
    const text = await fileText(file);
    const result = find(file, text);
    const expected = goldSpans(text, gold.names);
    const found: Span[] = result.mentions.map((m) => ({
      start: m.start,
      end: m.end,
      type: typeOf.get(m.entity.id) ?? m.entity.type,
    }));
    const used = new Uint8Array(expected.length);
    const tally = byLanguage[gold.language];
    let correct = 0;
    const wrong: string[] = [];
    for (const [i, f] of found.entries()) {
      tally[f.type].found++;
      tally.all.found++;
      const k = expected.findIndex(
        (g, i) => used[i] === 0 && g.type === f.type && g.start < f.end && f.start < g.end,
      );
      if (k < 0) {
        wrong.push(`${f.type}: ${text.slice(f.start, f.end)} → ${result.mentions[i]?.entity.id}`);
        continue;
      }
      used[k] = 1;
      tally[f.type].correct++;
      tally.all.correct++;
      correct++;
    }
    for (const g of expected) {
      tally[g.type].gold++;
      tally.all.gold++;
    }
    pages.push({
      file: pageFile,
      language: gold.language,
      gold: expected.length,
      found: found.length,
      correct,
      missed: expected.filter((_, i) => used[i] === 0).map((g) => `${g.type}: ${text.slice(g.start, g.end)}`),
      wrong,
    });
  }
  return { byLanguage, pages };
}

const ratio = (a: number, b: number): string => (b === 0 ? '–' : (a / b).toFixed(2));

/** A table per language: recall and precision per type; with `details`, each page's misses. */
export function formatCoverage(r: CoverageResult, details = false): string {
  const lines: string[] = [];
  for (const lang of ['ar', 'en'] as const) {
    lines.push(`${lang === 'ar' ? 'Arabic' : 'English'}:`);
    lines.push('  type           gold  found  correct  recall  precision');
    for (const type of [...ENTITY_TYPES, 'all'] as const) {
      const t = r.byLanguage[lang][type];
      lines.push(
        `  ${type.padEnd(13)} ${String(t.gold).padStart(5)} ${String(t.found).padStart(6)} ${String(t.correct).padStart(8)}  ${ratio(t.correct, t.gold).padStart(6)}  ${ratio(t.correct, t.found).padStart(9)}`,
      );
    }
  }
  lines.push('Pages:');
  for (const p of r.pages) {
    lines.push(`  ${p.file}: ${p.correct} of ${p.gold} gold, ${p.found} found`);
    if (!details) continue;
    for (const m of p.missed) lines.push(`    missed  ${m}`);
    for (const w of p.wrong) lines.push(`    wrong   ${w}`);
  }
  return lines.join('\n');
}
