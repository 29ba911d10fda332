// What the reader taught the dictionary (lib/reader-dictionary/model.ts), in the notes database's
// readerEntries store (schema v2). Like the notes: each operation is one transaction that has
// committed when its promise resolves, a delete leaves a tombstone, failures are StoreErrors.

import type { IDBPDatabase } from 'idb';
import { newRecordId } from '../notes/ids';
import type { NewReaderEntry, ReaderEntry } from '../reader-dictionary/model';
import { StoreError, toStoreError } from './errors';
import type { NotesSchema } from './schema';

export class ReaderEntriesStore {
  constructor(private readonly db: IDBPDatabase<NotesSchema>) {}

  /**
   * Saves a new entry, or replaces the entry with the same id (an edit, or a retried save), keeping
   * its created time. An id in use by an entry of another kind is refused.
   */
  save(input: NewReaderEntry, now = new Date()): Promise<ReaderEntry> {
    const time = now.toISOString();
    return this.write(async (store) => {
      const id = input.id ?? newRecordId();
      const existing = await store.get(id);
      if (existing && existing.kind !== input.kind)
        throw new StoreError('not-found', `id ${id} in use`, 'entry');
      const record = { ...input, id, created: existing?.created ?? time, modified: time } as ReaderEntry;
      await store.put(record);
      return record;
    });
  }

  /** Deletes an entry, leaving a tombstone. */
  delete(id: string, now = new Date()): Promise<ReaderEntry> {
    return this.change(id, now, (entry) => ({ ...entry, deleted: now.toISOString() }));
  }

  /** Undoes a delete. */
  restore(id: string, now = new Date()): Promise<ReaderEntry> {
    return this.change(id, now, ({ deleted: _deleted, ...entry }) => entry as ReaderEntry);
  }

  /** Every entry that is not deleted, oldest first (later corrections win when applied in order). */
  async live(): Promise<ReaderEntry[]> {
    try {
      const all = await this.db.getAllFromIndex('readerEntries', 'modified');
      return all.filter((entry) => entry.deleted === undefined);
    } catch (error) {
      throw toStoreError(error, undefined, 'entry');
    }
  }

  /** Every entry, tombstones included (export). */
  async all(): Promise<ReaderEntry[]> {
    try {
      return await this.db.getAll('readerEntries');
    } catch (error) {
      throw toStoreError(error, undefined, 'entry');
    }
  }

  private change(id: string, now: Date, apply: (entry: ReaderEntry) => ReaderEntry): Promise<ReaderEntry> {
    return this.write(async (store) => {
      const entry = await store.get(id);
      if (!entry) throw new StoreError('not-found', undefined, 'entry');
      const next = { ...apply(entry), modified: now.toISOString() };
      await store.put(next);
      return next;
    });
  }

  private async write<T>(
    body: (store: ReturnType<typeof this.transaction>['store']) => Promise<T>,
  ): Promise<T> {
    let tx: ReturnType<typeof this.transaction>;
    try {
      tx = this.transaction();
    } catch (error) {
      throw toStoreError(error, undefined, 'entry');
    }
    try {
      const result = await body(tx.store);
      await tx.done;
      return result;
    } catch (error) {
      try {
        tx.abort();
      } catch {
        // Already aborted or finished: nothing of the failed part was committed.
      }
      await tx.done.catch(() => undefined);
      throw toStoreError(error, tx.error, 'entry');
    }
  }

  private transaction() {
    return this.db.transaction('readerEntries', 'readwrite');
  }
}
