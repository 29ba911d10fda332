// The reader-dictionary messages' schemas: a content script runs beside a hostile page, so the
// background checks every entry against these before the store sees it (like lib/notes/validate.ts).
import * as v from 'valibot';
import { ENTITY_TYPES } from '../entities/types';
import { LIMIT } from '../notes/limits';
import type { NewReaderEntry, ReaderEntry } from './model';

const text = (max: number) => v.pipe(v.string(), v.maxLength(max, `longer than ${max} characters`));
const name = text(LIMIT.label);
const form = v.pipe(
  text(LIMIT.label),
  v.check((value) => value.trim() !== '', 'an empty form'),
);
const forms = v.pipe(v.array(form), v.maxLength(LIMIT.tags, `more than ${LIMIT.tags} forms`));
const entryId = v.pipe(v.string(), v.uuid('not an entry id (a UUID)'));
const entityId = v.pipe(text(LIMIT.id), v.regex(/^[a-z0-9][a-z0-9-]*$/, 'not an entity id'));
const type = v.picklist(ENTITY_TYPES, `not one of the types ${ENTITY_TYPES.join(', ')}`);
const isoTime = v.pipe(v.string(), v.isoTimestamp('not an ISO 8601 time'));
const bilingual = <T extends v.GenericSchema>(schema: T) => v.object({ ar: schema, en: schema });

const entityEntries = {
  kind: v.literal('entity'),
  type,
  names: v.pipe(
    bilingual(name),
    v.check((names) => names.ar.trim() !== '' || names.en.trim() !== '', 'no name in either language'),
  ),
  aliases: bilingual(forms),
  description: bilingual(text(LIMIT.excerpt)),
};
const overrideEntries = {
  kind: v.literal('override'),
  entityId,
  type: v.optional(type),
  aliases: bilingual(forms),
};
const suppressionEntries = {
  kind: v.literal('suppression'),
  entityId,
  form,
  site: v.nullable(v.pipe(text(LIMIT.label), v.regex(/^[a-z0-9.-]+$/i, 'not a hostname'))),
};
const dismissedEntries = { kind: v.literal('dismissed'), form };

const newId = { id: v.optional(entryId) };
export const NewReaderEntrySchema = v.variant('kind', [
  v.object({ ...newId, ...entityEntries }),
  v.object({ ...newId, ...overrideEntries }),
  v.object({ ...newId, ...suppressionEntries }),
  v.object({ ...newId, ...dismissedEntries }),
]);

const stamps = { id: entryId, created: isoTime, modified: isoTime, deleted: v.optional(isoTime) };
/** A stored entry, as the background answers it (and as an import checks it). */
export const ReaderEntrySchema = v.variant('kind', [
  v.object({ ...stamps, ...entityEntries }),
  v.object({ ...stamps, ...overrideEntries }),
  v.object({ ...stamps, ...suppressionEntries }),
  v.object({ ...stamps, ...dismissedEntries }),
]);

const idRequest = v.object({ id: entryId });

/** The reader-dictionary messages the background answers (type → [request, response]). */
export const readerDictionaryProtocol = {
  /** Save a new entry, or the same id again with new contents (an edit). */
  'save-reader-entry': [v.object({ entry: NewReaderEntrySchema }), ReaderEntrySchema],
  /** Delete, leaving a tombstone; the answer is the tombstone. */
  'delete-reader-entry': [idRequest, ReaderEntrySchema],
  'undo-delete-reader-entry': [idRequest, ReaderEntrySchema],
  /** Every entry that is not deleted, oldest first. */
  'list-reader-entries': [v.undefined(), v.array(ReaderEntrySchema)],
} as const;

// The schemas and the record types must describe the same thing.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const schemasMatch: [
  Same<v.InferOutput<typeof NewReaderEntrySchema>, NewReaderEntry>,
  Same<v.InferOutput<typeof ReaderEntrySchema>, ReaderEntry>,
] = [true, true];
void schemasMatch;
