// What the reader teaches Hashiya's dictionary (issue 13): entities of their own, corrections of
// shipped or pack entities, surface forms that are not an entity on a site or anywhere, and
// proposals they dismissed. Kept in the background's store beside the notes, shaped like them for
// a later sync: UUIDs, created/modified on every record, tombstones instead of deletes. Shipped
// data is never edited: a correction is an override applied on top (lib/reader-dictionary/apply.ts).
import type { EntityType } from '../entities/types';

export const READER_ENTRY_KINDS = ['entity', 'override', 'suppression', 'dismissed'] as const;
export type ReaderEntryKind = (typeof READER_ENTRY_KINDS)[number];

interface Stamped {
  /** A UUID. */
  id: string;
  /** ISO 8601. */
  created: string;
  modified: string;
  /** Set when deleted: the record stays as a tombstone so merging two copies never resurrects it. */
  deleted?: string;
}

/** An entity the reader added ("Add as entity"). Its matcher id is readerEntityId(id). */
export interface ReaderEntity extends Stamped {
  kind: 'entity';
  type: EntityType;
  /** At least one of the two is not empty. */
  names: { ar: string; en: string };
  aliases: { ar: string[]; en: string[] };
  description: { ar: string; en: string };
}

/** The reader's correction of a dictionary entity: another type, more spellings. */
export interface EntityOverride extends Stamped {
  kind: 'override';
  /** The shipped or pack entity corrected. */
  entityId: string;
  /** "Change its type for me"; absent: the dictionary's type stands. */
  type?: EntityType;
  /** "Add this spelling to…": forms matched as this entity's aliases. */
  aliases: { ar: string[]; en: string[] };
}

/** "Not this entity here": this surface form is not that entity, on one site or everywhere. */
export interface Suppression extends Stamped {
  kind: 'suppression';
  entityId: string;
  /** The surface form as the page had it (compared folded, as the matcher compares). */
  form: string;
  /** A hostname, or null for everywhere. */
  site: string | null;
}

/** A proposal ("Possible entities") the reader dismissed: never proposed again. */
export interface DismissedProposal extends Stamped {
  kind: 'dismissed';
  /** The proposed surface form (compared folded). */
  form: string;
}

export type ReaderEntry = ReaderEntity | EntityOverride | Suppression | DismissedProposal;

/** A new entry as a view sends it; the store stamps it (and gives it an id when absent). */
export type NewReaderEntry =
  | (Omit<ReaderEntity, keyof Stamped> & { id?: string })
  | (Omit<EntityOverride, keyof Stamped> & { id?: string })
  | (Omit<Suppression, keyof Stamped> & { id?: string })
  | (Omit<DismissedProposal, keyof Stamped> & { id?: string });

/** The source (provenance) of the entities the reader added, which the card words as "Added by you". */
export const READER_SOURCE = 'reader';

/** The id a reader entity has in the matcher and the card (ids are lower-case ascii with hyphens). */
export function readerEntityId(entryId: string): string {
  return `reader-${entryId.toLowerCase()}`;
}
