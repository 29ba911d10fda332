import { ENTITY_TYPES } from '@/lib/entities/types';
import {
  HIGHLIGHT_STYLES,
  type HighlightStyle,
  notesEnabled,
  type Settings,
  withNotesOnSite,
  withSite,
  withType,
} from '@/lib/settings/settings';
import { t, typeLabel } from '@/lib/ui/i18n';
import { GlobalSwitch } from './GlobalSwitch';
import { TypeMark } from './TypeMark';

export interface PanelSettingsProps {
  settings: Settings;
  /** The tab's hostname, or '' when the tab is not a web page. */
  hostname: string;
  onChange: (settings: Settings) => void;
}

const STYLE_LABELS: Record<HighlightStyle, 'styleFull' | 'styleQuiet'> = {
  colour: 'styleFull',
  quiet: 'styleQuiet',
};

/** Behind the settings button: where to highlight and show notes, which types (with their key), and how. */
export function PanelSettings({ settings, hostname, onChange }: PanelSettingsProps) {
  return (
    <div class="settings" id="panel-settings">
      <div class="switch-list">
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
        {hostname && (
          // The reader's notes have a switch of their own: highlighting off leaves them shown.
          <label class="switch">
            <input
              type="checkbox"
              data-switch="notes-site"
              checked={notesEnabled(settings, hostname)}
              onChange={(e) => onChange(withNotesOnSite(settings, hostname, e.currentTarget.checked))}
            />
            <span>{t('switchNotesSite', hostname)}</span>
          </label>
        )}
        <GlobalSwitch settings={settings} onChange={onChange} />
      </div>
      <fieldset class="field">
        <legend>{t('colourKeyHeading')}</legend>
        {ENTITY_TYPES.map((type) => (
          <label key={type} class="switch">
            <input
              type="checkbox"
              data-switch-type={type}
              checked={!settings.hiddenTypes.includes(type)}
              onChange={(e) => onChange(withType(settings, type, e.currentTarget.checked))}
            />
            <TypeMark type={type} />
            <span>{typeLabel(type)}</span>
          </label>
        ))}
      </fieldset>
      <fieldset class="field">
        <legend>{t('styleHeading')}</legend>
        {HIGHLIGHT_STYLES.map((style) => (
          <label key={style} class="switch">
            <input
              type="radio"
              name="highlight-style"
              data-style={style}
              checked={settings.highlightStyle === style}
              onChange={() => onChange({ ...settings, highlightStyle: style })}
            />
            <span>{t(STYLE_LABELS[style])}</span>
          </label>
        ))}
      </fieldset>
    </div>
  );
}
