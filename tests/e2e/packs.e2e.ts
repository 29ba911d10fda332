// Dictionary packs end to end: a pack imported in the options page (file picker, preview, install)
// makes its names appear in a tab that is already open, without a reload; switching the pack off
// takes them away again. Both browsers.
//
// Functions passed to evaluate / waitFor run in the page: see the note in helpers.ts.

import assert from 'node:assert/strict';
import type { TestPage } from './browsers.ts';
import type { E2eTest } from './harness.ts';
import { PAINT_TIMEOUT_MS, POPUP_TIMEOUT_MS, PREFIX, sleep, waitForPaint } from './helpers.ts';
import { openCard } from './views.ts';

const FIXTURE = 'pack-article.html';

/** The pack, as a newsroom would write it in a spreadsheet. */
export const PACK_CSV = [
  'type,name_ar,name_en,aliases,description_en',
  'person,سارة الخطيب,Sara Khatib,,Chairs the Lumen Harbour Authority',
  'place,,Port Lumen,,A harbour town',
  'organisation,,Beirut Monitor,,A daily paper',
  'government,,Lumen Harbour Authority,,Runs the harbour of Port Lumen',
].join('\n');

/** Runs in the page: the text of every painted mention, in page order of the highlights. */
function paintedTexts(prefix: string): string[] {
  const texts: string[] = [];
  for (const [name, highlight] of CSS.highlights) {
    if (!name.startsWith(prefix)) continue;
    for (const r of highlight) {
      const range = document.createRange();
      range.setStart(r.startContainer, r.startOffset);
      range.setEnd(r.endContainer, r.endOffset);
      texts.push(range.toString());
    }
  }
  return texts.sort();
}

/** Waits until the page's painted texts include all of `present` and none of `absent`. */
async function waitForPainted(page: TestPage, present: string[], absent: string[]): Promise<void> {
  const deadline = Date.now() + PAINT_TIMEOUT_MS;
  for (;;) {
    const texts = await page.evaluate(paintedTexts, PREFIX);
    if (present.every((t) => texts.includes(t)) && absent.every((t) => !texts.includes(t))) return;
    if (Date.now() > deadline)
      throw new Error(
        `painted: ${texts.join(', ')}; wanted ${present.join(', ')} and not ${absent.join(', ')}`,
      );
    await sleep(100);
  }
}

/** Picks a file in the options page's pack file input, as the file picker would. */
export async function pickPackFile(options: TestPage, name: string, text: string): Promise<void> {
  await options.evaluate(
    ({ name, text }) => {
      const input = document.querySelector<HTMLInputElement>('[data-pack-file]');
      if (!input) throw new Error('no pack file input');
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], name, { type: 'text/csv' }));
      input.files = transfer.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    },
    { name, text },
  );
  await options.waitForSelector('[data-pack-preview]', POPUP_TIMEOUT_MS);
}

const PACK_NAMES = ['Sara Khatib', 'Port Lumen', 'Beirut Monitor', 'Lumen Harbour Authority'];

export const packTests: readonly E2eTest[] = [
  {
    name: 'packs: a pack imported in the options page lights up its names in an open tab; switched off, they go',
    timeoutMs: 60_000,
    async run(ctx) {
      const page = await ctx.fixturePage(FIXTURE);
      await waitForPaint(page, FIXTURE);
      const before = await page.evaluate(paintedTexts, PREFIX);
      assert.ok(
        before.includes('Beirut') && before.includes('Lebanon'),
        `shipped names first: ${before.join(', ')}`,
      );
      for (const name of PACK_NAMES) assert.ok(!before.includes(name), `${name} is not shipped`);

      const options = await ctx.browser.openExtensionPage('options.html#packs');
      try {
        await options.waitForSelector('[data-section="packs"] [data-empty]', POPUP_TIMEOUT_MS);
        // A broken file first: its problem is shown with file:line, and nothing can be installed.
        await pickPackFile(options, 'broken.csv', 'type,name_ar,name_en\ntown,,Port Lumen\n');
        const problems = await options.evaluate(
          () => [...document.querySelectorAll('[data-pack-problems] li')].map((li) => li.textContent),
          null,
        );
        assert.deepEqual(problems, [
          'broken.csv:2: unknown type "town"; the types are person, organisation, government, group, place (or PER, PERS, ORG, LOC, GPE, GOV, GRP)',
        ]);
        assert.equal(
          await options.evaluate(
            () => document.querySelector<HTMLButtonElement>('[data-action="install-pack"]')?.disabled,
            null,
          ),
          true,
        );

        await pickPackFile(options, 'Coastal newsroom.csv', PACK_CSV);
        const counts = await options.evaluate(
          () =>
            Object.fromEntries(
              [...document.querySelectorAll('[data-pack-counts] [data-type]')].map((li) => [
                li.getAttribute('data-type'),
                Number(li.getAttribute('data-count')),
              ]),
            ),
          null,
        );
        assert.deepEqual(counts, { person: 1, organisation: 1, government: 1, place: 1 });
        await options.click('[data-action="install-pack"]');
        await options.waitForSelector(
          '[data-pack="coastal-newsroom"][data-enabled="true"]',
          POPUP_TIMEOUT_MS,
        );
        const listed = await options.evaluate(
          () =>
            document
              .querySelector('[data-pack="coastal-newsroom"] [data-pack-count]')
              ?.getAttribute('data-pack-count'),
          null,
        );
        assert.equal(listed, '4');

        // The open tab follows, without a reload: the pack's names, and its longer name over the shipped "Beirut".
        await waitForPainted(page, PACK_NAMES, []);
        const withPack = await page.evaluate(paintedTexts, PREFIX);
        assert.ok(withPack.includes('Beirut'), 'the shipped Beirut is still found where it stands alone');
        assert.equal(withPack.filter((t) => t === 'Sara Khatib').length, 2);
        ctx.log(`with the pack: ${withPack.length} mentions (${before.length} before)`);
        // The card says which pack a name comes from.
        await openCard(page, 'person');
        const source = await page.evaluate(
          () =>
            document
              .querySelector('[data-hashiya-ui]')
              ?.shadowRoot?.querySelector('.provenance')
              ?.getAttribute('data-source'),
          null,
        );
        assert.equal(source, 'Coastal newsroom (Coastal newsroom.csv:2)');
        await page.press('Escape');
        await page.mouseMove(4, 4);

        await options.click('[data-pack-switch="coastal-newsroom"]');
        await waitForPainted(page, ['Beirut', 'Lebanon'], PACK_NAMES);
        assert.deepEqual(await page.evaluate(paintedTexts, PREFIX), before);

        // Removed (the profile is shared with the tests that follow), with Undo offered.
        await options.click('[data-action="remove-pack"]');
        await options.waitForSelector('[data-action="undo-remove"]', POPUP_TIMEOUT_MS);
        await options.waitForSelector('[data-section="packs"] [data-empty]', POPUP_TIMEOUT_MS);
        assert.deepEqual(page.errors, []);
      } finally {
        await options.close();
      }
    },
  },
];

/** An Arabic newsroom's list, for the screenshots. */
const ARABIC_PACK_CSV = [
  'type,name_ar,name_en,aliases,description_ar',
  'person,سارة الخطيب,Sara Khatib,الخطيب,رئيسة هيئة مرفأ لومن',
  'place,بورت لومن,Port Lumen,,بلدة ساحلية',
  'organisation,مرصد بيروت,Beirut Monitor,,صحيفة يومية',
].join('\n');

/**
 * For `npm run screenshots`: the options page's packs section with two packs installed (one switched
 * off) and the preview of a third file open.
 */
export async function showPacksSection(options: TestPage): Promise<void> {
  await options.waitForSelector('[data-section="packs"]', POPUP_TIMEOUT_MS);
  await pickPackFile(options, 'Coastal newsroom.csv', PACK_CSV);
  await options.click('[data-action="install-pack"]');
  await options.waitForSelector('[data-pack="coastal-newsroom"]', POPUP_TIMEOUT_MS);
  await pickPackFile(options, 'أخبار الساحل.csv', ARABIC_PACK_CSV);
  await options.click('[data-action="install-pack"]');
  await options.waitFor(() => document.querySelectorAll('[data-pack]').length === 2, null, POPUP_TIMEOUT_MS);
  await options.click('[data-pack-switch="coastal-newsroom"]');
  await options.waitForSelector('[data-pack="coastal-newsroom"][data-enabled="false"]', POPUP_TIMEOUT_MS);
  await pickPackFile(
    options,
    'tagged-news.conll',
    'Sara\tB-PER\nKhatib\tI-PER\nsaid\tO\n\nHope\tB-PER\nis\tO\n\nhope\tO\n\nTyre\tB-LOC\n',
  );
}

/** For `npm run screenshots`: a preview of a broken file. */
export async function showBrokenPackPreview(options: TestPage): Promise<void> {
  await pickPackFile(options, 'broken.conll', 'Bank\tB-ORG\nof\tI-ORG\nLebanon\tI-LOC\n');
}
