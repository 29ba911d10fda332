// Editing a note in place: the tags a reader types, the tags suggested, and what a save changes.
import { describe, expect, it } from 'vitest';
import type { AnnotationRecord } from '@/lib/notes/model';
import { addTags, draftChanges, draftOf, parseTags, suggestTags } from '@/lib/notes/note-edit';

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

describe('tags typed into the card', () => {
  it('splits on Latin and Arabic commas and new lines, trims, and drops empty ones', () => {
    expect(parseTags(' iran ,  إيران، تحقيق\n\n, ')).toEqual(['iran', 'إيران', 'تحقيق']);
    expect(parseTags('two   words')).toEqual(['two words']);
  });

  it('adds without repeating a tag, whatever its case or diacritics', () => {
    expect(addTags(['Iran', 'أَلبانيا'], ['iran', 'ألبانيا', 'new'])).toEqual(['Iran', 'أَلبانيا', 'new']);
  });

  it('suggests the reader’s tags that start with what is typed first, then those containing it, never one the note has', () => {
    const all = ['تحقيق', 'إيران', 'ايرانيات', 'Iran deal', 'التحقيقات', 'cyber'];
    expect(suggestTags(all, 'اير', [])).toEqual(['إيران', 'ايرانيات']);
    expect(suggestTags(all, 'تحقيق', ['تحقيق'])).toEqual(['التحقيقات']);
    expect(suggestTags(all, 'IRAN', [])).toEqual(['Iran deal']);
    expect(suggestTags(all, '  ', [])).toEqual([]);
    expect(suggestTags(all, 'r', [])).toEqual(['Iran deal', 'cyber']);
    expect(suggestTags(all, 'r', [], 1)).toEqual(['Iran deal']);
  });
});

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
