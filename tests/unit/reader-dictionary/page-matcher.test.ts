import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import type { ShippedMatcher } from '@/lib/entities/dictionary';
import { compileMatcher } from '@/lib/entities/matcher';
import type { Dictionary } from '@/lib/entities/types';
import type { ReaderEntry } from '@/lib/reader-dictionary/model';
import { withReaderEntries } from '@/lib/reader-dictionary/page-matcher';

/** The compiler as the content script gets it from the extras chunk. */
const loadCompiler = async () => compileMatcher;

const compiled = compileMatcher(
  JSON.parse(readFileSync('lib/generated/dictionary.json', 'utf8')) as Dictionary,
);
const base: ShippedMatcher = {
  match: (text) => compiled.match(text),
  entity: (id) => compiled.entity(id),
  typeOf: (id) => compiled.entity(id)?.type,
  entities: compiled.entities,
  loaded: true,
  loadMs: 0,
  ready: async () => {},
  preload: () => {},
  prime: async () => null,
  readyFor: () => true,
  partialFor: () => undefined,
  described: async () => {},
};

const suppressTehran = (n: number): ReaderEntry => ({
  kind: 'suppression',
  id: `0b7c3d1e-5f6a-4b8c-9d0e-1f2a3b4c5d${n}0`,
  entityId: 'tehran',
  form: 'طهران',
  site: null,
  created: '2026-03-01T10:00:00.000Z',
  modified: '2026-03-01T10:00:00.000Z',
});

describe('the page matcher with the reader’s entries', () => {
  it('loads the compiler (the in-page extras chunk) only once there are entries', async () => {
    const compiler = vi.fn(loadCompiler);
    const matcher = withReaderEntries(base, async () => [], 'news.example', compiler);
    await matcher.ready();
    expect(matcher.match('اتهمت ألبانيا طهران').map((m) => m.entityId)).toEqual(['albania', 'tehran']);
    expect(compiler).not.toHaveBeenCalled();
  });

  it('reads the entries with the dictionary, and again when told they changed', async () => {
    let entries: ReaderEntry[] = [];
    const load = vi.fn(async () => entries);
    const matcher = withReaderEntries(base, load, 'news.example', loadCompiler);
    expect(matcher.loaded).toBe(false);
    await matcher.ready();
    expect(matcher.loaded).toBe(true);
    const text = 'اتهمت ألبانيا طهران';
    expect(matcher.match(text).map((m) => m.entityId)).toEqual(['albania', 'tehran']);
    entries = [suppressTehran(1)];
    await matcher.reloadEntries();
    expect(matcher.match(text).map((m) => m.entityId)).toEqual(['albania']);
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('keeps the dictionary alone when the entries cannot be read', async () => {
    const matcher = withReaderEntries(
      base,
      () => Promise.reject(new Error('no background')),
      '',
      loadCompiler,
    );
    await matcher.ready();
    expect(matcher.loaded).toBe(true);
    expect(matcher.match('طهران').map((m) => m.entityId)).toEqual(['tehran']);
  });

  it('tells the type the reader gave an entity, and their own entities’ types', async () => {
    const stamp = { created: '2026-03-01T10:00:00.000Z', modified: '2026-03-01T10:00:00.000Z' };
    const entries: ReaderEntry[] = [
      {
        kind: 'override',
        id: 'o1',
        entityId: 'tehran',
        type: 'person',
        aliases: { ar: [], en: [] },
        ...stamp,
      },
      {
        kind: 'entity',
        id: 'e1',
        type: 'group',
        names: { ar: 'جماعة التجربة', en: '' },
        aliases: { ar: [], en: [] },
        description: { ar: '', en: '' },
        ...stamp,
      },
    ];
    const matcher = withReaderEntries(base, async () => entries, '', loadCompiler);
    await matcher.ready();
    const found = matcher.match('طهران وألبانيا وجماعة التجربة');
    expect(found.map((m) => [m.entityId, matcher.typeOf(m.entityId)])).toEqual(
      found.map((m) => [m.entityId, matcher.entity(m.entityId)?.type]),
    );
    expect(found.map((m) => matcher.typeOf(m.entityId))).toEqual(['person', 'place', 'group']);
  });

  it('applies only the latest of two reads that cross', async () => {
    const answers: ((entries: ReaderEntry[]) => void)[] = [];
    const matcher = withReaderEntries(
      base,
      () => new Promise((resolve) => answers.push(resolve)),
      '',
      loadCompiler,
    );
    const first = matcher.reloadEntries();
    const second = matcher.reloadEntries();
    answers[1]?.([]);
    answers[0]?.([suppressTehran(2)]);
    await Promise.all([first, second]);
    expect(matcher.match('طهران').map((m) => m.entityId)).toEqual(['tehran']);
  });
});
