// The static file server for the demo and the end-to-end tests (sirv). It listens on 127.0.0.1 only
// (the test machines have no network, and a fixture server must never be reachable from outside).
//
// Per-file headers: a file `<name>.headers.json` next to `<name>` (a JSON object of header name →
// string value) adds those headers to the response for `<name>`; a test page can so set, for example,
// a strict Content-Security-Policy. The `.headers.json` files themselves are not served.
//
// A page whose load ends late, as a news page's does while its images and ads arrive: any `.html`
// page asked for with `?slow-image=MS` is served with an image appended to its body that the
// server sends MS milliseconds later (at most 10 s), from `/__slow-image/MS`.
//
//   tsx scripts/serve.ts [--root DIR] [--port N]   — serve a folder (default tests/fixtures/pages on 8080)

import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import sirv from 'sirv';

export interface StaticServer {
  /** Base URL with a trailing slash, e.g. `http://127.0.0.1:43817/`. */
  url: string;
  close(): Promise<void>;
}

const HEADERS_SUFFIX = '.headers.json';

/** Reads `<file>.headers.json` if present; throws if it exists but is not an object of strings. */
function extraHeaders(file: string): Record<string, string> {
  if (!existsSync(file + HEADERS_SUFFIX)) return {};
  const parsed: unknown = JSON.parse(readFileSync(file + HEADERS_SUFFIX, 'utf8'));
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new Error(`${file}${HEADERS_SUFFIX}: expected a JSON object of header name → string`);
  }
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(parsed)) {
    if (typeof value !== 'string')
      throw new Error(`${file}${HEADERS_SUFFIX}: header ${name} is not a string`);
    headers[name] = value;
  }
  return headers;
}

const SLOW_IMAGE_PATH = '/__slow-image/';
const SLOW_IMAGE_MAX_MS = 10_000;
/** A transparent 1×1 GIF. */
const PIXEL = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

/** The delay asked for by `?slow-image=MS` or `/__slow-image/MS`, or null when none (or not a number). */
function slowImageMs(value: string | null): number | null {
  if (value === null || !/^\d{1,5}$/.test(value)) return null;
  return Math.min(Number(value), SLOW_IMAGE_MAX_MS);
}

/** Serves `file` (an HTML page) with the slow image appended to its body. */
function sendWithSlowImage(res: ServerResponse, file: string, ms: number): void {
  const html = readFileSync(file, 'utf8');
  const image = `<img src="${SLOW_IMAGE_PATH}${ms}" alt="" width="1" height="1">`;
  const at = html.lastIndexOf('</body>');
  res.writeHead(200, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    ...extraHeaders(file),
  });
  res.end(at < 0 ? html + image : html.slice(0, at) + image + html.slice(at));
}

function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
  res.end(text);
}

/** Serves the files under root on 127.0.0.1 (port 0 = any free port). */
export async function serve(root: string, port = 0): Promise<StaticServer> {
  const absoluteRoot = realpathSync(resolve(root));
  const files = sirv(absoluteRoot, {
    dev: true, // read from disk on every request, no caching: fixtures change between runs
    extensions: [],
    setHeaders: (res, pathname) => {
      const path = join(absoluteRoot, decodeURIComponent(pathname));
      const file = statSync(path).isDirectory() ? join(path, 'index.html') : path;
      res.setHeader('x-content-type-options', 'nosniff');
      for (const [name, value] of Object.entries(extraHeaders(file))) res.setHeader(name, value);
    },
  });
  const server = createServer((req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('allow', 'GET, HEAD');
      sendText(res, 405, 'method not allowed\n');
      return;
    }
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const pathname = url.pathname;
    if (pathname.endsWith(HEADERS_SUFFIX)) {
      sendText(res, 404, 'not found\n');
      return;
    }
    if (pathname.startsWith(SLOW_IMAGE_PATH)) {
      const ms = slowImageMs(pathname.slice(SLOW_IMAGE_PATH.length));
      if (ms === null) sendText(res, 404, 'not found\n');
      else {
        const timer = setTimeout(() => {
          res.writeHead(200, { 'content-type': 'image/gif', 'cache-control': 'no-store' });
          res.end(PIXEL);
        }, ms);
        res.on('close', () => clearTimeout(timer));
      }
      return;
    }
    const slow = slowImageMs(url.searchParams.get('slow-image'));
    try {
      if (slow !== null) {
        // Decoded here, where a malformed path becomes a 500 in words rather than a crash.
        const page = join(absoluteRoot, decodeURIComponent(pathname));
        if (page.endsWith('.html') && page.startsWith(absoluteRoot + sep) && existsSync(page)) {
          sendWithSlowImage(res, page, slow);
          return;
        }
      }
      files(req, res, () => sendText(res, 404, 'not found\n'));
    } catch (error) {
      if (!res.headersSent) sendText(res, 500, `${error instanceof Error ? error.message : String(error)}\n`);
      else res.destroy();
    }
  });
  await new Promise<void>((resolveListen, rejectListen) => {
    server.once('error', rejectListen);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', rejectListen);
      resolveListen();
    });
  });
  const address = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}/`,
    close: () =>
      new Promise<void>((resolveClose, rejectClose) => {
        server.close((error) => (error ? rejectClose(error) : resolveClose()));
        server.closeAllConnections();
      }),
  };
}

const invokedPath = process.argv[1];
if (invokedPath !== undefined && import.meta.url === pathToFileURL(invokedPath).href) {
  const { values } = parseArgs({
    options: {
      root: { type: 'string', default: 'tests/fixtures/pages' },
      port: { type: 'string', default: '8080' },
    },
  });
  const server = await serve(values.root, Number(values.port));
  console.log(`Serving ${resolve(values.root)} at ${server.url} (Ctrl+C to stop)`);
}
