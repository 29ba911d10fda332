import { describe, expect, it } from 'vitest';
import { exportJsonLd, linkedReaderEntities } from '../../../lib/export/jsonld';
import { TERM } from '../../../lib/export/vocabulary';
import { previewImport } from '../../../lib/import/preview';
import type { AnnotationRecord, ArticleRecord } from '../../../lib/notes/model';
import type { ReaderEntry } from '../../../lib/reader-dictionary/model';
import {
  article,
  deepFreeze,
  note,
  readerEntries,
  readerNote,
  syntheticLibrary,
} from '../library/sample-library';

const NOW = new Date('2026-11-29T12:00:00.000Z');
const EMPTY = { articles: [], annotations: [] };

function withoutExportTime(text: string): unknown {
  const doc = JSON.parse(text);
  return { ...doc, id: '', generated: '', first: { ...doc.first, id: '' } };
}

const byId = <T extends { id: string }>(xs: readonly T[]) => [...xs].sort((a, b) => (a.id < b.id ? -1 : 1));

describe('backup round trip', () => {
  // Articles with no notes and deleted notes (tombstones) are in the library too.
  const lib = syntheticLibrary(40, 400);
  const articles: ArticleRecord[] = [
    ...lib.articles,
    article({ id: 'https://empty.example/a', url: 'https://empty.example/a' }),
    // readerNote()'s article.
    article(),
  ];
  const notes: AnnotationRecord[] = [...lib.notes, readerNote()];
  // The reader's dictionary: every kind, tombstones among them.
  const entries: ReaderEntry[] = readerEntries();

  it('export everything → import into an empty library → export again gives the same document', () => {
    expect(notes.some((n) => n.deleted !== undefined)).toBe(true);
    expect(new Set(entries.map((e) => e.kind))).toEqual(
      new Set(['entity', 'override', 'suppression', 'dismissed']),
    );
    expect(entries.some((e) => e.deleted !== undefined)).toBe(true);
    const first = exportJsonLd(articles, notes, NOW, entries);
    expect(JSON.parse(first.text)[TERM.readerEntries]).toHaveLength(entries.length);
    const preview = previewImport(first.text, EMPTY);
    if (!preview.ok) throw new Error(preview.error);
    expect(preview.invalid).toEqual([]);
    expect(preview.warnings).toEqual([]);
    expect(preview.notes).toEqual({ new: notes.length, updated: 0, unchanged: 0, invalid: 0 });
    expect(preview.articles).toEqual({ new: articles.length, updated: 0, unchanged: 0, invalid: 0 });
    expect(preview.readerEntries).toEqual({ new: entries.length, updated: 0, unchanged: 0, invalid: 0 });
    // The records to write are the records exported, field for field.
    expect(byId(preview.toPut.annotations)).toEqual(byId(notes));
    expect(byId(preview.toPut.articles)).toEqual(byId(articles));
    expect(byId(preview.toPut.readerEntries)).toEqual(byId(entries));
    const again = exportJsonLd(
      preview.toPut.articles,
      preview.toPut.annotations,
      new Date('2027-03-01T00:00:00Z'),
      preview.toPut.readerEntries,
    );
    expect(withoutExportTime(again.text)).toEqual(withoutExportTime(first.text));
  });

  it('an empty library exports and imports as an empty collection', () => {
    const file = exportJsonLd([], [], NOW, []);
    expect(JSON.parse(file.text)).toMatchObject({ total: 0, first: { items: [] }, [TERM.readerEntries]: [] });
    const preview = previewImport(file.text, EMPTY);
    if (!preview.ok) throw new Error(preview.error);
    expect(preview.toPut).toEqual({ articles: [], annotations: [], readerEntries: [] });
    expect(preview.notes).toEqual({ new: 0, updated: 0, unchanged: 0, invalid: 0 });
  });

  it('importing the same file into the library it came from changes nothing', () => {
    const stored = deepFreeze({
      articles: structuredClone(articles),
      annotations: structuredClone(notes),
      readerEntries: structuredClone(entries),
    });
    const before = JSON.stringify(stored);
    const preview = previewImport(exportJsonLd(articles, notes, NOW, entries).text, stored);
    if (!preview.ok) throw new Error(preview.error);
    expect(preview.toPut).toEqual({ articles: [], annotations: [], readerEntries: [] });
    expect(preview.notes).toEqual({ new: 0, updated: 0, unchanged: notes.length, invalid: 0 });
    expect(preview.readerEntries).toEqual({ new: 0, updated: 0, unchanged: entries.length, invalid: 0 });
    expect(JSON.stringify(stored)).toBe(before);
  });

  it('the newer modified time wins, either way; a tie keeps the stored note', () => {
    const base = note();
    const older = { ...base, note: 'old', modified: '2026-11-01T00:00:00.000Z' };
    const newer = { ...base, note: 'new', modified: '2026-11-10T00:00:00.000Z' };
    const tie = { ...base, note: 'other', modified: older.modified };
    const file = (n: AnnotationRecord) => exportJsonLd([article()], [n], NOW).text;
    const run = (incoming: AnnotationRecord, stored: AnnotationRecord) => {
      const p = previewImport(file(incoming), { articles: [article()], annotations: deepFreeze([stored]) });
      if (!p.ok) throw new Error(p.error);
      return p;
    };
    const up = run(newer, older);
    expect(up.notes.updated).toBe(1);
    expect(up.toPut.annotations).toEqual([newer]);
    const down = run(older, newer);
    expect(down.notes.unchanged).toBe(1);
    expect(down.toPut.annotations).toEqual([]);
    const same = run(tie, older);
    expect(same.toPut.annotations).toEqual([]);
    expect(same.warnings.map((w) => w.reason)).toEqual([
      'differs from the stored note but has the same modified time; the stored one is kept',
    ]);
  });

  it('a newer tombstone deletes the stored note; an older one does not resurrect or delete', () => {
    const live = note({ modified: '2026-11-05T00:00:00.000Z' });
    const gone = note({ modified: '2026-11-06T00:00:00.000Z', deleted: '2026-11-06T00:00:00.000Z' });
    const p = previewImport(exportJsonLd([article()], [gone], NOW).text, {
      articles: [article()],
      annotations: [live],
    });
    if (!p.ok) throw new Error(p.error);
    expect(p.toPut.annotations).toEqual([gone]);
    const q = previewImport(exportJsonLd([article()], [live], NOW).text, {
      articles: [article()],
      annotations: [gone],
    });
    if (!q.ok) throw new Error(q.error);
    expect(q.toPut.annotations).toEqual([]);
  });
});

describe('the reader’s dictionary in a backup', () => {
  const [entity, , override, , suppression] = readerEntries() as [
    ReaderEntry,
    ReaderEntry,
    ReaderEntry,
    ReaderEntry,
    ReaderEntry,
  ];
  const file = (entries: ReaderEntry[]) => exportJsonLd([], [], NOW, entries).text;
  const run = (entries: ReaderEntry[], stored: ReaderEntry[]) => {
    const p = previewImport(file(entries), { ...EMPTY, readerEntries: deepFreeze(stored) });
    if (!p.ok) throw new Error(p.error);
    return p;
  };

  it('the newer modified time wins, either way; a tie keeps the stored entry', () => {
    const older = { ...override, modified: '2026-11-01T00:00:00.000Z' } as ReaderEntry;
    const newer = { ...override, type: 'person', modified: '2026-11-10T00:00:00.000Z' } as ReaderEntry;
    const up = run([newer], [older]);
    expect(up.readerEntries).toEqual({ new: 0, updated: 1, unchanged: 0, invalid: 0 });
    expect(up.toPut.readerEntries).toEqual([newer]);
    const down = run([older], [newer]);
    expect(down.readerEntries.unchanged).toBe(1);
    expect(down.toPut.readerEntries).toEqual([]);
    const tie = run([{ ...newer, modified: older.modified } as ReaderEntry], [older]);
    expect(tie.toPut.readerEntries).toEqual([]);
    expect(tie.warnings.map((w) => w.reason)).toEqual([
      'differs from the stored entry but has the same modified time; the stored one is kept',
    ]);
  });

  it('a newer tombstone deletes the stored entry; an older one neither deletes nor resurrects', () => {
    const live = { ...suppression, modified: '2026-11-05T00:00:00.000Z' };
    const gone = {
      ...suppression,
      modified: '2026-11-06T00:00:00.000Z',
      deleted: '2026-11-06T00:00:00.000Z',
    };
    expect(run([gone], [live]).toPut.readerEntries).toEqual([gone]);
    expect(run([live], [gone]).toPut.readerEntries).toEqual([]);
  });

  it('the same id twice in one file keeps the newer and reports the other', () => {
    const newer = { ...entity, modified: '2026-12-01T00:00:00.000Z' };
    const p = run([entity, newer], []);
    expect(p.toPut.readerEntries).toEqual([newer]);
    expect(p.readerEntries).toEqual({ new: 1, updated: 0, unchanged: 0, invalid: 1 });
    expect(p.invalid.map((x) => x.reason)).toEqual([
      `the same id as dictionary entry 2 (${entity.id}) in this file; the newer one is kept`,
    ]);
  });

  it('an id the store gives to an entry of another kind is reported, not written', () => {
    const p = run([{ ...suppression, id: entity.id }], [entity]);
    expect(p.toPut.readerEntries).toEqual([]);
    expect(p.readerEntries.invalid).toBe(1);
    expect(p.invalid[0]?.reason).toBe('its id belongs to a stored entity entry, not to a suppression one');
  });

  it('a filtered export carries only the reader’s entities its notes link to, never a tombstone', () => {
    const all = readerEntries();
    const linked = linkedReaderEntities(all, [readerNote(), note()]);
    expect(linked.map((e) => e.id)).toEqual([entity.id]);
    expect(linkedReaderEntities(all, [{ ...readerNote(), deleted: '2026-11-01T00:00:00.000Z' }])).toEqual([]);
    const deletedEntity = { ...entity, deleted: '2026-11-01T00:00:00.000Z' };
    expect(linkedReaderEntities([deletedEntity], [readerNote()])).toEqual([]);
  });
});
