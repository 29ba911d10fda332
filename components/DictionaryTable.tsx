import { TYPE_STYLES } from '@/lib/entities/type-styles';
import { ENTITY_TYPES, type Entity } from '@/lib/entities/types';
import { typeLabel, uiNameLanguage } from '@/lib/ui/i18n';

/** Every entity Hashiya recognises, by type, with its names and description. */
export function DictionaryTable({ entities }: { entities: readonly Entity[] }) {
  const first = uiNameLanguage();
  const second = first === 'ar' ? 'en' : 'ar';
  return (
    <div>
      {ENTITY_TYPES.map((type) => {
        const ofType = entities.filter((e) => e.type === type);
        if (ofType.length === 0) return null;
        return (
          <section key={type}>
            <h2>
              {typeLabel(type)} <span class="muted">({ofType.length})</span>
            </h2>
            <ul class="entity-list">
              {ofType.map((entity) => (
                <li key={entity.id} class="entity" data-entity-id={entity.id}>
                  <span class="swatch" style={{ background: TYPE_STYLES[type].colour }} aria-hidden="true" />
                  <span class="entity-names">
                    <bdi lang={first}>{entity.names[first]}</bdi>
                    <bdi class="entity-other-name" lang={second}>
                      {entity.names[second]}
                    </bdi>
                  </span>
                  <span class="muted" dir="auto">
                    {entity.description[first]}
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
