// Subdivisions from the iso3166-2-db snapshot (corpus/sources/iso3166-2-subdivisions.tsv, made by
// scripts/import-iso-subdivisions.ts): only the codes corpus/lists/subdivisions.txt selects, since
// the package also names regions after their capital city (Kherson Oblast, Aleppo Governorate), whose
// bare name is the city's, and some rows are old or odd names. The package writes the kind of region
// into the name (Tigray Region, ولاية سنار); the news names the region without it.
import type { Entity } from '../../../lib/entities/types';
import { snapshotRows } from './cldr-cities';
import { slug } from './countries';

export interface Subdivision {
  /** ISO 3166-2 code: country, hyphen, subdivision (CA-ON). */
  code: string;
  nameEn: string;
  nameAr: string;
  line: number;
}

/** Rows of the snapshot; `fail` reports a malformed line. */
export function parseSubdivisions(
  text: string,
  fail: (line: number, reason: string) => never,
): Subdivision[] {
  return snapshotRows(text, 3, fail).map(({ cells, line }) => {
    const [code, nameEn, nameAr] = cells as [string, string, string];
    if (!/^[A-Z]{2}-[A-Z0-9]{1,3}$/.test(code)) fail(line, `"${code}" is not an ISO 3166-2 code (CA-ON)`);
    return { code, nameEn, nameAr, line };
  });
}

const KIND_EN =
  /^Canton of | (Province|Governorate|Region|State|Oblast|District|Autonomous Region|Autonomous Okrug|Krai|Republic|Prefecture|County|Voivodeship|department)$/g;
// أوكروغ خانتي-مانسي ذاتية الحكم (an autonomous okrug) → خانتي-مانسي; جمهورية كومي → كومي.
const KIND_AR =
  /^(ولاية|محافظة|منطقة|مقاطعة|شعبية|أوبلاست|كانتون|جمهورية|أوكروغ)\s+|\s+(أوبلاست|كراي|الذاتية|ذاتية الحكم)$/g;

/** "Tigray Region" → Tigray, "Canton of Uri" → Uri, "ولاية سنار" → سنار, "كيفو الشمالية" stays. */
export function bareSubdivisionName(name: string): string {
  const ar = /\p{Script=Arabic}/u.test(name);
  return name.replace(ar ? KIND_AR : KIND_EN, '').trim();
}

export interface SubdivisionContext {
  /** ISO country code → the country's Arabic and English names. */
  country: (code: string) => { ar: string; en: string } | undefined;
  /** Codes the curators selected. */
  selected: ReadonlySet<string>;
  source: string;
}

export function subdivisionEntities(rows: readonly Subdivision[], ctx: SubdivisionContext): Entity[] {
  const entities: Entity[] = [];
  for (const row of rows) {
    if (!ctx.selected.has(row.code)) continue;
    const country = ctx.country(row.code.slice(0, 2));
    if (!country) continue;
    const nameEn = bareSubdivisionName(row.nameEn);
    entities.push({
      id: slug(nameEn),
      type: 'place',
      names: { ar: bareSubdivisionName(row.nameAr), en: nameEn },
      aliases: { ar: [], en: [] },
      demonyms: { ar: [], en: [] },
      surnames: { ar: [], en: [] },
      description: { ar: `منطقة إدارية في ${country.ar}`, en: `Region of ${country.en}` },
      source: ctx.source,
    });
  }
  return entities;
}
