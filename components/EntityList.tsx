import { TYPE_STYLES } from '@/lib/entities/type-styles';
import { ENTITY_TYPES } from '@/lib/entities/types';
import type { EntityCount, StepResult } from '@/lib/messaging/protocol';
import { t, typeLabel, uiNameLanguage } from '@/lib/ui/i18n';

export type EntitySort = 'count' | 'order';

export interface EntityListProps {
  entities: readonly EntityCount[];
  sort: EntitySort;
  hiddenTypes: readonly string[];
  hiddenEntities: readonly string[];
  /** Where the reader is in each entity's mentions, after stepping. */
  positions: ReadonlyMap<string, StepResult>;
  onStep: (entityId: string, direction: 1 | -1) => void;
}

export function sortEntities(entities: readonly EntityCount[], sort: EntitySort): EntityCount[] {
  return [...entities].sort((a, b) =>
    sort === 'count' ? b.count - a.count || a.firstSeen - b.firstSeen : a.firstSeen - b.firstSeen,
  );
}

/** A page's entities grouped by type; a click jumps to the next mention on the page. */
export function EntityList({
  entities,
  sort,
  hiddenTypes,
  hiddenEntities,
  positions,
  onStep,
}: EntityListProps) {
  const first = uiNameLanguage();
  const second = first === 'ar' ? 'en' : 'ar';
  return (
    <div>
      {ENTITY_TYPES.map((type) => {
        const ofType = sortEntities(
          entities.filter((e) => e.type === type),
          sort,
        );
        if (ofType.length === 0) return null;
        const typeHidden = hiddenTypes.includes(type);
        return (
          <section key={type} data-type-group={type} class={typeHidden ? 'is-hidden' : ''}>
            <h2>{typeLabel(type)}</h2>
            <ul class="entity-list">
              {ofType.map((entity) => {
                const hidden = typeHidden || hiddenEntities.includes(entity.id);
                const at = positions.get(entity.id);
                return (
                  <li
                    key={entity.id}
                    class={`entity${hidden ? ' is-hidden' : ''}`}
                    data-entity-id={entity.id}
                    data-entity-type={entity.type}
                    data-count={entity.count}
                  >
                    <span
                      class="swatch"
                      style={{ background: TYPE_STYLES[type].colour }}
                      aria-hidden="true"
                    />
                    <button
                      type="button"
                      class="entity-names"
                      disabled={hidden}
                      title={t('cardNext')}
                      onClick={() => onStep(entity.id, 1)}
                    >
                      <bdi lang={first}>{entity.names[first]}</bdi>
                      <bdi class="entity-other-name" lang={second}>
                        {entity.names[second]}
                      </bdi>
                    </button>
                    <span class="count" title={t('mentionCount', String(entity.count))}>
                      {at ? (
                        <span data-position={at.position}>
                          {at.position}/{at.total}
                        </span>
                      ) : (
                        entity.count
                      )}
                    </span>
                    <span class="steps">
                      <button
                        type="button"
                        class="icon step"
                        data-step="previous"
                        disabled={hidden}
                        title={t('cardPrevious')}
                        aria-label={t('cardPrevious')}
                        onClick={() => onStep(entity.id, -1)}
                      >
                        ‹
                      </button>
                      <button
                        type="button"
                        class="icon step"
                        data-step="next"
                        disabled={hidden}
                        title={t('cardNext')}
                        aria-label={t('cardNext')}
                        onClick={() => onStep(entity.id, 1)}
                      >
                        ›
                      </button>
                    </span>
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
