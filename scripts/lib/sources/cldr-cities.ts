// Cities from the CLDR snapshot (corpus/sources/cldr-cities.tsv, made by scripts/import-cldr-cities.ts):
// only the capitals and the cities corpus/lists/cldr-cities.txt selects by English name, since CLDR
// also names hamlets whose Arabic names are ordinary words (نوم for Nome, ترك for Truk).
import type { Entity } from '../../../lib/entities/types';
import { slug } from './countries';

export interface CldrCity {
  zone: string;
  country: string;
  nameEn: string;
  nameAr: string;
  line: number;
}

/** The data rows of a generated TSV snapshot (no blank or # lines), each with exactly `columns` cells. */
export function snapshotRows(
  text: string,
  columns: number,
  fail: (line: number, reason: string) => never,
): { cells: string[]; line: number }[] {
  const rows: { cells: string[]; line: number }[] = [];
  text.split('\n').forEach((raw, index) => {
    const line = raw.replace(/\r$/, '');
    if (line === '' || line.startsWith('#')) return;
    const cells = line.split('\t');
    if (cells.length !== columns)
      fail(index + 1, `expected ${columns} tab-separated columns, got ${cells.length}`);
    rows.push({ cells, line: index + 1 });
  });
  return rows;
}

/** Rows of the snapshot; `fail` reports a malformed line. */
export function parseCldrCities(text: string, fail: (line: number, reason: string) => never): CldrCity[] {
  return snapshotRows(text, 4, fail).map(({ cells, line }) => {
    const [zone, country, nameEn, nameAr] = cells as [string, string, string, string];
    return { zone, country, nameEn, nameAr, line };
  });
}

export interface CityContext {
  /** ISO code → the country's Arabic and English names. */
  country: (code: string) => { ar: string; en: string } | undefined;
  /** English names of capitals, each with its country's code. */
  capitals: ReadonlyMap<string, string>;
  /** English names the curators selected. */
  selected: ReadonlySet<string>;
  source: string;
}

/** "هيبرون (مدينة الخليل)" → name الخليل, alias هيبرون: the parenthesis says what the city is called. */
function arabicNames(nameAr: string): { name: string; aliases: string[] } {
  const m = /^(.*?)\s*\((?:مدينة\s+)?(.*)\)$/.exec(nameAr);
  if (!m) return { name: nameAr, aliases: [] };
  return { name: (m[2] ?? '').trim(), aliases: [(m[1] ?? '').trim()].filter(Boolean) };
}

export function cldrCityEntities(rows: readonly CldrCity[], ctx: CityContext): Entity[] {
  const entities: Entity[] = [];
  for (const row of rows) {
    const nameEn = row.nameEn.replace(/, .*$/, ''); // "Knox, Indiana" → Knox
    const capitalOf = ctx.capitals.get(nameEn.replace(/’/g, "'")); // CLDR writes N’Djamena, world-countries N'Djamena
    if (capitalOf !== row.country && !ctx.selected.has(nameEn)) continue;
    const country = ctx.country(row.country);
    if (!country) continue;
    const { name, aliases } = arabicNames(row.nameAr);
    entities.push({
      id: slug(nameEn),
      type: 'place',
      names: { ar: name, en: nameEn },
      aliases: { ar: aliases, en: [] },
      demonyms: { ar: [], en: [] },
      surnames: { ar: [], en: [] },
      description:
        capitalOf === row.country
          ? { ar: `عاصمة ${country.ar}`, en: `Capital of ${country.en}` }
          : { ar: `مدينة في ${country.ar}`, en: `City in ${country.en}` },
      source: ctx.source,
    });
  }
  return entities;
}
