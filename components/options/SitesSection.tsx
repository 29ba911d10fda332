import { type Settings, withNotesOnSite, withSite } from '@/lib/settings/settings';
import { t } from '@/lib/ui/i18n';
import { GlobalSwitch } from '../GlobalSwitch';

/** Highlighting everywhere, the sites where the reader turned it off, and those where notes are off. */
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
      <h3>{t('sitesNotesHeading')}</h3>
      <p class="muted">{t('sitesNotesIntro')}</p>
      {settings.notesOffSites.length === 0 ? (
        <p data-empty="notes">{t('sitesNotesNone')}</p>
      ) : (
        <ul class="plain-list rows">
          {settings.notesOffSites.map((site) => (
            <li key={site} class="row" data-notes-off-site={site}>
              <bdi dir="ltr">{site}</bdi>
              <button
                type="button"
                class="link"
                onClick={() => onChange(withNotesOnSite(settings, site, true))}
              >
                {t('turnOn')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
