import { type Settings, withSite } from '@/lib/settings/settings';
import { t } from '@/lib/ui/i18n';
import { GlobalSwitch } from '../GlobalSwitch';

/** Highlighting everywhere, and the sites where the reader turned it off. */
export function SitesSection({
  settings,
  onChange,
}: {
  settings: Settings;
  onChange: (settings: Settings) => void;
}) {
  return (
    <>
      <GlobalSwitch settings={settings} onChange={onChange} />
      <p class="muted">{t('sitesIntro')}</p>
      {settings.disabledSites.length === 0 ? (
        <p data-empty>{t('sitesNone')}</p>
      ) : (
        <ul class="plain-list rows">
          {settings.disabledSites.map((site) => (
            <li key={site} class="row" data-disabled-site={site}>
              <bdi dir="ltr">{site}</bdi>
              <button type="button" class="link" onClick={() => onChange(withSite(settings, site, true))}>
                {t('turnOn')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
