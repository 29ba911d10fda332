// The notes database: its name, its version and the shape of its stores (DESIGN.md §4). Owned by
// the background and read by extension pages; never opened by a content script (it would belong
// to the page's origin). Every version bump adds a migration (migrations.ts) and a test that opens
// a database written by the previous version's code (tests/unit/store/migrations.test.ts).
import type { DBSchema } from 'idb';
import type { AnnotationRecord, ArticleRecord } from '../notes/model';
import type { ReaderEntry } from '../reader-dictionary/model';

export const DATABASE_NAME = 'hashiya-notes';

/** The schema version this code writes. */
export const SCHEMA_VERSION = 2;

export interface NotesSchema extends DBSchema {
  /** Keyed by ArticleRecord.id (the article's identity). */
  articles: {
    key: string;
    value: ArticleRecord;
    indexes: { modified: string };
  };
  /** Keyed by AnnotationRecord.id (a UUID); tombstones stay here too. */
  annotations: {
    key: string;
    value: AnnotationRecord;
    indexes: { article: string; tag: string; created: string; modified: string };
  };
  /** v2: what the reader taught the dictionary (lib/reader-dictionary), keyed by a UUID; tombstones too. */
  readerEntries: {
    key: string;
    value: ReaderEntry;
    indexes: { kind: string; modified: string };
  };
}
