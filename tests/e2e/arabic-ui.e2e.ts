// The interface in Arabic: run by run.ts in a Chromium whose UI language is Arabic (--lang=ar).
// The side panel, popup, options page and in-page card must speak Arabic and read right to left.
import assert from 'node:assert/strict';
import type { E2eTest } from './harness.ts';
import { POPUP_TIMEOUT_MS, PREFIX, tabIdOf, waitForPaint } from './helpers.ts';
import { firstMentionCentre } from './views.ts';

const CARD_TIMEOUT_MS = 5_000;

/** Runs in an extension page: its language, direction and the texts a reader sees first. */
function describePage() {
  const heading = document.querySelector('h1');
  // The heading with the product's icon before it: together they start at the right edge.
  const box = (heading?.closest('.brand') ?? heading)?.getBoundingClientRect();
  return {
    lang: document.documentElement.lang,
    dir: document.documentElement.dir,
    heading: heading?.textContent ?? '',
    // Right to left: the heading starts at the right edge.
    headingOnRight: box ? box.right > document.documentElement.clientWidth - 40 : false,
    // The heading's words (group headings start with a sample of the type's highlight).
    subheadings: [...document.querySelectorAll('h2, h3')].map((h) => h.lastChild?.textContent?.trim() ?? ''),
  };
}

/** Runs in the page: what the entity card in our shadow root shows, or null while there is none. */
function describeCard() {
  const card = document.querySelector('[data-hashiya-ui]')?.shadowRoot?.querySelector<HTMLElement>('.card');
  if (!card) return null;
  return {
    dir: (card.parentElement as HTMLElement).dir,
    direction: getComputedStyle(card).direction,
    // The type's label, after the sample of its highlight.
    type: card.querySelector('.type')?.lastChild?.textContent?.trim() ?? '',
    name: card.querySelector('.name')?.textContent ?? '',
    nameLang: card.querySelector('.name bdi')?.getAttribute('lang') ?? '',
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
        assert.equal(seen.heading, 'حاشية');
        assert.ok(seen.headingOnRight, 'the heading is not at the right edge');
        assert.deepEqual(seen.subheadings, ['الأشخاص والأماكن والمنظمات في هذه الصفحة']);
        const totals = await panel.evaluate(
          () => document.querySelector('[data-totals]')?.textContent ?? '',
          null,
        );
        assert.equal(totals, '15 اسمًا · 52 إشارة', 'counts with their Arabic plural forms');
        await panel.click('label:has(> input[data-sort="type"])');
        const grouped = await panel.evaluate(describePage, null);
        assert.ok(
          grouped.subheadings.includes('أماكن') && grouped.subheadings.includes('أشخاص'),
          grouped.subheadings.join(', '),
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
        assert.equal(seen.heading, 'حاشية — القاموس والإعدادات');
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
      assert.equal(card.type, 'مكان', 'the type in the singular');
      assert.equal(card.nameLang, 'ar');
      assert.match(card.position, /^الإشارة 1 من \d+ في هذه الصفحة$/);
      await page.press('Escape');
      assert.deepEqual(page.errors, []);
    },
  },
  {
    name: 'Arabic interface: the library filters by entity under its Arabic name (حلف شمال الأطلسي)',
    async run(ctx) {
      const library = await ctx.browser.openExtensionPage('library.html');
      try {
        await library.waitForSelector('[data-library="empty"], [data-library="count"]', POPUP_TIMEOUT_MS);
        const quote = 'وأكد حلف شمال الأطلسي دعمه لحليفته';
        const answer = await library.evaluate(async (exact) => {
          const api = (globalThis as { chrome?: { runtime: { sendMessage(m: unknown): Promise<unknown> } } })
            .chrome;
          return api?.runtime.sendMessage({
            type: 'save-note',
            data: {
              article: {
                id: 'https://ar.example/nato',
                url: 'https://ar.example/nato',
                title: 'الحلف يجتمع',
                site: 'ar.example',
                byline: '',
                lang: 'ar',
                excerpt: '',
              },
              note: {
                quote: { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
                position: { type: 'TextPositionSelector', start: 0, end: exact.length },
                colour: 'blue',
                note: '',
                tags: [],
                entityIds: ['nato'],
              },
            },
          });
        }, quote);
        assert.equal((answer as { ok: boolean }).ok, true, JSON.stringify(answer));
        // The chip takes the dictionary's Arabic name once the dictionary has loaded.
        await library.waitFor(
          () => document.querySelector('[data-entity="nato"] bdi')?.textContent === 'حلف شمال الأطلسي',
          null,
          POPUP_TIMEOUT_MS,
        );
        await library.click('[data-entity="nato"]');
        await library.waitFor(
          (exact) => {
            const quotes = [...document.querySelectorAll('[data-note] q')].map((q) => q.textContent);
            return quotes.length === 1 && quotes[0] === exact;
          },
          quote,
          POPUP_TIMEOUT_MS,
        );
        const row = await library.evaluate(
          () => document.querySelector('[data-note]')?.closest('[dir]')?.getAttribute('dir'),
          null,
        );
        assert.equal(row, 'rtl', 'the Arabic article’s row reads right to left');
        assert.deepEqual(library.errors, []);
      } finally {
        await library.close();
      }
    },
  },
];
