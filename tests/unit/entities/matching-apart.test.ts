// Matching apart from the page: the background's matcher finds the shipped dictionary's mentions in
// an article's text and the page paints them without reading the tables. What the page gets must
// be exactly what matching on the page gives; anything malformed is refused, and a background that
// cannot answer leaves the page matching on its own.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { APART_TIMEOUT_MS, shippedMatcher } from '@/lib/entities/dictionary';
import { DICTIONARY_ENTRIES, DICTIONARY_TABLES } from '@/lib/entities/dictionary-file';
import { matcherFromFile, pageMatcherFromFile } from '@/lib/entities/dictionary-tables';
import { matchingApart } from '@/lib/entities/matcher-apart';
import { decodeMatches, encodeMatches, type MatchesApart } from '@/lib/entities/matches-apart';

/** The page's matcher code, which the content script has from the in-page extras chunk. */
const matcherCode = async () => pageMatcherFromFile;

const tableBytes = readFileSync(DICTIONARY_TABLES);
const entryBytes = readFileSync(DICTIONARY_ENTRIES);
const tables = (): ArrayBuffer => new Uint8Array(tableBytes).buffer;
const entries = (): ArrayBuffer => new Uint8Array(entryBytes).buffer;
const onPage = matcherFromFile(tables(), entries());
/** The background's side, over the shipped files. */
const background = () =>
  matchingApart(
    async () => tables(),
    async () => entries(),
  );
const GOLD_NEWS = 'tests/gold/news';
const texts = [
  readFileSync('corpus/000_8bc69fdfd68826f6.txt', 'utf8'),
  ...readdirSync(GOLD_NEWS)
    .filter((f) => /\.(txt|html)$/.test(f))
    .map((f) => readFileSync(join(GOLD_NEWS, f), 'utf8')),
];
const article = texts.join('\n\n');

// The page's fetch of its packaged files (fetched once per context).
beforeEach(() => {
  vi.stubGlobal(
    'fetch',
    async (url: string) => new Response(url.endsWith('/dictionary-entries.json') ? entries() : tables()),
  );
});
afterEach(() => vi.unstubAllGlobals());

describe('the mentions sent from the background', () => {
  it('are the mentions and types matching on the page gives, on real news', async () => {
    const expected = onPage.match(article);
    expect(expected.length).toBeGreaterThan(300);
    const sent = await background().match(article);
    // Each entity's id once, whatever its number of mentions.
    expect(new Set(sent.ids).size).toBe(sent.ids.length);
    expect(sent.ids.length).toBeLessThan(expected.length);
    const { mentions, types } = decodeMatches(sent, article.length);
    expect(mentions).toEqual(expected);
    for (const id of sent.ids) expect(types.get(id)).toBe(onPage.typeOf(id));
  });

  it('survive a copy as JSON, as Chrome sends messages', async () => {
    const sent = encodeMatches(onPage.match(article), (id) => onPage.typeOf(id));
    const copied = JSON.parse(JSON.stringify(sent)) as MatchesApart;
    expect(decodeMatches(copied, article.length).mentions).toEqual(onPage.match(article));
  });

  it('are refused when they could not have come from a matcher', () => {
    const spans = (...numbers: number[]) => numbers.map((n) => n.toString(36)).join(',');
    const good = { ids: ['iran', 'tehran'], types: [4, 4], spans: spans(0, 4, 0, 0, 10, 15, 1, 1) };
    expect(decodeMatches(good, 20).mentions).toEqual([
      { start: 0, end: 4, entityId: 'iran', kind: 'name' },
      { start: 10, end: 15, entityId: 'tehran', kind: 'alias' },
    ]);
    expect(decodeMatches({ ids: [], types: [], spans: '' }, 0).mentions).toEqual([]);
    const bad: [string, MatchesApart, number][] = [
      ['past the text', good, 12],
      ['overlapping', { ...good, spans: spans(0, 4, 0, 0, 3, 8, 1, 0) }, 20],
      ['out of order', { ...good, spans: spans(10, 15, 1, 0, 0, 4, 0, 0) }, 20],
      ['empty', { ...good, spans: spans(4, 4, 0, 0) }, 20],
      ['an unknown entity', { ...good, spans: spans(0, 4, 2, 0) }, 20],
      ['a number written otherwise', { ...good, spans: '0,4,-0,0' }, 20],
      ['a number with more after it', { ...good, spans: '0,4x!,0,0' }, 20],
      ['a space', { ...good, spans: '0, 4,0,0' }, 20],
      ['an unknown kind', { ...good, spans: spans(0, 4, 0, 9) }, 20],
      ['a short span list', { ...good, spans: spans(0, 4, 0) }, 20],
      ['an unknown type', { ...good, types: [4, 7] }, 20],
      ['a type that is not a whole number', { ...good, types: [4, 1.5] }, 20],
      ['a type missing', { ...good, types: [4] }, 20],
    ];
    for (const [what, apart, length] of bad)
      expect(() => decodeMatches(apart, length), what).toThrow(/found apart/);
  });
});

describe('the background’s matcher', () => {
  it('reads the tables once for every page, and again after a failed read', async () => {
    let reads = 0;
    let fail = true;
    const apart = matchingApart(
      async () => {
        reads++;
        if (fail) throw new Error('unreadable');
        return tables();
      },
      async () => entries(),
    );
    await expect(apart.warm()).rejects.toThrow('unreadable');
    fail = false;
    await apart.warm();
    await apart.match('وصل وزير خارجية إيران إلى طهران');
    await apart.match('Iran and Tehran');
    await apart.describe(['iran']);
    expect(reads).toBe(2);
  });

  it('warms its matcher up once, a slice a task, and matches as the page does between and after', async () => {
    const tasks: (() => void)[] = [];
    const apart = matchingApart(
      async () => tables(),
      async () => entries(),
      (task) => tasks.push(task),
    );
    await apart.warm();
    const found = async (text: string) => decodeMatches(await apart.match(text), text.length).mentions;
    // Nothing the warm-up matched carries over: a text of surnames alone names no one.
    const alone = 'قال ماكرون ثم Macron وRama وراما.';
    let slices = 0;
    while (tasks.length > 0) {
      (tasks.shift() as () => void)();
      slices++;
      // A page asking between two slices is answered as the page's own matcher would.
      if (slices === 2) expect(await found(alone)).toEqual(onPage.match(alone));
    }
    // Slices, so that a page asking meanwhile waits for one of them, not for the whole warm-up.
    expect(slices).toBeGreaterThanOrEqual(5);
    expect(await found(article)).toEqual(onPage.match(article));
    expect(await found(alone)).toEqual(onPage.match(alone));
    // Once: the next pages find the matcher warm.
    await apart.warm();
    await apart.match('Iran');
    expect(tasks).toHaveLength(0);
  });

  it('reads the entries too when woken, before a page asks to describe what it found', async () => {
    let entryReads = 0;
    const apart = matchingApart(
      async () => tables(),
      async () => {
        entryReads++;
        return entries();
      },
    );
    await apart.warm();
    await vi.waitFor(() => expect(entryReads).toBe(1));
    const described = await apart.describe(['iran']);
    expect(described.map((e) => e.id)).toEqual(['iran']);
    expect(entryReads).toBe(1);
  });

  it('describes the entities asked for, and those they share a form with', async () => {
    const apart = background();
    const shared = onPage.entities.find((e) => Object.keys(e.shared ?? {}).length > 0);
    if (!shared) throw new Error('the shipped dictionary has no shared form');
    const partners = [...new Set(Object.values(shared.shared ?? {}).flat())];
    const described = await apart.describe(['iran', shared.id, 'no-such-entity', 'iran']);
    expect(described.map((e) => e.id).sort()).toEqual([...new Set(['iran', shared.id, ...partners])].sort());
    for (const entity of described) expect(entity).toEqual(onPage.entity(entity.id));
  });
});

describe('a page’s shipped matcher with a background that matches', () => {
  const text = 'قال وزير الخارجية الإيراني في طهران إن واشنطن وإيران تتفاوضان. Iran said on Monday.';

  it('finds the article’s mentions, with their types, without reading the tables', async () => {
    const page = shippedMatcher(matcherCode, background());
    page.preload();
    expect(page.readyFor(text)).toBe(false);
    expect(await page.prime(text)).toMatchObject({ tookMs: expect.any(Number), pageMs: expect.any(Number) });
    expect(page.loaded).toBe(false);
    expect(page.readyFor(text)).toBe(true);
    const found = page.match(text);
    expect(found).toEqual(onPage.match(text));
    expect(found.map((m) => page.typeOf(m.entityId))).toEqual(found.map((m) => onPage.typeOf(m.entityId)));
    // Another text (the page changed meanwhile) is not answered for until the tables are in.
    expect(page.readyFor(`${text} `)).toBe(false);
    expect(page.match(`${text} `)).toEqual([]);
    await page.ready();
    expect(page.match(`${text} `)).toEqual(onPage.match(`${text} `));
  });

  it('names what it found from the background’s description, reading no file', async () => {
    const page = shippedMatcher(matcherCode, background());
    await page.prime(text);
    const found = [...new Set(page.match(text).map((m) => m.entityId))];
    expect(found.length).toBeGreaterThan(2);
    expect(page.entity(found[0] as string)).toBeUndefined();
    await page.described();
    for (const id of found) expect(page.entity(id)).toEqual(onPage.entity(id));
    expect(page.loaded).toBe(false);
    // Only what was described, until the reader asks for every entity (the card's search).
    expect(page.entities.length).toBeLessThan(100);
    await page.ready();
    await page.described();
    expect(page.entities.length).toBe(onPage.entities.length);
  });

  it('reads the files when the background cannot describe what it found', async () => {
    const apart = background();
    const page = shippedMatcher(matcherCode, {
      ...apart,
      describe: () => Promise.reject(new Error('The message port closed before a response was received.')),
    });
    await page.prime(text);
    await page.described();
    expect(page.loaded).toBe(true);
    for (const m of page.match(text)) expect(page.entity(m.entityId)).toEqual(onPage.entity(m.entityId));
  });

  it('reads its tables again at the next page analysis after a failed read, and then matches', async () => {
    let failures = 1;
    vi.stubGlobal('fetch', async (url: string) => {
      if (url.endsWith('/dictionary-entries.json')) return new Response(entries());
      if (failures-- > 0) throw new TypeError('NetworkError when attempting to fetch resource.');
      return new Response(tables());
    });
    // A fresh module: the files are fetched once per context, and the tests before fetched them.
    vi.resetModules();
    const dictionary = await import('@/lib/entities/dictionary');
    const page = dictionary.shippedMatcher(matcherCode); // no background to ask: the page reads its own files
    await expect(page.ready()).rejects.toThrow(/NetworkError/);
    expect(page.loaded).toBe(false);
    await page.ready();
    expect(page.loaded).toBe(true);
    expect(page.match(text)).toEqual(onPage.match(text));
  });

  it('matches on the page when the background does not answer in time, and ignores its late answer', async () => {
    vi.useFakeTimers();
    try {
      let answer: (value: MatchesApart) => void = () => {};
      const page = shippedMatcher(matcherCode, {
        warm: async () => {},
        match: () => new Promise((resolve) => (answer = resolve)),
        describe: async () => [],
      });
      const priming = page.prime(text);
      await vi.advanceTimersByTimeAsync(APART_TIMEOUT_MS - 1);
      expect(page.readyFor(text)).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      vi.useRealTimers();
      expect(await priming).toBeNull();
      expect(page.match(text)).toEqual(onPage.match(text));
      answer({ ids: ['iran'], types: [4], spans: '0,1,0,0' });
      await Promise.resolve();
      expect(page.match(text)).toEqual(onPage.match(text));
    } finally {
      vi.useRealTimers();
    }
  });

  it('matches on the page when the background cannot answer or answers nonsense', async () => {
    const answers: (() => Promise<MatchesApart>)[] = [
      () => Promise.reject(new Error('Could not establish connection. Receiving end does not exist.')),
      async () => ({ ids: ['iran'], types: [4], spans: '0,rr,0,0' }),
    ];
    for (const answer of answers) {
      const page = shippedMatcher(matcherCode, {
        warm: async () => {},
        match: answer,
        describe: async () => [],
      });
      expect(await page.prime(text)).toBeNull();
      expect(page.loaded).toBe(true);
      expect(page.match(text)).toEqual(onPage.match(text));
    }
  });
});

describe('a long article matched apart in two parts', () => {
  // The gold news pages, a block (U+2029, as the page's text model writes it) per line.
  const long = article.replace(/\n+/g, '\u2029');
  const firstEnd = long.indexOf('\u2029', 2_000) + 1;
  /** The background, recording the length of every text the page sent it. */
  const recording = () => {
    const sentLengths: number[] = [];
    const apart = background();
    return {
      sentLengths,
      apart: {
        ...apart,
        match: (t: string) => {
          sentLengths.push(t.length);
          return apart.match(t);
        },
      },
    };
  };

  it('at every block break, a part’s mentions are the whole text’s before it', () => {
    // What makes the split safe: a match only looks back, and no name runs across a block.
    const whole = onPage.match(long);
    const breaks: number[] = [];
    for (let at = long.indexOf('\u2029'); at >= 0; at = long.indexOf('\u2029', at + 1)) breaks.push(at + 1);
    expect(breaks.length).toBeGreaterThan(1000);
    // Sixty cuts spread over the text: every cut costs a match of the part.
    for (let k = 0; k < 60; k++) {
      const cut = breaks[Math.floor((k * breaks.length) / 60)] as number;
      expect(whole.some((m) => m.start < cut && m.end > cut)).toBe(false);
      expect(onPage.match(long.slice(0, cut))).toEqual(whole.filter((m) => m.end <= cut));
    }
  });

  it('sends the first part, then the whole text when the rest is asked for', async () => {
    const { sentLengths, apart } = recording();
    const page = shippedMatcher(matcherCode, apart);
    expect(await page.prime(long, firstEnd)).toMatchObject({ tookMs: expect.any(Number) });
    expect(sentLengths).toEqual([firstEnd]);
    const whole = onPage.match(long);
    const first = page.match(long);
    expect(first).toEqual(whole.filter((m) => m.end <= firstEnd));
    expect(first.length).toBeGreaterThan(10);
    const partial = page.partialFor(long);
    expect(partial?.until).toBe(firstEnd);
    expect(page.partialFor(`${long} `)).toBeUndefined();
    // Asked twice (a rematch meanwhile): sent once.
    const [cost] = await Promise.all([partial?.rest(), partial?.rest()]);
    expect(cost).toMatchObject({ pageMs: expect.any(Number) });
    expect(sentLengths).toEqual([firstEnd, long.length]);
    expect(page.partialFor(long)).toBeUndefined();
    expect(page.match(long)).toEqual(whole);
    for (const m of whole) expect(page.typeOf(m.entityId)).toBe(onPage.typeOf(m.entityId));
    await page.described();
    for (const m of whole) expect(page.entity(m.entityId)).toEqual(onPage.entity(m.entityId));
  });

  it('matches the whole text on the page when the rest cannot come', async () => {
    const apart = background();
    let calls = 0;
    const page = shippedMatcher(matcherCode, {
      ...apart,
      match: (t) =>
        calls++ === 0 ? apart.match(t) : Promise.reject(new Error('The service worker stopped.')),
    });
    await page.prime(long, firstEnd);
    expect(await page.partialFor(long)?.rest()).toBeNull();
    expect(page.loaded).toBe(true);
    expect(page.partialFor(long)).toBeUndefined();
    expect(page.match(long)).toEqual(onPage.match(long));
  });

  it('asks for the whole text at once when told no first part', async () => {
    const { sentLengths, apart } = recording();
    const page = shippedMatcher(matcherCode, apart);
    await page.prime(long, long.length);
    expect(sentLengths).toEqual([long.length]);
    expect(page.partialFor(long)).toBeUndefined();
    expect(page.match(long)).toEqual(onPage.match(long));
  });
});
