// `npm run screenshots`: every view of the extension, to look at — popup, side panel (entities and
// Notes view), options page, library and the in-page card, with the off / not-an-article states — in
// Chromium (English and Arabic interface) and Firefox (English interface: it needs a language pack
// for another), light and dark, at 1× and 2×.
//
//   npm run screenshots                         all of them, into .output/screenshots
//   npm run screenshots -- --out DIR --browser chromium --locale ar --scheme dark --scale 2
//   npm run screenshots -- --view library       the library page only (its import preview, a full
//                                               list, a narrow window)
//   npm run screenshots -- --view add-entity    the selection toolbar's "Add as entity" form only,
//                                               on an Arabic and an English page
//   npm run screenshots -- --view proposals     the side panel's "Possible entities" only
//   npm run screenshots -- --view card          the card only (and with its corrections open)
//   npm run screenshots -- --view options       the options page's dictionary (its top, "Show 100 more")
//   npm run screenshots -- --view dictionary-unreadable
//                                               the popup and side panel on an Arabic and an English
//                                               page, with a copy of the build whose dictionary is gone
//
// Needs both builds (npm run build && npm run build:firefox).

import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DICTIONARY_FILE } from '../lib/entities/dictionary-file.ts';
import { exportJsonLd } from '../lib/export/jsonld.ts';
import {
  findChromium,
  findFirefox,
  launchChromium,
  launchFirefox,
  type TestBrowser,
} from '../tests/e2e/browsers.ts';
import { PAGES_DIR, REPO_ROOT } from '../tests/e2e/expectations.ts';
import { POPUP_TIMEOUT_MS } from '../tests/e2e/helpers.ts';
import { openNotesView, PANEL_PAGE, seedPanelNotes } from '../tests/e2e/notes-panel.e2e.ts';
import { showBrokenPackPreview, showPacksSection } from '../tests/e2e/packs.e2e.ts';
import { openProposals, PROPOSALS_PAGE, proposalsShot } from '../tests/e2e/proposals.e2e.ts';
import { openAddEntity, selectName } from '../tests/e2e/reader-dictionary.e2e.ts';
import { queryUi } from '../tests/e2e/ui-tree.ts';
import { elementBox, openCard, openPanel, paintedPage } from '../tests/e2e/views.ts';
import { syntheticLibrary } from '../tests/unit/library/sample-library.ts';
import { GECKO_ID } from '../wxt.config.ts';
import { serve } from './serve.ts';

const { values } = parseArgs({
  options: {
    out: { type: 'string', default: join(REPO_ROOT, '.output', 'screenshots') },
    browser: { type: 'string', multiple: true },
    locale: { type: 'string', multiple: true },
    scheme: { type: 'string', multiple: true },
    scale: { type: 'string', multiple: true },
    view: { type: 'string' },
  },
});
const out = resolve(values.out);
const browsers = values.browser ?? ['chromium', 'firefox'];
const locales = values.locale ?? ['en', 'ar'];
const schemes = (values.scheme ?? ['light', 'dark']) as ('light' | 'dark')[];
const scales = (values.scale ?? ['1', '2']).map(Number);

/** A library to look at: 40 articles, 150 notes in Arabic and English, one title far too long. */
function sampleBackup(): string {
  const lib = syntheticLibrary(40, 150);
  const long = lib.articles[lib.articles.length - 1];
  if (long)
    long.title = `${long.title} — ${'تحليل مطول لتداعيات قرار قطع العلاقات الدبلوماسية على المنطقة بأسرها '.repeat(3)}`;
  return exportJsonLd(lib.articles, lib.notes, new Date('2026-11-29T12:00:00.000Z')).text;
}

/** The library page: the import preview of a backup dropped on it, the list, and a narrow window. */
async function libraryViews(browser: TestBrowser, file: (name: string) => string): Promise<void> {
  const library = await browser.openExtensionPage('library.html');
  await library.setViewport(1100, 700);
  await library.waitForSelector('[data-library="empty"], [data-library="count"]', POPUP_TIMEOUT_MS);
  await library.evaluate((text) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([text], 'hashiya-2026-11-29.jsonld', { type: 'application/ld+json' }));
    window.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, cancelable: true }));
  }, sampleBackup());
  await library.waitForSelector('[data-import="preview"]', POPUP_TIMEOUT_MS);
  await library.screenshot(file('library-import-preview'));
  await library.click('[data-action="confirm-import"]');
  await library.waitFor(() => document.querySelectorAll('[data-note]').length > 5, null, POPUP_TIMEOUT_MS);
  // The dictionary's names in the entity filter arrive after the list.
  await library.waitFor(
    () => document.querySelector('[data-entity="nato"]')?.textContent?.includes('nato') === false,
    null,
    POPUP_TIMEOUT_MS,
  );
  await library.screenshot(file('library'));
  await library.setViewport(640, 800);
  await library.screenshot(file('library-narrow'));
  await library.close();
}

/** The options page's dictionary: its top, and the end of its first hundred names with "Show 100 more". */
async function dictionaryViews(browser: TestBrowser, file: (name: string) => string): Promise<void> {
  const options = await browser.openExtensionPage('options.html');
  await options.setViewport(1000, 900);
  await options.waitForSelector('[data-entity-id]', POPUP_TIMEOUT_MS);
  await options.screenshot(file('options'));
  await options.waitForSelector('[data-show-more]', POPUP_TIMEOUT_MS);
  await options.evaluate(
    () => document.querySelector('[data-show-more]')?.scrollIntoView({ block: 'center' }),
    null,
  );
  await options.screenshot(file('options-dictionary-more'));
  await options.close();
}

/** The selection toolbar's "Add as entity" form over a selected name, on an Arabic and an English page. */
async function addEntityViews(browser: TestBrowser, baseUrl: string, file: (name: string) => string) {
  for (const [fixture, name] of [
    ['reader-add-ar.html', 'نزار قطيش'],
    ['seed-en.html', 'Meridian Wire'],
  ] as const) {
    const page = await paintedPage(browser, baseUrl, fixture);
    const lang = fixture.includes('-ar') ? 'ar' : 'en';
    await selectName(page, name);
    await page.screenshot(file(`toolbar-with-add-entity-on-${lang}-page`));
    await openAddEntity(page, name);
    await page.screenshot(file(`add-entity-on-${lang}-page`));
    await page.close();
  }
}

/** The side panel's "Possible entities", open, on a page with names no dictionary knows. */
async function proposalViews(
  browser: TestBrowser,
  baseUrl: string,
  file: (name: string) => string,
): Promise<void> {
  const page = await paintedPage(browser, baseUrl, PROPOSALS_PAGE);
  const panel = await openProposals(browser, baseUrl);
  await proposalsShot(panel, file('sidepanel-proposals'));
  // Closed, as the panel shows it at first: one calm line with the count.
  await panel.click('details[data-proposals] summary');
  await proposalsShot(panel, file('sidepanel-proposals-closed'));
  await panel.close();
  await page.close();
}

async function views(browser: TestBrowser, baseUrl: string, prefix: string): Promise<string[]> {
  const saved: string[] = [];
  const file = (name: string) => {
    const path = join(out, `${prefix}-${name}.png`);
    saved.push(path);
    return path;
  };
  if (values.view === 'library') {
    await libraryViews(browser, file);
    return saved;
  }
  if (values.view === 'add-entity') {
    await addEntityViews(browser, baseUrl, file);
    return saved;
  }
  if (values.view === 'proposals') {
    await proposalViews(browser, baseUrl, file);
    return saved;
  }
  if (values.view === 'options') {
    await dictionaryViews(browser, file);
    return saved;
  }
  const bodyShot = async (page: Awaited<ReturnType<typeof openPanel>>, name: string) => {
    const box = await page.evaluate(elementBox, 'body');
    if (box) await page.screenshotClip({ ...box, height: Math.max(box.height, 160) }, file(name));
  };
  if (values.view === 'dictionary-unreadable') {
    // The build was copied without its dictionary (main): the error state in words.
    for (const fixture of ['seed-ar.html', 'seed-en.html']) {
      const page = await browser.newPage(new URL(fixture, baseUrl).href);
      for (const which of ['popup', 'sidepanel'] as const) {
        const panel = await openPanel(browser, baseUrl, fixture, which);
        await panel.waitForSelector('[data-state="error"]', POPUP_TIMEOUT_MS);
        await bodyShot(panel, `${which}-dictionary-unreadable-${fixture.slice(5, 7)}-page`);
        await panel.close();
      }
      await page.close();
    }
    return saved;
  }
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
    // "Correct…" opened: the card is drawn again in a closed root, so it is found as DevTools would.
    const correct = (await page.uiHosts()).flatMap((host) =>
      queryUi(host, 'button[data-action="correct"]'),
    )[0];
    if (correct) {
      await page.clickUi(correct);
      await new Promise((resolve) => setTimeout(resolve, 300));
      const height = await page.evaluate(() => innerHeight, null);
      const top = Math.max(0, card.y - 60);
      await page.screenshotClip(
        {
          x: Math.max(0, card.x - pad),
          y: top,
          width: card.width + 2 * pad,
          height: Math.min(560, height - top),
        },
        file(`card-corrections-on-${lang}-page`),
      );
      await page.press('Escape');
    }
    await page.mouseMove(4, 4);
    if (values.view === 'card') {
      await page.close();
      continue;
    }
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
  if (values.view === 'card') return saved;
  const plain = await browser.newPage(new URL('no-article.html', baseUrl).href);
  const panel = await openPanel(browser, baseUrl, 'no-article.html', 'popup');
  await bodyShot(panel, 'popup-not-article');
  await panel.close();
  await plain.close();
  await dictionaryViews(browser, file);
  const packs = await browser.openExtensionPage('options.html#packs');
  await packs.setViewport(1000, 900);
  await showPacksSection(packs);
  await packs.screenshot(file('options-packs'));
  await showBrokenPackPreview(packs);
  await packs.screenshot(file('options-packs-broken'));
  await packs.close();
  await libraryViews(browser, file);
  await addEntityViews(browser, baseUrl, file);
  await proposalViews(browser, baseUrl, file);
  const article = await paintedPage(browser, baseUrl, PANEL_PAGE);
  const seeder = await browser.openExtensionPage('popup.html');
  await seedPanelNotes(seeder, baseUrl);
  await seeder.close();
  const notes = await openNotesView(browser, baseUrl);
  await notes.waitForSelector('[data-notes="orphans"]', POPUP_TIMEOUT_MS);
  await bodyShot(notes, 'sidepanel-notes');
  await notes.click('[data-action="edit-note"]');
  await notes.waitForSelector('[data-note-editor]', POPUP_TIMEOUT_MS);
  await bodyShot(notes, 'sidepanel-notes-edit');
  await notes.close();
  const popup = await openPanel(browser, baseUrl, PANEL_PAGE, 'popup');
  await popup.waitForSelector('[data-notes-count]', POPUP_TIMEOUT_MS);
  await bodyShot(popup, 'popup-notes');
  await popup.close();
  await article.close();
  return saved;
}

/**
 * The build the views are taken of: for `--view dictionary-unreadable`, a copy without the
 * dictionary's tables file (neither the background nor a page can read it).
 */
function buildDir(name: string): string {
  const built = join(REPO_ROOT, '.output', name === 'firefox' ? 'firefox-mv2' : 'chrome-mv3');
  if (values.view !== 'dictionary-unreadable') return built;
  const copy = mkdtempSync(join(tmpdir(), `hashiya-${name}-no-dictionary-`));
  cpSync(built, copy, { recursive: true });
  rmSync(join(copy, DICTIONARY_FILE));
  copies.push(copy);
  return copy;
}
/** The copies buildDir() made, removed at the end. */
const copies: string[] = [];

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
                ? await launchFirefox(buildDir(name), GECKO_ID, { ...options, executablePath: executable })
                : await launchChromium(buildDir(name), { ...options, executablePath: executable });
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
    for (const copy of copies) rmSync(copy, { recursive: true, force: true });
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
