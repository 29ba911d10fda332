// Editing a note in place: the tags a reader types, the tags suggested, and what a save changes.
import { describe, expect, it } from 'vitest';
import { draftChanges, draftOf } from '@/lib/notes/note-edit';
import { sampleNote } from './sample-note';

const NOTE = sampleNote({ tags: ['ألبانيا', 'cyber'] });

describe('what a save changes', () => {
  it('sends only what the reader changed', () => {
    const draft = draftOf(NOTE);
    expect(draftChanges(NOTE, draft)).toBeNull();
    expect(draftChanges(NOTE, { ...draft, note: 'تعديل' })).toEqual({ note: 'تعديل' });
    expect(draftChanges(NOTE, { ...draft, colour: 'blue', tags: ['cyber', 'ألبانيا'] })).toEqual({
      colour: 'blue',
      tags: ['cyber', 'ألبانيا'],
    });
    expect(draftChanges(NOTE, { ...draft, tags: ['ألبانيا'] })).toEqual({ tags: ['ألبانيا'] });
  });

  it('a draft is a copy: editing it leaves the note as it was', () => {
    const draft = draftOf(NOTE);
    draft.tags.push('x');
    expect(NOTE.tags).toEqual(['ألبانيا', 'cyber']);
  });
});
