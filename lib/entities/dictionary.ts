// The dictionary the extension ships (built by `npm run dictionary`) is a packaged file, not part of
// any script: a content script stays small on the pages it never analyses, and the dictionary is
// fetched and compiled once per page, only when a page is analysed. The file is web-accessible
// (wxt.config.ts), behind Chrome's per-session dynamic URL, so a page cannot probe for it.
import { browser } from 'wxt/browser';
import { DICTIONARY_FILE } from './dictionary-file';
import { compileMatcher, type Matcher } from './matcher';
import type { Dictionary } from './types';

let loading: Promise<Dictionary> | undefined;

/** The shipped dictionary, fetched once per context. */
export function loadShippedDictionary(): Promise<Dictionary> {
  // The file is added by a build hook, so WXT's typed public paths do not list it.
  const url = (browser.runtime.getURL as (path: string) => string)(`/${DICTIONARY_FILE}`);
  loading ??= fetch(url).then(async (response) => {
    if (!response.ok) throw new Error(`cannot load ${DICTIONARY_FILE}: HTTP ${response.status}`);
    return (await response.json()) as Dictionary;
  });
  return loading;
}

/**
 * A matcher for the shipped dictionary that can be handed out before the file arrives: it finds
 * nothing until `ready()` has resolved, which callers await before analysing.
 */
export interface ShippedMatcher extends Matcher {
  ready(): Promise<void>;
  readonly loaded: boolean;
  /** How long the dictionary took to arrive and compile (for the bench); 0 before that. */
  readonly loadMs: number;
}

export function shippedMatcher(): ShippedMatcher {
  let compiled: Matcher | undefined;
  let pending: Promise<void> | undefined;
  let loadMs = 0;
  return {
    get loaded() {
      return compiled !== undefined;
    },
    get loadMs() {
      return loadMs;
    },
    ready() {
      pending ??= (async () => {
        const started = performance.now();
        compiled = compileMatcher(await loadShippedDictionary());
        loadMs = performance.now() - started;
      })();
      return pending;
    },
    match: (text) => compiled?.match(text) ?? [],
    entity: (id) => compiled?.entity(id),
    get entities() {
      return compiled?.entities ?? [];
    },
  };
}
