// Finding names the way the matcher reads them: folded (hamza and alef forms, diacritics, tatweel,
// letter case), so "ايران" finds إيران and "iran" finds Iran.
import type { Entity } from '../entities/types';
import { foldText } from '../text/fold';

/** A test for names: true when any of them contains the query, both folded. Empty query: everything. */
export function nameFilter(query: string): (names: readonly string[]) => boolean {
  const wanted = foldText(query.trim());
  if (!wanted) return () => true;
  return (names) => names.some((name) => foldText(name).includes(wanted));
}

interface Indexed {
  entity: Entity;
  /** Folded names first, then aliases, demonyms and surnames. */
  forms: string[];
  /** How many of `forms` are names (ranked above the other spellings). */
  names: number;
}

const foldForm = (form: string) => foldText(form).replace(/\s+/g, ' ').trim();

/** How well `form` answers `query` (both folded): lower is better; -1 when it does not. */
function tier(form: string, query: string): number {
  if (form === query) return 0;
  if (form.startsWith(query)) return 1;
  // A later word, or a word after its article (الأردن for "اردن"), starts with the query.
  if (` ${form}`.includes(` ${query}`) || ` ${form}`.includes(` ال${query}`)) return 2;
  return form.includes(query) ? 3 : -1;
}

/**
 * A search over entities by every way they are written, folded as the matcher folds (hamza seats,
 * diacritics, tatweel; Latin case and accents), best first: a whole name, then a name's start, a
 * word's start, anywhere; names before other spellings, shorter forms first. `entities` is read
 * and folded on the first search (and again when it changed size), so a search nobody makes costs
 * nothing.
 */
export function entityFinder(
  entities: () => readonly Entity[],
): (query: string, limit?: number, skip?: string) => Entity[] {
  let index: Indexed[] | undefined;
  let indexed: readonly Entity[] = [];
  return (query, limit = 8, skip) => {
    const wanted = foldForm(query);
    if (wanted === '') return [];
    // Indexed again when the list grew (a page's dictionary arrives after its first search).
    const now = entities();
    if (now.length !== indexed.length) index = undefined;
    indexed = now;
    index ??= now.map((entity) => {
      const names = [entity.names.ar, entity.names.en].filter(Boolean);
      const others = [entity.aliases, entity.demonyms, entity.surnames].flatMap((f) => [...f.ar, ...f.en]);
      return { entity, forms: [...names, ...others].map(foldForm), names: names.length };
    });
    const ranked: { entity: Entity; score: number; length: number }[] = [];
    for (const { entity, forms, names } of index) {
      if (entity.id === skip) continue;
      let best: { score: number; length: number } | undefined;
      forms.forEach((form, i) => {
        const t = tier(form, wanted);
        if (t < 0) return;
        const score = t * 2 + (i < names ? 0 : 1);
        if (!best || score < best.score || (score === best.score && form.length < best.length))
          best = { score, length: form.length };
      });
      if (best) ranked.push({ entity, ...best });
    }
    ranked.sort((a, b) => a.score - b.score || a.length - b.length || a.entity.id.localeCompare(b.entity.id));
    return ranked.slice(0, limit).map((r) => r.entity);
  };
}
