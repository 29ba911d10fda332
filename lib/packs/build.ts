// Building a pack from its source files (CSV/TSV lists and CoNLL/BIO corpora), shared by the command
// line (`npm run dictionary -- --pack FILE…`) and the options page. Pure: bytes in, a pack and a
// report out, or a PackSourceError with file:line — nothing is half built.
import { type ConllSentence, entitiesFromCorpus, readConll, type SpanVerdict } from './conll';
import { countByType, PACK_FORMAT, PACK_LIMIT, PACK_VERSION, type Pack, type PackEntity } from './format';
import { formKeyOf } from './keys';
import { checkSourceSize, decodeSource, PackSourceError } from './source';
import { parseEntityTable } from './table';

export type SourceKind = 'table' | 'conll';

export interface SourceFile {
  /** The name shown in errors and provenance (a path relative to where the command ran). */
  name: string;
  bytes: Uint8Array;
}

export interface PackMeta {
  name: string;
  licence: string;
  credit: string;
  /** Today, YYYY-MM-DD (given, so a build is reproducible in tests). */
  built: string;
}

export interface PackReport {
  files: { name: string; kind: SourceKind; entities: number }[];
  counts: ReturnType<typeof countByType>;
  /** Every tagged span of the corpora: kept or dropped, and why. */
  spans: SpanVerdict[];
  /** Corpus entities left out because a list already names them. */
  duplicates: { text: string; file: string; line: number; listedAt: string }[];
}

/** What a file holds, from its name, else from its first line. */
export function sourceKind(name: string, text: string): SourceKind {
  if (/\.(csv|tsv|tab)$/i.test(name)) return 'table';
  if (/\.(conll|conllu?|bio|iob2?|txt)$/i.test(name)) return 'conll';
  const first = text.split('\n').find((l) => l.trim() !== '' && !l.startsWith('#')) ?? '';
  return /\s(?:O|[BI]-[A-Za-z]+)\s*$/.test(first) ? 'conll' : 'table';
}

/** Builds one pack from the files, lists before corpora; throws PackSourceError on any bad input. */
export function buildPack(files: readonly SourceFile[], meta: PackMeta): { pack: Pack; report: PackReport } {
  const listed: PackEntity[] = [];
  const sentences: ConllSentence[] = [];
  const fileReport: PackReport['files'] = [];
  for (const file of files) {
    checkSourceSize(file.name, file.bytes.length);
    const text = decodeSource(file.name, file.bytes);
    const kind = sourceKind(file.name, text);
    if (kind === 'table') {
      const entities = parseEntityTable(text, file.name);
      listed.push(...entities);
      fileReport.push({ name: file.name, kind, entities: entities.length });
    } else {
      const read = readConll(text, file.name);
      sentences.push(...read);
      fileReport.push({ name: file.name, kind, entities: 0 });
    }
  }

  const ids = new Map<string, string>();
  for (const entity of listed) {
    const earlier = ids.get(entity.id);
    if (earlier) throw duplicateId(entity, earlier);
    ids.set(entity.id, entity.source);
  }
  const listedForms = new Map<string, string>();
  for (const e of listed)
    for (const form of [e.names.ar, e.names.en, ...e.aliases.ar, ...e.aliases.en])
      if (form) listedForms.set(formKeyOf(form), e.source);

  const corpus = entitiesFromCorpus(sentences);
  const duplicates: PackReport['duplicates'] = [];
  const fromCorpus: PackEntity[] = [];
  for (const entity of corpus.entities) {
    const name = entity.names.ar || entity.names.en;
    const listedAt = listedForms.get(formKeyOf(name));
    const verdict = corpus.verdicts.find((v) => v.kept && v.text === name);
    if (listedAt) {
      duplicates.push({ text: name, file: verdict?.file ?? '', line: verdict?.line ?? 0, listedAt });
      continue;
    }
    let id = entity.id;
    for (let n = 2; ids.has(id); n++) id = `${entity.id}-${n}`;
    ids.set(id, entity.source);
    fromCorpus.push({ ...entity, id });
    const report = fileReport.find((f) => f.name === verdict?.file);
    if (report) report.entities++;
  }

  // Provenance names the file, not the folder it was built in.
  const entities = [...listed, ...fromCorpus].map((e) => ({ ...e, source: withoutFolder(e.source) }));
  if (entities.length > PACK_LIMIT.entities)
    throw new PackSourceError(
      files.map((f) => f.name).join(', '),
      undefined,
      `${entities.length.toLocaleString('en')} entities; a pack holds at most ${PACK_LIMIT.entities.toLocaleString('en')}`,
    );
  const pack: Pack = {
    format: PACK_FORMAT,
    version: PACK_VERSION,
    name: meta.name,
    source: files.map((f) => withoutFolder(f.name)).join(', '),
    licence: meta.licence,
    credit: meta.credit,
    built: meta.built,
    entities,
  };
  return {
    pack,
    report: { files: fileReport, counts: countByType(entities), spans: corpus.verdicts, duplicates },
  };
}

function duplicateId(entity: PackEntity, earlier: string): PackSourceError {
  const [file, line] = splitSource(entity.source);
  return new PackSourceError(file, line, `the id "${entity.id}" is already used at ${earlier}`);
}

/** "people.csv:12" → ["people.csv", 12]. */
function splitSource(source: string): [string, number | undefined] {
  const match = /^(.*):(\d+)$/.exec(source);
  return match ? [match[1] as string, Number(match[2])] : [source, undefined];
}

const withoutFolder = (path: string) => path.replace(/^.*[\\/]/, '');
