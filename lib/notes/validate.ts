// The notes messages' schemas (DESIGN.md §2): a content script runs beside a hostile page, so the
// background checks every request against these before anything is written (the messenger,
// lib/messaging/messenger.ts, answers a malformed one with an error in words, never a throw).
// Valibot, as for every message and import. Field sizes are LIMIT (./limits.ts), the same as an
// import's, so any note that can be imported can be edited. Both the background and content
// scripts may import this file (it never reaches lib/store).
import * as v from 'valibot';
import type { ArticleInfo } from './article-identity';
import { LIMIT } from './limits';
import { type AnnotationChanges, type AnnotationRecord, type NewAnnotation, NOTE_COLOURS } from './model';

const text = (max: number) => v.pipe(v.string(), v.maxLength(max, `longer than ${max} characters`));
const httpUrl = v.pipe(
  v.string(),
  v.maxLength(LIMIT.url, `longer than ${LIMIT.url} characters`),
  v.check((value) => /^https?:\/\//i.test(value) && URL.canParse(value), 'not an http(s) URL'),
);
const noteId = v.pipe(v.string(), v.uuid('not a note id (a UUID)'));
const offset = v.pipe(
  v.number(),
  v.safeInteger('not a whole number'),
  v.minValue(0, 'negative'),
  v.maxValue(LIMIT.offset, 'past any page'),
);
const colour = v.picklist(NOTE_COLOURS, `not one of the colours ${NOTE_COLOURS.join(', ')}`);
const tags = v.pipe(
  v.array(
    v.pipe(
      text(LIMIT.tag),
      v.check((tag) => tag.trim() !== '', 'an empty tag'),
    ),
  ),
  v.maxLength(LIMIT.tags, `more than ${LIMIT.tags} tags`),
);

export const ArticleInfoSchema = v.object({
  id: httpUrl,
  url: httpUrl,
  title: text(LIMIT.label),
  site: text(LIMIT.label),
  byline: text(LIMIT.label),
  lang: text(LIMIT.label),
  excerpt: text(LIMIT.excerpt),
});

export const NewAnnotationSchema = v.object({
  id: v.optional(noteId),
  quote: v.object({
    type: v.literal('TextQuoteSelector'),
    exact: v.pipe(
      text(LIMIT.exact),
      v.check((exact) => exact.trim() !== '', 'an empty quote'),
    ),
    prefix: text(LIMIT.context),
    suffix: text(LIMIT.context),
  }),
  position: v.pipe(
    v.object({ type: v.literal('TextPositionSelector'), start: offset, end: offset }),
    v.check((position) => position.end > position.start, 'ends before it starts'),
  ),
  colour,
  note: text(LIMIT.note),
  tags,
  entityIds: v.pipe(v.array(text(LIMIT.id)), v.maxLength(LIMIT.entities, 'too many entities')),
});

const AnnotationChangesSchema = v.pipe(
  v.object({ colour: v.optional(colour), note: v.optional(text(LIMIT.note)), tags: v.optional(tags) }),
  v.check(
    (changes) => changes.colour !== undefined || changes.note !== undefined || changes.tags !== undefined,
    'changes nothing',
  ),
);

const noteIdRequest = v.object({ id: noteId });
const isoTime = v.pipe(v.string(), v.isoTimestamp('not an ISO 8601 time'));

/** A stored note, as the background answers it (and as an import will check it). */
export const AnnotationRecordSchema = v.object({
  ...v.omit(NewAnnotationSchema, ['id']).entries,
  id: noteId,
  articleId: httpUrl,
  created: isoTime,
  modified: isoTime,
  deleted: v.optional(isoTime),
});

/**
 * The notes messages the background answers, in the messaging protocol's form: type → [request
 * payload schema, response schema]. Content scripts send them; the background checks each payload
 * against its schema before the store sees it.
 */
export const notesProtocol = {
  /** Save a new note (and create or refresh its article). */
  'save-note': [v.object({ article: ArticleInfoSchema, note: NewAnnotationSchema }), AnnotationRecordSchema],
  'update-note': [v.object({ id: noteId, changes: AnnotationChangesSchema }), AnnotationRecordSchema],
  /** Delete, leaving a tombstone; the answer is the tombstone. */
  'delete-note': [noteIdRequest, AnnotationRecordSchema],
  'undo-delete-note': [noteIdRequest, AnnotationRecordSchema],
  /** The article's notes, not deleted, in reading order. */
  'list-notes': [v.object({ articleId: httpUrl }), v.array(AnnotationRecordSchema)],
  /** Every tag in use, for autocomplete. */
  'list-tags': [v.undefined(), v.array(v.string())],
} as const;

export type NotesRequestType = keyof typeof notesProtocol;
export type NotesRequestOf<K extends NotesRequestType> = v.InferOutput<(typeof notesProtocol)[K][0]>;
export type NotesResponseOf<K extends NotesRequestType> = v.InferOutput<(typeof notesProtocol)[K][1]>;

// The schemas and the record types must describe the same thing.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const schemasMatch: [
  Same<v.InferOutput<typeof ArticleInfoSchema>, ArticleInfo>,
  Same<v.InferOutput<typeof NewAnnotationSchema>, NewAnnotation>,
  Same<v.InferOutput<typeof AnnotationChangesSchema>, AnnotationChanges>,
  Same<v.InferOutput<typeof AnnotationRecordSchema>, AnnotationRecord>,
] = [true, true, true, true];
void schemasMatch;
