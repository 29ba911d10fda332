// End-to-end tests on the seed news pages (tests/fixtures/pages/seed-ar.html, seed-en.html), run in
// each browser by tests/e2e/run.ts.
//
// NOTE for functions passed to page.evaluate / waitFor: they are serialised and run in the page, so
// they must not use anything from this module, and must not declare named inner functions either
// (tsx compiles with keepNames, which wraps them in a `__name()` helper the page does not have).

import assert from 'node:assert/strict';
import { ENTITY_TYPES, type EntityType } from '../../lib/entities/types.ts';
import { entityTypes, expectedRangesPerType, loadExpectation } from './expectations.ts';
import type { E2eContext, E2eTest } from './harness.ts';
import {
  namesOutsideArticle,
  POPUP_TIMEOUT_MS,
  PREFIX,
  popupMatches,
  readPopup,
  snapshotHighlights,
  tabIdsFor,
  tally,
  waitForPaint,
} from './helpers.ts';

function highlightsTest(pageName: string): E2eTest {
  return {
    name: `${pageName}: highlights appear, only inside the article, one range per expected mention`,
    async run(ctx: E2eContext) {
      const expectation = loadExpectation(pageName);
      const page = await ctx.fixturePage(pageName);
      await waitForPaint(page, pageName);

      // The fixture itself must keep entity names outside the article, or this test proves nothing.
      const present = await page.evaluate(namesOutsideArticle, expectation.outside);
      const missing = expectation.outside.filter((name) => !present.includes(name));
      assert.deepEqual(missing, [], `fixture ${pageName}: these "outside" names are not outside the article`);

      const snapshot = await page.evaluate(snapshotHighlights, PREFIX);
      const problems: string[] = [];
      for (const r of snapshot.ranges) {
        const shown = r.text.length > 60 ? `${r.text.slice(0, 57)}…` : r.text;
        const label = `${r.highlight} "${shown.replace(/\s+/g, ' ')}" at ${r.where}`;
        if (!r.inArticle)
          problems.push(`outside the <article>: ${label}${r.landmark ? ` (in ${r.landmark})` : ''}`);
        if (r.text.trim().length === 0) problems.push(`empty text: ${label}`);
        if (!r.sameBlock || r.containsBreak) problems.push(`crosses a block boundary or <br>: ${label}`);
      }
      const expected = expectedRangesPerType(expectation);
      const mismatches: string[] = [];
      for (const type of ENTITY_TYPES) {
        const texts = snapshot.ranges.filter((r) => r.highlight === PREFIX + type).map((r) => r.text);
        const want = expected.get(type) ?? 0;
        ctx.log(`${type}: ${texts.length} range(s)${texts.length ? ` — ${tally(texts)}` : ''}`);
        if (texts.length !== want) mismatches.push(`${type}: expected ${want} ranges, got ${texts.length}`);
      }
      const known = new Set<string>(ENTITY_TYPES.map((type) => PREFIX + type));
      const others = [...new Set(snapshot.ranges.map((r) => r.highlight))].filter((name) => !known.has(name));
      if (others.length) ctx.log(`other highlights of ours (not counted): ${others.join(', ')}`);
      assert.deepEqual(problems, [], `${problems.length} bad range(s) on ${pageName}`);
      assert.deepEqual(mismatches, [], `range counts per type on ${pageName} differ from the hand count`);
    },
  };
}

function popupTest(pageName: string): E2eTest {
  return {
    name: `${pageName}: the popup for its tab lists exactly the expected entities and counts`,
    async run(ctx: E2eContext) {
      const expectation = loadExpectation(pageName);
      const page = await ctx.fixturePage(pageName);
      await waitForPaint(page, pageName);

      const url = new URL(pageName, ctx.baseUrl).href;
      const probe = await ctx.browser.openExtensionPage('popup.html');
      const ids = await probe.evaluate(tabIdsFor, url);
      await probe.close();
      assert.equal(ids.length, 1, `expected one tab showing ${url}, found ${ids.length}`);

      const popup = await ctx.browser.openExtensionPage(`popup.html?tab=${ids[0]}`);
      try {
        try {
          await popup.waitForSelector('[data-entity-id]', POPUP_TIMEOUT_MS);
          await popup.waitFor(popupMatches, expectation.article, 3_000);
        } catch {
          // Fall through: the comparison below says what differs.
        }
        const entries = await popup.evaluate(readPopup, null);
        const types = entityTypes();
        const problems: string[] = [];
        const seen = new Set<string>();
        for (const entry of entries) {
          if (seen.has(entry.id)) problems.push(`listed twice: ${entry.id}`);
          seen.add(entry.id);
          const want = expectation.article[entry.id];
          if (want === undefined) problems.push(`unexpected entity: ${entry.id} (count ${entry.count})`);
          else if (want !== entry.count)
            problems.push(`${entry.id}: expected count ${want}, popup says ${entry.count}`);
          const type: EntityType | undefined = types.get(entry.id);
          if (type && entry.type !== type)
            problems.push(`${entry.id}: data-entity-type "${entry.type}", expected "${type}"`);
        }
        for (const id of Object.keys(expectation.article)) {
          if (!seen.has(id))
            problems.push(`missing entity: ${id} (expected count ${expectation.article[id]})`);
        }
        ctx.log(
          `popup lists ${entries.length} entities: ${entries.map((e) => `${e.id}=${e.count}`).join(', ')}`,
        );
        assert.deepEqual(problems, [], `the popup for ${pageName} differs from the hand count`);
        assert.deepEqual(popup.errors, [], 'the popup logged errors');
      } finally {
        await popup.close();
      }
    },
  };
}

function pageScriptTest(pageName: string): E2eTest {
  return {
    name: `${pageName}: the page's own script still runs and reacts; no page or extension errors`,
    async run(ctx: E2eContext) {
      const page = await ctx.fixturePage(pageName);
      await waitForPaint(page, pageName);
      const ran = await page.evaluate(
        () => (window as { __pageScriptRan?: unknown }).__pageScriptRan === true,
        null,
      );
      assert.equal(ran, true, 'window.__pageScriptRan is not true: the page script did not run');
      const before = await page.evaluate(
        () => document.getElementById('subscribe-status')?.textContent ?? null,
        null,
      );
      assert.equal(before, '', '#subscribe-status should start empty');
      await page.click('#subscribe');
      await page.waitFor(
        () => (document.getElementById('subscribe-status')?.textContent ?? '').length > 0,
        null,
        5_000,
      );
      assert.deepEqual(
        page.errors,
        [],
        `errors on ${pageName} (uncaught or console.error, page or content script)`,
      );
      assert.deepEqual(ctx.browser.backgroundErrors, [], 'the extension background logged errors');
    },
  };
}

export const seedPageTests: readonly E2eTest[] = [
  highlightsTest('seed-ar.html'),
  highlightsTest('seed-en.html'),
  // Pages on other topics: the world dictionary, not the seed story's entities.
  highlightsTest('world-ar.html'),
  highlightsTest('world-en.html'),
  popupTest('seed-ar.html'),
  popupTest('seed-en.html'),
  pageScriptTest('seed-ar.html'),
  pageScriptTest('seed-en.html'),
];
