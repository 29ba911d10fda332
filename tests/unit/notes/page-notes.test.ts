// The Notes view's logic: the stored notes joined with where the page has them (reading order,
// orphans apart, a note saved a moment ago slotted in by position), what an edit changes, and the
// page-notes / reveal-note messages checked on both sides.
import { describe, expect, it } from 'vitest';
import { answerMessage, readReply } from '@/lib/messaging/messenger';
import { contentProtocol } from '@/lib/messaging/protocol';
import type { AnnotationRecord } from '@/lib/notes/model';
import { orderNotes, pageNotesProtocol } from '@/lib/notes/page-notes';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

function note(n: number, start: number, extra: Partial<AnnotationRecord> = {}): AnnotationRecord {
  return {
    id: id(n),
    articleId: 'https://news.example/a',
    quote: { type: 'TextQuoteSelector', exact: `quote ${n}`, prefix: '', suffix: '' },
    position: { type: 'TextPositionSelector', start, end: start + 7 },
    colour: 'yellow',
    note: `note ${n}`,
    tags: [],
    entityIds: [],
    created: '2026-11-01T00:00:00.000Z',
    modified: '2026-11-01T00:00:00.000Z',
    ...extra,
  };
}

describe('orderNotes', () => {
  it('lists notes in the page’s reading order, not the stored order or stored positions', () => {
    // The page moved note 1 below note 2 (a paragraph was moved): the page's order wins.
    const stored = [note(1, 10), note(2, 50), note(3, 90)];
    const ordered = orderNotes(stored, { placed: [id(2), id(1), id(3)], orphans: [] });
    expect(ordered.placed.map((n) => n.id)).toEqual([id(2), id(1), id(3)]);
    expect(ordered.orphans).toEqual([]);
    expect(ordered.unplaced).toBe(0);
  });

  it('puts the notes the page cannot find apart, with their records', () => {
    const ordered = orderNotes([note(1, 10), note(2, 50), note(3, 90)], {
      placed: [id(3), id(1)],
      orphans: [id(2)],
    });
    expect(ordered.placed.map((n) => n.id)).toEqual([id(3), id(1)]);
    expect(ordered.orphans.map((n) => n.quote.exact)).toEqual(['quote 2']);
  });

  it('slots a note the page has not listed yet into the reading order by its stored position', () => {
    const ordered = orderNotes([note(1, 10), note(2, 90), note(4, 200), note(3, 50)], {
      placed: [id(1), id(2)],
      orphans: [],
    });
    expect(ordered.placed.map((n) => n.id)).toEqual([id(1), id(3), id(2), id(4)]);
    expect(ordered.unplaced).toBe(2);
  });

  it('drops deleted notes and ids the store no longer has', () => {
    const ordered = orderNotes([note(1, 10), note(2, 50, { deleted: '2026-11-02T00:00:00.000Z' })], {
      placed: [id(1), id(2), id(9)],
      orphans: [id(8)],
    });
    expect(ordered.placed.map((n) => n.id)).toEqual([id(1)]);
    expect(ordered.orphans).toEqual([]);
    expect(ordered.unplaced).toBe(0);
  });
});

describe('the page-notes and reveal-note messages', () => {
  const handlers = {
    'page-notes': () => ({ articleId: 'https://news.example/a', placed: [id(1)], orphans: [id(2)] }),
    'reveal-note': () => 'shown' as const,
  };

  it('are part of what a tab’s content script answers', () => {
    expect(Object.keys(contentProtocol)).toEqual(expect.arrayContaining(['page-notes', 'reveal-note']));
  });

  it('refuse a reveal request without a note id, in words', async () => {
    for (const data of [undefined, {}, { id: 'not-a-uuid' }, { id: 7 }, 'x']) {
      const answer = await answerMessage(pageNotesProtocol, handlers, { type: 'reveal-note', data }, {});
      expect(answer?.ok, JSON.stringify(data)).toBe(false);
      expect(answer).toMatchObject({ error: expect.stringMatching(/^reveal-note: /) });
    }
    expect(
      await answerMessage(pageNotesProtocol, handlers, { type: 'reveal-note', data: { id: id(1) } }, {}),
    ).toEqual({ ok: true, value: 'shown' });
  });

  it('check the page’s answers before a view uses them', () => {
    expect(
      readReply(contentProtocol, 'page-notes', {
        ok: true,
        value: { articleId: null, placed: [], orphans: [] },
      }),
    ).toEqual({ ok: true, value: { articleId: null, placed: [], orphans: [] } });
    for (const value of [
      { articleId: 'https://news.example/a', placed: ['<img onerror=x>'], orphans: [] },
      { articleId: 'https://news.example/a', placed: [id(1)] },
      { articleId: 5, placed: [], orphans: [] },
      [id(1)],
    ]) {
      const reply = readReply(contentProtocol, 'page-notes', { ok: true, value });
      expect(reply.ok, JSON.stringify(value)).toBe(false);
    }
    expect(readReply(contentProtocol, 'reveal-note', { ok: true, value: 'exploded' }).ok).toBe(false);
    expect(readReply(contentProtocol, 'reveal-note', { ok: true, value: 'orphan' })).toEqual({
      ok: true,
      value: 'orphan',
    });
  });
});
