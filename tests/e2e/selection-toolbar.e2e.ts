// End-to-end tests of creating notes from the page, in each browser: the selection toolbar after a
// mouse selection (placed beside it, never over it) and after a keyboard selection, the context menu
// and keyboard commands, a selection outside the article, and the notes found painted in place
// after a reload.
//
// The toolbar lives in a closed shadow root: neither the page nor these tests can read into it with
// `el.shadowRoot`. They use it as a reader does: find it on screen (document.elementFromPoint lands
// on its host wherever the toolbar is drawn), click at its swatches, type into the field that has the
// focus, and check what it did through the background's store and the page's highlights. Its
// messages are read as the browsers' automation protocols see closed roots (TestPage.uiHosts,
// ui-tree.ts), and checked again through the page's answer to the same request.
//
// Real browser context menus and extension shortcuts cannot be clicked or pressed by these drivers
// (CDP and BiDi input reaches the page, not the browser's menus or its shortcut handler): for those
// the tests send the message the background's handlers send for them ('selection-note', the one
// COMMANDS entry the menu item and the command share in entrypoints/background.ts).
//
// Functions passed to evaluate / waitFor run in a page: they must not use anything from this module,
// nor declare named inner functions (see helpers.ts).

import assert from 'node:assert/strict';
import { mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXTRAS_FILE } from '../../components/extras/file.ts';
import type { TestPage } from './browsers.ts';
import type { E2eContext, E2eTest } from './harness.ts';
import {
  buildDirOf,
  errorsBesidesMissingFiles,
  launchOwn,
  PAINT_TIMEOUT_MS,
  sleep,
  tabIdOf,
  waitForPaint,
  withCopyOfBuild,
} from './helpers.ts';
import { closedUiText } from './ui-tree.ts';

const PAGE = 'selection-ar.html';
const PAGE_EN = 'seed-en.html';

interface RuntimeApi {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  tabs: { sendMessage(tabId: number, message: unknown): Promise<unknown> };
}
interface StoredNote {
  id: string;
  colour: string;
  note: string;
  tags: string[];
  quote: { exact: string };
}
interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

function screenshotDir(): string {
  const dir = process.env.HASHIYA_SCREENSHOTS ?? join(tmpdir(), 'hashiya-toolbar');
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** Runs `fn` in a short-lived extension page (as the background's handlers would act). */
async function fromExtension<R, A>(ctx: E2eContext, fn: (arg: A) => R | Promise<R>, arg: A): Promise<R> {
  const page = await ctx.browser.openExtensionPage('popup.html');
  try {
    return await page.evaluate(fn, arg);
  } finally {
    await page.close();
  }
}

async function listNotes(ctx: E2eContext, page: string): Promise<StoredNote[]> {
  const articleId = new URL(page, ctx.baseUrl).href;
  const reply = (await fromExtension(
    ctx,
    async (id) => {
      const scope = globalThis as { browser?: RuntimeApi; chrome?: RuntimeApi };
      const api = (scope.browser ?? scope.chrome) as RuntimeApi;
      return api.runtime.sendMessage({ type: 'list-notes', data: { articleId: id } });
    },
    articleId,
  )) as { ok: boolean; value: StoredNote[] };
  assert.ok(reply.ok, `list-notes: ${JSON.stringify(reply)}`);
  return reply.value;
}

async function waitForNote(ctx: E2eContext, page: string, exact: string, what: string): Promise<StoredNote> {
  const deadline = Date.now() + PAINT_TIMEOUT_MS;
  for (;;) {
    const notes = await listNotes(ctx, page);
    const found = notes.find((n) => spaced(n.quote.exact) === spaced(exact));
    if (found) return found;
    if (Date.now() > deadline)
      throw new Error(
        `${what}: no note quoting «${exact}»; stored: ${JSON.stringify(notes.map((n) => n.quote.exact))}`,
      );
    await sleep(250);
  }
}

/** Text with every run of white space (U+2029 between blocks too) as one space. */
function spaced(text: string): string {
  return text.replace(/[\s\u2029]+/g, ' ').trim();
}

/** Sends what the context menu's items and the keyboard commands send to the tab (background.ts). */
async function selectionCommand(ctx: E2eContext, page: TestPage, name: string, action: 'highlight' | 'note') {
  const tabId = await tabIdOf(ctx.browser, new URL(name, ctx.baseUrl).href);
  const reply = (await fromExtension(
    ctx,
    async (arg) => {
      const scope = globalThis as { browser?: RuntimeApi; chrome?: RuntimeApi };
      const api = (scope.browser ?? scope.chrome) as RuntimeApi;
      return api.tabs.sendMessage(arg.tabId, { type: 'selection-note', data: { action: arg.action } });
    },
    { tabId, action },
  )) as { ok: boolean; value?: string; error?: string };
  await page.bringToFront();
  return reply;
}

/** Runs in the page: the viewport points at the visual start of `from` and the visual end of `to`. */
function dragPoints(arg: {
  from: string;
  to: string;
  scope: string;
}): { x1: number; y1: number; x2: number; y2: number } | null {
  const root = document.querySelector(arg.scope);
  if (!root) return null;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const boxes: { node: Text; at: number; len: number }[] = [];
  let all = '';
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    boxes.push({ node: n as Text, at: all.length, len: (n as Text).data.length });
    all += (n as Text).data;
  }
  const start = all.indexOf(arg.from);
  const end = all.indexOf(arg.to, start) + arg.to.length;
  if (start < 0 || end < arg.to.length) return null;
  const first = boxes.find((b) => start >= b.at && start < b.at + b.len);
  const last = boxes.find((b) => end - 1 >= b.at && end - 1 < b.at + b.len);
  if (!first || !last) return null;
  (first.node.parentElement as Element).scrollIntoView({ block: 'center' });
  const r1 = document.createRange();
  r1.setStart(first.node, start - first.at);
  r1.setEnd(first.node, start - first.at + 1);
  const r2 = document.createRange();
  r2.setStart(last.node, end - 1 - last.at);
  r2.setEnd(last.node, end - last.at);
  const a = r1.getBoundingClientRect();
  const b = r2.getBoundingClientRect();
  const rtl = getComputedStyle(first.node.parentElement as Element).direction === 'rtl';
  // From just inside the first character's leading edge to just inside the last one's trailing edge.
  return rtl
    ? { x1: a.right - 1, y1: a.top + a.height / 2, x2: b.left + 1, y2: b.top + b.height / 2 }
    : { x1: a.left + 1, y1: a.top + a.height / 2, x2: b.right - 1, y2: b.top + b.height / 2 };
}

/** Selects from the visual start of `from` to the end of `to` with the mouse, as a reader drags. */
async function dragSelect(page: TestPage, from: string, to: string, scope = 'article'): Promise<string> {
  const points = await page.evaluate(dragPoints, { from, to, scope });
  assert.ok(points, `«${from}» … «${to}» on the page`);
  await page.mouseMove(points.x1, points.y1);
  await page.mouseDown();
  for (let i = 1; i <= 8; i++)
    await page.mouseMove(
      points.x1 + ((points.x2 - points.x1) * i) / 8,
      points.y1 + ((points.y2 - points.y1) * i) / 8,
    );
  await page.mouseUp();
  // Off the text, so no entity card opens under the pointer.
  await page.mouseMove(2, 2);
  return page.evaluate(() => getSelection()?.toString() ?? '', null);
}

/**
 * Runs in the page: the box on screen where the toolbar is drawn (elementFromPoint lands on its host
 * there), and the selection's line boxes.
 */
function findUi(): { ui: Box | null; lines: Box[] } {
  const selection = getSelection();
  const lines: Box[] =
    selection && selection.rangeCount > 0
      ? [...selection.getRangeAt(0).getClientRects()]
          .filter((r) => r.width > 0 && r.height > 0)
          .map((r) => ({ left: r.left, top: r.top, right: r.right, bottom: r.bottom }))
      : [];
  let ui: Box | null = null;
  for (let y = 0; y < innerHeight; y += 3)
    for (let x = 0; x < innerWidth; x += 3) {
      const hit = document.elementFromPoint(x, y);
      // The toolbar's host: ours, with a closed root (the entity card's is open).
      if (!hit?.hasAttribute('data-hashiya-ui') || hit.shadowRoot !== null) continue;
      ui = ui
        ? {
            left: Math.min(ui.left, x),
            top: Math.min(ui.top, y),
            right: Math.max(ui.right, x),
            bottom: Math.max(ui.bottom, y),
          }
        : { left: x, top: y, right: x, bottom: y };
    }
  return { ui, lines };
}

async function waitForUi(
  page: TestPage,
  what: string,
  wantShown = true,
): Promise<{ ui: Box | null; lines: Box[] }> {
  const deadline = Date.now() + 5_000;
  for (;;) {
    const seen = await page.evaluate(findUi, null);
    if ((seen.ui !== null) === wantShown) return seen;
    if (Date.now() > deadline)
      throw new Error(`${what}: the toolbar is ${wantShown ? 'not' : 'still'} on screen`);
    await sleep(150);
  }
}

function overlapsAny(box: Box, lines: readonly Box[]): boolean {
  return lines.some(
    (l) => box.left < l.right && l.left < box.right && box.top < l.bottom && l.top < box.bottom,
  );
}

/** The centre of the n-th colour swatch (0: yellow … 4: purple) of a toolbar with an English (LTR) UI. */
function swatchPoint(ui: Box, n: number): { x: number; y: number } {
  // selection-toolbar.css: 1px border, 8px padding, 24px swatches 4px apart, in a 24px+ row.
  return { x: ui.left + 1 + 8 + n * 28 + 12, y: (ui.top + ui.bottom) / 2 };
}

async function shot(ctx: E2eContext, page: TestPage, name: string): Promise<void> {
  const file = join(screenshotDir(), `${name}-${ctx.browser.name}.png`);
  await page.screenshot(file);
  ctx.log(`screenshot: ${file}`);
}

// What the tests below saved in each browser, to find again after a reload.
const savedIn = new Map<string, { quote: string; colour: string }[]>();
function savedBy(ctx: E2eContext): { quote: string; colour: string }[] {
  const list = savedIn.get(ctx.browser.name) ?? [];
  savedIn.set(ctx.browser.name, list);
  return list;
}

/** Waits until our closed shadow roots show text matching `wanted` (they render a moment after the request). */
async function waitForUiText(page: TestPage, wanted: RegExp, what: string): Promise<void> {
  const deadline = Date.now() + 3_000;
  for (;;) {
    const text = closedUiText(await page.uiHosts());
    if (wanted.test(text)) return;
    if (Date.now() > deadline) throw new Error(`${what}: wanted ${wanted} in the toolbar, it says "${text}"`);
    await sleep(100);
  }
}

export const selectionToolbarTests: readonly E2eTest[] = [
  {
    name: 'selection toolbar: a mouse selection across a link shows it above the selection, aligned to its start on an RTL page; a colour saves a highlight',
    async run(ctx) {
      const page = await ctx.fixturePage(PAGE);
      await waitForPaint(page, PAGE);
      // From before the link (a drag that starts on a link drags the link) to past it.
      const selected = await dragSelect(page, 'الوزراء', 'مصورة');
      assert.equal(selected.trim(), 'الوزراء إيدي راما في كلمة مصورة', 'the mouse selected across the link');
      const { ui, lines } = await waitForUi(page, 'after the mouse selection');
      assert.ok(ui);
      assert.ok(
        !overlapsAny(ui, lines),
        `the toolbar ${JSON.stringify(ui)} covers none of ${JSON.stringify(lines)}`,
      );
      const first = lines[0] as Box;
      assert.ok(ui.bottom <= first.top, `above the first line: ${ui.bottom} ≤ ${first.top}`);
      // Right-to-left page: the toolbar's right edge at the selection's start (±4 px of probing).
      assert.ok(Math.abs(ui.right - first.right) <= 4, `right edges ${ui.right} and ${first.right}`);
      await waitForUiText(page, /Add note/, 'the toolbar offers a note');
      await shot(ctx, page, 'toolbar-ar-page');
      const green = swatchPoint(ui, 1);
      await page.mouseClick(green.x, green.y);
      const note = await waitForNote(ctx, PAGE, 'الوزراء إيدي راما في كلمة مصورة', 'after clicking green');
      assert.equal(note.colour, 'green');
      assert.equal(note.note, '');
      savedBy(ctx).push({ quote: note.quote.exact, colour: 'green' });
      // Said only now that the background has answered (it answers after the commit).
      const said = closedUiText(await page.uiHosts());
      assert.match(said, /Highlight saved|^$/, `after the save the toolbar says: ${said}`);
      ctx.log(`after the save the toolbar says: ${said || '(closed already)'}`);
      // A click elsewhere dismisses it.
      await page.mouseClick(640, 20);
      await waitForUi(page, 'after a click elsewhere', false);
    },
  },
  {
    name: 'selection toolbar: a keyboard selection, then the note command: a note with a tag typed in the toolbar, saved; Escape closes',
    async run(ctx) {
      const page = await ctx.fixturePage(PAGE);
      // A caret before «فيما», then Shift+Ctrl+arrows extend it word by word, as a keyboard reader
      // selects. Chromium without caret browsing extends only a selection that is already a range:
      // there the word is double-clicked first and the keyboard extends it.
      const word = await page.evaluate(() => {
        const p = [...document.querySelectorAll('article p')].find((el) =>
          el.textContent?.includes('فيما نفت'),
        );
        const text = p?.firstChild as Text | undefined;
        if (!text) return null;
        p?.scrollIntoView({ block: 'center' });
        const at = text.data.indexOf('فيما');
        const range = document.createRange();
        range.setStart(text, at);
        range.setEnd(text, at + 1);
        const box = range.getBoundingClientRect();
        return { x: box.right - 0.5, y: box.top + box.height / 2 };
      }, null);
      assert.ok(word, 'the paragraph');
      await page.mouseClick(word.x, word.y);
      await page.press('Shift+Control+ArrowLeft');
      let how = 'from a caret';
      if ((await page.evaluate(() => getSelection()?.toString() ?? '', null)) === '') {
        how = 'from a double-clicked word';
        await page.mouseClick(word.x - 8, word.y, 2);
      }
      await page.mouseMove(2, 2);
      await page.press('Shift+Control+ArrowLeft');
      await page.press('Shift+Control+ArrowLeft');
      const selected = (await page.evaluate(() => getSelection()?.toString() ?? '', null)).trim();
      assert.ok(selected.split(/\s+/).length >= 2, `the keyboard selected words: «${selected}»`);
      ctx.log(`keyboard selection ${how}: «${selected}»`);
      // The toolbar appears once the keyboard selection settles, without taking the focus.
      const { ui, lines } = await waitForUi(page, 'after the keyboard selection');
      assert.ok(ui);
      await shot(ctx, page, 'toolbar-ar-keyboard');
      assert.ok(!overlapsAny(ui, lines), `beside the selection: ${JSON.stringify({ ui, lines })}`);
      const reply = await selectionCommand(ctx, page, PAGE, 'note');
      assert.deepEqual(reply, { ok: true, value: 'opened' });
      await sleep(200);
      await page.type('ملاحظة من لوحة المفاتيح');
      await page.press('Tab'); // to the tags
      await page.type('تجربة');
      await page.press('Enter'); // the tag
      // While the toolbar holds what was typed, the page's scripts find none of it.
      const leaked = await page.evaluate(
        (secrets) => {
          const places: string[] = [];
          const roots: (Document | ShadowRoot)[] = [document];
          for (let i = 0; i < roots.length; i++) {
            const root = roots[i] as Document | ShadowRoot;
            for (const el of root.querySelectorAll('*')) {
              if (el.shadowRoot) roots.push(el.shadowRoot);
              for (const attr of el.attributes)
                if (secrets.some((s) => attr.value.includes(s))) places.push(`${el.tagName}[${attr.name}]`);
            }
            const text = root instanceof Document ? root.documentElement.outerHTML : root.innerHTML;
            if (secrets.some((s) => text.includes(s))) places.push('markup');
          }
          return places;
        },
        ['ملاحظة من لوحة المفاتيح', 'تجربة'],
      );
      assert.deepEqual(leaked, [], 'nothing typed is readable by the page');
      await shot(ctx, page, 'toolbar-ar-note');
      await page.press('Enter'); // an empty tag field: Enter saves
      const note = await waitForNote(ctx, PAGE, selected, 'after Enter');
      assert.equal(note.note, 'ملاحظة من لوحة المفاتيح');
      assert.deepEqual(note.tags, ['تجربة']);
      savedBy(ctx).push({ quote: note.quote.exact, colour: note.colour });
      // Escape closes a toolbar opened again on a new selection.
      await dragSelect(page, 'ويرى', 'محللون');
      await waitForUi(page, 'on a new selection');
      await page.press('Escape');
      await waitForUi(page, 'after Escape', false);
    },
  },
  {
    name: 'selection toolbar: the context menu’s "Highlight" on a quote across two paragraphs saves it at once; "Add note…" opens the note field',
    async run(ctx) {
      const page = await ctx.fixturePage(PAGE);
      const quote = await page.evaluate(() => {
        const ps = [...document.querySelectorAll('article p')];
        const a = ps[1]?.lastChild as Text;
        const b = ps[2]?.firstChild as Text;
        const range = document.createRange();
        range.setStart(a, a.data.indexOf('والاتحاد'));
        range.setEnd(b, 'ورحبت الولايات'.length);
        getSelection()?.removeAllRanges();
        getSelection()?.addRange(range);
        return range.toString();
      }, null);
      const reply = await selectionCommand(ctx, page, PAGE, 'highlight');
      assert.deepEqual(reply, { ok: true, value: 'opened' });
      const note = await waitForNote(ctx, PAGE, quote, 'after "Highlight"');
      await sleep(300); // the page clears the selection once the background has answered
      assert.equal(note.colour, 'yellow');
      savedBy(ctx).push({ quote: note.quote.exact, colour: 'yellow' });
      const opened = await selectionCommand(ctx, page, PAGE, 'note');
      assert.equal(opened.value, 'none', 'the saved highlight took the selection away: nothing to add to');
      await waitForUiText(
        page,
        /Select a passage of the article first/,
        'the note command with nothing selected',
      );
      await page.press('Escape');
    },
  },
  {
    name: 'selection toolbar: a selection outside the article says "Notes can be added to the article text"',
    async run(ctx) {
      const page = await ctx.fixturePage(PAGE);
      const selected = await dragSelect(page, 'جميع', 'محفوظة', 'footer');
      assert.ok(selected.includes('الحقوق'), `selected in the footer: «${selected}»`);
      const { ui } = await waitForUi(page, 'after selecting the footer');
      assert.ok(ui);
      await waitForUiText(page, /Notes can be added to the article text/, 'a selection outside the article');
      await shot(ctx, page, 'toolbar-outside');
      const reply = await selectionCommand(ctx, page, PAGE, 'note');
      assert.deepEqual(reply, { ok: true, value: 'outside' });
      await page.press('Escape');
    },
  },
  {
    name: 'selection toolbar: after a reload every note made from the page is painted in place',
    async run(ctx) {
      const saved = savedBy(ctx);
      assert.ok(saved.length >= 3, `the notes of the tests before: ${saved.length}`);
      const page = await ctx.fixturePage(PAGE);
      await page.goto(new URL(PAGE, ctx.baseUrl).href);
      await waitForPaint(page, PAGE);
      const want = saved.map((s) => `hashiya-note-${s.colour}:${spaced(s.quote)}`).sort();
      try {
        await page.waitFor(
          (expected) => {
            const seen: string[] = [];
            for (const [name, highlight] of CSS.highlights) {
              if (!name.startsWith('hashiya-note-')) continue;
              for (const r of highlight) {
                const range = document.createRange();
                range.setStart(r.startContainer, r.startOffset);
                range.setEnd(r.endContainer, r.endOffset);
                seen.push(
                  `${name}:${range
                    .toString()
                    .replace(/[\s\u2029]+/g, ' ')
                    .trim()}`,
                );
              }
            }
            return seen.sort().join('|') === expected.join('|');
          },
          want,
          PAINT_TIMEOUT_MS,
        );
      } catch {
        throw new Error(`wanted ${JSON.stringify(want)} painted after the reload`);
      }
    },
  },
  {
    name: 'selection toolbar: on a left-to-right page it lines up with the selection’s left edge (screenshot); Escape closes it',
    async run(ctx) {
      const page = await ctx.fixturePage(PAGE_EN);
      await waitForPaint(page, PAGE_EN);
      await dragSelect(page, 'Prime Minister', 'Rama');
      const { ui, lines } = await waitForUi(page, 'after the mouse selection');
      assert.ok(ui);
      const first = lines[0] as Box;
      await shot(ctx, page, 'toolbar-en-page');
      assert.ok(!overlapsAny(ui, lines), `beside the selection: ${JSON.stringify({ ui, lines })}`);
      assert.ok(Math.abs(ui.left - first.left) <= 4, `left edges ${ui.left} and ${first.left}`);
      await page.press('Escape');
      await waitForUi(page, 'after Escape', false);
    },
  },
];

/** The toolbar in dark mode, for a person to look at: a fresh browser whose pages prefer dark. */
export const selectionToolbarDarkTests: readonly E2eTest[] = [
  {
    name: 'selection toolbar: when the in-page extras file cannot be loaded (the extension changed under the page), the reader is told to reload (screenshot)',
    async run(ctx) {
      await withCopyOfBuild(ctx, async (changed, copy) => {
        const page = await changed.newPage(new URL(PAGE_EN, ctx.baseUrl).href);
        await waitForPaint(page, PAGE_EN);
        rmSync(join(copy, EXTRAS_FILE));
        await dragSelect(page, 'Prime Minister', 'Rama');
        await waitForUiText(page, /could not be reached.*Reload the page/, 'the extras file gone');
        const { ui, lines } = await waitForUi(page, 'the message');
        assert.ok(
          ui && !overlapsAny(ui, lines),
          'the message beside the selection, where the toolbar would be',
        );
        await shot(ctx, page, 'toolbar-unavailable');
        assert.deepEqual(errorsBesidesMissingFiles(page), [], 'no error on the page');
      });
    },
  },
  {
    name: 'selection toolbar: dark mode (screenshot)',
    async run(ctx) {
      const dark = await launchOwn(ctx, buildDirOf(ctx), { colorScheme: 'dark' });
      try {
        const page = await dark.newPage(new URL('dark.html', ctx.baseUrl).href);
        await waitForPaint(page, 'dark.html');
        const found = await page.evaluate(() => {
          const text = document.querySelector('article p')?.firstChild as Text | undefined;
          if (!text) return false;
          const range = document.createRange();
          range.setStart(text, 0);
          range.setEnd(text, Math.min(40, text.data.length));
          getSelection()?.removeAllRanges();
          getSelection()?.addRange(range);
          return true;
        }, null);
        assert.ok(found, 'a paragraph to select');
        const { ui, lines } = await waitForUi(page, 'dark page');
        assert.ok(ui && !overlapsAny(ui, lines), 'the toolbar beside the selection');
        await shot(ctx, page, 'toolbar-dark');
      } finally {
        await dark.close();
      }
    },
  },
];
