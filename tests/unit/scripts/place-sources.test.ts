// The generated place layers: iso3166-2-db subdivisions (selected by code, the package's "Province" and
// "ولاية" taken off) and CLDR capitals whatever apostrophe the two packages write.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BuildError, buildAndWrite, buildDictionary } from '../../../scripts/lib/build-dictionary';
import { cldrCityEntities } from '../../../scripts/lib/sources/cldr-cities';
import {
  bareSubdivisionName,
  parseSubdivisions,
  subdivisionEntities,
} from '../../../scripts/lib/sources/subdivisions';

const fail = (line: number, reason: string): never => {
  throw new Error(`${line}: ${reason}`);
};
const countries = new Map([
  ['ET', { ar: 'إثيوبيا', en: 'Ethiopia' }],
  ['SD', { ar: 'السودان', en: 'Sudan' }],
  ['TD', { ar: 'تشاد', en: 'Chad' }],
]);

describe('iso3166-2-db subdivisions', () => {
  const snapshot = [
    '# First-level subdivisions named in iso3166-2-db 2.3.11',
    'ET-TI\tTigray Region\tتيغراي',
    'SD-GZ\tAl Jazirah\tولاية الجزيرة',
    'SD-KA\tKassala\tولاية كسلا',
    'XX-01\tNowhere Province\tمنطقة لا مكان',
  ].join('\n');

  it('takes only the selected codes of known countries, named as the news names them', () => {
    const rows = parseSubdivisions(snapshot, fail);
    const entities = subdivisionEntities(rows, {
      country: (code) => countries.get(code),
      selected: new Set(['ET-TI', 'SD-KA', 'XX-01']),
      source: 'iso3166-2-db 2.3.11 (MIT)',
    });
    expect(entities.map((e) => [e.id, e.names.ar, e.names.en, e.description.en, e.source])).toEqual([
      ['tigray', 'تيغراي', 'Tigray', 'Region of Ethiopia', 'iso3166-2-db 2.3.11 (MIT)'],
      ['kassala', 'كسلا', 'Kassala', 'Region of Sudan', 'iso3166-2-db 2.3.11 (MIT)'],
    ]);
    expect(entities[0]?.description.ar).toBe('منطقة إدارية في إثيوبيا');
  });

  it('strips the kind of region the package writes into the name, and nothing else', () => {
    expect(bareSubdivisionName('Helmand Province')).toBe('Helmand');
    expect(bareSubdivisionName('Kursk Oblast')).toBe('Kursk');
    expect(bareSubdivisionName('ولاية شمال دارفور')).toBe('شمال دارفور');
    expect(bareSubdivisionName('محافظة صلاح الدين')).toBe('صلاح الدين');
    expect(bareSubdivisionName('سمولينسك أوبلاست')).toBe('سمولينسك');
    expect(bareSubdivisionName('Aichi Prefecture')).toBe('Aichi');
    expect(bareSubdivisionName('Norrbotten County')).toBe('Norrbotten');
    expect(bareSubdivisionName('Lesser Poland Voivodeship')).toBe('Lesser Poland');
    expect(bareSubdivisionName('Antioquia department')).toBe('Antioquia');
    expect(bareSubdivisionName('Canton of Uri')).toBe('Uri');
    expect(bareSubdivisionName('كانتون تورغاو')).toBe('تورغاو');
    expect(bareSubdivisionName('جمهورية كومي')).toBe('كومي');
    expect(bareSubdivisionName('أوكروغ خانتي-مانسي ذاتية الحكم')).toBe('خانتي-مانسي');
    expect(bareSubdivisionName('أوكروغ تشوكوتكا الذاتية')).toBe('تشوكوتكا');
    // A kind word inside the name is part of it.
    expect(bareSubdivisionName('Northern Province Road')).toBe('Northern Province Road');
    expect(bareSubdivisionName('المنطقة الصومالية')).toBe('المنطقة الصومالية');
    expect(bareSubdivisionName('Gilgit-Baltistan')).toBe('Gilgit-Baltistan');
    expect(bareSubdivisionName('Orange County Choppers')).toBe('Orange County Choppers');
  });

  it('names the line of a malformed snapshot row', () => {
    expect(() => parseSubdivisions('# header\nET-TI\tTigray', fail)).toThrow(
      '2: expected 3 tab-separated columns, got 2',
    );
    expect(() => parseSubdivisions('Tigray\tTigray\tتيغراي', fail)).toThrow(
      '1: "Tigray" is not an ISO 3166-2 code (CA-ON)',
    );
  });
});

describe('the builder with the subdivision snapshot', () => {
  const temps: string[] = [];
  afterEach(() => {
    for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('stops on a broken snapshot line with file:line, and writes nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hashiya-corpus-'));
    temps.push(dir);
    writeFileSync(join(dir, 'entities.txt'), readFileSync('corpus/entities.txt', 'utf8'));
    for (const sub of ['world', 'sources', 'lists']) mkdirSync(join(dir, sub));
    writeFileSync(join(dir, 'world', 'places.txt'), '# no curated places\n');
    writeFileSync(join(dir, 'sources', 'iso3166-2-subdivisions.tsv'), '# header\nET-TI\tTigray Region\n');
    const out = join(dir, 'out', 'dictionary.json');
    const error = await buildAndWrite({ corpusDir: dir, out }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(BuildError);
    expect((error as Error).message).toMatch(
      /iso3166-2-subdivisions\.tsv:2: expected 3 tab-separated columns/,
    );
    expect(existsSync(out)).toBe(false);
  });
});

describe('CLDR cities', () => {
  it("knows a capital whether its name is written with ’ (CLDR) or ' (world-countries)", () => {
    const [city] = cldrCityEntities(
      [{ zone: 'Africa/Ndjamena', country: 'TD', nameEn: 'N’Djamena', nameAr: 'نجامينا', line: 1 }],
      {
        country: (code) => countries.get(code),
        capitals: new Map([["N'Djamena", 'TD']]),
        selected: new Set(),
        source: 'CLDR',
      },
    );
    expect(city?.description).toEqual({ ar: 'عاصمة تشاد', en: 'Capital of Chad' });
  });
});

describe('corpus/lists/country-spellings.txt', () => {
  const temps: string[] = [];
  afterEach(() => {
    for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  /** A corpus with the country layer and this spellings list. */
  const corpusWith = (spellings: string): string => {
    const dir = mkdtempSync(join(tmpdir(), 'hashiya-corpus-'));
    temps.push(dir);
    writeFileSync(join(dir, 'entities.txt'), readFileSync('corpus/entities.txt', 'utf8'));
    writeFileSync(join(dir, 'seed.txt'), readFileSync('corpus/000_8bc69fdfd68826f6.txt', 'utf8'));
    for (const sub of ['world', 'lists']) mkdirSync(join(dir, sub));
    writeFileSync(join(dir, 'world', 'places.txt'), '# no curated places\n');
    writeFileSync(join(dir, 'lists', 'country-spellings.txt'), spellings);
    return dir;
  };
  const aliasesOf = async (dir: string, id: string): Promise<readonly string[]> => {
    const { dictionary } = await buildDictionary({ corpusDir: dir });
    return dictionary.entities.find((e) => e.id === id)?.aliases?.en ?? [];
  };

  it('keeps the codes it lists as aliases and leaves out the spellings it drops', async () => {
    const listed = corpusWith('keep DRC  # a comment\ndrop Dominique\n');
    expect(await aliasesOf(listed, 'dr-congo')).toContain('DRC');
    expect(await aliasesOf(listed, 'dominica')).not.toContain('Dominique');
    // Without the list, no code is an alias and every spelling in Latin letters is.
    const empty = corpusWith('');
    expect(await aliasesOf(empty, 'dr-congo')).not.toContain('DRC');
    expect(await aliasesOf(empty, 'dominica')).toContain('Dominique');
  });

  it('stops on a line it cannot read with file:line, and writes nothing', async () => {
    const cases: [string, RegExp][] = [
      ['keep UAE\nkeeps UK\n', /country-spellings\.txt:2: expected "keep CODE" or "drop SPELLING"/],
      ['# codes\nkeep\n', /country-spellings\.txt:2: expected "keep CODE"/],
      ['keep UAE\ndrop UAE\n', /country-spellings\.txt:2: "UAE" is listed already, line 1/],
      ['keep Emirates\n', /country-spellings\.txt:1: "Emirates" is no code/],
      ['keep UAE\nkeep KSA\n', /country-spellings\.txt:2: "KSA" is no spelling of any country/],
    ];
    for (const [text, message] of cases) {
      const dir = corpusWith(text);
      const out = join(dir, 'out', 'dictionary.json');
      const error = await buildAndWrite({ corpusDir: dir, out }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error, text).toBeInstanceOf(BuildError);
      expect((error as Error).message).toMatch(message);
      expect(existsSync(out)).toBe(false);
    }
  });
});
