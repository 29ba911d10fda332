// Finding names the way the matcher reads them: folded (hamza and alef forms, diacritics, tatweel,
// letter case), so "ايران" finds إيران and "iran" finds Iran.
import { foldText } from '../text/fold';

/** A test for names: true when any of them contains the query, both folded. Empty query: everything. */
export function nameFilter(query: string): (names: readonly string[]) => boolean {
  const wanted = foldText(query.trim());
  if (!wanted) return () => true;
  return (names) => names.some((name) => foldText(name).includes(wanted));
}
