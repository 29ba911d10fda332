// The backup format: a W3C Web Annotation AnnotationCollection (JSON-LD) with its first page
// embedded, lossless for Hashiya's records (docs/EXPORT-FORMAT.md). Pure: records in, text out.
import type {
  AnnotationRecord,
  ArticleRecord,
  TextPositionSelector,
  TextQuoteSelector,
} from '../notes/model';
import { type ExportFile, exportFileName } from './file-name';
import { groupByArticle } from './order';
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
}

/** The JSON-LD context of the file: W3C's, then the extension prefix and the one JSON-valued term. */
export function exportContext(): HashiyaCollection['@context'] {
  return [ANNO_CONTEXT, { hashiya: HASHIYA_NS, [TERM.articles]: { '@type': '@json' } }];
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

/** The collection for these records; tombstones (deleted notes) go to their own list. */
export function toCollection(
  articles: readonly ArticleRecord[],
  notes: readonly AnnotationRecord[],
  now: Date,
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
  return {
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
}

/** The backup file: every record given, nothing lost. */
export function exportJsonLd(
  articles: readonly ArticleRecord[],
  notes: readonly AnnotationRecord[],
  now: Date,
): ExportFile {
  return {
    fileName: exportFileName(now, 'jsonld'),
    mimeType: 'application/ld+json',
    text: `${JSON.stringify(toCollection(articles, notes, now), null, 2)}\n`,
  };
}
