// A database exactly as schema version 1's code wrote it, for the migration tests. Frozen: it uses
// raw IndexedDB, not lib/store, so later changes to the store cannot change what "v1" means.
// When v2 comes, keep this file as it is and add a test that opens its database with v2's code.

export const V1_ARTICLE = {
  id: 'https://news.example/albania-iran',
  url: 'https://www.news.example/albania-iran',
  title: 'ألبانيا تقطع علاقاتها مع إيران',
  site: 'news.example',
  byline: 'مراسلنا',
  lang: 'ar',
  excerpt: 'قطعت ألبانيا العلاقات الدبلوماسية مع إيران',
  created: '2026-01-02T10:00:00.000Z',
  modified: '2026-01-02T10:05:00.000Z',
};

const annotation = (id: string, start: number, exact: string, tags: string[], extra: object = {}) => ({
  id,
  articleId: V1_ARTICLE.id,
  quote: { type: 'TextQuoteSelector', exact, prefix: 'قال ', suffix: ' في بيان' },
  position: { type: 'TextPositionSelector', start, end: start + exact.length },
  colour: 'yellow',
  note: 'ملاحظة',
  tags,
  entityIds: ['edi-rama'],
  created: '2026-01-02T10:00:00.000Z',
  modified: '2026-01-02T10:00:00.000Z',
  ...extra,
});

export const V1_ANNOTATIONS = [
  annotation('3f1c2a9e-1b2c-4d5e-8f90-0a1b2c3d4e5f', 120, 'إيدي راما', ['ألبانيا', 'سياسة']),
  annotation('7d9e8f00-2222-4333-8444-555566667777', 40, 'قطعت ألبانيا', ['ألبانيا']),
  annotation('aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee', 300, 'نص محذوف', ['محذوف'], {
    deleted: '2026-01-03T09:00:00.000Z',
    modified: '2026-01-03T09:00:00.000Z',
  }),
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

/** Creates database `name` at version 1 with V1_ARTICLE and V1_ANNOTATIONS, as v1's code did. */
export async function writeV1Database(name: string): Promise<void> {
  const open = indexedDB.open(name, 1);
  open.onupgradeneeded = () => {
    const db = open.result;
    const articles = db.createObjectStore('articles', { keyPath: 'id' });
    articles.createIndex('modified', 'modified');
    const annotations = db.createObjectStore('annotations', { keyPath: 'id' });
    annotations.createIndex('article', 'articleId');
    annotations.createIndex('tag', 'tags', { multiEntry: true });
    annotations.createIndex('created', 'created');
    annotations.createIndex('modified', 'modified');
  };
  await done(open);
  const db = open.result;
  const tx = db.transaction(['articles', 'annotations'], 'readwrite');
  tx.objectStore('articles').put(V1_ARTICLE);
  for (const record of V1_ANNOTATIONS) tx.objectStore('annotations').put(record);
  await done(tx);
  db.close();
}
