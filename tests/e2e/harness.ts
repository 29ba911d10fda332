// A deliberately tiny test harness: a test is a name and an async function; a suite runs a list of
// tests against one launched browser, one after the other, and prints `N passed, N failed`.

import type { TestBrowser, TestPage } from './browsers.ts';

export interface E2eContext {
  browser: TestBrowser;
  /** Base URL of the fixture server, with a trailing slash. */
  baseUrl: string;
  /**
   * The tab showing a fixture page (e.g. `seed-ar.html`), opened on first use and shared by the
   * tests that follow, so its errors list covers everything that happened to it.
   */
  fixturePage(name: string): Promise<TestPage>;
  /** Logs a detail line under the current test. */
  log(line: string): void;
  /**
   * Launches another instance of the same browser with the extension and a new, empty profile (the
   * caller closes it), e.g. to import a backup into a fresh install.
   */
  freshBrowser(): Promise<TestBrowser>;
}

export interface E2eTest {
  name: string;
  /** Longer than the default 30 s, for a test that waits out a browser restarting something. */
  timeoutMs?: number;
  run(ctx: E2eContext): Promise<void>;
}

export interface SuiteResult {
  passed: number;
  failed: number;
  skipped: number;
  ms: number;
}

const TEST_TIMEOUT_MS = 30_000;

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** The error's message and, for orientation, the first stack frame inside tests/e2e. */
function describeFailure(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const frame = (error.stack ?? '').split('\n').find((line) => line.includes('/tests/e2e/'));
  return frame ? `${error.message}\n${frame.trim()}` : error.message;
}

function indent(text: string, prefix = '      '): string {
  return text
    .split('\n')
    .map((line) => prefix + line)
    .join('\n');
}

export async function runSuite(
  browser: TestBrowser,
  baseUrl: string,
  tests: readonly E2eTest[],
  launchFresh: () => Promise<TestBrowser> = () => Promise.reject(new Error('no fresh browser here')),
): Promise<SuiteResult> {
  const started = Date.now();
  const pages = new Map<string, Promise<TestPage>>();
  let passed = 0;
  let failed = 0;
  for (const test of tests) {
    const lines: string[] = [];
    const ctx: E2eContext = {
      browser,
      baseUrl,
      fixturePage(name) {
        let page = pages.get(name);
        if (!page) {
          page = browser.newPage(new URL(name, baseUrl).href);
          pages.set(name, page);
        }
        return page;
      },
      log: (line) => lines.push(line),
      freshBrowser: launchFresh,
    };
    const t0 = Date.now();
    try {
      await withTimeout(test.run(ctx), test.timeoutMs ?? TEST_TIMEOUT_MS, test.name);
      passed++;
      console.log(`  ✓ ${test.name} (${Date.now() - t0} ms)`);
      for (const line of lines) console.log(indent(line));
    } catch (error) {
      failed++;
      console.log(`  ✗ ${test.name} (${Date.now() - t0} ms)`);
      for (const line of lines) console.log(indent(line));
      console.log(indent(describeFailure(error)));
    }
  }
  for (const page of pages.values()) await page.then((p) => p.close()).catch(() => undefined);
  return { passed, failed, skipped: 0, ms: Date.now() - started };
}
