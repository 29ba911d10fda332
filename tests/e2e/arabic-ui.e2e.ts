// The interface in Arabic: run by run.ts in a Chromium whose UI language is Arabic (--lang=ar).
// The side panel, popup, options page and in-page card must speak Arabic and read right to left.
import assert from 'node:assert/strict';
import type { E2eTest } from './harness.ts';
import { POPUP_TIMEOUT_MS, PREFIX, tabIdOf, waitForPaint } from './helpers.ts';

const CARD_TIMEOUT_MS = 5_000;

/** Runs in an extension page: its language, direction and the texts a reader sees first. */
function describePage() {
  const heading = document.querySelector('h1');
  const box = heading?.getBoundingClientRect();
  return {
    lang: document.documentElement.lang,
    dir: document.documentElement.dir,
    heading: heading?.textContent ?? '',
    // Right to left: the heading starts at the right edge.
    headingOnRight: box ? box.right > document.documentElement.clientWidth - 40 : false,
    sections: [...document.querySelectorAll('h2')].map((h) => h.textContent?.trim() ?? ''),
  };
}

/** Runs in the page: the centre of the first mention of `name`'s highlight. */
function firstMentionCentre(name: string): { x: number; y: number } | null {
  const range = [...(CSS.highlights.get(name) ?? [])][0];
  if (!range) return null;
  const live = document.createRange();
  live.setStart(range.startContainer, range.startOffset);
  live.setEnd(range.endContainer, range.endOffset);
  (live.startContainer.parentElement ?? document.body).scrollIntoView({ block: 'center' });
  const box = live.getClientRects()[0];
  return box ? { x: box.left + box.width / 2, y: box.top + box.height / 2 } : null;
}

/** Runs in the page: what the entity card in our shadow root shows, or null while there is none. */
function describeCard() {
  const card = document.querySelector('[data-hashiya-ui]')?.shadowRoot?.querySelector<HTMLElement>('.card');
  if (!card) return null;
  return {
    dir: (card.parentElement as HTMLElement).dir,
    direction: getComputedStyle(card).direction,
    type: card.querySelector('.type')?.textContent?.trim() ?? '',
    name: card.querySelector('.name')?.textContent ?? '',
    nameLang: card.querySelector('.name')?.getAttribute('lang') ?? '',
    position: card.querySelector('.position')?.textContent ?? '',
  };
}

export const arabicUiTests: E2eTest[] = [
  {
    name: 'Arabic interface: side panel and options page in Arabic, right to left',
    async run(ctx) {
      const url = `${ctx.baseUrl}seed-ar.html`;
      const page = await ctx.fixturePage('seed-ar.html');
      await waitForPaint(page, 'seed-ar.html');
      const tabId = await tabIdOf(ctx.browser, url);

      const panel = await ctx.browser.openExtensionPage(`sidepanel.html?tab=${tabId}`);
      try {
        await panel.waitFor(
          () => document.querySelectorAll('[data-entity-id]').length > 0,
          null,
          POPUP_TIMEOUT_MS,
        );
        const seen = await panel.evaluate(describePage, null);
        ctx.log(`side panel: ${JSON.stringify(seen)}`);
        assert.match(seen.lang, /^ar/);
        assert.equal(seen.dir, 'rtl');
        assert.equal(seen.heading, 'الكيانات في هذه الصفحة');
        assert.ok(seen.headingOnRight, 'the heading is not at the right edge');
        assert.ok(
          seen.sections.includes('أماكن') && seen.sections.includes('أشخاص'),
          seen.sections.join(', '),
        );
        const iran = await panel.evaluate(() => {
          const first = document.querySelector('[data-entity-id="iran"] .entity-names bdi');
          return { text: first?.textContent ?? '', lang: first?.getAttribute('lang') ?? '' };
        }, null);
        assert.deepEqual(iran, { text: 'إيران', lang: 'ar' }, 'the Arabic name comes first');
      } finally {
        await panel.close();
      }

      const options = await ctx.browser.openExtensionPage('options.html');
      try {
        await options.waitForSelector('[data-entity-id]', POPUP_TIMEOUT_MS);
        const seen = await options.evaluate(describePage, null);
        assert.equal(seen.dir, 'rtl');
        assert.equal(seen.heading, 'حاشية — قاموس الكيانات');
      } finally {
        await options.close();
      }
    },
  },
  {
    name: 'Arabic interface: the entity card speaks Arabic and reads right to left',
    async run(ctx) {
      const page = await ctx.fixturePage('seed-ar.html');
      await waitForPaint(page, 'seed-ar.html');
      await page.bringToFront();
      const centre = await page.evaluate(firstMentionCentre, `${PREFIX}place`);
      assert.ok(centre, 'no place mention to hover');
      await page.mouseMove(4, 4);
      await page.mouseMove(centre.x, centre.y);
      await page.waitFor(describeCard, null, CARD_TIMEOUT_MS);
      const card = await page.evaluate(describeCard, null);
      ctx.log(`card: ${JSON.stringify(card)}`);
      assert.ok(card);
      assert.equal(card.dir, 'rtl');
      assert.equal(card.direction, 'rtl');
      assert.equal(card.type, 'أماكن');
      assert.equal(card.nameLang, 'ar');
      assert.match(card.position, /^الإشارة 1 من \d+ في هذه الصفحة$/);
      await page.press('Escape');
      assert.deepEqual(page.errors, []);
    },
  },
];
