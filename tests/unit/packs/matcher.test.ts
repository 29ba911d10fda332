import { describe, expect, it, vi } from 'vitest';
import type { ShippedMatcher } from '@/lib/entities/dictionary';
import { compileMatcher } from '@/lib/entities/matcher';
import { mergePreferring } from '@/lib/entities/merge';
import type { Mention } from '@/lib/entities/types';
import { PACK_FORMAT, PACK_VERSION, type Pack } from '@/lib/packs/format';
import { combineMatchers, withPacks } from '@/lib/packs/matcher';
import type { InstalledPack } from '@/lib/packs/store';
import { entity, TEST_DICTIONARY } from '../entities/test-dictionary';

/** The compiler as the content script gets it from the extras chunk. */
const loadCompiler = async () => compileMatcher;

const m = (start: number, end: number, entityId: string): Mention => ({ start, end, entityId, kind: 'name' });

function pack(name: string, entities: Pack['entities']): Pack {
  return {
    format: PACK_FORMAT,
    version: PACK_VERSION,
    name,
    source: 'test',
    licence: 'CC0',
    credit: '',
    built: '2026-11-29',
    entities,
  };
}

const packEntity = (
  id: string,
  type: Pack['entities'][number]['type'],
  ar: string,
  en: string,
  source = 'list.csv:2',
) => ({
  ...entity(id, type, ar, en),
  source,
});

const installed = (id: string, name: string): InstalledPack => ({
  id,
  name,
  source: 'test',
  licence: 'CC0',
  credit: '',
  built: '2026-11-29',
  enabled: true,
  entities: 1,
  counts: { person: 0, organisation: 0, government: 0, group: 0, place: 0 },
  bytes: 100,
});

/** The shipped matcher as the content script has it, over the unit tests' dictionary. */
function shipped(): ShippedMatcher {
  const compiled = compileMatcher(TEST_DICTIONARY);
  let loaded = false;
  return {
    get loaded() {
      return loaded;
    },
    loadMs: 0,
    ready: async () => {
      loaded = true;
    },
    preload: () => {},
    prime: async () => {
      loaded = true;
      return null;
    },
    readyFor: () => loaded,
    partialFor: () => undefined,
    described: async () => {},
    match: (text) => (loaded ? compiled.match(text) : []),
    entity: (id) => (loaded ? compiled.entity(id) : undefined),
    typeOf: (id) => (loaded ? compiled.entity(id)?.type : undefined),
    get entities() {
      return loaded ? compiled.entities : [];
    },
  };
}

describe('merging a pack’s mentions over the shipped dictionary’s', () => {
  it('keeps every preferred mention and the others that overlap none, in order', () => {
    const preferred = [m(5, 10, 'p1'), m(20, 30, 'p2')];
    const others = [m(0, 4, 'a'), m(4, 6, 'b'), m(10, 12, 'c'), m(25, 40, 'd'), m(41, 45, 'e')];
    expect(mergePreferring(preferred, others).map((x) => x.entityId)).toEqual(['a', 'p1', 'c', 'p2', 'e']);
    expect(mergePreferring([], others)).toEqual(others);
    expect(mergePreferring(preferred, [])).toEqual(preferred);
  });

  it('lets the first matcher win: a pack’s longer name over a shipped one, and a pack’s reading of the same words', () => {
    const pack = compileMatcher({
      version: 1,
      entities: [
        entity('p-iran-daily', 'organisation', '', 'Iran Daily'),
        entity('p-albania', 'group', '', 'Albania'),
      ],
    });
    const both = combineMatchers([pack, compileMatcher(TEST_DICTIONARY)]);
    const found = both.match('Iran Daily said Albania and Iran met.');
    expect(found.map((x) => x.entityId)).toEqual(['p-iran-daily', 'p-albania', 'iran']);
    expect(both.entity('p-albania')?.type).toBe('group');
    expect(both.entity('iran')?.type).toBe('place');
  });
});

describe('the page matcher with packs', () => {
  it('finds switched-on packs’ entities, their card naming the pack, and reads packs again on request', async () => {
    let packs = [
      {
        entry: installed('newsroom', 'Newsroom'),
        pack: pack('Newsroom', [packEntity('sara-khatib', 'person', 'سارة الخطيب', 'Sara Khatib')]),
      },
    ];
    const matcher = withPacks(shipped(), async () => packs, loadCompiler);
    expect(matcher.loaded).toBe(false);
    await matcher.ready();
    expect(matcher.loaded).toBe(true);
    const text = 'Sara Khatib wrote from Iran. قالت سارة الخطيب';
    const found = matcher.match(text);
    expect(found.map((x) => [text.slice(x.start, x.end), x.entityId])).toEqual([
      ['Sara Khatib', 'newsroom--sara-khatib'],
      ['Iran', 'iran'],
      ['سارة الخطيب', 'newsroom--sara-khatib'],
    ]);
    expect(matcher.entity('newsroom--sara-khatib')?.source).toBe('Newsroom (list.csv:2)');
    expect(matcher.packs).toEqual(['newsroom']);

    // Switched off (the loader no longer returns it): only the shipped dictionary.
    packs = [];
    await matcher.reloadPacks();
    expect(matcher.match(text).map((x) => x.entityId)).toEqual(['iran']);
    expect(matcher.entity('newsroom--sara-khatib')).toBeUndefined();
  });

  it('an earlier pack wins over a later one, and a pack that cannot be read leaves the shipped dictionary working', async () => {
    const first = {
      entry: installed('a', 'A'),
      pack: pack('A', [packEntity('iran', 'organisation', '', 'Iran')]),
    };
    const second = { entry: installed('b', 'B'), pack: pack('B', [packEntity('iran', 'group', '', 'Iran')]) };
    const matcher = withPacks(shipped(), async () => [first, second], loadCompiler);
    await matcher.ready();
    expect(matcher.match('Iran').map((x) => x.entityId)).toEqual(['a--iran']);
    // The type painted is the pack entity's, and the shipped dictionary's for its own entities.
    expect(matcher.typeOf('a--iran')).toBe('organisation');
    expect(matcher.typeOf('b--iran')).toBe('group');
    expect(matcher.typeOf('iran')).toBe('place');
    expect(matcher.typeOf('no-such-entity')).toBeUndefined();

    const broken = withPacks(shipped(), () => Promise.reject(new Error('storage is gone')), loadCompiler);
    await broken.ready();
    expect(broken.match('Iran').map((x) => x.entityId)).toEqual(['iran']);
  });

  it('loads the compiler (the in-page extras chunk) only for a page with packs on, and works without it', async () => {
    const load = vi.fn(loadCompiler);
    const none = withPacks(shipped(), async () => [], load);
    await none.ready();
    expect(load).not.toHaveBeenCalled();
    const on = {
      entry: installed('a', 'A'),
      pack: pack('A', [packEntity('iran', 'organisation', '', 'Iran')]),
    };
    const unreachable = withPacks(
      shipped(),
      async () => [on],
      () => Promise.reject(new Error('no chunk')),
    );
    await unreachable.ready();
    expect(unreachable.match('Iran').map((x) => x.entityId)).toEqual(['iran']);
    expect(unreachable.packs).toEqual([]);
    const loaded = withPacks(shipped(), async () => [on], load);
    await loaded.ready();
    expect(load).toHaveBeenCalledTimes(1);
    expect(loaded.match('Iran').map((x) => x.entityId)).toEqual(['a--iran']);
  });
});
