import { TYPE_STYLES } from '@/lib/entities/type-styles';
import { ENTITY_TYPES } from '@/lib/entities/types';
import { isActiveOn, type Settings, withSite, withType } from '@/lib/settings/settings';
import { t, typeLabel } from '@/lib/ui/i18n';

export interface SwitchesProps {
  settings: Settings;
  /** The tab's hostname, or '' when the tab is not a web page. */
  hostname: string;
  onChange: (settings: Settings) => void;
}

/** The site and global switches and one switch per entity type. */
export function Switches({ settings, hostname, onChange }: SwitchesProps) {
  return (
    <div class="switches">
      {hostname && (
        <label class="switch">
          <input
            type="checkbox"
            data-switch="site"
            checked={!settings.disabledSites.includes(hostname)}
            disabled={!settings.enabled}
            onChange={(e) => onChange(withSite(settings, hostname, e.currentTarget.checked))}
          />
          <span>{t('switchSite', hostname)}</span>
        </label>
      )}
      <label class="switch">
        <input
          type="checkbox"
          data-switch="global"
          checked={settings.enabled}
          onChange={(e) => onChange({ ...settings, enabled: e.currentTarget.checked })}
        />
        <span>{t('switchGlobal')}</span>
      </label>
      {hostname && !isActiveOn(settings, hostname) && (
        <p class="message" role="status">
          {settings.enabled ? t('highlightsOffSite') : t('highlightsOffGlobal')}
        </p>
      )}
      <fieldset class="type-switches">
        <legend>{t('typesHeading')}</legend>
        {ENTITY_TYPES.map((type) => (
          <label key={type} class="chip">
            <input
              type="checkbox"
              data-switch-type={type}
              checked={!settings.hiddenTypes.includes(type)}
              onChange={(e) => onChange(withType(settings, type, e.currentTarget.checked))}
            />
            <span class="swatch" style={{ background: TYPE_STYLES[type].colour }} aria-hidden="true" />
            {typeLabel(type)}
          </label>
        ))}
      </fieldset>
    </div>
  );
}
