// `npm run dictionary -- --pack FILE… [--out pack.json] [--name NAME] [--licence TEXT] [--credit TEXT]`
// Builds a dictionary pack (lib/packs/) from CSV/TSV lists and CoNLL/BIO corpora and writes it only
// when every file read cleanly. Exit codes: 0 written, 1 bad input (file:line and why), 2 usage.
import { readFile, stat } from 'node:fs/promises';
import { basename, extname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import * as v from 'valibot';
import { buildPack, type PackReport, type SourceFile } from '../../lib/packs/build';
import { PackSchema, serializePack } from '../../lib/packs/format';
import { checkSourceSize, PackSourceError } from '../../lib/packs/source';
import { display, writeFileAtomic } from './build-dictionary';

export const PACK_USAGE =
  'usage: npm run dictionary -- --pack FILE... [--out pack.json] [--name NAME] [--licence TEXT] [--credit TEXT]';

/** How many dropped spans the report lists one by one. */
const DROPPED_SHOWN = 30;

interface PackArgs {
  files: string[];
  out: string;
  name?: string;
  licence?: string;
  credit?: string;
  quiet: boolean;
}

function readPackArgs(argv: readonly string[]): PackArgs | string {
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      options: {
        pack: { type: 'boolean' },
        out: { type: 'string', default: 'pack.json' },
        name: { type: 'string' },
        licence: { type: 'string' },
        credit: { type: 'string' },
        quiet: { type: 'boolean', default: false },
      },
      strict: true,
      allowPositionals: true,
    });
    if (positionals.length === 0) return '--pack needs at least one FILE (.csv, .tsv, .conll)';
    return { ...values, files: positionals };
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/**
 * A source file's bytes, named as the messages name it; a file that cannot be read, is no file or
 * is over the size limit is a PackSourceError (the size is checked on the file's entry, before a
 * byte of it is read).
 */
export async function readSourceFile(path: string): Promise<SourceFile> {
  const name = display(resolve(path));
  const info = await stat(path).catch((error: unknown) => {
    throw new PackSourceError(name, undefined, `cannot read the file (${(error as Error).message})`);
  });
  if (!info.isFile()) throw new PackSourceError(name, undefined, 'not a file');
  checkSourceSize(name, info.size);
  return { name, bytes: await readFile(path) };
}

/** Runs the pack command; resolves to the exit code. Messages go to the console. */
export async function runPackCli(argv: readonly string[], today = new Date()): Promise<number> {
  const args = readPackArgs(argv);
  if (typeof args === 'string') {
    console.error(`${args}\n${PACK_USAGE}`);
    return 2;
  }
  try {
    const files: SourceFile[] = [];
    for (const path of args.files) files.push(await readSourceFile(path));
    const first = args.files[0] as string;
    const { pack, report } = buildPack(files, {
      name: args.name ?? basename(first, extname(first)),
      licence: args.licence ?? '',
      credit: args.credit ?? '',
      built: today.toISOString().slice(0, 10),
    });
    const checked = v.safeParse(PackSchema, pack);
    if (!checked.success) {
      const issue = checked.issues[0];
      throw new PackSourceError(
        display(resolve(args.out)),
        undefined,
        `the pack would be invalid: ${issue.message}`,
      );
    }
    const out = resolve(args.out);
    await writeFileAtomic(out, serializePack(pack));
    if (!args.quiet) console.log(formatPackReport(report));
    if (args.licence === undefined)
      console.log(
        'note: no --licence given; the pack says "not stated". Say under which terms its data may be used.',
      );
    console.log(`Wrote ${display(out)}: pack "${pack.name}", ${pack.entities.length} entities.`);
    return 0;
  } catch (error) {
    if (error instanceof PackSourceError) {
      console.error(`error: ${error.message}\nNothing was written.`);
      return 1;
    }
    throw error;
  }
}

export function formatPackReport(report: PackReport): string {
  const lines: string[] = [];
  lines.push('Sources:');
  for (const f of report.files)
    lines.push(`  ${f.name} (${f.kind === 'table' ? 'list' : 'CoNLL/BIO corpus'}): ${f.entities} entities`);
  lines.push(
    `Entities by type: ${Object.entries(report.counts)
      .map(([type, n]) => `${type} ${n}`)
      .join(', ')}`,
  );
  const kept = report.spans.filter((s) => s.kept);
  const dropped = report.spans.filter((s) => !s.kept);
  if (report.spans.length > 0) {
    lines.push(
      `Corpus spans: ${report.spans.length} distinct, ${kept.length} kept, ${dropped.length} dropped (kept when one type tags at least two thirds of the span's occurrences, untagged ones counted)`,
    );
    for (const s of dropped.slice(0, DROPPED_SHOWN))
      lines.push(`  dropped "${s.text}" (${s.file}:${s.line}): ${s.reason}`);
    if (dropped.length > DROPPED_SHOWN) lines.push(`  … and ${dropped.length - DROPPED_SHOWN} more dropped`);
  }
  for (const d of report.duplicates)
    lines.push(`  left out "${d.text}" (${d.file}:${d.line}): already listed at ${d.listedAt}`);
  return lines.join('\n');
}
