// What an import would change, computed against what is stored, before the reader confirms:
// counts of new, updated, unchanged and invalid articles, notes and reader-dictionary entries, and
// the exact records to put. Records are matched by id; the newer `modified` wins and a tie keeps the stored copy, so
// importing the same file twice changes nothing the second time. Nothing passed in is changed.
import type { AnnotationRecord, ArticleRecord } from '../notes/model';
import type { ReaderEntry } from '../reader-dictionary/model';
import {
  type ImportFailure,
  type ImportFormat,
  type ImportProblem,
  type ImportRead,
  type ReadOptions,
  readImport,
} from './read';

export interface ImportCounts {
  new: number;
  updated: number;
  unchanged: number;
  invalid: number;
}

export interface StoredRecords {
  articles: readonly ArticleRecord[];
  annotations: readonly AnnotationRecord[];
  /** Every stored reader-dictionary entry, tombstones too; none when absent. */
  readerEntries?: readonly ReaderEntry[];
}

export interface ImportPreview {
  ok: true;
  format: ImportFormat;
  articles: ImportCounts;
  notes: ImportCounts;
  /** The reader's dictionary: entities, overrides, suppressions, dismissed proposals (tombstones too). */
  readerEntries: ImportCounts;
  /** Everything not imported, with the reason. */
  invalid: ImportProblem[];
  /** Imported with a caveat. */
  warnings: ImportProblem[];
  /** What the store writes, in one transaction, when the reader confirms. */
  toPut: { articles: ArticleRecord[]; annotations: AnnotationRecord[]; readerEntries: ReaderEntry[] };
}

type Verdict = 'new' | 'updated' | 'unchanged';

/** JSON with every object's keys sorted, so equal records give equal text. */
function canonical(x: unknown): string {
  return JSON.stringify(x, (_key, value: unknown) =>
    typeof value === 'object' && value !== null && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : value,
  );
}

function sameRecord(a: object, b: object): boolean {
  return canonical(a) === canonical(b);
}

/** Newer `modified` wins; a tie keeps what is stored. */
function verdict<T extends { modified: string }>(incoming: T, stored: T | undefined): Verdict {
  if (stored === undefined) return 'new';
  return Date.parse(incoming.modified) > Date.parse(stored.modified) ? 'updated' : 'unchanged';
}

function counts(): ImportCounts {
  return { new: 0, updated: 0, unchanged: 0, invalid: 0 };
}

/** The preview for a file already read. */
export function previewRead(read: ImportRead, stored: StoredRecords): ImportPreview {
  const storedArticles = new Map(stored.articles.map((a) => [a.id, a]));
  const storedNotes = new Map(stored.annotations.map((n) => [n.id, n]));
  const articles = counts();
  const notes = counts();
  const readerEntries = counts();
  const toPut: ImportPreview['toPut'] = { articles: [], annotations: [], readerEntries: [] };
  const warnings = [...read.warnings];
  const invalidReaderEntries = [...read.invalidReaderEntries];

  for (const note of read.notes) {
    const was = storedNotes.get(note.id);
    const v = verdict(note, was);
    notes[v]++;
    if (v !== 'unchanged') toPut.annotations.push(structuredClone(note));
    else if (was !== undefined && note.modified === was.modified && !sameRecord(note, was))
      warnings.push({
        item: `note ${note.id}`,
        reason: 'differs from the stored note but has the same modified time; the stored one is kept',
      });
  }
  for (const article of read.articles) {
    const was = storedArticles.get(article.id);
    // An article built from its notes never replaces a stored record with the real metadata.
    const v = read.standIns.has(article.id) && was !== undefined ? 'unchanged' : verdict(article, was);
    articles[v]++;
    if (v !== 'unchanged') toPut.articles.push(structuredClone(article));
  }
  const storedEntries = new Map((stored.readerEntries ?? []).map((e) => [e.id, e]));
  for (const entry of read.readerEntries) {
    const was = storedEntries.get(entry.id);
    if (was !== undefined && was.kind !== entry.kind) {
      invalidReaderEntries.push({
        item: `dictionary entry ${entry.id}`,
        reason: `its id belongs to a stored ${was.kind} entry, not to a ${entry.kind} one`,
      });
      continue;
    }
    const v = verdict(entry, was);
    readerEntries[v]++;
    if (v !== 'unchanged') toPut.readerEntries.push(structuredClone(entry));
    else if (was !== undefined && entry.modified === was.modified && !sameRecord(entry, was))
      warnings.push({
        item: `dictionary entry ${entry.id}`,
        reason: 'differs from the stored entry but has the same modified time; the stored one is kept',
      });
  }
  articles.invalid = read.invalidArticles.length;
  notes.invalid = read.invalidNotes.length;
  readerEntries.invalid = invalidReaderEntries.length;
  return {
    ok: true,
    format: read.format,
    articles,
    notes,
    readerEntries,
    invalid: [...read.invalidArticles, ...read.invalidNotes, ...invalidReaderEntries],
    warnings,
    toPut,
  };
}

/** Reads the file and previews it against the stored records: the whole import short of writing. */
export function previewImport(
  text: string,
  stored: StoredRecords,
  options: ReadOptions = {},
): ImportPreview | ImportFailure {
  const read = readImport(text, options);
  return read.ok ? previewRead(read, stored) : read;
}
