import { describe, expect, it } from 'vitest';
import { buildPack } from '@/lib/packs/build';
import { decodeSource } from '@/lib/packs/source';
import { parseEntityTable } from '@/lib/packs/table';
import { errorOf } from './source-error';

const utf8 = (text: string) => new TextEncoder().encode(text);

const HEADER = 'type,name_ar,name_en,aliases,description_ar,description_en';

describe('pack lists (CSV/TSV)', () => {
  it('reads a CSV row into an entity with its aliases split by language and its line as provenance', () => {
    const [entity, second] = parseEntityTable(
      `${HEADER}\nperson,سارة الخطيب,Sara Khatib,S. Khatib|الخطيب;Khatib,صحفية,"Editor, Beirut Daily"\nORG,,Beirut Daily,,,\n`,
      'news.csv',
    );
    expect(entity).toMatchObject({
      id: 'sara-khatib',
      type: 'person',
      names: { ar: 'سارة الخطيب', en: 'Sara Khatib' },
      aliases: { ar: ['الخطيب'], en: ['S. Khatib', 'Khatib'] },
      description: { ar: 'صحفية', en: 'Editor, Beirut Daily' },
      source: 'news.csv:2',
    });
    expect(second).toMatchObject({
      type: 'organisation',
      names: { ar: '', en: 'Beirut Daily' },
      source: 'news.csv:3',
    });
  });

  it('reads TSV by its extension, and counts lines across quoted line breaks and blank lines', () => {
    const entities = parseEntityTable(
      'type\tname_ar\tname_en\tdescription_en\nplace\t\tSpringfield\t"A town\nin two lines"\n\nplace\tصور\tTyre\t\n',
      'places.tsv',
    );
    expect(entities.map((e) => [e.names.en, e.source])).toEqual([
      ['Springfield', 'places.tsv:2'],
      ['Tyre', 'places.tsv:5'],
    ]);
  });

  it('stops on a missing column, naming the file, the line and the columns needed', () => {
    expect(errorOf(() => parseEntityTable('type,name_en\nperson,Sara\n', 'news.csv'))).toBe(
      'news.csv:1: missing column name_ar: the header row needs type, name_ar, name_en',
    );
    // A semicolon file read as CSV has one column: the message points at the delimiter.
    expect(errorOf(() => parseEntityTable('type;name_ar;name_en\n', 'news.csv'))).toMatch(
      /^news\.csv:1: unknown column "type;name_ar;name_en"/,
    );
    expect(errorOf(() => parseEntityTable('type,name_ar\n', 'news.csv'))).toMatch(/missing column name_en/);
  });

  it('stops on a row with too few or too many cells, with its line', () => {
    expect(errorOf(() => parseEntityTable('type,name_ar,name_en\nperson,سارة\n', 'a.csv'))).toBe(
      'a.csv:2: 2 columns where the header has 3 (a missing delimiter?)',
    );
    expect(
      errorOf(() => parseEntityTable('type,name_ar,name_en\n\nplace,,Paris, France\n', 'a.csv')),
    ).toMatch(/^a\.csv:3: 4 columns where the header has 3/);
  });

  it('stops on an unknown type, listing the types', () => {
    expect(errorOf(() => parseEntityTable('type,name_ar,name_en\nplace,,Paris\ncity,,Lyon\n', 'a.csv'))).toBe(
      'a.csv:3: unknown type "city"; the types are person, organisation, government, group, place (or PER, PERS, ORG, LOC, GPE, GOV, GRP)',
    );
  });

  it('stops on an unknown column, a duplicate id, an unclosed quote, a row without a name', () => {
    expect(errorOf(() => parseEntityTable('type,name_ar,name_en,descripton_en\n', 'a.csv'))).toMatch(
      /^a\.csv:1: unknown column "descripton_en"; the columns are type, name_ar, name_en, id/,
    );
    expect(
      errorOf(() => parseEntityTable('type,name_ar,name_en\nplace,,Tyre\nperson,,Tyre\n', 'a.csv')),
    ).toBe('a.csv:3: the id "tyre" is already used on line 2');
    expect(errorOf(() => parseEntityTable('type,name_ar,name_en\nplace,,"Tyre\n', 'a.csv'))).toMatch(
      /^a\.csv:2: quoted field unterminated/,
    );
    expect(errorOf(() => parseEntityTable('type,name_ar,name_en\nplace,,\n', 'a.csv'))).toBe(
      'a.csv:2: no name: fill name_ar or name_en',
    );
  });

  it('refuses invalid UTF-8 with the line of the first bad byte (a file saved as Windows-1256)', () => {
    const bytes = new Uint8Array([
      ...utf8('type,name_ar,name_en\nplace,,Tyre\nplace,'),
      0xd5,
      0xe6,
      0xd1,
      ...utf8(',Tyre2\n'),
    ]);
    expect(errorOf(() => decodeSource('ar.csv', bytes))).toBe(
      'ar.csv:3: not valid UTF-8 text; save the file as UTF-8 (in a spreadsheet: "CSV UTF-8")',
    );
    expect(errorOf(() => buildPack([{ name: 'ar.csv', bytes }], META))).toMatch(
      /^ar\.csv:3: not valid UTF-8/,
    );
    // A byte-order mark is not part of the first column's name.
    expect(decodeSource('bom.csv', new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('type')]))).toBe('type');
  });
});

const META = { name: 'Newsroom', licence: 'CC-BY-4.0', credit: 'The Newsroom', built: '2026-11-29' };
