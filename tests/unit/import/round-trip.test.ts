import { describe, expect, it } from 'vitest';
import { exportJsonLd } from '../../../lib/export/jsonld';
import { previewImport } from '../../../lib/import/preview';
import type { AnnotationRecord, ArticleRecord } from '../../../lib/notes/model';
import { article, deepFreeze, note, syntheticLibrary } from '../library/sample-library';

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
  ];
  const notes: AnnotationRecord[] = lib.notes;

  it('export everything → import into an empty library → export again gives the same document', () => {
    expect(notes.some((n) => n.deleted !== undefined)).toBe(true);
    const first = exportJsonLd(articles, notes, NOW);
    const preview = previewImport(first.text, EMPTY);
    if (!preview.ok) throw new Error(preview.error);
    expect(preview.invalid).toEqual([]);
    expect(preview.warnings).toEqual([]);
    expect(preview.notes).toEqual({ new: notes.length, updated: 0, unchanged: 0, invalid: 0 });
    expect(preview.articles).toEqual({ new: articles.length, updated: 0, unchanged: 0, invalid: 0 });
    // The records to write are the records exported, field for field.
    expect(byId(preview.toPut.annotations)).toEqual(byId(notes));
    expect(byId(preview.toPut.articles)).toEqual(byId(articles));
    const again = exportJsonLd(
      preview.toPut.articles,
      preview.toPut.annotations,
      new Date('2027-03-01T00:00:00Z'),
    );
    expect(withoutExportTime(again.text)).toEqual(withoutExportTime(first.text));
  });

  it('an empty library exports and imports as an empty collection', () => {
    const file = exportJsonLd([], [], NOW);
    expect(JSON.parse(file.text)).toMatchObject({ total: 0, first: { items: [] } });
    const preview = previewImport(file.text, EMPTY);
    if (!preview.ok) throw new Error(preview.error);
    expect(preview.toPut).toEqual({ articles: [], annotations: [] });
    expect(preview.notes).toEqual({ new: 0, updated: 0, unchanged: 0, invalid: 0 });
  });

  it('importing the same file into the library it came from changes nothing', () => {
    const stored = deepFreeze({ articles: structuredClone(articles), annotations: structuredClone(notes) });
    const before = JSON.stringify(stored);
    const preview = previewImport(exportJsonLd(articles, notes, NOW).text, stored);
    if (!preview.ok) throw new Error(preview.error);
    expect(preview.toPut).toEqual({ articles: [], annotations: [] });
    expect(preview.notes).toEqual({ new: 0, updated: 0, unchanged: notes.length, invalid: 0 });
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
