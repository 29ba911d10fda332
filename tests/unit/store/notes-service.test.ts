import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { ArticleInfo } from '@/lib/notes/article-identity';
import type { NewAnnotation } from '@/lib/notes/model';
import { StoreError } from '@/lib/store/errors';
import { notesHandlers, reopening } from '@/lib/store/notes-service';
import { openNotesStore } from '@/lib/store/notes-store';

let counter = 0;
const ARTICLE: ArticleInfo = {
  id: 'https://news.example/a',
  url: 'https://news.example/a',
  title: 't',
  site: 's',
  byline: '',
  lang: '',
  excerpt: '',
};
const NOTE: NewAnnotation = {
  quote: { type: 'TextQuoteSelector', exact: 'إيران', prefix: '', suffix: '' },
  position: { type: 'TextPositionSelector', start: 3, end: 8 },
  colour: 'blue',
  note: 'ملاحظة',
  tags: ['سياسة'],
  entityIds: ['iran'],
};

describe('notes handlers', () => {
  it('save, list, tags, update, delete and undo, each reported as a change once committed', async () => {
    const name = `service-${counter++}`;
    const changes: string[] = [];
    const handlers = notesHandlers(
      reopening(() => openNotesStore({ name })),
      ({ articleId, note }) => changes.push(`${articleId} ${note.note} ${note.deleted ? 'deleted' : 'live'}`),
    );
    const saved = await handlers['save-note']({ article: ARTICLE, note: NOTE });
    expect(await handlers['list-notes']({ articleId: ARTICLE.id })).toEqual([saved]);
    expect(await handlers['list-tags'](undefined)).toEqual(['سياسة']);
    await handlers['update-note']({ id: saved.id, changes: { note: 'معدلة' } });
    await handlers['delete-note']({ id: saved.id });
    expect(await handlers['list-notes']({ articleId: ARTICLE.id })).toEqual([]);
    await handlers['undo-delete-note']({ id: saved.id });
    expect(changes).toEqual([
      `${ARTICLE.id} ملاحظة live`,
      `${ARTICLE.id} معدلة live`,
      `${ARTICLE.id} معدلة deleted`,
      `${ARTICLE.id} معدلة live`,
    ]);
  });

  it('reports a failed open in words and opens again on the next request', async () => {
    const name = `service-${counter++}`;
    let attempts = 0;
    const handlers = notesHandlers(
      reopening(() => {
        attempts++;
        return attempts === 1 ? Promise.reject(new StoreError('unavailable')) : openNotesStore({ name });
      }),
    );
    await expect(handlers['list-tags'](undefined)).rejects.toThrow(/could not write to Hashiya’s storage/);
    expect(await handlers['list-tags'](undefined)).toEqual([]);
    expect(attempts).toBe(2);
  });

  it('tells nobody about a change that did not commit', async () => {
    const name = `service-${counter++}`;
    const changes: unknown[] = [];
    const handlers = notesHandlers(
      reopening(() => openNotesStore({ name })),
      (change) => changes.push(change),
    );
    await expect(
      handlers['update-note']({ id: '3f1c2a9e-1b2c-4d5e-8f90-0a1b2c3d4e5f', changes: { note: 'x' } }),
    ).rejects.toMatchObject({ kind: 'not-found' });
    expect(changes).toEqual([]);
  });
});
