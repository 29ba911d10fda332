// The dictionary files the extension ships (lib/generated/dictionary.bin and
// dictionary-entries.json): compiled matcher tables that a page reads as they are, and the entries
// they name, which come after. What they find must be exactly what compiling the sources finds.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DICTIONARY_ENTRIES,
  DICTIONARY_SOURCE,
  DICTIONARY_TABLES,
} from '../../../lib/entities/dictionary-file';
import {
  DictionaryFileError,
  decodeDictionaryTables,
  dictionaryFromFiles,
  encodeDictionaryFiles,
  FORMAT_VERSION,
  matcherFromFile,
} from '../../../lib/entities/dictionary-tables';
import { compileMatcher, compileTrie, entityForms, SCAN_PIECE } from '../../../lib/entities/matcher';
import type { Dictionary, Entity } from '../../../lib/entities/types';
import { entity, TEST_DICTIONARY } from './test-dictionary';

const source = JSON.parse(readFileSync(DICTIONARY_SOURCE, 'utf8')) as Dictionary;
const bytes = readFileSync(DICTIONARY_TABLES);
const entryBytes = readFileSync(DICTIONARY_ENTRIES);
/** The files as the extension gets them: each an ArrayBuffer of its own. */
const shippedBuffer = (): ArrayBuffer => new Uint8Array(bytes).buffer;
const shippedEntries = (): ArrayBuffer => new Uint8Array(entryBytes).buffer;
const shippedMatcher = () => matcherFromFile(shippedBuffer(), shippedEntries());
const filesOf = (dict: Dictionary): [ArrayBuffer, ArrayBuffer] => {
  const { tables, entries } = encodeDictionaryFiles(dict, compileTrie(dict.entities, dict.words));
  return [tables.slice().buffer, entries.slice().buffer];
};

const GOLD_NEWS = 'tests/gold/news';
const goldTexts = [
  readFileSync('corpus/000_8bc69fdfd68826f6.txt', 'utf8'),
  ...readdirSync(GOLD_NEWS)
    .filter((f) => /\.(txt|html)$/.test(f))
    .map((f) => readFileSync(join(GOLD_NEWS, f), 'utf8')),
];

describe('the shipped dictionary files', () => {
  it('are what compiling lib/generated/dictionary.json gives now', () => {
    const fresh = encodeDictionaryFiles(source, compileTrie(source.entities, source.words));
    expect(
      Buffer.compare(Buffer.from(fresh.tables), bytes) === 0 &&
        Buffer.compare(Buffer.from(fresh.entries), entryBytes) === 0,
      'lib/generated/dictionary.bin or dictionary-entries.json is stale: run `npm run dictionary` and commit the result',
    ).toBe(true);
  });

  it('hold the same entities as the JSON, in the same order', () => {
    // The plain words live in the tables only: the entities are what the files give back.
    expect(dictionaryFromFiles(shippedBuffer(), shippedEntries())).toEqual({
      version: source.version,
      entities: source.entities,
    });
    const loaded = shippedMatcher();
    expect(loaded.entities).toEqual(source.entities);
    for (const e of source.entities.slice(0, 50)) expect(loaded.entity(e.id)).toEqual(e);
    expect(loaded.entity('no-such-entity')).toBeUndefined();
    // Every id is found, with its type, through the file's id order.
    for (const e of source.entities) expect([e.id, loaded.typeOf(e.id)]).toEqual([e.id, e.type]);
    expect(loaded.typeOf('no-such-entity')).toBeUndefined();
    expect(loaded.typeOf('')).toBeUndefined();
    expect(loaded.typeOf('zzzz-after-every-id')).toBeUndefined();
  });

  it('keeps the plain words and their spellings: a file matches as the compiled sources do', () => {
    const text =
      'بلغت عشرة بليون ورفع يده اليمنى، وقال المسؤول اليمني وأم الشهيد لوكالة وام في حمأة الحرب على حماة';
    expect(source.words).toEqual(expect.arrayContaining(['بليون', 'اليمنى', 'وأم', 'حمأة']));
    const expected = compileMatcher(source).match(text);
    expect(expected.map((m) => m.entityId)).toEqual(['yemen', 'wam', 'hama']);
    expect(matcherFromFile(shippedBuffer(), null).match(text)).toEqual(expected);
  });

  it('finds exactly what the compiled sources find on the gold texts', () => {
    const compiled = compileMatcher(source);
    // The tables alone, as a page matches before the entries come.
    const loaded = matcherFromFile(shippedBuffer(), null);
    let mentions = 0;
    for (const text of goldTexts) {
      const expected = compiled.match(text);
      mentions += expected.length;
      expect(loaded.match(text)).toEqual(expected);
    }
    expect(mentions).toBeGreaterThan(300);
  });

  it('finds exactly what the compiled sources find on news-like text made of its forms', () => {
    const compiled = compileMatcher(source);
    const loaded = shippedMatcher();
    const forms = [...new Set(source.entities.flatMap((e) => entityForms(e).map((f) => f.text)))];
    const piece = fc.oneof(
      fc.constantFrom(...forms),
      fc.constantFrom('و', 'ب', 'ل', 'لل', 'ف', 'وب', 'ال', 'وال', 'بال', 'The ', 'In '),
      fc.constantFrom(' ', ' ', ' ', '، ', '\n', '«', '»', "'s", '-', '.', 'َ', 'ـ', '\u200f', '\ufefb'),
      fc.constantFrom('قال', 'في', 'مع', 'the', 'said', 'الأمن', 'المتحدة', 'مجلس', 'jordan', 'أمل'),
      fc.string({ unit: 'binary', maxLength: 3 }),
    );
    const newsLike = fc.array(piece, { maxLength: 60 }).map((ps) => ps.join(''));
    fc.assert(
      fc.property(newsLike, (text) => {
        expect(loaded.match(text)).toEqual(compiled.match(text));
      }),
      { numRuns: 500 },
    );
  });
});

describe('dictionary files of any list of entities', () => {
  it('keep the most words of a form, which matching a long text a piece at a time relies on', () => {
    for (const dict of [TEST_DICTIONARY, source]) {
      const trie = compileTrie(dict.entities, dict.words);
      const { tables } = encodeDictionaryFiles(dict, trie);
      expect(trie.maxWords).toBeGreaterThan(2);
      expect(decodeDictionaryTables(tables.slice().buffer).trie.maxWords).toBe(trie.maxWords);
    }
    const long = goldTexts.join('\n\n');
    expect(long.length).toBeGreaterThan(3 * SCAN_PIECE);
    expect(shippedMatcher().match(long)).toEqual(compileMatcher(source).match(long));
  });

  it('match as their compiled dictionary does, empty included', () => {
    const compiled = compileMatcher(TEST_DICTIONARY);
    const loaded = matcherFromFile(...filesOf(TEST_DICTIONARY));
    for (const text of goldTexts) expect(loaded.match(text)).toEqual(compiled.match(text));
    expect(loaded.entities).toEqual(TEST_DICTIONARY.entities);
    const empty = matcherFromFile(...filesOf({ version: 1, entities: [] }));
    expect(empty.match(goldTexts[0] ?? '')).toEqual([]);
    expect(empty.entities).toEqual([]);
  });

  it('match and tell types from the tables alone; the entries, when they come, name the entities', () => {
    const [tables, entries] = filesOf(TEST_DICTIONARY);
    const loaded = matcherFromFile(tables, null);
    const first = TEST_DICTIONARY.entities[0] as Entity;
    const text = goldTexts[0] ?? '';
    const mentions = loaded.match(text);
    expect(mentions.length).toBeGreaterThan(0);
    expect(loaded.typeOf(first.id)).toBe(first.type);
    // Nothing named yet: no half entity, no error.
    expect(loaded.described).toBe(false);
    expect(loaded.entity(first.id)).toBeUndefined();
    expect(loaded.entities).toEqual([]);
    loaded.addEntries(entries);
    expect(loaded.described).toBe(true);
    expect(loaded.entity(first.id)).toEqual(first);
    expect(loaded.entities).toEqual(TEST_DICTIONARY.entities);
    expect(loaded.match(text)).toEqual(mentions);
  });

  it("keep each team's league: a league's page reads a city as its team from the tables alone", () => {
    const team = (id: string, en: string, league: string): Entity => ({
      ...entity(id, 'organisation', '', en, { aliases: { ar: [], en: ['Boston'] }, guarded: ['Boston'] }),
      league,
    });
    const dict: Dictionary = {
      version: 1,
      entities: [
        entity('boston', 'place', 'بوسطن', 'Boston'),
        entity('nba', 'organisation', '', 'NBA'),
        entity('nhl', 'organisation', '', 'NHL'),
        team('boston-celtics', 'Boston Celtics', 'nba'),
        team('boston-bruins', 'Boston Bruins', 'nhl'),
      ],
    };
    const text = 'Boston won. The NHL said Boston won in Boston. The NBA said Boston won.';
    const loaded = matcherFromFile(filesOf(dict)[0], null);
    const ids = (ms: readonly { entityId: string }[]) => ms.map((m) => m.entityId);
    expect(ids(loaded.match(text))).toEqual([
      'boston',
      'nhl',
      'boston-bruins',
      'boston',
      'nba',
      'boston-celtics',
    ]);
    expect(loaded.match(text)).toEqual(compileMatcher(dict).match(text));
  });

  it('refuse entries that are not their tables’ own, in words, and stay as they were', () => {
    const [tables] = filesOf(TEST_DICTIONARY);
    const loaded = matcherFromFile(tables, null);
    const other = { ...TEST_DICTIONARY, entities: TEST_DICTIONARY.entities.slice(1) };
    expect(() => loaded.addEntries(filesOf(other)[1])).toThrow(/does not belong to its tables/);
    const [, entries] = filesOf(TEST_DICTIONARY);
    const damaged = new Uint8Array(entries.slice(0));
    damaged[10] = (damaged[10] as number) ^ 1;
    expect(() => loaded.addEntries(damaged.buffer)).toThrow(/entries file is damaged/);
    expect(loaded.described).toBe(false);
    // A page skips the checksums (the browser verifies its package); the size is still checked.
    const page = matcherFromFile(tables, null, { verify: false });
    expect(() => page.addEntries(filesOf(other)[1])).toThrow(DictionaryFileError);
  });

  it('is refused with a reason when damaged, of another format, or not a dictionary at all', () => {
    const refusal = (buffer: ArrayBuffer): string => {
      try {
        matcherFromFile(buffer);
      } catch (error) {
        expect(error).toBeInstanceOf(DictionaryFileError);
        return (error as Error).message;
      }
      return 'accepted';
    };
    const damaged = new Uint8Array(shippedBuffer());
    const middle = damaged.length >> 1;
    damaged[middle] = (damaged[middle] as number) ^ 1;
    expect(refusal(damaged.buffer)).toMatch(/damaged/);
    const newer = new Uint8Array(shippedBuffer());
    new Uint32Array(newer.buffer)[1] = FORMAT_VERSION + 1;
    expect(refusal(newer.buffer)).toMatch(
      new RegExp(`format ${FORMAT_VERSION + 1}.*reads format ${FORMAT_VERSION}`),
    );
    expect(refusal(new TextEncoder().encode('{"version":1,"entities":[]}\n').buffer)).toMatch(
      /not a Hashiya dictionary/,
    );
    expect(refusal(new ArrayBuffer(0))).toMatch(/not a Hashiya dictionary/);
    expect(refusal(shippedBuffer().slice(0, bytes.length - 4))).toMatch(/damaged/);
    // Without the checksum (as a page loads the package's own file) a cut file is still refused.
    expect(() =>
      matcherFromFile(shippedBuffer().slice(0, bytes.length - 4), null, { verify: false }),
    ).toThrow(/damaged/);
    // So is a beginnings table of a size no matcher can index (its section's length a word short).
    const beginnings = decodeDictionaryTables(shippedBuffer()).trie.beginnings;
    const short = shippedBuffer();
    const header = new Uint32Array(short);
    const entry = header.findIndex(
      (w, k) => w === beginnings.byteOffset && header[k + 1] === beginnings.byteLength,
    );
    expect(entry).toBeGreaterThan(0);
    header[entry + 1] = beginnings.byteLength - 4;
    expect(() => matcherFromFile(short, null, { verify: false })).toThrow(/damaged/);
  });
});
