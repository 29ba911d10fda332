// End-to-end tests on the hard fixture pages (tests/fixtures/pages): a very long article, iframes,
// names split across elements, an article replaced after load, a single-page app, an RTL article
// with an LTR sidebar, a dark page. Run in each browser by tests/e2e/run.ts.
//
// For every page: ranges only inside the <article>, in connected nodes, never two starting at the
// same place; ranges per type = the hand count (<page>.expected.json); each range's text = the name
// as written ("texts", whitespace collapsed); no page errors. Pages that change after load are
// polled until the change watcher (debounced 400 ms, rate-limited) has re-analysed.
//
// NOTE for functions passed to page.evaluate / waitFor: they are serialised and run in the page, so
// they must not use anything from this module, and must not declare named inner functions either
// (tsx compiles with keepNames, which wraps them in a `__name()` helper the page does not have).

import assert from 'node:assert/strict';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DICTIONARY_FILE } from '../../lib/entities/dictionary-file.ts';
import { ENTITY_TYPES } from '../../lib/entities/types.ts';
import { waitForTimings } from '../../scripts/bench-browser';
import type { TestPage } from './browsers.ts';
import {
  entityTypes,
  expectedRangesPerType,
  loadExpectation,
  PAGES_DIR,
  type PageExpectation,
} from './expectations.ts';
import type { E2eContext, E2eTest } from './harness.ts';
import {
  countRanges,
  errorsBesidesMissingFiles,
  popupMatches,
  tabIdOf,
  waitForPaint,
  withCopyOfBuild,
} from './helpers.ts';
import { comparePixels, decodePng } from './png.ts';

const PREFIX = 'hashiya-';
const PAINT_TIMEOUT_MS = 15_000;
/** The long article: Readability and matching on > 300,000 characters, generously. */
const LONG_PAINT_TIMEOUT_MS = 25_000;
/** A re-analysis after a change: 400 ms debounce, ≥ 1 s between analyses, plus slack. */
const UPDATE_TIMEOUT_MS = 8_000;
const POPUP_TIMEOUT_MS = 10_000;
/** On a page that does not change after load, highlights unchanged this long are final. */
const STABLE_MS = 2_000;

// ── Expectations ────────────────────────────────────────────────────────────────────────────

/** What the page should show in one state: entity id → mentions, and range text → ranges. */
interface PageState {
  article: Record<string, number>;
  /** Expected text of every range (whitespace collapsed) → how many ranges have it. */
  texts: Record<string, number> | null;
}

interface HardExpectation extends PageExpectation {
  /** The state after load (after the replacement, for replaced-article). */
  final: PageState;
  /** Other named states: `before` (replaced-article), `story2` (spa). */
  states: Record<string, PageState>;
}

function countsOf(value: unknown, where: string): Record<string, number> {
  if (typeof value !== 'object' || value === null) throw new Error(`${where} must be an object`);
  const out: Record<string, number> = {};
  for (const [key, count] of Object.entries(value)) {
    if (typeof count !== 'number' || !Number.isInteger(count) || count < 1)
      throw new Error(`${where}.${key} must be a positive integer`);
    out[key] = count;
  }
  return out;
}

function stateOf(value: unknown, where: string): PageState {
  if (typeof value !== 'object' || value === null) throw new Error(`${where} must be an object`);
  const { article, texts } = value as { article?: unknown; texts?: unknown };
  return {
    article: countsOf(article, `${where}.article`),
    texts: texts === undefined ? null : countsOf(texts, `${where}.texts`),
  };
}

function loadHardExpectation(page: string): HardExpectation {
  const base = loadExpectation(page);
  const file = join(PAGES_DIR, page.replace(/\.html$/, '.expected.json'));
  const raw = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  const states: Record<string, PageState> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (['comment', 'article', 'texts', 'outside'].includes(key)) continue;
    states[key] = stateOf(value, `${file}: ${key}`);
  }
  return { ...base, final: stateOf(raw, file), states };
}

/** Expected ranges per highlight name (`hashiya-place` → n) for a state. */
function expectedPerHighlight(state: PageState): Record<string, number> {
  const perType = expectedRangesPerType({ article: state.article, outside: [] });
  const out: Record<string, number> = {};
  for (const [type, n] of perType) out[PREFIX + type] = n;
  return out;
}

// ── In the page ─────────────────────────────────────────────────────────────────────────────

interface RangeInfo {
  highlight: string;
  /** range.toString(), whitespace collapsed. */
  text: string;
  inArticle: boolean;
  connected: boolean;
  /** A live Range (the browser updates each on every change to the page: they must be static). */
  live: boolean;
  /** Identifies where the range starts: the start container (numbered) and the offset. */
  start: string;
}

interface Snapshot {
  ranges: RangeInfo[];
  /** Characters of text in the page's <article>. */
  articleChars: number;
  /** location.href when the snapshot was taken. */
  url: string;
  /** Page-specific flags: window.__articleReplaced, window.__story. */
  replaced: boolean;
  story: string | null;
}

/** Runs in the page: every range of every `hashiya-*` highlight, and a few page facts. */
function snapshotPage(prefix: string): Snapshot {
  const article = document.querySelector('article');
  const ids = new Map<Node, number>();
  const ranges: RangeInfo[] = [];
  for (const [name, highlight] of CSS.highlights) {
    if (!name.startsWith(prefix)) continue;
    for (const abstract of highlight) {
      const connected = abstract.startContainer.isConnected && abstract.endContainer.isConnected;
      let text = '';
      if (connected) {
        // Works for Range and StaticRange alike.
        const range = document.createRange();
        range.setStart(abstract.startContainer, abstract.startOffset);
        range.setEnd(abstract.endContainer, abstract.endOffset);
        text = range.toString().replace(/\s+/g, ' ').trim();
      } else {
        text = `(detached) ${(abstract.startContainer.textContent ?? '').slice(abstract.startOffset, abstract.startOffset + 30)}`;
      }
      let id = ids.get(abstract.startContainer);
      if (id === undefined) {
        id = ids.size;
        ids.set(abstract.startContainer, id);
      }
      ranges.push({
        highlight: name,
        text,
        inArticle:
          (article?.contains(abstract.startContainer) ?? false) &&
          (article?.contains(abstract.endContainer) ?? false),
        connected,
        live: abstract instanceof Range,
        start: `${id}:${abstract.startOffset}`,
      });
    }
  }
  const flags = window as { __articleReplaced?: unknown; __story?: unknown };
  return {
    ranges,
    articleChars: article?.textContent?.length ?? 0,
    url: location.href,
    replaced: flags.__articleReplaced === true,
    story: typeof flags.__story === 'string' ? flags.__story : null,
  };
}

/** Runs in the page: true once the `hashiya-*` highlights hold exactly `want` ranges per name. */
function highlightsAre(want: Record<string, number>): boolean {
  const have: Record<string, number> = {};
  for (const [name, highlight] of CSS.highlights)
    if (name.startsWith('hashiya-') && name !== 'hashiya-focus') have[name] = highlight.size;
  const names = new Set([...Object.keys(have), ...Object.keys(want)]);
  for (const name of names) if ((have[name] ?? 0) !== (want[name] ?? 0)) return false;
  return true;
}

/** Runs in the page: true once at least one `hashiya-*` highlight with a range is registered. */
function hasHighlights(prefix: string): boolean {
  for (const [name, highlight] of CSS.highlights)
    if (name.startsWith(prefix) && highlight.size > 0) return true;
  return false;
}

/** Runs in the page: which of `names` occur in the text of the page (or its frames) outside the <article>. */
function namesOutsideArticle(arg: { names: string[]; frames: boolean }): string[] {
  let outside = '';
  const docs: Document[] = [];
  if (arg.frames) {
    for (const frame of document.querySelectorAll('iframe')) {
      if (frame.contentDocument) docs.push(frame.contentDocument);
    }
  } else docs.push(document);
  for (const doc of docs) {
    const article = arg.frames ? null : doc.querySelector('article');
    const walker = doc.createTreeWalker(doc.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (article?.contains(node) || node.parentElement?.closest('script, style, template')) continue;
      outside += ` ${node.nodeValue ?? ''}`;
    }
  }
  return arg.names.filter((name) => outside.includes(name));
}

// ── Checks ──────────────────────────────────────────────────────────────────────────────────

function tally(texts: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const text of texts) counts.set(text, (counts.get(text) ?? 0) + 1);
  return counts;
}

function short(texts: readonly string[], max = 12): string {
  const entries = [...tally(texts)].sort((a, b) => b[1] - a[1]);
  const shown = entries.slice(0, max).map(([text, n]) => (n > 1 ? `${text}×${n}` : text));
  return entries.length > max ? `${shown.join(', ')}, … (${entries.length - max} more)` : shown.join(', ');
}

/** Everything wrong with `snap` against `state`; empty when it matches. */
function problemsWith(snap: Snapshot, state: PageState): string[] {
  const problems: string[] = [];
  const seen = new Map<string, RangeInfo>();
  for (const r of snap.ranges) {
    const label = `${r.highlight} "${r.text}"`;
    if (!r.connected) problems.push(`range in a node no longer in the page: ${label}`);
    else if (!r.inArticle) problems.push(`outside the <article>: ${label}`);
    if (r.connected && r.text.length === 0) problems.push(`empty range: ${label}`);
    if (r.live) problems.push(`a live Range (slows the page's own scripts): ${label}`);
    const twin = seen.get(r.start);
    if (twin) problems.push(`duplicate: ${label} starts where ${twin.highlight} "${twin.text}" starts`);
    else seen.set(r.start, r);
  }
  const want = expectedPerHighlight(state);
  for (const type of ENTITY_TYPES) {
    const name = PREFIX + type;
    const have = snap.ranges.filter((r) => r.highlight === name).length;
    if (have !== (want[name] ?? 0)) problems.push(`${type}: expected ${want[name] ?? 0} ranges, got ${have}`);
  }
  if (state.texts) {
    const have = tally(snap.ranges.filter((r) => r.highlight !== `${PREFIX}focus`).map((r) => r.text));
    for (const text of new Set([...have.keys(), ...Object.keys(state.texts)])) {
      const got = have.get(text) ?? 0;
      const expected = state.texts[text] ?? 0;
      if (got !== expected) problems.push(`range text "${text}": expected ${expected}, got ${got}`);
    }
  }
  return problems;
}

function logSnapshot(ctx: E2eContext, snap: Snapshot, label: string): void {
  const types = ENTITY_TYPES.map((type) => {
    const texts = snap.ranges.filter((r) => r.highlight === PREFIX + type).map((r) => r.text);
    return `${type} ${texts.length}`;
  });
  ctx.log(`${label}: ${snap.ranges.length} ranges (${types.join(', ')})`);
  if (snap.ranges.length <= 60)
    ctx.log(
      `  ${short(
        snap.ranges.map((r) => r.text),
        40,
      )}`,
    );
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs in the page: ranges per `hashiya-*` highlight name, as one comparable string. */
function highlightSizes(prefix: string): string {
  const parts: string[] = [];
  for (const [name, highlight] of CSS.highlights)
    if (name.startsWith(prefix)) parts.push(`${name}=${highlight.size}`);
  return parts.sort().join(' ');
}

/**
 * Waits until the page's highlights have the expected number of ranges per type, then checks
 * everything about them; returns the snapshot. Gives up after `timeoutMs`, or, when `stableMs` is
 * set (pages that do not change after load), once the highlights have stayed the same that long.
 */
async function expectState(
  ctx: E2eContext,
  page: TestPage,
  state: PageState,
  label: string,
  timeoutMs: number,
  stableMs?: number,
): Promise<Snapshot> {
  const started = Date.now();
  const want = expectedPerHighlight(state);
  let outcome = 'timed out';
  let last = '';
  let lastChange = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (await page.evaluate(highlightsAre, want)) {
      outcome = `after ${Date.now() - started} ms`;
      break;
    }
    const sizes = await page.evaluate(highlightSizes, PREFIX);
    if (sizes !== last) {
      last = sizes;
      lastChange = Date.now();
    } else if (stableMs !== undefined && sizes !== '' && Date.now() - lastChange >= stableMs) {
      outcome = `unchanged for ${stableMs} ms`;
      break;
    }
    await sleep(100);
  }
  const snap = await page.evaluate(snapshotPage, PREFIX);
  logSnapshot(ctx, snap, `${label} (${outcome})`);
  const problems = problemsWith(snap, state);
  assert.deepEqual(problems, [], `${label}: the highlights differ from the hand count`);
  return snap;
}

async function waitForFirstPaint(page: TestPage, what: string, timeoutMs: number): Promise<void> {
  try {
    await page.waitFor(hasHighlights, PREFIX, timeoutMs);
  } catch {
    const names = await page.evaluate(() => [...CSS.highlights.keys()], null).catch(() => ['(unreadable)']);
    throw new Error(
      `Nothing was painted on ${what} within ${timeoutMs / 1000} s (CSS.highlights has: ${names.join(', ') || 'nothing'}). ` +
        `Page errors: ${page.errors.length ? page.errors.join(' | ') : 'none'}.`,
    );
  }
}

async function expectNamesOutside(
  page: TestPage,
  expectation: PageExpectation,
  frames = false,
): Promise<void> {
  const found = await page.evaluate(namesOutsideArticle, { names: expectation.outside, frames });
  const missing = expectation.outside.filter((name) => !found.includes(name));
  assert.deepEqual(
    missing,
    [],
    `fixture check: these "outside" names are not on the page outside the article`,
  );
}

function expectNoErrors(ctx: E2eContext, page: TestPage, what: string): void {
  assert.deepEqual(page.errors, [], `errors on ${what} (uncaught or console.error, page or content script)`);
  assert.deepEqual(ctx.browser.backgroundErrors, [], 'the extension background logged errors');
}

// ── Popup ───────────────────────────────────────────────────────────────────────────────────

/** Runs in the popup: id → count as listed. */
function readPopup(): Record<string, number> {
  const out: Record<string, number> = {};
  for (const el of document.querySelectorAll('[data-entity-id]'))
    out[el.getAttribute('data-entity-id') ?? ''] = Number(el.getAttribute('data-count'));
  return out;
}

/** Opens the popup for `tabId` and checks it lists exactly `want`. */
async function expectPopup(
  ctx: E2eContext,
  tabId: number,
  want: Record<string, number>,
  label: string,
): Promise<void> {
  const popup = await ctx.browser.openExtensionPage(`popup.html?tab=${tabId}`);
  try {
    try {
      await popup.waitForSelector('[data-entity-id]', POPUP_TIMEOUT_MS);
      await popup.waitFor(popupMatches, want, 3_000);
    } catch {
      // Fall through: the comparison says what differs.
    }
    const listed = await popup.evaluate(readPopup, null);
    const types = entityTypes();
    const problems: string[] = [];
    for (const id of new Set([...Object.keys(listed), ...Object.keys(want)])) {
      if (!types.has(id)) problems.push(`${id}: not in the dictionary`);
      if (listed[id] !== want[id])
        problems.push(`${id}: expected ${want[id] ?? 0}, popup says ${listed[id] ?? 0}`);
    }
    ctx.log(`${label}: popup lists ${Object.keys(listed).length} entities`);
    assert.deepEqual(problems, [], `${label}: the popup's counts differ from the hand count`);
    assert.deepEqual(popup.errors, [], 'the popup logged errors');
  } finally {
    await popup.close();
  }
}

// ── Tests ───────────────────────────────────────────────────────────────────────────────────

/** A page that is complete after load: wait, check the state and the names outside the article. */
function staticPageTest(
  pageName: string,
  what: string,
  extra?: (ctx: E2eContext, page: TestPage) => Promise<void>,
): E2eTest {
  return {
    name: `${pageName}: ${what}`,
    async run(ctx) {
      const expectation = loadHardExpectation(pageName);
      const page = await ctx.fixturePage(pageName);
      await waitForFirstPaint(page, pageName, PAINT_TIMEOUT_MS);
      await expectState(ctx, page, expectation.final, pageName, PAINT_TIMEOUT_MS, STABLE_MS);
      await expectNamesOutside(page, expectation);
      await extra?.(ctx, page);
      expectNoErrors(ctx, page, pageName);
    },
  };
}

/**
 * dark.html really is dark where the highlights are. With HASHIYA_SCREENSHOTS=<dir>, also saves a
 * screenshot of it (<dir>/<browser>-dark.png) to look at; the contrast itself is checked by
 * tests/unit/colours.test.ts.
 */
async function checkDarkPage(ctx: E2eContext, page: TestPage): Promise<void> {
  const colours = await page.evaluate(() => {
    const paragraph = document.getElementById('all-types');
    const style = paragraph ? getComputedStyle(paragraph) : null;
    const html = getComputedStyle(document.documentElement);
    return { text: style?.color ?? '', page: html.backgroundColor };
  }, null);
  assert.deepEqual(colours, { text: 'rgb(238, 238, 238)', page: 'rgb(17, 17, 17)' }, 'dark.html is not dark');
  const dir = process.env.HASHIYA_SCREENSHOTS;
  if (dir) {
    const file = join(dir, `${ctx.browser.name}-dark.png`);
    await page.screenshot(file);
    ctx.log(`screenshot: ${file}`);
  }
}

const longArticleTest: E2eTest = {
  name: 'long-article.html: > 300,000 characters are highlighted, all of it, within a generous timeout',
  async run(ctx) {
    const expectation = loadHardExpectation('long-article.html');
    const t0 = Date.now();
    const page = await ctx.fixturePage('long-article.html');
    const loaded = Date.now();
    await waitForFirstPaint(page, 'long-article.html', LONG_PAINT_TIMEOUT_MS);
    ctx.log(`load ${loaded - t0} ms, first highlights ${Date.now() - loaded} ms after load`);
    const snap = await expectState(
      ctx,
      page,
      expectation.final,
      'long-article.html',
      LONG_PAINT_TIMEOUT_MS,
      STABLE_MS,
    );
    assert.ok(snap.articleChars >= 300_000, `the article has only ${snap.articleChars} characters`);
    ctx.log(`article: ${snap.articleChars.toLocaleString('en')} characters`);
    // Its mentions came from the background's matcher (DESIGN.md §7), and were painted exactly.
    const probe = await ctx.browser.openExtensionPage('popup.html');
    try {
      const timings = await waitForTimings(probe, await page.evaluate(() => location.href, null));
      assert.equal(timings.matchedApart, true, 'the article was matched on the page, not by the background');
      ctx.log(
        `matched by the background in ${timings.matchedApartMs?.toFixed(1)} ms, ` +
          `the page waited ${timings.dictionaryWaitMs?.toFixed(1)} ms, then matched + painted in ` +
          `${(timings.matchMs + timings.paintMs).toFixed(1)} ms`,
      );
    } finally {
      await probe.close();
    }
    await expectNamesOutside(page, expectation);
    expectNoErrors(ctx, page, 'long-article.html');
  },
};

/** Runs in the page: what was painted first (the fixture's ?at=middle poll), against the end. */
function firstPaintedFacts(prefix: string): {
  first: number;
  all: number;
  onScreen: number;
  onScreenFirst: number;
  headline: number;
  headlineFirst: number;
} {
  const first = (window as unknown as { __firstPainted?: Set<AbstractRange> }).__firstPainted ?? new Set();
  const all: AbstractRange[] = [];
  for (const [name, highlight] of CSS.highlights)
    if (name.startsWith(prefix)) for (const range of highlight) all.push(range as AbstractRange);
  const live = document.createRange();
  const onScreen = all.filter((range) => {
    live.setStart(range.startContainer, range.startOffset);
    live.setEnd(range.endContainer, range.endOffset);
    const box = live.getBoundingClientRect();
    return box.bottom > 0 && box.top < window.innerHeight;
  });
  const h1 = document.querySelector('article h1');
  const headline = all.filter((range) => h1?.contains(range.startContainer));
  return {
    first: first.size,
    all: all.length,
    onScreen: onScreen.length,
    onScreenFirst: onScreen.filter((range) => first.has(range)).length,
    headline: headline.length,
    headlineFirst: headline.filter((range) => first.has(range)).length,
  };
}

const screenFirstTest: E2eTest = {
  name: "long-article.html opened halfway down: the names on the reader's screen are painted first, the rest after",
  async run(ctx) {
    const pageName = 'long-article.html?at=middle';
    const page = await ctx.fixturePage(pageName);
    const probe = await ctx.browser.openExtensionPage('popup.html');
    try {
      const timings = await waitForTimings(probe, await page.evaluate(() => location.href, null));
      const facts = await page.evaluate(firstPaintedFacts, PREFIX);
      ctx.log(
        `first paint: ${facts.first} of ${facts.all} mentions (${timings.firstScreenMs?.toFixed(1)} ms of work), ` +
          `${facts.onScreen} on screen; every mention: ${(timings.matchMs + timings.paintMs).toFixed(1)} ms`,
      );
      const expected = Object.values(loadHardExpectation('long-article.html').final.article);
      assert.equal(
        facts.all,
        expected.reduce((a, b) => a + b, 0),
        'every mention is painted in the end',
      );
      assert.ok(facts.onScreen > 0, 'no name is on the screen halfway down the article');
      assert.equal(
        facts.onScreenFirst,
        facts.onScreen,
        "a name on the reader's screen was painted after the first paint",
      );
      assert.ok(facts.first < facts.all / 2, `the first paint held ${facts.first} of ${facts.all} mentions`);
      assert.ok(
        facts.headline > 0 && facts.headlineFirst === 0,
        'the headline, far above the screen, was painted first',
      );
      const screen = timings.firstScreen;
      assert.ok(screen && screen.start > 100_000, `the first screen's text starts at ${screen?.start}`);
      // The background was asked for the text up to the screen first, the rest after.
      const part = timings.firstPartChars;
      assert.ok(
        part !== undefined && part >= screen.end && part < 313_026 - 50_000,
        `the first part asked for was ${part} characters`,
      );
      expectNoErrors(ctx, page, pageName);
    } finally {
      await probe.close();
    }
  },
};

const iframesTest: E2eTest = {
  name: "iframes.html: the top article is highlighted; the frames' entities are neither counted nor painted",
  async run(ctx) {
    const pageName = 'iframes.html';
    const expectation = loadHardExpectation(pageName);
    const page = await ctx.fixturePage(pageName);
    await waitForFirstPaint(page, pageName, PAINT_TIMEOUT_MS);
    // The frames must have loaded, with their names, for the test to mean anything.
    await page.waitFor(
      () =>
        [...document.querySelectorAll('iframe')].every((frame) =>
          (frame.contentDocument?.body?.textContent ?? '').includes('Microsoft'),
        ),
      null,
      5_000,
    );
    await expectNamesOutside(page, expectation, true);
    await expectState(ctx, page, expectation.final, pageName, PAINT_TIMEOUT_MS, STABLE_MS);
    const inFrames = await page.evaluate(
      (prefix: string) =>
        [...document.querySelectorAll('iframe')].map((frame) => {
          let ranges = 0;
          const win = frame.contentWindow as (Window & typeof globalThis) | null;
          if (win?.CSS?.highlights)
            for (const [name, highlight] of win.CSS.highlights)
              if (name.startsWith(prefix)) ranges += highlight.size;
          return `${frame.getAttribute('src') ?? 'srcdoc'}: ${ranges}`;
        }),
      PREFIX,
    );
    ctx.log(`ranges painted inside the frames' own documents: ${inFrames.join('; ')}`);
    const tabId = await tabIdOf(ctx.browser, new URL(pageName, ctx.baseUrl).href);
    await expectPopup(ctx, tabId, expectation.final.article, pageName);
    expectNoErrors(ctx, page, pageName);
  },
};

const replacedArticleTest: E2eTest = {
  name: 'replaced-article.html: after the article is replaced, only the new one is highlighted, once',
  async run(ctx) {
    const pageName = 'replaced-article.html';
    const expectation = loadHardExpectation(pageName);
    const before = expectation.states.before;
    assert.ok(before, 'replaced-article.expected.json has no "before" state');
    const page = await ctx.fixturePage(pageName);
    await waitForFirstPaint(page, pageName, PAINT_TIMEOUT_MS);
    // If the first analysis ran before the swap (the page swaps 800 ms after load), what it painted
    // must be the first article exactly. The snapshot and the flag are read in one task.
    const first = await page.evaluate(snapshotPage, PREFIX);
    if (!first.replaced) {
      logSnapshot(ctx, first, 'before the swap');
      assert.deepEqual(
        problemsWith(first, before),
        [],
        'before the swap: the highlights differ from the hand count',
      );
    } else ctx.log('the first analysis ran after the swap: the "before" state was not observed');
    await page.waitFor(
      () => (window as { __articleReplaced?: unknown }).__articleReplaced === true,
      null,
      5_000,
    );
    await expectState(ctx, page, expectation.final, 'after the swap', UPDATE_TIMEOUT_MS);
    // Still the same a moment later: no second, late analysis adding ranges.
    await sleep(600);
    const later = await page.evaluate(snapshotPage, PREFIX);
    assert.deepEqual(problemsWith(later, expectation.final), [], '600 ms later: the highlights changed');
    await expectNamesOutside(page, expectation);
    const tabId = await tabIdOf(ctx.browser, new URL(pageName, ctx.baseUrl).href);
    await expectPopup(ctx, tabId, expectation.final.article, 'after the swap');
    expectNoErrors(ctx, page, pageName);
  },
};

const spaTest: E2eTest = {
  name: 'spa.html: highlights and popup follow pushState navigation, and the back button',
  async run(ctx) {
    const pageName = 'spa.html?story=1';
    const expectation = loadHardExpectation('spa.html');
    const story2 = expectation.states.story2;
    assert.ok(story2, 'spa.expected.json has no "story2" state');
    const page = await ctx.fixturePage(pageName);
    await waitForFirstPaint(page, pageName, PAINT_TIMEOUT_MS);
    await expectState(ctx, page, expectation.final, 'story 1', PAINT_TIMEOUT_MS, STABLE_MS);
    await expectNamesOutside(page, expectation);
    const tabId = await tabIdOf(ctx.browser, new URL(pageName, ctx.baseUrl).href);

    await page.click('#link-story-2');
    await page.waitFor(() => (window as { __story?: unknown }).__story === '2', null, 5_000);
    const second = await expectState(ctx, page, story2, 'story 2 after pushState', UPDATE_TIMEOUT_MS);
    assert.match(second.url, /[?&]story=2$/, 'pushState did not change the URL');
    await expectPopup(ctx, tabId, story2.article, 'story 2');

    await page.evaluate(() => history.back(), null);
    await page.waitFor(() => (window as { __story?: unknown }).__story === '1', null, 5_000);
    const back = await expectState(
      ctx,
      page,
      expectation.final,
      'story 1 after the back button',
      UPDATE_TIMEOUT_MS,
    );
    assert.match(back.url, /[?&]story=1$/, 'the back button did not restore the URL');
    await expectPopup(ctx, tabId, expectation.final.article, 'story 1 again');
    expectNoErrors(ctx, page, pageName);
  },
};

/** Runs in the page: the centre of the first range of highlight `name`, scrolled into view. */
function firstRangeCentre(name: string): { x: number; y: number } | null {
  const highlight = CSS.highlights.get(name);
  if (!highlight) return null;
  for (const abstract of highlight) {
    const range = document.createRange();
    range.setStart(abstract.startContainer, abstract.startOffset);
    range.setEnd(abstract.endContainer, abstract.endOffset);
    abstract.startContainer.parentElement?.scrollIntoView({ block: 'center', behavior: 'instant' });
    const box = range.getClientRects()[0];
    return box ? { x: box.left + box.width / 2, y: box.top + box.height / 2 } : null;
  }
  return null;
}

/** Runs in the page: the entity id on the card in the extension's shadow root, or null. */
function shownCard(): string | null {
  const card = document
    .querySelector('[data-hashiya-ui]')
    ?.shadowRoot?.querySelector('.card[data-entity-id]');
  return card?.getAttribute('data-entity-id') ?? null;
}

const bodySwapTest: E2eTest = {
  name: 'body-swap.html: highlights survive the <body> taken out and put back, and follow a new <body>',
  async run(ctx) {
    const pageName = 'body-swap.html';
    const expectation = loadHardExpectation(pageName);
    const before = expectation.states.before;
    assert.ok(before, 'body-swap.expected.json has no "before" state');
    const page = await ctx.fixturePage(pageName);
    await waitForFirstPaint(page, pageName, PAINT_TIMEOUT_MS);
    await page.waitFor(() => (window as { __bodyReadded?: unknown }).__bodyReadded === true, null, 5_000);
    await expectState(ctx, page, before, 'after the body came back', UPDATE_TIMEOUT_MS);
    await page.waitFor(() => (window as { __bodySwapped?: unknown }).__bodySwapped === true, null, 5_000);
    await expectState(ctx, page, expectation.final, 'after the new body', UPDATE_TIMEOUT_MS);
    await expectNamesOutside(page, expectation);
    const tabId = await tabIdOf(ctx.browser, new URL(pageName, ctx.baseUrl).href);
    await expectPopup(ctx, tabId, expectation.final.article, 'after the new body');
    expectNoErrors(ctx, page, pageName);
  },
};

const squatterTest: E2eTest = {
  name: 'squatter.html: a page that defines custom elements with our names cannot stop the card opening',
  async run(ctx) {
    const pageName = 'squatter.html';
    const expectation = loadHardExpectation(pageName);
    const page = await ctx.fixturePage(pageName);
    await waitForFirstPaint(page, pageName, PAINT_TIMEOUT_MS);
    await expectState(ctx, page, expectation.final, pageName, PAINT_TIMEOUT_MS, STABLE_MS);
    const squatted = await page.evaluate(
      () => ['hashiya-ui', 'hashiya-card'].every((name) => customElements.get(name) !== undefined),
      null,
    );
    assert.ok(squatted, 'fixture check: the page did not define its custom elements');
    await page.bringToFront();
    const spot = await page.evaluate(firstRangeCentre, `${PREFIX}place`);
    assert.ok(spot, 'no place highlight to hover');
    await page.mouseMove(spot.x, spot.y);
    await page.waitFor(shownCard, null, 3_000);
    ctx.log(`card for ${await page.evaluate(shownCard, null)}`);
    expectNoErrors(ctx, page, pageName);
  },
};

const highlightsClearTest: E2eTest = {
  name: 'highlights-clear.html: after the page clears CSS.highlights, ours come back at the next scroll or hover',
  async run(ctx) {
    const pageName = 'highlights-clear.html';
    const expectation = loadHardExpectation(pageName);
    const want = expectedPerHighlight(expectation.final);
    const page = await ctx.fixturePage(pageName);
    await page.waitFor(() => (window as { __searches?: number }).__searches === 1, null, PAINT_TIMEOUT_MS);
    // The page's own search ran after load; whether it cleared ours depends on timing, so search again.
    await sleep(1_100); // past the restore interval, should the extension have restored already
    const cleared = await page.evaluate(() => {
      const search = (window as { __search?: (word: string) => number }).__search;
      const found = search ? search('الحكومة') : 0;
      return { found, names: [...CSS.highlights.keys()] };
    }, null);
    assert.deepEqual(cleared.names, ['page-search'], 'fixture check: the page did not clear CSS.highlights');
    assert.ok(cleared.found > 0, 'fixture check: the page found nothing to highlight');
    await page.evaluate(() => window.scrollBy({ top: 40, behavior: 'instant' }), null);
    await page.waitFor(highlightsAre, want, 3_000);
    await expectState(ctx, page, expectation.final, 'after a scroll', 1_000);
    // Again, answered by a hover this time (a second apart: a page that keeps clearing is not fought).
    await sleep(1_100);
    await page.evaluate(() => (window as { __search?: (word: string) => number }).__search?.('طهران'), null);
    await page.bringToFront();
    await page.mouseMove(5, 5);
    await page.mouseMove(30, 60);
    await page.waitFor(highlightsAre, want, 3_000);
    const pageOwn = await page.evaluate(() => CSS.highlights.get('page-search')?.size ?? 0, null);
    assert.ok(pageOwn > 0, "the page's own highlight was removed");
    await expectNamesOutside(page, expectation);
    expectNoErrors(ctx, page, pageName);
  },
};

/** Runs in the page: makes every `hashiya-*` highlight draw nothing at all (no colour, no underline). */
function transparentHighlights(prefix: string): number {
  const names = [...CSS.highlights.keys()].filter((name) => name.startsWith(prefix));
  const style = document.createElement('style');
  style.textContent = names
    .map(
      (name) =>
        `::highlight(${name}) { background-color: transparent !important; color: inherit !important; text-decoration: none !important; }`,
    )
    .join('\n');
  document.head.append(style);
  return names.length;
}

/** Runs in the page: takes the `hashiya-*` highlights out (`back`: puts them back as they were). */
function toggleHighlights(arg: { prefix: string; back: boolean }): number {
  const scope = window as { __saved?: [string, Highlight][] };
  if (arg.back) {
    for (const [name, highlight] of scope.__saved ?? []) CSS.highlights.set(name, highlight);
    return scope.__saved?.length ?? 0;
  }
  scope.__saved = [...CSS.highlights].filter(([name]) => name.startsWith(arg.prefix));
  for (const [name] of scope.__saved) CSS.highlights.delete(name);
  return scope.__saved.length;
}

/** Runs in the page: painted ranges that begin or end between a lam and the alef fused with it. */
function rangesSplittingLamAlef(prefix: string): string[] {
  const out: string[] = [];
  for (const [name, highlight] of CSS.highlights) {
    if (!name.startsWith(prefix)) continue;
    for (const r of highlight) {
      for (const [node, offset] of [
        [r.startContainer, r.startOffset],
        [r.endContainer, r.endOffset],
      ] as [Node, number][]) {
        const text = node.textContent ?? '';
        let before = offset - 1;
        while (before > 0 && /[\u064b-\u065f\u0670]/.test(text[before] ?? '')) before--;
        if (text[before] === '\u0644' && /[\u0627\u0623\u0625\u0622\u0671]/.test(text[offset] ?? ''))
          out.push(text.slice(Math.max(0, r.startOffset - 2), r.endOffset));
      }
    }
  }
  return out;
}

/** The faint antialiasing seam Chromium leaves where a letter joins across a highlight edge, at most. */
const JOIN_SEAM_MAX = 40;

const ligaturesTest: E2eTest = {
  name: 'ligatures.html: a highlight never changes a glyph: the text pixels are the same with and without',
  async run(ctx) {
    const pageName = 'ligatures.html';
    const page = await ctx.fixturePage(pageName);
    await waitForFirstPaint(page, pageName, PAINT_TIMEOUT_MS);
    await page.waitFor(() => document.fonts.status === 'loaded', null, 5_000);
    await sleep(STABLE_MS / 2);
    const painted = await page.evaluate(transparentHighlights, PREFIX);
    assert.ok(painted >= 2, `only ${painted} highlight types painted on ${pageName}`);
    const lines = await page.evaluate(
      () => [...document.querySelectorAll('p.line')].map((p) => p.textContent ?? ''),
      null,
    );
    const joins = await page.evaluate(
      () => [...document.querySelectorAll('p.line')].map((p) => p.hasAttribute('data-joins')),
      null,
    );
    const shots = async () => {
      const out: Buffer[] = [];
      for (let i = 0; i < lines.length; i++) out.push(await page.screenshotElement('p.line', i));
      return out;
    };
    const highlighted = await shots();
    assert.equal(await page.evaluate(toggleHighlights, { prefix: PREFIX, back: false }), painted);
    const plain = await shots();
    await page.evaluate(toggleHighlights, { prefix: PREFIX, back: true });
    const dir = process.env.HASHIYA_SCREENSHOTS;
    const problems: string[] = [];
    for (const [i, line] of lines.entries()) {
      const { differing, largest } = comparePixels(
        decodePng(highlighted[i] ?? Buffer.alloc(0)),
        decodePng(plain[i] ?? Buffer.alloc(0)),
      );
      ctx.log(`line ${i + 1}: ${differing} pixels differ${differing ? ` (by ≤ ${largest}/255)` : ''}`);
      // Chromium paints text on each side of a highlight edge separately: where a letter joins the
      // next across the edge (ب|إيران, ل|لأمم) the antialiasing of the join differs faintly. A glyph
      // that changes (an alef vanishing from a لا ligature) differs by far more.
      const seamsAllowed = joins[i] === true && ctx.browser.name === 'chromium';
      if (differing > 0 && !(seamsAllowed && largest <= JOIN_SEAM_MAX))
        problems.push(`line ${i + 1} "${line}": ${differing} pixels differ, by up to ${largest}/255`);
      if (dir) {
        writeFileSync(join(dir, `${ctx.browser.name}-ligatures-${i}-highlighted.png`), highlighted[i] ?? '');
        writeFileSync(join(dir, `${ctx.browser.name}-ligatures-${i}-plain.png`), plain[i] ?? '');
      }
    }
    assert.deepEqual(problems, [], 'these lines look different with the (transparent) highlights');
    assert.deepEqual(
      await page.evaluate(rangesSplittingLamAlef, PREFIX),
      [],
      'ranges begin or end inside a lam-alef ligature',
    );
    expectNoErrors(ctx, page, pageName);
  },
};

interface ReportFacts {
  status: string;
  entities: number;
  timings: {
    extractMs: number;
    matchMs: number;
    paintMs: number;
    longestTaskMs?: number;
    extractedApart?: boolean;
  } | null;
}

/** Runs in an extension page: the content script's report for tab `tabId` (null: no answer). */
async function reportOf(tabId: number): Promise<ReportFacts | null> {
  const scope = globalThis as {
    browser?: { tabs: { sendMessage(id: number, message: unknown): Promise<unknown> } };
    chrome?: { tabs: { sendMessage(id: number, message: unknown): Promise<unknown> } };
  };
  const api = scope.browser ?? scope.chrome;
  if (!api) throw new Error('no extension API here');
  const reply = (await api.tabs.sendMessage(tabId, { type: 'get-page-report' }).catch(() => null)) as {
    value?: { status: string; entities: unknown[]; timings?: ReportFacts['timings'] };
  } | null;
  const report = reply?.value;
  return report
    ? { status: report.status, entities: report.entities.length, timings: report.timings ?? null }
    : null;
}

/** Polls the report of `tabId` from `probe` until `done` holds for it. */
async function waitForReport(
  probe: TestPage,
  tabId: number,
  done: (report: ReportFacts) => boolean,
  timeoutMs: number,
): Promise<ReportFacts> {
  const started = Date.now();
  let last: ReportFacts | null = null;
  while (Date.now() - started < timeoutMs) {
    last = await probe.evaluate(reportOf, tabId);
    if (last && done(last)) return last;
    await sleep(200);
  }
  throw new Error(`the page's report never got there: last ${JSON.stringify(last)}`);
}

/** The extension's own longest task, by its report. */
const LONGEST_TASK_MS = 200;

/**
 * A page past the size bounds: nothing costly happens by itself (no highlights, the popup says so,
 * the extension's task stayed short), and "Analyse anyway" in the popup highlights the article.
 */
function tooLargeTest(pageName: string, what: string, analyseAnyway: boolean): E2eTest {
  return {
    name: `${pageName}: ${what}`,
    // A cold Readability parse of 100,000 elements, on a loaded 2-core machine, took 30 s once.
    timeoutMs: 60_000,
    async run(ctx) {
      const page = await ctx.fixturePage(pageName);
      const url = new URL(pageName, ctx.baseUrl).href;
      const tabId = await tabIdOf(ctx.browser, url);
      const popup = await ctx.browser.openExtensionPage(`popup.html?tab=${tabId}`);
      try {
        const report = await waitForReport(popup, tabId, (r) => r.status !== 'working', PAINT_TIMEOUT_MS);
        ctx.log(`unasked: ${JSON.stringify(report)}`);
        assert.equal(report.status, 'too-large');
        assert.ok(
          (report.timings?.longestTaskMs ?? report.timings?.extractMs ?? Infinity) <= LONGEST_TASK_MS,
          'the size check itself took too long',
        );
        assert.equal(await page.evaluate(countHighlighted, PREFIX), 0, 'something was painted unasked');
        await popup.waitForSelector('[data-state="too-large"] [data-action="analyse"]', POPUP_TIMEOUT_MS);
        if (!analyseAnyway) return;
        await popup.click('[data-state="too-large"] [data-action="analyse"]');
        const expectation = loadHardExpectation(pageName.replace(/\?.*$/, ''));
        await expectState(ctx, page, expectation.final, `${pageName} after "Analyse anyway"`, 20_000);
        expectNoErrors(ctx, page, pageName);
      } finally {
        await popup.close();
      }
    },
  };
}

/** Runs in the page: how many ranges the `hashiya-*` highlights hold. */
function countHighlighted(prefix: string): number {
  let n = 0;
  for (const [name, highlight] of CSS.highlights) if (name.startsWith(prefix)) n += highlight.size;
  return n;
}

const hugeArticleTest: E2eTest = {
  name: 'long-article.html?rounds=740 (5 MB): highlighted, the article read apart from the page, the rest in short tasks',
  async run(ctx) {
    const pageName = 'long-article.html?rounds=740';
    const page = await ctx.fixturePage(pageName);
    const tabId = await tabIdOf(ctx.browser, new URL(pageName, ctx.baseUrl).href);
    const probe = await ctx.browser.openExtensionPage('popup.html');
    try {
      const report = await waitForReport(probe, tabId, (r) => r.status === 'ready', 25_000);
      const t = report.timings;
      ctx.log(`report: ${JSON.stringify(report)}`);
      assert.ok(t, 'no timings');
      // 2 + 46 mentions per copy (long-article.expected.json), 740 copies.
      assert.equal(await page.evaluate(countHighlighted, PREFIX), 2 + 46 * 740);
      // Matching and painting ran as tasks of their own, none as long as all of them together.
      assert.ok((t.longestTaskMs ?? Infinity) < t.extractMs + t.matchMs + t.paintMs - 1, 'done in one task');
      assert.ok(t.matchMs + t.paintMs > 0);
      // Readability ran in a document of the extension's own (the background or an offscreen one).
      assert.equal(t.extractedApart, true, 'the article was extracted on the page');
      expectNoErrors(ctx, page, pageName);
    } finally {
      await probe.close();
    }
  },
};

export const hardPageTests: E2eTest[] = [
  longArticleTest,
  screenFirstTest,
  iframesTest,
  staticPageTest('split-names.html', 'names split across <a>/<b>/<span> count once, as the whole name'),
  replacedArticleTest,
  spaTest,
  staticPageTest('rtl-ltr-sidebar.html', 'the RTL article is highlighted, its LTR sidebar is not'),
  staticPageTest('dark.html', 'an article on a dark page is highlighted like any other', checkDarkPage),
  ligaturesTest,
  tooLargeTest(
    'deep-article.html',
    'an article 1,000 elements deep is left alone until the reader asks',
    false,
  ),
  tooLargeTest(
    'many-elements.html',
    '100,000 tiny elements: left alone, said so in the popup, analysed when the reader asks',
    true,
  ),
  tooLargeTest(
    'deep-article.html?depth=400',
    'an article 400 deep: "Analyse anyway" in the popup highlights it',
    true,
  ),
  hugeArticleTest,
  bodySwapTest,
  squatterTest,
  highlightsClearTest,
];

/**
 * The browser stops an idle background (Chromium terminates the service worker; Firefox's is
 * stopped here by reloading the extension): the next article's mentions still come from it, the
 * page's message starting it again, and every mention is painted. Run last: it restarts the background.
 */
/**
 * The dictionary's tables gone from the package (a damaged install, the extension updated under the
 * page): neither the background nor the page can read them. The popup says so in words, nothing is
 * painted and the page works on; with the file back, reloading the page highlights it all.
 */
const unreadableDictionaryTest: E2eTest = {
  name: 'dictionary unreadable: the popup says so in words and nothing is painted; with the file back, a reload paints every mention',
  timeoutMs: 90_000,
  async run(ctx) {
    await withCopyOfBuild(ctx, async (changed, copy) => {
      const pageName = 'seed-ar.html';
      const file = join(copy, DICTIONARY_FILE);
      const tables = readFileSync(file);
      rmSync(file);
      const url = new URL(pageName, ctx.baseUrl).href;
      const page = await changed.newPage(url);
      const tabId = await tabIdOf(changed, url);
      const popup = await changed.openExtensionPage(`popup.html?tab=${tabId}`);
      try {
        const report = await waitForReport(popup, tabId, (r) => r.status !== 'working', PAINT_TIMEOUT_MS);
        assert.equal(report.status, 'error');
        await popup.waitForSelector('[data-state="error"]', POPUP_TIMEOUT_MS);
        const said = await popup.evaluate(
          () => document.querySelector('[data-state="error"]')?.textContent ?? '',
          null,
        );
        ctx.log(`the popup: ${said}`);
        assert.match(said, /dictionary could not be read\. Reloading the page tries again/);
        const dir = process.env.HASHIYA_SCREENSHOTS;
        if (dir) {
          const file = join(dir, `${ctx.browser.name}-popup-dictionary-unreadable.png`);
          await popup.screenshot(file);
          ctx.log(`screenshot: ${file}`);
        }
        assert.equal(await page.evaluate(countHighlighted, PREFIX), 0, 'something was painted');
        assert.deepEqual(errorsBesidesMissingFiles(page), [], 'an error on the page');
        writeFileSync(file, tables);
        await page.goto(url);
        await waitForPaint(page, pageName);
        for (const [type, count] of expectedRangesPerType(loadExpectation(pageName)))
          assert.equal(await page.evaluate(countRanges, `${PREFIX}${type}`), count, `${type} ranges`);
      } finally {
        await popup.close();
      }
    });
  },
};

export const matchingRestartTests: E2eTest[] = [
  unreadableDictionaryTest,
  {
    name: 'background stopped: the next article is still matched by it (the message starts it again), every mention painted',
    timeoutMs: 60_000,
    async run(ctx) {
      const pageName = 'seed-ar.html';
      const wanted = expectedRangesPerType(loadExpectation(pageName));
      await ctx.browser.stopBackground();
      // Firefox reloads the whole extension: a tab opened meanwhile gets no content script.
      await sleep(1_500);
      const url = `${new URL(pageName, ctx.baseUrl).href}?background-stopped`;
      let page = await ctx.browser.newPage(url);
      try {
        await waitForPaint(page, pageName);
      } catch {
        await page.close();
        page = await ctx.browser.newPage(`${url}-again`);
        await waitForPaint(page, pageName);
      }
      for (const [type, count] of wanted)
        assert.equal(await page.evaluate(countRanges, `${PREFIX}${type}`), count, `${type} ranges`);
      const probe = await ctx.browser.openExtensionPage('popup.html');
      try {
        const timings = await waitForTimings(probe, await page.evaluate(() => location.href, null));
        assert.equal(timings.matchedApart, true, 'matched on the page: the background did not answer');
        ctx.log(
          `the restarted background matched it in ${timings.matchedApartMs?.toFixed(1)} ms; ` +
            `the page waited ${timings.dictionaryWaitMs?.toFixed(1)} ms after extracting`,
        );
      } finally {
        await probe.close();
      }
    },
  },
];
