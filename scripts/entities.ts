// `npm run entities -- FILE...` — prints, for each .txt or .html file, one JSON line:
//   {"file": "<path as given>", "mentions": [{"start", "end", "text", "kind", "entity": {"id", "type", "names"}}]}
// using the shipped dictionary (lib/generated/dictionary.json). A file that cannot be read or has
// no article gets an error line on stderr; the others are still processed, and the exit code is 2.
// Offsets: see scripts/lib/entities-cli.ts.
import { readFileSync } from 'node:fs';
import type { Dictionary } from '../lib/entities/types';
import { runEntities } from './lib/entities-cli';

const dictionary = JSON.parse(
  readFileSync(new URL('../lib/generated/dictionary.json', import.meta.url), 'utf8'),
) as Dictionary;

runEntities(process.argv.slice(2), dictionary, {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
