import { ENTITY_TYPES } from '@/lib/entity-types';
import { t, typeLabel, uiNameLanguage } from '@/lib/i18n';
import type { EntityCount } from '@/lib/messages';
import { TYPE_STYLES } from '@/lib/type-colors';

/** A page's entities grouped by type, most mentioned first. */
export function EntityList({ entities }: { entities: readonly EntityCount[] }) {
  const first = uiNameLanguage();
  const second = first === 'ar' ? 'en' : 'ar';
  return (
    <div>
      {ENTITY_TYPES.map((type) => {
        const ofType = entities
          .filter((e) => e.type === type)
          .sort((a, b) => b.count - a.count || a.firstSeen - b.firstSeen);
        if (ofType.length === 0) return null;
        return (
          <section key={type} data-type-group={type}>
            <h2>{typeLabel(type)}</h2>
            <ul class="entity-list">
              {ofType.map((entity) => (
                <li
                  key={entity.id}
                  class="entity"
                  data-entity-id={entity.id}
                  data-entity-type={entity.type}
                  data-count={entity.count}
                >
                  <span class="swatch" style={{ background: TYPE_STYLES[type].colour }} aria-hidden="true" />
                  <span class="entity-names">
                    <bdi lang={first}>{entity.names[first]}</bdi>
                    <bdi class="entity-other-name" lang={second}>
                      {entity.names[second]}
                    </bdi>
                  </span>
                  <span class="count" title={t('mentionCount', String(entity.count))}>
                    {entity.count}
                  </span>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
