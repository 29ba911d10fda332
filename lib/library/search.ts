// The library's search: a MiniSearch full-text index over every note's text, quote, tags and its
// article's title, with Hashiya's folding as the term processor (lib/library/terms.ts), plus
// filters by tag, colour, site, date and entity. Framework-free; the library page keeps one and
// updates it as notes change.
import MiniSearch from 'minisearch';
import { standInArticle } from '../export/order';
import type { AnnotationRecord, ArticleRecord, NoteColour } from '../notes/model';
import { indexForms, searchWords } from './terms';

export interface LibraryFilters {
  /** Notes carrying every one of these tags. */
  tags?: readonly string[];
  /** Notes in any of these colours. */
  colours?: readonly NoteColour[];
  /** Notes on articles from any of these sites. */
  sites?: readonly string[];
  /** Notes created at or after this time (ms since the epoch). */
  from?: number;
  /** Notes created before this time (ms since the epoch). */
  to?: number;
  /** Notes whose quote mentions every one of these entities. */
  entityIds?: readonly string[];
}

export interface NoteHit {
  note: AnnotationRecord;
  article: ArticleRecord;
  /** Relevance to the query; 0 without one. */
  score: number;
}

export interface ArticleHits {
  article: ArticleRecord;
  hits: NoteHit[];
}

interface IndexedNote {
  id: string;
  note: string;
  quote: string;
  tags: string;
  title: string;
}

const FIELDS = ['note', 'quote', 'tags', 'title'] as const;

/**
 * A prefix searched as one: three letters, four for an Arabic word that begins with the article
 * (ال says nothing). Shorter, it matches only whole words: "ا" as a prefix is every other note,
 * and scoring them all costs a keystroke 100 ms and more at 10,000 notes (npm run bench).
 */
export function isTypedPrefix(term: string): boolean {
  return term.length >= (term.startsWith('ال') ? 4 : 3);
}

function newIndex(): MiniSearch<IndexedNote> {
  return new MiniSearch<IndexedNote>({
    fields: [...FIELDS],
    storeFields: [],
    tokenize: searchWords,
    // Indexed words also stand for their clitic-free forms; the query's words are taken as typed.
    processTerm: (term) => indexForms(term),
    searchOptions: {
      tokenize: searchWords,
      processTerm: (term) => term,
      combineWith: 'AND',
      // The last word is still being typed: a prefix, once it says enough to narrow the list.
      prefix: (term, i, terms) => i === terms.length - 1 && isTypedPrefix(term),
      boost: { note: 2, tags: 2, quote: 1, title: 1 },
    },
  });
}

/** Hits newest first (ties by id), each date parsed once. */
function newestFirst(hits: NoteHit[]): NoteHit[] {
  const keyed = hits.map((hit) => ({ hit, t: Date.parse(hit.note.created) }));
  keyed.sort((a, b) => b.t - a.t || (a.hit.note.id < b.hit.note.id ? -1 : 1));
  return keyed.map((k) => k.hit);
}

export class LibraryIndex {
  private readonly notes = new Map<string, AnnotationRecord>();
  private readonly articles = new Map<string, ArticleRecord>();
  private readonly notesByArticle = new Map<string, Set<string>>();
  /** The full-text index, built on the first search with words (the list without a query needs none). */
  private index: MiniSearch<IndexedNote> | null = null;
  /** The index being built in the background, and the notes changed meanwhile (re-indexed after). */
  private building: Promise<void> | null = null;
  private changedDuringBuild = new Set<string>();

  /** Takes the given records (deleted notes are left out). Nothing passed in is changed. */
  constructor(articles: Iterable<ArticleRecord> = [], notes: Iterable<AnnotationRecord> = []) {
    for (const a of articles) this.articles.set(a.id, a);
    for (const n of notes) if (n.deleted === undefined) this.track(n);
  }

  get size(): number {
    return this.notes.size;
  }

  /** Builds the full-text index now (e.g. while the page is idle) rather than on the first search. */
  buildIndex(): void {
    if (this.index !== null) return;
    const index = newIndex();
    index.addAll([...this.notes.values()].map((n) => this.document(n)));
    this.index = index;
  }

  /**
   * Builds the index in slices of 500 notes, yielding to the page between them, so the library
   * stays responsive; a search before it is done builds the index at once instead.
   */
  buildIndexInBackground(): Promise<void> {
    if (this.index !== null) return Promise.resolve();
    if (this.building !== null) return this.building;
    const index = newIndex();
    this.changedDuringBuild.clear();
    const docs = [...this.notes.values()].map((n) => this.document(n));
    this.building = index.addAllAsync(docs, { chunkSize: 500 }).then(() => {
      this.building = null;
      if (this.index !== null) return; // a search built it meanwhile
      for (const id of this.changedDuringBuild) {
        if (index.has(id)) index.discard(id);
        const note = this.notes.get(id);
        if (note !== undefined) index.add(this.document(note));
      }
      this.changedDuringBuild.clear();
      this.index = index;
    });
    return this.building;
  }

  /** Adds or replaces a note; a deleted one (tombstone) leaves the index. */
  putNote(note: AnnotationRecord): void {
    if (this.notes.has(note.id)) this.removeNote(note.id);
    if (this.building !== null) this.changedDuringBuild.add(note.id);
    if (note.deleted !== undefined) return;
    this.track(note);
    this.index?.add(this.document(note));
  }

  removeNote(id: string): void {
    const note = this.notes.get(id);
    if (note === undefined) return;
    if (this.building !== null) this.changedDuringBuild.add(id);
    this.notes.delete(id);
    this.notesByArticle.get(note.articleId)?.delete(id);
    this.index?.discard(id);
  }

  /** Adds or replaces an article; its notes are re-indexed under the new title. */
  putArticle(article: ArticleRecord): void {
    const before = this.articles.get(article.id);
    this.articles.set(article.id, article);
    if (before?.title === article.title) return;
    if (this.index === null) {
      if (this.building !== null)
        for (const id of this.notesByArticle.get(article.id) ?? []) this.changedDuringBuild.add(id);
      return;
    }
    for (const id of this.notesByArticle.get(article.id) ?? []) {
      const note = this.notes.get(id) as AnnotationRecord;
      this.index.replace(this.document(note));
    }
  }

  /**
   * Takes one article's records as now stored (after a `notes-changed` naming it): notes no longer
   * among them leave, new and changed ones are (re-)indexed, unchanged ones are left alone, so a
   * change costs what the article holds, not the library. Returns whether anything changed (an
   * import's own notes come back as they were put).
   */
  replaceArticle(
    articleId: string,
    article: ArticleRecord | undefined,
    notes: readonly AnnotationRecord[],
  ): boolean {
    let changed = false;
    if (article !== undefined && !sameFields(this.articles.get(article.id), article)) {
      this.putArticle(article);
      changed = true;
    }
    const stored = new Set<string>();
    for (const note of notes) {
      stored.add(note.id);
      const before = this.notes.get(note.id);
      if (before !== undefined && before.modified === note.modified && note.deleted === undefined) continue;
      if (before === undefined && note.deleted !== undefined) continue; // a tombstone never listed
      this.putNote(note);
      changed = true;
    }
    for (const id of [...(this.notesByArticle.get(articleId) ?? [])])
      if (!stored.has(id)) {
        this.removeNote(id);
        changed = true;
      }
    return changed;
  }

  /**
   * Notes matching the query (every word, the last as a prefix) and the filters: by relevance
   * with a query, newest first without one.
   */
  search(query: string, filters: LibraryFilters = {}): NoteHit[] {
    const keep = this.filterFor(filters);
    if (searchWords(query).length === 0) {
      const hits: NoteHit[] = [];
      for (const note of this.notes.values()) if (keep === null || keep(note)) hits.push(this.hit(note, 0));
      return newestFirst(hits);
    }
    this.buildIndex();
    const index = this.index as MiniSearch<IndexedNote>;
    // Without filters, no callback per result: a common word matches half the library.
    const results =
      keep === null
        ? index.search(query)
        : index.search(query, { filter: (r) => keep(this.notes.get(r.id as string) as AnnotationRecord) });
    const hits = new Array<NoteHit>(results.length);
    for (let i = 0; i < results.length; i++) {
      const r = results[i] as (typeof results)[number];
      hits[i] = this.hit(this.notes.get(r.id as string) as AnnotationRecord, r.score);
    }
    return hits;
  }

  /** Every note, as search() without a query. */
  all(): AnnotationRecord[] {
    return [...this.notes.values()];
  }

  article(id: string): ArticleRecord | undefined {
    return this.articles.get(id);
  }

  private track(note: AnnotationRecord): void {
    this.notes.set(note.id, note);
    let set = this.notesByArticle.get(note.articleId);
    if (set === undefined) {
      set = new Set();
      this.notesByArticle.set(note.articleId, set);
    }
    set.add(note.id);
  }

  private document(n: AnnotationRecord): IndexedNote {
    return {
      id: n.id,
      note: n.note,
      quote: n.quote.exact,
      tags: n.tags.join(' '),
      title: this.articles.get(n.articleId)?.title ?? '',
    };
  }

  private hit(note: AnnotationRecord, score: number): NoteHit {
    const article = this.articles.get(note.articleId) ?? standInArticle(note.articleId, note);
    return { note, article, score };
  }

  /** The filters as one test, or null when they keep every note. */
  private filterFor(f: LibraryFilters): ((note: AnnotationRecord) => boolean) | null {
    const colours = f.colours !== undefined && f.colours.length > 0 ? new Set(f.colours) : null;
    const sites = f.sites !== undefined && f.sites.length > 0 ? new Set(f.sites) : null;
    const tags = f.tags ?? [];
    const entities = f.entityIds ?? [];
    const from = f.from ?? Number.NEGATIVE_INFINITY;
    const to = f.to ?? Number.POSITIVE_INFINITY;
    const timed = f.from !== undefined || f.to !== undefined;
    if (colours === null && sites === null && tags.length === 0 && entities.length === 0 && !timed)
      return null;
    return (note) => {
      if (colours !== null && !colours.has(note.colour)) return false;
      if (sites !== null && !sites.has(this.articles.get(note.articleId)?.site ?? '')) return false;
      for (const t of tags) if (!note.tags.includes(t)) return false;
      for (const e of entities) if (!note.entityIds.includes(e)) return false;
      if (timed) {
        const t = Date.parse(note.created);
        if (!(t >= from && t < to)) return false;
      }
      return true;
    };
  }
}

/** Whether two flat records hold the same values (an article's fields are strings). */
function sameFields(a: ArticleRecord | undefined, b: ArticleRecord): boolean {
  if (a === undefined) return false;
  const keys = Object.keys(b) as (keyof ArticleRecord)[];
  return keys.length === Object.keys(a).length && keys.every((k) => a[k] === b[k]);
}

/** Hits grouped by article, in the order of each article's first hit. */
export function groupHits(hits: readonly NoteHit[]): ArticleHits[] {
  const groups = new Map<string, ArticleHits>();
  for (const hit of hits) {
    let g = groups.get(hit.article.id);
    if (g === undefined) {
      g = { article: hit.article, hits: [] };
      groups.set(hit.article.id, g);
    }
    g.hits.push(hit);
  }
  return [...groups.values()];
}
