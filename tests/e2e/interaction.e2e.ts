// End-to-end tests of what a reader does with the extension, run in each browser by tests/e2e/run.ts:
// the hover card and its buttons, the side panel (counts, stepping, sorting, switches, hidden
// entities), pages that are not articles, editable regions, a strict Content-Security-Policy, and
// the promise that no request leaves the page's origin.
//
// Tests share tabs (ctx.fixturePage) where they do not interfere; every test that changes the
// settings clears them again (storage.local.clear() from an extension page) before it ends.
//
// NOTE for functions passed to page.evaluate / waitFor: they are serialised and run in the page, so
// they must not use anything from this module, and must not declare named inner functions either
// (tsx compiles with keepNames, which wraps them in a `__name()` helper the page does not have).

import assert from 'node:assert/strict';
import { EXTRAS_FILE } from '../../components/extras/file.ts';
import { DICTIONARY_ENTRIES_FILE, DICTIONARY_FILE } from '../../lib/entities/dictionary-file.ts';
import { ENTITY_TYPES } from '../../lib/entities/types.ts';
import type { TestBrowser, TestPage } from './browsers.ts';
import { expectedRangesPerType, loadExpectation, type PageExpectation } from './expectations.ts';
import type { E2eContext, E2eTest } from './harness.ts';
import {
  countRanges,
  POPUP_TIMEOUT_MS,
  PREFIX,
  popupMatches,
  readPopup,
  sleep,
  snapshotHighlights,
  type TabsApi,
  tabIdsFor,
  waitForPaint,
} from './helpers.ts';
import { queryUi } from './ui-tree.ts';

const FOCUS = `${PREFIX}focus`;
const CARD_TIMEOUT_MS = 5_000;
const SETTLE_TIMEOUT_MS = 5_000;
/** A viewport point over nothing of interest: the left margin of every fixture page. */
const NEUTRAL = { x: 4, y: 4 };

// ── In-page functions ─────────────────────────────────────────────────────────────────────────

/** One painted range: its text and where it lies (text-node index in document order, offsets). */
interface RangeKey {
  text: string;
  /** `startNode:startOffset-endNode:endOffset`, node = index of the text node in document order. */
  key: string;
}

/** One range of a highlight, as window.hashiyaRanges gives it. */
interface KeyedRange {
  /** `startNode:startOffset-endNode:endOffset`, node = index of the text node in document order. */
  key: string;
  range: Range;
  node: number;
  offset: number;
}

declare global {
  interface Window {
    /** The ranges of highlight `name` as live Ranges with their keys (installed by installPageHelpers). */
    hashiyaRanges: (name: string) => KeyedRange[];
  }
}

/**
 * Runs in the page: installs `window.hashiyaRanges` unless already there. (Assigned to a property,
 * not declared, so tsx's keepNames does not wrap it in a `__name()` call the page lacks.)
 */
function installPageHelpers(): void {
  if (typeof (window as { hashiyaRanges?: unknown }).hashiyaRanges === 'function') return;
  window.hashiyaRanges = (name) => {
    const index = new Map<Node, number>();
    const walker = document.createTreeWalker(document, NodeFilter.SHOW_TEXT);
    let i = 0;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) index.set(node, i++);
    const out: KeyedRange[] = [];
    for (const r of CSS.highlights.get(name) ?? []) {
      const range = document.createRange();
      range.setStart(r.startContainer, r.startOffset);
      range.setEnd(r.endContainer, r.endOffset);
      const start = index.get(r.startContainer) ?? -1;
      const end = index.get(r.endContainer) ?? -1;
      out.push({
        key: `${start}:${r.startOffset}-${end}:${r.endOffset}`,
        range,
        node: start,
        offset: r.startOffset,
      });
    }
    return out;
  };
}

/** Runs `fn(arg)` in the page, with the page helpers installed (once per document). */
async function inPage<R, A>(page: TestPage, fn: (arg: A) => R | Promise<R>, arg: A): Promise<R> {
  await page.evaluate(installPageHelpers, null);
  return page.evaluate(fn, arg);
}

/** Polls `fn(arg)` in the page, with the page helpers installed, until it is truthy. */
async function waitInPage<A>(
  page: TestPage,
  fn: (arg: A) => unknown,
  arg: A,
  timeoutMs: number,
): Promise<void> {
  await page.evaluate(installPageHelpers, null);
  await page.waitFor(fn, arg, timeoutMs);
}

/** Runs in the page: the ranges of every `hashiya-*` highlight (focus included), in document order. */
function highlightKeys(prefix: string): Record<string, RangeKey[]> {
  const out: Record<string, RangeKey[]> = {};
  for (const [name] of CSS.highlights) {
    if (!name.startsWith(prefix)) continue;
    const list = window.hashiyaRanges(name);
    list.sort((a, b) => a.node - b.node || a.offset - b.offset);
    out[name] = list.map((entry) => ({ text: entry.range.toString(), key: entry.key }));
  }
  return out;
}

interface RangeSpot {
  /** Centre of the range's first box, in viewport coordinates. */
  x: number;
  y: number;
  top: number;
  bottom: number;
  /** The box lies wholly inside the viewport. */
  inViewport: boolean;
}

/**
 * Runs in the page: where the range `key` of highlight `name` is on screen. With `scroll`, first
 * scrolls it to the middle of the viewport (instantly) when it is not wholly visible.
 */
function locateRange(arg: { name: string; key: string; scroll: boolean }): RangeSpot | null {
  const range = window.hashiyaRanges(arg.name).find((entry) => entry.key === arg.key)?.range;
  if (!range) return null;
  let box = range.getClientRects()[0] ?? range.getBoundingClientRect();
  const height = document.documentElement.clientHeight;
  if (arg.scroll && (box.top < 0 || box.bottom > height)) {
    window.scrollBy({ top: box.top - height / 2, behavior: 'instant' });
    box = range.getClientRects()[0] ?? range.getBoundingClientRect();
  }
  return {
    x: box.left + box.width / 2,
    y: box.top + box.height / 2,
    top: box.top,
    bottom: box.bottom,
    inViewport:
      box.top >= 0 &&
      box.bottom <= height &&
      box.left >= 0 &&
      box.right <= document.documentElement.clientWidth,
  };
}

interface Point {
  x: number;
  y: number;
}

interface CardState {
  entityId: string;
  position: number;
  total: number;
  /** Centres of the card's buttons, in viewport coordinates. */
  next: Point | null;
  previous: Point | null;
  hide: Point | null;
  /** "Undo", once the card says its entity is hidden. */
  undo: Point | null;
  /** Computed styles that only the shadow root's stylesheet gives the card. */
  cssPosition: string;
  pointerEvents: string;
  width: number;
  /** The host element is a child of <html>, outside <body>. */
  hostOnRoot: boolean;
}

/** Runs in the page: the entity card in the extension's shadow root, or null when none is shown. */
function readCard(): CardState | null {
  const host = document.querySelector('[data-hashiya-ui]');
  const card = host?.shadowRoot?.querySelector('.card[data-entity-id]');
  if (!host || !card) return null;
  const centres: (Point | null)[] = [];
  for (const selector of [
    '[data-step="next"]',
    '[data-step="previous"]',
    '[data-action="hide"]',
    '[data-action="undo"]',
  ]) {
    const box = card.querySelector(selector)?.getBoundingClientRect();
    centres.push(box ? { x: box.left + box.width / 2, y: box.top + box.height / 2 } : null);
  }
  const position = card.querySelector('.position[data-position]');
  const style = getComputedStyle(card);
  return {
    entityId: card.getAttribute('data-entity-id') ?? '',
    position: Number(position?.getAttribute('data-position')),
    total: Number(position?.getAttribute('data-total')),
    next: centres[0] ?? null,
    previous: centres[1] ?? null,
    hide: centres[2] ?? null,
    undo: centres[3] ?? null,
    cssPosition: style.position,
    pointerEvents: style.pointerEvents,
    width: card.getBoundingClientRect().width,
    hostOnRoot: host.parentElement === document.documentElement,
  };
}

/** Runs in the page: true when no card is shown. */
function cardClosed(): boolean {
  return !document.querySelector('[data-hashiya-ui]')?.shadowRoot?.querySelector('.card');
}

/** Runs in the page: true when the card shows `want` (entity, and position if given). */
function cardShows(want: { entityId: string; position?: number }): boolean {
  const card = document
    .querySelector('[data-hashiya-ui]')
    ?.shadowRoot?.querySelector('.card[data-entity-id]');
  if (!card || card.getAttribute('data-entity-id') !== want.entityId) return false;
  if (want.position === undefined) return true;
  return card.querySelector('.position')?.getAttribute('data-position') === String(want.position);
}

/** Runs in the page: the key of the one range of the focus highlight, or null. */
function focusKey(name: string): string | null {
  const ranges = window.hashiyaRanges(name);
  return ranges.length === 1 ? (ranges[0]?.key ?? null) : null;
}

/** Runs in an extension page: clears the extension's storage, so every setting is back to default. */
async function clearStorage(): Promise<void> {
  const scope = globalThis as {
    browser?: { storage: { local: { clear(): Promise<void> } } };
    chrome?: { storage: { local: { clear(): Promise<void> } } };
  };
  const api = scope.browser ?? scope.chrome;
  if (!api) throw new Error('no extension API here');
  await api.storage.local.clear();
}

/** Runs in an extension page: sends a message to a tab's content script and returns its answer. */
async function sendToTab(arg: { tabId: number; message: unknown }): Promise<unknown> {
  const scope = globalThis as { browser?: TabsApi; chrome?: TabsApi };
  const api = scope.browser ?? scope.chrome;
  if (!api) throw new Error('no extension API here');
  return api.tabs.sendMessage(arg.tabId, arg.message);
}

/** Runs in the side panel: the entity ids listed in each type group, in display order. */
function listedOrder(): Record<string, { id: string; count: number }[]> {
  const out: Record<string, { id: string; count: number }[]> = {};
  for (const group of document.querySelectorAll('[data-type-group]')) {
    out[group.getAttribute('data-type-group') ?? ''] = [...group.querySelectorAll('li[data-entity-id]')].map(
      (li) => ({ id: li.getAttribute('data-entity-id') ?? '', count: Number(li.getAttribute('data-count')) }),
    );
  }
  return out;
}

// ── Helpers in Node ───────────────────────────────────────────────────────────────────────────

type Keys = Record<string, RangeKey[]>;

function keysOf(snapshot: Keys, type: string): string[] {
  return (snapshot[PREFIX + type] ?? []).map((r) => r.key);
}

/** The keys of every entity range (all types), in page order. */
function pageOrder(snapshot: Keys): string[] {
  const start = (key: string): number[] => (key.split('-')[0] ?? '').split(':').map(Number);
  return ENTITY_TYPES.flatMap((type) => keysOf(snapshot, type)).sort((a, b) => {
    const [an = 0, ao = 0] = start(a);
    const [bn = 0, bo = 0] = start(b);
    return an - bn || ao - bo;
  });
}

/** A successful reply carrying a page report (lib/messaging/messenger.ts: { ok, value }). */
function isPageReportReply(value: unknown): boolean {
  const reply = value as { ok?: unknown; value?: { entities?: unknown } } | null;
  return reply?.ok === true && Array.isArray(reply.value?.entities);
}

/** Per type, "n ranges" — for messages. */
function summarise(snapshot: Keys): string {
  return ENTITY_TYPES.map((type) => `${type}=${snapshot[PREFIX + type]?.length ?? 0}`).join(' ');
}

/** Tab ids already found, per browser and URL (the fixture tabs stay open for the whole suite). */
const knownTabIds = new WeakMap<TestBrowser, Map<string, number>>();

/** The id of the one tab showing `url`; polls while the content script may still be starting. */
async function waitForTabId(browser: TestBrowser, url: string): Promise<number> {
  const known = knownTabIds.get(browser) ?? new Map<string, number>();
  knownTabIds.set(browser, known);
  const cached = known.get(url);
  if (cached !== undefined) return cached;
  const id = await findTabId(browser, url);
  known.set(url, id);
  return id;
}

async function findTabId(browser: TestBrowser, url: string): Promise<number> {
  const probe = await browser.openExtensionPage('popup.html');
  try {
    const deadline = Date.now() + POPUP_TIMEOUT_MS;
    for (;;) {
      const ids = await probe.evaluate(tabIdsFor, url);
      if (ids.length === 1 && ids[0] !== undefined) return ids[0];
      if (Date.now() > deadline) throw new Error(`expected one tab showing ${url}, found ${ids.length}`);
      await sleep(200);
    }
  } finally {
    await probe.close();
  }
}

/** Opens the side panel page for a tab, in its own window so that the tab stays visible. */
async function openPanel(browser: TestBrowser, tabId: number): Promise<TestPage> {
  return browser.openExtensionPage(`sidepanel.html?tab=${tabId}`, { window: true });
}

async function resetSettings(browser: TestBrowser, extensionPage?: TestPage): Promise<void> {
  if (extensionPage) {
    await extensionPage.evaluate(clearStorage, null);
    return;
  }
  const page = await browser.openExtensionPage('popup.html');
  try {
    await page.evaluate(clearStorage, null);
  } finally {
    await page.close();
  }
}

/** The keys of each entity type's ranges, types without ranges left out, as one comparable string. */
function shape(snapshot: Keys): string {
  const out: Record<string, string[]> = {};
  for (const type of ENTITY_TYPES) {
    const keys = keysOf(snapshot, type);
    if (keys.length > 0) out[type] = keys;
  }
  return JSON.stringify(out);
}

/** Waits until the page's ranges, type by type, are exactly `want` (the focus flash aside). */
async function waitForKeys(page: TestPage, want: Keys, what: string): Promise<void> {
  const wanted = shape(want);
  const deadline = Date.now() + SETTLE_TIMEOUT_MS;
  let now: Keys = {};
  for (;;) {
    now = await inPage(page, highlightKeys, PREFIX);
    if (shape(now) === wanted) return;
    if (Date.now() > deadline) break;
    await sleep(100);
  }
  throw new Error(`${what}: expected ranges ${summarise(want)}, the page has ${summarise(now)}`);
}

/** Moves the pointer onto the range `key` of highlight `name` (scrolling it into view) and waits for the card. */
async function hover(page: TestPage, name: string, key: string, entityId: string): Promise<CardState> {
  await page.mouseMove(NEUTRAL.x, NEUTRAL.y);
  const spot = await inPage(page, locateRange, { name, key, scroll: true });
  assert.ok(spot, `no range ${key} in ${name}`);
  await page.mouseMove(spot.x, spot.y);
  try {
    await page.waitFor(cardShows, { entityId }, CARD_TIMEOUT_MS);
  } catch {
    const card = await page.evaluate(readCard, null);
    throw new Error(
      `hovering ${name} ${key} at (${spot.x.toFixed(0)}, ${spot.y.toFixed(0)}) showed ${card ? `the card of ${card.entityId}` : 'no card'}, expected ${entityId}`,
    );
  }
  return settledCard(page);
}

/** Reads the card once it has stopped moving (it follows its mention while the page scrolls). */
async function settledCard(page: TestPage): Promise<CardState> {
  let last = '';
  const deadline = Date.now() + SETTLE_TIMEOUT_MS;
  for (;;) {
    const card = await page.evaluate(readCard, null);
    if (!card) throw new Error('the card closed while waiting for it to settle');
    const where = JSON.stringify([card.next, card.position]);
    if (where === last || Date.now() > deadline) return card;
    last = where;
    await sleep(80);
  }
}

async function clickCardButton(page: TestPage, button: 'next' | 'previous' | 'hide' | 'undo'): Promise<void> {
  const card = await settledCard(page);
  const at = card[button];
  assert.ok(at, `the card has no ${button} button`);
  await page.mouseClick(at.x, at.y);
}

/**
 * Opens the shown card's "Correct…", whose choices come from the in-page extras chunk (imported by
 * the content script from the package when first opened), and waits for them; Escape closes it.
 */
async function openCardCorrections(page: TestPage, what: string): Promise<void> {
  const deadline = Date.now() + CARD_TIMEOUT_MS;
  for (;;) {
    const button = (await page.uiHosts()).flatMap((h) => queryUi(h, 'button[data-action="correct"]'))[0];
    if (button) {
      await page.clickUi(button);
      break;
    }
    if (Date.now() > deadline) throw new Error(`${what}: the card offers no "Correct…"`);
    await sleep(100);
  }
  for (;;) {
    const chips = (await page.uiHosts()).flatMap((h) => queryUi(h, 'button[data-correct-type]'));
    if (chips.length === ENTITY_TYPES.length) break;
    if (Date.now() > deadline)
      throw new Error(
        `${what}: "Correct…" showed no choices (the in-page extras did not load?) ${page.errors.join(' | ')}`,
      );
    await sleep(100);
  }
  await page.press('Escape');
}

/** Steps with the card's button and checks the position shown and the mention flashed. */
async function stepWithCard(
  page: TestPage,
  button: 'next' | 'previous',
  entityId: string,
  mentions: readonly RangeKey[],
  wantPosition: number,
): Promise<void> {
  await clickCardButton(page, button);
  try {
    await page.waitFor(cardShows, { entityId, position: wantPosition }, CARD_TIMEOUT_MS);
  } catch {
    const card = await page.evaluate(readCard, null);
    throw new Error(
      `after "${button}" the card shows ${card ? `${card.entityId} ${card.position}/${card.total}` : 'nothing (it closed)'}, expected ${entityId} ${wantPosition}/${mentions.length}`,
    );
  }
  const card = await page.evaluate(readCard, null);
  assert.equal(card?.total, mentions.length, `total on the card after "${button}"`);
  const want = mentions[wantPosition - 1];
  const flashed = await inPage(page, focusKey, FOCUS);
  assert.equal(
    flashed,
    want?.key,
    `after "${button}" to ${wantPosition}/${mentions.length}, ${FOCUS} should cover mention ${wantPosition} ("${want?.text}")`,
  );
}

function checkCounts(snapshot: Keys, expectation: PageExpectation, what: string): void {
  const expected = expectedRangesPerType(expectation);
  const mismatches: string[] = [];
  for (const type of ENTITY_TYPES) {
    const got = snapshot[PREFIX + type]?.length ?? 0;
    const want = expected.get(type) ?? 0;
    if (got !== want) {
      const texts = (snapshot[PREFIX + type] ?? []).map((r) => r.text).join(', ');
      mismatches.push(`${type}: expected ${want} ranges, got ${got} (${texts})`);
    }
  }
  assert.deepEqual(mismatches, [], `range counts per type on ${what} differ from the hand count`);
}

/** Checks the panel lists exactly the expected entities and counts. */
async function checkPanelCounts(
  panel: TestPage,
  expectation: PageExpectation,
  what: string,
): Promise<string> {
  try {
    await panel.waitForSelector('[data-entity-id]', POPUP_TIMEOUT_MS);
    await panel.waitFor(popupMatches, expectation.article, 3_000);
  } catch {
    // Fall through: the comparison says what differs.
  }
  const entries = await panel.evaluate(readPopup, null);
  const got = Object.fromEntries(entries.map((e) => [e.id, e.count]));
  assert.deepEqual(got, expectation.article, `the side panel for ${what} lists other entities or counts`);
  assert.equal(entries.length, Object.keys(expectation.article).length, 'an entity is listed twice');
  return entries.map((e) => `${e.id}=${e.count}`).join(', ');
}

// ── The tests ─────────────────────────────────────────────────────────────────────────────────

const SEED_EN = 'seed-en.html';

/** The mentions of Edi Rama on seed-en.html: person ranges ending in "Rama", in page order. */
function ramaMentions(snapshot: Keys): RangeKey[] {
  return (snapshot[`${PREFIX}person`] ?? []).filter((r) => /Rama$/.test(r.text));
}

const hoverCardTest: E2eTest = {
  name: 'card: hover shows it, Next/Previous step and wrap with the focus flash, Escape and moving away close it, focus and page clicks untouched',
  async run(ctx: E2eContext) {
    const page = await ctx.fixturePage(SEED_EN);
    await page.bringToFront();
    await waitForPaint(page, SEED_EN);
    const snapshot = await inPage(page, highlightKeys, PREFIX);
    const rama = ramaMentions(snapshot);
    assert.equal(rama.length, loadExpectation(SEED_EN).article['edi-rama'], 'Edi Rama mentions on the page');
    const [first] = rama;
    assert.ok(first);

    // Focus a page control first: the card must never take focus from it.
    await page.evaluate(() => {
      window.scrollTo({ top: 0, behavior: 'instant' });
      document.getElementById('subscribe')?.focus({ preventScroll: true });
      const clicks: boolean[] = [];
      (window as { __hashiyaClicks?: boolean[] }).__hashiyaClicks = clicks;
      document.getElementById('subscribe')?.addEventListener('click', () => {
        clicks.push(!!document.querySelector('[data-hashiya-ui]')?.shadowRoot?.querySelector('.card'));
      });
    }, null);

    const card = await hover(page, `${PREFIX}person`, first.key, 'edi-rama');
    assert.equal(`${card.position}/${card.total}`, `1/${rama.length}`, 'the card of the first mention');
    assert.ok(card.hostOnRoot, 'the card host should be a child of <html>');
    ctx.log(`hovered "${first.text}": card edi-rama ${card.position}/${card.total}`);

    await stepWithCard(page, 'next', 'edi-rama', rama, 2);
    await stepWithCard(page, 'next', 'edi-rama', rama, 3);
    await stepWithCard(page, 'next', 'edi-rama', rama, 1); // wraps at the end
    await stepWithCard(page, 'previous', 'edi-rama', rama, 3); // and at the start
    ctx.log('next 2, 3, 1 (wrap); previous 3 (wrap); the focus flash followed each time');

    const focused = await page.evaluate(
      () => document.activeElement?.id ?? document.activeElement?.tagName,
      null,
    );
    assert.equal(focused, 'subscribe', 'clicking the card moved the focus away from the page control');

    await page.press('Escape');
    await page.waitFor(cardClosed, null, CARD_TIMEOUT_MS).catch(() => {
      throw new Error('Escape did not close the card');
    });

    // Open it again, then move the pointer away: it closes, after a short delay.
    await page.mouseMove(NEUTRAL.x, NEUTRAL.y);
    await sleep(400);
    await hover(page, `${PREFIX}person`, first.key, 'edi-rama');
    await page.evaluate(() => {
      const state = { movedAt: 0, closedAt: 0 };
      (window as { __hashiyaClose?: typeof state }).__hashiyaClose = state;
      document.addEventListener('pointermove', () => {
        state.movedAt = performance.now();
      });
      const root = document.querySelector('[data-hashiya-ui]')?.shadowRoot;
      if (!root) return;
      const observer = new MutationObserver(() => {
        if (!root.querySelector('.card') && !state.closedAt) {
          state.closedAt = performance.now();
          observer.disconnect();
        }
      });
      observer.observe(root, { childList: true, subtree: true });
    }, null);
    await page.mouseMove(NEUTRAL.x, NEUTRAL.y);
    await page.waitFor(cardClosed, null, CARD_TIMEOUT_MS).catch(() => {
      throw new Error('moving the pointer away did not close the card');
    });
    const close = await page.evaluate(
      () => (window as { __hashiyaClose?: { movedAt: number; closedAt: number } }).__hashiyaClose ?? null,
      null,
    );
    assert.ok(close && close.movedAt > 0 && close.closedAt > 0, 'pointer move or close not recorded');
    const delay = close.closedAt - close.movedAt;
    ctx.log(`the card closed ${delay.toFixed(0)} ms after the pointer left`);
    assert.ok(delay >= 150 && delay <= 1500, `the card closed ${delay.toFixed(0)} ms after the pointer left`);

    // With a card open, a click on the page outside it still reaches the page.
    await hover(page, `${PREFIX}person`, first.key, 'edi-rama');
    const button = await page.evaluate(() => {
      const box = document.getElementById('subscribe')?.getBoundingClientRect();
      return box ? { x: box.left + box.width / 2, y: box.top + box.height / 2 } : null;
    }, null);
    assert.ok(button, 'no #subscribe button');
    await page.mouseClick(button.x, button.y);
    const clicks = await page.evaluate(
      () => (window as { __hashiyaClicks?: boolean[] }).__hashiyaClicks ?? [],
      null,
    );
    assert.deepEqual(clicks, [true], 'the page button should get one click, made while the card was open');
    await page.mouseMove(NEUTRAL.x, NEUTRAL.y);
    await page.waitFor(cardClosed, null, CARD_TIMEOUT_MS);
    assert.deepEqual(page.errors, [], `errors on ${SEED_EN}`);
  },
};

const hideEntityTest: E2eTest = {
  name: 'card: "Hide this name" removes exactly its ranges, says so and offers Undo; the side panel lists it as hidden and "Show again" restores them',
  async run(ctx: E2eContext) {
    const page = await ctx.fixturePage(SEED_EN);
    await page.bringToFront();
    await waitForPaint(page, SEED_EN);
    const before = await inPage(page, highlightKeys, PREFIX);
    const rama = ramaMentions(before);
    const [first] = rama;
    assert.ok(first);
    let panel: TestPage | undefined;
    try {
      await hover(page, `${PREFIX}person`, first.key, 'edi-rama');
      await clickCardButton(page, 'hide');
      const ramaKeys = new Set(rama.map((r) => r.key));
      const want: Keys = {
        ...before,
        [`${PREFIX}person`]: (before[`${PREFIX}person`] ?? []).filter((r) => !ramaKeys.has(r.key)),
      };
      await waitForKeys(page, want, 'after "Hide this entity" on Edi Rama');
      // The card stays under the pointer, says so, and offers Undo, which paints them again.
      const notice = await page.evaluate(
        () =>
          document.querySelector('[data-hashiya-ui]')?.shadowRoot?.querySelector('.card [role="status"]')
            ?.textContent ?? null,
        null,
      );
      assert.equal(notice, 'Edi Rama is hidden on every page.');
      await clickCardButton(page, 'undo');
      await waitForKeys(page, before, 'after Undo');
      assert.ok(await page.evaluate(cardClosed, null), 'the card should close after Undo');
      await hover(page, `${PREFIX}person`, first.key, 'edi-rama');
      await clickCardButton(page, 'hide');
      await waitForKeys(page, want, 'after "Hide this entity" on Edi Rama, again');
      ctx.log(
        `hidden: person ${before[`${PREFIX}person`]?.length} → ${want[`${PREFIX}person`]?.length} ranges; Undo restored them`,
      );
      await page.mouseMove(NEUTRAL.x, NEUTRAL.y);

      const tabId = await waitForTabId(ctx.browser, new URL(SEED_EN, ctx.baseUrl).href);
      panel = await openPanel(ctx.browser, tabId);
      await panel.waitForSelector('[data-hidden-entity="edi-rama"] button', POPUP_TIMEOUT_MS);
      const hiddenIds = await panel.evaluate(
        () =>
          [...document.querySelectorAll('[data-hidden-entity]')].map((el) =>
            el.getAttribute('data-hidden-entity'),
          ),
        null,
      );
      assert.deepEqual(hiddenIds, ['edi-rama'], 'the hidden list of the side panel');
      await panel.click('[data-hidden-entity="edi-rama"] button');
      await waitForKeys(page, before, 'after "Show again"');
      await panel.waitFor(() => document.querySelector('[data-hidden-entity]') === null, null, 3_000);
      assert.deepEqual(panel.errors, [], 'the side panel logged errors');
    } finally {
      await resetSettings(ctx.browser, panel);
      await panel?.close();
    }
  },
};

/** seed-en.html's entities in order of first appearance (headline, standfirst, body), by hand. */
const SEED_EN_FIRST_SEEN = [
  'albania',
  'iran',
  'edi-rama',
  'tehran',
  'tirana',
  'united-states',
  'nato',
  'white-house',
  'mujahedin-e-khalq',
  'durres',
  'mandiant',
  'john-hultquist',
];

const panelTest: E2eTest = {
  name: 'side panel: lists the expected counts, its step buttons scroll the page to each mention (1/N, 2/N), sorts by order and by count',
  async run(ctx: E2eContext) {
    const expectation = loadExpectation(SEED_EN);
    const page = await ctx.fixturePage(SEED_EN);
    await page.bringToFront();
    await waitForPaint(page, SEED_EN);
    const tabId = await waitForTabId(ctx.browser, new URL(SEED_EN, ctx.baseUrl).href);
    const panel = await openPanel(ctx.browser, tabId);
    try {
      ctx.log(`lists ${await checkPanelCounts(panel, expectation, SEED_EN)}`);

      // Iran's mentions: the place ranges naming Iran (Iran, Iranian, Islamic Republic of Iran).
      const snapshot = await inPage(page, highlightKeys, PREFIX);
      const iran = (snapshot[`${PREFIX}place`] ?? []).filter((r) => /Iran/.test(r.text));
      const total = expectation.article.iran;
      assert.equal(iran.length, total, 'Iran mentions on the page');
      await page.evaluate(
        () => window.scrollTo({ top: document.documentElement.scrollHeight, behavior: 'instant' }),
        null,
      );
      const start = await inPage(page, locateRange, {
        name: `${PREFIX}place`,
        key: iran[0]?.key ?? '',
        scroll: false,
      });
      if (start?.inViewport)
        ctx.log('(the first Iran mention was already in view: the scroll check proves less)');

      // Nothing in this tab has stepped through Iran before, so the first step shows 1/N. The first
      // step uses the › button, the second the name itself (which also steps forward).
      for (const position of [1, 2]) {
        await panel.click(
          position === 1
            ? 'li[data-entity-id="iran"] [data-step="next"]'
            : 'li[data-entity-id="iran"] .entity-names',
        );
        await panel.waitFor(
          (want: string) =>
            document.querySelector('li[data-entity-id="iran"] [data-position]')?.textContent === want,
          `${position}/${total}`,
          POPUP_TIMEOUT_MS,
        );
        const mention = iran[position - 1];
        assert.ok(mention);
        // The page scrolls (smoothly) until the mention is in the viewport, and flashes it.
        await waitInPage(
          page,
          (arg: { name: string; key: string }) => {
            const box = window
              .hashiyaRanges(arg.name)
              .find((entry) => entry.key === arg.key)
              ?.range?.getBoundingClientRect();
            return (
              !!box && box.height > 0 && box.top >= 0 && box.bottom <= document.documentElement.clientHeight
            );
          },
          { name: `${PREFIX}place`, key: mention.key },
          SETTLE_TIMEOUT_MS,
        ).catch(async () => {
          const spot = await inPage(page, locateRange, {
            name: `${PREFIX}place`,
            key: mention.key,
            scroll: false,
          });
          throw new Error(
            `after step ${position}, Iran mention ${position} ("${mention.text}") is not in the viewport (top ${spot?.top.toFixed(0)}, bottom ${spot?.bottom.toFixed(0)})`,
          );
        });
        const flashed = await inPage(page, focusKey, FOCUS);
        assert.equal(
          flashed,
          mention.key,
          `${FOCUS} should cover Iran mention ${position} ("${mention.text}")`,
        );
      }
      ctx.log(`› → 1/${total}, name → 2/${total}; each mention scrolled into view and flashed`);

      // Sorting: within each type group, by order of first appearance, or by count (descending).
      await panel.click('label:has(> input[data-sort="order"])'); // the radio itself is visually hidden
      await panel.waitFor(
        () =>
          (document.querySelector('input[data-sort="order"]') as HTMLInputElement | null)?.checked === true,
        null,
        3_000,
      );
      const byOrder = await panel.evaluate(listedOrder, null);
      for (const [type, listed] of Object.entries(byOrder)) {
        const ids = listed.map((e) => e.id);
        const want = SEED_EN_FIRST_SEEN.filter((id) => ids.includes(id));
        assert.deepEqual(ids, want, `sorted by order, the ${type} group`);
      }
      await panel.click('label:has(> input[data-sort="count"])'); // the radio itself is visually hidden
      await panel.waitFor(
        () =>
          (document.querySelector('input[data-sort="count"]') as HTMLInputElement | null)?.checked === true,
        null,
        3_000,
      );
      const byCount = await panel.evaluate(listedOrder, null);
      for (const [type, listed] of Object.entries(byCount)) {
        const counts = listed.map((e) => e.count);
        assert.deepEqual(
          counts,
          [...counts].sort((a, b) => b - a),
          `sorted by count, the ${type} group: ${JSON.stringify(listed)}`,
        );
        assert.deepEqual(
          listed.map((e) => e.id).sort(),
          (byOrder[type] ?? []).map((e) => e.id).sort(),
          `the ${type} group lists other entities when sorted by count`,
        );
      }
      ctx.log(
        `by count: ${Object.values(byCount)
          .map((list) => list.map((e) => `${e.id}=${e.count}`).join(' '))
          .join(' | ')}`,
      );
      assert.deepEqual(panel.errors, [], 'the side panel logged errors');
    } finally {
      await panel.close();
    }
  },
};

const SEED_AR = 'seed-ar.html';

const switchesTest: E2eTest = {
  name: "switches: a type switch removes exactly that type; site and global switches remove all; each applies at once, in a second tab too; the keyboard commands' messages work",
  async run(ctx: E2eContext) {
    const page = await ctx.fixturePage(SEED_EN);
    const other = await ctx.fixturePage(SEED_AR);
    await waitForPaint(page, SEED_EN);
    await waitForPaint(other, SEED_AR);
    const before = await inPage(page, highlightKeys, PREFIX);
    const otherBefore = await inPage(other, highlightKeys, PREFIX);
    const tabId = await waitForTabId(ctx.browser, new URL(SEED_EN, ctx.baseUrl).href);
    const panel = await openPanel(ctx.browser, tabId);
    const none: Keys = {};
    // Settings apply without a reload: this mark would not survive one.
    const markNoReload = () => {
      (window as { __hashiyaNoReload?: boolean }).__hashiyaNoReload = true;
    };
    const notReloaded = () => (window as { __hashiyaNoReload?: boolean }).__hashiyaNoReload === true;
    await page.evaluate(markNoReload, null);
    await other.evaluate(markNoReload, null);
    try {
      // The switches wait behind the settings button.
      await panel.waitForSelector('[data-action="settings"]', POPUP_TIMEOUT_MS);
      await panel.click('[data-action="settings"]');
      await panel.waitForSelector('input[data-switch="site"]', POPUP_TIMEOUT_MS);
      for (const type of ENTITY_TYPES) {
        if (keysOf(before, type).length === 0) continue;
        const without = (snapshot: Keys): Keys => ({ ...snapshot, [PREFIX + type]: [] });
        // The second tab is checked for the first type (and the site and global switches below).
        const both = type === ENTITY_TYPES[0];
        await panel.click(`input[data-switch-type="${type}"]`);
        await waitForKeys(page, without(before), `${SEED_EN} with ${type} switched off`);
        if (both)
          await waitForKeys(other, without(otherBefore), `${SEED_AR} (second tab) with ${type} switched off`);
        await panel.click(`input[data-switch-type="${type}"]`);
        await waitForKeys(page, before, `${SEED_EN} with ${type} switched on again`);
        if (both)
          await waitForKeys(other, otherBefore, `${SEED_AR} (second tab) with ${type} switched on again`);
      }
      ctx.log(
        `each type switch: off removed exactly its ranges, on restored them (${ENTITY_TYPES[0]}: in both tabs)`,
      );

      await panel.click('input[data-switch="site"]');
      await waitForKeys(page, none, `${SEED_EN} with the site switched off`);
      // Both fixture pages are on the same site (127.0.0.1).
      await waitForKeys(other, none, `${SEED_AR} (same site) with the site switched off`);
      await panel.click('input[data-switch="site"]');
      await waitForKeys(page, before, `${SEED_EN} with the site switched on again`);
      await waitForKeys(other, otherBefore, `${SEED_AR} with the site switched on again`);

      await panel.click('input[data-switch="global"]');
      await waitForKeys(page, none, `${SEED_EN} with highlighting switched off everywhere`);
      await waitForKeys(other, none, `${SEED_AR} with highlighting switched off everywhere`);
      await panel.click('input[data-switch="global"]');
      await waitForKeys(page, before, `${SEED_EN} with highlighting switched on again`);
      await waitForKeys(other, otherBefore, `${SEED_AR} with highlighting switched on again`);
      ctx.log('site and global switches: off removed every range, on restored them, in both tabs');

      // The keyboard commands arrive as messages from the background (real shortcuts cannot be
      // pressed through the drivers): send the same messages from an extension page.
      const toggled = await panel.evaluate(sendToTab, { tabId, message: { type: 'toggle-site' } });
      assert.ok(isPageReportReply(toggled), `toggle-site answered ${JSON.stringify(toggled)}`);
      await waitForKeys(page, none, `${SEED_EN} after the toggle-site command`);
      await waitForKeys(other, none, `${SEED_AR} (same site) after the toggle-site command`);
      await panel.evaluate(sendToTab, { tabId, message: { type: 'toggle-site' } });
      await waitForKeys(page, before, `${SEED_EN} after toggle-site again`);
      await waitForKeys(other, otherBefore, `${SEED_AR} after toggle-site again`);

      // next-mention / previous-mention: any entity, in page order, wrapping.
      const order = pageOrder(before);
      const first = await panel.evaluate(sendToTab, {
        tabId,
        message: { type: 'step', data: { direction: 1 } },
      });
      const k1 = await inPage(page, focusKey, FOCUS);
      await panel.evaluate(sendToTab, { tabId, message: { type: 'step', data: { direction: 1 } } });
      const k2 = await inPage(page, focusKey, FOCUS);
      const back = await panel.evaluate(sendToTab, {
        tabId,
        message: { type: 'step', data: { direction: -1 } },
      });
      const k3 = await inPage(page, focusKey, FOCUS);
      assert.ok(
        k1 !== null && order.includes(k1),
        `after a step command ${FOCUS} covers ${k1}, not a painted mention`,
      );
      assert.equal(
        k2,
        order[(order.indexOf(k1) + 1) % order.length],
        'a second step should flash the next mention in page order',
      );
      assert.equal(k3, k1, 'a step back should flash the previous mention again');
      assert.deepEqual(back, first, 'a step back should answer what the first step answered');
      ctx.log(`commands: toggle-site off/on; step → ${JSON.stringify(first)}, step, step back → the same`);

      assert.ok(await page.evaluate(notReloaded, null), `${SEED_EN} was reloaded`);
      assert.ok(await other.evaluate(notReloaded, null), `${SEED_AR} was reloaded`);
      assert.deepEqual(panel.errors, [], 'the side panel logged errors');
    } finally {
      await resetSettings(ctx.browser, panel);
      await panel.close();
    }
    // The step commands left a card open on the page: close it (the tab may be in the background).
    await page.evaluate(() => document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' })), null);
    await page.waitFor(cardClosed, null, CARD_TIMEOUT_MS);
  },
};

const NO_ARTICLE = 'no-article.html';

const noArticleTest: E2eTest = {
  name: 'not an article: nothing painted at load; the panel offers "Analyse this page", which paints the top stories only',
  async run(ctx: E2eContext) {
    const expectation = loadExpectation(NO_ARTICLE);
    const page = await ctx.fixturePage(NO_ARTICLE);
    const tabId = await waitForTabId(ctx.browser, new URL(NO_ARTICLE, ctx.baseUrl).href);
    const panel = await openPanel(ctx.browser, tabId);
    try {
      await panel.waitForSelector('[data-action="analyse"]', POPUP_TIMEOUT_MS);
      // The content script answered (it reported "not an article"): it has had its chance to paint.
      await sleep(300);
      assert.equal(
        await page.evaluate(countRanges, PREFIX),
        0,
        'ranges painted on a page that is not an article',
      );
      assert.equal(
        await panel.evaluate(() => document.querySelectorAll('[data-entity-id]').length, null),
        0,
        'the panel lists entities before any analysis',
      );

      await panel.click('[data-action="analyse"]');
      await waitForPaint(page, `${NO_ARTICLE} after "Analyse this page"`);
      const snapshot = await inPage(page, highlightKeys, PREFIX);
      checkCounts(snapshot, expectation, `${NO_ARTICLE} after analysis`);
      const outside = await page.evaluate((prefix: string) => {
        const block = document.getElementById('top-stories');
        const out: string[] = [];
        for (const [name, highlight] of CSS.highlights) {
          if (!name.startsWith(prefix)) continue;
          for (const r of highlight) {
            if (!block?.contains(r.startContainer) || !block.contains(r.endContainer))
              out.push(`${name}: "${r.startContainer.textContent?.slice(r.startOffset, r.endOffset)}"`);
          }
        }
        return out;
      }, PREFIX);
      assert.deepEqual(outside, [], 'ranges outside the block of top stories');
      ctx.log(`lists ${await checkPanelCounts(panel, expectation, NO_ARTICLE)}`);
      assert.equal(
        await panel.evaluate(() => document.querySelector('[data-action="analyse"]') === null, null),
        true,
        'the Analyse button is still shown after the analysis',
      );
      assert.deepEqual(page.errors, [], `errors on ${NO_ARTICLE}`);
      assert.deepEqual(panel.errors, [], 'the side panel logged errors');
    } finally {
      await panel.close();
    }
  },
};

const EDITABLE = 'editable.html';
const EDITABLE_SELECTOR =
  '[contenteditable]:not([contenteditable="false"]), textarea, input, select, [role="textbox"]';

/** Runs in the page: the ranges that lie in (or touch) an editable region or a form field. */
function rangesInEditables(arg: { prefix: string; selector: string }): string[] {
  const out: string[] = [];
  for (const [name, highlight] of CSS.highlights) {
    if (!name.startsWith(arg.prefix)) continue;
    for (const r of highlight) {
      const range = document.createRange();
      range.setStart(r.startContainer, r.startOffset);
      range.setEnd(r.endContainer, r.endOffset);
      const ends = [r.startContainer, r.endContainer].map((node) =>
        node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement,
      );
      const inside = ends.some(
        (el) => el?.closest(arg.selector) || (el as HTMLElement | null)?.isContentEditable,
      );
      const crossing = [...document.querySelectorAll(arg.selector)].some((el) => range.intersectsNode(el));
      if (inside || crossing) out.push(`${name}: "${range.toString()}"`);
    }
  }
  return out;
}

interface EditableState {
  changes: number;
  unchanged: Record<string, boolean>;
  inputValue: boolean;
}

/** Runs in the page: whether the editable regions still hold what the page parsed (recorded by its script). */
function editableState(): EditableState {
  const w = window as {
    __editableInitial?: Record<string, string>;
    __editableChanges?: unknown[];
    __inputInitial?: string;
  };
  const unchanged: Record<string, boolean> = {};
  for (const [id, html] of Object.entries(w.__editableInitial ?? {}))
    unchanged[id] = document.getElementById(id)?.innerHTML === html;
  return {
    changes: w.__editableChanges?.length ?? -1,
    unchanged,
    inputValue:
      (document.getElementById('comment-name') as HTMLInputElement | null)?.value === w.__inputInitial,
  };
}

/** Clicks at the end of an editable element's text (inside its box, right of the last character). */
async function clickAtEndOf(page: TestPage, id: string): Promise<void> {
  const at = await page.evaluate((elementId: string) => {
    const el = document.getElementById(elementId);
    if (!el) return null;
    el.scrollIntoView({ block: 'center', behavior: 'instant' });
    const range = document.createRange();
    range.selectNodeContents(el);
    const boxes = range.getClientRects();
    const last = boxes[boxes.length - 1];
    if (!last) return null;
    return {
      x: Math.min(last.right + 6, el.getBoundingClientRect().right - 4),
      y: last.top + last.height / 2,
    };
  }, id);
  assert.ok(at, `#${id} has no text to click`);
  await page.mouseClick(at.x, at.y);
}

/**
 * Types `text` at the end of the editable element `id`, lets the extension react (it may re-analyse
 * the article, debounced: then it registers new Highlight objects), types `then`, and checks that
 * both arrived, one after the other. Returns whether a re-analysis was seen.
 */
async function typeAndCheck(page: TestPage, id: string, text: string, then: string): Promise<boolean> {
  await page.evaluate((prefix: string) => {
    (window as { __hashiyaBefore?: unknown }).__hashiyaBefore = CSS.highlights.get(`${prefix}place`);
  }, PREFIX);
  await clickAtEndOf(page, id);
  await page.type(text);
  const reanalysed = await page
    .waitFor(
      (prefix: string) =>
        CSS.highlights.get(`${prefix}place`) !== (window as { __hashiyaBefore?: unknown }).__hashiyaBefore,
      PREFIX,
      1_000,
    )
    .then(
      () => true,
      () => false,
    );
  await sleep(100);
  await page.type(then);
  const content = await page.evaluate(
    (elementId: string) => document.getElementById(elementId)?.textContent ?? '',
    id,
  );
  assert.ok(
    content.replace(/\s+/g, ' ').trimEnd().endsWith(`${text}${then}`.replace(/\s+/g, ' ')),
    `typing into #${id}: expected it to end with "${text}${then}", it holds "${content}"`,
  );
  return reanalysed;
}

const editableTest: E2eTest = {
  name: 'editable regions: no range in an editable region or form field, their DOM untouched, typing, selection and copy work',
  async run(ctx: E2eContext) {
    const expectation = loadExpectation(EDITABLE);
    const page = await ctx.fixturePage(EDITABLE);
    await page.bringToFront();
    await waitForPaint(page, EDITABLE);
    const snapshot = await inPage(page, highlightKeys, PREFIX);
    checkCounts(snapshot, expectation, EDITABLE);
    assert.deepEqual(
      await page.evaluate(rangesInEditables, { prefix: PREFIX, selector: EDITABLE_SELECTOR }),
      [],
      'ranges in editable regions or form fields',
    );
    const state = await page.evaluate(editableState, null);
    assert.deepEqual(
      state,
      {
        changes: 0,
        unchanged: { 'note-editor': true, 'comment-box': true, 'comment-text': true },
        inputValue: true,
      },
      'the editable regions changed after load, before anyone typed',
    );

    // Selecting text in the article: drag across a highlighted mention.
    const hultquist = (snapshot[`${PREFIX}person`] ?? []).find((r) => r.text === 'John Hultquist');
    assert.ok(hultquist, 'no "John Hultquist" range');
    await page.mouseMove(NEUTRAL.x, NEUTRAL.y);
    const box = await page.evaluate(
      (arg: { name: string; key: string }) => {
        const range = window.hashiyaRanges(arg.name).find((entry) => entry.key === arg.key)?.range;
        if (!range) return null;
        (range.startContainer.parentElement ?? document.body).scrollIntoView({
          block: 'center',
          behavior: 'instant',
        });
        const rect = range.getClientRects()[0];
        return rect ? { left: rect.left, right: rect.right, y: rect.top + rect.height / 2 } : null;
      },
      { name: `${PREFIX}person`, key: hultquist.key },
    );
    assert.ok(box, 'the mention has no box');
    await page.mouseMove(box.left + 1, box.y);
    await page.mouseDown();
    await page.mouseMove((box.left + box.right) / 2, box.y);
    await page.mouseMove(box.right - 1, box.y);
    await page.mouseUp();
    const selected = await page.evaluate(() => getSelection()?.toString() ?? '', null);
    assert.equal(selected, 'John Hultquist', 'the selection made by dragging across the mention');

    await page.evaluate(() => {
      const copies: { selection: string; prevented: boolean }[] = [];
      (window as { __hashiyaCopies?: typeof copies }).__hashiyaCopies = copies;
      window.addEventListener('copy', (event) => {
        copies.push({ selection: getSelection()?.toString() ?? '', prevented: event.defaultPrevented });
      });
    }, null);
    await page.press('Control+C');
    await page
      .waitFor(
        () => ((window as { __hashiyaCopies?: unknown[] }).__hashiyaCopies?.length ?? 0) > 0,
        null,
        3_000,
      )
      .catch(() => {
        throw new Error('Control+C fired no copy event');
      });
    const copies = await page.evaluate(
      () =>
        (window as { __hashiyaCopies?: { selection: string; prevented: boolean }[] }).__hashiyaCopies ?? [],
      null,
    );
    assert.deepEqual(copies, [{ selection: 'John Hultquist', prevented: false }], 'the copy event');
    ctx.log('drag-selected "John Hultquist"; Control+C copied it (copy event not prevented)');

    // Typing: into the comment box and into the editor's note inside the article.
    const reanalysed = [
      await typeAndCheck(page, 'comment-box', ' Iran and NATO', ' agree.'),
      await typeAndCheck(page, 'note-editor', ' Also Albania', ' and Tirana.'),
    ];
    assert.deepEqual(
      await page.evaluate(rangesInEditables, { prefix: PREFIX, selector: EDITABLE_SELECTOR }),
      [],
      'ranges in editable regions or form fields after typing (and any re-analysis)',
    );
    checkCounts(await inPage(page, highlightKeys, PREFIX), expectation, `${EDITABLE} after typing`);
    ctx.log(
      `typed into #comment-box and #note-editor (re-analysed after typing: ${reanalysed.join(', ')}), then typed on`,
    );
    assert.deepEqual(page.errors, [], `errors on ${EDITABLE}`);
  },
};

const CSP_STRICT = 'csp-strict.html';

const cspTest: E2eTest = {
  name: 'strict Content-Security-Policy: the page renders, highlights paint with the expected counts, the card works and is styled',
  async run(ctx: E2eContext) {
    const expectation = loadExpectation(CSP_STRICT);
    const page = await ctx.fixturePage(CSP_STRICT);
    await page.bringToFront();
    const styled = await page.evaluate(() => {
      const article = document.querySelector('article');
      return article ? getComputedStyle(article).borderTopWidth : null;
    }, null);
    assert.equal(
      styled,
      '6px',
      `${CSP_STRICT} did not get its own stylesheet (is the policy too strict for the fixture?)`,
    );
    await waitForPaint(page, CSP_STRICT);
    const snapshot = await inPage(page, highlightKeys, PREFIX);
    checkCounts(snapshot, expectation, CSP_STRICT);
    const outside = (await page.evaluate(snapshotHighlights, PREFIX)).ranges.filter((r) => !r.inArticle);
    assert.deepEqual(
      outside.map((r) => `${r.highlight} "${r.text}"`),
      [],
      `ranges outside the article of ${CSP_STRICT}`,
    );

    // The highlight colours come from the content script's stylesheet: they apply under the policy.
    const colour = await page.evaluate((name: string) => {
      const [range] = CSS.highlights.get(name) ?? [];
      const el = range?.startContainer.parentElement;
      return el ? getComputedStyle(el, `::highlight(${name})`).backgroundColor : null;
    }, `${PREFIX}organisation`);
    assert.ok(
      colour && colour !== 'rgba(0, 0, 0, 0)' && colour !== 'transparent',
      `::highlight(${PREFIX}organisation) has no background colour under the policy (${colour})`,
    );

    const microsoft = (snapshot[`${PREFIX}organisation`] ?? []).filter((r) => r.text === 'Microsoft');
    const [first] = microsoft;
    assert.ok(first, 'no "Microsoft" range');
    await page.evaluate(() => window.scrollTo({ top: 0, behavior: 'instant' }), null);
    const card = await hover(page, `${PREFIX}organisation`, first.key, 'microsoft');
    const problems: string[] = [];
    if (card.cssPosition !== 'fixed') problems.push(`position is "${card.cssPosition}", not "fixed"`);
    if (card.pointerEvents !== 'auto') problems.push(`pointer-events is "${card.pointerEvents}", not "auto"`);
    if (Math.round(card.width) !== 288) problems.push(`width is ${card.width}px, not 288px`);
    assert.deepEqual(
      problems,
      [],
      `the card's stylesheet (a <style> in its shadow root) did not apply under the page's CSP. Page console: ${page.errors.join(' | ') || 'nothing'}`,
    );
    assert.equal(
      `${card.position}/${card.total}`,
      `1/${expectation.article.microsoft}`,
      'the card of the first Microsoft',
    );
    await stepWithCard(page, 'next', 'microsoft', microsoft, 2);
    ctx.log(`card styled (fixed, ${card.width}px) and stepping works under the policy`);
    await openCardCorrections(page, CSP_STRICT);
    ctx.log('"Correct…" opened under the policy (its choices come from the in-page extras chunk)');
    await page.mouseMove(NEUTRAL.x, NEUTRAL.y);
    await page.waitFor(cardClosed, null, CARD_TIMEOUT_MS);
    // Firefox asks for /favicon.ico itself, and the policy (default-src 'none') refuses it: the
    // browser's own request, not the page's or the extension's.
    const favicon = (error: string) =>
      /Content-Security-Policy|CSP/.test(error) && /\/favicon\.ico\b/.test(error);
    if (page.errors.some(favicon))
      ctx.log("(ignored: the policy refused the browser's own /favicon.ico request)");
    assert.deepEqual(
      page.errors.filter((error) => !favicon(error)),
      [],
      `errors on ${CSP_STRICT} (CSP violations are reported here)`,
    );
    // Last (it logs a violation): the policy is really in force, the page itself cannot add a <style>.
    const refused = await page.evaluate(() => {
      const style = document.createElement('style');
      style.textContent = 'article { outline: 7px solid red; }';
      document.head.append(style);
      const width = getComputedStyle(document.querySelector('article') ?? document.body).outlineWidth;
      style.remove();
      return width !== '7px';
    }, null);
    assert.ok(refused, `the server did not apply the policy to ${CSP_STRICT}: an inline <style> applied`);
    ctx.log('(the policy is in force: an inline <style> added by the page was refused)');
  },
};

/**
 * Hosts of the browsers' own services (updates, components, sign-in, autofill, remote settings),
 * never the extension's business: Chromium and Firefox call them on their own despite the flags and
 * prefs that quieten them. A request to any other host fails the network test, with its URL.
 */
const BROWSER_SERVICE =
  /(^|\.)(google\.com|googleapis\.com|gstatic\.com|gvt1\.com|gvt2\.com|dns\.google|cloudflare-dns\.com|mozilla\.(com|net|org)|mozaws\.net|firefox\.com|getpocket\.com|openh264\.org)$/;

/** The host of a sink-proxy record: `CONNECT host:443` or `GET http://host/path`. */
function hostOf(request: string): string {
  const target = request.slice(request.indexOf(' ') + 1);
  try {
    return request.startsWith('CONNECT ') ? new URL(`https://${target}`).hostname : new URL(target).hostname;
  } catch {
    return target;
  }
}

const requestsTest: E2eTest = {
  name: 'network: loading and using seed-ar.html makes no request outside its origin, and the extension makes none at all',
  async run(ctx: E2eContext) {
    const url = `${new URL(SEED_AR, ctx.baseUrl).href}?requests`;
    const origin = new URL(ctx.baseUrl).origin;
    const externalBefore = ctx.browser.externalRequests.length;
    const page = await ctx.browser.newPage(url);
    let panel: TestPage | undefined;
    try {
      await page.bringToFront();
      await waitForPaint(page, url);
      const tabId = await waitForTabId(ctx.browser, url);
      panel = await openPanel(ctx.browser, tabId);
      ctx.log(`side panel lists ${await checkPanelCounts(panel, loadExpectation(SEED_AR), url)}`);
      // Use it: step from the panel, switch a type off and on, hover a mention and step on the card.
      await panel.click('li[data-entity-id="iran"] [data-step="next"]');
      await panel.waitForSelector('li[data-entity-id="iran"] [data-position]', POPUP_TIMEOUT_MS);
      const before = await inPage(page, highlightKeys, PREFIX);
      await panel.click('[data-action="settings"]');
      await panel.click('input[data-switch-type="person"]');
      await waitForKeys(page, { ...before, [`${PREFIX}person`]: [] }, 'person switched off');
      await panel.click('input[data-switch-type="person"]');
      await waitForKeys(page, before, 'person switched on');
      const [albania] = (before[`${PREFIX}place`] ?? []).filter((r) => r.text === 'ألبانيا');
      assert.ok(albania, 'no "ألبانيا" range');
      await hover(page, `${PREFIX}place`, albania.key, 'albania');
      await clickCardButton(page, 'next');
      await page.waitFor(cardShows, { entityId: 'albania', position: 2 }, CARD_TIMEOUT_MS);
      await openCardCorrections(page, url);
      await page.mouseMove(NEUTRAL.x, NEUTRAL.y);
      await sleep(200);

      const timed = await page.evaluate(
        () => performance.getEntriesByType('resource').map((entry) => entry.name),
        null,
      );
      const background = await ctx.browser.backgroundRequests(panel);
      // The content script reads the dictionary's two files from the extension's own package (in
      // Chrome under a per-session dynamic id, not the extension's origin): once each per page, and
      // no network request.
      const packaged = (file: string) => (u: string) =>
        /^(chrome|moz)-extension:\/\/[^/]+\/[^/]+$/.test(u) && u.endsWith(`/${file}`);
      const tables = packaged(DICTIONARY_FILE);
      const entries = packaged(DICTIONARY_ENTRIES_FILE);
      const dictionary = (u: string) => tables(u) || entries(u);
      // So does the in-page extras chunk, imported when "Correct…" first opened.
      const extras = packaged(EXTRAS_FILE);
      const internal = (u: string) =>
        u.startsWith(`${ctx.browser.extensionOrigin}/`) ||
        /^(data|about|blob):/.test(u) ||
        dictionary(u) ||
        extras(u);
      const leaving = [...page.requests, ...timed, ...panel.requests].filter(
        (u) => !internal(u) && new URL(u).origin !== origin,
      );
      assert.deepEqual(leaving, [], 'requests outside the page origin');
      // Chromium shows a load twice: under the dynamic id, then under the extension's own origin.
      const own = (u: string) => u.startsWith(`${ctx.browser.extensionOrigin}/`);
      for (const file of [tables, entries]) {
        const requests = page.requests.filter(file);
        const loads = Math.max(requests.filter(own).length, requests.filter((u) => !own(u)).length);
        assert.ok(loads <= 1, `a dictionary file was fetched ${loads} times for one page: ${requests}`);
      }
      ctx.log(
        `dictionary file requests seen for the page: ${page.requests.filter(dictionary).join(', ') || 'none'}`,
      );
      // The page has no subresource of its own (its favicon is a data: URL): every http request the
      // tab made beyond the document itself would be the extension's.
      const extra = [...page.requests, ...timed].filter((u) => /^https?:/.test(u) && u !== url);
      assert.deepEqual(
        extra,
        [],
        'requests from the page tab besides its document (made by the content script?)',
      );
      const fromPanel = panel.requests.filter((u) => !u.startsWith(`${ctx.browser.extensionOrigin}/`));
      assert.deepEqual(fromPanel, [], 'requests from the side panel to anything but its own files');
      if (background === null) ctx.log('(the background context could not be inspected in this browser)');
      // The background reads the dictionary's files from the package too, to match pages' articles
      // apart from them and describe what they found (Chrome names them under the dynamic id there as well).
      else
        assert.deepEqual(
          background.filter((u) => !u.startsWith(`${ctx.browser.extensionOrigin}/`) && !dictionary(u)),
          [],
          'requests from the extension background',
        );
      // Whatever tried to leave the machine meanwhile, seen by the browser's sink proxy: this also
      // catches what the driver's network events miss (Firefox reports no request made by a content
      // script's own fetch). The browsers' housekeeping with their vendors' services is set aside.
      const external = ctx.browser.externalRequests.slice(externalBefore);
      const vendor = external.filter((request) => BROWSER_SERVICE.test(hostOf(request)));
      if (vendor.length > 0)
        ctx.log(`(set aside: the browser's own ${[...new Set(vendor.map(hostOf))].join(', ')})`);
      assert.deepEqual(
        external.filter((request) => !BROWSER_SERVICE.test(hostOf(request))),
        [],
        'requests that tried to leave the machine while the page loaded and was used',
      );
      ctx.log(
        `page tab: ${page.requests.length} request(s) (${[...new Set(page.requests.map((u) => u.split(':')[0]))].join(', ')}); ` +
          `side panel: ${panel.requests.length} (all its own files); background: ${background === null ? 'n/a' : background.length}`,
      );
    } finally {
      await resetSettings(ctx.browser, panel);
      await panel?.close();
      await page.close();
    }
  },
};

/** Runs in the page: the card's "could also be" line (ids and text), or null when it has none. */
function readAlso(): { ids: string; text: string } | null {
  const also = document.querySelector('[data-hashiya-ui]')?.shadowRoot?.querySelector('.card .also');
  return also ? { ids: also.getAttribute('data-also') ?? '', text: also.textContent ?? '' } : null;
}

const WORLD_AR = 'world-ar.html';

const sharedFormCardTest: E2eTest = {
  name: 'card: a name two entities share (عمان: Oman, Amman) says what else it could be; a full name does not',
  async run(ctx: E2eContext) {
    const page = await ctx.fixturePage(WORLD_AR);
    await page.bringToFront();
    await waitForPaint(page, WORLD_AR);
    const places = (await inPage(page, highlightKeys, PREFIX))[`${PREFIX}place`] ?? [];
    const bare = places.find((r) => r.text === 'عمان');
    const full = places.find((r) => r.text === 'سلطنة عمان');
    assert.ok(bare && full, `no bare and full Oman among ${places.map((r) => r.text).join(', ')}`);

    await hover(page, `${PREFIX}place`, bare.key, 'oman');
    const also = await page.evaluate(readAlso, null);
    assert.deepEqual(also, { ids: 'amman', text: 'Could also be: Amman' }, 'the card of a bare عمان');
    ctx.log(`hovered "${bare.text}": card oman, "${also?.text}"`);

    await page.press('Escape');
    await page.waitFor(cardClosed, null, CARD_TIMEOUT_MS);
    await hover(page, `${PREFIX}place`, full.key, 'oman');
    assert.equal(await page.evaluate(readAlso, null), null, 'the card of سلطنة عمان names nothing else');
    await page.press('Escape');
    await page.waitFor(cardClosed, null, CARD_TIMEOUT_MS);
  },
};

export const interactionTests: E2eTest[] = [
  hoverCardTest,
  sharedFormCardTest,
  hideEntityTest,
  panelTest,
  switchesTest,
  noArticleTest,
  editableTest,
  cspTest,
  requestsTest,
];
