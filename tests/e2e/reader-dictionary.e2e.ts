// End-to-end tests of what the reader teaches the dictionary, in each browser: the options page's
// "Your dictionary" section adds an entity through the background (which stores it in the notes
// database, schema v2), lists it after a reload, edits it, and deletes it with Undo.
//
// Functions passed to evaluate / waitFor run in a page: they must not use anything from this module,
// nor declare named inner functions (see helpers.ts).

import assert from 'node:assert/strict';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestPage } from './browsers.ts';
import type { E2eContext, E2eTest } from './harness.ts';
import { waitForPaint } from './helpers.ts';

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
async function ask(ctx: E2eContext, message: { type: string; data?: unknown }): Promise<unknown> {
  const page = await ctx.browser.openExtensionPage('popup.html');
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
];
