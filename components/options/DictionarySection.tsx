import { useState } from 'preact/hooks';
import { ENTITY_TYPES, type Entity, type EntityType } from '@/lib/entities/types';
import { nameFilter } from '@/lib/ui/find';
import { countText, monthLabel, t, typeLabel, uiNameLanguage } from '@/lib/ui/i18n';
import { TypeMark } from '../TypeMark';

/** An entity and the dictionary it comes from (the built-in one today; packs add more). */
export interface DictionaryEntry {
  entity: Entity;
  source: string;
}

/**
 * Names listed at first, and added by each "Show more": the dictionary has thousands of entities
 * (more with packs), and rendering them all made every keystroke in the search wait for the list.
 */
export const DICTIONARY_PAGE = 100;

/** Every entity Hashiya recognises: searchable (folded like the matcher), filterable by type and source. */
export function DictionarySection({ entries }: { entries: readonly DictionaryEntry[] }) {
  const [query, setQuery] = useState('');
  const [type, setType] = useState<EntityType | ''>('');
  const [source, setSource] = useState('');
  const [limit, setLimit] = useState(DICTIONARY_PAGE);
  // A new search or filter starts again from the first page.
  const refine =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      set(value);
      setLimit(DICTIONARY_PAGE);
    };
  const first = uiNameLanguage();
  const second = first === 'ar' ? 'en' : 'ar';
  const sources = [...new Set(entries.map((entry) => entry.source))];
  const matches = nameFilter(query);
  const shown = entries.filter(
    ({ entity, source: from }) =>
      (!type || entity.type === type) &&
      (!source || from === source) &&
      matches([entity.names.ar, entity.names.en, ...entity.aliases.ar, ...entity.aliases.en]),
  );
  return (
    <>
      <div class="filters">
        <label class="search">
          <span class="visually-hidden">{t('dictionarySearch')}</span>
          <input
            type="search"
            data-dictionary-search
            value={query}
            placeholder={t('dictionarySearch')}
            onInput={(e) => refine(setQuery)(e.currentTarget.value)}
          />
        </label>
        <label class="select">
          <span>{t('filterType')}</span>
          <select
            data-filter-type
            value={type}
            onChange={(e) => refine(setType)(e.currentTarget.value as EntityType | '')}
          >
            <option value="">{t('filterAll')}</option>
            {ENTITY_TYPES.map((value) => (
              <option key={value} value={value}>
                {typeLabel(value)}
              </option>
            ))}
          </select>
        </label>
        {sources.length > 1 && (
          <label class="select">
            <span>{t('filterSource')}</span>
            <select
              data-filter-source
              value={source}
              onChange={(e) => refine(setSource)(e.currentTarget.value)}
            >
              <option value="">{t('filterAll')}</option>
              {sources.map((value) => (
                <option key={value} value={value}>
                  {value}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      <p class="muted" role="status" data-result-count={shown.length}>
        {shown.length === 0 ? t('nothingMatches', query) : countText('names', shown.length)}
      </p>
      <ul class="dictionary">
        {shown.slice(0, limit).map(({ entity }) => (
          <li
            key={entity.id}
            class="dictionary-entry"
            data-entity-id={entity.id}
            data-entity-type={entity.type}
          >
            <span class="dictionary-type">
              <TypeMark type={entity.type} />
              {typeLabel(entity.type, 'singular')}
            </span>
            <span class="dictionary-names">
              <bdi class="entity-name" lang={first}>
                {entity.names[first]}
              </bdi>{' '}
              <bdi class="entity-other-name" lang={second}>
                {entity.names[second]}
              </bdi>
            </span>
            <span class="dictionary-description" lang={first} dir="auto">
              {entity.description[first]}
              {entity.asOf && ` (${t('entityAsOf', [monthLabel(entity.asOf)])})`}
            </span>
          </li>
        ))}
      </ul>
      {shown.length > limit && (
        <button
          type="button"
          class="link show-more"
          data-show-more
          onClick={() => setLimit(limit + DICTIONARY_PAGE)}
        >
          {t('dictionaryShowMore', String(Math.min(DICTIONARY_PAGE, shown.length - limit)))}
        </button>
      )}
    </>
  );
}
