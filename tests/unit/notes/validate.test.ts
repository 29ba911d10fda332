import { describe, expect, it } from 'vitest';
import { LIMITS, validateNotesRequest } from '@/lib/notes/validate';

const ARTICLE = {
  id: 'https://news.example/a',
  url: 'https://www.news.example/a?x=1',
  title: 'العنوان',
  site: 'news.example',
  byline: '',
  lang: 'ar',
  excerpt: '',
};
const NOTE = {
  quote: { type: 'TextQuoteSelector', exact: 'إيدي راما', prefix: 'قال ', suffix: ' في بيان' },
  position: { type: 'TextPositionSelector', start: 10, end: 19 },
  colour: 'yellow',
  note: 'ملاحظة',
  tags: ['سياسة'],
  entityIds: ['edi-rama'],
};
const ID = '3f1c2a9e-1b2c-4d5e-8f90-0a1b2c3d4e5f';

function errorOf(message: unknown): string {
  const result = validateNotesRequest(message);
  if (result.ok) throw new Error('expected a malformed message');
  return result.error;
}

describe('notes request validation', () => {
  it.each([
    { type: 'save-note', article: ARTICLE, note: NOTE },
    { type: 'save-note', article: ARTICLE, note: { ...NOTE, id: ID } },
    { type: 'update-note', id: ID, changes: { note: '' } },
    { type: 'update-note', id: ID, changes: { colour: 'green', tags: [] } },
    { type: 'delete-note', id: ID },
    { type: 'undo-delete-note', id: ID },
    { type: 'list-notes', articleId: 'https://news.example/a' },
    { type: 'list-tags' },
  ])('accepts a well-formed $type', (message) => {
    expect(validateNotesRequest(message)).toEqual({ ok: true, value: message });
  });

  it('drops fields it does not know, so they are never written', () => {
    const result = validateNotesRequest({
      type: 'save-note',
      article: { ...ARTICLE, innerHTML: '<img onerror=x>' },
      note: { ...NOTE, deleted: 'now', articleId: 'https://evil.example/' },
      extra: 1,
    });
    expect(result).toEqual({ ok: true, value: { type: 'save-note', article: ARTICLE, note: NOTE } });
  });

  it.each([
    [null, /not a notes request/],
    ['save-note', /not a notes request/],
    [{ type: 'drop-database' }, /Malformed drop-database message \(.*not a notes request/],
    [{ type: 'save-note', article: ARTICLE }, /Malformed save-note message \(note: /],
    [
      { type: 'save-note', article: ARTICLE, note: { ...NOTE, colour: 'red' } },
      /note\.colour: not one of the colours/,
    ],
    [
      { type: 'save-note', article: ARTICLE, note: { ...NOTE, quote: { ...NOTE.quote, exact: '  ' } } },
      /note\.quote\.exact: an empty quote/,
    ],
    [
      { type: 'save-note', article: ARTICLE, note: { ...NOTE, position: { ...NOTE.position, start: -1 } } },
      /note\.position\.start: negative/,
    ],
    [
      { type: 'save-note', article: ARTICLE, note: { ...NOTE, position: { ...NOTE.position, end: 5 } } },
      /note\.position: ends before it starts/,
    ],
    [
      { type: 'save-note', article: ARTICLE, note: { ...NOTE, position: { ...NOTE.position, end: 1.5 } } },
      /note\.position\.end: not a whole number/,
    ],
    [
      { type: 'save-note', article: { ...ARTICLE, id: 'javascript:alert(1)' }, note: NOTE },
      /article\.id: not an http\(s\) URL/,
    ],
    [{ type: 'save-note', article: ARTICLE, note: { ...NOTE, id: '1; drop' } }, /note\.id: not a note id/],
    [
      { type: 'save-note', article: ARTICLE, note: { ...NOTE, tags: ['ok', ' '] } },
      /note\.tags\.1: an empty tag/,
    ],
    [
      { type: 'save-note', article: ARTICLE, note: { ...NOTE, tags: Array(LIMITS.tags + 1).fill('t') } },
      /note\.tags: more than 50 tags/,
    ],
    [
      { type: 'save-note', article: ARTICLE, note: { ...NOTE, note: 'x'.repeat(LIMITS.note + 1) } },
      /note\.note: longer than 20000 characters/,
    ],
    [{ type: 'update-note', id: ID, changes: {} }, /changes: changes nothing/],
    [{ type: 'delete-note' }, /Malformed delete-note message \(id: /],
    [{ type: 'list-notes', articleId: 42 }, /articleId: /],
  ])('rejects %j in words', (message, expected) => {
    expect(errorOf(message)).toMatch(expected);
  });

  it('never throws, whatever arrives', () => {
    const hostile = [undefined, 1, 'x', [], { type: {} }, { type: 'save-note', article: [], note: 'x' }];
    const cyclic: Record<string, unknown> = { type: 'save-note' };
    cyclic.article = cyclic;
    for (const message of [...hostile, cyclic]) expect(validateNotesRequest(message).ok).toBe(false);
  });
});
