// One cold first run of the shipped matcher, in a fresh Node process (scripts/bench-matcher.ts starts
// it): the dictionary's tables file read as a page reads it, then one article of news-like text matched before
// the engine has optimised anything, then the same again (warm). With `--warm-up N` it first matches
// N characters of other text, to see what a warm-up gains; with `--background` it first runs the
// background's own warm-up (warmableMatcherFromFile: the dictionary's own words). Prints one JSON line.
//
//   npx tsx scripts/bench-cold.ts ARTICLE_CHARS [--warm-up N | --background]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DICTIONARY_SOURCE, DICTIONARY_TABLES } from '../lib/entities/dictionary-file';
import { warmableMatcherFromFile } from '../lib/entities/dictionary-tables';
import type { Dictionary } from '../lib/entities/types';
import { generateText } from './bench-matcher';

export interface ColdRun {
  /** Reading the file's tables (no checksum, as a page does). */
  loadMs: number;
  warmUpMs: number;
  coldMs: number;
  warmMs: number;
  mentions: number;
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { 'warm-up': { type: 'string', default: '0' }, background: { type: 'boolean', default: false } },
});
const root = join(import.meta.dirname, '..');
const chars = Number(positionals[0] ?? 313_000);
const warmUp = Number(values['warm-up']);
const dict = JSON.parse(readFileSync(join(root, DICTIONARY_SOURCE), 'utf8')) as Dictionary;
const article = generateText(dict, chars, 1).slice(0, chars);
const other = generateText(dict, warmUp, 2).slice(0, warmUp);
const file = new Uint8Array(readFileSync(join(root, DICTIONARY_TABLES))).buffer;

const t0 = performance.now();
// The page's reading of the file and the background's are the same (no checksum).
const { matcher, warmUp: backgroundWarmUp } = warmableMatcherFromFile(file);
const t1 = performance.now();
if (warmUp > 0) matcher.match(other);
// Its slices one after the other, as a background with no page asking runs them.
if (values.background) backgroundWarmUp((slice) => slice());
const t2 = performance.now();
const mentions = matcher.match(article).length;
const t3 = performance.now();
matcher.match(article);
const t4 = performance.now();
const run: ColdRun = { loadMs: t1 - t0, warmUpMs: t2 - t1, coldMs: t3 - t2, warmMs: t4 - t3, mentions };
console.log(JSON.stringify(run));
