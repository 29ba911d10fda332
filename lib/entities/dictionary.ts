// The dictionary the extension ships (built by `npm run dictionary`) is a packaged file, not part of
// any script: a content script stays small on the pages it never analyses, and the dictionary is
// fetched once per page, only when a page is analysed. The file holds the compiled matcher tables
// (dictionary-tables.ts): the page views them as they are, nothing is compiled there. The file is
// web-accessible (wxt.config.ts), behind Chrome's per-session dynamic URL, so a page cannot probe for it.
import { browser } from 'wxt/browser';
import { DICTIONARY_FILE } from './dictionary-file';
import { dictionaryFromFile, matcherFromFile, type TypedMatcher } from './dictionary-tables';
import type { Dictionary } from './types';

let loading: Promise<ArrayBuffer> | undefined;

/** The shipped dictionary file, fetched once per context. */
function loadShippedFile(): Promise<ArrayBuffer> {
  // The file is added by a build hook, so WXT's typed public paths do not list it.
  const url = (browser.runtime.getURL as (path: string) => string)(`/${DICTIONARY_FILE}`);
  loading ??= fetch(url).then((response) => {
    if (!response.ok) throw new Error(`cannot load ${DICTIONARY_FILE}: HTTP ${response.status}`);
    return response.arrayBuffer();
  });
  return loading;
}

/** The shipped dictionary with every entity (the options page and the library list them). */
export async function loadShippedDictionary(): Promise<Dictionary> {
  return dictionaryFromFile(await loadShippedFile());
}

/**
 * A matcher for the shipped dictionary that can be handed out before the file arrives: it finds
 * nothing until `ready()` has resolved, which callers await before analysing.
 */
export interface ShippedMatcher extends TypedMatcher {
  ready(): Promise<void>;
  readonly loaded: boolean;
  /** How long the dictionary took to arrive and be read (for the bench); 0 before that. */
  readonly loadMs: number;
}

export function shippedMatcher(): ShippedMatcher {
  let compiled: TypedMatcher | undefined;
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
        compiled = matcherFromFile(await loadShippedFile(), { verify: false });
        loadMs = performance.now() - started;
      })();
      return pending;
    },
    match: (text) => compiled?.match(text) ?? [],
    entity: (id) => compiled?.entity(id),
    typeOf: (id) => compiled?.typeOf(id),
    get entities() {
      return compiled?.entities ?? [];
    },
  };
}
