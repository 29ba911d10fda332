import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { NewReaderEntry } from '@/lib/reader-dictionary/model';
import { openNotesStore } from '@/lib/store/notes-store';
import { readerDictionaryHandlers } from '@/lib/store/reader-dictionary-service';

let counter = 0;
const open = () => openNotesStore({ name: `reader-entries-${counter++}` });

const MAYOR: NewReaderEntry = {
  kind: 'entity',
  type: 'person',
  names: { ar: 'بلال حمدان', en: '' },
  aliases: { ar: [], en: [] },
  description: { ar: '', en: '' },
};

describe('the reader’s dictionary entries', () => {
  it('saves an entity, edits it under the same id keeping when it was made, and lists it', async () => {
    const store = (await open()).readerEntries;
    const saved = await store.save(MAYOR, new Date('2026-03-01T10:00:00Z'));
    expect(saved.id).toMatch(/^[0-9a-f-]{36}$/);
    const edited = await store.save(
      { ...MAYOR, id: saved.id, names: { ar: 'بلال حمدان', en: 'Bilal Hamdan' } },
      new Date('2026-03-02T10:00:00Z'),
    );
    expect(edited.created).toBe('2026-03-01T10:00:00.000Z');
    expect(edited.modified).toBe('2026-03-02T10:00:00.000Z');
    expect(await store.live()).toEqual([edited]);
  });

  it('deletes with a tombstone that is not listed but kept, and undoes it', async () => {
    const store = (await open()).readerEntries;
    const kept = await store.save({ kind: 'dismissed', form: 'Possible Name' });
    const gone = await store.save({ kind: 'suppression', entityId: 'jordan', form: 'Jordan', site: null });
    const tombstone = await store.delete(gone.id);
    expect(tombstone.deleted).toBeDefined();
    expect(await store.live()).toEqual([kept]);
    expect((await store.all()).map((e) => e.id).sort()).toEqual([kept.id, gone.id].sort());
    const back = await store.restore(gone.id);
    expect(back.deleted).toBeUndefined();
    expect((await store.live()).map((e) => e.id)).toEqual([kept.id, gone.id]);
  });

  it('refuses, in words, an id in use by another kind of entry and a change to one that does not exist', async () => {
    const store = (await open()).readerEntries;
    const saved = await store.save(MAYOR);
    await expect(store.save({ kind: 'dismissed', form: 'x', id: saved.id })).rejects.toMatchObject({
      kind: 'not-found',
    });
    await expect(store.delete('11111111-2222-4333-8444-555555555555')).rejects.toThrow(
      /dictionary change no longer exists/,
    );
    expect(await store.live()).toEqual([saved]);
  });

  it('tells of each committed change, and of none that failed', async () => {
    const store = await open();
    const told: string[] = [];
    const handlers = readerDictionaryHandlers(
      async () => store,
      (entry) => told.push(`${entry.kind} ${entry.deleted ? 'deleted' : 'live'}`),
    );
    const saved = await handlers['save-reader-entry']({ entry: MAYOR });
    await handlers['delete-reader-entry']({ id: saved.id });
    await handlers['undo-delete-reader-entry']({ id: saved.id });
    await expect(
      handlers['delete-reader-entry']({ id: '11111111-2222-4333-8444-555555555555' }),
    ).rejects.toThrow();
    expect(told).toEqual(['entity live', 'entity deleted', 'entity live']);
    expect(await handlers['list-reader-entries'](undefined)).toHaveLength(1);
  });
});
