// A small static file server for the demo and the end-to-end tests. It listens on 127.0.0.1 only
// (the test machines have no network, and a fixture server must never be reachable from outside).
//
// Per-file headers: a file `<name>.headers.json` next to `<name>` (a JSON object of header name →
// string value) adds those headers to the response for `<name>`; a test page can so set, for example,
// a strict Content-Security-Policy. The `.headers.json` files themselves are not served.
//
//   tsx scripts/serve.ts [root] [port]   — serve a folder from the command line (default tests/fixtures/pages)

import { createReadStream } from 'node:fs';
import { readFile, realpath, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface StaticServer {
  /** Base URL with a trailing slash, e.g. `http://127.0.0.1:43817/`. */
  url: string;
  close(): Promise<void>;
}

const HEADERS_SUFFIX = '.headers.json';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.pdf': 'application/pdf',
};

export function contentTypeFor(path: string): string {
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

/** Reads `<file>.headers.json` if present; throws if it exists but is not an object of strings. */
async function extraHeaders(file: string): Promise<Record<string, string>> {
  let text: string;
  try {
    text = await readFile(file + HEADERS_SUFFIX, 'utf8');
  } catch {
    return {};
  }
  const parsed: unknown = JSON.parse(text);
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

function isInside(root: string, path: string): boolean {
  return path === root || path.startsWith(root + sep);
}

type Resolved = { kind: 'file'; file: string } | { kind: 'redirect'; location: string } | null;

/**
 * Maps a request path to a file under root, a redirect (a folder asked for without its trailing
 * slash), or null when it must not be served (outside root, malformed, per-file header metadata).
 * Works on the decoded path and re-checks after resolving symlinks.
 */
async function resolveFile(root: string, rawUrl: string): Promise<Resolved> {
  let url: URL;
  let pathname: string;
  try {
    url = new URL(rawUrl, 'http://127.0.0.1');
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return null;
  // Any `..` segment is refused outright, even one that would stay inside root.
  if (pathname.split('/').some((segment) => segment === '..')) return null;
  let file = resolve(root, `.${pathname}`);
  if (!isInside(root, file)) return null;
  try {
    let info = await stat(file);
    if (info.isDirectory()) {
      if (!url.pathname.endsWith('/')) return { kind: 'redirect', location: `${url.pathname}/${url.search}` };
      file = resolve(file, 'index.html');
      info = await stat(file);
    }
    if (!info.isFile()) return null;
    const real = await realpath(file);
    if (!isInside(root, real)) return null;
  } catch {
    return null;
  }
  if (file.endsWith(HEADERS_SUFFIX)) return null;
  return { kind: 'file', file };
}

function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
  res.end(text);
}

async function handle(root: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('allow', 'GET, HEAD');
    sendText(res, 405, 'method not allowed\n');
    return;
  }
  const resolved = await resolveFile(root, req.url ?? '/');
  if (resolved === null) {
    sendText(res, 404, 'not found\n');
    return;
  }
  if (resolved.kind === 'redirect') {
    res.writeHead(301, { location: resolved.location, 'cache-control': 'no-store' });
    res.end();
    return;
  }
  const { file } = resolved;
  let headers: Record<string, string>;
  try {
    headers = await extraHeaders(file);
  } catch (error) {
    sendText(res, 500, `${error instanceof Error ? error.message : String(error)}\n`);
    return;
  }
  const info = await stat(file);
  res.writeHead(200, {
    'content-type': contentTypeFor(file),
    'content-length': String(info.size),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    ...headers,
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  createReadStream(file).pipe(res);
}

/** Serves the files under root on 127.0.0.1 (port 0 = any free port). */
export async function serve(root: string, port = 0): Promise<StaticServer> {
  const absoluteRoot = await realpath(resolve(root));
  const server = createServer((req, res) => {
    handle(absoluteRoot, req, res).catch((error: unknown) => {
      if (!res.headersSent) sendText(res, 500, `${error instanceof Error ? error.message : String(error)}\n`);
      else res.destroy();
    });
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
  const root = process.argv[2] ?? 'tests/fixtures/pages';
  const port = Number(process.argv[3] ?? 8080);
  const server = await serve(root, port);
  console.log(`Serving ${resolve(root)} at ${server.url} (Ctrl+C to stop)`);
}
