// Reading an import file: text in, records out, with every note (and, in a Hashiya backup, every
// entry of the reader's dictionary) that cannot be used listed with the reason. Three kinds of file: Hashiya's own backup, W3C Web Annotation JSON-LD from other
// tools (one annotation, an array, an AnnotationPage or an AnnotationCollection with its first
// page embedded) and Hypothesis's JSON. Nothing here is interpreted: HTML or Markdown in a note
// stays the text it was.
import * as v from 'valibot';
import { siteOf } from '../export/order';
import { HASHIYA_NS, isUuid, TERM, uuidFromIri } from '../export/vocabulary';
import type {
  AnnotationRecord,
  ArticleRecord,
  NoteColour,
  TextPositionSelector,
  TextQuoteSelector,
} from '../notes/model';
import type { ReaderEntry } from '../reader-dictionary/model';
import { importSizeError, MAX_IMPORT_BYTES, utf8Length } from './limits';
import {
  AnySelector,
  ArticleInput,
  describeIssues,
  HashiyaCollection,
  HypothesisRow,
  type HypothesisRowInput,
  TextPositionSelector as PositionSchema,
  TextQuoteSelector as QuoteSchema,
  ReaderEntryInput,
  WebAnnotation,
  type WebAnnotationInput,
} from './schemas';
import { stableUuid } from './stable-id';

export type ImportFormat = 'hashiya' | 'w3c' | 'hypothesis';

/** One thing in the file that was not used (or used with a caveat), and why. */
export interface ImportProblem {
  /** Which item: "note 3", "note 3 (urn:uuid:…)", "article 2". */
  item: string;
  reason: string;
}

export interface ImportRead {
  ok: true;
  format: ImportFormat;
  articles: ArticleRecord[];
  /** Ids of articles built from their notes (the file had no record): never overwrite a stored one. */
  standIns: Set<string>;
  notes: AnnotationRecord[];
  /** The reader's dictionary entries (a Hashiya backup only), tombstones too, one per id. */
  readerEntries: ReaderEntry[];
  invalidArticles: ImportProblem[];
  invalidNotes: ImportProblem[];
  invalidReaderEntries: ImportProblem[];
  /** Used, with a caveat (a selector or body that could not be used, HTML kept as text). */
  warnings: ImportProblem[];
}

export interface ImportFailure {
  ok: false;
  error: string;
}

export interface ReadOptions {
  /** The article identity for a page address (the store's rule); default: the URL without its fragment. */
  articleIdOf?: (url: string) => string;
  /** The time given to notes that carry none; default: now. */
  now?: Date;
}

const DEFAULT_COLOUR: NoteColour = 'yellow';

function defaultArticleId(url: string): string {
  try {
    const u = new URL(url);
    u.hash = '';
    return u.href;
  } catch {
    return url;
  }
}

function isoOf(stamp: string): string {
  return new Date(Date.parse(stamp)).toISOString();
}

function typesOf(type: string | string[] | undefined): string[] {
  return type === undefined ? [] : Array.isArray(type) ? type : [type];
}

function asList<T>(x: T | T[] | undefined): T[] {
  return x === undefined ? [] : Array.isArray(x) ? x : [x];
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** The passage a target names, from the selectors Hashiya can use. */
interface Passage {
  quote: TextQuoteSelector | null;
  position: TextPositionSelector | null;
  /** What could not be used, in words. */
  unused: string[];
}

function readSelector(raw: unknown, out: Passage, refined = false): void {
  const any = v.safeParse(AnySelector, raw);
  if (!any.success) {
    out.unused.push(`a selector that is not an object with a type (${describeIssues(any.issues)})`);
    return;
  }
  const type = typesOf(any.output.type)[0] ?? '';
  if (type === 'TextQuoteSelector') {
    const q = v.safeParse(QuoteSchema, raw);
    if (q.success) out.quote ??= q.output;
    else out.unused.push(`TextQuoteSelector: ${describeIssues(q.issues)}`);
  } else if (type === 'TextPositionSelector') {
    const p = v.safeParse(PositionSchema, raw);
    // Inside another selector, a position counts from that element, not from the article.
    if (p.success && !refined)
      out.position ??= { type: 'TextPositionSelector', start: p.output.start, end: p.output.end };
    else if (!p.success) out.unused.push(`TextPositionSelector: ${describeIssues(p.issues)}`);
  } else if (type === 'RangeSelector') {
    const start = v.safeParse(PositionSchema, any.output.startSelector);
    const end = v.safeParse(PositionSchema, any.output.endSelector);
    if (start.success && end.success && end.output.end >= start.output.start && !refined)
      out.position ??= { type: 'TextPositionSelector', start: start.output.start, end: end.output.end };
    else
      out.unused.push(
        'a RangeSelector between elements of the original page (Hashiya finds passages by their text, not by the page’s structure)',
      );
  } else {
    out.unused.push(`a ${type || 'nameless'} selector (not a way Hashiya can find text)`);
  }
  if (any.output.refinedBy !== undefined)
    for (const r of asList(any.output.refinedBy as unknown)) readSelector(r, out, true);
}

function readPassage(selectors: unknown[]): Passage {
  const out: Passage = { quote: null, position: null, unused: [] };
  for (const s of selectors) readSelector(s, out);
  return out;
}

/** The note, tags and caveats from W3C bodies. */
function readBodies(a: WebAnnotationInput, warnings: string[]): { note: string; tags: string[] } {
  const notes: string[] = [];
  const tags: string[] = [];
  if (a.bodyValue !== undefined && a.bodyValue !== '') notes.push(a.bodyValue);
  for (const body of asList(a.body)) {
    if (typeof body === 'string') {
      warnings.push('a body that is a link to elsewhere was not imported');
      continue;
    }
    const types = typesOf(body.type);
    if (body.value === undefined || (types.length > 0 && !types.includes('TextualBody'))) {
      warnings.push(`a body of type ${types.join('/') || 'unknown'} was not imported (only text bodies are)`);
      continue;
    }
    const purposes = typesOf(body.purpose);
    if (purposes.includes('tagging')) {
      const tag = body.value.trim();
      if (tag !== '' && !tags.includes(tag)) tags.push(tag);
      continue;
    }
    if (body.format !== undefined && /html|xml/i.test(body.format))
      warnings.push(`a ${body.format} note was kept as its source text, not shown as a web page`);
    notes.push(body.value);
  }
  return { note: notes.join('\n\n'), tags };
}

interface Built {
  note: AnnotationRecord;
  source: string;
  title: string;
}

type ItemResult = { ok: true; built: Built; warnings: string[] } | { ok: false; reason: string };

function fail(reason: string): ItemResult {
  return { ok: false, reason };
}

function noteIdFrom(iri: string | undefined, content: string): string {
  if (iri === undefined || iri === '') return stableUuid(`content:${content}`);
  return uuidFromIri(iri) ?? (isUuid(iri) ? iri.toLowerCase() : stableUuid(`w3c:${iri}`));
}

function passageReason(passage: Passage, what: string): string {
  if (passage.position !== null)
    return `${what} has only a position, not the quoted text: Hashiya could not find the passage again once the page changes`;
  const unused = passage.unused.length > 0 ? `; it has ${passage.unused.join(', ')}` : '';
  return `${what} has no quoted text (TextQuoteSelector) to anchor to${unused}`;
}

function readWebAnnotation(raw: unknown, options: Required<ReadOptions>): ItemResult {
  const parsed = v.safeParse(WebAnnotation, raw);
  if (!parsed.success) return fail(describeIssues(parsed.issues));
  const a = parsed.output;
  if (!typesOf(a.type).includes('Annotation'))
    return fail(`its type is ${typesOf(a.type).join('/')}, not Annotation`);
  const warnings: string[] = [];
  // The first target with a usable passage; several targets are rare and Hashiya keeps one.
  let chosen: { source: string; passage: Passage } | null = null;
  let firstReason = '';
  const targets = asList(a.target);
  for (const target of targets) {
    if (typeof target === 'string') {
      firstReason ||= 'its target is a whole page, not a passage';
      continue;
    }
    const source = typeof target.source === 'string' ? target.source : target.source?.id;
    if (source === undefined || source === '') {
      firstReason ||= 'its target names no page address (source)';
      continue;
    }
    const passage = readPassage(asList(target.selector as unknown[] | undefined));
    if (passage.quote === null) {
      firstReason ||= passageReason(passage, 'its target');
      continue;
    }
    chosen = { source, passage };
    break;
  }
  if (chosen === null) return fail(firstReason || 'it has no target');
  if (targets.length > 1) warnings.push(`only the first usable of its ${targets.length} targets was kept`);
  const { source, passage } = chosen;
  const quote = passage.quote as TextQuoteSelector;
  for (const u of passage.unused) warnings.push(`${u} was not used; the quoted text is`);
  const { note, tags } = readBodies(a, warnings);
  const now = options.now.toISOString();
  const created = a.created !== undefined ? a.created : now;
  const modified = a.modified ?? created;
  const ours = a[TERM.article] !== undefined;
  const record: AnnotationRecord = {
    // Without an id, the note's content names it (not the import time, which changes every time).
    id: noteIdFrom(a.id, `${source}\u0000${quote.exact}\u0000${a.created ?? ''}`),
    articleId: a[TERM.article] ?? options.articleIdOf(source),
    quote: { type: 'TextQuoteSelector', exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix },
    position: passage.position ?? { type: 'TextPositionSelector', start: 0, end: quote.exact.length },
    colour: a[TERM.colour] ?? DEFAULT_COLOUR,
    note,
    tags,
    entityIds: [...(a[TERM.entities] ?? [])],
    // Hashiya's own timestamps are kept as written; other tools' are normalised.
    created: ours ? created : isoOf(created),
    modified: ours ? modified : isoOf(modified),
  };
  if (a[TERM.deleted] !== undefined) record.deleted = a[TERM.deleted];
  return { ok: true, built: { note: record, source, title: '' }, warnings };
}

function readHypothesisRow(raw: unknown, options: Required<ReadOptions>): ItemResult {
  const parsed = v.safeParse(HypothesisRow, raw);
  if (!parsed.success) return fail(describeIssues(parsed.issues));
  const row: HypothesisRowInput = parsed.output;
  if (row.references !== undefined && row.references.length > 0)
    return fail('it is a reply to another annotation');
  const target = row.target[0];
  const selectors = target?.selector ?? [];
  if (selectors.length === 0) return fail('it is a page note, with no passage to anchor to');
  const passage = readPassage(selectors);
  if (passage.quote === null) return fail(passageReason(passage, 'it'));
  const warnings: string[] = [];
  if (/<[a-z!/]/i.test(row.text)) warnings.push('HTML in the note was kept as text');
  const source = row.uri;
  return {
    ok: true,
    built: {
      note: {
        id: stableUuid(`hypothesis:${row.id}`),
        articleId: options.articleIdOf(source),
        quote: { ...passage.quote },
        position: passage.position ?? {
          type: 'TextPositionSelector',
          start: 0,
          end: passage.quote.exact.length,
        },
        colour: DEFAULT_COLOUR,
        note: row.text,
        tags: [...new Set(row.tags.map((t) => t.trim()).filter((t) => t !== ''))],
        entityIds: [],
        created: isoOf(row.created),
        modified: isoOf(row.updated),
      },
      source,
      title: row.document?.title?.[0] ?? '',
    },
    warnings,
  };
}

/** What the file is and where its items are, or why it cannot be read. */
type Located =
  | {
      format: ImportFormat;
      items: unknown[];
      tombstones: unknown[];
      articles: unknown[];
      /** A Hashiya backup's reader-dictionary entries. */
      readerEntries?: unknown[];
    }
  | { error: string };

function hasHashiyaContext(doc: Record<string, unknown>): boolean {
  return asList(doc['@context'] as unknown).some((c) => isObject(c) && c.hashiya === HASHIYA_NS);
}

function looksLikeHypothesis(x: unknown): boolean {
  return isObject(x) && 'uri' in x && !('type' in x);
}

function locate(doc: unknown): Located {
  if (Array.isArray(doc)) {
    const format = doc.length > 0 && looksLikeHypothesis(doc[0]) ? 'hypothesis' : 'w3c';
    return { format, items: doc, tombstones: [], articles: [] };
  }
  if (!isObject(doc))
    return { error: 'This file holds no annotations: it is JSON, but not an object or a list.' };
  const types = typesOf(
    typeof doc.type === 'string' || Array.isArray(doc.type) ? (doc.type as string | string[]) : undefined,
  );
  if (types.includes('AnnotationCollection')) {
    if (hasHashiyaContext(doc)) {
      const c = v.safeParse(HashiyaCollection, doc);
      if (!c.success)
        return {
          error: `This Hashiya backup is damaged (${describeIssues(c.issues)}). Nothing was imported.`,
        };
      return {
        format: 'hashiya',
        items: c.output.first.items,
        tombstones: c.output[TERM.tombstones],
        articles: c.output[TERM.articles],
        readerEntries: c.output[TERM.readerEntries],
      };
    }
    const first = doc.first;
    if (isObject(first) && Array.isArray(first.items))
      return { format: 'w3c', items: first.items, tombstones: [], articles: [] };
    return {
      error:
        'This annotation collection only links to its pages instead of including them; export it with its annotations embedded.',
    };
  }
  if (types.includes('AnnotationPage')) {
    if (Array.isArray(doc.items)) return { format: 'w3c', items: doc.items, tombstones: [], articles: [] };
    return { error: 'This annotation page has no list of items.' };
  }
  if (types.includes('Annotation')) return { format: 'w3c', items: [doc], tombstones: [], articles: [] };
  // Hypothesis: the API's search answer ({rows}), the client's export ({annotations}), or one row.
  for (const key of ['rows', 'annotations'])
    if (Array.isArray(doc[key]))
      return { format: 'hypothesis', items: doc[key] as unknown[], tombstones: [], articles: [] };
  if (looksLikeHypothesis(doc)) return { format: 'hypothesis', items: [doc], tombstones: [], articles: [] };
  return {
    error:
      'Hashiya cannot read this file: it is neither a Hashiya backup, nor W3C Web Annotations, nor a Hypothesis export.',
  };
}

function itemName(kind: string, index: number, raw: unknown): string {
  const id = isObject(raw) && typeof raw.id === 'string' ? ` (${raw.id.slice(0, 80)})` : '';
  return `${kind} ${index + 1}${id}`;
}

/**
 * Keeps one record per id in `kept`: the same id twice in one file keeps the newer `modified` and
 * reports the other in `invalid`.
 */
function keepNewer<T>(
  kept: Map<string, { value: T; item: string }>,
  id: string,
  value: T,
  item: string,
  modifiedOf: (value: T) => string,
  invalid: ImportProblem[],
): void {
  const seen = kept.get(id);
  if (seen === undefined) {
    kept.set(id, { value, item });
    return;
  }
  const newer = Date.parse(modifiedOf(value)) > Date.parse(modifiedOf(seen.value));
  invalid.push({
    item: newer ? seen.item : item,
    reason: `the same id as ${newer ? item : seen.item} in this file; the newer one is kept`,
  });
  if (newer) kept.set(id, { value, item });
}

/** Reads an import file completely. Nothing is written: see previewImport() for what would be. */
export function readImport(text: string, options: ReadOptions = {}): ImportRead | ImportFailure {
  const opts: Required<ReadOptions> = {
    articleIdOf: options.articleIdOf ?? defaultArticleId,
    now: options.now ?? new Date(),
  };
  // A string longer than the limit in characters is over it in bytes too; otherwise count bytes.
  const tooBig = importSizeError(text.length > MAX_IMPORT_BYTES ? text.length : utf8Length(text));
  if (tooBig !== null) return { ok: false, error: tooBig };
  let doc: unknown;
  try {
    doc = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    const detail = error instanceof Error ? ` (${error.message})` : '';
    return {
      ok: false,
      error: `This file is not valid JSON${detail}: it may be cut short or not an export at all. Nothing was imported.`,
    };
  }
  const where = locate(doc);
  if ('error' in where) return { ok: false, error: where.error };

  const invalidNotes: ImportProblem[] = [];
  const warnings: ImportProblem[] = [];
  const builtById = new Map<string, { value: Built; item: string }>();
  const readItem = (raw: unknown, item: string) => {
    const r = where.format === 'hypothesis' ? readHypothesisRow(raw, opts) : readWebAnnotation(raw, opts);
    if (!r.ok) {
      invalidNotes.push({ item, reason: r.reason });
      return;
    }
    for (const reason of r.warnings) warnings.push({ item, reason });
    keepNewer(builtById, r.built.note.id, r.built, item, (b) => b.note.modified, invalidNotes);
  };
  where.items.forEach((raw, k) => {
    readItem(raw, itemName('note', k, raw));
  });
  where.tombstones.forEach((raw, k) => {
    readItem(raw, itemName('deleted note', k, raw));
  });

  const articles = new Map<string, ArticleRecord>();
  const invalidArticles: ImportProblem[] = [];
  where.articles.forEach((raw, k) => {
    const a = v.safeParse(ArticleInput, raw);
    const item = itemName('article', k, raw);
    if (!a.success) invalidArticles.push({ item, reason: describeIssues(a.issues) });
    else if (articles.has(a.output.id))
      invalidArticles.push({ item, reason: 'the same article appears twice in this file' });
    else articles.set(a.output.id, { ...a.output });
  });

  // Articles the file has no record of are built from their notes: address, site, the title
  // Hypothesis gives, and the notes' earliest and latest times.
  const standIns = new Set<string>();
  const notes: AnnotationRecord[] = [];
  for (const { value: built } of builtById.values()) {
    const { note, source, title } = built;
    notes.push(note);
    const known = articles.get(note.articleId);
    if (known !== undefined && !standIns.has(note.articleId)) continue;
    if (known === undefined) {
      standIns.add(note.articleId);
      articles.set(note.articleId, {
        id: note.articleId,
        url: source,
        title,
        site: siteOf(source),
        byline: '',
        lang: '',
        excerpt: '',
        created: note.created,
        modified: note.modified,
      });
    } else {
      if (Date.parse(note.created) < Date.parse(known.created)) known.created = note.created;
      if (Date.parse(note.modified) > Date.parse(known.modified)) known.modified = note.modified;
      if (known.title === '' && title !== '') known.title = title;
    }
  }

  // The reader's dictionary: each entry checked whole; one that is not is reported, never written.
  const readerById = new Map<string, { value: ReaderEntry; item: string }>();
  const invalidReaderEntries: ImportProblem[] = [];
  (where.readerEntries ?? []).forEach((raw, k) => {
    const item = itemName('dictionary entry', k, raw);
    // The first problem of each value is its reason ("not an ISO 8601 time", not also "not a real date").
    const e = v.safeParse(ReaderEntryInput, raw, { abortPipeEarly: true });
    if (!e.success) invalidReaderEntries.push({ item, reason: describeIssues(e.issues) });
    else keepNewer(readerById, e.output.id, e.output, item, (x) => x.modified, invalidReaderEntries);
  });
  return {
    ok: true,
    format: where.format,
    articles: [...articles.values()],
    standIns,
    notes,
    readerEntries: [...readerById.values()].map((x) => x.value),
    invalidArticles,
    invalidNotes,
    invalidReaderEntries,
    warnings,
  };
}
