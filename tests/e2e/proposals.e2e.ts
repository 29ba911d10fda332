// End-to-end tests of "Possible entities" (issue 13), in each browser: the side panel looks for names
// no dictionary knows in the page's article text, in its own idle time, and lists them with their
// counts and suggested types; Add saves a reader entity and the page highlights it at once; Dismiss takes a name away for
// good (still gone after the page and the panel are reloaded). Also that the panel, not the page,
// does the idle work on the long article, in slices.
//
// Functions passed to evaluate / waitFor run in a page: they must not use anything from this module,
// nor declare named inner functions (see helpers.ts).

import assert from 'node:assert/strict';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestBrowser, TestPage } from './browsers.ts';
import type { E2eContext, E2eTest } from './harness.ts';
import { POPUP_TIMEOUT_MS, tabIdOf, waitForPaint } from './helpers.ts';
import { axeViolations } from './views.e2e.ts';
import { elementBox, SIDE_PANEL_VIEWPORT } from './views.ts';

export const PROPOSALS_PAGE = 'proposals-article.html';
const TIMEOUT_MS = 10_000;
const MINISTER = 'سليم برهوم';
const TOWN = 'الريحان';

/** Runs in the side panel: each proposal as "form | count text | suggested type". */
function listedProposals(): string[] {
  return [...document.querySelectorAll('[data-proposal]')].map(
    (row) =>
      `${row.getAttribute('data-proposal')} | ${row.querySelector('.proposal-count')?.textContent ?? ''} | ${row.querySelector('select')?.value ?? ''}`,
  );
}

/** Opens the side panel for the tab showing `fixture` (in a window of its own), its proposals open. */
export async function openProposals(
  browser: TestBrowser,
  baseUrl: string,
  fixture = PROPOSALS_PAGE,
): Promise<TestPage> {
  const tabId = await tabIdOf(browser, new URL(fixture, baseUrl).href);
  const panel = await browser.openExtensionPage(`sidepanel.html?tab=${tabId}`, { window: true });
  await panel.setViewport(SIDE_PANEL_VIEWPORT.width, SIDE_PANEL_VIEWPORT.height);
  await panel.waitForSelector('[data-proposals="ready"]', TIMEOUT_MS);
  await panel.evaluate(() => {
    const details = document.querySelector<HTMLDetailsElement>('details[data-proposals]');
    if (details && !details.open) details.querySelector('summary')?.click();
  }, null);
  await panel.waitForSelector('details[data-proposals][open]', POPUP_TIMEOUT_MS);
  return panel;
}

/** A picture of the proposals section, saved for a person to look at. */
export async function proposalsShot(panel: TestPage, path: string): Promise<void> {
  const box = await panel.evaluate(elementBox, 'details[data-proposals]');
  if (!box) throw new Error('no proposals section to photograph');
  await panel.screenshotClip(
    { x: 0, y: Math.max(0, box.y - 8), width: SIDE_PANEL_VIEWPORT.width, height: box.height + 16 },
    path,
  );
}

async function waitForRows(
  panel: TestPage,
  test: (rows: string[]) => boolean,
  what: string,
): Promise<string[]> {
  const started = Date.now();
  for (;;) {
    const rows = await panel.evaluate(listedProposals, null);
    if (test(rows)) return rows;
    if (Date.now() - started > TIMEOUT_MS)
      throw new Error(`${what}: the panel lists ${JSON.stringify(rows)}`);
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}

/** Runs in the page: the texts of one highlight's ranges, in page order, joined by |. */
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

/** Sends messages to the background from an extension page; returns the values (throws on an error). */
async function ask(page: TestPage, messages: { type: string; data?: unknown }[]): Promise<unknown[]> {
  const replies = (await page.evaluate(async (list) => {
    type Api = { runtime: { sendMessage(message: unknown): Promise<unknown> } };
    const scope = globalThis as { browser?: Api; chrome?: Api };
    const api = (scope.browser ?? scope.chrome) as Api;
    const out: unknown[] = [];
    for (const m of list) out.push(await api.runtime.sendMessage(m));
    return out;
  }, messages)) as { ok: boolean; value?: unknown; error?: string }[];
  for (const reply of replies) assert.ok(reply.ok, `background: ${JSON.stringify(reply)}`);
  return replies.map((r) => r.value);
}

/** Deletes what the reader's dictionary holds (the tests that follow expect it empty). */
async function clearReaderDictionary(via: TestPage): Promise<void> {
  const [entries] = (await ask(via, [{ type: 'list-reader-entries' }])) as { id: string }[][];
  await ask(
    via,
    (entries ?? []).map((e) => ({ type: 'delete-reader-entry', data: { id: e.id } })),
  );
}

export const proposalTests: readonly E2eTest[] = [
  {
    name: 'possible entities: the side panel lists an unknown name with its count; Add highlights it, Dismiss keeps one away after a reload',
    timeoutMs: 60_000,
    async run(ctx: E2eContext) {
      const page = await ctx.fixturePage(PROPOSALS_PAGE);
      await waitForPaint(page, PROPOSALS_PAGE);
      assert.equal(await page.evaluate(painted, 'hashiya-person'), '', 'the minister is not known yet');
      let panel = await openProposals(ctx.browser, ctx.baseUrl);
      try {
        const rows = await waitForRows(panel, (r) => r.length > 0, 'proposals');
        // Counts and suggested types, the most mentioned first: the town three times, the minister
        // three times (after a title, after a verb of saying, and his surname alone, which counts as him).
        const row = (form: string) => rows.find((r) => r.startsWith(`${form} |`)) ?? '';
        assert.match(row(TOWN), /^[^|]+\| .*3.* \| place$/, JSON.stringify(rows));
        assert.match(row(MINISTER), /^[^|]+\| .*3.* \| person$/, JSON.stringify(rows));
        assert.deepEqual(
          rows
            .slice(0, 2)
            .map((r) => r.split(' | ')[0])
            .sort(),
          [MINISTER, TOWN].sort(),
          JSON.stringify(rows),
        );
        assert.ok(!rows.some((r) => r.startsWith('برهوم |')), `the surname alone is no proposal: ${rows}`);
        assert.ok(
          rows.some((r) => r.startsWith('Selim Barhoum | ')),
          JSON.stringify(rows),
        );
        // Nothing the dictionary knows is proposed (البنك الدولي is the World Bank).
        assert.ok(!rows.some((r) => r.includes('البنك')), JSON.stringify(rows));
        // Proposals are never painted on the page.
        const names = await page.evaluate(() => [...CSS.highlights.keys()].sort(), null);
        assert.deepEqual(
          names.filter(
            (n) => !/^hashiya-(organisation|government|group|place|person|quiet-|focus|draft|note-)/.test(n),
          ),
          [],
          `highlights: ${names}`,
        );
        assert.deepEqual(await axeViolations(panel), [], 'axe-core, the proposals open');
        const shot = join(
          process.env.HASHIYA_SCREENSHOTS ?? tmpdir(),
          `${ctx.browser.name}-sidepanel-proposals.png`,
        );
        await proposalsShot(panel, shot);
        ctx.log(`screenshot: ${shot}`);

        const saved = Date.now();
        await panel.click(`[data-proposal="${MINISTER}"] [data-action="add-proposal"]`);
        await page.waitFor(
          (wanted) => {
            const ranges = [...(CSS.highlights.get('hashiya-person') ?? [])].map((r) => {
              const range = document.createRange();
              range.setStart(r.startContainer, r.startOffset);
              range.setEnd(r.endContainer, r.endOffset);
              return range.toString();
            });
            return ranges.filter((text) => text === wanted).length === 2;
          },
          MINISTER,
          TIMEOUT_MS,
        );
        ctx.log(`Add → highlighted in the page within ${Date.now() - saved} ms (polling included)`);
        // The surname alone now follows the full name: a mention, so no longer a proposal either.
        assert.match(await page.evaluate(painted, 'hashiya-person'), /برهوم$/);
        await waitForRows(
          panel,
          // The town still listed: while the panel reads the page again its list is empty for a moment.
          (r) =>
            r.some((row) => row.startsWith(`${TOWN} |`)) &&
            !r.some((row) => row.startsWith(`${MINISTER} |`) || row.startsWith('برهوم |')),
          'after adding the minister',
        );

        await panel.click(`[data-proposal="${TOWN}"] [data-action="dismiss-proposal"]`);
        await waitForRows(
          panel,
          (r) =>
            r.some((row) => row.startsWith('Selim Barhoum |')) &&
            !r.some((row) => row.startsWith(`${TOWN} |`)),
          'after dismissing the town',
        );

        // Reloaded, page and panel: the town stays dismissed, the rest is still proposed.
        await panel.close();
        await page.goto(new URL(PROPOSALS_PAGE, ctx.baseUrl).href);
        await waitForPaint(page, `${PROPOSALS_PAGE} again`);
        panel = await openProposals(ctx.browser, ctx.baseUrl);
        const again = await waitForRows(panel, (r) => r.length > 0, 'after a reload');
        assert.ok(!again.some((row) => row.startsWith(`${TOWN} |`)), JSON.stringify(again));
        assert.ok(
          again.some((row) => row.startsWith('Selim Barhoum |')),
          JSON.stringify(again),
        );
        assert.match(await page.evaluate(painted, 'hashiya-person'), new RegExp(MINISTER));
      } finally {
        await clearReaderDictionary(panel).catch(() => undefined);
        await panel.close();
      }
    },
  },
  {
    name: 'possible entities: the side panel reads the long article in slices over many idle tasks of its own',
    timeoutMs: 60_000,
    async run(ctx) {
      // A URL of its own: the hard-page tests keep long-article.html open in another tab.
      const url = new URL('long-article.html?for=proposals', ctx.baseUrl).href;
      const page = await ctx.browser.newPage(url);
      try {
        await waitForPaint(page, 'long-article.html?for=proposals');
        const tabId = await tabIdOf(ctx.browser, url);
        const panel = await ctx.browser.openExtensionPage(`sidepanel.html?tab=${tabId}`);
        try {
          await panel.waitForSelector('[data-proposals="ready"]', 30_000);
          const done = (await panel.evaluate(() => {
            const section = document.querySelector('details[data-proposals]');
            return {
              slices: Number(section?.getAttribute('data-slices')),
              tasks: Number(section?.getAttribute('data-idle-tasks')),
              longestMs: section?.getAttribute('data-longest-task-ms'),
              totalMs: section?.getAttribute('data-total-ms'),
              count: section?.querySelector('[data-proposals-count]')?.textContent ?? '',
            };
          }, null)) as {
            slices: number;
            tasks: number;
            longestMs: string;
            totalMs: string;
            count: string;
          };
          ctx.log(
            `long article, in the side panel: ${done.count} proposals; ${done.slices} slices in ${done.tasks} idle tasks, ${done.totalMs} ms in all, longest ${done.longestMs} ms`,
          );
          // The page sent its 313,000 characters; the panel read them 4,000 a slice over several idle
          // tasks (at most 8 ms of work each); how long they took is for the bench, not this test.
          assert.ok(done.slices >= 70 && done.tasks >= 2, `not split: ${JSON.stringify(done)}`);
          // The page no longer looks for proposals at all: it does not know the old request.
          const reply = (await panel.evaluate(async (id) => {
            type Api = { tabs: { sendMessage(tab: number, message: unknown): Promise<unknown> } };
            const scope = globalThis as { browser?: Api; chrome?: Api };
            return (scope.browser ?? scope.chrome)?.tabs
              .sendMessage(id, { type: 'page-proposals' })
              .catch(() => null);
          }, tabId)) as unknown;
          assert.ok(reply === null || reply === undefined, `the page answered: ${JSON.stringify(reply)}`);
        } finally {
          await panel.close();
        }
      } finally {
        await page.close();
      }
    },
  },
];
