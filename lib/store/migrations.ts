// Schema migrations, one per version: MIGRATIONS[v] turns a version v − 1 database into version v,
// inside the upgrade transaction (so a failed migration leaves the old database as it was).
// Opening runs every migration from the stored version up to SCHEMA_VERSION in order.
import type { IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import { type NotesSchema, SCHEMA_VERSION } from './schema';

type UpgradeTransaction = IDBPTransaction<NotesSchema, StoreNames<NotesSchema>[], 'versionchange'>;
export type Migration = (db: IDBPDatabase<NotesSchema>, tx: UpgradeTransaction) => void;

export const MIGRATIONS: Readonly<Record<number, Migration>> = {
  // v1: articles and annotations.
  1: (db) => {
    const articles = db.createObjectStore('articles', { keyPath: 'id' });
    articles.createIndex('modified', 'modified');
    const annotations = db.createObjectStore('annotations', { keyPath: 'id' });
    annotations.createIndex('article', 'articleId');
    annotations.createIndex('tag', 'tags', { multiEntry: true });
    annotations.createIndex('created', 'created');
    annotations.createIndex('modified', 'modified');
  },
  // v2: the reader's entities, corrections, suppressions and dismissed proposals (empty at first).
  2: (db) => {
    const entries = db.createObjectStore('readerEntries', { keyPath: 'id' });
    entries.createIndex('kind', 'kind');
    entries.createIndex('modified', 'modified');
  },
};

/** Runs the migrations after `oldVersion` up to SCHEMA_VERSION. */
export function migrate(db: IDBPDatabase<NotesSchema>, oldVersion: number, tx: UpgradeTransaction): void {
  for (let version = oldVersion + 1; version <= SCHEMA_VERSION; version++) {
    const migration = MIGRATIONS[version];
    if (!migration) throw new Error(`No migration to schema version ${version}`);
    migration(db, tx);
  }
}
