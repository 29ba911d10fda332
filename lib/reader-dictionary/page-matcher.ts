// The page's matcher with the reader's dictionary in front (./apply.ts): the entries are read from
// the background with the dictionary, and again whenever the reader changes them in any tab; only
// the reader's own small matcher is compiled again, never the big dictionary.
import type { ShippedMatcher } from '../entities/dictionary';
import type { CompileMatcher } from '../entities/matcher';
import type { Entity, Mention } from '../entities/types';
import type { TextScan } from '../text/fold';
import { withReaderDictionary } from './apply';
import type { ReaderEntry } from './model';

export interface ReaderPageMatcher extends ShippedMatcher {
  /** Reads the reader's entries again (after they changed) and applies them. */
  reloadEntries(): Promise<void>;
  /** The reader's entries applied now, oldest first (what a correction from the card builds on). */
  readonly entries: readonly ReaderEntry[];
  /** The entity as the dictionary (shipped, packs) has it, before the reader's corrections. */
  dictionaryEntity(id: string): Entity | undefined;
}

/**
 * `base` (the shipped dictionary, with packs) with the reader's entries for a page on `site`.
 * Entries that cannot be read leave the page with the dictionary alone; `loadCompiler` is asked
 * only when there are entries.
 */
export function withReaderEntries(
  base: ShippedMatcher,
  loadEntries: () => Promise<readonly ReaderEntry[]>,
  site: string,
  loadCompiler: () => Promise<CompileMatcher>,
): ReaderPageMatcher {
  let applied = withReaderDictionary(base, [], site, null);
  let appliedEntries: readonly ReaderEntry[] = [];
  let entriesRead = false;
  let generation = 0;
  let pending: Promise<void> | undefined;
  let entriesReading: Promise<void> | undefined;
  const readEntries = async () => {
    const current = ++generation;
    const entries = await loadEntries().catch(() => []);
    const compile = entries.length > 0 ? await loadCompiler().catch(() => null) : null;
    if (current !== generation) return; // a later change is being read
    applied = withReaderDictionary(base, entries, site, compile);
    appliedEntries = entries;
    entriesRead = true;
  };
  // Read once for ready(), prime() and preload(), whichever comes first.
  const entriesOnce = (): Promise<void> => {
    entriesReading ??= readEntries();
    return entriesReading;
  };
  return {
    get loaded() {
      return base.loaded && entriesRead;
    },
    get loadMs() {
      return base.loadMs;
    },
    ready() {
      pending ??= Promise.all([base.ready(), entriesOnce()]).then(() => undefined);
      return pending;
    },
    preload() {
      base.preload();
      void entriesOnce();
    },
    async prime(text, firstEnd) {
      const [apart] = await Promise.all([base.prime(text, firstEnd), entriesOnce()]);
      return apart;
    },
    partialFor: (text) => base.partialFor(text),
    readyFor: (text) => base.readyFor(text) && entriesRead,
    described: () => base.described(),
    reloadEntries: readEntries,
    get entries() {
      return appliedEntries;
    },
    dictionaryEntity: (id: string): Entity | undefined => base.entity(id),
    match: (text: string, scanned?: TextScan): Mention[] => applied.match(text, scanned),
    entity: (id: string): Entity | undefined => applied.entity(id),
    typeOf: (id: string) => applied.typeOf(id),
    get entities(): readonly Entity[] {
      return applied.entities;
    },
  };
}
