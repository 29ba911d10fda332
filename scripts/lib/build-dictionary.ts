// The dictionary builder: curated entities (corpus/entities.txt) → lib/generated/dictionary.json,
// plus a report on the corpus (how often each entity occurs, curated forms never seen, candidate
// entities not yet curated). Importable so tests call it directly; scripts/build-dictionary.ts is
// the command line around it.
//
// The output depends only on the curated file, so it is byte-identical for the same input. The
// corpus is still read and validated first: a build never succeeds on a corpus it could not read.
import { createReadStream } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative } from 'node:path';
import { CandidateTally, findCandidates, type RankedCandidate } from '../../lib/entities/candidates';
import { encodeDictionaryFiles } from '../../lib/entities/dictionary-tables';
import { compileTrie, entityList, type Matcher, trieMatcher } from '../../lib/entities/matcher';
import type { Dictionary, Entity, Mention, MentionKind } from '../../lib/entities/types';
import { allForms, EntitySourceError, formKey } from './entity-source';
import { type Layers, loadLayers, type SharedForm, type SourceCount } from './sources/layers';

/** Why the build stopped: `file:line: reason`, or `file: reason` when no line applies. */
export class BuildError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | undefined,
    readonly reason: string,
  ) {
    super(line === undefined ? `${file}: ${reason}` : `${file}:${line}: ${reason}`);
    this.name = 'BuildError';
  }
}

export const ENTITIES_FILE = 'entities.txt';

export interface BuildOptions {
  /** Folder of the corpus: every *.txt in it except entities.txt is a news text. */
  corpusDir: string;
  /** The curated source; default `<corpusDir>/entities.txt`. */
  entitiesFile?: string;
}

export interface FormCount {
  text: string;
  count: number;
}

export interface EntityStats {
  id: string;
  count: number;
  /** Surface forms as written in the corpus, most frequent first. */
  forms: FormCount[];
}

export interface UnseenForm {
  id: string;
  form: string;
  field: 'name' | 'alias' | 'demonym' | 'surname';
}

export interface BuildReport {
  /** Entities per source and type. */
  sources: SourceCount[];
  /** Generated entries a curated one replaced (same id). */
  replaced: string[];
  /** Forms several entities share: the matcher decides between them (DESIGN.md §3). */
  shared: SharedForm[];
  files: string[];
  characters: number;
  entities: EntityStats[];
  unseen: UnseenForm[];
  /** Languages with no text in the corpus: their forms are not checked for occurrence. */
  unchecked: ('ar' | 'en')[];
  candidates: RankedCandidate[];
}

export interface BuildResult {
  dictionary: Dictionary;
  /** The exact bytes to write (as a string): stable key order, sorted entities, trailing newline. */
  json: string;
  /** The compiled matcher tables the extension ships (lib/entities/dictionary-tables.ts). */
  tables: Uint8Array;
  /** The entries the tables name, the extension's second file. */
  entries: Uint8Array;
  report: BuildReport;
}

// Texts are matched in segments of whole lines of about this many characters, so a large corpus
// file is never held in memory at once. Surnames count after a full name within a segment, which
// for a news article (far shorter than this) is the whole article.
const SEGMENT_CHARS = 1 << 20;

/** Reads, validates and builds; throws BuildError without writing anything. */
export async function buildDictionary(options: BuildOptions): Promise<BuildResult> {
  const entitiesFile = options.entitiesFile ?? join(options.corpusDir, ENTITIES_FILE);
  const layers = await parseLayers(entitiesFile, options.corpusDir);
  const { entities, words } = layers;
  const dictionary: Dictionary = { version: 1, entities, ...(words.length > 0 ? { words } : {}) };
  const trie = compileTrie(entities, words);
  const matcher = trieMatcher(trie, entityList(entities));
  const json = serializeDictionary(dictionary);
  // The file's entities are the JSON's, key order included.
  const { tables, entries } = encodeDictionaryFiles(JSON.parse(json) as Dictionary, trie);

  const curated = new Set(entities.flatMap(allForms).map(formKey));
  const files = await corpusFiles(options.corpusDir, entitiesFile);
  const stats = new CorpusStats(matcher);
  for (const file of files) {
    for await (const segment of readSegments(file)) stats.add(segment);
  }
  return {
    dictionary,
    json,
    tables,
    entries,
    report: {
      sources: layers.counts,
      replaced: layers.replaced,
      shared: layers.shared,
      files: files.map(display),
      characters: stats.characters,
      entities: stats.entityStats(entities),
      // Forms never seen are worth a look only for the seed story's entities, which the corpus is about.
      unseen: stats.unseen(entities.filter((e) => e.source === layers.seedSource)),
      unchecked: (['ar', 'en'] as const).filter((lang) => !stats.languages.has(lang)),
      // A curated form the matcher skipped here (a surname before its full name) is no candidate.
      candidates: stats.candidates.ranked().filter((c) => !curated.has(formKey(c.text))),
    },
  };
}

async function parseLayers(seedFile: string, corpusDir: string): Promise<Layers> {
  const seedText = await readText(seedFile);
  try {
    return await loadLayers({
      seedFile,
      seedText,
      corpusDir,
      display,
      readText,
      fail: (file, line, reason) => {
        throw new BuildError(file, line, reason);
      },
    });
  } catch (error) {
    if (error instanceof EntitySourceError) throw new BuildError(error.file, error.line, error.reason);
    throw error;
  }
}

/** The dictionary as JSON with a fixed key order, whatever order the objects were built in. */
export function serializeDictionary(dictionary: Dictionary): string {
  const pair = (p: { ar: string; en: string }) => ({ ar: p.ar, en: p.en });
  const lists = (p: { ar: string[]; en: string[] }) => ({ ar: [...p.ar], en: [...p.en] });
  // Order is kept: it is the source preference (scripts/lib/sources/layers.ts).
  const entities = dictionary.entities.map((e) => ({
    id: e.id,
    type: e.type,
    names: pair(e.names),
    aliases: lists(e.aliases),
    demonyms: lists(e.demonyms),
    surnames: lists(e.surnames),
    description: pair(e.description),
    source: e.source,
    ...(e.asOf ? { asOf: e.asOf } : {}),
    ...(e.nisba === false ? { nisba: false } : {}),
    ...(e.guarded ? { guarded: [...e.guarded] } : {}),
    ...(e.league ? { league: e.league } : {}),
    ...(e.shared ? { shared: e.shared } : {}),
  }));
  const words = dictionary.words && dictionary.words.length > 0 ? { words: [...dictionary.words] } : {};
  return `${JSON.stringify({ version: dictionary.version, entities, ...words }, null, 2)}\n`;
}

/** Builds and, only when everything validated, writes the dictionary to `out`. */
export async function buildAndWrite(options: BuildOptions & { out: string }): Promise<BuildResult> {
  const result = await buildDictionary(options);
  await writeFileAtomic(tablesFile(options.out), result.tables);
  await writeFileAtomic(entriesFile(options.out), result.entries);
  await writeFileAtomic(options.out, result.json);
  return result;
}

/** Where the compiled tables of the dictionary written to `out` (a .json file) go: beside it, as .bin. */
export function tablesFile(out: string): string {
  return `${out.replace(/\.json$/, '')}.bin`;
}

/** Where the entries of the dictionary written to `out` go: beside it, as -entries.json. */
export function entriesFile(out: string): string {
  return `${out.replace(/\.json$/, '')}-entries.json`;
}

/** Writes through a temporary file and a rename, so readers never see half a dictionary. */
export async function writeFileAtomic(file: string, content: string | Uint8Array): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const temp = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
  try {
    await writeFile(temp, content, typeof content === 'string' ? 'utf8' : null);
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/** Paths in messages: relative to the working directory when inside it. */
export function display(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel.startsWith('..') || rel === '' ? file : rel;
}

async function corpusFiles(dir: string, entitiesFile: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    throw new BuildError(display(dir), undefined, `cannot read the corpus folder (${describe(error)})`);
  }
  const files: string[] = [];
  for (const name of names.sort()) {
    const file = join(dir, name);
    if (!name.endsWith('.txt') || name === ENTITIES_FILE || file === entitiesFile) continue;
    const info = await stat(file).catch(() => undefined);
    if (info && !info.isFile()) continue; // a folder named x.txt is not a text
    files.push(file);
  }
  return files;
}

async function readText(file: string): Promise<string> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (error) {
    throw new BuildError(display(file), undefined, `cannot read the file (${describe(error)})`);
  }
  return decodeLine(bytes, file, 1, 0);
}

const strict = new TextDecoder('utf-8', { fatal: true });

// One line (or a whole small file) as text; an invalid byte stops the build with its position.
function decodeLine(bytes: Uint8Array, file: string, line: number, fileOffset: number): string {
  try {
    return strict.decode(bytes);
  } catch {
    const bad = firstInvalidUtf8(bytes);
    const lineNo = line + countNewlines(bytes, bad);
    const byte = (bytes[bad] ?? 0).toString(16).toUpperCase().padStart(2, '0');
    throw new BuildError(
      display(file),
      lineNo,
      `not valid UTF-8 (byte 0x${byte} at byte offset ${fileOffset + bad}); save the file as UTF-8`,
    );
  }
}

function countNewlines(bytes: Uint8Array, end: number): number {
  let n = 0;
  for (let i = 0; i < end; i++) if (bytes[i] === 0x0a) n++;
  return n;
}

/** Index of the first byte that does not start a well-formed UTF-8 sequence (bytes.length if none). */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    let need: number;
    let min: number;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [need, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [need, min] = [3, 0x10000];
    else return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return bytes.length;
}

/**
 * Streams a corpus file as text segments of whole lines. Lines are split on the newline byte
 * (which never occurs inside a UTF-8 sequence) and decoded strictly one by one, so an invalid
 * byte is reported with its line.
 */
async function* readSegments(file: string): AsyncGenerator<string> {
  const stream = createReadStream(file, { highWaterMark: 1 << 20 });
  let carry: Uint8Array = new Uint8Array(0);
  let line = 1;
  let offset = 0; // byte offset of `carry` in the file
  let segment: string[] = [];
  let size = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Uint8Array>) {
      const bytes = carry.length ? concat(carry, chunk) : chunk;
      let from = 0;
      for (let nl = bytes.indexOf(0x0a, from); nl >= 0; nl = bytes.indexOf(0x0a, from)) {
        const text = decodeLine(bytes.subarray(from, nl), file, line, offset + from);
        segment.push(text);
        size += text.length + 1;
        line++;
        from = nl + 1;
        if (size >= SEGMENT_CHARS) {
          yield segment.join('\n');
          segment = [];
          size = 0;
        }
      }
      offset += from;
      carry = bytes.slice(from);
    }
  } catch (error) {
    if (error instanceof BuildError) throw error;
    throw new BuildError(display(file), undefined, `cannot read the file (${describe(error)})`);
  }
  if (carry.length) segment.push(decodeLine(carry, file, line, offset));
  if (segment.length) yield segment.join('\n');
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

// Node's error codes in words.
function describe(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  const words: Record<string, string> = {
    ENOENT: 'no such file or folder',
    EACCES: 'permission denied',
    EISDIR: 'it is a folder',
    ENOTDIR: 'not a folder',
    EMFILE: 'too many open files',
  };
  if (typeof code === 'string') return words[code] ?? code;
  return error instanceof Error ? error.message : String(error);
}

// ── Corpus statistics ─────────────────────────────────────────────────────────────────────────

const FIELD_OF: Record<'names' | 'aliases' | 'demonyms' | 'surnames', UnseenForm['field']> = {
  names: 'name',
  aliases: 'alias',
  demonyms: 'demonym',
  surnames: 'surname',
};

class CorpusStats {
  characters = 0;
  /** Scripts met in the corpus; a form's absence means little when its language never occurs. */
  readonly languages = new Set<'ar' | 'en'>();
  readonly candidates = new CandidateTally();
  private readonly forms = new Map<string, Map<string, number>>(); // id → surface → count
  private readonly seen = new Map<string, Set<string>>(); // id → kind + folded surface key

  constructor(private readonly matcher: Matcher) {}

  add(text: string): void {
    this.characters += text.length;
    if (!this.languages.has('ar') && /\p{Script=Arabic}/u.test(text)) this.languages.add('ar');
    if (!this.languages.has('en') && /[A-Za-z]/.test(text)) this.languages.add('en');
    const mentions: Mention[] = this.matcher.match(text);
    for (const m of mentions) {
      const surface = text.slice(m.start, m.end);
      const forms = getOrAdd(this.forms, m.entityId, () => new Map<string, number>());
      forms.set(surface, (forms.get(surface) ?? 0) + 1);
      getOrAdd(this.seen, m.entityId, () => new Set<string>()).add(seenKey(m.kind, formKey(surface)));
    }
    this.candidates.add(findCandidates(text, mentions));
  }

  entityStats(entities: readonly Entity[]): EntityStats[] {
    const out: EntityStats[] = [];
    for (const e of entities) {
      const forms = [...(this.forms.get(e.id) ?? new Map<string, number>()).entries()]
        .map(([text, count]) => ({ text, count }))
        .sort((a, b) => b.count - a.count || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0));
      out.push({ id: e.id, count: forms.reduce((n, f) => n + f.count, 0), forms });
    }
    return out;
  }

  /** Curated forms the corpus never uses — expected for aliases from other coverage. */
  unseen(entities: readonly Entity[]): UnseenForm[] {
    const out: UnseenForm[] = [];
    for (const e of entities) {
      const seen = this.seen.get(e.id) ?? new Set<string>();
      const lists = {
        names: { ar: [e.names.ar], en: [e.names.en] },
        aliases: e.aliases,
        demonyms: e.demonyms,
        surnames: e.surnames,
      };
      for (const field of ['names', 'aliases', 'demonyms', 'surnames'] as const) {
        for (const lang of ['ar', 'en'] as const) {
          if (!this.languages.has(lang)) continue;
          for (const form of lists[field][lang]) {
            if (!formSeen(field, formKey(form), seen)) out.push({ id: e.id, form, field: FIELD_OF[field] });
          }
        }
      }
    }
    return out;
  }
}

function getOrAdd<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = make();
    map.set(key, value);
  }
  return value;
}

const seenKey = (kind: MentionKind, key: string): string => `${kind === 'demonym' ? 'd' : 'n'}:${key}`;

// Whether a curated form was met. A mention's text leaves out a clitic, so للولايات shows as
// لولايات: the form without its alef. Demonyms are met inflected (أمريكي → الأمريكية), so any
// demonym mention containing the stem counts.
function formSeen(
  field: 'names' | 'aliases' | 'demonyms' | 'surnames',
  key: string,
  seen: Set<string>,
): boolean {
  if (field === 'demonyms') {
    const stem = key.replace(/ي$/, '');
    for (const s of seen) if (s.startsWith('d:') && s.includes(stem)) return true;
    return false;
  }
  if (seen.has(seenKey('name', key))) return true;
  return key.startsWith('ال') && seen.has(seenKey('name', key.slice(1)));
}

// ── The report in words ──────────────────────────────────────────────────────────────────────

export function formatReport(report: BuildReport, entityCount: number, candidateLimit = 40): string {
  const lines: string[] = [];
  lines.push(
    `Corpus: ${report.files.length} file(s), ${report.characters.toLocaleString('en')} characters; ` +
      `${entityCount} curated entities.`,
  );
  lines.push('', 'Entities per source and type:');
  for (const c of report.sources)
    lines.push(`  ${String(c.count).padStart(6)}  ${c.type.padEnd(12)} ${c.source}`);
  if (report.replaced.length)
    lines.push('', `Entries replaced by an earlier source with the same id: ${report.replaced.join(', ')}`);
  lines.push(
    '',
    `Forms shared by several entities (the matcher decides, DESIGN.md §3): ${report.shared.length}`,
  );
  for (const f of report.shared.slice(0, 20)) lines.push(`  ${f.form}: ${f.ids.join(', ')}`);
  if (report.shared.length > 20) lines.push(`  … and ${report.shared.length - 20} more`);
  const found = report.entities.filter((e) => e.count > 0).sort((a, b) => b.count - a.count);
  lines.push('', `Entities found in the corpus (${found.length} of ${report.entities.length}):`);
  for (const e of found) {
    lines.push(`  ${e.id.padEnd(32)} ${String(e.count).padStart(6)}  ${e.forms.map(fmtForm).join('، ')}`);
  }
  const absent = report.entities.filter((e) => e.count === 0).map((e) => e.id);
  if (absent.length > 30) lines.push('', `Absent from the corpus: ${absent.length} entities.`);
  else if (absent.length) lines.push('', `Curated but absent from the corpus: ${absent.join(', ')}`);

  const languageNames = { ar: 'Arabic', en: 'English' };
  for (const lang of report.unchecked) {
    lines.push(
      '',
      `${languageNames[lang]} forms not checked: the corpus has no ${languageNames[lang]} text.`,
    );
  }
  if (report.unseen.length) {
    lines.push('', `Warning: ${report.unseen.length} curated form(s) never occur in the corpus (fine for`);
    lines.push('forms from other coverage; check them for typos):');
    const byId = new Map<string, string[]>();
    for (const u of report.unseen) byId.set(u.id, [...(byId.get(u.id) ?? []), `${u.form} (${u.field})`]);
    for (const [id, forms] of byId) lines.push(`  ${id}: ${forms.join(' | ')}`);
  }

  const shown = report.candidates.slice(0, candidateLimit);
  lines.push('', `Candidate entities not yet curated (${report.candidates.length}, most frequent first):`);
  if (shown.length === 0) lines.push('  (none)');
  for (const c of shown) lines.push(`  ${String(c.count).padStart(6)}  ${c.text}  [${c.cues.join(', ')}]`);
  if (report.candidates.length > shown.length) {
    lines.push(`  … and ${report.candidates.length - shown.length} more`);
  }
  return lines.join('\n');
}

const fmtForm = (f: FormCount): string => (f.count > 1 ? `${f.text} ×${f.count}` : f.text);
