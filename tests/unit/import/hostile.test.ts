import { describe, expect, it } from 'vitest';
import { exportJsonLd } from '../../../lib/export/jsonld';
import { TERM } from '../../../lib/export/vocabulary';
import { MAX_IMPORT_BYTES, MAX_READER_ENTRIES } from '../../../lib/import/limits';
import { type ImportPreview, previewImport } from '../../../lib/import/preview';
import type { ImportFailure } from '../../../lib/import/read';
import type { AnnotationRecord } from '../../../lib/notes/model';
import { article, deepFreeze, note, readerEntries, syntheticLibrary } from '../library/sample-library';

const NOW = new Date('2026-11-29T12:00:00.000Z');
const lib = syntheticLibrary(5, 20);
// What is already stored: frozen, so any write to it throws; compared before and after.
const STORED = deepFreeze({
  articles: structuredClone(lib.articles),
  annotations: structuredClone(lib.notes),
});
const STORED_TEXT = JSON.stringify(STORED);

function run(text: string): ImportPreview | ImportFailure {
  const p = previewImport(text, STORED, { now: NOW });
  expect(JSON.stringify(STORED)).toBe(STORED_TEXT);
  return p;
}

function ok(text: string): ImportPreview {
  const p = run(text);
  if (!p.ok) throw new Error(p.error);
  return p;
}

function refused(text: string): string {
  const p = run(text);
  if (p.ok) throw new Error('accepted');
  return p.error;
}

/** Our own backup of one note, as an object to tamper with. */
function backup(n: AnnotationRecord = note()) {
  return JSON.parse(exportJsonLd([article()], [n], NOW).text);
}

describe('hostile and broken import files', () => {
  it('truncated JSON is refused in plain words', () => {
    const text = exportJsonLd(lib.articles, lib.notes, NOW).text;
    expect(refused(text.slice(0, text.length / 2))).toMatch(
      /^This file is not valid JSON .*cut short.*Nothing was imported\.$/,
    );
  });

  it('JSON that is not annotations is refused', () => {
    expect(refused('42')).toMatch(/not an object or a list/);
    expect(refused('{"hello": "world"}')).toMatch(
      /neither a Hashiya backup, nor W3C Web Annotations, nor a Hypothesis export/,
    );
    const damaged = backup();
    delete damaged.first;
    expect(refused(JSON.stringify(damaged))).toMatch(/^This Hashiya backup is damaged \(first: /);
  });

  it('a file over 50 MB is refused before it is parsed', () => {
    const huge = `[${' '.repeat(MAX_IMPORT_BYTES)}]`;
    const t = performance.now();
    expect(refused(huge)).toBe(
      'This file is 50.0 MB; Hashiya imports files up to 50 MB. Nothing was imported.',
    );
    expect(performance.now() - t).toBeLessThan(1000); // refused without parsing (a generous bound, not a benchmark)
    // Multi-byte text counts in bytes: 20 M Arabic characters are 40 MB of UTF-8, 30 M are 60 MB.
    expect(refused(`["${'ب'.repeat(30_000_000)}"]`)).toMatch(/^This file is 57\.2 MB/);
  });

  it('wrong types make that note invalid, with where and why; the rest still imports', () => {
    const doc = backup();
    const good = doc.first.items[0];
    const broken = structuredClone(good);
    broken.id = 'urn:uuid:aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';
    broken.target.selector[1].start = 'ten';
    broken['hashiya:colour'] = 'red';
    doc.first.items.push(broken, 'not an annotation', null);
    const p = ok(JSON.stringify(doc));
    expect(p.notes.new + p.notes.updated + p.notes.unchanged).toBe(1);
    expect(p.notes.invalid).toBe(3);
    expect(p.invalid[0]).toEqual({
      item: 'note 2 (urn:uuid:aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa)',
      reason: 'hashiya:colour: not one of the colours yellow, green, blue, pink, purple',
    });
    // A damaged position alone: the note keeps its quote, and the position is reported.
    delete broken['hashiya:colour'];
    doc.first.items = [broken];
    const q = ok(JSON.stringify(doc));
    expect(q.toPut.annotations.map((n) => n.position)).toEqual([
      { type: 'TextPositionSelector', start: 0, end: 36 },
    ]);
    expect(q.warnings[0]?.reason).toBe(
      'TextPositionSelector: start: Invalid type: Expected number but received "ten" was not used; the quoted text is',
    );
  });

  it('unknown fields are dropped: records carry exactly the model’s fields, prototypes untouched', () => {
    const doc = backup();
    const item = doc.first.items[0];
    item.extra = { lots: 'of data' };
    item.target.extra = 1;
    item.target.selector[0].extra = 2;
    doc['hashiya:articles'][0].tracking = 'x';
    const text = JSON.stringify(doc).replace(
      '"extra":{"lots":"of data"}',
      '"extra":1,"__proto__":{"polluted":true}',
    );
    const p = ok(text);
    const n = p.toPut.annotations[0];
    expect(Object.keys(n ?? {}).sort()).toEqual(Object.keys(note()).sort());
    expect(Object.keys(n?.quote ?? {}).sort()).toEqual(['exact', 'prefix', 'suffix', 'type']);
    expect(Object.keys(p.toPut.articles[0] ?? {}).sort()).toEqual(Object.keys(article()).sort());
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('<script> and <img onerror> stay the exact text they were', () => {
    const evil = '<script>alert(document.cookie)</script><img src=x onerror="alert(1)">';
    const p = ok(
      exportJsonLd([article({ title: evil })], [note({ note: evil, tags: [evil.slice(0, 40)] })], NOW).text,
    );
    expect(p.toPut.annotations[0]?.note).toBe(evil);
    expect(p.toPut.annotations[0]?.tags).toEqual([evil.slice(0, 40)]);
    expect(p.toPut.articles[0]?.title).toBe(evil);
  });

  it('very long strings are refused with the limit named', () => {
    const long = note({ note: 'ا'.repeat(100_001) });
    const p = ok(exportJsonLd([article()], [long], NOW).text);
    expect(p.notes.invalid).toBe(1);
    expect(p.invalid[0]?.reason).toBe('body.0.value: the note is longer than 100,000 characters');
    const title = ok(exportJsonLd([article({ title: 'x'.repeat(5000) })], [note()], NOW).text);
    expect(title.invalid).toEqual([
      {
        item: 'article 1 (https://news.example/2026/albania-iran)',
        reason: 'title: the title is longer than 2,000 characters',
      },
    ]);
    // The note still imports, under an article rebuilt from it.
    expect(title.toPut.annotations).toHaveLength(1);
  });

  it('positions past any page, negative or backwards are refused', () => {
    for (const [start, end, reason] of [
      [1e12, 1e12 + 5, 'past any page'],
      [-5, 3, 'negative'],
      [50, 10, 'the position ends before it starts'],
      [1.5, 3, 'not a whole number'],
    ] as const) {
      const doc = backup();
      Object.assign(doc.first.items[0].target.selector[1], { start, end });
      const p = ok(JSON.stringify(doc));
      expect(p.notes.new).toBe(1); // the quote is kept; the bad position is reported
      expect(p.warnings[0]?.reason).toContain(reason);
    }
  });

  it('the same id twice in one file: the newer is kept, the other reported', () => {
    const older = note({ note: 'older', modified: '2026-11-01T10:00:00.000Z' });
    const newer = note({ note: 'newer', modified: '2026-11-02T10:00:00.000Z' });
    const doc = backup(older);
    doc.first.items.push(backup(newer).first.items[0]);
    const p = ok(JSON.stringify(doc));
    expect(p.toPut.annotations.map((n) => n.note)).toEqual(['newer']);
    expect(p.notes.invalid).toBe(1);
    expect(p.invalid[0]?.reason).toBe(
      `the same id as note 2 (urn:uuid:${older.id}) in this file; the newer one is kept`,
    );
  });
});

describe('hostile and broken reader-dictionary entries in a backup', () => {
  /** A backup of one note and every kind of reader entry, as an object to tamper with. */
  const withEntries = () => JSON.parse(exportJsonLd([article()], [note()], NOW, readerEntries()).text);
  const [entity] = readerEntries();

  it('each malformed entry is invalid with where and why, never written; the rest still imports', () => {
    const doc = withEntries();
    const bad = (n: number, change: Record<string, unknown>) => ({
      ...structuredClone(entity),
      id: `bad00000-0000-4000-8000-00000000000${n}`,
      ...change,
    });
    doc[TERM.readerEntries].push(
      bad(1, { kind: 'planet' }),
      bad(2, { type: 'god' }),
      bad(3, { names: { ar: ' ', en: '' } }),
      bad(4, { id: 'not-a-uuid' }),
      bad(5, { modified: 'yesterday' }),
      bad(6, { aliases: { ar: ['x'.repeat(2001)], en: [] } }),
      bad(7, { kind: 'suppression', entityId: 'Tehran!', form: 'طهران', site: null }),
      bad(8, { kind: 'suppression', entityId: 'tehran', form: 'طهران', site: 'a site/<script>' }),
      bad(9, { kind: 'dismissed', form: '' }),
      'not an entry',
      null,
    );
    const p = ok(JSON.stringify(doc));
    const good = readerEntries().length;
    expect(p.readerEntries).toEqual({ new: good, updated: 0, unchanged: 0, invalid: 11 });
    expect(p.toPut.readerEntries.map((e) => e.id).sort()).toEqual(
      readerEntries()
        .map((e) => e.id)
        .sort(),
    );
    const reasons = p.invalid.map((x) => `${x.item}: ${x.reason}`);
    expect(reasons).toHaveLength(11);
    expect(reasons[0]).toMatch(/^dictionary entry 9 \(bad00000-0000-4000-8000-000000000001\): kind: /);
    expect(reasons[1]).toMatch(/type: not one of the types person, organisation/);
    expect(reasons[2]).toMatch(/names: no name in either language$/);
    expect(reasons[3]).toMatch(/^dictionary entry 12 \(not-a-uuid\): id: not an entry id \(a UUID\)$/);
    expect(reasons[4]).toMatch(/modified: not an ISO 8601 time$/);
    expect(reasons[5]).toMatch(/aliases\.ar\.0: longer than 2000 characters$/);
    expect(reasons[6]).toMatch(/entityId: not an entity id$/);
    expect(reasons[7]).toMatch(/site: not a hostname$/);
    expect(reasons[8]).toMatch(/form: an empty form$/);
    expect(reasons[9]).toMatch(/^dictionary entry 18: /);
    // The notes of the same file are not held back by broken entries.
    expect(p.notes.new).toBe(1);
  });

  it('a date that is no real day, and unknown fields, are handled like the notes’', () => {
    const doc = withEntries();
    doc[TERM.readerEntries][0].modified = '2026-02-30T25:00:00Z';
    doc[TERM.readerEntries][1].tracking = { lots: 'of data' };
    const text = JSON.stringify(doc).replace('"tracking":', '"__proto__":{"polluted":true},"tracking":');
    const p = ok(text);
    expect(p.readerEntries.invalid).toBe(1);
    const kept = p.toPut.readerEntries.find((e) => e.id === readerEntries()[1]?.id);
    expect(Object.keys(kept ?? {}).sort()).toEqual(Object.keys(readerEntries()[1] ?? {}).sort());
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('<script> in a name stays the exact text it was', () => {
    const doc = withEntries();
    const evil = '<img src=x onerror="alert(1)">';
    doc[TERM.readerEntries][0].names.en = evil;
    const p = ok(JSON.stringify(doc));
    const e = p.toPut.readerEntries.find((x) => x.kind === 'entity' && x.deleted === undefined);
    expect(e?.kind === 'entity' && e.names.en).toBe(evil);
  });

  it('a list that is not a list, or longer than the limit, refuses the whole file', () => {
    const doc = withEntries();
    doc[TERM.readerEntries] = { entity: 1 };
    expect(refused(JSON.stringify(doc))).toMatch(
      /^This Hashiya backup is damaged \(hashiya:readerEntries: .+\)\. Nothing was imported\.$/,
    );
    doc[TERM.readerEntries] = new Array(MAX_READER_ENTRIES + 1).fill(0);
    expect(refused(JSON.stringify(doc))).toBe(
      'This Hashiya backup is damaged (hashiya:readerEntries: more than 50,000 entries of your dictionary). Nothing was imported.',
    );
  });

  it('other tools’ files carry no reader entries, whatever key they use', () => {
    const doc = withEntries();
    doc['@context'] = 'http://www.w3.org/ns/anno.jsonld';
    const p = ok(JSON.stringify(doc));
    expect(p.format).toBe('w3c');
    expect(p.toPut.readerEntries).toEqual([]);
  });
});
