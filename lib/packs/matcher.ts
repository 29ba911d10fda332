// The page's matcher with packs: the shipped dictionary's matcher plus one matcher per switched-on
// pack, each compiled from its own entities (the shipped dictionary's format and loading are not
// touched). Where mentions overlap, a pack's win over the shipped dictionary's, and an earlier
// pack's over a later one's: a reader who installs a pack wants its reading of a name.
import type { ShippedMatcher } from '../entities/dictionary';
import { type CompileMatcher, type Matcher, matchEach } from '../entities/matcher';
import { mergePreferring } from '../entities/merge';
import type { Entity, Mention } from '../entities/types';
import { type Pack, packEntities } from './format';
import type { InstalledPack } from './store';

/** One matcher over several: `first` wins over each later one where their mentions overlap. */
export function combineMatchers(ordered: readonly Matcher[]): Matcher {
  return {
    match(text, scanned) {
      let result: Mention[] = [];
      for (const found of matchEach(text, ordered, scanned)) result = mergePreferring(result, found);
      return result;
    },
    // Asked of each matcher in turn (the shipped one may still be loading when this is made).
    entity(id) {
      for (const matcher of ordered) {
        const entity = matcher.entity(id);
        if (entity) return entity;
      }
      return undefined;
    },
    get entities(): readonly Entity[] {
      return ordered.flatMap((matcher) => matcher.entities);
    },
  };
}

/** The page's matcher: ready() loads the shipped dictionary and the switched-on packs together. */
export interface PageMatcher extends ShippedMatcher {
  /** Reads the switched-on packs again (after the reader changed them) and recompiles. */
  reloadPacks(): Promise<void>;
  /** The packs in use, for the bench and tests. */
  readonly packs: readonly string[];
}

export type PackLoader = () => Promise<readonly { entry: InstalledPack; pack: Pack }[]>;

/**
 * `loadCompiler` gives the compiler, asked for only when a pack is on; packs it cannot give are left
 * out, as a pack that cannot be read is.
 */
export function withPacks(
  shipped: ShippedMatcher,
  loadPacks: PackLoader,
  loadCompiler: () => Promise<CompileMatcher>,
): PageMatcher {
  let packMatchers: Matcher[] = [];
  let packIds: string[] = [];
  let combined: Matcher = shipped;
  let pending: Promise<void> | undefined;
  let packsReading: Promise<void> | undefined;
  let packsRead = false;
  let generation = 0;
  let packsMs = 0;
  const readPacks = async () => {
    const started = performance.now();
    const current = ++generation;
    // A pack that cannot be read is left out: the page is analysed with what there is.
    const read = await loadPacks().catch(() => []);
    const compile = read.length > 0 ? await loadCompiler().catch(() => null) : null;
    if (current !== generation) return; // a later change is being read
    const loaded = compile ? read : [];
    packMatchers = compile
      ? loaded.map(({ entry, pack }) => compile({ version: 1, entities: packEntities(entry.id, pack) }))
      : [];
    packIds = loaded.map(({ entry }) => entry.id);
    combined = packMatchers.length > 0 ? combineMatchers([...packMatchers, shipped]) : shipped;
    packsMs = performance.now() - started;
    packsRead = true;
  };
  // Read once for ready(), prime() and preload(), whichever comes first.
  const packsOnce = (): Promise<void> => {
    packsReading ??= readPacks();
    return packsReading;
  };
  return {
    get loaded() {
      return shipped.loaded && packsRead;
    },
    get loadMs() {
      return shipped.loadMs + packsMs;
    },
    ready() {
      pending ??= Promise.all([shipped.ready(), packsOnce()]).then(() => undefined);
      return pending;
    },
    preload() {
      shipped.preload();
      void packsOnce();
    },
    async prime(text, firstEnd) {
      const [apart] = await Promise.all([shipped.prime(text, firstEnd), packsOnce()]);
      return apart;
    },
    partialFor: (text) => shipped.partialFor(text),
    readyFor: (text) => shipped.readyFor(text) && packsRead,
    described: () => shipped.described(),
    async reloadPacks() {
      await readPacks();
    },
    get packs() {
      return packIds;
    },
    match: (text, scanned) => combined.match(text, scanned),
    entity: (id) => combined.entity(id),
    // A pack's entity wins, as in entity(); the shipped dictionary tells a type without its entry.
    typeOf(id) {
      for (const pack of packMatchers) {
        const entity = pack.entity(id);
        if (entity) return entity.type;
      }
      return shipped.typeOf(id);
    },
    get entities() {
      return combined.entities;
    },
  };
}
