// End-to-end tests: the built extension in real browsers, on fixture pages served from 127.0.0.1.
//
//   npm run test:e2e                       both browsers
//   npm run test:e2e -- --browser firefox  one browser (chromium | firefox)
//   npm run test:e2e -- --grep popup       only tests whose name contains the text
//   npm run test:e2e -- --headed           show the browser windows (needs a display)
//
// Needs `npm run build` (.output/chrome-mv3) and `npm run build:firefox` (.output/firefox-mv2).
// A browser that is not installed is skipped with a loud message, except under CI=true, where it
// is a failure. Ends with one `<browser>: N passed, N failed` line per browser; exits 1 on any failure.

import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { serve } from '../../scripts/serve.ts';
import { arabicUiTests } from './arabic-ui.e2e.ts';
import {
  findChromium,
  findFirefox,
  geckoIdOf,
  launchChromium,
  launchFirefox,
  type TestBrowser,
} from './browsers.ts';
import { PAGES_DIR, REPO_ROOT } from './expectations.ts';
import { hardPageTests, matchingRestartTests } from './hard-pages.e2e.ts';
import { type E2eTest, runSuite } from './harness.ts';
import { interactionTests } from './interaction.e2e.ts';
import { libraryTests } from './library.e2e.ts';
import { noteCardTests } from './note-card.e2e.ts';
import { notesPageTests } from './notes-page.e2e.ts';
import { notesPanelTests, notesPanelTestsArabic } from './notes-panel.e2e.ts';
import { backgroundRestartTests, notesStoreTests } from './notes-store.e2e.ts';
import { packTests } from './packs.e2e.ts';
import { proposalTests } from './proposals.e2e.ts';
import { readerDictionaryTests } from './reader-dictionary.e2e.ts';
import { seedPageTests } from './seed-page.e2e.ts';
import { selectionToolbarDarkTests, selectionToolbarTests } from './selection-toolbar.e2e.ts';
import { viewTestsArabic, viewTestsEnglish } from './views.e2e.ts';

const ALL_TESTS: readonly E2eTest[] = [
  ...seedPageTests,
  ...interactionTests,
  ...hardPageTests,
  ...notesStoreTests,
  ...libraryTests,
  ...notesPageTests,
  ...notesPanelTests,
  ...selectionToolbarTests,
  ...selectionToolbarDarkTests,
  ...noteCardTests,
  ...packTests,
  ...viewTestsEnglish,
  ...readerDictionaryTests,
  ...proposalTests,
  // Last: they restart the background.
  ...backgroundRestartTests,
  ...matchingRestartTests,
];
// Run only by the Arabic-interface Chromium.
const LOCALE_TESTS: readonly E2eTest[] = [...arabicUiTests, ...viewTestsArabic, ...notesPanelTestsArabic];

interface Options {
  browsers: ('chromium' | 'firefox')[];
  grep: string | null;
  headed: boolean;
}

function parseOptions(args: string[]): Options {
  const { values } = parseArgs({
    args,
    options: {
      browser: { type: 'string' },
      grep: { type: 'string' },
      headed: { type: 'boolean', default: false },
    },
  });
  const { browser } = values;
  if (browser !== undefined && browser !== 'chromium' && browser !== 'firefox') {
    throw new Error('--browser takes chromium or firefox');
  }
  return {
    browsers: browser === undefined ? ['chromium', 'firefox'] : [browser],
    grep: values.grep ?? null,
    headed: values.headed,
  };
}

const CI = process.env.CI === 'true' || process.env.CI === '1';

function loud(lines: string[]): void {
  const width = Math.max(...lines.map((line) => line.length)) + 4;
  const bar = '!'.repeat(width);
  console.log(`\n${bar}`);
  for (const line of lines) console.log(`! ${line.padEnd(width - 4)} !`);
  console.log(`${bar}\n`);
}

interface Outcome {
  name: string;
  passed: number;
  failed: number;
  skipped: number;
  note: string;
}

interface BrowserPlan {
  name: 'chromium' | 'firefox' | 'chromium-ar';
  /** Which --browser choice runs it. */
  browser: 'chromium' | 'firefox';
  label: string;
  /** The tests it runs, when not all of them. */
  only?: readonly E2eTest[];
  executable: string | null;
  install: string;
  buildDir: string;
  buildCommand: string;
  launch(executable: string, buildDir: string): Promise<TestBrowser>;
}

async function runBrowser(plan: BrowserPlan, baseUrl: string, tests: readonly E2eTest[]): Promise<Outcome> {
  console.log(`\n── ${plan.label} ${'─'.repeat(60)}`);
  if (!plan.executable) {
    if (CI) {
      console.log(
        `  ✗ ${plan.label} is not installed (CI=true, so this is a failure). Install: ${plan.install}`,
      );
      return { name: plan.name, passed: 0, failed: 1, skipped: tests.length, note: 'browser not installed' };
    }
    loud([
      `${plan.label} IS NOT INSTALLED: ITS END-TO-END TESTS ARE SKIPPED.`,
      `Install it with:  ${plan.install}`,
      '(Under CI=true a missing browser fails the run.)',
    ]);
    return {
      name: plan.name,
      passed: 0,
      failed: 0,
      skipped: tests.length,
      note: 'skipped: browser not installed',
    };
  }
  if (!existsSync(join(plan.buildDir, 'manifest.json'))) {
    console.log(`  ✗ No extension build at ${plan.buildDir}. Run \`${plan.buildCommand}\` first.`);
    return { name: plan.name, passed: 0, failed: 1, skipped: tests.length, note: `run ${plan.buildCommand}` };
  }
  const started = Date.now();
  let browser: TestBrowser;
  try {
    browser = await plan.launch(plan.executable, plan.buildDir);
  } catch (error) {
    console.log(
      `  ✗ could not start ${plan.label} (${plan.executable}) with the extension from ${plan.buildDir}:`,
    );
    console.log(`      ${error instanceof Error ? error.message : String(error)}`);
    return { name: plan.name, passed: 0, failed: 1, skipped: tests.length, note: 'launch failed' };
  }
  console.log(
    `  ${plan.label} with ${plan.buildDir} up in ${Date.now() - started} ms (${browser.extensionOrigin})`,
  );
  try {
    const result = await runSuite(browser, baseUrl, tests, () =>
      plan.launch(plan.executable as string, plan.buildDir),
    );
    return {
      name: plan.name,
      passed: result.passed,
      failed: result.failed,
      skipped: 0,
      note: `${((Date.now() - started) / 1000).toFixed(1)} s`,
    };
  } finally {
    await browser.close();
  }
}

async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2));
  const everything = [...ALL_TESTS, ...LOCALE_TESTS];
  const tests = options.grep
    ? everything.filter((test) => test.name.includes(options.grep ?? ''))
    : everything;
  if (tests.length === 0) throw new Error(`no test name contains "${options.grep}"`);
  const headless = !options.headed;

  const plans: BrowserPlan[] = [
    {
      name: 'chromium',
      browser: 'chromium',
      label: 'Chromium',
      executable: findChromium(),
      install: 'sudo apt-get install chromium   (or set CHROME_PATH)',
      buildDir: join(REPO_ROOT, '.output', 'chrome-mv3'),
      buildCommand: 'npm run build',
      launch: (executable, buildDir) => launchChromium(buildDir, { executablePath: executable, headless }),
    },
    {
      name: 'firefox',
      browser: 'firefox',
      label: 'Firefox',
      executable: findFirefox(),
      install: 'sudo apt-get install firefox-esr   (or set FIREFOX_PATH)',
      buildDir: join(REPO_ROOT, '.output', 'firefox-mv2'),
      buildCommand: 'npm run build:firefox',
      launch: (executable, buildDir) =>
        launchFirefox(buildDir, geckoIdOf(buildDir), { executablePath: executable, headless }),
    },
    {
      // The interface in Arabic, right to left: Chromium with its UI language set to Arabic.
      name: 'chromium-ar',
      browser: 'chromium',
      label: 'Chromium (Arabic interface)',
      only: LOCALE_TESTS,
      executable: findChromium(),
      install: 'sudo apt-get install chromium   (or set CHROME_PATH)',
      buildDir: join(REPO_ROOT, '.output', 'chrome-mv3'),
      buildCommand: 'npm run build',
      launch: (executable, buildDir) =>
        launchChromium(buildDir, { executablePath: executable, headless, locale: 'ar' }),
    },
  ];

  const started = Date.now();
  const server = await serve(PAGES_DIR);
  const outcomes: Outcome[] = [];
  try {
    for (const plan of plans) {
      if (!options.browsers.includes(plan.browser)) continue;
      const planTests = plan.only
        ? plan.only.filter((test) => tests.includes(test))
        : tests.filter((test) => !LOCALE_TESTS.includes(test));
      if (planTests.length > 0) outcomes.push(await runBrowser(plan, server.url, planTests));
    }
  } finally {
    await server.close();
  }

  console.log(`\nend-to-end: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const total = { passed: 0, failed: 0, skipped: 0 };
  for (const outcome of outcomes) {
    console.log(
      `${outcome.name}: ${outcome.passed} passed, ${outcome.failed} failed, ${outcome.skipped} skipped (${outcome.note})`,
    );
    total.passed += outcome.passed;
    total.failed += outcome.failed;
    total.skipped += outcome.skipped;
  }
  // Skips stay visible in the last line: outside CI a missing browser skips instead of failing.
  console.log(`end-to-end: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
  const summaryFile = process.env.HASHIYA_E2E_SUMMARY;
  if (summaryFile) writeFileSync(summaryFile, JSON.stringify(total));
  return outcomes.some((outcome) => outcome.failed > 0) ? 1 : 0;
}

// Exit explicitly: a browser driver that keeps a handle open must not hang the run.
main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  },
);
