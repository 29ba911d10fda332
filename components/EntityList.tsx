import { ENTITY_TYPES } from '@/lib/entities/types';
import type { EntityCount, StepResult } from '@/lib/messaging/protocol';
import { countText, t, typeLabel, uiDirection, uiNameLanguage } from '@/lib/ui/i18n';
import { StepButtons } from './StepButtons';
import { TypeMark } from './TypeMark';

/** 'count': one list, most mentioned first; 'order': one list, as they appear; 'type': grouped by type. */
export type EntityView = 'count' | 'order' | 'type';

export interface EntityListProps {
  entities: readonly EntityCount[];
  view: EntityView;
  hiddenTypes: readonly string[];
  hiddenEntities: readonly string[];
  /** Where the reader is in each entity's mentions, after stepping. */
  positions: ReadonlyMap<string, StepResult>;
  onStep: (entityId: string, direction: 1 | -1) => void;
}

export function sortEntities(entities: readonly EntityCount[], view: EntityView): EntityCount[] {
  return [...entities].sort((a, b) =>
    view === 'order' ? a.firstSeen - b.firstSeen : b.count - a.count || a.firstSeen - b.firstSeen,
  );
}

/** A page's entities, most mentioned first (or in page order, or by type); a click jumps to a mention. */
export function EntityList({
  entities,
  view,
  hiddenTypes,
  hiddenEntities,
  positions,
  onStep,
}: EntityListProps) {
  const row = (entity: EntityCount) => (
    <EntityRow
      key={entity.id}
      entity={entity}
      hidden={hiddenTypes.includes(entity.type) || hiddenEntities.includes(entity.id)}
      at={positions.get(entity.id)}
      onStep={(direction) => onStep(entity.id, direction)}
    />
  );
  if (view !== 'type') return <ul class="entity-list">{sortEntities(entities, view).map(row)}</ul>;
  return (
    <div>
      {ENTITY_TYPES.map((type) => {
        const ofType = sortEntities(
          entities.filter((e) => e.type === type),
          'count',
        );
        if (ofType.length === 0) return null;
        return (
          <section key={type} data-type-group={type} class={hiddenTypes.includes(type) ? 'is-hidden' : ''}>
            <h3 class="group-heading">
              <TypeMark type={type} />
              {typeLabel(type)}
            </h3>
            <ul class="entity-list">{ofType.map(row)}</ul>
          </section>
        );
      })}
    </div>
  );
}

function EntityRow({
  entity,
  hidden,
  at,
  onStep,
}: {
  entity: EntityCount;
  hidden: boolean;
  at: StepResult | undefined;
  onStep: (direction: 1 | -1) => void;
}) {
  const first = uiNameLanguage();
  const second = first === 'ar' ? 'en' : 'ar';
  const mentions = countText('mentions', entity.count);
  return (
    <li
      class={`entity${hidden ? ' is-hidden' : ''}`}
      data-entity-id={entity.id}
      data-entity-type={entity.type}
      data-count={entity.count}
    >
      <TypeMark type={entity.type} />
      <button
        type="button"
        class="entity-names"
        disabled={hidden}
        // The full names, in case the row is too narrow for them.
        title={`${entity.names[first]} · ${entity.names[second]} — ${t('cardNext')}`}
        onClick={() => onStep(1)}
      >
        <bdi class="entity-name" lang={first}>
          {entity.names[first]}
        </bdi>{' '}
        <bdi class="entity-other-name" lang={second}>
          {entity.names[second]}
        </bdi>
        <span class="visually-hidden">{`, ${typeLabel(entity.type, 'singular')}, ${mentions}`}</span>
      </button>
      <span class="count" title={mentions} aria-hidden="true">
        {at ? (
          <span data-position={at.position}>
            {at.position}/{at.total}
          </span>
        ) : (
          entity.count
        )}
      </span>
      <StepButtons dir={uiDirection()} disabled={hidden} onStep={onStep} />
    </li>
  );
}
