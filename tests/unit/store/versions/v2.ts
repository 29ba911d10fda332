// A database exactly as schema version 2's code wrote it, for the migration tests. Frozen: it uses
// raw IndexedDB, not lib/store, so later changes to the store cannot change what "v2" means.
// v2 added the readerEntries store (what the reader taught the dictionary) to v1's.
import { V1_ANNOTATIONS, V1_ARTICLE } from './v1';

export const V2_READER_ENTRIES = [
  {
    kind: 'entity',
    id: '0b7c3d1e-5f6a-4b8c-9d0e-1f2a3b4c5d6e',
    type: 'person',
    names: { ar: 'بلال حمدان', en: 'Bilal Hamdan' },
    aliases: { ar: ['حمدان'], en: [] },
    description: { ar: 'رئيس بلدية', en: 'A mayor' },
    created: '2026-02-01T08:00:00.000Z',
    modified: '2026-02-01T08:00:00.000Z',
  },
  {
    kind: 'suppression',
    id: '9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b',
    entityId: 'jordan',
    form: 'Jordan',
    site: 'sports.example',
    created: '2026-02-02T08:00:00.000Z',
    modified: '2026-02-03T08:00:00.000Z',
    deleted: '2026-02-03T08:00:00.000Z',
  },
];

function done(request: IDBRequest | IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    if ('oncomplete' in request) {
      request.oncomplete = () => resolve();
      request.onerror = () => reject(request.error);
      request.onabort = () => reject(request.error);
    } else {
      request.onsuccess = () => resolve();
      request.onerror = () => reject(request.error);
    }
  });
}

/** Creates database `name` at version 2 with v1's article and notes and V2_READER_ENTRIES. */
export async function writeV2Database(name: string): Promise<void> {
  const open = indexedDB.open(name, 2);
  open.onupgradeneeded = () => {
    const db = open.result;
    const articles = db.createObjectStore('articles', { keyPath: 'id' });
    articles.createIndex('modified', 'modified');
    const annotations = db.createObjectStore('annotations', { keyPath: 'id' });
    annotations.createIndex('article', 'articleId');
    annotations.createIndex('tag', 'tags', { multiEntry: true });
    annotations.createIndex('created', 'created');
    annotations.createIndex('modified', 'modified');
    const entries = db.createObjectStore('readerEntries', { keyPath: 'id' });
    entries.createIndex('kind', 'kind');
    entries.createIndex('modified', 'modified');
  };
  await done(open);
  const db = open.result;
  const tx = db.transaction(['articles', 'annotations', 'readerEntries'], 'readwrite');
  tx.objectStore('articles').put(V1_ARTICLE);
  for (const record of V1_ANNOTATIONS) tx.objectStore('annotations').put(record);
  for (const entry of V2_READER_ENTRIES) tx.objectStore('readerEntries').put(entry);
  await done(tx);
  db.close();
}
