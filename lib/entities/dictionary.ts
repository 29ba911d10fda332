// The dictionary the extension ships (built by `npm run dictionary`) is two packaged files, not part
// of any script: a content script stays small on the pages it never analyses, and the dictionary is
// fetched once per page, only when a page is analysed. The tables file holds the compiled matcher
// tables (dictionary-tables.ts): the page views them as they are, nothing is compiled there. The
// entries file (names, descriptions…) is fetched once the tables are in, so the page waits only for
// what matching and painting need. Both are web-accessible (wxt.config.ts), behind Chrome's
// per-session dynamic URL, so a page cannot probe for them.
import { browser } from 'wxt/browser';
import { DICTIONARY_ENTRIES_FILE, DICTIONARY_FILE } from './dictionary-file';
import {
  dictionaryFromFiles,
  type FileMatcher,
  pageMatcherFromFile,
  type TypedMatcher,
} from './dictionary-tables';
import type { Dictionary } from './types';

const fetched = new Map<string, Promise<ArrayBuffer>>();

/** A packaged file, fetched once per context. */
function loadPackaged(name: string): Promise<ArrayBuffer> {
  let loading = fetched.get(name);
  if (!loading) {
    // The files are added by a build hook, so WXT's typed public paths do not list them.
    const url = (browser.runtime.getURL as (path: string) => string)(`/${name}`);
    loading = fetch(url).then((response) => {
      if (!response.ok) throw new Error(`cannot load ${name}: HTTP ${response.status}`);
      return response.arrayBuffer();
    });
    // A failed fetch is tried again at the next use.
    loading.catch(() => fetched.delete(name));
    fetched.set(name, loading);
  }
  return loading;
}

/** The shipped dictionary with every entity (the options page and the library list them). */
export async function loadShippedDictionary(): Promise<Dictionary> {
  const [tables, entries] = await Promise.all([
    loadPackaged(DICTIONARY_FILE),
    loadPackaged(DICTIONARY_ENTRIES_FILE),
  ]);
  return dictionaryFromFiles(tables, entries);
}

/**
 * A matcher for the shipped dictionary that can be handed out before its files arrive: it finds
 * nothing until `ready()` has resolved, which callers await before analysing, and names no entity
 * (entity() undefined, `entities` empty) until `described()` has resolved.
 */
export interface ShippedMatcher extends TypedMatcher {
  /** The tables are in: matching and types. */
  ready(): Promise<void>;
  readonly loaded: boolean;
  /**
   * The entries are in too (fetched once the tables are); resolves at once where nothing was
   * asked to load (no analysis, no entity to name). Rejects when they cannot be read.
   */
  described(): Promise<void>;
  /** How long the tables took to arrive and be read (for the bench); 0 before that. */
  readonly loadMs: number;
}

export function shippedMatcher(): ShippedMatcher {
  let compiled: FileMatcher | undefined;
  let pending: Promise<void> | undefined;
  let entries: Promise<void> | undefined;
  let loadMs = 0;
  // Fetched once the tables are in; after a failure, tried again at the next described().
  const describe = (tables: FileMatcher): Promise<void> => {
    entries ??= loadPackaged(DICTIONARY_ENTRIES_FILE).then(
      (file) => tables.addEntries(file),
      (error: unknown) => {
        entries = undefined;
        throw error;
      },
    );
    return entries;
  };
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
        const tables = pageMatcherFromFile(await loadPackaged(DICTIONARY_FILE));
        loadMs = performance.now() - started;
        compiled = tables;
        describe(tables).catch(() => {}); // met by described()
      })();
      return pending;
    },
    async described() {
      if (!pending) return;
      await pending;
      if (compiled) await describe(compiled);
    },
    match: (text, scanned) => compiled?.match(text, scanned) ?? [],
    entity: (id) => compiled?.entity(id),
    typeOf: (id) => compiled?.typeOf(id),
    get entities() {
      return compiled?.entities ?? [];
    },
  };
}
