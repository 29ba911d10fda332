// Checks the notes messages on arrival (DESIGN.md §2): a content script runs beside a hostile page,
// so the background validates every request before anything is written, and answers a malformed
// one with an error in words instead of throwing. Valibot (pinned 1.5.0): schemas are plain
// functions that tree-shake, so the few used here cost the content script a few KB, where Zod's
// runtime costs tens; the import validation of the library issue uses the same library.
// Both the background and content scripts may import this file (it never reaches lib/store).
import * as v from 'valibot';
import type { ArticleInfo } from './article-identity';
import { type AnnotationChanges, type AnnotationRecord, type NewAnnotation, NOTE_COLOURS } from './model';

// Limits keep one message from filling the disk; each is far above what a reader writes.
export const LIMITS = {
  quote: 20_000,
  context: 256,
  note: 20_000,
  tags: 50,
  tag: 100,
  entityIds: 500,
  entityId: 200,
  url: 4096,
  articleText: 2000,
  lang: 35,
} as const;

const text = (max: number) => v.pipe(v.string(), v.maxLength(max, `longer than ${max} characters`));
const httpUrl = v.pipe(
  v.string(),
  v.maxLength(LIMITS.url, `longer than ${LIMITS.url} characters`),
  v.check((value) => /^https?:\/\//i.test(value) && URL.canParse(value), 'not an http(s) URL'),
);
const noteId = v.pipe(v.string(), v.uuid('not a note id (a UUID)'));
const offset = v.pipe(v.number(), v.safeInteger('not a whole number'), v.minValue(0, 'negative'));
const colour = v.picklist(NOTE_COLOURS, `not one of the colours ${NOTE_COLOURS.join(', ')}`);
const tags = v.pipe(
  v.array(
    v.pipe(
      text(LIMITS.tag),
      v.check((tag) => tag.trim() !== '', 'an empty tag'),
    ),
  ),
  v.maxLength(LIMITS.tags, `more than ${LIMITS.tags} tags`),
);

export const ArticleInfoSchema = v.object({
  id: httpUrl,
  url: httpUrl,
  title: text(LIMITS.articleText),
  site: text(LIMITS.articleText),
  byline: text(LIMITS.articleText),
  lang: text(LIMITS.lang),
  excerpt: text(LIMITS.articleText),
});

export const NewAnnotationSchema = v.object({
  id: v.optional(noteId),
  quote: v.object({
    type: v.literal('TextQuoteSelector'),
    exact: v.pipe(
      text(LIMITS.quote),
      v.check((exact) => exact.trim() !== '', 'an empty quote'),
    ),
    prefix: text(LIMITS.context),
    suffix: text(LIMITS.context),
  }),
  position: v.pipe(
    v.object({ type: v.literal('TextPositionSelector'), start: offset, end: offset }),
    v.check((position) => position.end > position.start, 'ends before it starts'),
  ),
  colour,
  note: text(LIMITS.note),
  tags,
  entityIds: v.pipe(v.array(text(LIMITS.entityId)), v.maxLength(LIMITS.entityIds, 'too many entities')),
});

const AnnotationChangesSchema = v.pipe(
  v.object({ colour: v.optional(colour), note: v.optional(text(LIMITS.note)), tags: v.optional(tags) }),
  v.check(
    (changes) => changes.colour !== undefined || changes.note !== undefined || changes.tags !== undefined,
    'changes nothing',
  ),
);

export const NotesRequestSchema = v.variant(
  'type',
  [
    v.object({ type: v.literal('save-note'), article: ArticleInfoSchema, note: NewAnnotationSchema }),
    v.object({ type: v.literal('update-note'), id: noteId, changes: AnnotationChangesSchema }),
    v.object({ type: v.literal('delete-note'), id: noteId }),
    v.object({ type: v.literal('undo-delete-note'), id: noteId }),
    v.object({ type: v.literal('list-notes'), articleId: httpUrl }),
    v.object({ type: v.literal('list-tags') }),
  ],
  'not a notes request',
);

export type NotesRequest = v.InferOutput<typeof NotesRequestSchema>;
export type NotesRequestType = NotesRequest['type'];
export const NOTES_REQUEST_TYPES: readonly NotesRequestType[] = [
  'save-note',
  'update-note',
  'delete-note',
  'undo-delete-note',
  'list-notes',
  'list-tags',
];

/** The answer to every notes request: the result, or an error in words. */
export type NotesResponse<T> = { ok: true; value: T } | { ok: false; error: string };

/** Results of each request. */
export interface NotesResults {
  'save-note': AnnotationRecord;
  'update-note': AnnotationRecord;
  'delete-note': AnnotationRecord;
  'undo-delete-note': AnnotationRecord;
  'list-notes': AnnotationRecord[];
  'list-tags': string[];
}

export type Validated<T> = { ok: true; value: T } | { ok: false; error: string };

/** Checks a message that claims to be a notes request; never throws. */
export function validateNotesRequest(message: unknown): Validated<NotesRequest> {
  const result = v.safeParse(NotesRequestSchema, message);
  if (result.success) return { ok: true, value: result.output };
  const type =
    typeof message === 'object' && message !== null && 'type' in message && typeof message.type === 'string'
      ? message.type.slice(0, 40)
      : 'unknown';
  const problems = result.issues.slice(0, 3).map((issue) => {
    const path = v.getDotPath(issue);
    return path ? `${path}: ${issue.message}` : issue.message;
  });
  return { ok: false, error: `Malformed ${type} message (${problems.join('; ')})` };
}

// The schemas and the record types must describe the same thing.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const schemasMatch: [
  Same<v.InferOutput<typeof ArticleInfoSchema>, ArticleInfo>,
  Same<v.InferOutput<typeof NewAnnotationSchema>, NewAnnotation>,
  Same<v.InferOutput<typeof AnnotationChangesSchema>, AnnotationChanges>,
] = [true, true, true];
void schemasMatch;
