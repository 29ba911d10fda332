// Editing a note in place: the tags a reader types, the tags suggested, and what a save changes.
import { describe, expect, it } from 'vitest';
import type { AnnotationRecord } from '@/lib/notes/model';
import { draftChanges, draftOf } from '@/lib/notes/note-edit';

const NOTE: AnnotationRecord = {
  id: '00000000-0000-4000-8000-000000000001',
  articleId: 'https://news.example/a',
  quote: { type: 'TextQuoteSelector', exact: 'إيدي راما', prefix: '', suffix: '' },
  position: { type: 'TextPositionSelector', start: 0, end: 9 },
  colour: 'yellow',
  note: 'كلمة مصورة',
  tags: ['ألبانيا', 'cyber'],
  entityIds: [],
  created: '2026-01-01T00:00:00.000Z',
  modified: '2026-01-01T00:00:00.000Z',
};

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
