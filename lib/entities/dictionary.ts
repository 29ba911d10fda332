// The dictionary the extension ships (built by `npm run dictionary`) is two packaged files, not part
// of any script: a content script stays small on the pages it never analyses. The tables file holds
// the compiled matcher tables (dictionary-tables.ts), viewed as they are, nothing compiled; the
// entries file holds names, descriptions… The background reads both once and matches every tab's
// article (./matcher-apart.ts), so a page normally holds neither: its shipped matcher asks for the
// mentions and for the entries of what was found. Where the background cannot answer, the page
// fetches the tables (then the entries) and matches on its own, with the matcher's code from the
// in-page extras chunk: the content script every page loads does not carry it. Both files are
// web-accessible (wxt.config.ts), behind Chrome's per-session dynamic URL, so a page cannot probe
// for them.
import { browser } from 'wxt/browser';
import { DICTIONARY_ENTRIES_FILE, DICTIONARY_FILE } from './dictionary-file';
import {
  dictionaryFromFiles,
  type FileMatcher,
  type pageMatcherFromFile,
  type TypedMatcher,
} from './dictionary-tables';
import type { MatchingApart } from './matcher-apart';
import { decodeMatches } from './matches-apart';
import type { Dictionary, Entity, EntityType, Mention } from './types';

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

/** The shipped dictionary's tables file (the background matches pages' articles with it). */
export function loadShippedTables(): Promise<ArrayBuffer> {
  return loadPackaged(DICTIONARY_FILE);
}

/** The shipped dictionary's entries file (the background describes what pages found with it). */
export function loadShippedEntries(): Promise<ArrayBuffer> {
  return loadPackaged(DICTIONARY_ENTRIES_FILE);
}

/** The shipped dictionary with every entity (the options page and the library list them). */
export async function loadShippedDictionary(): Promise<Dictionary> {
  const [tables, entries] = await Promise.all([
    loadPackaged(DICTIONARY_FILE),
    loadPackaged(DICTIONARY_ENTRIES_FILE),
  ]);
  return dictionaryFromFiles(tables, entries);
}

/** What matching an article apart from the page cost. */
export interface MatchedApart {
  /** The matching where it was done (part of the page's wait). */
  tookMs: number;
  /** The page's own share: sending the text and reading the mentions that came back. */
  pageMs: number;
}

/** The first part of a text matched apart: see ShippedMatcher.partialFor. */
export interface PartialMatch {
  until: number;
  rest(): Promise<MatchedApart | null>;
}

/**
 * A matcher for the shipped dictionary that can be handed out before its files arrive: it finds
 * nothing until `ready()` (or `prime(text)`, for that text) has resolved, which callers await before
 * analysing, and names no entity (entity() undefined, `entities` empty) until `described()` has
 * resolved.
 */
export interface ShippedMatcher extends TypedMatcher {
  /** The tables are in: matching and types. */
  ready(): Promise<void>;
  readonly loaded: boolean;
  /** Starts what `prime` needs loading, before there is a text to match. */
  preload(): void;
  /**
   * Makes match(text) ready for this text: found apart from the page where it can be, else with
   * the tables (ready()). Resolves to what matching apart cost, or null when it was not done.
   * `firstEnd` (< text.length, just past a block break): only the mentions before it are asked for
   * now, so a long article's first screen waits for a short text's trip; partialFor() then tells.
   */
  prime(text: string, firstEnd?: number): Promise<MatchedApart | null>;
  /**
   * After prime(text, firstEnd): match(text) gives only the mentions that end before `until`, and
   * rest() asks for the others (resolving once match(text) gives them all, with what that cost the
   * page, or null where the page matched on its own). Undefined when match(text) is complete.
   */
  partialFor(text: string): PartialMatch | undefined;
  /** match(text) answers for this text now (the tables are in, or it was primed with it). */
  readyFor(text: string): boolean;
  /**
   * The entries are in too: of what was found apart (from the background), or all of them (the
   * file, fetched once the tables are). Resolves at once where nothing was asked to load (no
   * analysis, no entity to name). Rejects when they cannot be read.
   */
  described(): Promise<void>;
  /** How long the tables took to arrive and be read (for the bench); 0 before that. */
  readonly loadMs: number;
}

/**
 * How long a page waits for the background's mentions before it matches on its own: far longer
 * than a stopped worker takes to start, read its tables and match a very long article cold.
 */
export const APART_TIMEOUT_MS = 3_000;

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    promise.then(resolve, reject).finally(() => clearTimeout(timer));
  });
}

/** Makes a page's matcher of the tables file: pageMatcherFromFile, from wherever its code is. */
export type MatcherOfTables = typeof pageMatcherFromFile;

/**
 * `matcherCode`: the matcher's code, asked for only where the page matches on its own (the content
 * script has it from the in-page extras chunk: most pages never run it). `apart`: where the shipped
 * dictionary's matching can be done apart from the page (the background's matcher, warm from one
 * page to the next): the page then waits for the mentions, not for the tables, and its main thread
 * does not run a cold matcher.
 */
export function shippedMatcher(
  matcherCode: () => Promise<MatcherOfTables>,
  apart?: MatchingApart,
): ShippedMatcher {
  let compiled: FileMatcher | undefined;
  let pending: Promise<void> | undefined;
  let entries: Promise<void> | undefined;
  let loadMs = 0;
  // The last text matched apart from the page, its mentions and their entities' types; `until`: only
  // those before it so far (prime's first part), `rest` the ask for the others once made.
  let primed:
    | {
        text: string;
        mentions: Mention[];
        types: Map<string, EntityType>;
        until?: number;
        rest?: Promise<MatchedApart | null>;
      }
    | undefined;
  let warmed = false;
  // The entries of the entities found apart, as the background sent them (no file on the page).
  const describedApart = new Map<string, Entity>();
  // Fetched once the tables are in; after a failure, tried again at the next described().
  const describe = (tables: FileMatcher): Promise<void> => {
    entries ??= loadShippedEntries().then(
      (file) => tables.addEntries(file),
      (error: unknown) => {
        entries = undefined;
        throw error;
      },
    );
    return entries;
  };
  /** Has the background match `text`: its mentions decoded, and what that cost the page. */
  const matchApart = async (text: string) => {
    if (!apart) throw new Error('nothing matches apart from the page');
    // The text is copied for the message on this thread, before the promise comes back.
    const sending = performance.now();
    const asked = apart.match(text);
    const sentMs = performance.now() - sending;
    const sent = await withTimeout(asked, APART_TIMEOUT_MS);
    const reading = performance.now();
    const found = decodeMatches(sent, text.length);
    return { found, cost: { tookMs: sent.tookMs ?? 0, pageMs: sentMs + performance.now() - reading } };
  };
  const ready = (): Promise<void> => {
    if (!pending) {
      pending = (async () => {
        const started = performance.now();
        const [file, matcherOf] = await Promise.all([loadShippedTables(), matcherCode()]);
        const tables = matcherOf(file);
        loadMs = performance.now() - started;
        compiled = tables;
        describe(tables).catch(() => {}); // met by described()
      })();
      // A failed read is tried again at the next analysis of the page (its change, the reader's ask).
      pending.catch(() => {
        pending = undefined;
      });
    }
    return pending;
  };
  return {
    get loaded() {
      return compiled !== undefined;
    },
    preload() {
      if (warmed || !apart) return;
      warmed = true;
      apart.warm().catch(() => {}); // prime() meets any failure
    },
    async prime(text, firstEnd = text.length) {
      if (compiled || !apart) {
        await ready();
        return null;
      }
      const part = firstEnd < text.length ? text.slice(0, firstEnd) : text;
      try {
        const { found, cost } = await matchApart(part);
        primed = { text, ...found, ...(part === text ? {} : { until: part.length }) };
        return cost;
      } catch {
        // The background could not answer (stopped, busy past the timeout, or its files
        // unreadable): match on the page.
        await ready();
        return null;
      }
    },
    partialFor(text) {
      const first = primed;
      if (first?.text !== text || first.until === undefined) return undefined;
      const rest = async (): Promise<MatchedApart | null> => {
        try {
          const { found, cost } = await matchApart(text);
          if (primed === first) primed = { text, ...found };
          return cost;
        } catch {
          await ready(); // as in prime(): the page matches the whole text on its own
          if (primed === first) primed = undefined;
          return null;
        }
      };
      return {
        until: first.until,
        rest: () => {
          first.rest ??= rest();
          return first.rest;
        },
      };
    },
    readyFor: (text) => compiled !== undefined || primed?.text === text,
    get loadMs() {
      return loadMs;
    },
    ready,
    async described() {
      if (pending) {
        await pending;
        if (compiled) await describe(compiled);
        return;
      }
      // Matched apart: the background describes what was found, and the page loads no file.
      const missing = [...(primed?.types.keys() ?? [])].filter((id) => !describedApart.has(id));
      if (!apart || missing.length === 0) return;
      try {
        for (const entity of await apart.describe(missing)) describedApart.set(entity.id, entity);
      } catch {
        await ready(); // the background stopped answering: the page reads the files after all
        if (compiled) await describe(compiled);
      }
    },
    // What was found apart stays right for its text: the tables are the same either way.
    match: (text, scanned) =>
      primed?.text === text ? primed.mentions.slice() : (compiled?.match(text, scanned) ?? []),
    entity: (id) => compiled?.entity(id) ?? describedApart.get(id),
    typeOf: (id) => compiled?.typeOf(id) ?? primed?.types.get(id),
    // Until the files are read (ready(), then described()), only the entities described apart.
    get entities() {
      return compiled?.described ? compiled.entities : [...describedApart.values()];
    },
  };
}
