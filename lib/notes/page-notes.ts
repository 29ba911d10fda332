// The article's notes as the page places them, for the side panel's Notes view and the popup: the
// content script knows where each note is now (its NotesLayer), the background knows what each note
// says (the store). These are the two content-script messages that join them, with their schemas,
// and the pure logic the views use: reading order, orphans apart (an edit's changes: note-edit.ts).
// Both the content script and extension pages import this file (it never reaches lib/store).
import * as v from 'valibot';
import { LIMIT } from './limits';
import type { AnnotationRecord } from './model';

const noteId = v.pipe(v.string(), v.uuid('not a note id (a UUID)'));
const noteIds = v.pipe(v.array(noteId), v.maxLength(100_000, 'too many notes'));

/** Where the page's notes are: placed ones in reading order, then those not found on the page. */
export interface PageNotes {
  /** The article's identity, or null when the page has no analysed article. */
  articleId: string | null;
  placed: string[];
  orphans: string[];
}

export const PageNotesSchema: v.GenericSchema<PageNotes> = v.object({
  articleId: v.nullable(v.pipe(v.string(), v.maxLength(LIMIT.url))),
  placed: noteIds,
  orphans: noteIds,
});

/** What showing a note on the page did: scrolled to it and flashed it, or it is not on the page. */
export const REVEAL_OUTCOMES = ['shown', 'orphan', 'unknown'] as const;
export type RevealOutcome = (typeof REVEAL_OUTCOMES)[number];

/** Requests a tab's content script answers about its notes (spread into contentProtocol, served by entrypoints/content/notes.ts). */
export const pageNotesProtocol = {
  /** The page's note ids: placed ones in reading order, and the orphans. */
  'page-notes': [v.undefined(), PageNotesSchema],
  /** Scroll to a note's passage and flash it. */
  'reveal-note': [v.object({ id: noteId }), v.picklist(REVEAL_OUTCOMES)],
} as const;

/** The article's notes for the Notes view: in the page's reading order, and those it cannot find. */
export interface OrderedNotes {
  placed: AnnotationRecord[];
  orphans: AnnotationRecord[];
  /** Notes the page has not placed yet (saved a moment ago): listed among `placed` by position. */
  unplaced: number;
}

/**
 * Joins the stored notes with where the page has them. Notes the page places come in its order;
 * notes it lists as orphans go apart; notes it does not know yet (a save the page has not listed
 * yet) are slotted into the reading order by their stored position; ids the store no longer has
 * (deleted) are dropped.
 */
export function orderNotes(
  notes: readonly AnnotationRecord[],
  page: Pick<PageNotes, 'placed' | 'orphans'>,
): OrderedNotes {
  const byId = new Map(notes.filter((n) => n.deleted === undefined).map((n) => [n.id, n]));
  const rank = new Map(page.placed.map((id, i) => [id, i]));
  const orphanIds = new Set(page.orphans);
  const placed: AnnotationRecord[] = [];
  const orphans: AnnotationRecord[] = [];
  for (const id of page.placed) {
    const note = byId.get(id);
    if (note) placed.push(note);
  }
  for (const id of page.orphans) {
    const note = byId.get(id);
    if (note && !rank.has(id)) orphans.push(note);
  }
  const unknown = [...byId.values()]
    .filter((n) => !rank.has(n.id) && !orphanIds.has(n.id))
    .sort((a, b) => a.position.start - b.position.start);
  // Each unknown note goes before the first placed note that starts after it.
  for (const note of unknown) {
    const at = placed.findIndex((p) => p.position.start > note.position.start && rank.has(p.id));
    placed.splice(at === -1 ? placed.length : at, 0, note);
  }
  return { placed, orphans, unplaced: unknown.length };
}
