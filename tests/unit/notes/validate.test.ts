import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import {
  AnnotationRecordSchema,
  LIMITS,
  type NotesRequestType,
  validateNotesRequest,
} from '@/lib/notes/validate';

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

function errorOf([type, data]: [NotesRequestType, unknown]): string {
  const result = validateNotesRequest(type, data);
  if (result.ok) throw new Error('expected a malformed message');
  return result.error;
}

describe('notes request validation', () => {
  it.each<[NotesRequestType, unknown]>([
    ['save-note', { article: ARTICLE, note: NOTE }],
    ['save-note', { article: ARTICLE, note: { ...NOTE, id: ID } }],
    ['update-note', { id: ID, changes: { note: '' } }],
    ['update-note', { id: ID, changes: { colour: 'green', tags: [] } }],
    ['delete-note', { id: ID }],
    ['undo-delete-note', { id: ID }],
    ['list-notes', { articleId: 'https://news.example/a' }],
    ['list-tags', undefined],
  ])('accepts a well-formed %s', (type, data) => {
    expect(validateNotesRequest(type, data)).toEqual({ ok: true, value: data });
  });

  it('drops fields it does not know, so they are never written', () => {
    const result = validateNotesRequest('save-note', {
      article: { ...ARTICLE, innerHTML: '<img onerror=x>' },
      note: { ...NOTE, deleted: 'now', articleId: 'https://evil.example/' },
      extra: 1,
    });
    expect(result).toEqual({ ok: true, value: { article: ARTICLE, note: NOTE } });
  });

  const save = (note: object, article: object = ARTICLE): [NotesRequestType, unknown] => [
    'save-note',
    { article, note },
  ];
  it.each<[[NotesRequestType, unknown], RegExp]>([
    [['save-note', null], /Malformed save-note message \(Invalid type: Expected Object but received null\)/],
    [['save-note', { article: ARTICLE }], /Malformed save-note message \(note: /],
    [save({ ...NOTE, colour: 'red' }), /note\.colour: not one of the colours/],
    [save({ ...NOTE, quote: { ...NOTE.quote, exact: '  ' } }), /note\.quote\.exact: an empty quote/],
    [save({ ...NOTE, position: { ...NOTE.position, start: -1 } }), /note\.position\.start: negative/],
    [save({ ...NOTE, position: { ...NOTE.position, end: 5 } }), /note\.position: ends before it starts/],
    [save({ ...NOTE, position: { ...NOTE.position, end: 1.5 } }), /note\.position\.end: not a whole number/],
    [save(NOTE, { ...ARTICLE, id: 'javascript:alert(1)' }), /article\.id: not an http\(s\) URL/],
    [save({ ...NOTE, id: '1; drop' }), /note\.id: not a note id/],
    [save({ ...NOTE, tags: ['ok', ' '] }), /note\.tags\.1: an empty tag/],
    [save({ ...NOTE, tags: Array(LIMITS.tags + 1).fill('t') }), /note\.tags: more than 50 tags/],
    [save({ ...NOTE, note: 'x'.repeat(LIMITS.note + 1) }), /note\.note: longer than 20000 characters/],
    [['update-note', { id: ID, changes: {} }], /changes: changes nothing/],
    [['delete-note', {}], /Malformed delete-note message \(id: /],
    [['list-notes', { articleId: 42 }], /articleId: /],
    [['list-tags', { all: true }], /Malformed list-tags message/],
  ])('rejects %j in words', (message, expected) => {
    expect(errorOf(message)).toMatch(expected);
  });

  it('checks stored notes as the background answers them', () => {
    const record = {
      ...NOTE,
      id: ID,
      articleId: ARTICLE.id,
      created: '2026-03-01T10:00:00.000Z',
      modified: '2026-03-01T10:00:00.000Z',
    };
    expect(v.is(AnnotationRecordSchema, record)).toBe(true);
    expect(v.is(AnnotationRecordSchema, { ...record, deleted: '2026-03-02T10:00:00.000Z' })).toBe(true);
    expect(v.is(AnnotationRecordSchema, { ...record, modified: 'yesterday' })).toBe(false);
    expect(v.is(AnnotationRecordSchema, { ...record, id: undefined })).toBe(false);
  });

  it('never throws, whatever arrives', () => {
    const hostile = [undefined, 1, 'x', [], { type: {} }, { article: [], note: 'x' }];
    const cyclic: Record<string, unknown> = {};
    cyclic.article = cyclic;
    for (const data of [...hostile, cyclic]) expect(validateNotesRequest('save-note', data).ok).toBe(false);
  });
});
