// The shapes an imported file may have, as Valibot schemas: every value is checked for type and
// size before anything is built from it. Objects are v.object, which keeps only the keys named
// here: unknown fields (including "__proto__") never reach a record.
import * as v from 'valibot';
import { TERM } from '../export/vocabulary';
import { LIMIT } from '../notes/limits';
import { NOTE_COLOURS } from '../notes/model';
import { ReaderEntrySchema } from '../reader-dictionary/validate';
import { MAX_READER_ENTRIES } from './limits';

const text = (max: number, what: string) =>
  v.pipe(v.string(), v.maxLength(max, `${what} is longer than ${max.toLocaleString('en')} characters`));

export const Timestamp = v.pipe(
  v.string(),
  v.maxLength(64),
  v.isoTimestamp('not a date and time (ISO 8601, e.g. 2026-11-29T10:00:00Z)'),
  v.check((s) => !Number.isNaN(Date.parse(s)), 'not a real date'),
);

const Offset = v.pipe(
  v.number(),
  v.integer('not a whole number'),
  v.minValue(0, 'negative'),
  v.maxValue(LIMIT.offset, 'past any page'),
);

/** A JSON-LD `type`: one name or several. */
const TypeName = v.union([
  v.pipe(v.string(), v.maxLength(200)),
  v.pipe(v.array(v.pipe(v.string(), v.maxLength(200))), v.maxLength(20)),
]);

export const TextQuoteSelector = v.object({
  type: v.literal('TextQuoteSelector'),
  exact: v.pipe(text(LIMIT.exact, 'the quoted passage'), v.minLength(1, 'the quoted passage is empty')),
  prefix: v.optional(text(LIMIT.context, 'the text before the passage'), ''),
  suffix: v.optional(text(LIMIT.context, 'the text after the passage'), ''),
});

export const TextPositionSelector = v.pipe(
  v.object({ type: v.literal('TextPositionSelector'), start: Offset, end: Offset }),
  v.check((s) => s.end >= s.start, 'the position ends before it starts'),
);

/** Any selector: its type is read first, the rest checked by the reader for that type. */
export const AnySelector = v.object({
  type: TypeName,
  refinedBy: v.optional(v.unknown()),
  startSelector: v.optional(v.unknown()),
  endSelector: v.optional(v.unknown()),
});

export const TextualBody = v.object({
  type: v.optional(TypeName),
  id: v.optional(text(LIMIT.url, 'a body id')),
  value: v.optional(text(LIMIT.note, 'the note')),
  purpose: v.optional(TypeName),
  format: v.optional(text(200, 'a format')),
});

/**
 * One value or a list of them, read as a list. (Not a union: v.object accepts an array, so a list
 * with one bad entry would fall back to reading the whole list as one empty object.)
 */
const OneOrMany = <T extends v.GenericSchema>(item: T, max: number) =>
  v.pipe(
    v.unknown(),
    v.transform((x) => (Array.isArray(x) ? x : [x])),
    v.array(item),
    v.maxLength(max, `more than ${max} entries`),
  );

const Body = v.union([text(LIMIT.url, 'a body'), TextualBody]);

export const Target = v.union([
  text(LIMIT.url, 'the target'),
  v.object({
    type: v.optional(TypeName),
    source: v.optional(
      v.union([text(LIMIT.url, 'the page address'), v.object({ id: text(LIMIT.url, 'the page address') })]),
    ),
    selector: v.optional(OneOrMany(v.unknown(), 20)),
  }),
]);

/** A W3C Web Annotation, with Hashiya's extension terms when it comes from Hashiya. */
export const WebAnnotation = v.object({
  id: v.optional(text(LIMIT.id, 'the id')),
  type: TypeName,
  motivation: v.optional(TypeName),
  created: v.optional(Timestamp),
  modified: v.optional(Timestamp),
  body: v.optional(OneOrMany(Body, LIMIT.tags + 1)),
  bodyValue: v.optional(text(LIMIT.note, 'the note')),
  target: OneOrMany(Target, 20),
  [TERM.article]: v.optional(text(LIMIT.url, 'the article id')),
  [TERM.colour]: v.optional(v.picklist(NOTE_COLOURS, `not one of the colours ${NOTE_COLOURS.join(', ')}`)),
  [TERM.entities]: v.optional(
    v.pipe(v.array(text(LIMIT.id, 'an entity id')), v.maxLength(LIMIT.entities, 'too many entities')),
  ),
  [TERM.deleted]: v.optional(Timestamp),
});
export type WebAnnotationInput = v.InferOutput<typeof WebAnnotation>;

export const ArticleInput = v.object({
  id: v.pipe(text(LIMIT.url, 'the article id'), v.minLength(1, 'the article id is empty')),
  url: text(LIMIT.url, 'the address'),
  title: text(LIMIT.label, 'the title'),
  site: text(LIMIT.label, 'the site'),
  byline: text(LIMIT.label, 'the byline'),
  lang: text(64, 'the language'),
  excerpt: text(LIMIT.excerpt, 'the excerpt'),
  created: Timestamp,
  modified: Timestamp,
});

/** A row of Hypothesis's API or export JSON. */
export const HypothesisRow = v.object({
  id: text(LIMIT.id, 'the id'),
  created: Timestamp,
  updated: Timestamp,
  uri: text(LIMIT.url, 'the page address'),
  text: v.optional(text(LIMIT.note, 'the note'), ''),
  tags: v.optional(v.pipe(v.array(text(LIMIT.tag, 'a tag')), v.maxLength(LIMIT.tags, 'too many tags')), []),
  target: v.optional(
    v.pipe(
      v.array(
        v.object({
          source: v.optional(text(LIMIT.url, 'the page address')),
          selector: v.optional(v.pipe(v.array(v.unknown()), v.maxLength(20))),
        }),
      ),
      v.maxLength(20),
    ),
    [],
  ),
  document: v.optional(v.object({ title: v.optional(v.array(text(LIMIT.label, 'the title'))) })),
  references: v.optional(v.array(v.unknown())),
});
export type HypothesisRowInput = v.InferOutput<typeof HypothesisRow>;

/**
 * One entry of the reader's dictionary in a backup: checked as the background checks a stored one
 * (lib/reader-dictionary/validate.ts), with real dates as for notes, and its id in the lower case
 * the store gives ids.
 */
export const ReaderEntryInput = v.pipe(
  ReaderEntrySchema,
  v.check(
    (e) => [e.created, e.modified, e.deleted].every((t) => t === undefined || !Number.isNaN(Date.parse(t))),
    'a time that is not a real date',
  ),
  v.transform((e) => ({ ...e, id: e.id.toLowerCase() })),
);

/** The outside of a file Hashiya exported (its items are checked one by one). */
export const HashiyaCollection = v.object({
  type: TypeName,
  first: v.object({ items: v.array(v.unknown()) }),
  [TERM.articles]: v.optional(v.array(v.unknown()), []),
  [TERM.tombstones]: v.optional(v.array(v.unknown()), []),
  [TERM.readerEntries]: v.optional(
    v.pipe(
      v.array(v.unknown()),
      v.maxLength(
        MAX_READER_ENTRIES,
        `more than ${MAX_READER_ENTRIES.toLocaleString('en')} entries of your dictionary`,
      ),
    ),
    [],
  ),
});

/** "path: message" for the first few problems Valibot found. */
export function describeIssues(issues: readonly v.BaseIssue<unknown>[]): string {
  return issues
    .slice(0, 3)
    .map((issue) => {
      const path = v.getDotPath(issue);
      return path ? `${path}: ${issue.message}` : issue.message;
    })
    .join('; ');
}
