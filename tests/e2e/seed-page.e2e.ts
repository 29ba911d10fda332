// End-to-end tests on the seed news pages (tests/fixtures/pages/seed-ar.html, seed-en.html), run in
// each browser by tests/e2e/run.ts.
//
// NOTE for functions passed to page.evaluate / waitFor: they are serialised and run in the page, so
// they must not use anything from this module, and must not declare named inner functions either
// (tsx compiles with keepNames, which wraps them in a `__name()` helper the page does not have).

import assert from 'node:assert/strict';
import { ENTITY_TYPES, type EntityType } from '../../lib/entity-types.ts';
import type { TestPage } from './browsers.ts';
import { entityTypes, expectedRangesPerType, loadExpectation } from './expectations.ts';
import type { E2eContext, E2eTest } from './harness.ts';

const PAINT_TIMEOUT_MS = 15_000;
const POPUP_TIMEOUT_MS = 10_000;
const PREFIX = 'hashiya-';

interface RangeReport {
  highlight: string;
  text: string;
  inArticle: boolean;
  /** Closest nav/aside/footer/header around the range that is not inside the article, if any. */
  landmark: string | null;
  sameBlock: boolean;
  containsBreak: boolean;
  /** Short description of where the range starts, for messages. */
  where: string;
}

interface HighlightSnapshot {
  /** Every name in CSS.highlights, ours or not. */
  names: string[];
  ranges: RangeReport[];
}

/** Runs in the page: describes every range of every `hashiya-*` highlight. */
function snapshotHighlights(prefix: string): HighlightSnapshot {
  const article = document.querySelector('article');
  const names: string[] = [];
  const ranges: RangeReport[] = [];
  for (const [name, highlight] of CSS.highlights) {
    names.push(name);
    if (!name.startsWith(prefix)) continue;
    for (const abstract of highlight) {
      // Works for Range and StaticRange alike.
      const range = document.createRange();
      range.setStart(abstract.startContainer, abstract.startOffset);
      range.setEnd(abstract.endContainer, abstract.endOffset);
      const blocks: (Element | null)[] = [];
      for (const node of [range.startContainer, range.endContainer]) {
        let el: Element | null = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
        while (el) {
          const display = getComputedStyle(el).display;
          if (!display.startsWith('inline') && display !== 'contents' && display !== 'ruby') break;
          el = el.parentElement;
        }
        blocks.push(el);
      }
      const startEl =
        range.startContainer.nodeType === Node.ELEMENT_NODE
          ? (range.startContainer as Element)
          : range.startContainer.parentElement;
      const landmarkEl = startEl?.closest('nav, aside, footer, header, [role="navigation"]') ?? null;
      const inArticle =
        (article?.contains(range.startContainer) ?? false) &&
        (article?.contains(range.endContainer) ?? false);
      ranges.push({
        highlight: name,
        text: range.toString(),
        inArticle,
        landmark:
          landmarkEl && !(article?.contains(landmarkEl) ?? false)
            ? `${landmarkEl.tagName.toLowerCase()}${landmarkEl.className ? `.${landmarkEl.className}` : ''}`
            : null,
        sameBlock: blocks[0] === blocks[1],
        containsBreak: range.cloneContents().querySelector('br') !== null,
        where: startEl
          ? `${startEl.tagName.toLowerCase()}${startEl.className ? `.${startEl.className}` : ''}`
          : '(no element)',
      });
    }
  }
  return { names, ranges };
}

/** Runs in the page: true once at least one `hashiya-*` highlight with a range is registered. */
function hasHighlights(prefix: string): boolean {
  for (const [name, highlight] of CSS.highlights)
    if (name.startsWith(prefix) && highlight.size > 0) return true;
  return false;
}

/** Runs in the page: total number of ranges in `hashiya-*` highlights. */
function countRanges(prefix: string): number {
  let total = 0;
  for (const [name, highlight] of CSS.highlights) if (name.startsWith(prefix)) total += highlight.size;
  return total;
}

/** Runs in the page: which of `names` occur in the page's text outside the <article>. */
function namesOutsideArticle(names: string[]): string[] {
  const article = document.querySelector('article');
  let outside = '';
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (article?.contains(node) || node.parentElement?.closest('script, style')) continue;
    outside += ` ${node.nodeValue ?? ''}`;
  }
  return names.filter((name) => outside.includes(name));
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until the page has painted and the number of ranges has stopped changing. */
async function waitForPaint(page: TestPage, what: string): Promise<void> {
  try {
    await page.waitFor(hasHighlights, PREFIX, PAINT_TIMEOUT_MS);
  } catch {
    const names = await page.evaluate(() => [...CSS.highlights.keys()], null).catch(() => ['(unreadable)']);
    throw new Error(
      `Nothing was painted on ${what} within ${PAINT_TIMEOUT_MS / 1000} s: no "${PREFIX}*" highlight with ranges ` +
        `(CSS.highlights has: ${names.length ? names.join(', ') : 'nothing'}). ` +
        `Page errors: ${page.errors.length ? page.errors.join(' | ') : 'none'}.`,
    );
  }
  let last = -1;
  for (let i = 0; i < 20; i++) {
    const now = await page.evaluate(countRanges, PREFIX);
    if (now === last) return;
    last = now;
    await sleep(150);
  }
}

function tally(texts: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const text of texts) counts.set(text, (counts.get(text) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1])
    .map(([text, n]) => (n > 1 ? `${text}×${n}` : text))
    .join(', ');
}

function highlightsTest(pageName: string): E2eTest {
  return {
    name: `${pageName}: highlights appear, only inside the article, one range per expected mention`,
    async run(ctx: E2eContext) {
      const expectation = loadExpectation(pageName);
      const page = await ctx.fixturePage(pageName);
      await waitForPaint(page, pageName);

      // The fixture itself must keep entity names outside the article, or this test proves nothing.
      const present = await page.evaluate(namesOutsideArticle, expectation.outside);
      const missing = expectation.outside.filter((name) => !present.includes(name));
      assert.deepEqual(missing, [], `fixture ${pageName}: these "outside" names are not outside the article`);

      const snapshot = await page.evaluate(snapshotHighlights, PREFIX);
      const problems: string[] = [];
      for (const r of snapshot.ranges) {
        const shown = r.text.length > 60 ? `${r.text.slice(0, 57)}…` : r.text;
        const label = `${r.highlight} "${shown.replace(/\s+/g, ' ')}" at ${r.where}`;
        if (!r.inArticle)
          problems.push(`outside the <article>: ${label}${r.landmark ? ` (in ${r.landmark})` : ''}`);
        if (r.text.trim().length === 0) problems.push(`empty text: ${label}`);
        if (!r.sameBlock || r.containsBreak) problems.push(`crosses a block boundary or <br>: ${label}`);
      }
      const expected = expectedRangesPerType(expectation);
      const mismatches: string[] = [];
      for (const type of ENTITY_TYPES) {
        const texts = snapshot.ranges.filter((r) => r.highlight === PREFIX + type).map((r) => r.text);
        const want = expected.get(type) ?? 0;
        ctx.log(`${type}: ${texts.length} range(s)${texts.length ? ` — ${tally(texts)}` : ''}`);
        if (texts.length !== want) mismatches.push(`${type}: expected ${want} ranges, got ${texts.length}`);
      }
      const known = new Set<string>(ENTITY_TYPES.map((type) => PREFIX + type));
      const others = [...new Set(snapshot.ranges.map((r) => r.highlight))].filter((name) => !known.has(name));
      if (others.length) ctx.log(`other highlights of ours (not counted): ${others.join(', ')}`);
      assert.deepEqual(problems, [], `${problems.length} bad range(s) on ${pageName}`);
      assert.deepEqual(mismatches, [], `range counts per type on ${pageName} differ from the hand count`);
    },
  };
}

interface PopupEntry {
  id: string;
  type: string;
  count: number;
}

/** The part of the WebExtension API the tests call from an extension page. */
interface TabsApi {
  tabs: {
    query(query: object): Promise<{ id?: number; url?: string }[]>;
    sendMessage(tabId: number, message: unknown): Promise<unknown>;
  };
}

/**
 * Runs in an extension page: the ids of the tabs showing `url`. Tab URLs are only visible with the
 * "tabs" permission (or host permissions); without them, ask each tab's content script for its page
 * summary (`get-summary`, lib/messages.ts), which carries the page URL.
 */
async function tabIdsFor(url: string): Promise<number[]> {
  const scope = globalThis as { browser?: TabsApi; chrome?: TabsApi };
  const api = scope.browser ?? scope.chrome;
  if (!api) throw new Error('no browser / chrome API in this page: is it an extension page?');
  const tabs = await api.tabs.query({});
  const byUrl = tabs.filter((tab) => tab.url === url && tab.id !== undefined).map((tab) => tab.id as number);
  if (byUrl.length > 0 || tabs.some((tab) => tab.url !== undefined && /^https?:/.test(tab.url))) return byUrl;
  const answers = await Promise.all(
    tabs.map((tab) =>
      tab.id === undefined
        ? Promise.resolve(null)
        : api.tabs.sendMessage(tab.id, { type: 'get-summary' }).then(
            (answer) => ({ id: tab.id as number, answer }),
            () => null,
          ),
    ),
  );
  return answers
    .filter((entry) => entry !== null && (entry.answer as { url?: unknown } | undefined)?.url === url)
    .map((entry) => (entry as { id: number }).id);
}

/** Runs in the popup: what it lists. */
function readPopup(): PopupEntry[] {
  return [...document.querySelectorAll('[data-entity-id]')].map((el) => ({
    id: el.getAttribute('data-entity-id') ?? '',
    type: el.getAttribute('data-entity-type') ?? '',
    count: Number(el.getAttribute('data-count')),
  }));
}

/** Runs in the popup: true once it lists exactly `want` (id → count). */
function popupMatches(want: Record<string, number>): boolean {
  const entries = [...document.querySelectorAll('[data-entity-id]')];
  if (entries.length !== Object.keys(want).length) return false;
  return entries.every(
    (el) => want[el.getAttribute('data-entity-id') ?? ''] === Number(el.getAttribute('data-count')),
  );
}

function popupTest(pageName: string): E2eTest {
  return {
    name: `${pageName}: the popup for its tab lists exactly the expected entities and counts`,
    async run(ctx: E2eContext) {
      const expectation = loadExpectation(pageName);
      const page = await ctx.fixturePage(pageName);
      await waitForPaint(page, pageName);

      const url = new URL(pageName, ctx.baseUrl).href;
      const probe = await ctx.browser.openExtensionPage('popup.html');
      const ids = await probe.evaluate(tabIdsFor, url);
      await probe.close();
      assert.equal(ids.length, 1, `expected one tab showing ${url}, found ${ids.length}`);

      const popup = await ctx.browser.openExtensionPage(`popup.html?tab=${ids[0]}`);
      try {
        try {
          await popup.waitForSelector('[data-entity-id]', POPUP_TIMEOUT_MS);
          await popup.waitFor(popupMatches, expectation.article, 3_000);
        } catch {
          // Fall through: the comparison below says what differs.
        }
        const entries = await popup.evaluate(readPopup, null);
        const types = entityTypes();
        const problems: string[] = [];
        const seen = new Set<string>();
        for (const entry of entries) {
          if (seen.has(entry.id)) problems.push(`listed twice: ${entry.id}`);
          seen.add(entry.id);
          const want = expectation.article[entry.id];
          if (want === undefined) problems.push(`unexpected entity: ${entry.id} (count ${entry.count})`);
          else if (want !== entry.count)
            problems.push(`${entry.id}: expected count ${want}, popup says ${entry.count}`);
          const type: EntityType | undefined = types.get(entry.id);
          if (type && entry.type !== type)
            problems.push(`${entry.id}: data-entity-type "${entry.type}", expected "${type}"`);
        }
        for (const id of Object.keys(expectation.article)) {
          if (!seen.has(id))
            problems.push(`missing entity: ${id} (expected count ${expectation.article[id]})`);
        }
        ctx.log(
          `popup lists ${entries.length} entities: ${entries.map((e) => `${e.id}=${e.count}`).join(', ')}`,
        );
        assert.deepEqual(problems, [], `the popup for ${pageName} differs from the hand count`);
        assert.deepEqual(popup.errors, [], 'the popup logged errors');
      } finally {
        await popup.close();
      }
    },
  };
}

function pageScriptTest(pageName: string): E2eTest {
  return {
    name: `${pageName}: the page's own script still runs and reacts; no page or extension errors`,
    async run(ctx: E2eContext) {
      const page = await ctx.fixturePage(pageName);
      await waitForPaint(page, pageName);
      const ran = await page.evaluate(
        () => (window as { __pageScriptRan?: unknown }).__pageScriptRan === true,
        null,
      );
      assert.equal(ran, true, 'window.__pageScriptRan is not true: the page script did not run');
      const before = await page.evaluate(
        () => document.getElementById('subscribe-status')?.textContent ?? null,
        null,
      );
      assert.equal(before, '', '#subscribe-status should start empty');
      await page.click('#subscribe');
      await page.waitFor(
        () => (document.getElementById('subscribe-status')?.textContent ?? '').length > 0,
        null,
        5_000,
      );
      assert.deepEqual(
        page.errors,
        [],
        `errors on ${pageName} (uncaught or console.error, page or content script)`,
      );
      assert.deepEqual(ctx.browser.backgroundErrors, [], 'the extension background logged errors');
    },
  };
}

export const seedPageTests: readonly E2eTest[] = [
  highlightsTest('seed-ar.html'),
  highlightsTest('seed-en.html'),
  popupTest('seed-ar.html'),
  popupTest('seed-en.html'),
  pageScriptTest('seed-ar.html'),
  pageScriptTest('seed-en.html'),
];
