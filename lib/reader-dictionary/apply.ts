// The reader's dictionary on a page: their entities and added spellings matched first (compiled on
// their own, so a change never recompiles the big dictionary), their type corrections applied to
// whatever entity they correct, and their suppressions ("not this entity here") taken out of the
// mentions. Precedence: the reader, then packs, then the shipped dictionary (DESIGN.md §7).
import type { TypedMatcher } from '../entities/dictionary-tables';
import { type CompileMatcher, type Matcher, matchEach } from '../entities/matcher';
import { mergePreferring } from '../entities/merge';
import type { Entity, Mention } from '../entities/types';
import { foldText } from '../text/fold';
import { READER_SOURCE, type ReaderEntity, type ReaderEntry, readerEntityId } from './model';

/** A person's surname, counted alone after the full name: the last word of a name of several. */
function surnameOf(name: string): string[] {
  const words = name.trim().split(/\s+/);
  const last = words.at(-1) ?? '';
  return words.length > 1 && last.length >= 3 ? [last] : [];
}

/** The dictionary entity a reader entity becomes, with every rule of its type. */
export function entityOfReader(entry: ReaderEntity): Entity {
  return {
    id: readerEntityId(entry.id),
    type: entry.type,
    names: { ...entry.names },
    aliases: { ar: [...entry.aliases.ar], en: [...entry.aliases.en] },
    demonyms: { ar: [], en: [] },
    surnames:
      entry.type === 'person'
        ? { ar: surnameOf(entry.names.ar), en: surnameOf(entry.names.en) }
        : { ar: [], en: [] },
    description: { ...entry.description },
    source: READER_SOURCE,
  };
}

/**
 * `base` with the reader's `entries` applied, on a page of `site`. `base` is asked again on every
 * call, so a base still loading (the shipped dictionary, its tables, then its entries) is seen
 * once it is in; types come from its tables, so painting never waits for its entries. `compile`
 * compiles the reader's own entities and spellings.
 */
export function withReaderDictionary(
  base: Matcher & Partial<Pick<TypedMatcher, 'typeOf'>>,
  entries: readonly ReaderEntry[],
  site: string,
  compile: CompileMatcher | null,
): TypedMatcher {
  const own: Entity[] = [];
  const types = new Map<string, Entity['type']>();
  const spellings = new Map<string, { ar: string[]; en: string[] }>();
  const suppressed = new Set<string>();
  // Oldest first: a later correction of the same entity wins.
  for (const entry of entries) {
    if (entry.deleted !== undefined) continue;
    if (entry.kind === 'entity') own.push(entityOfReader(entry));
    else if (entry.kind === 'override') {
      if (entry.type) types.set(entry.entityId, entry.type);
      const added = spellings.get(entry.entityId) ?? { ar: [], en: [] };
      added.ar.push(...entry.aliases.ar);
      added.en.push(...entry.aliases.en);
      spellings.set(entry.entityId, added);
    } else if (entry.kind === 'suppression' && (entry.site === null || entry.site === site))
      suppressed.add(suppressionKey(entry.entityId, entry.form));
  }
  const entity = (id: string): Entity | undefined => {
    const found = ownById.get(id) ?? base.entity(id);
    const type = types.get(id);
    return found && type && type !== found.type ? { ...found, type } : found;
  };
  const typeOf = (id: string): Entity['type'] | undefined =>
    types.get(id) ?? ownById.get(id)?.type ?? (base.typeOf ? base.typeOf(id) : base.entity(id)?.type);
  const ownById = new Map(own.map((e) => [e.id, e]));
  // Added spellings match as aliases of the entity they were added to (its id, its card).
  const spellingEntities: Entity[] = [...spellings].map(([id, aliases]) => ({
    id,
    type: typeOf(id) ?? 'organisation',
    names: { ar: '', en: '' },
    aliases,
    demonyms: { ar: [], en: [] },
    surnames: { ar: [], en: [] },
    description: { ar: '', en: '' },
    source: READER_SOURCE,
  }));
  // Without a compiler (the extras chunk could not be loaded) the reader's names are left out.
  const readerMatcher =
    compile && own.length + spellingEntities.length > 0
      ? compile({ version: 1, entities: [...own, ...spellingEntities] })
      : null;

  return {
    match(text, scanned) {
      let found: Mention[];
      if (readerMatcher) {
        const [reader, dictionary] = matchEach(text, [readerMatcher, base], scanned) as [
          Mention[],
          Mention[],
        ];
        found = mergePreferring(reader, dictionary);
      } else found = base.match(text, scanned);
      if (suppressed.size === 0) return found;
      return found.filter((m) => !suppressed.has(suppressionKey(m.entityId, text.slice(m.start, m.end))));
    },
    entity,
    typeOf,
    get entities(): readonly Entity[] {
      return [...own, ...base.entities];
    },
  };
}

function suppressionKey(entityId: string, form: string): string {
  return `${entityId}\u0000${foldText(form)}`;
}
