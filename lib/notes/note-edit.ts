// Editing a note in place (the note card on the page, the side panel's Notes view): the draft and
// what changed, so only real changes are sent to the store; the card's tag parsing and suggestions.
import { foldText } from '../text/fold';
import { LIMIT } from './limits';
import type { AnnotationChanges, AnnotationRecord, NoteColour } from './model';

/** What the edit form holds. */
export interface NoteDraft {
  note: string;
  tags: string[];
  colour: NoteColour;
}

export function draftOf(note: Pick<AnnotationRecord, 'note' | 'tags' | 'colour'>): NoteDraft {
  return { note: note.note, tags: [...note.tags], colour: note.colour };
}

/** Tags typed into the tag field: separated by commas (Latin or Arabic) or new lines, trimmed. */
export function parseTags(typed: string): string[] {
  return typed
    .split(/[,،\n]/)
    .map((tag) => tag.trim().replace(/\s+/g, ' ').slice(0, LIMIT.tag))
    .filter((tag) => tag !== '');
}

/** `tags` with `added` appended, without repeats (compared folded: "Iran" and "iran" are one tag). */
export function addTags(tags: readonly string[], added: readonly string[]): string[] {
  const out = [...tags];
  const seen = new Set(out.map(foldText));
  for (const tag of added) {
    const key = foldText(tag);
    if (seen.has(key) || out.length >= LIMIT.tags) continue;
    seen.add(key);
    out.push(tag);
  }
  return out;
}

/**
 * Up to `limit` of the reader's tags for what is being typed: tags starting with it first, then
 * tags containing it, compared folded (Arabic diacritics and hamza forms, case); never one the note
 * already has. With nothing typed, none.
 */
export function suggestTags(
  all: readonly string[],
  typed: string,
  current: readonly string[],
  limit = 5,
): string[] {
  const query = foldText(typed.trim());
  if (query === '') return [];
  const have = new Set(current.map(foldText));
  const starts: string[] = [];
  const contains: string[] = [];
  for (const tag of all) {
    const key = foldText(tag);
    if (have.has(key)) continue;
    if (key.startsWith(query)) starts.push(tag);
    else if (key.includes(query)) contains.push(tag);
  }
  return [...starts, ...contains].slice(0, limit);
}

/** What the draft changes in `note`, or null when nothing (the store refuses an empty change). */
export function draftChanges(note: AnnotationRecord, draft: NoteDraft): AnnotationChanges | null {
  const changes: AnnotationChanges = {};
  if (draft.note !== note.note) changes.note = draft.note;
  if (draft.colour !== note.colour) changes.colour = draft.colour;
  if (draft.tags.length !== note.tags.length || draft.tags.some((tag, i) => tag !== note.tags[i]))
    changes.tags = draft.tags;
  return Object.keys(changes).length > 0 ? changes : null;
}
