// The background's side of matching apart from the page (./matches-apart.ts): one matcher over the
// shipped tables for every tab, loaded at the first page that asks and kept warm from one page to
// the next, where each page's own matcher would run cold (DESIGN.md §7).
import { type FileMatcher, warmableMatcherFromFile } from './dictionary-tables';
import { encodeMatches, type MatchesApart } from './matches-apart';
import type { Entity } from './types';

export interface MatchingApart {
  /**
   * Loads the tables now (a page is loading or extracting its article), and starts reading the
   * entries, which the page asks for once it has painted.
   */
  warm(): Promise<void>;
  match(text: string): Promise<MatchesApart>;
  /**
   * The entries of these entities (those a page found), with the entities they share a form with
   * (its cards say "also: …"): the page then needs no dictionary file of its own.
   */
  describe(ids: string[]): Promise<Entity[]>;
}

export function matchingApart(
  loadTables: () => Promise<ArrayBuffer>,
  loadEntries: () => Promise<ArrayBuffer>,
  /** Runs a slice of the matcher's warm-up later, in a task of its own. */
  later: (task: () => void) => void = (task) => setTimeout(task, 0),
): MatchingApart {
  let matcher: Promise<FileMatcher> | undefined;
  let entries: Promise<FileMatcher> | undefined;
  const loaded = (): Promise<FileMatcher> => {
    if (!matcher) {
      matcher = loadTables().then((file) => {
        const warmable = warmableMatcherFromFile(file);
        // The worker starts cold again and again (Chrome stops it after 30 s idle): its matcher's code
        // runs over the dictionary's own words, a slice a task, so a page's text meets it warm and a
        // page asking meanwhile waits for one slice at most.
        warmable.warmUp(later);
        return warmable.matcher;
      });
      // A failed load is tried again at the next page.
      matcher.catch(() => {
        matcher = undefined;
      });
    }
    return matcher;
  };
  const described = (): Promise<FileMatcher> => {
    if (!entries) {
      entries = Promise.all([loaded(), loadEntries()]).then(([tables, file]) => {
        if (!tables.described) tables.addEntries(file);
        return tables;
      });
      entries.catch(() => {
        entries = undefined;
      });
    }
    return entries;
  };
  return {
    async warm() {
      described().catch(() => {}); // met by describe()
      await loaded();
    },
    async match(text) {
      const tables = await loaded();
      const started = performance.now();
      const found = encodeMatches(tables.match(text), (id) => tables.typeOf(id));
      return { ...found, tookMs: performance.now() - started };
    },
    async describe(ids) {
      const tables = await described();
      const found = new Map<string, Entity>();
      const add = (id: string): Entity | undefined => {
        if (found.has(id)) return undefined;
        const entity = tables.entity(id);
        if (entity) found.set(id, entity);
        return entity;
      };
      for (const id of ids) {
        const entity = add(id);
        for (const others of Object.values(entity?.shared ?? {})) for (const other of others) add(other);
      }
      return [...found.values()];
    },
  };
}
