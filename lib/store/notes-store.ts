// The reader's notes in IndexedDB (idb). Each operation is one transaction that has committed when
// its promise resolves: the caller shows a note as saved only then. A failure aborts the
// transaction (nothing half-written) and rejects with a StoreError in plain words.

import { type IDBPDatabase, type IDBPTransaction, openDB, type StoreNames } from 'idb';
import type { ArticleInfo } from '../notes/article-identity';
import { newRecordId } from '../notes/ids';
import type { AnnotationChanges, AnnotationRecord, ArticleRecord, NewAnnotation } from '../notes/model';
import type { ReaderEntry } from '../reader-dictionary/model';
import { StoreError, toStoreError } from './errors';
import { migrate } from './migrations';
import { ReaderEntriesStore } from './reader-entries-store';
import { DATABASE_NAME, type NotesSchema, SCHEMA_VERSION } from './schema';

type WriteTransaction<S extends StoreNames<NotesSchema>[]> = IDBPTransaction<NotesSchema, S, 'readwrite'>;
type NotesTransaction = WriteTransaction<('articles' | 'annotations')[]>;
const NOTES_STORES: ('articles' | 'annotations')[] = ['articles', 'annotations'];
/** An import writes notes and the reader's dictionary together. */
const IMPORT_STORES: ('articles' | 'annotations' | 'readerEntries')[] = [
  'articles',
  'annotations',
  'readerEntries',
];

export interface OpenOptions {
  /** Database name (tests use their own). */
  name?: string;
}

/** Opens (creating or migrating) the notes database. Rejects with a StoreError. */
export async function openNotesStore(options: OpenOptions = {}): Promise<NotesStore> {
  try {
    const db = await openDB<NotesSchema>(options.name ?? DATABASE_NAME, SCHEMA_VERSION, {
      upgrade: (database, oldVersion, _newVersion, tx) => migrate(database, oldVersion, tx),
      // Another context (an old extension page) wants a newer version: let it.
      blocking: () => db.close(),
    });
    return new NotesStore(db);
  } catch (error) {
    throw toStoreError(error);
  }
}

function nowIso(now: Date): string {
  return now.toISOString();
}

export class NotesStore {
  constructor(private readonly db: IDBPDatabase<NotesSchema>) {}

  close(): void {
    this.db.close();
  }

  /** What the reader taught the dictionary, in the same database. */
  get readerEntries(): ReaderEntriesStore {
    return new ReaderEntriesStore(this.db);
  }

  /**
   * Saves a new note and creates or refreshes its article, in one transaction. Saving the same id
   * again (a retry) keeps the note's created time.
   */
  saveAnnotation(article: ArticleInfo, input: NewAnnotation, now = new Date()): Promise<AnnotationRecord> {
    const time = nowIso(now);
    return this.write(NOTES_STORES, async (tx) => {
      await upsertArticle(tx, article, time);
      const id = input.id ?? newRecordId();
      const existing = await tx.objectStore('annotations').get(id);
      if (existing && existing.articleId !== article.id) throw new StoreError('not-found', `id ${id} in use`);
      const record: AnnotationRecord = {
        id,
        articleId: article.id,
        quote: input.quote,
        position: input.position,
        colour: input.colour,
        note: input.note,
        tags: uniqueTags(input.tags),
        entityIds: [...input.entityIds],
        created: existing?.created ?? time,
        modified: time,
      };
      await tx.objectStore('annotations').put(record);
      return record;
    });
  }

  /** Changes a note's colour, text or tags. */
  updateAnnotation(id: string, changes: AnnotationChanges, now = new Date()): Promise<AnnotationRecord> {
    return this.change(id, now, (record) => ({
      ...record,
      ...(changes.colour !== undefined && { colour: changes.colour }),
      ...(changes.note !== undefined && { note: changes.note }),
      ...(changes.tags !== undefined && { tags: uniqueTags(changes.tags) }),
    }));
  }

  /** Deletes a note, leaving a tombstone (so a later merge never brings it back). */
  deleteAnnotation(id: string, now = new Date()): Promise<AnnotationRecord> {
    return this.change(id, now, (record) => ({ ...record, deleted: nowIso(now) }), true);
  }

  /** Undoes a delete. */
  restoreAnnotation(id: string, now = new Date()): Promise<AnnotationRecord> {
    return this.change(id, now, ({ deleted: _deleted, ...record }) => record, true);
  }

  /** The article's notes (not the deleted ones), in reading order. */
  async listForArticle(articleId: string): Promise<AnnotationRecord[]> {
    try {
      const all = await this.db.getAllFromIndex('annotations', 'article', articleId);
      return all
        .filter((record) => record.deleted === undefined)
        .sort((a, b) => a.position.start - b.position.start || a.created.localeCompare(b.created));
    } catch (error) {
      throw toStoreError(error);
    }
  }

  async getArticle(id: string): Promise<ArticleRecord | undefined> {
    try {
      return await this.db.get('articles', id);
    } catch (error) {
      throw toStoreError(error);
    }
  }

  /** Every tag on a note that is not deleted, sorted, once each (for autocomplete). */
  async allTags(): Promise<string[]> {
    try {
      const tags: string[] = [];
      const index = this.db.transaction('annotations').store.index('tag');
      let cursor = await index.openCursor();
      while (cursor) {
        const tag = cursor.key;
        if (cursor.value.deleted === undefined) {
          tags.push(tag);
          // The smallest string after `tag`: skip the rest of its notes.
          cursor = await cursor.continue(`${tag}\u0000`);
        } else cursor = await cursor.continue();
      }
      return tags;
    } catch (error) {
      throw toStoreError(error);
    }
  }

  /** Every stored article and note, tombstones included (the library, export and import preview). */
  async allRecords(): Promise<{ articles: ArticleRecord[]; annotations: AnnotationRecord[] }> {
    try {
      const tx = this.db.transaction(['articles', 'annotations']);
      const [articles, annotations] = await Promise.all([
        tx.objectStore('articles').getAll(),
        tx.objectStore('annotations').getAll(),
      ]);
      return { articles, annotations };
    } catch (error) {
      throw toStoreError(error);
    }
  }

  /**
   * The `limit` newest notes that are not deleted, newest first, with their articles: the library's
   * first screen, read before the whole library. A key cursor on the `created` index jumps to the
   * `limit`-th newest key and one getAll reads everything from there up: a handful of requests, where
   * stepping a cursor note by note took one round trip per note (60–100 ms in Firefox).
   */
  async newestRecords(
    limit: number,
  ): Promise<{ articles: ArticleRecord[]; annotations: AnnotationRecord[] }> {
    try {
      const tx = this.db.transaction(['articles', 'annotations']);
      const created = tx.objectStore('annotations').index('created');
      let annotations: AnnotationRecord[] = [];
      let cursor = limit > 0 ? await created.openKeyCursor(null, 'prev') : null;
      // A quarter more than asked for: the deleted notes among them seldom need a second read.
      let step = Math.ceil(limit * 1.25) - 1;
      while (cursor !== null) {
        if (step > 0) cursor = await cursor.advance(step);
        // Ascending by time, ties by id: reversed, the order a 'prev' cursor gives.
        const read = await created.getAll(cursor === null ? undefined : IDBKeyRange.lowerBound(cursor.key));
        annotations = read.filter((n) => n.deleted === undefined).reverse();
        // Deleted notes among them: step further down by as many as are missing.
        step = limit - annotations.length;
        if (step <= 0) break;
      }
      annotations = annotations.slice(0, limit);
      const ids = [...new Set(annotations.map((n) => n.articleId))];
      const articles = await Promise.all(ids.map((id) => tx.objectStore('articles').get(id)));
      return { articles: articles.filter((a) => a !== undefined), annotations };
    } catch (error) {
      throw toStoreError(error);
    }
  }

  /** One article and every note of it, tombstones included, read together (the library's update). */
  async articleRecords(
    articleId: string,
  ): Promise<{ article: ArticleRecord | undefined; annotations: AnnotationRecord[] }> {
    try {
      const tx = this.db.transaction(['articles', 'annotations']);
      const [article, annotations] = await Promise.all([
        tx.objectStore('articles').get(articleId),
        tx.objectStore('annotations').index('article').getAll(articleId),
      ]);
      return { article, annotations };
    } catch (error) {
      throw toStoreError(error);
    }
  }

  /**
   * Writes an import's records (lib/import/preview.ts's toPut, already validated), notes and the
   * reader's dictionary entries, in one transaction over the three stores: all of them, or, when
   * anything fails, none.
   */
  putRecords(records: {
    articles: readonly ArticleRecord[];
    annotations: readonly AnnotationRecord[];
    readerEntries?: readonly ReaderEntry[];
  }): Promise<void> {
    return this.write(IMPORT_STORES, async (tx) => {
      const articles = tx.objectStore('articles');
      const annotations = tx.objectStore('annotations');
      const readerEntries = tx.objectStore('readerEntries');
      // All requests at once (10,000 notes in one go); each is watched from the start, so one that
      // fails after another threw is not left unhandled.
      let failure: { error: unknown } | null = null;
      const pending: Promise<unknown>[] = [];
      const watch = (request: Promise<unknown>) =>
        pending.push(
          request.catch((error: unknown) => {
            failure ??= { error };
          }),
        );
      for (const a of records.articles) watch(articles.put(a));
      for (const n of records.annotations) watch(annotations.put(n));
      for (const e of records.readerEntries ?? []) watch(readerEntries.put(e));
      await Promise.all(pending);
      if (failure !== null) throw (failure as { error: unknown }).error;
    });
  }

  /** Reads a note, changes it, stamps `modified` and touches its article, in one transaction. */
  private change(
    id: string,
    now: Date,
    apply: (record: AnnotationRecord) => AnnotationRecord,
    includeDeleted = false,
  ): Promise<AnnotationRecord> {
    const time = nowIso(now);
    return this.write(NOTES_STORES, async (tx) => {
      const annotations = tx.objectStore('annotations');
      const record = await annotations.get(id);
      if (!record || (record.deleted !== undefined && !includeDeleted)) throw new StoreError('not-found');
      const next = { ...apply(record), modified: time };
      await annotations.put(next);
      const article = await tx.objectStore('articles').get(record.articleId);
      if (article) await tx.objectStore('articles').put({ ...article, modified: time });
      return next;
    });
  }

  /** Runs `body` in one read-write transaction; resolves only after it committed. */
  private async write<T, S extends StoreNames<NotesSchema>[]>(
    stores: S,
    body: (tx: WriteTransaction<S>) => Promise<T>,
  ): Promise<T> {
    let tx: WriteTransaction<S>;
    try {
      tx = this.db.transaction(stores, 'readwrite');
    } catch (error) {
      throw toStoreError(error);
    }
    try {
      const result = await body(tx);
      await tx.done;
      return result;
    } catch (error) {
      try {
        tx.abort();
      } catch {
        // Already aborted or finished: nothing was committed by the failed part.
      }
      await tx.done.catch(() => undefined);
      throw toStoreError(error, tx.error);
    }
  }
}

async function upsertArticle(tx: NotesTransaction, article: ArticleInfo, time: string): Promise<void> {
  const articles = tx.objectStore('articles');
  const existing = await articles.get(article.id);
  await articles.put({ ...article, created: existing?.created ?? time, modified: time });
}

/** Tags trimmed, without empties or repeats, in the reader's order. */
function uniqueTags(tags: readonly string[]): string[] {
  const out: string[] = [];
  for (const tag of tags) {
    const clean = tag.trim();
    if (clean !== '' && !out.includes(clean)) out.push(clean);
  }
  return out;
}
