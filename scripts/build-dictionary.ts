// `npm run dictionary [-- --corpus DIR] [--entities FILE] [--out FILE] [--check] [--quiet]`
// Builds lib/generated/dictionary.json from corpus/ and, beside it, the two files the extension
// ships (lib/entities/dictionary-tables.ts): dictionary.bin, the compiled matcher tables, and
// dictionary-entries.json, the entries they name. Prints a report on the corpus.
// --check writes nothing and exits 1 when any checked-in file differs from a fresh build.
// `npm run dictionary -- --pack FILE… [--out pack.json]` builds a dictionary pack instead (scripts/lib/pack-cli.ts).
// Exit codes: 0 done, 1 bad input or stale dictionary (the message says which file and line), 2 usage.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  BuildError,
  buildAndWrite,
  buildDictionary,
  display,
  entriesFile,
  formatReport,
  tablesFile,
} from './lib/build-dictionary';
import { runPackCli } from './lib/pack-cli';

const USAGE =
  'usage: npm run dictionary -- [--corpus DIR] [--entities FILE] [--out FILE] [--check] [--quiet]';

interface Args {
  corpus: string;
  entities?: string;
  out: string;
  check: boolean;
  quiet: boolean;
}

/** The options, or a message saying what is wrong with them. */
function readArgs(argv: readonly string[]): Args | string {
  try {
    const { values } = parseArgs({
      args: [...argv],
      options: {
        corpus: { type: 'string', default: 'corpus' },
        entities: { type: 'string' },
        out: { type: 'string', default: 'lib/generated/dictionary.json' },
        check: { type: 'boolean', default: false },
        quiet: { type: 'boolean', default: false },
      },
      strict: true,
      allowPositionals: false,
    });
    return values;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

async function main(): Promise<number> {
  if (process.argv.includes('--pack')) return runPackCli(process.argv.slice(2));
  const args = readArgs(process.argv.slice(2));
  if (typeof args === 'string') {
    console.error(`${args}\n${USAGE}`);
    return 2;
  }
  const out = resolve(args.out);
  const options = {
    corpusDir: resolve(args.corpus),
    entitiesFile: args.entities ? resolve(args.entities) : undefined,
  };
  const started = performance.now();

  if (args.check) {
    const result = await buildDictionary(options);
    const current = await readFile(out, 'utf8').catch(() => undefined);
    const tables = await readFile(tablesFile(out)).catch(() => undefined);
    const entries = await readFile(entriesFile(out)).catch(() => undefined);
    const stale = [
      [out, current, current === result.json],
      [tablesFile(out), tables, tables !== undefined && Buffer.compare(tables, result.tables) === 0],
      [entriesFile(out), entries, entries !== undefined && Buffer.compare(entries, result.entries) === 0],
    ] as const;
    for (const [file, content, fresh] of stale) {
      if (fresh) continue;
      console.error(
        `${display(file)} is ${content === undefined ? 'missing' : 'stale'}: run \`npm run dictionary\` and commit it.`,
      );
      return 1;
    }
    if (!args.quiet)
      console.log(`${display(out)} is up to date (${result.dictionary.entities.length} entities).`);
    return 0;
  }

  const result = await buildAndWrite({ ...options, out });
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  if (!args.quiet) console.log(formatReport(result.report, result.dictionary.entities.length));
  console.log(
    `${args.quiet ? '' : '\n'}Wrote ${display(out)}, ${display(tablesFile(out))} (${(result.tables.length / 1024).toFixed(0)} KB of matcher tables) and ${display(entriesFile(out))} (${(result.entries.length / 1024).toFixed(0)} KB of entries): ${result.dictionary.entities.length} entities (${seconds} s).`,
  );
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof BuildError) console.error(`error: ${error.message}`);
    else console.error(error);
    process.exitCode = 1;
  },
);
