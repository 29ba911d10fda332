// Reading a file the reader picked in the options page into a pack, with everything wrong with it,
// before anything is written. A .json file is a built pack (checked against PackSchema); a .csv,
// .tsv or .conll file is built into one here, as the command line would.
import * as v from 'valibot';
import { buildPack } from './build';
import { countByType, PACK_LIMIT, type Pack, PackSchema } from './format';
import { checkSourceSize, decodeSource, MAX_SOURCE_BYTES, PackSourceError } from './source';
import { type InstalledPack, type InstallPlan, planInstall } from './store';

export interface PackPreview {
  fileName: string;
  /** The pack, when the file could be read as one (even with problems). */
  pack?: Pack;
  counts?: ReturnType<typeof countByType>;
  /** Corpus spans left out by the majority rule (source files only). */
  dropped: number;
  /** What is wrong: any problem and nothing is installed. */
  problems: string[];
  plan?: InstallPlan;
}

/** How many problems a preview lists (a broken file can have thousands). */
export const PROBLEMS_SHOWN = 50;

const isPackFile = (name: string) => /\.json$/i.test(name);

/** The size problem of a picked file, checked on its size before it is read; null when it may be read. */
export function pickedFileSizeProblem(name: string, bytes: number): string | null {
  try {
    checkSourceSize(name, bytes, isPackFile(name) ? PACK_LIMIT.fileBytes : MAX_SOURCE_BYTES);
    return null;
  } catch (error) {
    return (error as PackSourceError).message;
  }
}

export function previewPackFile(
  fileName: string,
  bytes: Uint8Array,
  installed: readonly InstalledPack[],
  today: string,
): PackPreview {
  const base: PackPreview = { fileName, dropped: 0, problems: [] };
  const sizeProblem = pickedFileSizeProblem(fileName, bytes.length);
  if (sizeProblem) return { ...base, problems: [sizeProblem] };
  let pack: Pack;
  let dropped = 0;
  try {
    if (isPackFile(fileName)) {
      const read = readPackJson(fileName, bytes);
      if (typeof read === 'object' && 'problems' in read) return { ...base, problems: read.problems };
      pack = read;
    } else {
      const built = buildPack([{ name: fileName, bytes }], {
        name: fileName.replace(/\.[^.]+$/, ''),
        licence: '',
        credit: '',
        built: today,
      });
      pack = built.pack;
      dropped = built.report.spans.filter((s) => !s.kept).length;
    }
  } catch (error) {
    if (error instanceof PackSourceError) return { ...base, problems: [error.message] };
    throw error;
  }
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const e of pack.entities) {
    if (seen.has(e.id)) problems.push(`entity "${e.id}" appears twice`);
    seen.add(e.id);
  }
  if (pack.entities.length === 0) problems.push('the pack has no entities');
  const plan = planInstall(pack, installed);
  if (plan.problem) problems.push(plan.problem);
  return {
    ...base,
    pack,
    counts: countByType(pack.entities),
    dropped,
    problems: problems.slice(0, PROBLEMS_SHOWN),
    plan,
  };
}

function readPackJson(fileName: string, bytes: Uint8Array): Pack | { problems: string[] } {
  const text = decodeSource(fileName, bytes);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { problems: [`${fileName}: not JSON (${(error as Error).message})`] };
  }
  const parsed = v.safeParse(PackSchema, raw);
  if (parsed.success) return parsed.output;
  return {
    problems: parsed.issues.slice(0, PROBLEMS_SHOWN).map((issue) => {
      const path = v.getDotPath(issue);
      return path ? `${path}: ${issue.message}` : issue.message;
    }),
  };
}
