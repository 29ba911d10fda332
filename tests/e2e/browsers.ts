// Launching the two browsers with the built extension, behind one small interface the tests share.
//
// Chromium: playwright-core drives Debian's Chromium (never `playwright install`: no downloads here);
//   the unpacked extension is loaded with --load-extension into a throw-away persistent profile.
// Firefox:  puppeteer-core 24 drives Firefox ESR over WebDriver BiDi (no geckodriver); the extension is
//   installed as a temporary add-on, with its moz-extension UUID pinned by a pref so that its pages
//   have a known URL. `page.goto()` to a moz-extension URL never resolves there, so extension pages are
//   opened without awaiting the navigation and then waited for.
//
// Both browsers expose the highlights the content script registers to the page's own scripts
// (`CSS.highlights` belongs to the document, also in Firefox where the content script runs in an
// Xray sandbox), and both report the content script's console messages and uncaught errors as the
// page's console / pageerror events. So one page-realm `evaluate` serves both.

import { existsSync, readFileSync, statSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { type BrowserContext, type CDPSession, chromium, type Page as PlaywrightPage } from 'playwright-core';
import puppeteer, {
  type ElementHandle,
  type KeyInput,
  type Browser as PuppeteerBrowser,
  type Page as PuppeteerPage,
} from 'puppeteer-core';
import { type BidiNode, type CdpNode, fromBidi, fromCdp, type UiNode, uiHosts } from './ui-tree.ts';

/**
 * Where to click an element of our UI: its centre once it holds still. A card that grows or moves
 * as what it shows arrives (the corrections' search loading the dictionary, on a busy machine) would
 * otherwise take the click somewhere else, and the test would wait for what never came.
 */
async function settledCentre(
  read: () => Promise<{ x: number; y: number }>,
): Promise<{ x: number; y: number }> {
  let last = await read();
  const deadline = Date.now() + 3_000;
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 80));
    const now = await read();
    if ((Math.abs(now.x - last.x) < 0.5 && Math.abs(now.y - last.y) < 0.5) || Date.now() > deadline)
      return now;
    last = now;
  }
}

export type BrowserName = 'chromium' | 'firefox';

/** One tab, in either browser. Functions passed to evaluate run in the page (or extension page). */
export interface TestPage {
  /** Uncaught errors and console.error messages seen in this tab since it opened, in order. */
  readonly errors: string[];
  goto(url: string): Promise<void>;
  evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  /** Polls `fn(arg)` in the page until it returns a truthy value; throws after timeoutMs. */
  waitFor<A>(fn: (arg: A) => unknown, arg: A, timeoutMs: number): Promise<void>;
  waitForSelector(selector: string, timeoutMs: number): Promise<void>;
  click(selector: string): Promise<void>;
  /** Puts these files on the `<input type=file>` matching `selector`, as a reader picking them would. */
  setInputFiles(selector: string, paths: readonly string[]): Promise<void>;
  screenshot(path: string, fullPage?: boolean): Promise<void>;
  /** A PNG of the `index`-th element matching `selector` (as it is in the viewport, scrolled to). */
  screenshotElement(selector: string, index: number): Promise<Buffer>;
  /** A PNG of one viewport rectangle (CSS pixels), saved to `path` too when given. */
  screenshotClip(clip: Clip, path?: string): Promise<Buffer>;
  /** Resizes this tab's viewport (CSS pixels). */
  setViewport(width: number, height: number): Promise<void>;
  /**
   * Runs a script's source text in the page's main world (e.g. axe-core's), past the page's
   * Content-Security-Policy, as the browser's debugging protocol does.
   */
  runScript(source: string): Promise<void>;
  /**
   * The tab's JavaScript memory after a full garbage collection, page and content scripts together
   * (they share one heap), or null where the browser does not tell (Firefox): `heapBytes` on the
   * JS heap, `bufferBytes` in ArrayBuffer backing stores outside it.
   */
  heapUsage(): Promise<{ heapBytes: number; bufferBytes: number } | null>;
  close(): Promise<void>;
  /**
   * Every URL this tab requested since it opened, in order, as the browser's network layer saw it:
   * the document, its subresources, and requests made by content scripts in it.
   */
  readonly requests: string[];
  /** Moves the mouse to the viewport point (x, y) in one step (one pointermove at the target). */
  mouseMove(x: number, y: number): Promise<void>;
  /** Presses or releases the left mouse button where the mouse is. */
  mouseDown(): Promise<void>;
  mouseUp(): Promise<void>;
  /** Moves to (x, y) and clicks there (clickCount 2: double-click). */
  mouseClick(x: number, y: number, clickCount?: number): Promise<void>;
  /** Presses a key or chord in the focused element, e.g. `Escape`, `Control+C`. */
  press(key: string): Promise<void>;
  /** Types text into the focused element, key by key. */
  type(text: string): Promise<void>;
  /** Makes this the active tab of its window (hidden tabs may throttle animation frames). */
  bringToFront(): Promise<void>;
  /**
   * Our in-page UI hosts and their shadow roots, closed ones included, as the browser's automation
   * protocol sees them (no page script can): see ui-tree.ts.
   */
  uiHosts(): Promise<UiNode[]>;
  /** Clicks the middle of a node uiHosts() found (closed shadow roots included); returns that point. */
  clickUi(node: UiNode): Promise<{ x: number; y: number }>;
  /** Where a node uiHosts() found is on screen now (viewport CSS pixels). */
  uiBox(node: UiNode): Promise<Box>;
}

/** A box on screen, in viewport CSS pixels. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

const centreOf = (box: Box): { x: number; y: number } => ({
  x: box.x + box.width / 2,
  y: box.y + box.height / 2,
});

export interface TestBrowser {
  readonly name: BrowserName;
  /** `chrome-extension://<id>` or `moz-extension://<uuid>`, without a trailing slash. */
  readonly extensionOrigin: string;
  /** Errors logged by the extension's background context (where the browser lets us see them). */
  readonly backgroundErrors: string[];
  newPage(url: string): Promise<TestPage>;
  /**
   * Opens an extension page such as `popup.html?tab=3` in a new tab and waits for its body. With
   * `{ window: true }` it opens in a window of its own, so the tab that was showing stays visible
   * (like a side panel beside its page; Firefox hides a window's background tabs).
   */
  openExtensionPage(path: string, options?: OpenOptions): Promise<TestPage>;
  /**
   * The URLs the extension's background context has fetched (its resource-timing entries, plus what
   * the network layer reported for it where the driver can see that), or null where it cannot be read.
   * `via`: an open extension page to ask from, where the browser needs one (else one is opened).
   */
  backgroundRequests(via?: TestPage): Promise<string[] | null>;
  /**
   * Stops the extension's background as the browser does to an idle one (Chromium: the service
   * worker is terminated; Firefox: the extension is reloaded). The next message starts it again.
   */
  stopBackground(): Promise<void>;
  /**
   * Every request the browser tried to send anywhere but the loopback address since launch, from any
   * tab, extension context or the browser itself: the browser's proxy is a local sink that refuses
   * them all and remembers `METHOD url` (`CONNECT host:port` for TLS).
   */
  readonly externalRequests: readonly string[];
  close(): Promise<void>;
}

export interface Clip {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface OpenOptions {
  /** Open in a new window rather than a new tab of the current one. */
  window?: boolean;
}

export interface LaunchOptions {
  /** Path of the browser binary. */
  executablePath: string;
  headless?: boolean;
  /** Viewport of new pages. */
  viewport?: { width: number; height: number };
  /** Browser UI language (Chromium only: Firefox needs a language pack to change it). */
  locale?: string;
  /** What pages see as prefers-color-scheme. */
  colorScheme?: 'light' | 'dark';
  /** Device pixels per CSS pixel (2: a high-density screen). */
  deviceScaleFactor?: number;
}

const DEFAULT_VIEWPORT = { width: 1280, height: 900 };

/** Finds the first of `names` on PATH (or an absolute path that exists). */
export function findExecutable(names: readonly string[]): string | null {
  const dirs = (process.env.PATH ?? '').split(delimiter).filter(Boolean);
  for (const name of names) {
    if (name.includes('/')) {
      if (isExecutableFile(name)) return name;
      continue;
    }
    for (const dir of dirs) {
      const candidate = join(dir, name);
      if (isExecutableFile(candidate)) return candidate;
    }
  }
  return null;
}

function isExecutableFile(path: string): boolean {
  try {
    const info = statSync(path);
    return info.isFile() && (info.mode & 0o111) !== 0;
  } catch {
    return false;
  }
}

/** Chromium binary: $CHROME_PATH, else chromium / chromium-browser / google-chrome on PATH. */
export function findChromium(): string | null {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : null;
  return findExecutable(['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable']);
}

/** Firefox binary: $FIREFOX_PATH, else firefox-esr / firefox on PATH. */
export function findFirefox(): string | null {
  const fromEnv = process.env.FIREFOX_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : null;
  return findExecutable(['firefox-esr', 'firefox']);
}

/** Chromium flags for a quiet, offline, extension-loading run (see shared notes/toolchain.md). */
export function chromiumArgs(extDir: string): string[] {
  return [
    `--disable-extensions-except=${extDir}`,
    `--load-extension=${extDir}`,
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ];
}

/**
 * A proxy that forwards nothing: it answers every request with 502 (and every CONNECT with 403)
 * and remembers it. Browsers never proxy the loopback address, so the fixture server stays direct.
 */
interface SinkProxy {
  readonly port: number;
  readonly requests: string[];
  close(): Promise<void>;
}

async function startSinkProxy(): Promise<SinkProxy> {
  const requests: string[] = [];
  const server = createServer((req, res) => {
    requests.push(`${req.method ?? '?'} ${req.url ?? ''}`);
    res.writeHead(502, { 'content-type': 'text/plain', connection: 'close' });
    res.end('refused by the test proxy\n');
  });
  server.on('connect', (req, socket) => {
    requests.push(`CONNECT ${req.url ?? ''}`);
    // The browser may reset the tunnel it asked for: an unhandled ECONNRESET would end the run.
    socket.on('error', () => socket.destroy());
    socket.end('HTTP/1.1 403 Forbidden\r\ncontent-length: 0\r\n\r\n');
  });
  server.on('clientError', (_error, socket) => socket.destroy());
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  return {
    port: (server.address() as AddressInfo).port,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function describeError(error: unknown): string {
  if (error instanceof Error) return error.stack ?? `${error.name}: ${error.message}`;
  return String(error);
}

// ── Chromium ──────────────────────────────────────────────────────────────────────────────────

class ChromiumPage implements TestPage {
  readonly errors: string[] = [];
  readonly requests: string[] = [];

  constructor(private readonly page: PlaywrightPage) {
    page.on('request', (request) => this.requests.push(request.url()));
    page.on('pageerror', (error) => this.errors.push(`uncaught: ${describeError(error)}`));
    page.on('console', (message) => {
      if (message.type() === 'error') {
        const where = message.location().url;
        this.errors.push(`console.error: ${message.text()}${where ? ` (${where})` : ''}`);
      }
    });
  }

  async goto(url: string): Promise<void> {
    await this.page.goto(url, { waitUntil: 'load' });
  }

  evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R> {
    // playwright's PageFunction type cannot be named for a generic A; the call is the same.
    return this.page.evaluate(fn as (arg: unknown) => R | Promise<R>, arg as unknown);
  }

  async waitFor<A>(fn: (arg: A) => unknown, arg: A, timeoutMs: number): Promise<void> {
    await this.page.waitForFunction(fn as (arg: unknown) => unknown, arg as unknown, {
      timeout: timeoutMs,
      polling: 100,
    });
  }

  async waitForSelector(selector: string, timeoutMs: number): Promise<void> {
    await this.page.waitForSelector(selector, { timeout: timeoutMs, state: 'attached' });
  }

  async click(selector: string): Promise<void> {
    await this.page.click(selector);
  }

  async setInputFiles(selector: string, paths: readonly string[]): Promise<void> {
    await this.page.setInputFiles(selector, [...paths]);
  }

  async screenshot(path: string, fullPage = false): Promise<void> {
    await this.page.screenshot({ path, fullPage });
  }

  async screenshotElement(selector: string, index: number): Promise<Buffer> {
    return await this.page.locator(selector).nth(index).screenshot({ animations: 'disabled', caret: 'hide' });
  }

  async screenshotClip(clip: Clip, path?: string): Promise<Buffer> {
    return await this.page.screenshot({ clip, ...(path ? { path } : {}) });
  }

  async setViewport(width: number, height: number): Promise<void> {
    await this.page.setViewportSize({ width, height });
  }

  async runScript(source: string): Promise<void> {
    await this.page.evaluate(source);
  }

  async heapUsage(): Promise<{ heapBytes: number; bufferBytes: number } | null> {
    const cdp = await this.page.context().newCDPSession(this.page);
    try {
      await cdp.send('HeapProfiler.collectGarbage');
      const usage = await cdp.send('Runtime.getHeapUsage');
      return { heapBytes: usage.usedSize, bufferBytes: usage.backingStorageSize };
    } finally {
      await cdp.detach();
    }
  }

  async close(): Promise<void> {
    await this.page.close();
  }

  async mouseMove(x: number, y: number): Promise<void> {
    await this.page.mouse.move(x, y);
  }

  async mouseDown(): Promise<void> {
    await this.page.mouse.down();
  }

  async mouseUp(): Promise<void> {
    await this.page.mouse.up();
  }

  async mouseClick(x: number, y: number, clickCount = 1): Promise<void> {
    await this.page.mouse.click(x, y, { clickCount });
  }

  async press(key: string): Promise<void> {
    await this.page.keyboard.press(key);
  }

  async type(text: string): Promise<void> {
    await this.page.keyboard.type(text);
  }

  async bringToFront(): Promise<void> {
    await this.page.bringToFront();
  }

  private cdpSession: CDPSession | undefined;
  private async cdp(): Promise<CDPSession> {
    this.cdpSession ??= await this.page.context().newCDPSession(this.page);
    return this.cdpSession;
  }

  async uiHosts(): Promise<UiNode[]> {
    // As DevTools' Elements panel shows the page: pierce crosses shadow roots, closed ones too.
    const { root } = await (await this.cdp()).send('DOM.getDocument', { depth: -1, pierce: true });
    return uiHosts([fromCdp(root as CdpNode)]);
  }

  async clickUi(node: UiNode): Promise<{ x: number; y: number }> {
    const { x, y } = await settledCentre(async () => centreOf(await this.uiBox(node)));
    await this.page.mouse.click(x, y);
    return { x, y };
  }

  async uiBox(node: UiNode): Promise<Box> {
    const cdp = await this.cdp();
    const { quads } = await cdp.send('DOM.getContentQuads', { backendNodeId: node.ref as number });
    const quad = quads[0];
    if (!quad) throw new Error(`<${node.tag}> has no box on screen`);
    const xs = [quad[0] ?? 0, quad[2] ?? 0, quad[4] ?? 0, quad[6] ?? 0];
    const ys = [quad[1] ?? 0, quad[3] ?? 0, quad[5] ?? 0, quad[7] ?? 0];
    const x = Math.min(...xs);
    const y = Math.min(...ys);
    return { x, y, width: Math.max(...xs) - x, height: Math.max(...ys) - y };
  }
}

class ChromiumBrowser implements TestBrowser {
  readonly name = 'chromium' as const;
  readonly backgroundErrors: string[] = [];
  /** Requests the network layer attributed to the extension's service worker. */
  readonly workerRequests: string[] = [];

  constructor(
    private readonly context: BrowserContext,
    readonly extensionOrigin: string,
    private readonly profileDir: string,
    private readonly proxy: SinkProxy,
  ) {}

  get externalRequests(): readonly string[] {
    return this.proxy.requests;
  }

  async newPage(url: string): Promise<TestPage> {
    const page = new ChromiumPage(await this.context.newPage());
    await page.goto(url);
    return page;
  }

  async openExtensionPage(path: string, _options?: OpenOptions): Promise<TestPage> {
    // Every page playwright opens in headless Chromium stays visible: no window needed.
    const page = new ChromiumPage(await this.context.newPage());
    await page.goto(`${this.extensionOrigin}/${path.replace(/^\//, '')}`);
    return page;
  }

  async backgroundRequests(_via?: TestPage): Promise<string[] | null> {
    const worker = this.context.serviceWorkers().find((w) => w.url().startsWith(this.extensionOrigin));
    if (!worker) return null;
    const timed = await worker.evaluate(() =>
      performance.getEntriesByType('resource').map((entry) => entry.name),
    );
    return [...this.workerRequests, ...timed];
  }

  async stopBackground(): Promise<void> {
    const page = await this.context.newPage();
    try {
      // As Chrome's guide to testing service-worker termination does (puppeteer's worker.close()).
      const cdp = await this.context.newCDPSession(page);
      const workerTarget = async () =>
        (await cdp.send('Target.getTargets')).targetInfos.find(
          (info) => info.type === 'service_worker' && info.url.startsWith(this.extensionOrigin),
        );
      const target = await workerTarget();
      if (!target) return; // already stopped
      // A message in flight can start the worker again at once: ask again, each second, up to 10 s.
      const deadline = Date.now() + 10_000;
      let askedAt = 0;
      for (let running: typeof target | undefined = target; running; running = await workerTarget()) {
        if (Date.now() > deadline) throw new Error('the service worker is still running');
        if (Date.now() - askedAt >= 1_000) {
          askedAt = Date.now();
          await cdp.send('Target.closeTarget', { targetId: running.targetId }).catch(() => undefined);
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    } finally {
      await page.close();
    }
  }

  /** The first tab of a fresh profile, for callers (the demo) that want a single window. */
  async firstPage(): Promise<PlaywrightPage> {
    return this.context.pages()[0] ?? (await this.context.newPage());
  }

  /** Resolves when the user closes the browser window (headed demo). */
  waitForClose(): Promise<void> {
    return new Promise((resolve) => this.context.once('close', () => resolve()));
  }

  async close(): Promise<void> {
    await this.context.close().catch(() => undefined);
    await this.proxy.close().catch(() => undefined);
    await rm(this.profileDir, { recursive: true, force: true }).catch(() => undefined);
  }
}

/** The gecko id in a Firefox build's manifest (the extension's id when installed). */
export function geckoIdOf(buildDir: string): string {
  const manifest = JSON.parse(readFileSync(join(buildDir, 'manifest.json'), 'utf8')) as {
    browser_specific_settings?: { gecko?: { id?: string } };
  };
  const id = manifest.browser_specific_settings?.gecko?.id;
  if (!id) throw new Error(`${buildDir}/manifest.json has no browser_specific_settings.gecko.id`);
  return id;
}

/** Launches Chromium with the unpacked extension in `extDir` (e.g. `.output/chrome-mv3`). */
export async function launchChromium(
  extDir: string,
  options: LaunchOptions,
): Promise<TestBrowser & { firstPage(): Promise<PlaywrightPage>; waitForClose(): Promise<void> }> {
  const profileDir = await mkdtemp(join(tmpdir(), 'hashiya-chromium-'));
  const viewport = options.viewport ?? DEFAULT_VIEWPORT;
  const proxy = await startSinkProxy();
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profileDir, {
      executablePath: options.executablePath,
      headless: options.headless ?? true,
      viewport,
      ...(options.locale ? { locale: options.locale } : {}),
      ...(options.colorScheme ? { colorScheme: options.colorScheme } : {}),
      ...(options.deviceScaleFactor ? { deviceScaleFactor: options.deviceScaleFactor } : {}),
      args: [
        ...chromiumArgs(extDir),
        `--proxy-server=http://127.0.0.1:${proxy.port}`,
        ...(options.locale ? [`--lang=${options.locale}`] : []),
      ],
    });
  } catch (error) {
    await proxy.close().catch(() => undefined);
    await rm(profileDir, { recursive: true, force: true }).catch(() => undefined);
    throw error;
  }
  try {
    const worker =
      context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
    const browser = new ChromiumBrowser(
      context,
      `chrome-extension://${new URL(worker.url()).host}`,
      profileDir,
      proxy,
    );
    worker.on('console', (message) => {
      if (message.type() === 'error') browser.backgroundErrors.push(`console.error: ${message.text()}`);
    });
    context.on('request', (request) => {
      if (request.serviceWorker()) browser.workerRequests.push(request.url());
    });
    return browser;
  } catch (error) {
    await context.close().catch(() => undefined);
    await proxy.close().catch(() => undefined);
    await rm(profileDir, { recursive: true, force: true }).catch(() => undefined);
    throw new Error(
      `Chromium started but the extension's service worker never appeared: is ${extDir} a valid MV3 build? (${describeError(error)})`,
    );
  }
}

// ── Firefox ───────────────────────────────────────────────────────────────────────────────────

/** The moz-extension UUID the tests pin for the add-on, so its pages have a known origin. */
export const FIREFOX_EXTENSION_UUID = '3f5b9a4e-1c2d-4e6f-8a7b-9c0d1e2f3a4b';

class FirefoxPage implements TestPage {
  readonly errors: string[] = [];
  readonly requests: string[] = [];

  constructor(
    private readonly page: PuppeteerPage,
    private readonly deviceScaleFactor = 1,
  ) {
    page.on('request', (request) => {
      this.requests.push(request.url());
    });
    page.on('pageerror', (error) => this.errors.push(`uncaught: ${describeError(error)}`));
    page.on('console', (message) => {
      if (message.type() === 'error') {
        const where = message.location().url;
        this.errors.push(`console.error: ${message.text()}${where ? ` (${where})` : ''}`);
      }
    });
  }

  async goto(url: string): Promise<void> {
    if (/^moz-extension:/.test(url)) {
      // Never resolves for moz-extension URLs over BiDi: fire and wait for the document instead.
      this.page.goto(url).catch(() => undefined);
      // The wait can fail outright ("Waiting failed") when the navigation replaces the document it
      // polls in: poll again until the deadline.
      const deadline = Date.now() + 15_000;
      for (;;) {
        try {
          await this.page.waitForFunction(
            (wanted: string) => location.href === wanted && document.body !== null,
            { timeout: Math.max(1, deadline - Date.now()), polling: 100 },
            url,
          );
          return;
        } catch (error) {
          if (Date.now() >= deadline) throw error;
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      }
    }
    await this.page.goto(url, { waitUntil: 'load' });
  }

  evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R> {
    // Our arguments are plain JSON values, which puppeteer passes through unchanged (its types
    // allow for element handles, which would arrive as elements).
    return this.page.evaluate(fn as (arg: unknown) => R | Promise<R>, arg as unknown) as Promise<R>;
  }

  async waitFor<A>(fn: (arg: A) => unknown, arg: A, timeoutMs: number): Promise<void> {
    await this.page.waitForFunction(
      fn as (arg: unknown) => unknown,
      { timeout: timeoutMs, polling: 100 },
      arg,
    );
  }

  async waitForSelector(selector: string, timeoutMs: number): Promise<void> {
    await this.page.waitForSelector(selector, { timeout: timeoutMs });
  }

  async click(selector: string): Promise<void> {
    // A list that renders again can replace the element between puppeteer finding and clicking it
    // ("Node is detached from document"), or be empty for a moment while it reads its data again
    // ("No element found"; both seen with the side panel's proposals in Firefox). Playwright's
    // click waits that out by itself; here the click is tried again, for up to 5 s, on what is there now.
    for (let attempt = 1; ; attempt++) {
      try {
        await this.page.click(selector);
        return;
      } catch (error) {
        const passing = error instanceof Error && /detached|no element found/i.test(error.message);
        if (attempt >= 50 || !passing) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  }

  async setInputFiles(selector: string, paths: readonly string[]): Promise<void> {
    const input = await this.page.$(selector);
    if (input === null) throw new Error(`no ${selector}`);
    await (input as ElementHandle<HTMLInputElement>).uploadFile(...paths);
  }

  async screenshot(path: string, fullPage = false): Promise<void> {
    await this.page.screenshot({ path, fullPage });
  }

  async screenshotElement(selector: string, index: number): Promise<Buffer> {
    const element = (await this.page.$$(selector))[index];
    if (!element) throw new Error(`no element ${index} matches ${selector}`);
    return Buffer.from(await element.screenshot());
  }

  async screenshotClip(clip: Clip, path?: string): Promise<Buffer> {
    const png = Buffer.from(await this.page.screenshot({ clip }));
    if (path) await writeFile(path, png);
    return png;
  }

  async setViewport(width: number, height: number): Promise<void> {
    await this.page.setViewport({ width, height, deviceScaleFactor: this.deviceScaleFactor });
  }

  async runScript(source: string): Promise<void> {
    await this.page.evaluate(source);
  }

  async heapUsage(): Promise<null> {
    return null; // WebDriver BiDi has no memory figures
  }

  async close(): Promise<void> {
    await this.page.close();
  }

  async mouseMove(x: number, y: number): Promise<void> {
    await this.page.mouse.move(x, y);
  }

  async mouseDown(): Promise<void> {
    await this.page.mouse.down();
  }

  async mouseUp(): Promise<void> {
    await this.page.mouse.up();
  }

  async mouseClick(x: number, y: number, clickCount = 1): Promise<void> {
    await this.page.mouse.click(x, y, { count: clickCount });
  }

  async press(key: string): Promise<void> {
    // puppeteer names chords with its own key names and needs them held one after the other.
    const keys = key.split('+') as KeyInput[];
    const last = keys.pop();
    if (last === undefined) return;
    for (const modifier of keys) await this.page.keyboard.down(modifier);
    await this.page.keyboard.press(last);
    for (const modifier of keys.reverse()) await this.page.keyboard.up(modifier);
  }

  async type(text: string): Promise<void> {
    await this.page.keyboard.type(text);
  }

  async bringToFront(): Promise<void> {
    await this.page.bringToFront();
  }

  /** Calls a function in the page over WebDriver BiDi itself, for serialisation options puppeteer does not expose. */
  private async bidiCall(
    functionDeclaration: string,
    args: unknown[],
    options: object = {},
  ): Promise<unknown> {
    const { connection } = this.page.browser() as unknown as {
      connection: { send(method: string, params: object): Promise<{ result: unknown }> };
    };
    const context = (this.page.mainFrame() as unknown as { _id: string })._id;
    const reply = await connection.send('script.callFunction', {
      functionDeclaration,
      arguments: args,
      awaitPromise: false,
      target: { context },
      resultOwnership: 'none',
      ...options,
    });
    const result = reply.result as { type: string; result?: unknown; exceptionDetails?: { text?: string } };
    if (result.type !== 'success')
      throw new Error(`BiDi call failed: ${result.exceptionDetails?.text ?? ''}`);
    return result.result;
  }

  async uiHosts(): Promise<UiNode[]> {
    // The hosts are in the page's DOM; BiDi serialises their shadow roots, closed ones too, on request.
    const result = (await this.bidiCall("() => [...document.querySelectorAll('[data-hashiya-ui]')]", [], {
      serializationOptions: { maxDomDepth: 40, includeShadowTree: 'all' },
    })) as { value?: BidiNode[] };
    return (result.value ?? []).map(fromBidi);
  }

  async clickUi(node: UiNode): Promise<{ x: number; y: number }> {
    const { x, y } = await settledCentre(async () => centreOf(await this.uiBox(node)));
    await this.page.mouse.click(x, y);
    return { x, y };
  }

  async uiBox(node: UiNode): Promise<Box> {
    const result = (await this.bidiCall(
      '(el) => { const r = el.getBoundingClientRect(); return [r.x, r.y, r.width, r.height]; }',
      [{ sharedId: node.ref }],
    )) as { value?: { value: number }[] };
    const [x, y, width, height] = (result.value ?? []).map((v) => v.value);
    if (x === undefined || y === undefined || width === undefined || height === undefined)
      throw new Error(`<${node.tag}> has no box on screen`);
    return { x, y, width, height };
  }
}

class FirefoxBrowser implements TestBrowser {
  readonly name = 'firefox' as const;
  readonly extensionOrigin = `moz-extension://${FIREFOX_EXTENSION_UUID}`;
  /** Firefox does not report the background page's console over BiDi to us: stays empty. */
  readonly backgroundErrors: string[] = [];

  constructor(
    private readonly browser: PuppeteerBrowser,
    private readonly proxy: SinkProxy,
    private readonly deviceScaleFactor = 1,
  ) {}

  get externalRequests(): readonly string[] {
    return this.proxy.requests;
  }

  private rawPage(options?: OpenOptions): Promise<PuppeteerPage> {
    return options?.window ? this.browser.newPage({ type: 'window' }) : this.browser.newPage();
  }

  async newPage(url: string): Promise<TestPage> {
    const page = new FirefoxPage(await this.rawPage(), this.deviceScaleFactor);
    await page.goto(url);
    return page;
  }

  async openExtensionPage(path: string, options?: OpenOptions): Promise<TestPage> {
    const page = new FirefoxPage(await this.rawPage(options), this.deviceScaleFactor);
    await page.goto(`${this.extensionOrigin}/${path.replace(/^\//, '')}`);
    return page;
  }

  /** The background page's resource-timing entries, read through runtime.getBackgroundPage(). */
  async backgroundRequests(via?: TestPage): Promise<string[] | null> {
    const page = via ?? (await this.openExtensionPage('popup.html'));
    try {
      return await page.evaluate(async () => {
        const scope = globalThis as {
          browser?: { runtime: { getBackgroundPage?: () => Promise<Window | null> } };
        };
        const background = await scope.browser?.runtime.getBackgroundPage?.();
        if (!background) return null;
        return background.performance.getEntriesByType('resource').map((entry) => entry.name);
      }, null);
    } finally {
      if (!via) await page.close();
    }
  }

  /** An MV2 background page cannot be stopped alone: reload the extension (same UUID, same data). */
  async stopBackground(): Promise<void> {
    const page = await this.openExtensionPage('popup.html');
    await page
      .evaluate(() => {
        const scope = globalThis as { browser?: { runtime: { reload(): void } } };
        setTimeout(() => scope.browser?.runtime.reload(), 0);
      }, null)
      .finally(() => page.close().catch(() => undefined));
  }

  async close(): Promise<void> {
    await this.browser.close().catch(() => undefined);
    await this.proxy.close().catch(() => undefined);
  }
}

/**
 * Launches Firefox (ESR 140+) and installs the unpacked extension in `extDir` (e.g.
 * `.output/firefox-mv2`) as a temporary add-on whose gecko id is `geckoId`.
 */
export async function launchFirefox(
  extDir: string,
  geckoId: string,
  options: LaunchOptions,
): Promise<TestBrowser> {
  const proxy = await startSinkProxy();
  const launched = puppeteer.launch({
    browser: 'firefox',
    executablePath: options.executablePath,
    headless: options.headless ?? true,
    defaultViewport: {
      ...(options.viewport ?? DEFAULT_VIEWPORT),
      deviceScaleFactor: options.deviceScaleFactor ?? 1,
    },
    // Needed to open moz-extension:// pages over BiDi.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: FIREFOX_EXTENSION_UUID }),
      // Everything that would leave the machine goes to the sink proxy (loopback stays direct).
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': proxy.port,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': proxy.port,
      'network.proxy.allow_hijacking_localhost': false,
      // prefers-color-scheme for pages: 0 dark, 1 light.
      ...(options.colorScheme
        ? { 'layout.css.prefers-color-scheme.content-override': options.colorScheme === 'dark' ? 0 : 1 }
        : {}),
    },
  });
  const browser = await launched.catch(async (error: unknown) => {
    await proxy.close().catch(() => undefined);
    throw error;
  });
  try {
    const installed = await browser.installExtension(extDir);
    if (installed !== geckoId) {
      throw new Error(
        `installed add-on id is ${installed}, expected ${geckoId} (check wxt.config.ts GECKO_ID)`,
      );
    }
  } catch (error) {
    await browser.close().catch(() => undefined);
    await proxy.close().catch(() => undefined);
    throw error;
  }
  return new FirefoxBrowser(browser, proxy, options.deviceScaleFactor ?? 1);
}
