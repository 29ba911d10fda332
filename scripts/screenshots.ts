// `npm run screenshots`: every view of the extension, to look at — popup, side panel, options page and
// the in-page card, with the off / not-an-article states — in Chromium (English and Arabic interface)
// and Firefox (English interface: it needs a language pack for another), light and dark, at 1× and 2×.
//
//   npm run screenshots                         all of them, into .output/screenshots
//   npm run screenshots -- --out DIR --browser chromium --locale ar --scheme dark --scale 2
//
// Needs both builds (npm run build && npm run build:firefox).

import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  findChromium,
  findFirefox,
  launchChromium,
  launchFirefox,
  type TestBrowser,
} from '../tests/e2e/browsers.ts';
import { PAGES_DIR, REPO_ROOT } from '../tests/e2e/expectations.ts';
import { POPUP_TIMEOUT_MS } from '../tests/e2e/helpers.ts';
import { seedNotes } from '../tests/e2e/library.e2e.ts';
import { elementBox, openCard, openPanel, paintedPage } from '../tests/e2e/views.ts';
import { GECKO_ID } from '../wxt.config.ts';
import { serve } from './serve.ts';

const { values } = parseArgs({
  options: {
    out: { type: 'string', default: join(REPO_ROOT, '.output', 'screenshots') },
    browser: { type: 'string', multiple: true },
    locale: { type: 'string', multiple: true },
    scheme: { type: 'string', multiple: true },
    scale: { type: 'string', multiple: true },
  },
});
const out = resolve(values.out);
const browsers = values.browser ?? ['chromium', 'firefox'];
const locales = values.locale ?? ['en', 'ar'];
const schemes = (values.scheme ?? ['light', 'dark']) as ('light' | 'dark')[];
const scales = (values.scale ?? ['1', '2']).map(Number);

async function views(browser: TestBrowser, baseUrl: string, prefix: string): Promise<string[]> {
  const saved: string[] = [];
  const file = (name: string) => {
    const path = join(out, `${prefix}-${name}.png`);
    saved.push(path);
    return path;
  };
  const bodyShot = async (page: Awaited<ReturnType<typeof openPanel>>, name: string) => {
    const box = await page.evaluate(elementBox, 'body');
    if (box) await page.screenshotClip({ ...box, height: Math.max(box.height, 160) }, file(name));
  };
  for (const fixture of ['seed-ar.html', 'seed-en.html']) {
    const page = await paintedPage(browser, baseUrl, fixture);
    const lang = fixture.slice(5, 7);
    const card = await openCard(page, 'place');
    const pad = 24;
    await page.screenshotClip(
      {
        x: Math.max(0, card.x - pad),
        y: Math.max(0, card.y - 60),
        width: card.width + 2 * pad,
        height: card.height + 60 + pad,
      },
      file(`card-on-${lang}-page`),
    );
    await page.mouseMove(4, 4);
    for (const which of ['popup', 'sidepanel'] as const) {
      const panel = await openPanel(browser, baseUrl, fixture, which);
      await bodyShot(panel, `${which}-${lang}-page`);
      if (fixture === 'seed-en.html') {
        await panel.click('[data-action="settings"]');
        await panel.waitForSelector('[data-switch="global"]', POPUP_TIMEOUT_MS);
        await bodyShot(panel, `${which}-settings`);
        await panel.click('[data-switch="site"]');
        await panel.click('[data-action="settings"]');
        await panel.waitForSelector('[data-state="off"]', POPUP_TIMEOUT_MS);
        await bodyShot(panel, `${which}-off`);
        await panel.click('[data-action="turn-on"]');
        await panel.waitForSelector('[data-entity-id]', POPUP_TIMEOUT_MS);
      }
      await panel.close();
    }
    await page.close();
  }
  const plain = await browser.newPage(new URL('no-article.html', baseUrl).href);
  const panel = await openPanel(browser, baseUrl, 'no-article.html', 'popup');
  await bodyShot(panel, 'popup-not-article');
  await panel.close();
  await plain.close();
  const options = await browser.openExtensionPage('options.html');
  await options.setViewport(1000, 900);
  await options.waitForSelector('[data-entity-id]', POPUP_TIMEOUT_MS);
  await options.screenshot(file('options'));
  await options.close();
  const library = await browser.openExtensionPage('library.html');
  await library.setViewport(1100, 640);
  await seedNotes(library);
  await library.waitFor(() => document.querySelectorAll('[data-note]').length === 3, null, POPUP_TIMEOUT_MS);
  await library.screenshot(file('library'));
  await library.close();
  return saved;
}

async function main(): Promise<void> {
  await mkdir(out, { recursive: true });
  const server = await serve(PAGES_DIR);
  try {
    for (const name of browsers)
      for (const locale of name === 'firefox' ? ['en'] : locales)
        for (const colorScheme of schemes)
          for (const deviceScaleFactor of scales) {
            const options = { headless: true, colorScheme, deviceScaleFactor, locale };
            const executable = name === 'firefox' ? findFirefox() : findChromium();
            if (!executable) {
              console.log(`${name} is not installed: skipped`);
              continue;
            }
            const browser =
              name === 'firefox'
                ? await launchFirefox(join(REPO_ROOT, '.output', 'firefox-mv2'), GECKO_ID, {
                    ...options,
                    executablePath: executable,
                  })
                : await launchChromium(join(REPO_ROOT, '.output', 'chrome-mv3'), {
                    ...options,
                    executablePath: executable,
                  });
            try {
              const prefix = `${name}-${locale}-${colorScheme}-${deviceScaleFactor}x`;
              const saved = await views(browser, server.url, prefix);
              console.log(`${prefix}: ${saved.length} screenshots`);
            } finally {
              await browser.close();
            }
          }
  } finally {
    await server.close();
  }
  console.log(`in ${out}`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  },
);
