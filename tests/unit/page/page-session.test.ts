import { readFileSync } from 'node:fs';
import { Readability } from '@mozilla/readability';
import { describe, expect, it, vi } from 'vitest';
import { compileMatcher } from '@/lib/entities/matcher';
import type { Dictionary } from '@/lib/entities/types';
import { type ArticleRuns, findArticleRuns } from '@/lib/page/extract';
import type { IdleDeadlineLike } from '@/lib/page/idle';
import { PageSession, type PageSessionOptions } from '@/lib/page/page-session';
import { MAX_DEPTH } from '@/lib/page/page-size';
import type { Painter } from '@/lib/page/paint';

import { DEFAULT_SETTINGS, withEntity, withSite, withType } from '@/lib/settings/settings';
import { rangeText } from '@/lib/text/text-model';

const shipped = compileMatcher(
  JSON.parse(readFileSync('lib/generated/dictionary.json', 'utf8')) as Dictionary,
);

/** Records what would be painted, since happy-dom has no Custom Highlight API. */
function recordingPainter() {
  const painted: Map<string, string[]>[] = [];
  let focused: string | null = null;
  const painter: Painter = {
    native: true,
    owns: () => false,
    restore: () => false,
    paint(groups) {
      painted.push(new Map());
      painter.add(groups);
    },
    add(groups) {
      if (painted.length === 0) painted.push(new Map());
      const last = painted[painted.length - 1] as Map<string, string[]>;
      for (const [type, targets] of groups)
        last.set(type, [...(last.get(type) ?? []), ...targets.map((t) => rangeText(t.range))]);
    },
    focus(range) {
      focused = range ? rangeText(range) : null;
    },
    clear() {
      painted.push(new Map());
    },
  };
  return {
    painter,
    last: (): Map<string, string[]> => painted[painted.length - 1] ?? new Map(),
    focused: () => focused,
  };
}

const ARTICLE = `<!doctype html><html lang="ar" dir="rtl"><head><title>ألبانيا تقطع علاقاتها مع إيران</title></head><body>
  <nav><a href="/">إيران</a> <a href="/">طهران</a></nav>
  <article><h1>ألبانيا تقطع علاقاتها مع إيران</h1>
  ${Array.from({ length: 5 }, (_, i) => `<p>الفقرة ${i}: قطعت ألبانيا أمس العلاقات الدبلوماسية مع إيران وطردت دبلوماسييها بعد إلقاء اللوم على طهران في هجوم إلكتروني في يوليو في خطوة أيدتها الولايات المتحدة.</p>`).join('')}
  <p>وقال رئيس الوزراء الالباني ايدي راما في بيان مصور إن القرار نهائي، وأضاف راما أن التحقيق مستمر.</p>
  </article><footer>تيرانا</footer></body></html>`;

/** The page goes into the global document: happy-dom's ranges misbehave in DOMParser documents. */
function loadPage(html: string): Document {
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  document.documentElement.lang = parsed.documentElement.lang;
  document.documentElement.dir = parsed.documentElement.dir;
  document.head.innerHTML = parsed.head.innerHTML; // test-authored markup only
  document.body.innerHTML = parsed.body.innerHTML;
  return document;
}

function session(settings = DEFAULT_SETTINGS) {
  const doc = loadPage(ARTICLE);
  const rec = recordingPainter();
  const reveal = vi.fn();
  const s = new PageSession({ doc, matcher: shipped, painter: rec.painter, settings, reveal });
  return { s, rec, reveal, doc };
}

/** A session whose later tasks the test runs itself (happy-dom has no idle callbacks). */
function sessionInTasks(options: Partial<PageSessionOptions> = {}) {
  const rec = recordingPainter();
  const tasks: ((deadline?: IdleDeadlineLike) => void)[] = [];
  const s = new PageSession({
    doc: loadPage(ARTICLE),
    matcher: shipped,
    painter: rec.painter,
    settings: DEFAULT_SETTINGS,
    schedule: (task) => tasks.push(task),
    ...options,
  });
  return { s, rec, tasks };
}

/** The extension's own document: parses the page's HTML apart from it and reads the article there. */
const elsewhere = vi.fn(
  async (html: string): Promise<ArticleRuns | null> =>
    findArticleRuns(new DOMParser().parseFromString(html, 'text/html')),
);

describe('page session on a big page (the article found apart from the page)', () => {
  function bigPageSession(extractElsewhere: (html: string) => Promise<ArticleRuns | null>) {
    const doc = loadPage(ARTICLE);
    const rec = recordingPainter();
    const s = new PageSession({
      doc,
      matcher: shipped,
      painter: rec.painter,
      settings: DEFAULT_SETTINGS,
      extractElsewhere,
      localExtractionMaxChars: 100, // the test article counts as big
    });
    return { s, rec, doc };
  }

  it('hands the page’s HTML away, answers "working", then paints what a local extraction would', async () => {
    elsewhere.mockClear();
    const { s, rec } = bigPageSession(elsewhere);
    expect(s.analyse()).toBe('working');
    expect(elsewhere).toHaveBeenCalledTimes(1);
    expect(elsewhere.mock.calls[0]?.[0]).toContain('وقال رئيس الوزراء الالباني');
    await s.settled;
    expect(s.report().status).toBe('ready');
    expect(
      rec
        .last()
        .get('place')
        ?.filter((t) => t === 'إيران'),
    ).toHaveLength(6);
    expect(rec.last().get('person')).toEqual(['ايدي راما', 'راما']);
    expect(s.extracted?.model.nodes.every((node) => node.ownerDocument === document)).toBe(true);
  });

  it('extracts on the page after all when the other document fails, or the page changed meanwhile', async () => {
    const failing = bigPageSession(() => Promise.reject(new Error('no offscreen document')));
    failing.s.analyse();
    await failing.s.settled;
    expect(failing.s.report().status).toBe('ready');
    expect(failing.rec.last().get('person')).toEqual(['ايدي راما', 'راما']);

    const changing = bigPageSession(async (html) => {
      const found = await elsewhere(html);
      document.querySelector('article p')?.prepend('إيران ');
      return found;
    });
    changing.s.analyse();
    await changing.s.settled;
    expect(
      changing.rec
        .last()
        .get('place')
        ?.filter((t) => t === 'إيران'),
    ).toHaveLength(7);
  });

  it('drops an answer that comes after the reader turned to another analysis', async () => {
    let answer: (runs: ArticleRuns | null) => void = () => {};
    const { s } = bigPageSession(() => new Promise((resolve) => (answer = resolve)));
    s.analyse();
    const first = s.settled;
    s.skip();
    answer(findArticleRuns(new DOMParser().parseFromString(ARTICLE, 'text/html')));
    await first;
    expect(s.report().status).toBe('not-article');
    expect(s.extracted).toBeNull();
  });
});

describe('page session', () => {
  it('paints every article mention by type and counts entities, nothing from the nav or footer', () => {
    const { s, rec } = session();
    expect(s.analyse()).toBe('ready');
    const painted = rec.last();
    expect(painted.get('place')?.filter((t) => t === 'إيران')).toHaveLength(6); // headline + 5 paragraphs
    expect(painted.get('person')).toEqual(['ايدي راما', 'راما']);
    const counts = Object.fromEntries(s.report().entities.map((e) => [e.id, e.count]));
    expect(counts.iran).toBe(6);
    expect(counts.tehran).toBe(5);
    expect(counts.tirana).toBeUndefined(); // only in the footer
    expect(counts['edi-rama']).toBe(2);
  });

  it('leaves hidden types and hidden entities unpainted but still counted', () => {
    const { s, rec } = session(withEntity(withType(DEFAULT_SETTINGS, 'person', false), 'tehran', false));
    s.analyse();
    expect(rec.last().get('person')).toBeUndefined();
    expect(rec.last().get('place')).not.toContain('طهران');
    expect(s.report().entities.find((e) => e.id === 'edi-rama')?.count).toBe(2);
  });

  it('applies new settings at once, without analysing again', () => {
    const { s, rec, doc } = session();
    s.analyse();
    s.updateSettings(withSite(DEFAULT_SETTINGS, doc.location?.hostname ?? '', false));
    expect(rec.last().size).toBe(0);
    s.updateSettings(DEFAULT_SETTINGS);
    expect(rec.last().get('place')?.length).toBeGreaterThan(0);
  });

  it('paints the quiet style under its own highlight names, the same mentions', () => {
    const { s, rec } = session();
    s.analyse();
    const colour = rec.last().get('place');
    s.updateSettings({ ...DEFAULT_SETTINGS, highlightStyle: 'quiet' });
    expect(rec.last().get('place')).toBeUndefined();
    expect(rec.last().get('quiet-place')).toEqual(colour);
  });

  it('steps through one entity’s mentions, revealing and flashing each, and wraps around', () => {
    const { s, rec, reveal } = session();
    s.analyse();
    const first = s.step(1, 'edi-rama');
    expect(first?.position).toBe(1);
    expect(first?.total).toBe(2);
    expect(rec.focused()).toBe('ايدي راما');
    expect(s.step(1, 'edi-rama')?.position).toBe(2);
    expect(rec.focused()).toBe('راما');
    expect(s.step(1, 'edi-rama')?.position).toBe(1);
    expect(s.step(-1, 'edi-rama')?.position).toBe(2);
    expect(reveal).toHaveBeenCalledTimes(4);
  });

  it('does not step onto hidden mentions', () => {
    const { s } = session(withType(DEFAULT_SETTINGS, 'place', false));
    s.analyse();
    for (let i = 0; i < 5; i++) expect(s.step(1)?.mention.type).toBe('person');
  });

  it('reports a page without an article, and a failure as an error status without throwing', () => {
    const rec = recordingPainter();
    const empty = new PageSession({
      doc: loadPage('<nav>إيران</nav>'),
      matcher: shipped,
      painter: rec.painter,
      settings: DEFAULT_SETTINGS,
    });
    expect(empty.analyse()).toBe('no-article');
    const failing = new PageSession({
      doc: loadPage(ARTICLE),
      matcher: {
        match: () => {
          throw new Error('boom');
        },
        entity: () => undefined,
        entities: [],
      },
      painter: rec.painter,
      settings: DEFAULT_SETTINGS,
    });
    expect(failing.analyse()).toBe('error');
    expect(failing.report().error).toBe('boom');
    expect(rec.last().size).toBe(0);
  });

  it('reports a dictionary that could not be read as an error in words, and analyses once asked again', () => {
    const { s, rec } = session();
    s.prepare();
    s.failBeforeAnalysis(new Error('its entity dictionary could not be read (NetworkError)'));
    expect(s.report()).toMatchObject({
      status: 'error',
      error: 'its entity dictionary could not be read (NetworkError)',
      entities: [],
    });
    expect([...rec.last().values()].flat()).toEqual([]);
    expect(s.analyse()).toBe('ready');
    expect(rec.last().get('place')).toContain('طهران');
  });

  it('does nothing costly on a page past the size bounds until the reader asks, then keeps analysing it', () => {
    const { s, rec, doc } = session();
    let deepest: Element = doc.body;
    for (let i = 0; i <= MAX_DEPTH; i++) deepest = deepest.appendChild(doc.createElement('div'));
    expect(s.analyse()).toBe('too-large');
    expect(s.report().entities).toEqual([]);
    expect(rec.last().size).toBe(0);
    expect(s.analyse({ readerAsked: true })).toBe('ready');
    expect(rec.last().get('place')?.length).toBeGreaterThan(0);
    // A later re-analysis (the article changed) needs no second asking.
    expect(s.analyse()).toBe('ready');
  });

  it('analyses a long article in several tasks, painting a slice per task, each superseded by a newer analysis', () => {
    const { s, rec, tasks } = sessionInTasks({ longArticleChars: 100, mentionsPerTask: 5 });
    let settled = false;
    expect(s.analyse()).toBe('working');
    void s.settled.then(() => {
      settled = true;
    });
    const paintedCount = () => [...rec.last().values()].reduce((n, list) => n + list.length, 0);
    const counts: number[] = [];
    while (tasks.length > 0) {
      expect(s.report().status).toBe('working');
      tasks.shift()?.();
      counts.push(paintedCount());
    }
    // One task matched and painted the first screen (the article's start, happy-dom having no
    // layout), then each painted at most five more mentions, the page drawing in between.
    expect(counts[0]).toBe(5);
    for (let i = 1; i < counts.length; i++)
      expect((counts[i] ?? 0) - (counts[i - 1] ?? 0)).toBeLessThanOrEqual(5);
    expect(s.report().status).toBe('ready');
    const whole = session();
    whole.s.analyse();
    expect(rec.last()).toEqual(whole.rec.last());
    expect(s.report().entities).toEqual(whole.s.report().entities);
    expect(s.mentions.all.length).toBe(paintedCount());
    expect(s.lastTimings.longestTaskMs).toBeGreaterThanOrEqual(0);
    return Promise.resolve().then(() => expect(settled).toBe(true));
  });

  it("paints the mentions on the reader's screen in the analysis's own task, the others in idle tasks after", () => {
    const rec = recordingPainter();
    // Where each slice's mentions start, in the order they were painted.
    const slices: number[][] = [];
    const painter: Painter = {
      ...rec.painter,
      add(groups) {
        slices.push([...groups.values()].flatMap((targets) => targets.map((t) => t.start ?? -1)));
        rec.painter.add(groups);
      },
    };
    let screen = { start: 0, end: 0 };
    const { s, tasks } = sessionInTasks({
      painter,
      mentionsAtOnce: 3,
      mentionsPerTask: 4,
      // The reader's screen shows the third paragraph (happy-dom has no layout: the session is told).
      screenText: (model) => {
        const paragraph = [...document.querySelectorAll('article p')][2]?.textContent ?? '';
        const start = model.text.indexOf(paragraph);
        screen = { start, end: start + paragraph.length };
        return screen;
      },
    });
    expect(s.analyse()).toBe('working');
    // The screen's three mentions at once (more than three: the article is painted in slices).
    const first = [...rec.last().values()].flat();
    expect(first).toEqual(['ألبانيا', 'إيران', 'طهران']);
    expect(s.painted.all.map((m) => m.start >= screen.start && m.end <= screen.end)).toEqual([
      true,
      true,
      true,
    ]);
    expect(s.lastTimings.firstScreen).toEqual(screen);
    expect(s.lastTimings.firstScreenMs).toBeGreaterThanOrEqual(s.lastTimings.matchMs);
    // Then what follows the screen, then what precedes it, four mentions a task.
    while (tasks.length > 0) {
      expect(s.report().status).toBe('working');
      tasks.shift()?.();
    }
    expect(s.report().status).toBe('ready');
    const [, ...rest] = slices.map((starts) => [...starts].sort((a, b) => a - b));
    // (The screen's fourth mention, past the three painted at once, leads what follows it.)
    const firstBefore = rest.findIndex((starts) => starts.every((start) => start < screen.start));
    expect(firstBefore).toBeGreaterThan(0);
    expect(
      rest
        .slice(0, firstBefore)
        .flat()
        .every((start) => start >= screen.start),
    ).toBe(true);
    expect(
      rest
        .slice(firstBefore)
        .flat()
        .every((start) => start < screen.start),
    ).toBe(true);
    for (const starts of rest) expect(starts.length).toBeLessThanOrEqual(4);
    const whole = session();
    whole.s.analyse();
    expect(s.mentions.all.map((m) => m.start)).toEqual(whole.s.mentions.all.map((m) => m.start));
    for (const [group, texts] of whole.rec.last())
      expect([...(rec.last().get(group) ?? [])].sort()).toEqual([...texts].sort());
    expect(s.painted.all.length).toBe(whole.s.painted.all.length);
    expect(s.report().entities).toEqual(whole.s.report().entities);
  });

  it('paints the screen from the first part of a long article’s mentions, and the rest once they come', async () => {
    const paragraphs = () => [...document.querySelectorAll('article p')].map((p) => p.textContent ?? '');
    // The matcher has the mentions of the text up to the end of the third paragraph so far.
    let until = 0;
    let complete = false;
    let restAsked = 0;
    let answerRest: () => void = () => {};
    const matcher: PageSessionOptions['matcher'] = {
      entity: (id) => shipped.entity(id),
      entities: shipped.entities,
      match: (text) => shipped.match(text).filter((m) => complete || m.end <= until),
      partialFor: (text) => {
        if (complete) return undefined;
        until = text.indexOf('\u2029', text.indexOf(paragraphs()[2] as string)) + 1;
        return {
          until,
          rest: () => {
            restAsked++;
            return new Promise((resolve) => {
              answerRest = () => {
                complete = true;
                resolve({ tookMs: 1, pageMs: 2 });
              };
            });
          },
        };
      },
    };
    let screen = { start: 0, end: 0 };
    const { s, rec, tasks } = sessionInTasks({
      matcher,
      screenText: (model) => {
        const start = model.text.indexOf(paragraphs()[1] as string);
        screen = { start, end: start + (paragraphs()[1]?.length ?? 0) };
        return screen;
      },
    });
    expect(s.analyse()).toBe('working');
    // The screen's mentions at once, from the first part; the rest is not asked for in this task.
    expect([...rec.last().values()].flat()).toEqual(['ألبانيا', 'إيران', 'طهران', 'الولايات المتحدة']);
    expect(s.painted.all.every((m) => m.start >= screen.start && m.end <= screen.end)).toBe(true);
    expect(restAsked).toBe(0);
    tasks.shift()?.();
    expect(restAsked).toBe(1);
    expect(tasks).toHaveLength(0);
    const matchMsBefore = s.lastTimings.matchMs;
    answerRest();
    await Promise.resolve();
    await Promise.resolve();
    while (tasks.length > 0) {
      expect(s.report().status).toBe('working');
      tasks.shift()?.();
    }
    await s.settled;
    expect(s.report().status).toBe('ready');
    // Every mention, past the first part too (راما in the last paragraph), painted once.
    const whole = session();
    whole.s.analyse();
    expect(s.mentions.all.map((m) => m.start)).toEqual(whole.s.mentions.all.map((m) => m.start));
    for (const [group, texts] of whole.rec.last())
      expect([...(rec.last().get(group) ?? [])].sort()).toEqual([...texts].sort());
    expect(s.report().entities).toEqual(whole.s.report().entities);
    // The rest's trip is part of the matching's cost.
    expect(s.lastTimings.matchMs).toBeGreaterThanOrEqual(matchMsBefore + 2);
  });

  it('drops the rest of the mentions when a newer analysis came while they were on their way', async () => {
    let rest: (() => void) | undefined;
    let complete = false;
    const matcher: PageSessionOptions['matcher'] = {
      entity: (id) => shipped.entity(id),
      entities: shipped.entities,
      match: (text) => shipped.match(text).filter((m) => complete || m.end <= 200),
      partialFor: () =>
        complete
          ? undefined
          : {
              until: 200,
              rest: () =>
                new Promise((resolve) => {
                  rest = () => {
                    complete = true;
                    resolve(null);
                  };
                }),
            },
    };
    const { s, rec, tasks } = sessionInTasks({ matcher, screenText: () => null });
    s.analyse();
    tasks.shift()?.();
    s.skip(); // the reader switched the page off
    const before = rec.last().size;
    rest?.();
    await Promise.resolve();
    await Promise.resolve();
    expect(tasks).toHaveLength(0);
    expect(rec.last().size).toBe(before);
    expect(s.report().status).toBe('not-article');
  });

  it('says so when the rest of the mentions cannot come, keeping the page as it is', async () => {
    const matcher: PageSessionOptions['matcher'] = {
      entity: (id) => shipped.entity(id),
      entities: shipped.entities,
      match: (text) => shipped.match(text).filter((m) => m.end <= 200),
      partialFor: () => ({
        until: 200,
        rest: () => Promise.reject(new Error('the dictionary could not be read')),
      }),
    };
    const { s, tasks } = sessionInTasks({ matcher, screenText: () => null });
    s.analyse();
    tasks.shift()?.();
    await s.settled;
    expect(s.report().status).toBe('error');
    expect(s.report().error).toMatch(/could not be read/);
  });

  it('paints more slices in one idle task while the page stays idle, one a task when it does not', () => {
    const tasksWith = (idle: number) => {
      const { s, tasks } = sessionInTasks({ mentionsAtOnce: 3, mentionsPerTask: 4, screenText: () => null });
      s.analyse();
      let run = 0;
      // The page stays idle for `idle` ms, long enough for two slices and no more.
      for (let task = tasks.shift(); task; task = tasks.shift()) {
        let asked = 0;
        task({ timeRemaining: () => (++asked < 2 ? idle : 0) });
        run++;
      }
      expect(s.report().status).toBe('ready');
      return { run, mentions: s.mentions.all.length };
    };
    const busy = tasksWith(0);
    const idle = tasksWith(50);
    expect(idle.mentions).toBe(busy.mentions);
    expect(busy.run).toBe(Math.ceil((busy.mentions - 4) / 4));
    expect(idle.run).toBe(Math.ceil(busy.run / 2));
  });

  it('paints every mention with the settings changed while a long article was painted in tasks', () => {
    const { s, rec, tasks } = sessionInTasks({
      mentionsAtOnce: 3,
      mentionsPerTask: 4,
      screenText: () => null,
    });
    s.analyse();
    s.updateSettings(withType(DEFAULT_SETTINGS, 'place', false)); // places hidden, mid-way
    while (tasks.length > 0) tasks.shift()?.();
    const hidden = session(withType(DEFAULT_SETTINGS, 'place', false));
    hidden.s.analyse();
    expect(rec.last()).toEqual(hidden.rec.last());
    expect(s.painted.all.some((m) => m.type === 'place')).toBe(false);
  });

  it('drops the remaining tasks of an analysis a newer one superseded', () => {
    const { s, rec, tasks } = sessionInTasks({ longArticleChars: 100, mentionsPerTask: 5 });
    s.analyse();
    tasks.shift()?.(); // matched
    tasks.shift()?.(); // first slice painted
    s.skip(); // e.g. the reader switched the page off, or the article went away
    const before = rec.last().size;
    while (tasks.length > 0) tasks.shift()?.();
    expect(rec.last().size).toBe(before);
    expect(s.report().status).toBe('not-article');
  });
});

describe('page session, after the reader changed their dictionary', () => {
  it('matches the article again with the new matcher and repaints, without extracting it again', () => {
    const doc = loadPage(ARTICLE);
    const rec = recordingPainter();
    let current = shipped;
    const matcher: typeof shipped = {
      match: (text) => current.match(text),
      entity: (id) => current.entity(id),
      get entities() {
        return current.entities;
      },
    };
    const s = new PageSession({ doc, matcher, painter: rec.painter, settings: DEFAULT_SETTINGS });
    s.analyse();
    const article = s.extracted;
    expect(rec.last().get('place')).toContain('طهران');
    // The reader says طهران is not Tehran here: a matcher without it.
    current = {
      match: (text) => shipped.match(text).filter((m) => m.entityId !== 'tehran'),
      entity: (id) => shipped.entity(id),
      entities: shipped.entities,
    };
    expect(s.rematch()).toBe('ready');
    expect(s.extracted).toBe(article); // the same extraction
    expect(rec.last().get('place')).not.toContain('طهران');
    expect(s.report().entities.some((e) => e.id === 'tehran')).toBe(false);
  });

  it('does nothing on a page without an article', () => {
    const { s } = session();
    s.skip();
    expect(s.rematch()).toBe('not-article');
  });
});

describe('page session, the article extracted while the dictionary is on its way', () => {
  it('matches and paints the article extracted ahead, without reading the page again', () => {
    const parse = vi.spyOn(Readability.prototype, 'parse');
    try {
      const { s, rec } = session();
      s.prepare();
      expect(parse).toHaveBeenCalledTimes(1);
      expect(s.analyse()).toBe('ready');
      expect(parse).toHaveBeenCalledTimes(1);
      expect(
        rec
          .last()
          .get('place')
          ?.filter((t) => t === 'إيران'),
      ).toHaveLength(6);
      expect(rec.last().get('person')).toEqual(['ايدي راما', 'راما']);
    } finally {
      parse.mockRestore();
    }
  });

  it('reads the page again when its text changed after the early extraction, and paints the new text', () => {
    const parse = vi.spyOn(Readability.prototype, 'parse');
    try {
      const { s, rec, doc } = session();
      s.prepare();
      const first = doc.querySelector('article p');
      first?.replaceChildren('الفقرة الأولى: وصل وفد من طهران إلى تيرانا.');
      expect(s.analyse()).toBe('ready');
      expect(parse).toHaveBeenCalledTimes(2);
      expect(
        rec
          .last()
          .get('place')
          ?.filter((t) => t === 'إيران'),
      ).toHaveLength(5);
      expect(rec.last().get('place')).toContain('تيرانا');
      // Each painted range still holds the text it names: the ranges point into the new nodes.
      expect(s.mentions.all.every((m) => m.range.startContainer.isConnected)).toBe(true);
      // Used once: a later analysis extracts again.
      s.analyse();
      expect(parse).toHaveBeenCalledTimes(3);
    } finally {
      parse.mockRestore();
    }
  });
});
