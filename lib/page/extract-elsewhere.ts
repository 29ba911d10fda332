// Big pages' articles are read apart from the page (DESIGN.md §7): the content script sends the
// page's HTML, a document of the extension's own parses it (DOMParser: inert, no script runs) and
// runs Readability there, and only which text runs it kept comes back (./extract.ts). Firefox's
// background is a page and parses it itself; Chrome's is a service worker without a DOM, so it
// opens an offscreen document for it when a big page comes and closes it once that page is read.
import { type ArticleRuns, findArticleRuns } from './extract';

/** The article in `html` (a page's, serialised by its content script), or null. */
export function readArticleHtml(html: string): ArticleRuns | null {
  return findArticleRuns(new DOMParser().parseFromString(html, 'text/html'));
}

/** The part of chrome.offscreen used here (injected, so it can be tested). */
export interface OffscreenApi {
  createDocument(parameters: { url: string; reasons: 'DOM_PARSER'[]; justification: string }): Promise<void>;
  closeDocument(): Promise<void>;
}

/**
 * The offscreen document closes this long after its last page. At once by default: a timer does not
 * outlive a service worker the browser stops, and a document left open keeps the worker alive.
 */
export const OFFSCREEN_IDLE_MS = 0;

/**
 * Reads articles in an offscreen document at `url`, asking it with `ask` once it is open. Pages are
 * read one at a time (one document; each read holds it for a while); it closes when idle.
 */
export function offscreenReader(
  api: OffscreenApi,
  url: string,
  ask: (html: string) => Promise<ArticleRuns | null>,
  idleMs = OFFSCREEN_IDLE_MS,
): (html: string) => Promise<ArticleRuns | null> {
  let open: Promise<void> | null = null;
  let queue: Promise<unknown> = Promise.resolve();
  let pending = 0;
  let idleTimer: ReturnType<typeof setTimeout> | undefined;

  const ensureOpen = (): Promise<void> => {
    open ??= api
      .createDocument({
        url,
        reasons: ['DOM_PARSER'],
        justification: 'Finds the article of a very large page without holding the page up.',
      })
      .catch((error: unknown) => {
        // The worker was restarted while the document stayed open: it is there, use it.
        if (!/single offscreen/i.test(String(error))) {
          open = null;
          throw error;
        }
      });
    return open;
  };
  const closeWhenIdle = () => {
    clearTimeout(idleTimer);
    idleTimer = setTimeout(() => {
      if (pending > 0 || !open) return;
      open = null;
      void api.closeDocument().catch(() => {});
    }, idleMs);
  };

  return (html) => {
    pending++;
    clearTimeout(idleTimer);
    const read = queue.then(async () => {
      await ensureOpen();
      return ask(html);
    });
    queue = read.catch(() => {});
    return read.finally(() => {
      pending--;
      if (pending === 0) closeWhenIdle();
    });
  };
}
