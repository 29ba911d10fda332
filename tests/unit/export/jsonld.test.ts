import { describe, expect, it } from 'vitest';
import { exportJsonLd, type HashiyaCollection } from '../../../lib/export/jsonld';
import { ANNO_CONTEXT, HASHIYA_NS, TERM } from '../../../lib/export/vocabulary';
import type { ReaderEntry } from '../../../lib/reader-dictionary/model';
import { article, note, readerEntries, syntheticLibrary } from '../library/sample-library';

const NOW = new Date('2026-11-29T12:00:00.000Z');

// Terms of the W3C Web Annotation vocabulary (https://www.w3.org/TR/annotation-vocab/) the file uses.
const W3C_TERMS = new Set([
  '@context',
  'id',
  'type',
  'label',
  'total',
  'first',
  'items',
  'startIndex',
  'generated',
  'motivation',
  'created',
  'modified',
  'body',
  'target',
  'source',
  'selector',
  'exact',
  'prefix',
  'suffix',
  'start',
  'end',
  'value',
  'purpose',
  'format',
]);
const MOTIVATIONS = new Set([
  'assessing',
  'bookmarking',
  'classifying',
  'commenting',
  'describing',
  'editing',
  'highlighting',
  'identifying',
  'linking',
  'moderating',
  'questioning',
  'replying',
  'tagging',
]);
const XSD_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const IRI = /^[a-z][a-z0-9+.-]*:\S+$/i;

/** The W3C model's requirements for an Annotation (§3.1–3.2, §4.2.4 and §4.2.6 selectors). */
function w3cProblems(a: Record<string, unknown>, where: string): string[] {
  const problems: string[] = [];
  const need = (ok: boolean, what: string) => {
    if (!ok) problems.push(`${where}: ${what}`);
  };
  need(typeof a.id === 'string' && IRI.test(a.id), 'id must be an IRI');
  need(a.type === 'Annotation', 'type must be Annotation');
  need(a.target !== undefined, 'target is required');
  need(typeof a.motivation === 'string' && MOTIVATIONS.has(a.motivation), 'motivation from the W3C list');
  for (const key of ['created', 'modified'])
    need(typeof a[key] === 'string' && XSD_DATETIME.test(a[key] as string), `${key} must be xsd:dateTime`);
  for (const b of (a.body as Record<string, unknown>[] | undefined) ?? []) {
    need(b.type === 'TextualBody' && typeof b.value === 'string', 'a body is a TextualBody with a value');
    need(typeof b.purpose === 'string' && MOTIVATIONS.has(b.purpose), 'body purpose from the W3C list');
  }
  const target = a.target as { source?: unknown; selector?: Record<string, unknown>[] };
  need(typeof target.source === 'string' && IRI.test(target.source), 'target source must be an IRI');
  for (const s of target.selector ?? []) {
    if (s.type === 'TextQuoteSelector') need(typeof s.exact === 'string', 'TextQuoteSelector needs exact');
    else if (s.type === 'TextPositionSelector')
      need(
        Number.isInteger(s.start) &&
          Number.isInteger(s.end) &&
          (s.start as number) >= 0 &&
          (s.end as number) >= (s.start as number),
        'TextPositionSelector needs start ≤ end, non-negative integers',
      );
    else problems.push(`${where}: unexpected selector ${String(s.type)}`);
  }
  return problems;
}

/** Keys that are neither W3C terms nor under the documented extension prefix. */
function unknownTerms(x: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(x)) for (const y of x) unknownTerms(y, found);
  else if (typeof x === 'object' && x !== null)
    for (const [k, y] of Object.entries(x)) {
      if (k.startsWith('hashiya:')) continue; // extension values are documented in docs/EXPORT-FORMAT.md
      if (!W3C_TERMS.has(k) && k !== 'hashiya') found.add(k);
      if (k !== '@context') unknownTerms(y, found);
    }
  return found;
}

describe('W3C Web Annotation JSON-LD export', () => {
  const lib = syntheticLibrary(20, 200);
  const file = exportJsonLd(lib.articles, lib.notes, NOW, readerEntries());
  const doc = JSON.parse(file.text) as HashiyaCollection;

  it('is named by the day and typed as JSON-LD', () => {
    expect(file.fileName).toMatch(/^hashiya-\d{4}-\d{2}-\d{2}\.jsonld$/);
    expect(file.mimeType).toBe('application/ld+json');
  });

  it('is an AnnotationCollection with the standard context and its first page embedded', () => {
    expect(doc['@context'][0]).toBe(ANNO_CONTEXT);
    expect(doc['@context'][1]).toEqual({
      hashiya: HASHIYA_NS,
      [TERM.articles]: { '@type': '@json' },
      [TERM.readerEntries]: { '@type': '@json' },
    });
    expect(doc.type).toBe('AnnotationCollection');
    expect(doc.id).toMatch(IRI);
    expect(doc.first.type).toBe('AnnotationPage');
    expect(doc.first.id).toMatch(IRI);
    const live = lib.notes.filter((n) => n.deleted === undefined);
    expect(doc.total).toBe(live.length);
    expect(doc.first.items).toHaveLength(live.length);
  });

  it('every annotation meets the W3C model’s required fields', () => {
    const problems = [...doc.first.items, ...doc['hashiya:tombstones']].flatMap((a, k) =>
      w3cProblems(a as unknown as Record<string, unknown>, `annotation ${k}`),
    );
    expect(problems).toEqual([]);
  });

  it('uses only W3C terms, and the extension prefix for the rest', () => {
    expect([...unknownTerms(doc)]).toEqual([]);
  });

  it('carries every field of a note: both selectors, note, tags, colour, entities, times', () => {
    const n = note({ note: 'سطر أول\nسطر ثانٍ', tags: ['ألبانيا', 'follow up'], colour: 'blue' });
    const a = article();
    const one = JSON.parse(exportJsonLd([a], [n], NOW).text) as HashiyaCollection;
    expect(one.first.items[0]).toEqual({
      id: `urn:uuid:${n.id}`,
      type: 'Annotation',
      motivation: 'commenting',
      created: n.created,
      modified: n.modified,
      body: [
        { type: 'TextualBody', value: 'سطر أول\nسطر ثانٍ', format: 'text/plain', purpose: 'commenting' },
        { type: 'TextualBody', value: 'ألبانيا', purpose: 'tagging' },
        { type: 'TextualBody', value: 'follow up', purpose: 'tagging' },
      ],
      target: { source: a.url, selector: [n.quote, n.position] },
      'hashiya:article': a.id,
      'hashiya:colour': 'blue',
      'hashiya:entities': n.entityIds,
    });
    expect(one['hashiya:articles']).toEqual([a]);
  });

  it('keeps deleted notes as tombstones outside the page other tools read', () => {
    const gone = note({ id: '11111111-2222-4333-8444-555555555555', deleted: '2026-11-03T00:00:00.000Z' });
    const one = JSON.parse(exportJsonLd([article()], [note(), gone], NOW).text) as HashiyaCollection;
    expect(one.first.items.map((a) => a.id)).toEqual([`urn:uuid:${note().id}`]);
    expect(one['hashiya:tombstones']).toHaveLength(1);
    expect(one['hashiya:tombstones'][0]?.['hashiya:deleted']).toBe('2026-11-03T00:00:00.000Z');
  });

  it('a plain highlight has no body and the highlighting motivation', () => {
    const one = JSON.parse(
      exportJsonLd([article()], [note({ note: '', tags: [] })], NOW).text,
    ) as HashiyaCollection;
    expect(one.first.items[0]?.motivation).toBe('highlighting');
    expect(one.first.items[0]).not.toHaveProperty('body');
  });

  it('carries the reader’s dictionary entries as stored, tombstones too: entities, corrections, suppressions, dismissed proposals, each kind oldest first', () => {
    const entries = readerEntries();
    // A field a record may carry at run time is not written.
    const withExtra = entries.map((e) => Object.assign(structuredClone(e), { cached: 'x' }) as ReaderEntry);
    const one = JSON.parse(exportJsonLd([], [], NOW, withExtra.reverse()).text) as HashiyaCollection;
    expect(one[TERM.readerEntries]).toEqual(entries);
    expect(one[TERM.readerEntries]?.map((e) => e.kind)).toEqual([
      'entity',
      'entity',
      'override',
      'override',
      'suppression',
      'suppression',
      'dismissed',
      'dismissed',
    ]);
    expect(one[TERM.readerEntries]?.filter((e) => e.deleted !== undefined)).toHaveLength(2);
    // Other formats' callers give none: the key is left out, not written empty.
    expect(JSON.parse(exportJsonLd([], [], NOW).text)).not.toHaveProperty(TERM.readerEntries);
  });

  it('two exports of the same records differ only in the export time', () => {
    const later = JSON.parse(
      exportJsonLd(
        [...lib.articles].reverse(),
        [...lib.notes].reverse(),
        new Date('2027-01-01T00:00:00Z'),
        readerEntries().reverse(),
      ).text,
    );
    const strip = (d: HashiyaCollection) => ({ ...d, id: '', generated: '', first: { ...d.first, id: '' } });
    expect(strip(later)).toEqual(strip(doc));
  });
});
