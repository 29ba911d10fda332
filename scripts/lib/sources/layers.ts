// The layered sources of the shipped dictionary, most preferred first (DESIGN.md §3, sources):
//   1. corpus/entities.txt                    the seed story's curated entities (their rules never change);
//   2. corpus/world/*.txt                     curated world entities, one block each, same format;
//   3. world-countries + i18n-iso-countries   countries and territories (data packages);
//   4. corpus/sources/cldr-cities.tsv         capitals and the cities corpus/lists/cldr-cities.txt selects;
//   5. corpus/sources/iso3166-2-subdivisions.tsv  the states, provinces and regions
//                                             corpus/lists/subdivisions.txt selects (iso3166-2-db);
//   6. corpus/world/ministries.tsv            ministries of the listed countries, made by pattern.
// Layers 3 to 5 are read only when corpus/world/ exists. An id defined in an earlier layer replaces
// the same id in a later one. corpus/world/country-extras.tsv adds curated forms to entities of any
// layer; corpus/lists/common-words.txt marks forms that are also ordinary words (the precision
// guard). The dictionary lists entities layer by layer: dictionary order is the source preference
// the matcher falls back on when one form names several entities.
import { readdir, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import wordListPath from 'word-list';
import { entityForms } from '../../../lib/entities/matcher';
import type { Entity, EntityType } from '../../../lib/entities/types';
import { writtenForm } from '../../../lib/text/fold';
import { formKey, formOwners, listLines, parseEntitySource } from '../entity-source';
import { cldrCityEntities, parseCldrCities } from './cldr-cities';
import { deriveClubShortNames } from './club-short-names';
import { countryEntities, parseCountrySpellings, unknownCountrySpellings } from './countries';
import { addOtherSpellings } from './english-spellings';
import { ministryEntities } from './ministries';
import { parseSubdivisions, subdivisionEntities } from './subdivisions';
import { deriveSurnames } from './surnames';
import { deriveTeamCities } from './team-cities';

export const WORLD_DIR = 'world';
export const CLDR_CITIES = join('sources', 'cldr-cities.tsv');
const CLDR_SELECTED = join('lists', 'cldr-cities.txt');
export const SUBDIVISIONS = join('sources', 'iso3166-2-subdivisions.tsv');
const SUBDIVISIONS_SELECTED = join('lists', 'subdivisions.txt');
const EXTRAS = 'country-extras.tsv';
const MINISTRIES = 'ministries.tsv';
export const COMMON_WORDS = join('lists', 'common-words.txt');
export const PLAIN_WORDS = join('lists', 'plain-words.txt');
const COUNTRY_SPELLINGS = join('lists', 'country-spellings.txt');

export interface LayerOptions {
  seedFile: string;
  seedText: string;
  corpusDir: string;
  /** Names files in messages and provenance. */
  display: (file: string) => string;
  /** Reads a file as strict UTF-8 or throws a BuildError. */
  readText: (file: string) => Promise<string>;
  fail: (file: string, line: number, reason: string) => never;
}

export interface SourceCount {
  source: string;
  type: EntityType;
  count: number;
}

/** A folded form more than one entity is written as (shared surnames left out: they are normal). */
export interface SharedForm {
  form: string;
  ids: string[];
}

export interface Layers {
  entities: Entity[];
  /** The seed file's provenance: its entities are the ones the corpus report looks at closely. */
  seedSource: string;
  counts: SourceCount[];
  /** Ids a curated entry replaced in a generated layer. */
  replaced: string[];
  shared: SharedForm[];
  /** corpus/lists/plain-words.txt: words the matcher reads as words, never as a clitic and a name. */
  words: string[];
}

const exists = (file: string): Promise<boolean> =>
  stat(file).then(
    (s) => s.isFile(),
    () => false,
  );

export async function loadLayers(o: LayerOptions): Promise<Layers> {
  // Provenance names a curated file as it sits in the corpus folder, wherever that folder is.
  const provenance = (file: string): string => {
    const rel = relative(o.corpusDir, file).split(sep).join('/');
    return rel.startsWith('..') ? o.display(file) : `corpus/${rel}`;
  };
  const layers: Entity[][] = [parseEntitySource(o.seedText, o.display(o.seedFile), provenance(o.seedFile))];
  const worldDir = join(o.corpusDir, WORLD_DIR);
  const worldNames = (await readdir(worldDir).catch(() => [] as string[])).sort();
  const curated: Entity[] = [];
  // Ids are unique within a file (parseEntitySource); across files a second block would silently
  // replace the first (the Petra News Agency had replaced the ancient city).
  const seenIn = new Map<string, { file: string; text: string }>();
  // The block's line, looked up only for the message.
  const lineOf = (text: string, id: string): number => text.split('\n').indexOf(`[${id}]`) + 1;
  for (const name of worldNames) {
    if (!name.endsWith('.txt')) continue;
    const file = join(worldDir, name);
    const text = await o.readText(file);
    const entities = parseEntitySource(text, o.display(file), provenance(file));
    for (const e of entities) {
      const first = seenIn.get(e.id);
      if (first)
        o.fail(
          o.display(file),
          lineOf(text, e.id),
          `duplicate id "${e.id}": ${first.file}:${lineOf(first.text, e.id)} has it too`,
        );
      seenIn.set(e.id, { file: o.display(file), text });
    }
    curated.push(...entities);
  }
  layers.push(curated);
  if (worldNames.length > 0) {
    const cldrFile = join(o.corpusDir, CLDR_CITIES);
    const cldrText = (await exists(cldrFile)) ? await o.readText(cldrFile) : '';
    const rows = parseCldrCities(cldrText, (line, reason) => o.fail(o.display(cldrFile), line, reason));
    // Capitals' Arabic names for the country descriptions: curated places first, then CLDR.
    const cityAr = new Map<string, string>();
    for (const r of rows) cityAr.set(r.nameEn, r.nameAr.replace(/\s*\(.*\)$/, ''));
    for (const e of curated) if (e.type === 'place') cityAr.set(e.names.en, e.names.ar);
    const spellingsFile = join(o.corpusDir, COUNTRY_SPELLINGS);
    const spellingsText = (await exists(spellingsFile)) ? await o.readText(spellingsFile) : '';
    const spellings = parseCountrySpellings(spellingsText, (line, reason) =>
      o.fail(o.display(spellingsFile), line, reason),
    );
    for (const unknown of unknownCountrySpellings(spellings))
      o.fail(
        o.display(spellingsFile),
        spellings.lines.get(unknown) ?? 0,
        `"${unknown}" is no spelling of any country in world-countries: the line does nothing`,
      );
    const countries = countryEntities((en) => cityAr.get(en), spellings);
    layers.push(countries.map((c) => c.entity));
    const selectedFile = join(o.corpusDir, CLDR_SELECTED);
    const selectedText = (await exists(selectedFile)) ? await o.readText(selectedFile) : '';
    const selected = new Set(listLines(selectedText));
    const capitals = new Map<string, string>();
    for (const c of countries) for (const cap of c.capitals) capitals.set(cap.replace(/’/g, "'"), c.code);
    const names = new Map(countries.map((c) => [c.code, c.entity.names]));
    const version = /CLDR (\d+(?:\.\d+)*)/.exec(cldrText)?.[1] ?? '?';
    layers.push(
      cldrCityEntities(rows, {
        country: (code) => names.get(code),
        capitals,
        selected,
        source: `CLDR ${version} (Unicode License v3)`,
      }),
    );
    const subdivisionFile = join(o.corpusDir, SUBDIVISIONS);
    const subdivisionText = (await exists(subdivisionFile)) ? await o.readText(subdivisionFile) : '';
    const subdivisions = parseSubdivisions(subdivisionText, (line, reason) =>
      o.fail(o.display(subdivisionFile), line, reason),
    );
    const chosenFile = join(o.corpusDir, SUBDIVISIONS_SELECTED);
    const chosenText = (await exists(chosenFile)) ? await o.readText(chosenFile) : '';
    // A code may carry its English name as a comment after it (CA-ON  # Ontario).
    const chosen = new Set(listLines(chosenText).map((l) => l.replace(/\s+#.*$/, '')));
    const isoVersion = /iso3166-2-db (\d+(?:\.\d+)*)/.exec(subdivisionText)?.[1] ?? '?';
    layers.push(
      subdivisionEntities(subdivisions, {
        country: (code) => names.get(code),
        selected: chosen,
        source: `iso3166-2-db ${isoVersion} (MIT)`,
      }),
    );
  }
  // Arabic nisba adjectives are generated for the seed's places and for countries only: from a
  // city's name they are often ordinary words (حماة → حماية protection, صور → صورية formal).
  for (const layer of layers.slice(1)) for (const e of layer) if (e.type === 'place') e.nisba = false;
  for (const c of layers[2] ?? []) delete c.nisba;
  const ministriesFile = join(worldDir, MINISTRIES);
  if (await exists(ministriesFile)) {
    const known = layers.flat();
    layers.push(
      ministryEntities(await o.readText(ministriesFile), known, provenance(ministriesFile), (line, reason) =>
        o.fail(o.display(ministriesFile), line, reason),
      ),
    );
  }
  const merged = merge(layers);
  const extrasFile = join(worldDir, EXTRAS);
  if (await exists(extrasFile))
    addExtras(merged.entities, await o.readText(extrasFile), o.display(extrasFile), o.fail);
  addOtherSpellings(merged.entities);
  const commonFile = join(o.corpusDir, COMMON_WORDS);
  const commonText = (await exists(commonFile)) ? await o.readText(commonFile) : '';
  const common = new Set(listLines(commonText).map(formKey));
  const englishWords = new Set((await o.readText(wordListPath)).split('\n'));
  deriveSurnames(merged.entities, common, englishWords, provenance(o.seedFile));
  const clubs = deriveClubShortNames(merged.entities, common, englishWords);
  markGuarded(merged.entities, common, new Set([...clubs, ...deriveTeamCities(merged.entities)]));
  const shared = sharedForms(merged.entities);
  markShared(merged.entities, shared);
  const plainFile = join(o.corpusDir, PLAIN_WORDS);
  const words = (await exists(plainFile))
    ? plainWords(await o.readText(plainFile), merged.entities, (line, reason) =>
        o.fail(plainFile, line, reason),
      )
    : [];
  return { ...merged, seedSource: provenance(o.seedFile), shared, words };
}

/**
 * The plain words of corpus/lists/plain-words.txt, one a line, as written; a phrase's words one
 * space apart (مسقط رأسه, a birthplace, opens with Muscat's name). A word that folds to an entity's
 * form is a spelling (اليمنى beside the nisba اليمني), a word only where the text spells it so. A
 * word listed twice, spaced otherwise, or spelled as an entity's form (it would hide the name)
 * stops the build at its line.
 */
export function plainWords(
  text: string,
  entities: readonly Entity[],
  fail: (line: number, reason: string) => never,
): string[] {
  const forms = new Map<string, string>();
  for (const e of entities) for (const f of entityForms(e)) forms.set(writtenForm(f.text), e.id);
  const seen = new Map<string, number>();
  const words: string[] = [];
  text.split('\n').forEach((raw, k) => {
    const word = raw.trim();
    if (word === '' || word.startsWith('#')) return;
    const line = k + 1;
    if (/\s/.test(word.replaceAll(' ', '')) || word.includes('  '))
      fail(line, `"${word}" has other space than one between words: list one word or phrase a line`);
    const key = formKey(word);
    const earlier = seen.get(key);
    if (earlier !== undefined) fail(line, `"${word}" is listed already, line ${earlier}`);
    const id = forms.get(writtenForm(word));
    if (id !== undefined) fail(line, `"${word}" is a form of ${id}: a plain word cannot hide a name`);
    seen.set(key, line);
    words.push(word);
  });
  return words;
}

/** Earlier layers win by id; the result keeps layer order, each layer sorted by id. */
function merge(layers: readonly Entity[][]): Omit<Layers, 'shared' | 'seedSource' | 'words'> {
  const taken = new Set<string>();
  const entities: Entity[] = [];
  const replaced: string[] = [];
  for (const layer of layers) {
    const fresh: Entity[] = [];
    const inLayer = new Set<string>();
    for (const e of layer) {
      if (taken.has(e.id)) {
        replaced.push(e.id);
        continue;
      }
      if (inLayer.has(e.id)) continue; // a generated source naming one id twice: the first wins
      inLayer.add(e.id);
      fresh.push(e);
    }
    for (const id of inLayer) taken.add(id);
    entities.push(...fresh.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)));
  }
  const counts = new Map<string, SourceCount>();
  for (const e of entities) {
    const key = `${e.source}\u0000${e.type}`;
    const c = counts.get(key) ?? { source: e.source, type: e.type, count: 0 };
    c.count++;
    counts.set(key, c);
  }
  return { entities, counts: [...counts.values()], replaced: replaced.sort() };
}

const EXTRA_FIELDS = [
  'alias.ar',
  'alias.en',
  'demonym.ar',
  'demonym.en',
  'surname.ar',
  'surname.en',
] as const;

/** Lines `id <TAB> alias.ar|alias.en|demonym.ar|demonym.en <TAB> value | value…`. */
function addExtras(
  entities: Entity[],
  text: string,
  file: string,
  fail: (file: string, line: number, reason: string) => never,
): void {
  const byId = new Map(entities.map((e) => [e.id, e]));
  text.split('\n').forEach((raw, index) => {
    const line = raw.replace(/\r$/, '').trim();
    if (line === '' || line.startsWith('#')) return;
    const [id, field, values, ...rest] = line.split('\t');
    if (!id || !field || !values || rest.length > 0)
      fail(file, index + 1, 'expected three tab-separated columns: id, field, values separated by |');
    const entity = byId.get(id);
    if (!entity) fail(file, index + 1, `no entity has the id "${id}"`);
    const f = EXTRA_FIELDS.find((x) => x === field);
    if (!f) fail(file, index + 1, `unknown field "${field}"; use one of ${EXTRA_FIELDS.join(', ')}`);
    const [kind, lang] = f.split('.') as ['alias' | 'demonym' | 'surname', 'ar' | 'en'];
    if (kind === 'demonym' && entity.type !== 'place') fail(file, index + 1, `demonyms are for places only`);
    if (kind === 'surname' && entity.type !== 'person') fail(file, index + 1, `surnames are for people only`);
    const list =
      kind === 'alias'
        ? entity.aliases[lang]
        : kind === 'demonym'
          ? entity.demonyms[lang]
          : entity.surnames[lang];
    const arabic = /\p{Script=Arabic}/u.test(values);
    if ((lang === 'ar') !== arabic)
      fail(file, index + 1, `"${field}" values must ${lang === 'ar' ? '' : 'not '}be Arabic`);
    const known = new Set([entity.names.ar, entity.names.en, ...list].map(formKey));
    for (const v of values.split('|').map((x) => x.trim())) {
      if (v === '') fail(file, index + 1, 'an empty value (check the | separators)');
      if (!known.has(formKey(v))) list.push(v);
      known.add(formKey(v));
    }
  });
}

function sharedForms(entities: readonly Entity[]): SharedForm[] {
  return [...formOwners(entities)]
    .map(([form, owners]) => ({ form, ids: [...new Set(owners.map((e) => e.id))] }))
    .filter(({ ids }) => ids.length > 1)
    .sort((a, b) => (a.form < b.form ? -1 : 1));
}

/** Tells each entity which of its forms others share, and with whom (the card's "also: …"). */
function markShared(entities: Entity[], shared: readonly SharedForm[]): void {
  const byId = new Map(entities.map((e) => [e.id, e]));
  for (const { form, ids } of shared) {
    for (const id of ids) {
      const e = byId.get(id);
      if (!e) continue;
      e.shared = { ...e.shared, [form]: ids.filter((other) => other !== id) };
    }
  }
}

/**
 * Marks each entity form that folds to a word of corpus/common-words.txt as guarded, the generated
 * ones too (the nisba مجريات of المجر is "the course of events"), and the forms `alsoGuarded` names
 * as `${id} ${form}` (a club's short name, ./club-short-names.ts; a team's city, ./team-cities.ts).
 */
function markGuarded(entities: Entity[], words: ReadonlySet<string>, alsoGuarded: ReadonlySet<string>): void {
  for (const e of entities) {
    const guarded = [...new Set(entityForms(e).map((f) => f.text))].filter(
      (f) => words.has(formKey(f)) || alsoGuarded.has(`${e.id} ${f}`),
    );
    if (guarded.length > 0) e.guarded = guarded;
    else delete e.guarded;
  }
}
