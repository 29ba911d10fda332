// `npm run entities -- FILE...` — prints, for each .txt or .html file, one JSON line:
//   {"file": "<path as given>", "mentions": [{"start", "end", "text", "kind", "entity": {"id", "type", "names"}}]}
// using the shipped dictionary (lib/generated/dictionary.json). A file that cannot be read or has
// no article gets an error line on stderr; the others are still processed, and the exit code is 2.
// Offsets: see scripts/lib/entities-cli.ts.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { Dictionary } from '../lib/entities/types';
import { runEntities } from './lib/entities-cli';

const dictionary = JSON.parse(
  readFileSync(new URL('../lib/generated/dictionary.json', import.meta.url), 'utf8'),
) as Dictionary;

// Only file names: an option (--x) is a usage error rather than a file that cannot be found.
let files: string[];
try {
  files = parseArgs({
    args: process.argv.slice(2),
    options: {},
    strict: true,
    allowPositionals: true,
  }).positionals;
} catch (error) {
  console.error(
    `${error instanceof Error ? error.message : String(error)}\nusage: npm run entities -- FILE...`,
  );
  process.exit(2);
}

runEntities(files, dictionary, {
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
