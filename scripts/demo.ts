// `npm run demo`: builds the Chrome extension, serves the demo news pages on 127.0.0.1 and opens
// Chromium with the extension on the Arabic seed page.
//
//   npm run demo                          a window you can use; stays open until you close it (Ctrl+C)
//   npm run demo -- --screenshot [FILE]   headless: wait for the highlights, save FILE
//                                         (default docs/screenshot.png) and exit
//   npm run demo -- --page seed-en.html   another page from tests/fixtures/pages
//   npm run demo -- --no-build            reuse .output/chrome-mv3 as it is
//
// Without a display (no $DISPLAY / $WAYLAND_DISPLAY) it always runs headless and takes the screenshot.
// The browser is $CHROME_PATH, else chromium / chromium-browser / google-chrome on PATH.

import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { findChromium, launchChromium } from '../tests/e2e/browsers.ts';
import { serve } from './serve.ts';

const ROOT = resolve(import.meta.dirname, '..');
const PAGES = join(ROOT, 'tests', 'fixtures', 'pages');
const EXTENSION = join(ROOT, '.output', 'chrome-mv3');
const DEFAULT_SCREENSHOT = join(ROOT, 'docs', 'screenshot.png');
const PAINT_TIMEOUT_MS = 20_000;
const VIEWPORT = { width: 1280, height: 900 };

interface Options {
  screenshot: string | null;
  page: string;
  build: boolean;
}

const USAGE = 'usage: npm run demo -- [--screenshot [FILE]] [--page NAME.html] [--no-build]';

function parseOptions(args: string[]): Options {
  const { values, positionals } = parseArgs({
    args,
    options: {
      screenshot: { type: 'boolean', default: false },
      page: { type: 'string', default: 'seed-ar.html' },
      build: { type: 'boolean', default: true },
      help: { type: 'boolean', short: 'h', default: false },
    },
    allowNegative: true,
    // The FILE after --screenshot.
    allowPositionals: true,
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const [file, ...extra] = positionals;
  if (extra.length > 0 || (file !== undefined && !values.screenshot)) {
    throw new Error(`unexpected argument ${extra[0] ?? file} (${USAGE})`);
  }
  return {
    screenshot: values.screenshot ? (file === undefined ? DEFAULT_SCREENSHOT : resolve(file)) : null,
    page: values.page,
    build: values.build,
  };
}

function build(): void {
  console.log('Building the Chrome extension (npx wxt build)…');
  const result = spawnSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('`npx wxt build` failed: see its output above.');
}

/** Runs in the page: number of ranges in the extension's highlights. */
function paintedRanges(): number {
  let total = 0;
  for (const [name, highlight] of CSS.highlights) if (name.startsWith('hashiya-')) total += highlight.size;
  return total;
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
  const screenshot = options.screenshot ?? (hasDisplay ? null : DEFAULT_SCREENSHOT);

  const executable = findChromium();
  if (!executable) {
    throw new Error(
      'No Chromium found (looked at $CHROME_PATH, then chromium, chromium-browser, google-chrome on PATH).\n' +
        'Install it with:  sudo apt-get install chromium',
    );
  }
  if (!existsSync(join(PAGES, options.page)))
    throw new Error(`No page ${options.page} in ${relative(ROOT, PAGES)}`);
  if (options.build) build();
  if (!existsSync(join(EXTENSION, 'manifest.json'))) {
    throw new Error(`No extension build at ${relative(ROOT, EXTENSION)}: run \`npm run build\`.`);
  }

  const server = await serve(PAGES);
  const url = new URL(options.page, server.url).href;
  const browser = await launchChromium(EXTENSION, {
    executablePath: executable,
    headless: screenshot !== null,
    viewport: VIEWPORT,
  });
  let closed: Promise<void> | undefined;
  const shutdown = (): Promise<void> => {
    closed ??= browser.close().then(() => server.close());
    return closed;
  };

  try {
    const page = await browser.firstPage();
    await page.goto(url, { waitUntil: 'load' });
    if (screenshot === null) {
      console.log(`Chromium is open on ${url} with the extension loaded.`);
      console.log('The other demo pages are at', server.url, '— close the window or press Ctrl+C to stop.');
      process.once('SIGINT', () => {
        void shutdown().then(() => process.exit(0));
      });
      await browser.waitForClose();
      return;
    }

    try {
      await page.waitForFunction(paintedRanges, null, { timeout: PAINT_TIMEOUT_MS, polling: 100 });
    } catch {
      throw new Error(
        `Nothing was highlighted on ${options.page} within ${PAINT_TIMEOUT_MS / 1000} s ` +
          '(no "hashiya-*" entries in CSS.highlights). Is the content script in the build? ' +
          'Try `npm run test:e2e -- --browser chromium` for details.',
      );
    }
    await page.waitForTimeout(300); // let the last paint land
    const ranges = await page.evaluate(paintedRanges);
    // The masthead, navigation and the article's opening: the navigation names entities too, and
    // stays unpainted. Clip at the article's end when the page is shorter than two screens.
    const articleBottom = await page.evaluate(() => {
      const article = document.querySelector('article');
      return article ? Math.ceil(article.getBoundingClientRect().bottom + window.scrollY) : 0;
    });
    const height = Math.min(Math.max(VIEWPORT.height, articleBottom + 24), VIEWPORT.height * 2);
    // Hover a person's name in the first screen, so the card shows too.
    const spot = await page.evaluate(() => {
      for (const abstract of CSS.highlights.get('hashiya-person') ?? []) {
        const range = document.createRange();
        range.setStart(abstract.startContainer, abstract.startOffset);
        range.setEnd(abstract.endContainer, abstract.endOffset);
        const box = range.getClientRects()[0];
        if (box && box.top > 200 && box.bottom < 560)
          return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
      }
      return null;
    });
    if (spot) {
      await page.mouse.move(spot.x, spot.y);
      await page
        .waitForFunction(
          () => document.querySelector('hashiya-ui')?.shadowRoot?.querySelector('.card'),
          null,
          {
            timeout: 3_000,
          },
        )
        .catch(() => undefined);
      await page.waitForTimeout(200);
    }
    await mkdir(dirname(screenshot), { recursive: true });
    await page.screenshot({
      path: screenshot,
      clip: { x: 0, y: 0, width: VIEWPORT.width, height },
      fullPage: true,
    });
    console.log(
      `Screenshot of ${options.page} (${ranges} highlighted mentions) written to ${relative(ROOT, screenshot)}`,
    );
  } finally {
    await shutdown();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`demo: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
