// Countries and territories from two data packages rather than typed by hand:
//   world-countries (ODbL 1.0): English common and official names, alternative spellings, Arabic
//     names, English demonyms, capitals, region;
//   i18n-iso-countries (MIT): the Arabic and English names CLDR gives each ISO 3166-1 code.
// A curated entry with the same id (corpus/entities.txt, corpus/world/*.txt) replaces the generated one.
import { createRequire } from 'node:module';
import type { Entity } from '../../../lib/entities/types';

const require = createRequire(import.meta.url);

interface WorldCountry {
  name: { common: string; official: string };
  cca2: string;
  independent: boolean | null;
  unMember: boolean;
  capital: string[];
  altSpellings: string[];
  subregion: string;
  region: string;
  translations: Record<string, { official: string; common: string } | undefined>;
  demonyms?: Record<string, { f: string; m: string } | undefined>;
}

interface IsoCountries {
  registerLocale(locale: unknown): void;
  getNames(lang: string, options: { select: 'all' }): Record<string, string[]>;
}

const version = (pkg: string): string => (require(`${pkg}/package.json`) as { version: string }).version;

export const COUNTRIES_SOURCE = `world-countries ${version('world-countries')} (ODbL 1.0) and i18n-iso-countries ${version('i18n-iso-countries')} (MIT)`;

// The regions world-countries names, in Arabic, for the one-line descriptions.
const REGION_AR: Record<string, string> = {
  Caribbean: 'منطقة البحر الكاريبي',
  'Southern Asia': 'جنوب آسيا',
  'Middle Africa': 'وسط أفريقيا',
  'Northern Europe': 'شمال أوروبا',
  'Southeast Europe': 'جنوب شرق أوروبا',
  'Southern Europe': 'جنوب أوروبا',
  'Western Asia': 'غرب آسيا',
  'South America': 'أمريكا الجنوبية',
  Polynesia: 'بولينيزيا',
  'Australia and New Zealand': 'أستراليا ونيوزيلندا',
  'Central Europe': 'وسط أوروبا',
  'Eastern Africa': 'شرق أفريقيا',
  'Western Europe': 'غرب أوروبا',
  'Western Africa': 'غرب أفريقيا',
  'Eastern Europe': 'شرق أوروبا',
  'Central America': 'أمريكا الوسطى',
  'North America': 'أمريكا الشمالية',
  'South-Eastern Asia': 'جنوب شرق آسيا',
  'Southern Africa': 'جنوب أفريقيا',
  'Eastern Asia': 'شرق آسيا',
  'Northern Africa': 'شمال أفريقيا',
  Melanesia: 'ميلانيزيا',
  Micronesia: 'ميكرونيزيا',
  'Central Asia': 'آسيا الوسطى',
  Antarctic: 'القارة القطبية الجنوبية',
};

/**
 * corpus/lists/country-spellings.txt: the short codes kept as English aliases (the others, AL or
 * EG, would only match stray capitals) and the alternative spellings left out (English writes them
 * as ordinary words or given names: "Island", "Dominique").
 */
export interface CountrySpellings {
  keptCodes: ReadonlySet<string>;
  dropped: ReadonlySet<string>;
  /** The line of each spelling listed, as written. */
  lines: ReadonlyMap<string, number>;
}

/** A code as world-countries writes one among its spellings: one to five capitals or dots. */
const CODE = /^[A-Z.]{1,5}$/;

/**
 * Reads corpus/lists/country-spellings.txt: "keep CODE" or "drop SPELLING" a line, a comment after
 * #. An unknown verb, a missing or doubled spelling, or a kept code that is not a code stops at its
 * line.
 */
export function parseCountrySpellings(
  text: string,
  fail: (line: number, reason: string) => never,
): CountrySpellings {
  const keptCodes = new Set<string>();
  const dropped = new Set<string>();
  const seen = new Map<string, number>();
  text.split('\n').forEach((raw, k) => {
    const content = raw.replace(/#.*$/, '').trim();
    if (content === '') return;
    const line = k + 1;
    const [verb, ...words] = content.split(/\s+/);
    const spelling = words.join(' ');
    if ((verb !== 'keep' && verb !== 'drop') || spelling === '')
      fail(line, `expected "keep CODE" or "drop SPELLING", found "${content}"`);
    const earlier = seen.get(spelling);
    if (earlier !== undefined) fail(line, `"${spelling}" is listed already, line ${earlier}`);
    seen.set(spelling, line);
    if (verb === 'keep') {
      if (!CODE.test(spelling)) fail(line, `"${spelling}" is no code: only codes (US, UAE) are kept`);
      keptCodes.add(spelling.replace(/\./g, ''));
    } else dropped.add(spelling);
  });
  return { keptCodes, dropped, lines: seen };
}

/** The spellings listed that no country of world-countries has (a line that does nothing). */
export function unknownCountrySpellings(spellings: CountrySpellings): string[] {
  const world = require('world-countries/countries.json') as WorldCountry[];
  const known = new Set(world.flatMap((c) => c.altSpellings));
  return [...spellings.lines.keys()].filter((s) => !known.has(s));
}

/** A stable id from an English name: "Côte d'Ivoire" → "cote-d-ivoire". */
export function slug(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

const plain = (name: string | undefined): string | undefined => name?.replace(/\s*\([^)]*\)/g, '').trim();

const ASCII_NAME = /^[A-Za-z0-9 .'’-]+$/;
const ARABIC = /\p{Script=Arabic}/u;

/**
 * Adds `value` to `list` unless it is empty, the name itself or already there, or written as a
 * catalogue entry rather than as news writes it ("Korea, Republic of", "Saint Martin (French part)").
 */
function push(list: string[], value: string | undefined, name: string): void {
  const v = value?.trim().replace(/\s+/g, ' ');
  if (!v || v === name || list.includes(v) || /[,()]|\bSt\. /.test(v)) return;
  list.push(v);
}

/**
 * One place entity per country or territory. `capitalAr` gives a capital's Arabic name when a city
 * source knows it (the description then names it in both languages).
 */
export interface Country {
  /** ISO 3166-1 alpha-2. */
  code: string;
  capitals: string[];
  entity: Entity;
}

export function countryEntities(
  capitalAr: (en: string) => string | undefined,
  spellings: CountrySpellings,
): Country[] {
  const world = require('world-countries/countries.json') as WorldCountry[];
  const iso = require('i18n-iso-countries') as IsoCountries;
  iso.registerLocale(require('i18n-iso-countries/langs/ar.json'));
  iso.registerLocale(require('i18n-iso-countries/langs/en.json'));
  const isoAr = iso.getNames('ar', { select: 'all' });
  const isoEn = iso.getNames('en', { select: 'all' });
  const entities: Country[] = [];
  for (const c of world) {
    const ar = isoAr[c.cca2] ?? [];
    // A parenthesis is a catalogue's gloss, not part of the name news writes: "Cocos (Keeling) Islands".
    const nameAr = plain(ar[0] ?? c.translations.ara?.common);
    if (!nameAr || !ARABIC.test(nameAr)) continue;
    const nameEn = plain(c.name.common) ?? c.name.common;
    const aliasesAr: string[] = [];
    for (const a of ar.slice(1)) push(aliasesAr, a, nameAr);
    push(aliasesAr, c.translations.ara?.common, nameAr);
    push(aliasesAr, c.translations.ara?.official, nameAr);
    const aliasesEn: string[] = [];
    push(aliasesEn, c.name.official, nameEn);
    for (const a of isoEn[c.cca2] ?? []) push(aliasesEn, a, nameEn);
    for (const a of c.altSpellings) {
      if (!ASCII_NAME.test(a)) continue; // native spellings (Toçikiston, Shqipëria), other scripts
      if (spellings.dropped.has(a)) continue;
      if (CODE.test(a) && !spellings.keptCodes.has(a.replace(/\./g, ''))) continue;
      push(aliasesEn, a, nameEn);
    }
    const demonymsEn: string[] = [];
    const eng = c.demonyms?.eng;
    // A territory's demonym is often its sovereign's (American, French): only states keep theirs.
    if (eng && c.independent === true) {
      push(demonymsEn, eng.m, '');
      push(demonymsEn, eng.f, '');
    }
    const sovereign = c.independent === true || c.unMember;
    const capital = c.capital[0];
    const capAr = capital ? capitalAr(capital) : undefined;
    const whereEn = c.subregion || c.region;
    const whereAr = REGION_AR[whereEn] ?? REGION_AR[c.region] ?? '';
    const entity: Entity = {
      id: slug(nameEn),
      type: 'place',
      names: { ar: nameAr, en: nameEn },
      aliases: { ar: aliasesAr, en: aliasesEn.filter((a) => !ARABIC.test(a)) },
      demonyms: { ar: [], en: demonymsEn },
      surnames: { ar: [], en: [] },
      description: {
        ar: `${sovereign ? 'دولة' : 'إقليم'}${whereAr ? ` في ${whereAr}` : ''}${capAr ? `، عاصمتها ${capAr}` : ''}`,
        en: `${sovereign ? 'Country' : 'Territory'} in ${whereEn}${capital ? `; capital ${capital}` : ''}`,
      },
      source: COUNTRIES_SOURCE,
    };
    entities.push({ code: c.cca2, capitals: c.capital, entity });
  }
  return entities;
}
