// The shipped dictionary as two files (DESIGN.md §7): `npm run dictionary` compiles the trie once
// and writes its typed arrays to the tables file; a page fetches it and views them in place (no
// JSON parse of the trie, no compile). The entities' entries travel in a second file, as JSON, one
// entry at a time, fetched once the page is painted: matching and painting need only the tables,
// and a page reads a file's bytes on its main thread, so every byte before the paint is waited for.
// An entry is stored without what the tables file holds or what can be restored: its id (the ids
// section), its source (an index into the sources section) and its empty form lists; a page parses
// only the entries it shows. Painting needs each mention's type, not its entry: a byte per entity
// (types) and the entities in id order (idOrder, for a binary search) answer an id's type without
// an entry or a map of ids; a team's league (leagues, an entity index) is asked while matching.
//
// Tables file layout, 32-bit little-endian words: MAGIC, FORMAT_VERSION, checksum (FNV-1a over
// every word after it), byte length, node count, entity count, section count, the most words of a
// form (Trie.maxWords), then each section's
// byte offset and byte length; the sections follow, each 4-byte aligned, in SECTIONS order. The
// entries file is the JSON array "[e0,e1,…]"; the tables file's entryEnds section says where each
// entry ends and its entriesCheck section holds the entries file's byte length and checksum.

import { type EntityList, leagueIndices, type Matcher, trieMatcher, typeCodesOf } from './matcher';
import { moreTables, Trie, type TrieTables, warmUpText } from './trie';
import { type Dictionary, ENTITY_TYPES, type Entity, type EntityType } from './types';

/** "HSYD" read as a little-endian word. */
const MAGIC = 0x44595348;
/** Bumped whenever the layout or the tables' meaning changes (a trie change, a new flag). */
export const FORMAT_VERSION = 14;
const HEADER_WORDS = 8;
const CHECKED_FROM = 3;

type ArrayName = Exclude<keyof TrieTables, 'nodes' | 'maxWords' | 'spellings'>;
/** The sections, in file order: the trie's tables, then the ids, the sources and the entries' ends. */
const SECTIONS = [
  'checks',
  'output',
  'nodeFlags',
  'words',
  'pool',
  'slots',
  'bloom',
  'beginnings',
  'shapes',
  'moreNodes',
  'moreEnds',
  'moreOutputs',
  'spellings',
  'ids',
  'types',
  'leagues',
  'idOrder',
  'sources',
  'entityEnds',
  'entriesCheck',
] as const;
type Section = (typeof SECTIONS)[number];
const BYTES: Record<ArrayName, 1 | 2 | 4> = {
  checks: 4,
  output: 4,
  nodeFlags: 1,
  words: 4,
  pool: 2,
  slots: 4,
  bloom: 4,
  beginnings: 4,
  shapes: 4,
  moreNodes: 4,
  moreEnds: 4,
  moreOutputs: 4,
};

/** A dictionary file that cannot be read: the message says why, in words a reader understands. */
export class DictionaryFileError extends Error {
  override name = 'DictionaryFileError';
}

function checksum(words: Uint32Array, from: number): number {
  let h = 0x811c9dc5 | 0;
  for (let i = from; i < words.length; i++) h = Math.imul(h ^ (words[i] as number), 0x01000193);
  return h >>> 0;
}

/** FNV-1a over bytes (the entries file, whose length is no multiple of four). */
function byteChecksum(bytes: Uint8Array): number {
  let h = 0x811c9dc5 | 0;
  for (let i = 0; i < bytes.length; i++) h = Math.imul(h ^ (bytes[i] as number), 0x01000193);
  return h >>> 0;
}

const align = (n: number): number => (n + 3) & ~3;

/** The form lists an entry may leave out when they are empty. */
const FORM_LISTS = ['aliases', 'demonyms', 'surnames'] as const;

/** An entry as the file stores it: `source` is an index into the sources section. */
type StoredEntry = Omit<Entity, 'id' | 'source' | (typeof FORM_LISTS)[number]> &
  Partial<Pick<Entity, (typeof FORM_LISTS)[number]>> & { source: number };

function storedEntry(entity: Entity, sources: readonly string[]): StoredEntry {
  const { id: _id, source, aliases, demonyms, surnames, ...rest } = entity;
  const stored: StoredEntry = { ...rest, source: sources.indexOf(source) };
  for (const [name, list] of [
    ['aliases', aliases],
    ['demonyms', demonyms],
    ['surnames', surnames],
  ] as const)
    if (list.ar.length > 0 || list.en.length > 0) stored[name] = list;
  return stored;
}

function entityOfStored(stored: StoredEntry, id: string, sources: readonly string[]): Entity {
  const { source, aliases, demonyms, surnames, ...rest } = stored;
  const empty = () => ({ ar: [], en: [] });
  return {
    id,
    ...rest,
    aliases: aliases ?? empty(),
    demonyms: demonyms ?? empty(),
    surnames: surnames ?? empty(),
    source: sources[source] ?? '',
  };
}

/** A trie's tables: what a dictionary file stores (the matcher reads them as fields). */
export function trieTables(trie: Trie): TrieTables {
  return {
    nodes: trie.nodes,
    maxWords: trie.maxWords,
    checks: trie.checks,
    output: trie.output,
    nodeFlags: trie.nodeFlags,
    words: trie.words,
    pool: trie.pool,
    slots: trie.slots,
    bloom: trie.bloom,
    beginnings: trie.beginnings,
    shapes: trie.shapes,
    ...moreTables(trie.more),
    spellings: trie.spellings,
  };
}

/** A dictionary's two files: the compiled tables, and the entries they name. */
export interface DictionaryFiles {
  tables: Uint8Array;
  entries: Uint8Array;
}

/** The dictionary files of `dict`: its compiled trie, and its entities. Deterministic. */
export function encodeDictionaryFiles(dict: Dictionary, trie: Trie): DictionaryFiles {
  const tables = trieTables(trie);
  const encoder = new TextEncoder();
  const sources = [...new Set(dict.entities.map((e) => e.source))];
  // Both sections are lines.
  if ([...sources, ...dict.entities.map((e) => e.id)].some((s) => s.includes('\n')))
    throw new DictionaryFileError('an id or a source holds a line break');
  const unknown = dict.entities.find((e) => !ENTITY_TYPES.includes(e.type));
  if (unknown) throw new DictionaryFileError(`${unknown.id} has an unknown type: ${unknown.type}`);
  const pieces = dict.entities.map((e) => JSON.stringify(storedEntry(e, sources)));
  // The entities as one JSON array, "[e0,e1,…]": entityEnds[k] is the byte where entity k ends.
  const entities = encoder.encode(`[${pieces.join(',')}]`);
  const entityEnds = new Int32Array(pieces.length);
  let at = 1;
  pieces.forEach((p, k) => {
    at += encoder.encode(p).length;
    entityEnds[k] = at++;
  });
  const bytesOf = (name: Section): Uint8Array => {
    if (name === 'ids') return encoder.encode(dict.entities.map((e) => e.id).join('\n'));
    if (name === 'types') return typeCodesOf(dict.entities);
    if (name === 'leagues') return new Uint8Array(leagueIndices(dict.entities).buffer);
    if (name === 'idOrder') {
      // Entity indices by id (code-unit order); equal ids by index, so the first entity wins.
      const order = Int32Array.from(dict.entities.keys());
      const ids = dict.entities.map((e) => e.id);
      order.sort((a, b) => {
        const x = ids[a] as string;
        const y = ids[b] as string;
        return x < y ? -1 : x > y ? 1 : a - b;
      });
      return new Uint8Array(order.buffer);
    }
    if (name === 'sources') return encoder.encode(sources.join('\n'));
    if (name === 'spellings') return encoder.encode(tables.spellings.join('\n'));
    if (name === 'entityEnds') return new Uint8Array(entityEnds.buffer);
    if (name === 'entriesCheck')
      return new Uint8Array(Uint32Array.from([entities.length, byteChecksum(entities)]).buffer);
    const a = tables[name];
    return new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
  };
  const parts = SECTIONS.map(bytesOf);
  let offset = align((HEADER_WORDS + 2 * SECTIONS.length) * 4);
  const offsets = parts.map((p) => {
    const o = offset;
    offset = align(offset + p.length);
    return o;
  });
  const file = new Uint8Array(offset);
  const words = new Uint32Array(file.buffer);
  words.set([
    MAGIC,
    FORMAT_VERSION,
    0,
    offset,
    tables.nodes,
    dict.entities.length,
    SECTIONS.length,
    tables.maxWords,
  ]);
  parts.forEach((p, k) => {
    words[HEADER_WORDS + 2 * k] = offsets[k] as number;
    words[HEADER_WORDS + 2 * k + 1] = p.length;
    file.set(p, offsets[k] as number);
  });
  words[2] = checksum(words, CHECKED_FROM);
  return { tables: file, entries: entities };
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** How the files' checksums are computed, for a reader that verifies them. */
interface Checksums {
  tables(words: Uint32Array): number;
  entries(bytes: Uint8Array): number;
}
const CHECKSUMS: Checksums = { tables: (words) => checksum(words, CHECKED_FROM), entries: byteChecksum };

/**
 * The trie and the entities of a tables file, viewed in place; the entries come later
 * (FileEntities.addEntries). Throws DictionaryFileError. `verify: false` skips the checksums (every
 * other check stays): a page loads the files from the extension's own package, which the browser
 * verifies, and summing a megabyte before the engine has compiled the loop costs 4–20 ms there.
 * The builder's --check, the extension's pages and the unit tests verify them.
 */
export function decodeDictionaryTables(
  buffer: ArrayBuffer,
  { verify = true }: { verify?: boolean } = {},
): { trie: Trie; entities: FileEntities } {
  return decodeTables(buffer, verify ? CHECKSUMS : null);
}

/**
 * decodeDictionaryTables() with the checksums to verify, or none. Nothing the content script runs
 * names CHECKSUMS, so the checksum code stays out of it (pageMatcherFromFile()).
 */
function decodeTables(
  buffer: ArrayBuffer,
  checksums: Checksums | null,
): { trie: Trie; entities: FileEntities } {
  if (!LITTLE_ENDIAN)
    throw new DictionaryFileError(
      'this device stores numbers big-end first, which the dictionary file does not',
    );
  if (buffer.byteLength < HEADER_WORDS * 4 || buffer.byteLength % 4 !== 0)
    throw new DictionaryFileError('the dictionary file is not a Hashiya dictionary (wrong size)');
  const words = new Uint32Array(buffer);
  if (words[0] !== MAGIC) throw new DictionaryFileError('the dictionary file is not a Hashiya dictionary');
  if (words[1] !== FORMAT_VERSION)
    throw new DictionaryFileError(
      `the dictionary file has format ${words[1]}; this version of Hashiya reads format ${FORMAT_VERSION}`,
    );
  if (words[3] !== buffer.byteLength || words[6] !== SECTIONS.length)
    throw new DictionaryFileError('the dictionary file is damaged (its size does not match)');
  if (checksums && words[2] !== checksums.tables(words))
    throw new DictionaryFileError('the dictionary file is damaged (its checksum does not match)');
  const section = (k: number): [number, number] => {
    const offset = words[HEADER_WORDS + 2 * k] as number;
    const length = words[HEADER_WORDS + 2 * k + 1] as number;
    if (offset % 4 !== 0 || offset + length > buffer.byteLength)
      throw new DictionaryFileError('the dictionary file is damaged (a table lies outside it)');
    return [offset, length];
  };
  const view = (name: ArrayName): Int32Array | Uint16Array | Uint8Array => {
    const [offset, length] = section(SECTIONS.indexOf(name));
    const size = BYTES[name];
    if (size === 4) return new Int32Array(buffer, offset, length / 4);
    if (size === 2) return new Uint16Array(buffer, offset, length / 2);
    return new Uint8Array(buffer, offset, length);
  };
  const i32 = (name: ArrayName) => view(name) as Int32Array;
  const tables: TrieTables = {
    nodes: words[4] as number,
    maxWords: words[7] as number,
    checks: i32('checks'),
    output: i32('output'),
    nodeFlags: view('nodeFlags') as Uint8Array,
    words: i32('words'),
    pool: view('pool') as Uint16Array,
    slots: i32('slots'),
    bloom: i32('bloom'),
    beginnings: i32('beginnings'),
    shapes: i32('shapes'),
    moreNodes: i32('moreNodes'),
    moreEnds: i32('moreEnds'),
    moreOutputs: i32('moreOutputs'),
    spellings: linesOf(buffer, section(SECTIONS.indexOf('spellings'))),
  };
  const count = words[5] as number;
  const [idsAt, idsLength] = section(SECTIONS.indexOf('ids'));
  const [sourcesAt, sourcesLength] = section(SECTIONS.indexOf('sources'));
  const [endsAt, endsLength] = section(SECTIONS.indexOf('entityEnds'));
  const [checkAt, checkLength] = section(SECTIONS.indexOf('entriesCheck'));
  const entityEnds = new Int32Array(buffer, endsAt, endsLength / 4);
  const [typesAt, typesLength] = section(SECTIONS.indexOf('types'));
  const [orderAt, orderLength] = section(SECTIONS.indexOf('idOrder'));
  const [leaguesAt, leaguesLength] = section(SECTIONS.indexOf('leagues'));
  const types = new Uint8Array(buffer, typesAt, typesLength);
  const leagues = new Int32Array(buffer, leaguesAt, leaguesLength / 4);
  const idOrder = new Int32Array(buffer, orderAt, orderLength / 4);
  if (
    entityEnds.length !== count ||
    types.length !== count ||
    leagues.length !== count ||
    leagues.some((k) => k < -1 || k >= count) ||
    idOrder.length !== count ||
    checkLength !== 8 ||
    tables.checks.length !== tables.nodes ||
    tables.words.length !== tables.nodes ||
    tables.nodeFlags.length !== tables.nodes ||
    (tables.slots.length & (tables.slots.length - 1)) !== 0 ||
    tables.beginnings.length === 0 ||
    (tables.beginnings.length & (tables.beginnings.length - 1)) !== 0
  )
    throw new DictionaryFileError('the dictionary file is damaged (its tables disagree)');
  const [entriesLength, entriesSum] = new Uint32Array(buffer, checkAt, 2);
  return {
    trie: new Trie(tables),
    entities: lazyEntities({
      buffer,
      ids: [idsAt, idsLength],
      sources: [sourcesAt, sourcesLength],
      ends: entityEnds,
      types,
      leagues,
      idOrder,
      entries: { length: entriesLength as number, sum: entriesSum as number, checksum: checksums?.entries },
    }),
  };
}

/** A file's entities: besides the EntityList, an id's index and an entity's type, no entry parsed. */
export interface FileEntities extends EntityList {
  /** The index of the (first) entity with this id, or -1. */
  indexOf(id: string): number;
  /**
   * Takes the entries file the tables name. Throws DictionaryFileError when it is not theirs.
   * Before, at() and all() throw: the tables alone match and tell types.
   */
  addEntries(entries: ArrayBuffer): void;
  /** True once the entries are in. */
  readonly described: boolean;
}

interface LazyParts {
  buffer: ArrayBuffer;
  ids: [number, number];
  sources: [number, number];
  ends: Int32Array;
  types: Uint8Array;
  /** Each entity's league as an entity index, or -1 (Entity.league): the matcher asks it while matching. */
  leagues: Int32Array;
  idOrder: Int32Array;
  /** The entries file the tables were written with: its byte length and checksum. */
  entries: { length: number; sum: number; checksum: ((bytes: Uint8Array) => number) | undefined };
}

/** A section of lines (ids, sources, spellings) as its strings; none when it is empty. */
function linesOf(buffer: ArrayBuffer, [at, length]: [number, number]): string[] {
  return length === 0 ? [] : new TextDecoder().decode(new Uint8Array(buffer, at, length)).split('\n');
}

/** The entities of a file: ids decoded on the first match, each entry parsed when first asked for. */
function lazyEntities(parts: LazyParts): FileEntities {
  const { buffer, ends, types, leagues, idOrder } = parts;
  const decoder = new TextDecoder();
  const parsed: (Entity | undefined)[] = new Array(ends.length);
  let text: Uint8Array | null = null;
  let all: readonly Entity[] | null = null;
  let ids: readonly string[] | null = null;
  let sources: readonly string[] | null = null;
  const idsOf = (): readonly string[] => {
    ids ??= linesOf(buffer, parts.ids);
    return ids;
  };
  const sourcesOf = (): readonly string[] => {
    sources ??= linesOf(buffer, parts.sources);
    return sources;
  };
  const entries = (): Uint8Array => {
    if (!text) throw new DictionaryFileError('the dictionary’s entries are not loaded yet');
    return text;
  };
  return {
    count: ends.length,
    ids: idsOf,
    get described() {
      return text !== null;
    },
    addEntries(file) {
      const bytes = new Uint8Array(file);
      if (bytes.length !== parts.entries.length)
        throw new DictionaryFileError(
          'the dictionary’s entries file does not belong to its tables (its size does not match)',
        );
      if (parts.entries.checksum && parts.entries.checksum(bytes) !== parts.entries.sum)
        throw new DictionaryFileError(
          'the dictionary’s entries file is damaged (its checksum does not match)',
        );
      text = bytes;
    },
    indexOf: (id) => {
      const list = idsOf();
      // The first position in id order whose id is not below `id`.
      let low = 0;
      let high = idOrder.length;
      while (low < high) {
        const mid = (low + high) >>> 1;
        if ((list[idOrder[mid] as number] as string) < id) low = mid + 1;
        else high = mid;
      }
      const k = idOrder[low];
      return k !== undefined && list[k] === id ? k : -1;
    },
    leagues,
    typeCodes: types,
    typeAt: (k) => {
      const type = ENTITY_TYPES[types[k] as number];
      if (type === undefined)
        throw new DictionaryFileError('the dictionary file is damaged (an unknown type)');
      return type;
    },
    at: (k) => {
      let e = all?.[k] ?? parsed[k];
      if (e === undefined) {
        const from = k === 0 ? 1 : (ends[k - 1] as number) + 1;
        const stored = JSON.parse(decoder.decode(entries().subarray(from, ends[k]))) as StoredEntry;
        e = entityOfStored(stored, idsOf()[k] as string, sourcesOf());
        parsed[k] = e;
      }
      return e;
    },
    all: () => {
      if (!all) {
        const stored = JSON.parse(decoder.decode(entries())) as StoredEntry[];
        const idList = idsOf();
        const sourceList = sourcesOf();
        all = stored.map((entry, k) => entityOfStored(entry, idList[k] as string, sourceList));
      }
      return all;
    },
  };
}

/** A matcher that also tells an entity's type without reading its entry. */
export interface TypedMatcher extends Matcher {
  typeOf(id: string): EntityType | undefined;
}

/** A file's matcher, which takes its entries when they come: before, entity() finds nothing and `entities` is empty. */
export interface FileMatcher extends TypedMatcher {
  /** Takes the entries file (FileEntities.addEntries). */
  addEntries(entries: ArrayBuffer): void;
  readonly described: boolean;
}

/**
 * A matcher over a dictionary's tables file, with its entries file when given (else added later).
 * Throws DictionaryFileError. Entities are found by id with the file's id order: a page's first
 * look-up builds no map of every id.
 */
export function matcherFromFile(
  tables: ArrayBuffer,
  entries?: ArrayBuffer | null,
  { verify = true }: { verify?: boolean } = {},
): FileMatcher {
  return fileMatcher(decodeTables(tables, verify ? CHECKSUMS : null), entries);
}

/**
 * The matcher a page makes of the packaged tables file: matcherFromFile() without checksums (see
 * decodeDictionaryTables), and without the code that computes them in the content script.
 */
export function pageMatcherFromFile(tables: ArrayBuffer): FileMatcher {
  return fileMatcher(decodeTables(tables, null), null);
}

/**
 * The background's matcher (./matcher-apart.ts): pageMatcherFromFile(), and `warmUp` to run its code
 * over text made of the dictionary's own words (warmUpText), so that a page's text does not meet it
 * cold (a 3,500-character page: 4–5 ms cold, under 2 ms after the warm-up, in Node). The warm-up
 * goes a slice at a time, each in a task `later` runs: a page asking meanwhile waits for one slice
 * at most, not for the whole warm-up.
 */
export function warmableMatcherFromFile(tables: ArrayBuffer): {
  matcher: FileMatcher;
  warmUp(later: (task: () => void) => void): void;
} {
  const decoded = decodeTables(tables, null);
  const matcher = fileMatcher(decoded, null);
  const warmUp = (later: (task: () => void) => void): void => {
    const lines = warmUpText(decoded.trie, WARM_UP_CHARS).split('\n');
    let at = 0;
    const slice = (): void => {
      let text = '';
      while (at < lines.length && text.length < WARM_UP_SLICE) text += `${lines[at++]}\n`;
      if (text === '') return;
      matcher.match(text);
      later(slice);
    };
    later(slice);
  };
  return { matcher, warmUp };
}

/** Characters the warm-up matches in all: about 9 ms in Node, off any page's path. */
const WARM_UP_CHARS = 20_000;
/** Characters it matches in one task: about 1 ms. */
const WARM_UP_SLICE = 2_000;

function fileMatcher(
  { trie, entities }: { trie: Trie; entities: FileEntities },
  entries: ArrayBuffer | null | undefined,
): FileMatcher {
  if (entries) entities.addEntries(entries);
  const matcher = trieMatcher(trie, entities);
  return {
    match: (text, scanned) => matcher.match(text, scanned),
    entity(id) {
      if (!entities.described) return undefined;
      const k = entities.indexOf(id);
      return k < 0 ? undefined : entities.at(k);
    },
    typeOf(id) {
      const k = entities.indexOf(id);
      return k < 0 ? undefined : entities.typeAt(k);
    },
    get entities() {
      return entities.described ? entities.all() : [];
    },
    addEntries: (file) => entities.addEntries(file),
    get described() {
      return entities.described;
    },
  };
}

/** The dictionary of its two files, every entity parsed (the options page and the library list them). */
export function dictionaryFromFiles(tables: ArrayBuffer, entries: ArrayBuffer): Dictionary {
  const { entities } = decodeDictionaryTables(tables);
  entities.addEntries(entries);
  return { version: 1, entities: [...entities.all()] };
}
