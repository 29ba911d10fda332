// The reader's notes as every part of the extension sees them: the background's store, the
// content script (through messages), extension pages and the export/import formats. Shaped after
// the W3C Web Annotation Data Model (DESIGN.md §4) and for a later sync on an existing engine:
// UUIDs, created/modified on every record, and tombstones instead of deletes.

/** Highlight colours a reader can pick; the painter registers one highlight per colour. */
export const NOTE_COLOURS = ['yellow', 'green', 'blue', 'pink', 'purple'] as const;
export type NoteColour = (typeof NOTE_COLOURS)[number];

/** W3C TextQuoteSelector: the passage and ~32 characters on each side. */
export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

/** W3C TextPositionSelector, in the coordinates of the page's text model (lib/text/text-model). */
export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

/** One article, however many URLs lead to it. */
export interface ArticleRecord {
  /** The article's identity: canonical / og:url, else the URL without fragment and tracking parameters. */
  id: string;
  /** The URL the reader last had open. */
  url: string;
  title: string;
  site: string;
  byline: string;
  /** BCP 47 language of the article, '' when unknown. */
  lang: string;
  excerpt: string;
  /** ISO 8601. */
  created: string;
  modified: string;
}

export interface AnnotationRecord {
  /** A UUID (lib/notes/ids.ts). */
  id: string;
  /** ArticleRecord.id. */
  articleId: string;
  quote: TextQuoteSelector;
  position: TextPositionSelector;
  colour: NoteColour;
  /** The reader's note; '' for a plain highlight. */
  note: string;
  tags: string[];
  /** Dictionary entity ids mentioned inside the quote. */
  entityIds: string[];
  /** ISO 8601. */
  created: string;
  modified: string;
  /** Set when deleted: the record stays as a tombstone so merging two copies never resurrects it. */
  deleted?: string;
}

/** A new note as the page describes it; the store adds articleId, created/modified (and id when absent). */
export type NewAnnotation = Omit<
  AnnotationRecord,
  'id' | 'articleId' | 'created' | 'modified' | 'deleted'
> & {
  /** A UUID chosen by the sender, so a retried save never makes a second note. */
  id?: string;
};

/** What a reader can change in a note after saving it. */
export type AnnotationChanges = Partial<Pick<AnnotationRecord, 'colour' | 'note' | 'tags'>>;
