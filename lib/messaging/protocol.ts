// The messages between the extension's parts: one map per receiver, request → response, each side
// with a schema, so everything arriving from another context is checked before it is used.
// Adding a message is one line in a map plus the schema of its payload.
// Content scripts never open IndexedDB: what they store goes through the background (DESIGN.md §2).
import * as v from 'valibot';
import type { MatchesApart } from '../entities/matches-apart';
import { ENTITY_TYPES, type EntityType } from '../entities/types';
import { pageNotesProtocol } from '../notes/page-notes';
import { notesProtocol } from '../notes/validate';
import { entityFields } from '../packs/format';
import type { ArticleRuns } from '../page/extract';
import { articleTextProtocol } from '../reader-dictionary/article-text';
import { readerDictionaryProtocol } from '../reader-dictionary/validate';

/** One entity found on a page, with how often it occurs there. */
export interface EntityCount {
  id: string;
  type: EntityType;
  names: { ar: string; en: string };
  count: number;
  /** Order of first appearance on the page, 0-based. */
  firstSeen: number;
}

export const PAGE_STATUSES = [
  /** Still extracting or matching. */
  'working',
  /** Entities found and painted (possibly none). */
  'ready',
  /** The page does not look like an article; nothing costly was done. */
  'not-article',
  /** The page is too large or too deeply nested to analyse unasked (see lib/page/page-size.ts). */
  'too-large',
  /** Readability found no article text. */
  'no-article',
  /** Something failed; `error` says what. */
  'error',
] as const;
export type PageStatus = (typeof PAGE_STATUSES)[number];

/** What the content script found on its page: the popup's and side panel's list, the bench's timings. */
export interface PageReport {
  status: PageStatus;
  url: string;
  title: string;
  entities: EntityCount[];
  error?: string;
  /** What the last analysis cost, in ms (for `npm run bench` and curious readers). */
  timings?: {
    extractMs: number;
    matchMs: number;
    paintMs: number;
    /** The longest single task of the analysis (a long article's is split into several). */
    longestTaskMs?: number;
    /** From the content script's start to the first frame drawn after the first paint. */
    firstFrameMs?: number;
    /**
     * An article with many mentions: the work before those on the reader's screen were painted (the
     * others are painted in idle time), and their text offsets.
     */
    firstScreenMs?: number;
    firstScreen?: { start: number; end: number };
    /** Fetching the shipped dictionary, once per page. */
    dictionaryMs?: number;
    /** How long the analysis waited for it after extracting the article. */
    dictionaryWaitMs?: number;
    /** The article's mentions were found apart from the page, by the background's matcher... */
    matchedApart?: boolean;
    /** ...which took this long of the wait... */
    matchedApartMs?: number;
    /** ...for this many characters first, the rest after the reader's screen was painted. */
    firstPartChars?: number;
    /** The article was read apart from the page (a very big page). */
    extractedApart?: boolean;
    /** The reader's notes after the last analysis (for `npm run bench`). */
    notes?: NotesTimings;
  };
}

/** What finding and painting the article's notes cost after an analysis, and what was found how. */
export interface NotesTimings {
  /** From the analysis' start to every note painted. */
  sinceAnalysisMs: number;
  /** Asking the background for the article's notes (`list-notes`), until its answer. */
  listMs: number;
  /** Re-anchoring them on the text model, building their ranges and painting them. */
  anchorMs: number;
  /** When they were painted, in ms since the page's time origin (tells analyses apart). */
  paintedAt: number;
  /** Notes placed by each anchoring step, and those not found (orphans). */
  position: number;
  exact: number;
  approximate: number;
  orphans: number;
}

/** Where stepping landed: the entity and the mention's 1-based position among its mentions. */
export interface StepResult {
  entityId: string;
  position: number;
  total: number;
}

const count = v.pipe(v.number(), v.finite());

const entityCount: v.GenericSchema<EntityCount> = v.object({
  id: v.string(),
  type: v.picklist(ENTITY_TYPES),
  names: v.object({ ar: v.string(), en: v.string() }),
  count,
  firstSeen: count,
});

const pageReport: v.GenericSchema<PageReport> = v.object({
  status: v.picklist(PAGE_STATUSES),
  url: v.string(),
  title: v.string(),
  entities: v.array(entityCount),
  error: v.optional(v.string()),
  timings: v.optional(
    v.object({
      extractMs: count,
      matchMs: count,
      paintMs: count,
      longestTaskMs: v.optional(count),
      firstFrameMs: v.optional(count),
      firstScreenMs: v.optional(count),
      firstScreen: v.optional(v.object({ start: count, end: count })),
      dictionaryMs: v.optional(count),
      dictionaryWaitMs: v.optional(count),
      matchedApart: v.optional(v.boolean()),
      matchedApartMs: v.optional(count),
      firstPartChars: v.optional(count),
      extractedApart: v.optional(v.boolean()),
      notes: v.optional(
        v.object({
          sinceAnalysisMs: count,
          listMs: count,
          anchorMs: count,
          paintedAt: count,
          position: count,
          exact: count,
          approximate: count,
          orphans: count,
        }),
      ),
    }),
  ),
});

const stepResult: v.GenericSchema<StepResult> = v.object({
  entityId: v.string(),
  position: count,
  total: count,
});

/** Jump to the next/previous mention, of one entity or of any. */
const stepRequest = v.object({ direction: v.picklist([1, -1]), entityId: v.optional(v.string()) });

const none = v.undefined();

/** A page's HTML for its article to be read apart from it; Chrome takes messages up to 64 MiB. */
export const MAX_PAGE_HTML_CHARS = 30_000_000;
const pageHtml = v.object({
  html: v.pipe(v.string(), v.maxLength(MAX_PAGE_HTML_CHARS, 'a page too large to send')),
});
const index = v.pipe(v.number(), v.safeInteger(), v.minValue(0));
const articleRuns: v.GenericSchema<ArticleRuns> = v.object({
  meta: v.object({
    title: v.string(),
    byline: v.nullable(v.string()),
    excerpt: v.nullable(v.string()),
    siteName: v.nullable(v.string()),
    lang: v.nullable(v.string()),
  }),
  runCount: index,
  kept: v.array(v.object({ run: index, length: index, ends: v.string() })),
});

/** An article's text to match apart from the page; a page's text is smaller than its HTML. */
const articleText = v.object({
  text: v.pipe(v.string(), v.maxLength(MAX_PAGE_HTML_CHARS, 'an article too large to send')),
});
// Checked item by item by decodeMatches (ids against spans, spans against the text): a schema
// walking thousands of numbers would cost the page what matching apart saves it.
const matchesApart: v.GenericSchema<MatchesApart> = v.object({
  ids: v.array(v.string()),
  types: v.custom<number[]>(Array.isArray),
  spans: v.string(),
  tookMs: v.optional(v.number()),
});

const entityIds = v.object({ ids: v.pipe(v.array(v.string()), v.maxLength(100_000, 'too many entities')) });
/** An entity as the background describes it: a pack entity's fields, and the forms it shares. */
const describedEntity = v.object({
  ...entityFields,
  shared: v.optional(v.record(v.string(), v.array(v.string()))),
});

/** Requests about the page's analysis a tab's content script answers (entrypoints/content/messages.ts). */
export const analysisProtocol = {
  'get-page-report': [none, pageReport],
  /** Analyse even if the page doesn't look like an article. */
  analyse: [none, pageReport],
  /** Switch highlighting on this page's site on or off (keyboard command). */
  'toggle-site': [none, pageReport],
  step: [stepRequest, v.nullable(stepResult)],
  /** Open the card of the current mention and move the focus into it (keyboard command). */
  'show-card': [none, v.null()],
} as const;

/** Requests a tab's content script answers (from extension pages and the background). */
export const contentProtocol = {
  ...analysisProtocol,
  /** Where the page's notes are, and showing one of them (entrypoints/content/notes.ts). */
  ...pageNotesProtocol,
  /** The analysed article's text, for the side panel to look for possible entities in. */
  ...articleTextProtocol,
} as const;

/** What a tab did with the reader's selection (context menu, keyboard command). */
export const SELECTION_OUTCOMES = ['opened', 'outside', 'none'] as const;

/**
 * The reader's selection, from the context menu and keyboard commands (the background sends them to
 * the tab's selection toolbar, entrypoints/content/toolbar.ts): 'highlight' saves it in the first
 * colour at once, 'note' opens the toolbar with the focus in its note field.
 */
export const selectionProtocol = {
  'selection-note': [v.object({ action: v.picklist(['highlight', 'note']) }), v.picklist(SELECTION_OUTCOMES)],
} as const;

/** Requests the background answers (from content scripts). */
export const backgroundProtocol = {
  /** The number of distinct entities on the sender's page, for its tab's toolbar badge. */
  'entity-count': [v.object({ count }), v.void()],
  /**
   * A page that looks like an article is loading: the background starts (if it was stopped) and
   * readies what the page's analysis asks for next, the dictionary's files and the notes store.
   */
  wake: [none, v.void()],
  /** The shipped dictionary's mentions in an article's text (lib/entities/matches-apart.ts). */
  'match-article': [articleText, matchesApart],
  /** The entries of the entities a page found, and of those they share a form with. */
  'describe-entities': [entityIds, v.array(describedEntity)],
  /** Reads the article of a page too big to extract on the page (lib/page/extract-elsewhere.ts). */
  'extract-article': [pageHtml, v.nullable(articleRuns)],
  /** Save, change, delete, undo and list the reader's notes (the background owns the store). */
  ...notesProtocol,
  /** The same for what the reader taught the dictionary (their entities and corrections). */
  ...readerDictionaryProtocol,
} as const;

/** Requests Chrome's offscreen document answers (from the background). */
export const offscreenProtocol = {
  'read-article-html': [pageHtml, v.nullable(articleRuns)],
} as const;

/**
 * Notices the background sends to every open view, extension pages and content scripts alike
 * (broadcast() in ./messenger.ts); each view serves the ones that concern it and nobody answers.
 */
export const viewProtocol = {
  /**
   * Notes of these articles were saved, changed, deleted, restored or imported: list them again.
   * One notice per change or import (an import of 1,000 articles once sent 1,000, each to every tab).
   */
  'notes-changed': [v.object({ articleIds: v.array(v.string()) }), v.void()],
} as const;

/**
 * Broadcast like viewProtocol, to the views that apply or list the reader's dictionary: the reader
 * added, corrected, suppressed or dismissed something, so apply their dictionary again.
 */
export const readerDictionaryNotices = {
  'reader-dictionary-changed': [none, v.void()],
} as const;
