import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import type { MatchesApart } from '@/lib/entities/matches-apart';
import { answerMessage } from '@/lib/messaging/messenger';
import { backgroundProtocol } from '@/lib/messaging/protocol';
import { LIMIT } from '@/lib/notes/limits';
import { AnnotationRecordSchema, type NotesRequestType } from '@/lib/notes/validate';
import type { NotesHandlers } from '@/lib/store/notes-service';
import type { ReaderDictionaryHandlers } from '@/lib/store/reader-dictionary-service';

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

/** Handlers that record what reached them and answer with what they were given. */
function recordingHandlers() {
  const reached: unknown[] = [];
  const echo = async (data: unknown) => {
    reached.push(data);
    return data;
  };
  const handlers = {
    'entity-count': () => undefined,
    'extract-article': () => null,
    wake: async () => {},
    'match-article': async () => ({ ids: [], types: [], spans: '' }),
    'describe-entities': async () => [],
    'save-note': echo,
    'update-note': echo,
    'delete-note': echo,
    'undo-delete-note': echo,
    'list-notes': echo,
    'list-tags': echo,
    'save-reader-entry': echo,
    'delete-reader-entry': echo,
    'undo-delete-reader-entry': echo,
    'list-reader-entries': echo,
  } as unknown as NotesHandlers &
    ReaderDictionaryHandlers & {
      'entity-count': () => undefined;
      'extract-article': () => null;
      wake: () => Promise<void>;
      'match-article': () => Promise<MatchesApart>;
      'describe-entities': () => Promise<never[]>;
    };
  return { handlers, reached };
}

const sender = { id: 'hashiya' };

/** What the background's messenger makes of a notes message, and what reached the store's handlers. */
async function arrive(type: NotesRequestType, data: unknown) {
  const { handlers, reached } = recordingHandlers();
  const reply = await answerMessage(backgroundProtocol, handlers, { type, data }, sender);
  return { reply, reached };
}

async function errorOf([type, data]: [NotesRequestType, unknown]): Promise<string> {
  const { reply, reached } = await arrive(type, data);
  expect(reached).toEqual([]); // nothing malformed reaches the store
  if (!reply || reply.ok) throw new Error('expected a malformed message');
  return reply.error;
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
  ])('accepts a well-formed %s', async (type, data) => {
    const { reached } = await arrive(type, data);
    expect(reached).toEqual([data]);
  });

  it('drops fields it does not know, so they are never written', async () => {
    const { reached } = await arrive('save-note', {
      article: { ...ARTICLE, innerHTML: '<img onerror=x>' },
      note: { ...NOTE, deleted: 'now', articleId: 'https://evil.example/' },
      extra: 1,
    });
    expect(reached).toEqual([{ article: ARTICLE, note: NOTE }]);
  });

  const save = (note: object, article: object = ARTICLE): [NotesRequestType, unknown] => [
    'save-note',
    { article, note },
  ];
  it.each<[[NotesRequestType, unknown], RegExp]>([
    [['save-note', null], /^save-note: Invalid type: Expected Object but received null/],
    [['save-note', { article: ARTICLE }], /^save-note: note: /],
    [save({ ...NOTE, colour: 'red' }), /note\.colour: not one of the colours/],
    [save({ ...NOTE, quote: { ...NOTE.quote, exact: '  ' } }), /note\.quote\.exact: an empty quote/],
    [save({ ...NOTE, position: { ...NOTE.position, start: -1 } }), /note\.position\.start: negative/],
    [save({ ...NOTE, position: { ...NOTE.position, end: 5 } }), /note\.position: ends before it starts/],
    [save({ ...NOTE, position: { ...NOTE.position, end: 1.5 } }), /note\.position\.end: not a whole number/],
    [save(NOTE, { ...ARTICLE, id: 'javascript:alert(1)' }), /article\.id: not an http\(s\) URL/],
    [save({ ...NOTE, id: '1; drop' }), /note\.id: not a note id/],
    [save({ ...NOTE, tags: ['ok', ' '] }), /note\.tags\.1: an empty tag/],
    [save({ ...NOTE, tags: Array(LIMIT.tags + 1).fill('t') }), /note\.tags: more than 200 tags/],
    [save({ ...NOTE, note: 'x'.repeat(LIMIT.note + 1) }), /note\.note: longer than 100000 characters/],
    [['update-note', { id: ID, changes: {} }], /changes: changes nothing/],
    [['delete-note', {}], /^delete-note: id: /],
    [['list-notes', { articleId: 42 }], /articleId: /],
    [['list-tags', { all: true }], /^list-tags: /],
  ])('rejects %j in words', async (message, expected) => {
    expect(await errorOf(message)).toMatch(expected);
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

  it('never throws, whatever arrives', async () => {
    const hostile = [undefined, 1, 'x', [], { type: {} }, { article: [], note: 'x' }];
    const cyclic: Record<string, unknown> = {};
    cyclic.article = cyclic;
    for (const data of [...hostile, cyclic]) expect((await arrive('save-note', data)).reply?.ok).toBe(false);
  });
});
