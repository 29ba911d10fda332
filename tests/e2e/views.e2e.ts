// What a reader sees, checked on screenshots and with axe-core: the previous/next chevrons point back
// and forward along the line in both interface languages; the off and not-an-article states show
// their message and one button, and nothing else; the popup, side panel, options page and card have
// no serious or critical accessibility violation and can be used from the keyboard.
// Run in each browser by run.ts, and again in the Arabic-interface Chromium (viewTests('ar')).
// With HASHIYA_SCREENSHOTS=<dir>, the screenshots the checks read are saved there to look at.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Clip, TestPage } from './browsers.ts';
import type { E2eContext, E2eTest } from './harness.ts';
import { POPUP_TIMEOUT_MS, tabIdOf, waitForPaint } from './helpers.ts';
import { cardBox, elementBox, openCard, openPanel } from './views.ts';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

function screenshotPath(ctx: E2eContext, name: string): string | undefined {
  const dir = process.env.HASHIYA_SCREENSHOTS;
  return dir ? join(dir, `${ctx.browser.name}-${name}.png`) : undefined;
}

interface Ink {
  /** Which way the drawn chevron's tip points, read from its pixels. */
  points: 'left' | 'right' | 'none';
  /** Rows (from the top) that hold anything but the background. */
  inkRows: number[];
}

/**
 * Runs in an extension page: decodes a PNG and reads the ink on it (pixels unlike the top-left
 * corner's). A chevron's tip is where its ink is narrowest vertically: compare the ink's height in
 * the leftmost and rightmost quarter of its width.
 */
async function readInk(base64: string): Promise<Ink> {
  const image = new Image();
  image.src = `data:image/png;base64,${base64}`;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = image.naturalWidth;
  canvas.height = image.naturalHeight;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('no 2d canvas');
  context.drawImage(image, 0, 0);
  const { data, width, height } = context.getImageData(0, 0, canvas.width, canvas.height);
  const bg = [data[0] ?? 0, data[1] ?? 0, data[2] ?? 0];
  const ink: [number, number][] = [];
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      const d =
        Math.abs((data[i] ?? 0) - (bg[0] ?? 0)) +
        Math.abs((data[i + 1] ?? 0) - (bg[1] ?? 0)) +
        Math.abs((data[i + 2] ?? 0) - (bg[2] ?? 0));
      if (d > 120) ink.push([x, y]);
    }
  const rows = [...new Set(ink.map(([, y]) => y))].sort((a, b) => a - b);
  if (ink.length === 0) return { points: 'none', inkRows: rows };
  const xs = ink.map(([x]) => x);
  const minX = Math.min(...xs);
  const maxX = Math.max(...xs);
  const quarter = (maxX - minX) / 4;
  // Vertical extent of the ink in the leftmost and the rightmost quarter ([min, max] per side).
  const edges = [
    [Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY],
    [Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY],
  ] as [number, number][];
  for (const [x, y] of ink) {
    const side = x <= minX + quarter ? edges[0] : x >= maxX - quarter ? edges[1] : undefined;
    if (!side) continue;
    side[0] = Math.min(side[0], y);
    side[1] = Math.max(side[1], y);
  }
  const left = (edges[0]?.[1] ?? 0) - (edges[0]?.[0] ?? 0);
  const right = (edges[1]?.[1] ?? 0) - (edges[1]?.[0] ?? 0);
  return { points: left < right ? 'left' : right < left ? 'right' : 'none', inkRows: rows };
}

/** Reads the ink of a screenshot, decoding it in `decoder` (an extension page). */
async function inkOf(decoder: TestPage, png: Buffer): Promise<Ink> {
  return decoder.evaluate(readInk, png.toString('base64'));
}

/** Runs in a page: the boxes of a step button pair (in the card's shadow root or the document). */
function stepButtonBoxes(where: { card: boolean }): { previous: Clip; next: Clip; dir: string } | null {
  const root: ParentNode | null | undefined = where.card
    ? document.querySelector('[data-hashiya-ui]')?.shadowRoot?.querySelector('.card')
    : document.querySelector('li[data-entity-id]');
  if (!root) return null;
  const [previous, next] = ['[data-step="previous"]', '[data-step="next"]'].map((selector) => {
    const b = root.querySelector(selector)?.getBoundingClientRect();
    return b ? { x: b.left, y: b.top, width: b.width, height: b.height } : null;
  });
  const holder = (root as Element).closest('[dir]');
  if (!previous || !next) return null;
  return { previous, next, dir: holder ? getComputedStyle(holder).direction : 'ltr' };
}

/** Back along the line is left in a left-to-right interface, right in a right-to-left one. */
function expectedPoints(dir: string, towards: 'previous' | 'next'): 'left' | 'right' {
  return (towards === 'previous') === (dir === 'ltr') ? 'left' : 'right';
}

async function checkChevrons(
  ctx: E2eContext,
  shooter: TestPage,
  decoder: TestPage,
  where: { card: boolean },
  label: string,
): Promise<string> {
  const boxes = await shooter.evaluate(stepButtonBoxes, where);
  assert.ok(boxes, `${label}: no previous/next buttons`);
  const seen: string[] = [];
  for (const towards of ['previous', 'next'] as const) {
    const png = await shooter.screenshotClip(boxes[towards], screenshotPath(ctx, `${label}-${towards}`));
    const { points } = await inkOf(decoder, png);
    const want = expectedPoints(boxes.dir, towards);
    assert.equal(
      points,
      want,
      `${label}: the ${towards} chevron points ${points} in a ${boxes.dir} interface`,
    );
    seen.push(`${towards} ${points}`);
  }
  // In reading order, previous comes first: left of next in English, right of it in Arabic.
  const previousFirst =
    boxes.dir === 'rtl' ? boxes.previous.x > boxes.next.x : boxes.previous.x < boxes.next.x;
  assert.ok(previousFirst, `${label}: previous does not come first in reading order`);
  return `${label} (${boxes.dir}): ${seen.join(', ')}`;
}

/** Runs axe-core in `page` and returns its serious and critical violations, described. */
export async function axeViolations(page: TestPage, shadowCard = false): Promise<string[]> {
  await page.runScript(AXE_SOURCE);
  return page.evaluate(async (card: boolean) => {
    const axe = (
      globalThis as unknown as {
        axe: {
          run(
            context: unknown,
            options: unknown,
          ): Promise<{ violations: { id: string; impact?: string; nodes: { target: unknown[] }[] }[] }>;
        };
      }
    ).axe;
    const context = card ? { include: [{ fromShadowDom: ['[data-hashiya-ui]', '.card'] }] } : document;
    const result = await axe.run(context, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => JSON.stringify(n.target)).join(' ')}`);
  }, shadowCard);
}

/** Runs in an extension page: every focusable control, and whether Tab reached it with a visible ring. */
function focusables(): string[] {
  return [...document.querySelectorAll<HTMLElement>('button:not(:disabled), input, select, a[href]')]
    .filter((el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden')
    .map((el) => el.dataset.action ?? el.dataset.step ?? el.dataset.sort ?? el.dataset.switch ?? el.tagName);
}

/** Runs in an extension page: the focused control, and whether it (or its visible stand-in) has a ring. */
function focusedRing(): { name: string; ring: boolean; visible: boolean } {
  const el = document.activeElement as HTMLElement | null;
  if (!el || el === document.body) return { name: 'body', ring: false, visible: false };
  // Visually hidden radios show their ring on the label's text next to them; the search field on its box.
  const shown = el.matches('.segment input') ? (el.nextElementSibling as HTMLElement | null) : el;
  const target = el.closest('.search') && el.matches('input') ? el.closest('.search') : shown;
  const style = target ? getComputedStyle(target) : null;
  const ring = !!style && style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) >= 2;
  return {
    name: el.dataset.action ?? el.dataset.step ?? el.dataset.sort ?? el.tagName,
    ring,
    visible: el.matches(':focus-visible'),
  };
}

function viewTests(locale: 'en' | 'ar'): E2eTest[] {
  // A tab of these tests' own, opened when the first of them runs: a tab opened earlier may hold a
  // content script orphaned by a test that reloads the extension (Firefox), which no longer hovers.
  const fixture = `${locale === 'ar' ? 'seed-ar.html' : 'seed-en.html'}?views-${locale}`;
  const tag = locale === 'ar' ? 'Arabic interface: ' : '';
  return [
    {
      name: `${tag}views: previous/next chevrons on screen point back and forward along the line, in the card and the side panel`,
      async run(ctx) {
        const page = await ctx.fixturePage(fixture);
        await waitForPaint(page, fixture);
        const panel = await openPanel(ctx.browser, ctx.baseUrl, fixture, 'sidepanel');
        try {
          ctx.log(await checkChevrons(ctx, panel, panel, { card: false }, `${locale}-panel`));
          await openCard(page, 'place');
          await page.mouseMove(4, 4); // not hovering a button: no hover background on it
          await page.waitFor(cardBox, null, 2_000).catch(() => undefined);
          // Moving away closes the card after a grace period: hover again and shoot at once.
          const box = await openCard(page, 'place');
          await page.mouseMove(box.x + box.width / 2, box.y + 8);
          ctx.log(await checkChevrons(ctx, page, panel, { card: true }, `${locale}-card`));
          await page.press('Escape');
        } finally {
          await panel.close();
        }
      },
    },
    {
      name: `${tag}views: off and not-an-article states show their message and one button, nothing else`,
      async run(ctx) {
        const page = await ctx.fixturePage(fixture);
        await waitForPaint(page, fixture);
        const panel = await openPanel(ctx.browser, ctx.baseUrl, fixture, 'popup');
        // A tab of its own (other tests analyse no-article.html in theirs).
        const notArticle = `no-article.html?views-${locale}`;
        const plain = await ctx.browser.newPage(new URL(notArticle, ctx.baseUrl).href);
        let other: TestPage | undefined;
        try {
          await panel.click('[data-action="settings"]');
          await panel.click('input[data-switch="site"]');
          await panel.click('[data-action="settings"]');
          await panel.waitForSelector('[data-state="off"] [data-action="turn-on"]', POPUP_TIMEOUT_MS);
          const offState = await panel.evaluate(
            () => ({
              rows: document.querySelectorAll('[data-entity-id], [data-step], [data-sort]').length,
              message: document.querySelector('[data-state="off"] p')?.textContent ?? '',
            }),
            null,
          );
          assert.equal(offState.rows, 0, 'counts or step buttons shown while highlighting is off');
          ctx.log(`off: "${offState.message}"`);
          await checkStateShot(ctx, panel, 'off');
          await panel.click('[data-action="turn-on"]');
          await panel.waitForSelector('[data-entity-id]', POPUP_TIMEOUT_MS);

          other = await openPanel(ctx.browser, ctx.baseUrl, notArticle, 'popup');
          await other.waitForSelector('[data-state="not-article"] [data-action="analyse"]', POPUP_TIMEOUT_MS);
          assert.equal(
            await other.evaluate(() => document.querySelectorAll('[data-step], [data-sort]').length, null),
            0,
            'controls that do nothing on a page that was not analysed',
          );
          await checkStateShot(ctx, other, 'not-article');
        } finally {
          await other?.close();
          await plain.close();
          await panel.evaluate(() => {
            const api = (globalThis as { browser?: { storage: { local: { clear(): Promise<void> } } } })
              .browser;
            return api?.storage.local.clear();
          }, null);
          await panel.close();
        }
      },
    },
    {
      name: `${tag}accessibility: popup, side panel, options page, library and card have no serious or critical axe-core violation`,
      // axe-core over five pages; on a loaded 2-core machine this took over 30 s once.
      timeoutMs: 90_000,
      async run(ctx) {
        const page = await ctx.fixturePage(fixture);
        await waitForPaint(page, fixture);
        const found: string[] = [];
        for (const which of ['popup', 'sidepanel'] as const) {
          const panel = await openPanel(ctx.browser, ctx.baseUrl, fixture, which);
          try {
            found.push(...(await axeViolations(panel)).map((v) => `${which}: ${v}`));
            await panel.click('[data-action="settings"]');
            await panel.waitForSelector('[data-switch="global"]', POPUP_TIMEOUT_MS);
            found.push(...(await axeViolations(panel)).map((v) => `${which} settings: ${v}`));
          } finally {
            await panel.close();
          }
        }
        const options = await ctx.browser.openExtensionPage('options.html');
        try {
          await options.waitForSelector('[data-entity-id]', POPUP_TIMEOUT_MS);
          for (const section of ['dictionary', 'packs', 'yours', 'hidden', 'sites', 'shortcuts']) {
            await options.click(`[data-section-link="${section}"]`);
            await options.waitForSelector(`[data-section="${section}"]`, POPUP_TIMEOUT_MS);
            found.push(...(await axeViolations(options)).map((v) => `options #${section}: ${v}`));
          }
        } finally {
          await options.close();
        }
        const library = await ctx.browser.openExtensionPage('library.html');
        try {
          await library.waitForSelector('[data-library="empty"], [data-library="count"]', POPUP_TIMEOUT_MS);
          found.push(...(await axeViolations(library)).map((v) => `library: ${v}`));
        } finally {
          await library.close();
        }
        await openCard(page, 'place');
        found.push(...(await axeViolations(page, true)).map((v) => `card: ${v}`));
        await page.press('Escape');
        assert.deepEqual(found, []);
        ctx.log('popup, popup settings, side panel, its settings, 6 options sections, library, card: none');
      },
    },
    {
      name: `${tag}keyboard: every popup control takes the focus with a visible ring; the card opens from the keyboard with the focus in it`,
      async run(ctx) {
        const page = await ctx.fixturePage(fixture);
        await waitForPaint(page, fixture);
        const panel = await openPanel(ctx.browser, ctx.baseUrl, fixture, 'popup');
        try {
          const controls = await panel.evaluate(focusables, null);
          const reached: string[] = [];
          const noRing: string[] = [];
          let checked = 0;
          for (let i = 0; i < controls.length + 2; i++) {
            await panel.press('Tab');
            const focused = await panel.evaluate(focusedRing, null);
            if (focused.name === 'body') continue;
            reached.push(focused.name);
            // Headless Firefox here sometimes leaves :focus-visible off after a Tab (then no browser
            // draws a ring): the ring is checked wherever the browser says the focus is visible.
            if (!focused.visible) continue;
            checked++;
            if (!focused.ring) noRing.push(focused.name);
          }
          assert.deepEqual(noRing, [], 'focused without a visible ring');
          // Radio groups take one Tab stop: the sort buttons count once.
          const wanted = new Set(controls.filter((c) => !['count', 'order', 'type'].includes(c)));
          for (const control of wanted) assert.ok(reached.includes(control), `Tab never reached ${control}`);
          assert.ok(
            checked > reached.length / 2,
            `:focus-visible matched on only ${checked} of ${reached.length}`,
          );
          ctx.log(
            `Tab reached ${new Set(reached).size} distinct controls; ${checked} of ${reached.length} focus moves checked, each with a ring`,
          );

          // The show-card command, as the background sends it for Alt+Shift+M.
          const tabId = await tabIdOf(ctx.browser, new URL(fixture, ctx.baseUrl).href);
          await page.bringToFront();
          await panel.evaluate(
            (arg: { tabId: number }) => {
              const api = (
                globalThis as {
                  browser?: { tabs: { sendMessage(id: number, m: unknown): Promise<unknown> } };
                }
              ).browser;
              return api?.tabs.sendMessage(arg.tabId, { type: 'show-card' });
            },
            { tabId },
          );
          await page.waitFor(
            () => {
              const host = document.querySelector('[data-hashiya-ui]');
              return document.activeElement === host && host?.shadowRoot?.activeElement?.tagName === 'BUTTON';
            },
            null,
            3_000,
          );
          const before = await page.evaluate(
            () =>
              document
                .querySelector('[data-hashiya-ui]')
                ?.shadowRoot?.querySelector('.position')
                ?.getAttribute('data-position'),
            null,
          );
          await page.press('Enter');
          await page.waitFor(
            (was: string | null | undefined) =>
              document
                .querySelector('[data-hashiya-ui]')
                ?.shadowRoot?.querySelector('.position')
                ?.getAttribute('data-position') !== was,
            before,
            3_000,
          );
          await page.press('Escape');
          await page.waitFor(
            () => !document.querySelector('[data-hashiya-ui]')?.shadowRoot?.querySelector('.card'),
            null,
            3_000,
          );
          ctx.log('show-card: the card opened with the focus on Next; Enter stepped; Escape closed it');
        } finally {
          await panel.close();
        }
      },
    },
  ];
}

/**
 * The state on screen: its message and button are drawn, and below them the panel is empty (no
 * list, no leftover controls).
 */
async function checkStateShot(ctx: E2eContext, panel: TestPage, state: string): Promise<void> {
  const body = await panel.evaluate(elementBox, '.panel-body');
  const block = await panel.evaluate(elementBox, `[data-state="${state}"]`);
  assert.ok(body && block, `no ${state} state on screen`);
  const png = await panel.screenshotClip(body, screenshotPath(ctx, `state-${state}`));
  const { inkRows } = await inkOf(panel, png);
  const scale = png.readUInt32BE(16) / body.width; // PNG width (IHDR) / CSS width: the device pixel ratio
  const blockBottom = (block.y + block.height - body.y) * scale;
  const below = inkRows.filter((row) => row > blockBottom + 1);
  assert.ok(inkRows.length > 0, `the ${state} state is blank on screen`);
  assert.deepEqual(below, [], `something is drawn below the ${state} state`);
}

export const viewTestsEnglish = viewTests('en');
export const viewTestsArabic = viewTests('ar');
