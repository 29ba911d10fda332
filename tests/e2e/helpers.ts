// Helpers shared by the end-to-end test files: what the highlights on a page look like, waiting for
// the content script to paint, finding a fixture page's tab id from an extension page.
//
// NOTE for functions passed to page.evaluate / waitFor: they are serialised and run in the page, so
// they must not use anything from this module, and must not declare named inner functions either
// (tsx compiles with keepNames, which wraps them in a `__name()` helper the page does not have).

import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  findChromium,
  findFirefox,
  geckoIdOf,
  launchChromium,
  launchFirefox,
  type TestBrowser,
  type TestPage,
} from './browsers.ts';
import { REPO_ROOT } from './expectations.ts';
import type { E2eContext } from './harness.ts';

export const PAINT_TIMEOUT_MS = 15_000;
export const POPUP_TIMEOUT_MS = 10_000;
export const PREFIX = 'hashiya-';

export interface RangeReport {
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

export interface HighlightSnapshot {
  /** Every name in CSS.highlights, ours or not. */
  names: string[];
  ranges: RangeReport[];
}

/** Runs in the page: describes every range of every `hashiya-*` highlight. */
export function snapshotHighlights(prefix: string): HighlightSnapshot {
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
export function hasHighlights(prefix: string): boolean {
  for (const [name, highlight] of CSS.highlights)
    if (name.startsWith(prefix) && highlight.size > 0) return true;
  return false;
}

/** Runs in the page: total number of ranges in `hashiya-*` highlights. */
export function countRanges(prefix: string): number {
  let total = 0;
  for (const [name, highlight] of CSS.highlights) if (name.startsWith(prefix)) total += highlight.size;
  return total;
}

/** Runs in the page: which of `names` occur in the page's text outside the <article>. */
export function namesOutsideArticle(names: string[]): string[] {
  const article = document.querySelector('article');
  let outside = '';
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (article?.contains(node) || node.parentElement?.closest('script, style')) continue;
    outside += ` ${node.nodeValue ?? ''}`;
  }
  return names.filter((name) => outside.includes(name));
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until the page has painted and the number of ranges has stopped changing. */
export async function waitForPaint(page: TestPage, what: string): Promise<void> {
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

/** "Iran×3, Albania" — the texts, grouped and counted, most frequent first. */
export function tally(texts: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const text of texts) counts.set(text, (counts.get(text) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1])
    .map(([text, n]) => (n > 1 ? `${text}×${n}` : text))
    .join(', ');
}

export interface PopupEntry {
  id: string;
  type: string;
  count: number;
}

/** The part of the WebExtension API the tests call from an extension page. */
export interface TabsApi {
  tabs: {
    query(query: object): Promise<{ id?: number; url?: string }[]>;
    sendMessage(tabId: number, message: unknown): Promise<unknown>;
  };
}

/**
 * Runs in an extension page: the ids of the tabs showing `url`. Tab URLs are only visible with the
 * "tabs" permission (or host permissions); without them, ask each tab's content script for its page
 * report (`get-page-report`, lib/messaging/protocol.ts), which carries the page URL.
 */
export async function tabIdsFor(url: string): Promise<number[]> {
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
        : api.tabs.sendMessage(tab.id, { type: 'get-page-report' }).then(
            (answer) => ({ id: tab.id as number, answer }),
            () => null,
          ),
    ),
  );
  return answers
    .filter(
      (entry) =>
        entry !== null && (entry.answer as { value?: { url?: unknown } } | undefined)?.value?.url === url,
    )
    .map((entry) => (entry as { id: number }).id);
}

/**
 * The id of the one tab showing `url`, asked from a short-lived extension page. Throws unless exactly
 * one tab shows it.
 */
export async function tabIdOf(browser: TestBrowser, url: string): Promise<number> {
  const probe = await browser.openExtensionPage('popup.html');
  try {
    const ids = await probe.evaluate(tabIdsFor, url);
    if (ids.length !== 1 || ids[0] === undefined)
      throw new Error(`expected one tab showing ${url}, found ${ids.length}`);
    return ids[0];
  } finally {
    await probe.close();
  }
}

/** Runs in the popup / side panel: what it lists. */
export function readPopup(): PopupEntry[] {
  return [...document.querySelectorAll('[data-entity-id]')].map((el) => ({
    id: el.getAttribute('data-entity-id') ?? '',
    type: el.getAttribute('data-entity-type') ?? '',
    count: Number(el.getAttribute('data-count')),
  }));
}

/** Runs in the popup / side panel: true once it lists exactly `want` (id → count). */
export function popupMatches(want: Record<string, number>): boolean {
  const entries = [...document.querySelectorAll('[data-entity-id]')];
  if (entries.length !== Object.keys(want).length) return false;
  return entries.every(
    (el) => want[el.getAttribute('data-entity-id') ?? ''] === Number(el.getAttribute('data-count')),
  );
}

/** The build of the extension for the browser under test. */
export function buildDirOf(ctx: E2eContext): string {
  return join(REPO_ROOT, '.output', ctx.browser.name === 'chromium' ? 'chrome-mv3' : 'firefox-mv2');
}

/**
 * Another instance of the browser under test, with the extension built in `buildDir` (a copy of the
 * build, or the build itself with other launch options): the caller closes it.
 */
export async function launchOwn(
  ctx: E2eContext,
  buildDir: string,
  extra: { colorScheme?: 'dark' },
): Promise<TestBrowser> {
  const chromium = ctx.browser.name === 'chromium';
  const executablePath = chromium ? findChromium() : findFirefox();
  assert.ok(executablePath, 'the browser under test');
  const options = { executablePath, headless: true, ...extra };
  return chromium ? launchChromium(buildDir, options) : launchFirefox(buildDir, geckoIdOf(buildDir), options);
}

/**
 * Runs `fn` with a browser of its own whose extension is a copy of the build (in `copy`), so a test
 * can take files away under an open page, as an update or an uninstall does; closes and deletes it.
 */
export async function withCopyOfBuild(
  ctx: E2eContext,
  fn: (browser: TestBrowser, copy: string) => Promise<void>,
): Promise<void> {
  const copy = mkdtempSync(join(tmpdir(), 'hashiya-build-copy-'));
  try {
    cpSync(buildDirOf(ctx), copy, { recursive: true });
    const browser = await launchOwn(ctx, copy, {});
    try {
      await fn(browser, copy);
    } finally {
      await browser.close();
    }
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
}

/** The page's errors besides the browser's own line about a file that is gone (Chromium logs it). */
export function errorsBesidesMissingFiles(page: TestPage): string[] {
  return page.errors.filter((e) => !e.startsWith('console.error: Failed to load resource'));
}

/** The passage of the seed story the notes tests annotate (note-card.html, notes-article.html). */
export const NOTE_QUOTE = 'إيدي راما في كلمة مصورة إن الهجوم';

/**
 * The `save-note` request for one yellow note on NOTE_QUOTE in the article at `articleId`. Its
 * position is not where the text model has it: the exact quote is what finds it.
 */
export function saveNoteRequest(
  articleId: string,
  note: string,
  tags: readonly string[],
): { type: 'save-note'; data: unknown } {
  return {
    type: 'save-note',
    data: {
      article: {
        id: articleId,
        url: articleId,
        title: 'ألبانيا',
        site: '127.0.0.1',
        byline: '',
        lang: 'ar',
        excerpt: '',
      },
      note: {
        quote: {
          type: 'TextQuoteSelector',
          exact: NOTE_QUOTE,
          prefix: 'وقال رئيس الوزراء ',
          suffix: ' كان يهدف إلى شل',
        },
        position: { type: 'TextPositionSelector', start: 3, end: 3 + NOTE_QUOTE.length },
        colour: 'yellow',
        note,
        tags: [...tags],
        entityIds: [],
      },
    },
  };
}
