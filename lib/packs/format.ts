// A dictionary pack: entities a newsroom or a researcher adds to the shipped dictionary, built by
// `npm run dictionary -- --pack FILE…` (or in the options page) from a CSV/TSV list or an annotated
// CoNLL/BIO corpus. One versioned JSON file, validated with these schemas before anything is stored.
import * as v from 'valibot';
import { ENTITY_TYPES, type Entity } from '../entities/types';

export const PACK_FORMAT = 'hashiya-pack';
export const PACK_VERSION = 1;

/** Limits on what a pack may hold (a pack is stored in browser.storage.local, about 10 MB in Chrome). */
export const PACK_LIMIT = {
  /** A pack file larger than this is refused before it is read. */
  fileBytes: 8 * 1024 * 1024,
  entities: 50_000,
  name: 200,
  form: 200,
  forms: 100,
  description: 1_000,
  meta: 2_000,
} as const;

const text = (max: number, what: string) =>
  v.pipe(v.string(), v.maxLength(max, `${what} is longer than ${max.toLocaleString('en')} characters`));
const forms = (what: string) =>
  v.pipe(
    v.array(text(PACK_LIMIT.form, what)),
    v.maxLength(PACK_LIMIT.forms, `more than ${PACK_LIMIT.forms} ${what}es`),
  );
const byLanguage = <T extends v.GenericSchema>(schema: T) => v.object({ ar: schema, en: schema });

/** An entity's fields, checked (a pack's entities, and those the background describes to a page). */
export const entityFields = {
  id: v.pipe(
    text(100, 'an id'),
    v.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'an id is lower-case letters, digits and hyphens'),
  ),
  type: v.picklist(ENTITY_TYPES, `the type is not one of ${ENTITY_TYPES.join(', ')}`),
  names: byLanguage(text(PACK_LIMIT.name, 'a name')),
  aliases: byLanguage(forms('alias')),
  demonyms: byLanguage(forms('demonym')),
  surnames: byLanguage(forms('surname')),
  description: byLanguage(text(PACK_LIMIT.description, 'a description')),
  /** Provenance inside the pack: the source file and line, or the corpus counts. */
  source: text(PACK_LIMIT.meta, 'a source'),
  asOf: v.optional(v.pipe(v.string(), v.regex(/^\d{4}-\d{2}$/, 'as-of is YYYY-MM'))),
};

export const PackEntitySchema = v.pipe(
  v.object(entityFields),
  v.check((e) => e.names.ar.trim() !== '' || e.names.en.trim() !== '', 'an entity has no name'),
);

export const PackSchema = v.object({
  format: v.literal(PACK_FORMAT, `not a Hashiya pack (its "format" is not "${PACK_FORMAT}")`),
  version: v.literal(PACK_VERSION, `a pack of another version (this Hashiya reads version ${PACK_VERSION})`),
  name: v.pipe(text(PACK_LIMIT.name, 'the pack name'), v.minLength(1, 'the pack has no name')),
  /** Where its entities come from (file names, a corpus, a newsroom). */
  source: text(PACK_LIMIT.meta, 'the source'),
  /** The licence of the data and whom to credit. */
  licence: text(PACK_LIMIT.meta, 'the licence'),
  credit: text(PACK_LIMIT.meta, 'the credit'),
  /** When it was built (YYYY-MM-DD). */
  built: text(40, 'the build date'),
  entities: v.pipe(
    v.array(PackEntitySchema),
    v.maxLength(PACK_LIMIT.entities, `more than ${PACK_LIMIT.entities.toLocaleString('en')} entities`),
  ),
});

export type PackEntity = v.InferOutput<typeof PackEntitySchema>;
export type Pack = v.InferOutput<typeof PackSchema>;

/** The pack's entities as the matcher and the card want them (see `packEntity`). */
export function packEntities(installedId: string, pack: Pack): Entity[] {
  return pack.entities.map((e) => packEntity(installedId, pack.name, e));
}

/**
 * One pack entity for the matcher and the card: its id prefixed with the installed pack's (so it
 * never meets a shipped id or another pack's), its source naming the pack, and a missing name
 * filled with the other language's (a corpus gives one language; the card shows both).
 */
export function packEntity(installedId: string, packName: string, e: PackEntity): Entity {
  return {
    id: `${installedId}--${e.id}`,
    type: e.type,
    names: { ar: e.names.ar || e.names.en, en: e.names.en || e.names.ar },
    aliases: e.aliases,
    demonyms: e.demonyms,
    surnames: e.surnames,
    description: e.description,
    source: e.source ? `${packName} (${e.source})` : packName,
    ...(e.asOf ? { asOf: e.asOf } : {}),
  };
}

/** Entities per type, in display order. */
export function countByType(entities: readonly { type: Entity['type'] }[]): Record<Entity['type'], number> {
  const counts = Object.fromEntries(ENTITY_TYPES.map((t) => [t, 0])) as Record<Entity['type'], number>;
  for (const e of entities) counts[e.type]++;
  return counts;
}

/** The pack as written to a file: its fields one per line, then one entity per line (diffs stay readable). */
export function serializePack(pack: Pack): string {
  const { entities, ...fields } = pack;
  const head = Object.entries(fields).map(
    ([key, value]) => `  ${JSON.stringify(key)}: ${JSON.stringify(value)},`,
  );
  const body = entities.map((e, i) => `    ${JSON.stringify(e)}${i < entities.length - 1 ? ',' : ''}`);
  return `{\n${head.join('\n')}\n  "entities": [\n${body.join('\n')}\n  ]\n}\n`;
}
