// End-to-end tests of what the reader teaches the dictionary, in each browser: the options page's
// "Your dictionary" section adds an entity through the background (which stores it in the notes
// database, schema v2), lists it after a reload, edits it, and deletes it with Undo; the library's
// backup carries the reader's entries into a fresh profile, where an open tab applies them at once;
// "Add as entity" in the page's selection toolbar (a closed shadow root, reached as DevTools does:
// ui-tree.ts) adds a selected name that every open tab then highlights.
//
// Functions passed to evaluate / waitFor run in a page: they must not use anything from this module,
// nor declare named inner functions (see helpers.ts).

import assert from 'node:assert/strict';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestBrowser, TestPage } from './browsers.ts';
import type { E2eContext, E2eTest } from './harness.ts';
import { sleep, waitForPaint } from './helpers.ts';
import { download, dropFile, openLibrary, previewCounts } from './library.e2e.ts';
import { queryUi, type UiNode, uiText } from './ui-tree.ts';

const TIMEOUT_MS = 10_000;

/** Runs in the page: each listed entry of the section as "title | detail" (deleted ones marked; the same in waitForList). */
function listed(): string[] {
  return [...document.querySelectorAll('[data-reader-entry]')].map((row) => {
    const title = row.querySelector('.entity-name')?.textContent ?? '';
    const detail = row.querySelector('.reader-detail')?.textContent ?? '';
    return `${row.hasAttribute('data-deleted') ? '(deleted) ' : ''}${title} | ${detail}`;
  });
}

async function fill(page: TestPage, field: string, text: string): Promise<void> {
  await page.click(`[data-entity-form] [data-field="${field}"]`);
  await page.evaluate((selector) => {
    const input = document.querySelector<HTMLInputElement>(selector);
    input?.select();
  }, `[data-entity-form] [data-field="${field}"]`);
  await page.type(text);
}

/** Closes the options page and opens it again: what it lists then was read back from the store. */
async function reopen(ctx: E2eContext, page: TestPage): Promise<TestPage> {
  await page.close();
  const again = await ctx.browser.openExtensionPage('options.html#yours');
  await again.waitForSelector('[data-section="yours"]', TIMEOUT_MS);
  return again;
}

async function waitForList(page: TestPage, wanted: string[], what: string): Promise<void> {
  try {
    await page.waitFor(
      (w) =>
        JSON.stringify(
          [...document.querySelectorAll('[data-reader-entry]')].map(
            (row) =>
              `${row.hasAttribute('data-deleted') ? '(deleted) ' : ''}${row.querySelector('.entity-name')?.textContent ?? ''} | ${row.querySelector('.reader-detail')?.textContent ?? ''}`,
          ),
        ) === JSON.stringify(w),
      wanted,
      TIMEOUT_MS,
    );
  } catch {
    throw new Error(
      `${what}: wanted ${JSON.stringify(wanted)}, listed ${JSON.stringify(await page.evaluate(listed, null))}`,
    );
  }
}

const ARTICLE = 'reader-article.html';
const PERSONS = 'بلال حمدان|حمدان|بلال حمدان|Bilal Hamdan|Hamdan';

/** Runs in the page: the texts of the ranges of one entity highlight (e.g. hashiya-person), in order. */
function painted(name: string): string {
  const ranges = [...(CSS.highlights.get(name) ?? [])].map((r) => {
    const range = document.createRange();
    range.setStart(r.startContainer, r.startOffset);
    range.setEnd(r.endContainer, r.endOffset);
    return range;
  });
  ranges.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
  return ranges.map((range) => range.toString()).join('|');
}

async function waitForPainted(page: TestPage, name: string, wanted: string, what: string): Promise<void> {
  try {
    await page.waitFor(
      (arg) => {
        const ranges = [...(CSS.highlights.get(arg.name) ?? [])].map((r) => {
          const range = document.createRange();
          range.setStart(r.startContainer, r.startOffset);
          range.setEnd(r.endContainer, r.endOffset);
          return range;
        });
        ranges.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
        return ranges.map((range) => range.toString()).join('|') === arg.wanted;
      },
      { name, wanted },
      TIMEOUT_MS,
    );
  } catch {
    throw new Error(`${what}: wanted ${name} = "${wanted}", painted "${await page.evaluate(painted, name)}"`);
  }
}

/** Sends one message to the background from an extension page. */
async function ask(
  ctx: E2eContext,
  message: { type: string; data?: unknown },
  browser: TestBrowser = ctx.browser,
): Promise<unknown> {
  const page = await browser.openExtensionPage('popup.html');
  try {
    return await page.evaluate(async (m) => {
      type Api = { runtime: { sendMessage(message: unknown): Promise<unknown> } };
      const scope = globalThis as { browser?: Api; chrome?: Api };
      return (scope.browser ?? scope.chrome)?.runtime.sendMessage(m);
    }, message);
  } finally {
    await page.close();
  }
}

const ADD_PAGE = 'reader-add-ar.html';
const ADD_PAGE_2 = 'reader-add-ar-2.html';

/** Runs in the page: selects the first occurrence of `text` in the article, as a reader's drag would. */
function selectText(text: string): boolean {
  const article = document.querySelector('article');
  if (!article) return false;
  const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const at = (node as Text).data.indexOf(text);
    if (at < 0) continue;
    node.parentElement?.scrollIntoView({ block: 'center' });
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + text.length);
    getSelection()?.removeAllRanges();
    getSelection()?.addRange(range);
    return true;
  }
  return false;
}

/** A node of the selection toolbar (in its closed root) once `wanted` finds one. */
async function toolbarNode(page: TestPage, wanted: string, what: string): Promise<UiNode> {
  const deadline = Date.now() + TIMEOUT_MS;
  let seen = '';
  for (;;) {
    for (const host of await page.uiHosts()) {
      if (host.shadow?.mode !== 'closed') continue;
      const found = queryUi(host, wanted)[0];
      if (found) return found;
      seen = uiText(host).replace(/\s+/g, ' ').slice(-300);
    }
    if (Date.now() > deadline) throw new Error(`${what}: no ${wanted} in the toolbar (it shows "${seen}")`);
    await sleep(100);
  }
}

/** Selects `name` in the page's article, as a reader does; the toolbar's "Add as entity" button once it shows. */
export async function selectName(page: TestPage, name: string): Promise<UiNode> {
  assert.ok(await page.evaluate(selectText, name), `«${name}» on the page`);
  return toolbarNode(page, 'button[data-action="add-entity"]', 'after selecting');
}

/** Selects `name` and opens "Add as entity" from the selection toolbar (also scripts/screenshots.ts). */
export async function openAddEntity(page: TestPage, name: string): Promise<void> {
  await page.clickUi(await selectName(page, name));
  await toolbarNode(page, 'form[data-entity-form]', 'after "Add as entity"');
}

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** Runs in the page: the selection's line boxes, and the box where a closed-root host of ours is drawn (the toolbar). */
function toolbarAndSelection(): { ui: Box | null; lines: Box[] } {
  const range = getSelection()?.rangeCount ? getSelection()?.getRangeAt(0) : null;
  const lines = range
    ? [...range.getClientRects()]
        .filter((r) => r.width > 0 && r.height > 0)
        .map((r) => ({ left: r.left, top: r.top, right: r.right, bottom: r.bottom }))
    : [];
  const ui = { left: Infinity, top: Infinity, right: -Infinity, bottom: -Infinity };
  for (let y = 0; y < innerHeight; y += 4)
    for (let x = 0; x < innerWidth; x += 4) {
      const hit = document.elementFromPoint(x, y);
      // elementFromPoint lands on the host wherever its closed root draws (the card's root is open).
      if (!hit?.hasAttribute('data-hashiya-ui') || hit.shadowRoot !== null) continue;
      ui.left = Math.min(ui.left, x);
      ui.top = Math.min(ui.top, y);
      ui.right = Math.max(ui.right, x);
      ui.bottom = Math.max(ui.bottom, y);
    }
  return { ui: ui.left === Infinity ? null : ui, lines };
}

// ── Corrections from the card ──

const CORRECTIONS = 'corrections.html';
const WHO = 'منظمة الصحة العالمية';

/** Deletes every entry of the reader's dictionary (each test of the card starts from none). */
async function clearReaderEntries(ctx: E2eContext): Promise<void> {
  const listed = (await ask(ctx, { type: 'list-reader-entries' })) as {
    ok: boolean;
    value?: { id: string }[];
  };
  assert.ok(listed.ok, JSON.stringify(listed));
  for (const entry of listed.value ?? [])
    await ask(ctx, { type: 'delete-reader-entry', data: { id: entry.id } });
}

/** Runs in the page: the middle of the `index`-th range of highlight `name` reading `text`, scrolled into view. */
function rangeCentre(arg: { name: string; text: string; index: number }): { x: number; y: number } | null {
  const ranges = [...(CSS.highlights.get(arg.name) ?? [])]
    .map((r) => {
      const range = document.createRange();
      range.setStart(r.startContainer, r.startOffset);
      range.setEnd(r.endContainer, r.endOffset);
      return range;
    })
    .filter((range) => range.toString() === arg.text)
    .sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
  const range = ranges[arg.index];
  if (!range) return null;
  range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
  const rect = range.getClientRects()[0];
  return rect ? { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 } : null;
}

/**
 * Scrolls the page (growing its top margin if it is too short to scroll so far) until the first
 * mention painted under `name` reading `text` sits just above the viewport's bottom, where a card
 * has no room below it; returns the mention's box.
 */
function mentionAtBottom(arg: {
  name: string;
  text: string;
}): { x: number; y: number; width: number; height: number } | null {
  const found = [...(CSS.highlights.get(arg.name) ?? [])].find((r) => {
    const range = document.createRange();
    range.setStart(r.startContainer, r.startOffset);
    range.setEnd(r.endContainer, r.endOffset);
    return range.toString() === arg.text;
  });
  if (!found) return null;
  const range = document.createRange();
  range.setStart(found.startContainer, found.startOffset);
  range.setEnd(found.endContainer, found.endOffset);
  document.documentElement.style.paddingTop = `${window.innerHeight}px`;
  // No inner functions: a page function is sent as its source, without the helpers bundling adds.
  const before = range.getClientRects()[0];
  if (!before) return null;
  window.scrollBy(0, before.bottom - (window.innerHeight - 40));
  const after = range.getClientRects()[0];
  // A plain object: a DOMRect does not cross the automation protocol in every browser.
  return after ? { x: after.x, y: after.y, width: after.width, height: after.height } : null;
}

/** The entity card's host once it shows `entityId` (in `state`, when given), closed roots included. */
async function entityCard(
  page: TestPage,
  entityId: string,
  what: string,
  state?: string,
  timeoutMs = TIMEOUT_MS,
): Promise<UiNode> {
  const deadline = Date.now() + timeoutMs;
  let last = 'no card';
  for (;;) {
    for (const host of await page.uiHosts()) {
      const card = queryUi(host, 'div[data-entity-id]')[0];
      if (!card) continue;
      last = `${card.attrs['data-entity-id']} (${card.attrs['data-state'] ?? 'view'}): ${uiText(card)}`;
      if (card.attrs['data-entity-id'] === entityId && (!state || card.attrs['data-state'] === state))
        return host;
    }
    if (Date.now() > deadline)
      throw new Error(`${what}: no card of ${entityId} ${state ?? ''} (last: ${last})`);
    await sleep(100);
  }
}

function one(host: UiNode, selector: string): UiNode {
  const found = queryUi(host, selector)[0];
  if (!found) throw new Error(`no ${selector} on the card: ${uiText(host)}`);
  return found;
}

/** Hovers the `index`-th mention painted under `name` reading `text` and waits for `entityId`'s card. */
async function hoverMention(
  page: TestPage,
  name: string,
  text: string,
  entityId: string,
  what: string,
  index = 0,
): Promise<UiNode> {
  // The page may repaint after a correction only after this hover (the painted texts are the same,
  // so a wait on them passes at once): a card of the old entity gets the pointer moved away and back,
  // as a reader would, until the deadline.
  const deadline = Date.now() + TIMEOUT_MS;
  for (;;) {
    await page.press('Escape');
    await page.mouseMove(4, 4);
    const spot = await page.evaluate(rangeCentre, { name, text, index });
    assert.ok(spot, `${what}: "${text}" painted as ${name}`);
    await page.mouseMove(spot.x - 3, spot.y);
    await page.mouseMove(spot.x, spot.y);
    const left = deadline - Date.now();
    try {
      return await entityCard(page, entityId, what, undefined, Math.min(1500, Math.max(left, 0)));
    } catch (error) {
      if (Date.now() > deadline) throw error;
    }
  }
}

/** Opens "Correct…" on the shown card: its root is closed from then on. */
async function openCorrections(page: TestPage, host: UiNode, entityId: string): Promise<UiNode> {
  await page.clickUi(one(host, 'button[data-action="correct"]'));
  const deadline = Date.now() + TIMEOUT_MS;
  for (;;) {
    for (const h of await page.uiHosts())
      if (queryUi(h, 'div[data-corrections]').length > 0) {
        assert.equal(h.shadow?.mode, 'closed', 'the card showing corrections is in a closed root');
        return h;
      }
    if (Date.now() > deadline) throw new Error(`the corrections of ${entityId} did not open`);
    await sleep(100);
  }
}

async function shoot(ctx: E2eContext, page: TestPage, name: string): Promise<void> {
  const shot = join(tmpdir(), `hashiya-${name}-${ctx.browser.name}.png`);
  await page.screenshot(shot);
  ctx.log(`screenshot: ${shot}`);
}

const cardTests: readonly E2eTest[] = [
  {
    name: 'card corrections: change a shipped entity’s type for me — repainted at once, Undo restores, still so after a reload, and the card says so',
    async run(ctx) {
      await clearReaderEntries(ctx);
      const page = await ctx.fixturePage(CORRECTIONS);
      await page.goto(new URL(CORRECTIONS, ctx.baseUrl).href);
      await waitForPaint(page, CORRECTIONS);
      const both = `${WHO}|${WHO}`;
      // The page also names a Health Ministry without its country: a government body throughout.
      const ministry = 'وزارة الصحة';
      const withMinistry = `${WHO}|${ministry}|${WHO}`;
      await waitForPainted(page, 'hashiya-organisation', both, 'before the correction');
      let host = await hoverMention(page, 'hashiya-organisation', WHO, 'who', 'hovering WHO');
      host = await openCorrections(page, host, 'who');
      assert.equal(one(host, 'button[data-correct-type="organisation"]').attrs['aria-pressed'], 'true');
      await shoot(ctx, page, 'card-corrections');
      await page.clickUi(one(host, 'button[data-correct-type="government"]'));
      await waitForPainted(page, 'hashiya-government', withMinistry, 'shown as a government body at once');
      await waitForPainted(page, 'hashiya-organisation', '', 'no longer an organisation');
      host = await entityCard(page, 'who', 'the card after the change', 'corrected');
      ctx.log(`card: ${uiText(one(host, 'p[role="status"]'))}`);
      await page.clickUi(one(host, 'button[data-action="undo"]'));
      await waitForPainted(page, 'hashiya-organisation', both, 'after Undo');
      await waitForPainted(
        page,
        'hashiya-government',
        ministry,
        'after Undo, only the ministry a government body',
      );

      // Again, then a reload: the override was stored.
      host = await hoverMention(page, 'hashiya-organisation', WHO, 'who', 'hovering WHO again');
      host = await openCorrections(page, host, 'who');
      await page.clickUi(one(host, 'button[data-correct-type="government"]'));
      await entityCard(page, 'who', 'the second change', 'corrected');
      await page.goto(new URL(CORRECTIONS, ctx.baseUrl).href);
      await waitForPaint(page, CORRECTIONS);
      await waitForPainted(page, 'hashiya-government', withMinistry, 'after a reload');
      host = await hoverMention(page, 'hashiya-government', WHO, 'who', 'hovering WHO after the reload');
      assert.equal(host.shadow?.mode, 'closed', 'a card showing the reader’s correction is in a closed root');
      const said = uiText(one(host, 'p[data-corrected]'));
      assert.match(said, /Organi[sz]ation|منظمة/, `the card says the dictionary's type: ${said}`);
      ctx.log(`card after the reload: ${said}`);

      // The options page lists it in words; choosing the dictionary's type from the card takes it away.
      const options = await ctx.browser.openExtensionPage('options.html#yours');
      try {
        await options.waitForSelector('[data-reader-group="override"] [data-reader-entry]', TIMEOUT_MS);
        const rows = await options.evaluate(listed, null);
        ctx.log(`options: ${rows.join(' / ')}`);
        assert.equal(rows.length, 1);
      } finally {
        await options.close();
      }
      host = await openCorrections(page, host, 'who');
      await page.clickUi(one(host, 'button[data-correct-type="organisation"]'));
      await waitForPainted(page, 'hashiya-organisation', both, 'the dictionary’s type chosen again');
      await page.press('Escape');
    },
  },
  {
    name: 'card corrections: "not this entity here" on one site — gone there at once, still highlighted on another site; Undo brings it back',
    async run(ctx) {
      await clearReaderEntries(ctx);
      const page = await ctx.fixturePage(CORRECTIONS);
      await page.goto(new URL(CORRECTIONS, ctx.baseUrl).href);
      await waitForPaint(page, CORRECTIONS);
      // The same page on another site name: localhost, the same server.
      const elsewhere = new URL(CORRECTIONS, ctx.baseUrl);
      elsewhere.hostname = 'localhost';
      const other = await ctx.browser.newPage(elsewhere.href);
      try {
        await waitForPaint(other, `${CORRECTIONS} on localhost`);
        const place = await page.evaluate(painted, 'hashiya-place');
        assert.match(place, /طهران/);
        let host = await hoverMention(page, 'hashiya-place', 'طهران', 'tehran', 'hovering طهران');
        host = await openCorrections(page, host, 'tehran');
        const site = new URL(ctx.baseUrl).hostname;
        assert.ok(
          uiText(one(host, 'button[data-suppress="site"]')).includes(site),
          'the choice names the site',
        );
        await page.clickUi(one(host, 'button[data-suppress="site"]'));
        await waitForPainted(page, 'hashiya-place', place.replace(/\|?طهران/, ''), 'gone on this site');
        host = await entityCard(page, 'tehran', 'the card after the suppression', 'corrected');
        ctx.log(`card: ${uiText(one(host, 'p[role="status"]'))}`);
        await other.goto(elsewhere.href);
        await waitForPaint(other, `${CORRECTIONS} on localhost, reloaded`);
        assert.match(
          await other.evaluate(painted, 'hashiya-place'),
          /طهران/,
          'still highlighted on localhost',
        );
        await page.clickUi(one(host, 'button[data-action="undo"]'));
        await waitForPainted(page, 'hashiya-place', place, 'back after Undo');
      } finally {
        await other.close();
      }
    },
  },
  {
    name: 'card corrections: "add this spelling to…" — the form, found by a folded search, now opens the other entity’s card',
    async run(ctx) {
      await clearReaderEntries(ctx);
      const page = await ctx.fixturePage(CORRECTIONS);
      await page.goto(new URL(CORRECTIONS, ctx.baseUrl).href);
      await waitForPaint(page, CORRECTIONS);
      let host = await hoverMention(
        page,
        'hashiya-place',
        'عمان',
        'oman',
        'hovering عمان (Oman to the dictionary)',
      );
      host = await openCorrections(page, host, 'oman');
      await page.clickUi(one(host, 'input[id="correct-spelling"]'));
      await page.type('عمان'); // no shadda: Amman's name is عمّان
      const deadline = Date.now() + TIMEOUT_MS;
      let target: UiNode | undefined;
      while (!target) {
        for (const h of await page.uiHosts())
          target ??= queryUi(h, 'button[data-spelling-target="amman"]')[0];
        if (!target && Date.now() > deadline) throw new Error('Amman was not found by the search');
        if (!target) await sleep(100);
      }
      await shoot(ctx, page, 'card-spelling-search');
      await page.clickUi(target);
      host = await entityCard(page, 'oman', 'the card after adding the spelling', 'corrected');
      ctx.log(`card: ${uiText(one(host, 'p[role="status"]'))}`);
      // Both mentions of عمان now open Amman's card, which says the spelling is the reader's.
      await waitForPainted(page, 'hashiya-place', 'عمان|عمان|طهران', 'still places');
      for (const index of [0, 1]) {
        host = await hoverMention(
          page,
          'hashiya-place',
          'عمان',
          'amman',
          `hovering عمان #${index + 1}`,
          index,
        );
      }
      assert.ok(queryUi(host, 'p[data-corrected]').length === 1, `the card says so: ${uiText(host)}`);
      await page.press('Escape');
      await clearReaderEntries(ctx);
    },
  },
  {
    name: 'card corrections: the choices hold still once they show, above a mention at the bottom of the screen',
    async run(ctx) {
      await clearReaderEntries(ctx);
      const page = await ctx.fixturePage(CORRECTIONS);
      await page.goto(new URL(CORRECTIONS, ctx.baseUrl).href);
      await waitForPaint(page, CORRECTIONS);
      const mention = await page.evaluate(mentionAtBottom, { name: 'hashiya-place', text: 'طهران' });
      assert.ok(mention, 'طهران is painted');
      await page.mouseMove(mention.x + mention.width / 2 - 3, mention.y + mention.height / 2);
      await page.mouseMove(mention.x + mention.width / 2, mention.y + mention.height / 2);
      let host = await entityCard(page, 'tehran', 'hovering طهران at the bottom of the screen');
      host = await openCorrections(page, host, 'tehran');
      // As soon as the choices show (their stylesheet and the dictionary arrive meanwhile), and later.
      const choice = async () => page.uiBox(one(host, 'button[data-suppress="everywhere"]'));
      const first = await choice();
      await sleep(800);
      host = await entityCard(page, 'tehran', 'the card with its choices');
      const later = await choice();
      assert.ok(
        Math.abs(later.x - first.x) < 1 && Math.abs(later.y - first.y) < 1,
        `the choice stays where it showed (${first.x},${first.y} then ${later.x},${later.y})`,
      );
      const card = await page.uiBox(one(host, 'div[data-entity-id]'));
      assert.ok(
        card.y + card.height <= mention.y + 1,
        `the card (${card.y}–${card.y + card.height}) stands above the mention (${mention.y}), not over it`,
      );
      await shoot(ctx, page, 'corrections-above');
    },
  },
];

export const readerDictionaryTests: readonly E2eTest[] = [
  {
    name: 'your dictionary (options): add an entity, find it after a reload, edit it, delete it and undo',
    async run(ctx) {
      let options = await ctx.browser.openExtensionPage('options.html#yours');
      try {
        await options.waitForSelector('[data-section="yours"] [data-empty]', TIMEOUT_MS);
        await options.click('[data-action="add-entity"]');
        await options.waitForSelector('[data-entity-form]', TIMEOUT_MS);
        // No name: refused in words, nothing saved.
        await options.click('[data-action="save-entity"]');
        await options.waitForSelector('[data-entity-form] [role="alert"]', TIMEOUT_MS);
        await fill(options, 'nameAr', 'بلال حمدان');
        await fill(options, 'aliases', 'أبو بلال');
        await fill(options, 'descriptionEn', 'Mayor of a small town');
        const form = join(tmpdir(), `hashiya-entity-form-${ctx.browser.name}.png`);
        await options.screenshot(form);
        ctx.log(`screenshot: ${form}`);
        await options.click('[data-action="save-entity"]');
        await waitForList(options, ['بلال حمدان | Mayor of a small town'], 'after saving');

        options = await reopen(ctx, options);
        await waitForList(options, ['بلال حمدان | Mayor of a small town'], 'after a reload');

        await options.click('[data-reader-entry] [data-action="edit"]');
        await fill(options, 'nameEn', 'Bilal Hamdan');
        await options.click('[data-action="save-entity"]');
        await waitForList(options, ['Bilal Hamdan | Mayor of a small town'], 'after the edit');

        await options.click('[data-reader-entry] [data-action="delete"]');
        await waitForList(options, ['(deleted) Bilal Hamdan | Mayor of a small town'], 'after the delete');
        const shot = join(tmpdir(), `hashiya-your-dictionary-${ctx.browser.name}.png`);
        await options.screenshot(shot);
        ctx.log(`screenshot: ${shot}`);
        await options.click('[data-reader-entry] [data-action="undo"]');
        await waitForList(options, ['Bilal Hamdan | Mayor of a small town'], 'after undo');
        options = await reopen(ctx, options);
        await waitForList(options, ['Bilal Hamdan | Mayor of a small town'], 'after undo and a reload');
        // The search folds like the matcher: a spelling without hamza finds it.
        await options.click('[data-reader-search]');
        await options.type('ابو بلال');
        await waitForList(options, ['Bilal Hamdan | Mayor of a small town'], 'searching a spelling');
        await options.type('x');
        await waitForList(options, [], 'searching something else');
        // Deleted for good (no Undo): gone after a reload.
        options = await reopen(ctx, options);
        await waitForList(options, ['Bilal Hamdan | Mayor of a small town'], 'before deleting it for good');
        await options.click('[data-reader-entry] [data-action="delete"]');
        await waitForList(
          options,
          ['(deleted) Bilal Hamdan | Mayor of a small town'],
          'deleting it for good',
        );
        options = await reopen(ctx, options);
        await options.waitForSelector('[data-section="yours"] [data-empty]', TIMEOUT_MS);
      } finally {
        await options.close();
      }
    },
  },
  {
    name: 'your dictionary: an entity added in the options page is highlighted at once in two open tabs; a suppression on this site takes a name away',
    async run(ctx) {
      const first = await ctx.fixturePage(ARTICLE);
      const second = await ctx.browser.newPage(new URL(ARTICLE, ctx.baseUrl).href);
      try {
        for (const page of [first, second]) {
          await waitForPaint(page, ARTICLE);
          await waitForPainted(page, 'hashiya-person', '', 'before the reader adds the mayor');
        }
        const options = await ctx.browser.openExtensionPage('options.html#yours');
        try {
          await options.waitForSelector('[data-action="add-entity"]', TIMEOUT_MS);
          await options.click('[data-action="add-entity"]');
          await fill(options, 'nameAr', 'بلال حمدان');
          await fill(options, 'nameEn', 'Bilal Hamdan');
          const saved = Date.now();
          await options.click('[data-action="save-entity"]');
          await waitForPainted(first, 'hashiya-person', PERSONS, 'first tab, after the save');
          ctx.log(`save → painted in the first tab within ${Date.now() - saved} ms (polling included)`);
          await waitForPainted(second, 'hashiya-person', PERSONS, 'second tab, after the save');
        } finally {
          await options.close();
        }
        // "Not this entity here", on this site only.
        const place = await first.evaluate(painted, 'hashiya-place');
        assert.match(place, /طهران/);
        const suppressed = (await ask(ctx, {
          type: 'save-reader-entry',
          data: {
            entry: {
              kind: 'suppression',
              entityId: 'tehran',
              form: 'طهران',
              site: new URL(ctx.baseUrl).hostname,
            },
          },
        })) as { ok: boolean; error?: string };
        assert.ok(suppressed.ok, JSON.stringify(suppressed));
        await waitForPainted(first, 'hashiya-place', place.replace(/\|?طهران/, ''), 'after the suppression');
        await waitForPainted(first, 'hashiya-person', PERSONS, 'the mayor stays');
      } finally {
        await second.close();
      }
    },
  },
  {
    name: 'your dictionary travels in the backup: a reader entity and a suppression exported from the library and imported into a fresh profile are listed in the options page and applied at once in an open tab',
    timeoutMs: 90_000,
    async run(ctx) {
      const site = new URL(ctx.baseUrl).hostname;
      const save = async (browser: TestBrowser, entry: object) => {
        const reply = (await ask(ctx, { type: 'save-reader-entry', data: { entry } }, browser)) as {
          ok: boolean;
          value?: { id: string };
          error?: string;
        };
        assert.ok(reply.ok, JSON.stringify(reply));
        return reply.value?.id as string;
      };
      // A profile of its own, so the backup holds exactly what this test taught.
      const source = await ctx.freshBrowser();
      let backup: { name: string; text: string };
      try {
        await save(source, {
          kind: 'entity',
          type: 'person',
          names: { ar: 'بلال حمدان', en: 'Bilal Hamdan' },
          aliases: { ar: [], en: [] },
          description: { ar: '', en: 'Mayor of a small town' },
        });
        await save(source, { kind: 'suppression', entityId: 'tehran', form: 'طهران', site });
        // A deleted entry travels as a tombstone, and is not listed after the import.
        const dismissed = await save(source, { kind: 'dismissed', form: 'Possible Name' });
        const deleted = (await ask(
          ctx,
          { type: 'delete-reader-entry', data: { id: dismissed } },
          source,
        )) as {
          ok: boolean;
        };
        assert.ok(deleted.ok);
        const library = await openLibrary(source);
        backup = await download(library, '[data-action="export-all"]');
        const entries = (
          JSON.parse(backup.text) as { 'hashiya:readerEntries': { kind: string; deleted?: string }[] }
        )['hashiya:readerEntries'];
        assert.deepEqual(
          entries.map((e) => `${e.kind}${e.deleted ? ' (deleted)' : ''}`),
          ['entity', 'suppression', 'dismissed (deleted)'],
          'the backup carries every entry, the tombstone too',
        );
        assert.deepEqual(library.errors, [], 'no errors in the library page');
      } finally {
        await source.close();
      }

      const fresh = await ctx.freshBrowser();
      try {
        // A tab open before the import: it matches again when the import commits.
        const page = await fresh.newPage(new URL(ARTICLE, ctx.baseUrl).href);
        await waitForPaint(page, ARTICLE);
        await waitForPainted(page, 'hashiya-person', '', 'before the import');
        const place = await page.evaluate(painted, 'hashiya-place');
        assert.match(place, /طهران/);

        const library = await openLibrary(fresh);
        await dropFile(library, backup.name, backup.text);
        await previewCounts(library);
        const dictionaryCounts = await library.evaluate(() => {
          const out: Record<string, number> = {};
          for (const cell of document.querySelectorAll('[data-counts="readerEntries"] [data-count]'))
            out[cell.getAttribute('data-count') ?? ''] = Number(cell.textContent);
          return out;
        }, null);
        assert.deepEqual(dictionaryCounts, { new: 3, updated: 0, unchanged: 0, invalid: 0 });
        const shot = join(tmpdir(), `hashiya-import-dictionary-${ctx.browser.name}.png`);
        await library.screenshot(shot);
        ctx.log(`screenshot of the preview: ${shot}`);
        await library.click('[data-action="confirm-import"]');
        await library.waitForSelector('[data-notice="status"]', TIMEOUT_MS);
        const notice = await library.evaluate(
          () => document.querySelector('[data-notice="status"]')?.textContent ?? '',
          null,
        );
        assert.equal(notice, 'Imported: 0 new or updated notes and 3 entries of your dictionary.');

        await waitForPainted(page, 'hashiya-person', PERSONS, 'the open tab, after the import');
        await waitForPainted(page, 'hashiya-place', place.replace(/\|?طهران/, ''), 'the suppression applies');

        const options = await fresh.openExtensionPage('options.html#yours');
        await options.waitForSelector('[data-reader-entry]', TIMEOUT_MS);
        await options.waitFor(
          () => document.querySelectorAll('[data-reader-entry]').length === 2,
          null,
          TIMEOUT_MS,
        );
        const rows = await options.evaluate(listed, null);
        assert.equal(rows.length, 2, JSON.stringify(rows));
        assert.match(rows[0] ?? '', /^Bilal Hamdan \| Mayor of a small town$/);
        assert.match(rows[1] ?? '', new RegExp(`^طهران \\| .*${site.replace(/\./g, '\\.')}`));
        assert.deepEqual(library.errors, [], 'no errors in the library page');
        assert.deepEqual(page.errors, [], 'no errors on the page');
      } finally {
        await fresh.close();
      }
    },
  },
  {
    name: 'your dictionary: "Add as entity" on a selected name, by keyboard, highlights him at once in this tab and in another open tab (clitics, surname)',
    async run(ctx) {
      const page = await ctx.fixturePage(ADD_PAGE);
      const other = await ctx.browser.newPage(new URL(ADD_PAGE_2, ctx.baseUrl).href);
      try {
        await waitForPaint(page, ADD_PAGE);
        await waitForPaint(other, ADD_PAGE_2);
        await waitForPainted(page, 'hashiya-person', '', 'before: nobody known on the page');
        await waitForPainted(other, 'hashiya-person', '', 'before: nobody known in the other tab');
        await page.bringToFront();
        // Escape cancels: the form goes, the focus leaves it, nothing is saved.
        await openAddEntity(page, 'نزار قطيش');
        await page.press('Escape');
        const deadline = Date.now() + TIMEOUT_MS;
        while ((await page.uiHosts()).some((host) => queryUi(host, 'form[data-entity-form]').length > 0)) {
          if (Date.now() > deadline) throw new Error('the form is still open after Escape');
          await sleep(100);
        }
        assert.equal(
          await page.evaluate(() => document.activeElement?.hasAttribute('data-hashiya-ui') ?? false, null),
          false,
          'the focus left the toolbar',
        );
        await openAddEntity(page, 'نزار قطيش');
        // Beside the selection, never over it.
        const { ui, lines } = await page.evaluate(toolbarAndSelection, null);
        assert.ok(ui, 'the form is on screen');
        for (const line of lines)
          assert.ok(
            ui.right <= line.left || line.right <= ui.left || ui.bottom <= line.top || line.bottom <= ui.top,
            `the form ${JSON.stringify(ui)} leaves the selected line ${JSON.stringify(line)} visible`,
          );
        const form = join(tmpdir(), `hashiya-add-entity-${ctx.browser.name}.png`);
        await page.screenshot(form);
        ctx.log(`screenshot: ${form}`);
        // The focus is in the Arabic name (the selection's script); Tab goes on to the English one.
        await page.press('Tab');
        await page.type('Nizar Qutaish');
        const saved = Date.now();
        await page.press('Enter');
        const status = await toolbarNode(page, 'div[data-toolbar="saved"]', 'after Enter');
        assert.equal(uiText(status), 'Added to your entities: نزار قطيش');
        await waitForPainted(
          page,
          'hashiya-person',
          'نزار قطيش|قطيش|Nizar Qutaish',
          'this tab, after the save',
        );
        ctx.log(`Enter → painted in this tab within ${Date.now() - saved} ms (polling included)`);
        await waitForPainted(other, 'hashiya-person', 'نزار قطيش|قطيش', 'the other tab, after the save');
        const stored = (await ask(ctx, { type: 'list-reader-entries' })) as {
          value: { kind: string; type?: string; names?: { ar: string; en: string } }[];
        };
        assert.deepEqual(
          stored.value.filter((e) => e.names?.ar === 'نزار قطيش').map((e) => [e.kind, e.type, e.names?.en]),
          [['entity', 'person', 'Nizar Qutaish']],
        );
      } finally {
        await other.close();
      }
    },
  },
  ...cardTests,
];
