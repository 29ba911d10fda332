// The background's side of matching apart from the page (./matches-apart.ts): one matcher over the
// shipped tables for every tab, loaded at the first page that asks and kept warm from one page to
// the next, where each page's own matcher would run cold (DESIGN.md §7).
import { type FileMatcher, pageMatcherFromFile } from './dictionary-tables';
import { encodeMatches, type MatchesApart } from './matches-apart';

export interface MatchingApart {
  /** Loads the tables now (a page is extracting its article). */
  warm(): Promise<void>;
  match(text: string): Promise<MatchesApart>;
}

export function matchingApart(loadTables: () => Promise<ArrayBuffer>): MatchingApart {
  let matcher: Promise<FileMatcher> | undefined;
  const loaded = (): Promise<FileMatcher> => {
    if (!matcher) {
      matcher = loadTables().then(pageMatcherFromFile);
      // A failed load is tried again at the next page.
      matcher.catch(() => {
        matcher = undefined;
      });
    }
    return matcher;
  };
  return {
    async warm() {
      await loaded();
    },
    async match(text) {
      const tables = await loaded();
      const started = performance.now();
      const found = encodeMatches(tables.match(text), (id) => tables.typeOf(id));
      return { ...found, tookMs: performance.now() - started };
    },
  };
}
