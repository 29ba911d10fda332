import type { Settings } from '@/lib/settings/settings';
import { t } from '@/lib/ui/i18n';

/** Highlighting everywhere, on or off: the same switch in the panel's settings and the options page. */
export function GlobalSwitch({
  settings,
  onChange,
}: {
  settings: Settings;
  onChange: (settings: Settings) => void;
}) {
  return (
    <label class="switch">
      <input
        type="checkbox"
        data-switch="global"
        checked={settings.enabled}
        onChange={(e) => onChange({ ...settings, enabled: e.currentTarget.checked })}
      />
      <span>{t('switchGlobal')}</span>
    </label>
  );
}
