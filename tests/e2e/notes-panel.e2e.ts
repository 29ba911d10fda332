// End-to-end tests of the side panel's Notes view and the popup's note count, in each browser: notes
// saved elsewhere appear live, in the page's reading order, with the one whose passage is gone under
// "not found on this page"; an edit in place is saved through the background and repaints the page;
// a delete disappears with an Undo that brings it back; a click scrolls the page to the passage and
// flashes it; a library link (#hashiya-note=<id>) does the same on arrival, and says so plainly
// when the note is an orphan.
//
// Functions passed to evaluate / waitFor run in a page: see the note in helpers.ts.

import assert from 'node:assert/strict';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestBrowser, TestPage } from './browsers.ts';
import type { E2eContext, E2eTest } from './harness.ts';
import { PAINT_TIMEOUT_MS, POPUP_TIMEOUT_MS, tabIdOf, waitForPaint } from './helpers.ts';
import { axeViolations } from './views.e2e.ts';
import { SIDE_PANEL_VIEWPORT } from './views.ts';

export const PANEL_PAGE = 'notes-panel.html';

interface RuntimeApi {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
}

/** The article's notes, saved in an order unlike the reading order; ids fixed so a save is idempotent. */
const NOTES = {
  last: {
    id: '0b7c1e2a-3d4f-4a5b-8c6d-7e8f9a0b1c2d',
    exact: 'المرة الأولى التي تقطع فيها دولة علاقاتها',
    note: 'سابقة: أول قطيعة بسبب هجوم إلكتروني',
    tags: ['سابقة'],
    colour: 'purple',
  },
  gone: {
    id: '1c8d2f3b-4e5a-4b6c-9d7e-8f9a0b1c2d3e',
    exact: 'جملة حذفها الموقع من المقال بعد نشره',
    note: 'ملاحظة على فقرة حذفت',
    tags: [],
    colour: 'green',
  },
  first: {
    id: '2d9e3a4c-5f6b-4c7d-8e8f-9a0b1c2d3e4f',
    exact: 'قطع العلاقات الدبلوماسية مع إيران',
    note: 'القرار نفسه',
    tags: ['دبلوماسية', 'إيران'],
    colour: 'yellow',
  },
  middle: {
    id: '3e0f4b5d-6a7c-4d8e-9f0a-0b1c2d3e4f5a',
    exact: 'وصل وفد من خبراء الأمن السيبراني إلى تيرانا',
    note: 'Who sent the experts?',
    tags: ['cyber'],
    colour: 'blue',
  },
} as const;
const READING_ORDER = [NOTES.first.id, NOTES.middle.id, NOTES.last.id];

/** Sends notes messages to the background from an extension page; throws on an error reply. */
async function ask(page: TestPage, messages: { type: string; data?: unknown }[]): Promise<unknown[]> {
  const replies = (await page.evaluate(async (list) => {
    const scope = globalThis as { browser?: RuntimeApi; chrome?: RuntimeApi };
    const api = (scope.browser ?? scope.chrome) as RuntimeApi;
    const out: unknown[] = [];
    for (const m of list) out.push(await api.runtime.sendMessage(m));
    return out;
  }, messages)) as { ok: boolean; value?: unknown; error?: string }[];
  for (const reply of replies) assert.ok(reply.ok, `background: ${JSON.stringify(reply)}`);
  return replies.map((r) => r.value);
}

/** Saves the article's four notes (again: same ids, so nothing doubles), through the background. */
export async function seedPanelNotes(via: TestPage, baseUrl: string): Promise<void> {
  const url = new URL(PANEL_PAGE, baseUrl).href;
  const article = {
    id: url,
    url,
    title: 'ألبانيا تقطع علاقاتها مع إيران',
    site: '127.0.0.1',
    byline: '',
    lang: 'ar',
    excerpt: '',
  };
  await ask(
    via,
    [NOTES.last, NOTES.gone, NOTES.first, NOTES.middle].map((n) => ({
      type: 'save-note',
      data: {
        article,
        note: {
          id: n.id,
          quote: { type: 'TextQuoteSelector', exact: n.exact, prefix: '', suffix: '' },
          // Not where the text model has it: the exact quote is found instead.
          position: { type: 'TextPositionSelector', start: 1, end: 1 + n.exact.length },
          colour: n.colour,
          note: n.note,
          tags: [...n.tags],
          entityIds: [],
        },
      },
    })),
  );
}

/** Opens the side panel for the tab showing the fixture, in its own window (the page stays visible), on its Notes view. */
export async function openNotesView(browser: TestBrowser, baseUrl: string): Promise<TestPage> {
  const tabId = await tabIdOf(browser, new URL(PANEL_PAGE, baseUrl).href);
  const panel = await browser.openExtensionPage(`sidepanel.html?tab=${tabId}`, { window: true });
  await panel.setViewport(SIDE_PANEL_VIEWPORT.width, SIDE_PANEL_VIEWPORT.height);
  await panel.waitForSelector('[data-section="notes"]', POPUP_TIMEOUT_MS);
  await panel.click('[data-section="notes"]');
  await panel.waitForSelector('[data-notes-view="notes"]', POPUP_TIMEOUT_MS);
  return panel;
}

/** Runs in the side panel: the ids listed under `which`, top to bottom. */
function listed(which: string): string[] {
  return [...document.querySelectorAll(`[data-notes="${which}"] > [data-note-id]`)].map(
    (el) => el.getAttribute('data-note-id') ?? '',
  );
}

async function waitForList(
  panel: TestPage,
  which: string,
  ids: readonly string[],
  what: string,
): Promise<void> {
  try {
    await panel.waitFor(
      ({ which, want }) =>
        [...document.querySelectorAll(`[data-notes="${which}"] > [data-note-id]`)]
          .map((el) => el.getAttribute('data-note-id'))
          .join() === want,
      { which, want: ids.join() },
      POPUP_TIMEOUT_MS,
    );
  } catch {
    const seen = await panel.evaluate(listed, which);
    throw new Error(
      `${what}: wanted ${which} ${JSON.stringify(ids)}, the panel lists ${JSON.stringify(seen)}`,
    );
  }
}

/** Runs in the page: the flashed passage, and whether it is inside the window. */
function flashed(): { text: string; inView: boolean; scrollY: number } | null {
  const highlight = CSS.highlights.get('hashiya-focus');
  const first = highlight ? [...highlight][0] : undefined;
  if (!first) return null;
  const range = document.createRange();
  range.setStart(first.startContainer, first.startOffset);
  range.setEnd(first.endContainer, first.endOffset);
  const box = range.getBoundingClientRect();
  return { text: range.toString(), inView: box.top >= 0 && box.bottom <= innerHeight, scrollY: scrollY };
}

async function waitForFlash(page: TestPage, exact: string, what: string): Promise<void> {
  try {
    await page.waitFor(
      (want) => {
        const highlight = CSS.highlights.get('hashiya-focus');
        const first = highlight ? [...highlight][0] : undefined;
        if (!first) return false;
        const range = document.createRange();
        range.setStart(first.startContainer, first.startOffset);
        range.setEnd(first.endContainer, first.endOffset);
        const box = range.getBoundingClientRect();
        return range.toString() === want && box.top >= 0 && box.bottom <= innerHeight;
      },
      exact,
      PAINT_TIMEOUT_MS,
    );
  } catch {
    throw new Error(
      `${what}: wanted "${exact}" flashed in view, saw ${JSON.stringify(await page.evaluate(flashed, null))}`,
    );
  }
}

/** Runs in the page: the texts painted under a note colour's highlight. */
function painted(name: string): string[] {
  return [...(CSS.highlights.get(name) ?? [])].map((r) => {
    const range = document.createRange();
    range.setStart(r.startContainer, r.startOffset);
    range.setEnd(r.endContainer, r.endOffset);
    return range.toString();
  });
}

function screenshotPath(ctx: E2eContext, name: string): string {
  return join(process.env.HASHIYA_SCREENSHOTS ?? tmpdir(), `${ctx.browser.name}-${name}.png`);
}

export const notesPanelTests: readonly E2eTest[] = [
  {
    name: 'notes panel: notes saved elsewhere appear live in reading order, the orphan under “not found on this page”; the popup counts them',
    async run(ctx) {
      const page = await ctx.fixturePage(PANEL_PAGE);
      await waitForPaint(page, PANEL_PAGE);
      const panel = await openNotesView(ctx.browser, ctx.baseUrl);
      try {
        await panel.waitForSelector('[data-notes-empty]', POPUP_TIMEOUT_MS);
        await seedPanelNotes(panel, ctx.baseUrl);
        await waitForList(panel, 'placed', READING_ORDER, 'after the saves (notes-changed)');
        await waitForList(panel, 'orphans', [NOTES.gone.id], 'the orphan');
        const orphan = await panel.evaluate(() => {
          const section = document.querySelector('[data-notes="orphans"]')?.closest('section');
          return {
            heading: section?.querySelector('h3')?.textContent ?? '',
            quote: section?.querySelector('.note-quote')?.textContent ?? '',
            clickable: section?.querySelector('[data-action="reveal-note"]') !== null,
          };
        }, null);
        assert.equal(orphan.heading, 'Not found on this page');
        assert.equal(orphan.quote, NOTES.gone.exact, 'the orphan is shown with its quote');
        assert.equal(orphan.clickable, false, 'an orphan offers no way to a passage that is gone');
        const first = await panel.evaluate((id) => {
          const item = document.querySelector(`[data-note-id="${id}"]`);
          return {
            note: item?.querySelector('.note-text')?.textContent,
            noteDir: item?.querySelector('.note-text')?.getAttribute('dir'),
            tags: [...(item?.querySelectorAll('.note-tags li') ?? [])].map((li) => li.textContent),
            colour: item?.querySelector('.note-swatch')?.getAttribute('aria-label'),
          };
        }, NOTES.first.id);
        assert.deepEqual(first, {
          note: NOTES.first.note,
          noteDir: 'auto',
          tags: [...NOTES.first.tags],
          colour: 'Yellow',
        });
        assert.deepEqual(await axeViolations(panel), [], 'axe-core: no serious or critical violation');
        await panel.click(`[data-note-id="${NOTES.first.id}"] [data-action="edit-note"]`);
        await panel.waitForSelector('[data-note-editor]', POPUP_TIMEOUT_MS);
        assert.deepEqual(await axeViolations(panel), [], 'axe-core, with the editor open');
        await panel.click('[data-action="cancel-edit"]');
        await panel.screenshot(screenshotPath(ctx, 'notes-view'));
        ctx.log(`screenshot: ${screenshotPath(ctx, 'notes-view')}`);
        assert.deepEqual(panel.errors, [], 'no errors in the side panel');
      } finally {
        await panel.close();
      }
      const tabId = await tabIdOf(ctx.browser, new URL(PANEL_PAGE, ctx.baseUrl).href);
      const popup = await ctx.browser.openExtensionPage(`popup.html?tab=${tabId}`);
      try {
        await popup.waitForSelector('[data-notes-count="4"]', POPUP_TIMEOUT_MS);
        const line = await popup.evaluate(
          () => document.querySelector('[data-notes-count]')?.textContent ?? '',
          null,
        );
        assert.equal(line, '4 notes · Select text in the article to add a note.');
      } finally {
        await popup.close();
      }
    },
  },
  {
    name: 'notes panel: a click on a note scrolls the page to its passage and flashes it',
    async run(ctx) {
      const page = await ctx.fixturePage(PANEL_PAGE);
      await page.evaluate(() => window.scrollTo(0, 0), null);
      const panel = await openNotesView(ctx.browser, ctx.baseUrl);
      try {
        await waitForList(panel, 'placed', READING_ORDER, 'before the click');
        const before = await page.evaluate(flashed, null);
        assert.equal(before, null, 'nothing flashed before the click');
        await panel.click(`[data-note-id="${NOTES.last.id}"] [data-action="reveal-note"]`);
        await waitForFlash(page, NOTES.last.exact, 'after the click');
        const after = await page.evaluate(flashed, null);
        assert.ok(
          (after?.scrollY ?? 0) > 500,
          `the page scrolled down to the passage: ${JSON.stringify(after)}`,
        );
        // The flash is brief; the note keeps its own colour.
        await page.waitFor(() => !CSS.highlights.has('hashiya-focus'), null, PAINT_TIMEOUT_MS);
        assert.deepEqual(await page.evaluate(painted, 'hashiya-note-purple'), [NOTES.last.exact]);
      } finally {
        await panel.close();
      }
    },
  },
  {
    name: 'notes panel: an edit in place (tags completed from the reader’s own) is saved through the background, repaints the page and stays after reopening',
    async run(ctx) {
      const page = await ctx.fixturePage(PANEL_PAGE);
      let panel = await openNotesView(ctx.browser, ctx.baseUrl);
      const item = `[data-note-id="${NOTES.first.id}"]`;
      try {
        await waitForList(panel, 'placed', READING_ORDER, 'before the edit');
        await panel.click(`${item} [data-action="edit-note"]`);
        await panel.waitForSelector(`${item} [data-note-editor]`, POPUP_TIMEOUT_MS);
        await panel.evaluate(
          ({ item, note }) => {
            const field = document.querySelector(`${item} textarea`) as HTMLTextAreaElement;
            field.value = note;
            field.dispatchEvent(new Event('input', { bubbles: true }));
            (document.querySelector(`${item} input[value="pink"]`) as HTMLInputElement).click();
          },
          { item, note: 'قرار تاريخي <b>حقا</b>' },
        );
        // The tags as in the selection toolbar: a chip taken off (دبلوماسية), one completed from the
        // reader's tags on another note (↓, Enter), one left half-typed (saving adds it).
        await panel.click(`${item} .tag .remove-tag`);
        await panel.click(`${item} input[name="tags"]`);
        await panel.type('ساب');
        await panel.waitForSelector(`${item} [role="option"]`, POPUP_TIMEOUT_MS);
        const offered = await panel.evaluate(
          (item) => [...document.querySelectorAll(`${item} [role="option"]`)].map((o) => o.textContent),
          item,
        );
        assert.deepEqual(offered, ['سابقة'], 'the reader’s tag on another note is suggested');
        await panel.screenshot(screenshotPath(ctx, 'notes-view-tags'));
        ctx.log(`screenshot: ${screenshotPath(ctx, 'notes-view-tags')}`);
        await panel.press('ArrowDown');
        await panel.press('Enter');
        await panel.type('تاريخ');
        const chips = await panel.evaluate(
          (item) => [...document.querySelectorAll(`${item} .tag bdi`)].map((b) => b.textContent),
          item,
        );
        assert.deepEqual(chips, ['إيران', 'سابقة'], 'the suggestion became a tag; the first one is gone');
        await panel.click(`${item} [data-action="save-note"]`);
        await panel.waitFor(
          (item) => document.querySelector(`${item} .note-text`)?.textContent === 'قرار تاريخي <b>حقا</b>',
          item,
          POPUP_TIMEOUT_MS,
        );
        const [stored] = (await ask(panel, [
          { type: 'list-notes', data: { articleId: new URL(PANEL_PAGE, ctx.baseUrl).href } },
        ])) as { id: string; note: string; tags: string[]; colour: string }[][];
        const edited = stored?.find((n) => n.id === NOTES.first.id);
        assert.deepEqual(
          { note: edited?.note, tags: edited?.tags, colour: edited?.colour },
          { note: 'قرار تاريخي <b>حقا</b>', tags: ['إيران', 'سابقة', 'تاريخ'], colour: 'pink' },
          'the background stored the edit',
        );
        await page.waitFor(
          (want) =>
            [...(CSS.highlights.get('hashiya-note-pink') ?? [])].some((r) => {
              const range = document.createRange();
              range.setStart(r.startContainer, r.startOffset);
              range.setEnd(r.endContainer, r.endOffset);
              return range.toString() === want;
            }),
          NOTES.first.exact,
          PAINT_TIMEOUT_MS,
        );
        assert.equal(
          await panel.evaluate((item) => document.querySelector(`${item} b`), item),
          null,
          'the note is shown as text, never as HTML',
        );
        await panel.close();
        panel = await openNotesView(ctx.browser, ctx.baseUrl);
        await waitForList(panel, 'placed', READING_ORDER, 'after reopening');
        const reopened = await panel.evaluate(
          (item) => ({
            note: document.querySelector(`${item} .note-text`)?.textContent,
            colour: document.querySelector(`${item}`)?.getAttribute('data-colour'),
          }),
          item,
        );
        assert.deepEqual(reopened, { note: 'قرار تاريخي <b>حقا</b>', colour: 'pink' });
      } finally {
        await panel.close();
      }
    },
  },
  {
    name: 'notes panel: a delete takes the note off the list and the page; Undo puts it back in its place',
    async run(ctx) {
      const page = await ctx.fixturePage(PANEL_PAGE);
      const panel = await openNotesView(ctx.browser, ctx.baseUrl);
      try {
        await waitForList(panel, 'placed', READING_ORDER, 'before the delete');
        await panel.click(`[data-note-id="${NOTES.middle.id}"] [data-action="delete-note"]`);
        await waitForList(panel, 'placed', [NOTES.first.id, NOTES.last.id], 'after the delete');
        await page.waitFor(() => !CSS.highlights.has('hashiya-note-blue'), null, PAINT_TIMEOUT_MS);
        await panel.waitForSelector('[data-action="undo-delete"]', POPUP_TIMEOUT_MS);
        const focused = await panel.evaluate(() => document.activeElement?.getAttribute('data-action'), null);
        assert.equal(focused, 'undo-delete', 'the focus moves to Undo, not lost with the deleted note');
        await panel.click('[data-action="undo-delete"]');
        await waitForList(panel, 'placed', READING_ORDER, 'after Undo');
        await page.waitFor(() => CSS.highlights.has('hashiya-note-blue'), null, PAINT_TIMEOUT_MS);
        assert.equal(
          await panel.evaluate(() => document.querySelector('[data-action="undo-delete"]'), null),
          null,
          'Undo is gone once used',
        );
      } finally {
        await panel.close();
      }
    },
  },
  {
    name: 'notes panel: a library link (#hashiya-note=<id>) opens the article scrolled to the note, flashed; an orphan’s link says it is not on the page',
    async run(ctx) {
      const library = await ctx.browser.openExtensionPage('library.html');
      let href: string | null | undefined;
      try {
        await library.waitFor(
          (id) => document.querySelector(`a[href$="#hashiya-note=${id}"]`) !== null,
          NOTES.last.id,
          POPUP_TIMEOUT_MS,
        );
        href = await library.evaluate(
          (id) => document.querySelector(`a[href$="#hashiya-note=${id}"]`)?.getAttribute('href'),
          NOTES.last.id,
        );
      } finally {
        await library.close();
      }
      assert.equal(href, `${new URL(PANEL_PAGE, ctx.baseUrl).href}#hashiya-note=${NOTES.last.id}`);
      const page = await ctx.browser.newPage(href);
      try {
        await waitForFlash(page, NOTES.last.exact, 'on arrival from the library');
        const at = await page.evaluate(flashed, null);
        assert.ok((at?.scrollY ?? 0) > 500, `scrolled down to the note: ${JSON.stringify(at)}`);
        // Another note's link in the same tab: only the fragment changes.
        await page.evaluate((id) => {
          location.hash = `hashiya-note=${id}`;
        }, NOTES.gone.id);
        await page.waitFor(
          () => document.querySelector('[data-hashiya-notice]')?.shadowRoot?.querySelector('.notice') != null,
          null,
          PAINT_TIMEOUT_MS,
        );
        const notice = await page.evaluate(
          () => document.querySelector('[data-hashiya-notice]')?.shadowRoot?.textContent ?? '',
          null,
        );
        assert.ok(
          notice.includes('This note’s passage is no longer on the page.'),
          `the notice says: ${notice}`,
        );
        assert.ok(
          !notice.includes(NOTES.gone.note) && !notice.includes(NOTES.gone.exact),
          'and nothing of the note',
        );
        assert.deepEqual(page.errors, [], 'no errors on the page');
      } finally {
        await page.close();
      }
    },
  },
];

/** For the Arabic-interface Chromium: the Notes view in Arabic (headings, direction), for a person to look at too. */
export const notesPanelTestsArabic: readonly E2eTest[] = [
  {
    name: 'notes panel (Arabic interface): the Notes view lists the notes right to left, the orphan under «غير موجودة في هذه الصفحة»',
    async run(ctx) {
      const page = await ctx.fixturePage(PANEL_PAGE);
      await waitForPaint(page, PANEL_PAGE);
      const seeder = await ctx.browser.openExtensionPage('popup.html');
      await seedPanelNotes(seeder, ctx.baseUrl).finally(() => seeder.close());
      const panel = await openNotesView(ctx.browser, ctx.baseUrl);
      try {
        await waitForList(panel, 'placed', READING_ORDER, 'in Arabic');
        const seen = await panel.evaluate(
          () => ({
            dir: getComputedStyle(document.querySelector('[data-notes-view]') as Element).direction,
            heading: document.querySelector('.notes-orphans h3')?.textContent,
            tab: document.querySelector('[data-section="notes"]')?.textContent,
          }),
          null,
        );
        assert.deepEqual(seen, { dir: 'rtl', heading: 'غير موجودة في هذه الصفحة', tab: 'الملاحظات' });
        await panel.screenshot(screenshotPath(ctx, 'notes-view-ar'));
        ctx.log(`screenshot: ${screenshotPath(ctx, 'notes-view-ar')}`);
      } finally {
        await panel.close();
      }
    },
  },
];
