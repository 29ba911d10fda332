import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ArticleInfo } from '@/lib/notes/article-identity';
import type { NewAnnotation } from '@/lib/notes/model';
import type { ReaderEntry } from '@/lib/reader-dictionary/model';
import { StoreError } from '@/lib/store/errors';
import { type NotesStore, openNotesStore } from '@/lib/store/notes-store';

let counter = 0;
const freshName = () => `notes-store-test-${counter++}`;

const ARTICLE: ArticleInfo = {
  id: 'https://news.example/a',
  url: 'https://www.news.example/a?x=1',
  title: 'ألبانيا تقطع علاقاتها مع إيران',
  site: 'news.example',
  byline: '',
  lang: 'ar',
  excerpt: '',
};

function note(exact: string, start: number, extra: Partial<NewAnnotation> = {}): NewAnnotation {
  return {
    quote: { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
    position: { type: 'TextPositionSelector', start, end: start + exact.length },
    colour: 'yellow',
    note: '',
    tags: [],
    entityIds: [],
    ...extra,
  };
}

const T1 = new Date('2026-03-01T10:00:00Z');
const T2 = new Date('2026-03-01T11:00:00Z');
const T3 = new Date('2026-03-01T12:00:00Z');

const open: NotesStore[] = [];
async function store(name = freshName()): Promise<NotesStore> {
  const s = await openNotesStore({ name });
  open.push(s);
  return s;
}

afterEach(() => {
  vi.restoreAllMocks();
  for (const s of open.splice(0)) s.close();
});

describe('notes store', () => {
  it('saves a note with its article, and lists the article’s notes in reading order', async () => {
    const s = await store();
    const later = await s.saveAnnotation(ARTICLE, note('إيران', 90, { tags: [' سياسة ', 'سياسة', ''] }), T1);
    const earlier = await s.saveAnnotation(ARTICLE, note('ألبانيا', 5, { note: 'مهم' }), T2);
    expect(later.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(later).toMatchObject({ articleId: ARTICLE.id, created: T1.toISOString(), tags: ['سياسة'] });
    expect(await s.listForArticle(ARTICLE.id)).toEqual([earlier, later]);
    expect(await s.listForArticle('https://news.example/other')).toEqual([]);
    // The article was created by the first save and refreshed by the second.
    expect(await s.getArticle(ARTICLE.id)).toEqual({
      ...ARTICLE,
      created: T1.toISOString(),
      modified: T2.toISOString(),
    });
  });

  it('keeps the page’s latest title for the article but its first created time', async () => {
    const s = await store();
    await s.saveAnnotation(ARTICLE, note('a', 0), T1);
    await s.saveAnnotation({ ...ARTICLE, title: 'عنوان محدث' }, note('b', 2), T2);
    expect(await s.getArticle(ARTICLE.id)).toMatchObject({ title: 'عنوان محدث', created: T1.toISOString() });
  });

  it('saving the same id again (a retry) keeps one note and its created time', async () => {
    const s = await store();
    const id = '0b7c7e8e-5f0a-4c1e-9a57-2f7d6d7e9a10';
    await s.saveAnnotation(ARTICLE, note('a', 0, { id }), T1);
    const again = await s.saveAnnotation(ARTICLE, note('a', 0, { id }), T2);
    expect(again).toMatchObject({ id, created: T1.toISOString(), modified: T2.toISOString() });
    expect(await s.listForArticle(ARTICLE.id)).toHaveLength(1);
  });

  it('updates colour, note and tags, stamping modified', async () => {
    const s = await store();
    const saved = await s.saveAnnotation(ARTICLE, note('a', 0), T1);
    const updated = await s.updateAnnotation(saved.id, { colour: 'green', note: 'نص', tags: ['x'] }, T2);
    expect(updated).toEqual({
      ...saved,
      colour: 'green',
      note: 'نص',
      tags: ['x'],
      modified: T2.toISOString(),
    });
    expect(await s.listForArticle(ARTICLE.id)).toEqual([updated]);
    expect((await s.getArticle(ARTICLE.id))?.modified).toBe(T2.toISOString());
  });

  it('deletes as a tombstone that lists nowhere, and undo brings the note back', async () => {
    const s = await store();
    const saved = await s.saveAnnotation(ARTICLE, note('a', 0, { tags: ['gone'] }), T1);
    const tombstone = await s.deleteAnnotation(saved.id, T2);
    expect(tombstone).toMatchObject({
      deleted: T2.toISOString(),
      modified: T2.toISOString(),
      quote: saved.quote,
    });
    expect(await s.listForArticle(ARTICLE.id)).toEqual([]);
    expect(await s.allTags()).toEqual([]);
    await expect(s.updateAnnotation(saved.id, { note: 'x' })).rejects.toMatchObject({ kind: 'not-found' });
    const restored = await s.restoreAnnotation(saved.id, T3);
    expect(restored).toEqual({ ...saved, modified: T3.toISOString() });
    expect(await s.listForArticle(ARTICLE.id)).toEqual([restored]);
  });

  it('says "not found" for a note that does not exist', async () => {
    const s = await store();
    const error = await s.deleteAnnotation('no-such-id').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).message).toMatch(/no longer exists/);
  });

  it('lists every tag in use once, sorted, across articles', async () => {
    const s = await store();
    await s.saveAnnotation(ARTICLE, note('a', 0, { tags: ['سياسة', 'Albania'] }), T1);
    await s.saveAnnotation(
      { ...ARTICLE, id: 'https://other.example/b' },
      note('b', 0, { tags: ['سياسة', 'a'] }),
      T1,
    );
    expect(await s.allTags()).toEqual(['Albania', 'a', 'سياسة']);
  });

  it('keeps both notes when two tabs save on the same article at once', async () => {
    const name = freshName();
    const [tabA, tabB] = await Promise.all([store(name), store(name)]);
    const [a, b] = await Promise.all([
      tabA.saveAnnotation(ARTICLE, note('first', 0), T1),
      tabB.saveAnnotation(ARTICLE, note('second', 10), T1),
    ]);
    const listed = await tabA.listForArticle(ARTICLE.id);
    expect(listed.map((n) => n.id).sort()).toEqual([a.id, b.id].sort());
  });

  describe('when the disk is full', () => {
    it('rejects in plain words and writes nothing, not even the article', async () => {
      const s = await store();
      const put = IDBObjectStore.prototype.put;
      vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
        if (this.name === 'annotations') throw new DOMException('Quota exceeded', 'QuotaExceededError');
        return put.apply(this, args);
      });
      const error = await s.saveAnnotation(ARTICLE, note('a', 0), T1).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StoreError);
      expect((error as StoreError).kind).toBe('quota');
      expect((error as StoreError).message).toMatch(/not saved.*no more storage space/);
      vi.restoreAllMocks();
      expect(await s.getArticle(ARTICLE.id)).toBeUndefined();
      expect(await s.listForArticle(ARTICLE.id)).toEqual([]);
    });

    it('turns an aborted transaction into a plain error and keeps the earlier note as it was', async () => {
      const s = await store();
      const saved = await s.saveAnnotation(ARTICLE, note('a', 0), T1);
      const put = IDBObjectStore.prototype.put;
      vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
        const request = put.apply(this, args);
        // The browser gives up on the transaction after the write (disk error): AbortError.
        if (this.name === 'articles') this.transaction.abort();
        return request;
      });
      const error = await s.updateAnnotation(saved.id, { note: 'lost?' }, T2).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StoreError);
      expect((error as StoreError).kind).toBe('unavailable');
      vi.restoreAllMocks();
      expect(await s.listForArticle(ARTICLE.id)).toEqual([saved]);
    });
  });
});

describe('notes store: writing an import', () => {
  const importedArticle = {
    ...ARTICLE,
    id: 'https://news.example/b',
    created: '2026-02-01T00:00:00.000Z',
    modified: '2026-02-01T00:00:00.000Z',
  };
  const imported = (id: string, exact: string) => ({
    ...note(exact, 0, { note: `imported ${exact}` }),
    id,
    articleId: importedArticle.id,
    created: '2026-02-01T00:00:00.000Z',
    modified: '2026-02-02T00:00:00.000Z',
  });

  it('writes every article and note of the import, which all records then lists', async () => {
    const s = await store();
    const kept = await s.saveAnnotation(ARTICLE, note('kept', 0), T1);
    await s.putRecords({
      articles: [importedArticle],
      annotations: [
        imported('00000000-0000-4000-8000-000000000001', 'one'),
        imported('00000000-0000-4000-8000-000000000002', 'two'),
      ],
    });
    const all = await s.allRecords();
    expect(all.articles.map((a) => a.id).sort()).toEqual([ARTICLE.id, importedArticle.id]);
    expect(all.annotations.map((n) => n.quote.exact).sort()).toEqual(['kept', 'one', 'two']);
    expect((await s.listForArticle(importedArticle.id)).map((n) => n.note)).toEqual([
      'imported one',
      'imported two',
    ]);
    expect(all.annotations.find((n) => n.id === kept.id)).toEqual(kept);
  });

  it('reads the newest notes that are not deleted, with their articles, for the first screen', async () => {
    const s = await store();
    const other = { ...ARTICLE, id: 'https://news.example/other' };
    const oldest = await s.saveAnnotation(ARTICLE, note('oldest', 0), T1);
    const middle = await s.saveAnnotation(other, note('middle', 0), T2);
    const newest = await s.saveAnnotation(ARTICLE, note('newest', 5), T3);
    await s.deleteAnnotation(newest.id, T3);
    const first = await s.newestRecords(2);
    expect(first.annotations).toEqual([middle, oldest]);
    expect(first.articles.map((a) => a.id).sort()).toEqual([ARTICLE.id, other.id].sort());
    expect((await s.newestRecords(1)).annotations).toEqual([middle]);
    expect((await s.newestRecords(1)).articles.map((a) => a.id)).toEqual([other.id]);
  });

  it('reads the newest notes past runs of deleted ones and notes saved at the same moment, as a note-by-note cursor would', async () => {
    const s = await store();
    const saved = [];
    // Ten notes over four moments (ties), every third one deleted, the two newest among them.
    for (let i = 0; i < 10; i++) {
      const at = new Date(T1.getTime() + Math.floor(i / 3) * 60_000);
      const id = `00000000-0000-4000-8000-${String((i * 7) % 10).padStart(12, '0')}`;
      saved.push(await s.saveAnnotation(ARTICLE, note(`n${i}`, i, { id }), at));
    }
    for (const i of [9, 8, 5, 2]) await s.deleteAnnotation((saved[i] as { id: string }).id, T1);
    const { annotations: stored } = await s.allRecords();
    // What a 'prev' cursor on the created index gives: newest first, ties by id descending.
    const expected = stored
      .filter((n) => n.deleted === undefined)
      .sort((a, b) => (a.created === b.created ? (a.id < b.id ? 1 : -1) : a.created < b.created ? 1 : -1));
    for (const limit of [1, 2, 3, 5, 6, 20]) {
      const { annotations, articles } = await s.newestRecords(limit);
      expect(annotations.map((n) => n.quote.exact)).toEqual(
        expected.slice(0, limit).map((n) => n.quote.exact),
      );
      expect(articles.map((a) => a.id)).toEqual([ARTICLE.id]);
    }
    expect(await s.newestRecords(0)).toEqual({ articles: [], annotations: [] });
  });

  it('reads one article with all its notes, deleted ones too, and nothing of other articles', async () => {
    const s = await store();
    const other = await s.saveAnnotation(
      { ...ARTICLE, id: 'https://news.example/other' },
      note('other', 0),
      T1,
    );
    const kept = await s.saveAnnotation(ARTICLE, note('kept', 0), T1);
    const gone = await s.saveAnnotation(ARTICLE, note('gone', 9), T1);
    const tombstone = await s.deleteAnnotation(gone.id, T2);
    const { article, annotations } = await s.articleRecords(ARTICLE.id);
    expect(article?.id).toBe(ARTICLE.id);
    expect(annotations.sort((a, b) => a.position.start - b.position.start)).toEqual([kept, tombstone]);
    expect(annotations.map((n) => n.id)).not.toContain(other.id);
    expect(await s.articleRecords('https://news.example/none')).toEqual({
      article: undefined,
      annotations: [],
    });
  });

  it('a failure midway (the third write refused) leaves the store exactly as it was', async () => {
    const s = await store();
    await s.saveAnnotation(ARTICLE, note('kept', 0), T1);
    const before = await s.allRecords();
    const put = IDBObjectStore.prototype.put;
    let writes = 0;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
      writes++;
      if (writes === 3) throw new DOMException('Quota exceeded', 'QuotaExceededError');
      return put.apply(this, args);
    });
    const error = await s
      .putRecords({
        articles: [importedArticle],
        annotations: [
          imported('00000000-0000-4000-8000-000000000001', 'one'),
          imported('00000000-0000-4000-8000-000000000002', 'two'),
          imported('00000000-0000-4000-8000-000000000003', 'three'),
        ],
      })
      .catch((e: unknown) => e);
    vi.restoreAllMocks();
    expect(writes).toBeGreaterThanOrEqual(3);
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).kind).toBe('quota');
    expect(await s.allRecords()).toEqual(before);
  });

  const entity = (id: string, name: string): ReaderEntry => ({
    id,
    kind: 'entity',
    type: 'person',
    names: { ar: name, en: '' },
    aliases: { ar: [], en: [] },
    description: { ar: '', en: '' },
    created: '2026-02-01T00:00:00.000Z',
    modified: '2026-02-02T00:00:00.000Z',
  });

  it('writes the reader’s dictionary entries of an import with its notes, tombstones as they are', async () => {
    const s = await store();
    const kept = await s.readerEntries.save({ kind: 'dismissed', form: 'Kept' }, T1);
    const gone = {
      ...entity('00000000-0000-4000-8000-0000000000e2', 'محذوف'),
      deleted: '2026-02-02T00:00:00.000Z',
    };
    await s.putRecords({
      articles: [importedArticle],
      annotations: [imported('00000000-0000-4000-8000-000000000001', 'one')],
      readerEntries: [entity('00000000-0000-4000-8000-0000000000e1', 'بلال حمدان'), gone],
    });
    expect((await s.allRecords()).annotations.map((n) => n.quote.exact)).toEqual(['one']);
    const byId = (xs: ReaderEntry[]) => [...xs].sort((a, b) => (a.id < b.id ? -1 : 1));
    expect(byId(await s.readerEntries.all())).toEqual(
      byId([kept, entity('00000000-0000-4000-8000-0000000000e1', 'بلال حمدان'), gone]),
    );
    expect((await s.readerEntries.live()).map((e) => e.id)).not.toContain(gone.id);
  });

  it('a failure in the last write (a reader entry) leaves the notes and the reader’s dictionary as they were', async () => {
    const s = await store();
    await s.saveAnnotation(ARTICLE, note('kept', 0), T1);
    await s.readerEntries.save({ kind: 'suppression', entityId: 'tehran', form: 'طهران', site: null }, T1);
    const before = { records: await s.allRecords(), entries: await s.readerEntries.all() };
    const put = IDBObjectStore.prototype.put;
    let failed = false;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
      if (this.name === 'readerEntries' && (args[0] as ReaderEntry).id.endsWith('e2')) {
        failed = true;
        throw new DOMException('Quota exceeded', 'QuotaExceededError');
      }
      return put.apply(this, args);
    });
    const error = await s
      .putRecords({
        articles: [importedArticle],
        annotations: [
          imported('00000000-0000-4000-8000-000000000001', 'one'),
          imported('00000000-0000-4000-8000-000000000002', 'two'),
        ],
        readerEntries: [
          entity('00000000-0000-4000-8000-0000000000e1', 'بلال حمدان'),
          entity('00000000-0000-4000-8000-0000000000e2', 'سمير'),
        ],
      })
      .catch((e: unknown) => e);
    vi.restoreAllMocks();
    expect(failed).toBe(true);
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).kind).toBe('quota');
    expect({ records: await s.allRecords(), entries: await s.readerEntries.all() }).toEqual(before);
  });
});
