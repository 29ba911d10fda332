// In-page UI lives in a shadow root under a host of our own, outside <body> so it is never part of
// the article, and styled so the page's CSS cannot reach in. The host has no size and lets clicks
// through; only the card itself takes pointer events.
//
// The host is a <div>: a page can define a custom element for any name with a hyphen (and then
// attachShadow on our element throws), never for a name without one. It is told apart by identity,
// and found by tests through HOST_ATTRIBUTE.
export const HOST_ATTRIBUTE = 'data-hashiya-ui';

// Every host made here, so the change watcher can tell our UI from the page's changes.
const hosts = new WeakSet<Node>();

/** True for the host element of any of our in-page UI (card, selection toolbar…). */
export function isUiHost(node: unknown): boolean {
  return typeof node === 'object' && node !== null && hosts.has(node as Node);
}

export interface ShadowHost {
  host: HTMLElement;
  container: HTMLElement;
  remove(): void;
}

/**
 * `mode` is 'open' only for UI that shows dictionary data and counts (accessibility tools and
 * tests reach it); anything that shows the reader's own words (notes, tags) is 'closed', so the
 * page's scripts can never read it.
 */
export function createShadowHost(
  doc: Document,
  css: string,
  dir: 'rtl' | 'ltr',
  mode: ShadowRootMode = 'open',
): ShadowHost {
  const host = doc.createElement('div');
  host.setAttribute(HOST_ATTRIBUTE, '');
  host.style.cssText =
    'all: initial !important; position: fixed !important; top: 0 !important; left: 0 !important; width: 0 !important; height: 0 !important; z-index: 2147483647 !important; pointer-events: none !important;';
  const root = host.attachShadow({ mode });
  const style = doc.createElement('style');
  style.textContent = css;
  const container = doc.createElement('div');
  container.dir = dir;
  root.append(style, container);
  doc.documentElement.append(host);
  hosts.add(host);
  return { host, container, remove: () => host.remove() };
}
