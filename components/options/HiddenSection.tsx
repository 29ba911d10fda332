import type { Entity } from '@/lib/entities/types';
import { type Settings, withEntity } from '@/lib/settings/settings';
import { t, uiNameLanguage } from '@/lib/ui/i18n';
import { TypeMark } from '../TypeMark';

/** The names the reader hid from the card, each with "Show again". */
export function HiddenSection({
  settings,
  entityOf,
  onChange,
}: {
  settings: Settings;
  entityOf: (id: string) => Entity | undefined;
  onChange: (settings: Settings) => void;
}) {
  const first = uiNameLanguage();
  return (
    <>
      <p class="muted">{t('hiddenIntro')}</p>
      {settings.hiddenEntities.length === 0 ? (
        <p data-empty>{t('hiddenNone')}</p>
      ) : (
        <ul class="plain-list rows">
          {settings.hiddenEntities.map((id) => {
            const entity = entityOf(id);
            return (
              <li key={id} class="row" data-hidden-entity={id}>
                {entity && <TypeMark type={entity.type} />}
                <bdi class="entity-name">{entity?.names[first] ?? id}</bdi>
                <button type="button" class="link" onClick={() => onChange(withEntity(settings, id, true))}>
                  {t('showAgain')}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
