// The backup format: a W3C Web Annotation AnnotationCollection (JSON-LD) with its first page
// embedded, lossless for Hashiya's records and the reader's dictionary (docs/EXPORT-FORMAT.md).
// Pure: records in, text out.
import type {
  AnnotationRecord,
  ArticleRecord,
  TextPositionSelector,
  TextQuoteSelector,
} from '../notes/model';
import { READER_ENTRY_KINDS, type ReaderEntry, readerEntityId } from '../reader-dictionary/model';
import { type ExportFile, exportFileName } from './file-name';
import { byTimeThenId, groupByArticle } from './order';
import { ANNO_CONTEXT, annotationIri, HASHIYA_NS, TERM } from './vocabulary';

export interface TextualBody {
  type: 'TextualBody';
  value: string;
  purpose: 'commenting' | 'tagging';
  format?: 'text/plain';
}

export interface WebAnnotation {
  id: string;
  type: 'Annotation';
  motivation: 'commenting' | 'highlighting';
  created: string;
  modified: string;
  body?: TextualBody[];
  target: { source: string; selector: [TextQuoteSelector, TextPositionSelector] };
  [TERM.article]: string;
  [TERM.colour]: string;
  [TERM.entities]: string[];
  [TERM.deleted]?: string;
}

export interface HashiyaCollection {
  '@context': [typeof ANNO_CONTEXT, Record<string, unknown>];
  id: string;
  type: 'AnnotationCollection';
  label: string;
  /** When the file was written: the one thing that differs between two exports of the same records. */
  generated: string;
  total: number;
  first: { id: string; type: 'AnnotationPage'; startIndex: 0; items: WebAnnotation[] };
  [TERM.articles]: ArticleRecord[];
  [TERM.tombstones]: WebAnnotation[];
  /** The reader's dictionary entries given (tombstones too); absent when none were given. */
  [TERM.readerEntries]?: ReaderEntry[];
}

/** The JSON-LD context of the file: W3C's, then the extension prefix and its JSON-valued terms. */
export function exportContext(): HashiyaCollection['@context'] {
  return [
    ANNO_CONTEXT,
    {
      hashiya: HASHIYA_NS,
      [TERM.articles]: { '@type': '@json' },
      [TERM.readerEntries]: { '@type': '@json' },
    },
  ];
}

/** One note as a W3C Web Annotation. */
export function toWebAnnotation(note: AnnotationRecord, source: string): WebAnnotation {
  const body: TextualBody[] = [];
  if (note.note !== '')
    body.push({ type: 'TextualBody', value: note.note, format: 'text/plain', purpose: 'commenting' });
  for (const tag of note.tags) body.push({ type: 'TextualBody', value: tag, purpose: 'tagging' });
  const out: WebAnnotation = {
    id: annotationIri(note.id),
    type: 'Annotation',
    motivation: note.note !== '' ? 'commenting' : 'highlighting',
    created: note.created,
    modified: note.modified,
    ...(body.length > 0 ? { body } : {}),
    target: {
      source,
      selector: [
        {
          type: 'TextQuoteSelector',
          exact: note.quote.exact,
          prefix: note.quote.prefix,
          suffix: note.quote.suffix,
        },
        { type: 'TextPositionSelector', start: note.position.start, end: note.position.end },
      ],
    },
    [TERM.article]: note.articleId,
    [TERM.colour]: note.colour,
    [TERM.entities]: [...note.entityIds],
  };
  if (note.deleted !== undefined) out[TERM.deleted] = note.deleted;
  return out;
}

/** Only the fields an ArticleRecord has, in a fixed order (records may carry more at run time). */
function articleFields(a: ArticleRecord): ArticleRecord {
  return {
    id: a.id,
    url: a.url,
    title: a.title,
    site: a.site,
    byline: a.byline,
    lang: a.lang,
    excerpt: a.excerpt,
    created: a.created,
    modified: a.modified,
  };
}

/** Only the fields a reader entry of its kind has, in a fixed order (like articleFields). */
function readerEntryFields(e: ReaderEntry): ReaderEntry {
  const stamps = {
    id: e.id,
    created: e.created,
    modified: e.modified,
    ...(e.deleted !== undefined && { deleted: e.deleted }),
  };
  const forms = (f: { ar: readonly string[]; en: readonly string[] }) => ({ ar: [...f.ar], en: [...f.en] });
  switch (e.kind) {
    case 'entity':
      return {
        kind: e.kind,
        ...stamps,
        type: e.type,
        names: { ar: e.names.ar, en: e.names.en },
        aliases: forms(e.aliases),
        description: { ar: e.description.ar, en: e.description.en },
      };
    case 'override':
      return {
        kind: e.kind,
        ...stamps,
        entityId: e.entityId,
        ...(e.type !== undefined && { type: e.type }),
        aliases: forms(e.aliases),
      };
    case 'suppression':
      return { kind: e.kind, ...stamps, entityId: e.entityId, form: e.form, site: e.site };
    case 'dismissed':
      return { kind: e.kind, ...stamps, form: e.form };
  }
}

/** Entities, overrides, suppressions, dismissed proposals; each kind oldest first. */
function readerEntryOrder(a: ReaderEntry, b: ReaderEntry): number {
  return READER_ENTRY_KINDS.indexOf(a.kind) - READER_ENTRY_KINDS.indexOf(b.kind) || byTimeThenId(a, b);
}

/**
 * What a filtered export carries of the reader's dictionary: the reader's own entities that these
 * notes link to (`reader-<uuid>` in their entity ids), which mean nothing without them. Not their
 * corrections, suppressions or dismissed proposals (about how pages are matched, not about these
 * notes) nor tombstones: such a file is for sharing, not a backup, and must delete nothing where it
 * is imported.
 */
export function linkedReaderEntities(
  entries: readonly ReaderEntry[],
  notes: readonly AnnotationRecord[],
): ReaderEntry[] {
  const linked = new Set(notes.filter((n) => n.deleted === undefined).flatMap((n) => n.entityIds));
  return entries.filter(
    (e) => e.kind === 'entity' && e.deleted === undefined && linked.has(readerEntityId(e.id)),
  );
}

/**
 * The collection for these records; tombstones (deleted notes) go to their own list. The reader's
 * dictionary entries, when given, go in as they are, tombstones too (see linkedReaderEntities for a
 * filtered export).
 */
export function toCollection(
  articles: readonly ArticleRecord[],
  notes: readonly AnnotationRecord[],
  now: Date,
  readerEntries?: readonly ReaderEntry[],
): HashiyaCollection {
  const generated = now.toISOString();
  const id = `urn:hashiya:export:${generated}`;
  const items: WebAnnotation[] = [];
  const tombstones: WebAnnotation[] = [];
  const groups = groupByArticle(articles, notes, true);
  const given = new Set(articles);
  for (const { article, notes: group } of groups)
    for (const note of group)
      (note.deleted === undefined ? items : tombstones).push(toWebAnnotation(note, article.url));
  const collection: HashiyaCollection = {
    '@context': exportContext(),
    id,
    type: 'AnnotationCollection',
    label: 'Hashiya notes',
    generated,
    total: items.length,
    first: { id: `${id}:page:1`, type: 'AnnotationPage', startIndex: 0, items },
    // Articles known only through a note (no record given) are not invented here: import rebuilds them.
    [TERM.articles]: groups.filter((g) => given.has(g.article)).map((g) => articleFields(g.article)),
    [TERM.tombstones]: tombstones,
  };
  if (readerEntries !== undefined)
    collection[TERM.readerEntries] = [...readerEntries].sort(readerEntryOrder).map(readerEntryFields);
  return collection;
}

/** The backup file: every record given, nothing lost. */
export function exportJsonLd(
  articles: readonly ArticleRecord[],
  notes: readonly AnnotationRecord[],
  now: Date,
  readerEntries?: readonly ReaderEntry[],
): ExportFile {
  return {
    fileName: exportFileName(now, 'jsonld'),
    mimeType: 'application/ld+json',
    text: `${JSON.stringify(toCollection(articles, notes, now, readerEntries), null, 2)}\n`,
  };
}
