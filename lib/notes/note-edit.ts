// Editing a note in place (the note card on the page, the side panel's Notes view): the draft and
// what changed, so only real changes are sent to the store (tags as typed: tags.ts).
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

/** What the draft changes in `note`, or null when nothing (the store refuses an empty change). */
export function draftChanges(note: AnnotationRecord, draft: NoteDraft): AnnotationChanges | null {
  const changes: AnnotationChanges = {};
  if (draft.note !== note.note) changes.note = draft.note;
  if (draft.colour !== note.colour) changes.colour = draft.colour;
  if (draft.tags.length !== note.tags.length || draft.tags.some((tag, i) => tag !== note.tags[i]))
    changes.tags = draft.tags;
  return Object.keys(changes).length > 0 ? changes : null;
}
