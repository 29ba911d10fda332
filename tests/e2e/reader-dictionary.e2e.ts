// End-to-end tests of what the reader teaches the dictionary, in each browser: the options page's
// "Your dictionary" section adds an entity through the background (which stores it in the notes
// database, schema v2), lists it after a reload, edits it, and deletes it with Undo.
//
// Functions passed to evaluate / waitFor run in a page: they must not use anything from this module,
// nor declare named inner functions (see helpers.ts).

import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestPage } from './browsers.ts';
import type { E2eTest } from './harness.ts';

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

export const readerDictionaryTests: readonly E2eTest[] = [
  {
    name: 'your dictionary (options): add an entity, find it after a reload, edit it, delete it and undo',
    async run(ctx) {
      const options = await ctx.browser.openExtensionPage('options.html#yours');
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

        await options.goto(await options.evaluate(() => location.href, null));
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
        await options.goto(await options.evaluate(() => location.href, null));
        await waitForList(options, ['Bilal Hamdan | Mayor of a small town'], 'after undo and a reload');
        // The search folds like the matcher: a spelling without hamza finds it.
        await options.click('[data-reader-search]');
        await options.type('ابو بلال');
        await waitForList(options, ['Bilal Hamdan | Mayor of a small town'], 'searching a spelling');
        await options.type('x');
        await waitForList(options, [], 'searching something else');
      } finally {
        await options.close();
      }
    },
  },
];
