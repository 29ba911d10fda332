// Every schema version opens the databases the versions before it wrote (DESIGN.md §4).
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { StoreError } from '@/lib/store/errors';
import { MIGRATIONS } from '@/lib/store/migrations';
import { openNotesStore } from '@/lib/store/notes-store';
import { SCHEMA_VERSION } from '@/lib/store/schema';
import { V1_ANNOTATIONS, V1_ARTICLE, writeV1Database } from './versions/v1';
import { V2_READER_ENTRIES, writeV2Database } from './versions/v2';

let counter = 0;
const freshName = () => `migrations-test-${counter++}`;

/** Frozen writers of each version's databases. */
const WRITERS: Record<number, (name: string) => Promise<void>> = { 1: writeV1Database, 2: writeV2Database };
/** The reader's dictionary entries each version's database holds, as the current code lists them. */
const READER_ENTRIES: Record<number, unknown[]> = { 1: [], 2: V2_READER_ENTRIES.slice(0, 1) };

describe('schema migrations', () => {
  it('has a migration for every version up to the current one, and a frozen writer for each', () => {
    for (let version = 1; version <= SCHEMA_VERSION; version++) {
      expect(MIGRATIONS[version], `migration to v${version}`).toBeTypeOf('function');
      expect(WRITERS[version], `frozen writer of v${version} databases`).toBeTypeOf('function');
    }
  });

  for (const [version, write] of Object.entries(WRITERS)) {
    it(`opens a database written by v${version}'s code with everything in it`, async () => {
      const name = freshName();
      await write(name);
      const store = await openNotesStore({ name });
      expect(await store.getArticle(V1_ARTICLE.id)).toEqual(V1_ARTICLE);
      const listed = await store.listForArticle(V1_ARTICLE.id);
      // Reading order, tombstone left out.
      expect(listed.map((note) => note.id)).toEqual([V1_ANNOTATIONS[1]?.id, V1_ANNOTATIONS[0]?.id]);
      expect(listed[1]).toEqual(V1_ANNOTATIONS[0]);
      expect(await store.allTags()).toEqual(['ألبانيا', 'سياسة']);
      // Every note kept, the tombstone too, field for field.
      const byId = (xs: readonly { id: string }[]) => [...xs].sort((x, y) => (x.id < y.id ? -1 : 1));
      expect(byId((await store.allRecords()).annotations)).toEqual(byId(V1_ANNOTATIONS));
      expect(await store.readerEntries.live()).toEqual(READER_ENTRIES[Number(version)]);
      // And it is writable with the current code.
      const restored = await store.restoreAnnotation(V1_ANNOTATIONS[2]?.id as string);
      expect(restored.deleted).toBeUndefined();
      const added = await store.readerEntries.save({ kind: 'dismissed', form: 'Possible' });
      expect((await store.readerEntries.live()).at(-1)).toEqual(added);
      store.close();
    });
  }

  it('refuses, in plain words and without touching it, a database from a newer version', async () => {
    const name = freshName();
    await new Promise<void>((resolve, reject) => {
      const open = indexedDB.open(name, SCHEMA_VERSION + 1);
      open.onupgradeneeded = () => open.result.createObjectStore('future');
      open.onsuccess = () => {
        open.result.close();
        resolve();
      };
      open.onerror = () => reject(open.error);
    });
    const error = await openNotesStore({ name }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).kind).toBe('newer-version');
    expect((error as StoreError).message).toMatch(/newer version of Hashiya/);
    const stores = await new Promise<string[]>((resolve) => {
      const open = indexedDB.open(name);
      open.onsuccess = () => {
        resolve([...open.result.objectStoreNames]);
        open.result.close();
      };
    });
    expect(stores).toEqual(['future']);
  });
});
