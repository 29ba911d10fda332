// `npm run survey -- FILE...` — on how many of these news pages (.html or .txt) the shipped
// dictionary highlights anything, and how much: one row per page, then the totals
// (scripts/lib/survey.ts). A file that cannot be read gets an error line and is left out.
import { readFileSync } from 'node:fs';
import type { Dictionary } from '../lib/entities/types';
import { type CliResult, findInFiles } from './lib/entities-cli';
import { formatSurvey, survey } from './lib/survey';

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: npm run survey -- FILE... (each a .txt or .html news page)');
  process.exit(2);
}
const dictionary = JSON.parse(
  readFileSync(new URL('../lib/generated/dictionary.json', import.meta.url), 'utf8'),
) as Dictionary;
const results: CliResult[] = [];
const failed = await findInFiles(
  files,
  dictionary,
  (result) => results.push(result),
  (error) => console.error(`survey: ${error.message}`),
);
if (failed) process.exitCode = 2;
console.log(formatSurvey(survey(results)));
