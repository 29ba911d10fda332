// What a correction from the entity card stores, and what undoes it (issue 13, part 2). A
// dictionary (shipped or pack) entity is corrected by one override of its own, kept up to date, so
// the options page lists one row per corrected entity; the reader's own entity is edited itself.
// Shipped and pack data are never touched. Framework-free: the card sends what these return.
import type { Entity, EntityType } from '../entities/types';
import { foldText } from '../text/fold';
import { ARABIC_LETTER } from './form';
import {
  type EntityOverride,
  type NewReaderEntry,
  READER_SOURCE,
  type ReaderEntity,
  type ReaderEntry,
  readerEntityId,
} from './model';

/** One write to the reader's dictionary: each is one message to the background. */
export type ReaderChange =
  | { kind: 'save'; entry: NewReaderEntry & { id: string } }
  | { kind: 'delete'; id: string }
  | { kind: 'restore'; id: string };

/** A change and the change that undoes it. */
export interface Correction {
  change: ReaderChange;
  undo: ReaderChange;
}

/** An entry as it would be sent again: its stamps taken off (so Undo saves it back as it was). */
function unstamped(entry: ReaderEntry): NewReaderEntry & { id: string } {
  const { created: _c, modified: _m, deleted: _d, ...rest } = entry;
  return rest;
}

const saving = (entry: NewReaderEntry & { id: string }, before: ReaderEntry | undefined): Correction => ({
  change: { kind: 'save', entry },
  undo: before ? { kind: 'save', entry: unstamped(before) } : { kind: 'delete', id: entry.id },
});

/** The reader's own entry behind a reader entity, if `entity` is one. */
function ownEntry(entries: readonly ReaderEntry[], entity: Entity): ReaderEntity | undefined {
  if (entity.source !== READER_SOURCE) return undefined;
  return entries.find(
    (e): e is ReaderEntity =>
      e.kind === 'entity' && e.deleted === undefined && readerEntityId(e.id) === entity.id,
  );
}

/** The override the card keeps for `entityId`: the latest one not deleted. */
export function overrideOf(entries: readonly ReaderEntry[], entityId: string): EntityOverride | undefined {
  return entries.findLast(
    (e): e is EntityOverride => e.kind === 'override' && e.deleted === undefined && e.entityId === entityId,
  );
}

function override(
  entityId: string,
  type: EntityType | undefined,
  aliases: EntityOverride['aliases'],
  id: string,
): NewReaderEntry & { id: string } {
  return { id, kind: 'override', entityId, ...(type ? { type } : {}), aliases };
}

/**
 * "Change type for me": `entity` shown as `type` from now on. `dictionaryType`: the type its
 * dictionary gives it (choosing it again takes the reader's type away). Null: nothing to change.
 */
export function changeType(
  entries: readonly ReaderEntry[],
  entity: Entity,
  dictionaryType: EntityType | undefined,
  type: EntityType,
  newId: string,
): Correction | null {
  const own = ownEntry(entries, entity);
  if (own) return own.type === type ? null : saving({ ...unstamped(own), type } as ReaderEntity, own);
  const existing = overrideOf(entries, entity.id);
  const wanted = type === dictionaryType ? undefined : type;
  if (!existing)
    return wanted ? saving(override(entity.id, wanted, { ar: [], en: [] }, newId), undefined) : null;
  if (existing.type === wanted) return null;
  if (!wanted && existing.aliases.ar.length + existing.aliases.en.length === 0)
    return { change: { kind: 'delete', id: existing.id }, undo: { kind: 'restore', id: existing.id } };
  return saving(override(entity.id, wanted, existing.aliases, existing.id), existing);
}

/** A surface form as stored: white space made single spaces, trimmed. */
export function cleanForm(form: string): string {
  return form.replace(/\s+/g, ' ').trim();
}

/** True when `form` is one of `forms`, compared folded. */
function isAmong(forms: readonly string[], form: string): boolean {
  const wanted = foldText(form);
  return forms.some((f) => f !== '' && foldText(f) === wanted);
}

/**
 * "Add this spelling to…": `form` (the mention as the page has it, which the page took for another
 * entity) becomes the reader's spelling of `target`, so the reader's matcher, which goes first,
 * gives it to `target`. A dictionary name of `target` is added too (عمان is Amman's name, yet
 * alone the dictionary reads it as Oman). Null when there is nothing to add (an empty form, or one
 * the reader already gave `target`).
 */
export function addSpelling(
  entries: readonly ReaderEntry[],
  target: Entity,
  form: string,
  newId: string,
): Correction | null {
  const spelling = cleanForm(form);
  if (spelling === '') return null;
  const script = ARABIC_LETTER.test(spelling) ? 'ar' : 'en';
  const add = (aliases: EntityOverride['aliases']) => ({
    ...aliases,
    [script]: [...aliases[script], spelling],
  });
  const own = ownEntry(entries, target);
  if (own && isAmong([own.names.ar, own.names.en, ...own.aliases.ar, ...own.aliases.en], spelling))
    return null;
  if (own) return saving({ ...unstamped(own), aliases: add(own.aliases) } as ReaderEntity, own);
  const existing = overrideOf(entries, target.id);
  if (existing && isAmong(existing.aliases[script], spelling)) return null;
  return saving(
    override(target.id, existing?.type, add(existing?.aliases ?? { ar: [], en: [] }), existing?.id ?? newId),
    existing,
  );
}

/** "Not this entity here": `form` is not `entityId` on `site` (null: anywhere). */
export function suppress(
  entityId: string,
  form: string,
  site: string | null,
  newId: string,
): Correction | null {
  const cleaned = cleanForm(form);
  if (cleaned === '') return null;
  return saving({ id: newId, kind: 'suppression', entityId, form: cleaned, site }, undefined);
}
