// Looking at Hashiya's views: opening each one the way a reader does, and the rectangles to
// screenshot. Shared by tests/e2e/views.e2e.ts (checks) and scripts/screenshots.ts (a gallery to look at).
//
// Functions passed to evaluate / waitFor run in the page: see the note in helpers.ts.

import type { Clip, TestBrowser, TestPage } from './browsers.ts';
import { POPUP_TIMEOUT_MS, PREFIX, tabIdOf, waitForPaint } from './helpers.ts';

export const CARD_TIMEOUT_MS = 5_000;
/** The side panel's width in Chrome by default, near enough. */
export const SIDE_PANEL_VIEWPORT = { width: 400, height: 760 };

/** Runs in the page: the centre of the first mention in `name`'s highlight, scrolled into view. */
export function firstMentionCentre(name: string): { x: number; y: number } | null {
  const range = [...(CSS.highlights.get(name) ?? [])][0];
  if (!range) return null;
  const live = document.createRange();
  live.setStart(range.startContainer, range.startOffset);
  live.setEnd(range.endContainer, range.endOffset);
  (live.startContainer.parentElement ?? document.body).scrollIntoView({ block: 'center' });
  const box = live.getClientRects()[0];
  return box ? { x: box.left + box.width / 2, y: box.top + box.height / 2 } : null;
}

/** Runs in the page: the card's box in the viewport, or null while there is none. */
export function cardBox(): Clip | null {
  const card = document.querySelector('[data-hashiya-ui]')?.shadowRoot?.querySelector('.card');
  if (!card) return null;
  const box = card.getBoundingClientRect();
  return { x: box.left, y: box.top, width: box.width, height: box.height };
}

/** Runs in an extension page: the box of the element matching `selector` (default: the body). */
export function elementBox(selector: string): Clip | null {
  const element = document.querySelector(selector);
  if (!element) return null;
  const box = element.getBoundingClientRect();
  return { x: box.left, y: box.top, width: box.width, height: box.height };
}

/** Hovers the first mention of a type on a painted page until its card shows. */
export async function openCard(page: TestPage, type: string): Promise<Clip> {
  await page.bringToFront();
  const centre = await page.evaluate(firstMentionCentre, `${PREFIX}${type}`);
  if (!centre) throw new Error(`no ${type} mention to hover`);
  await page.mouseMove(4, 4);
  await page.mouseMove(centre.x, centre.y);
  await page.waitFor(cardBox, null, CARD_TIMEOUT_MS);
  // Let the card settle (it follows its mention while the page scrolls).
  let last = '';
  for (let i = 0; i < 20; i++) {
    const box = await page.evaluate(cardBox, null);
    if (!box) throw new Error('the card closed');
    if (JSON.stringify(box) === last) return box;
    last = JSON.stringify(box);
    await new Promise((resolve) => setTimeout(resolve, 80));
  }
  throw new Error('the card never settled');
}

/** Opens the popup or side panel for the tab showing `fixture`, once it lists entities or a state. */
export async function openPanel(
  browser: TestBrowser,
  baseUrl: string,
  fixture: string,
  which: 'popup' | 'sidepanel',
): Promise<TestPage> {
  const tabId = await tabIdOf(browser, new URL(fixture, baseUrl).href);
  const panel = await browser.openExtensionPage(`${which}.html?tab=${tabId}`);
  if (which === 'sidepanel') await panel.setViewport(SIDE_PANEL_VIEWPORT.width, SIDE_PANEL_VIEWPORT.height);
  await panel.waitFor(
    () => document.querySelector('[data-entity-id], [data-state]:not([aria-busy="true"])') !== null,
    null,
    POPUP_TIMEOUT_MS,
  );
  return panel;
}

/** A fixture page, painted. */
export async function paintedPage(browser: TestBrowser, baseUrl: string, fixture: string): Promise<TestPage> {
  const page = await browser.newPage(new URL(fixture, baseUrl).href);
  await waitForPaint(page, fixture);
  return page;
}
