import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { DictionarySection } from '@/components/options/DictionarySection';
import { HiddenSection } from '@/components/options/HiddenSection';
import { OptionsPage, type OptionsSection } from '@/components/options/OptionsPage';
import { ShortcutsSection } from '@/components/options/ShortcutsSection';
import { SitesSection } from '@/components/options/SitesSection';
import { shippedDictionary } from '@/lib/entities/dictionary';
import {
  DEFAULT_SETTINGS,
  loadSettings,
  type Settings,
  saveSettings,
  watchSettings,
} from '@/lib/settings/settings';
import { applyUiLanguage, t } from '@/lib/ui/i18n';
import '@/components/ui.css';
import './options.css';

const builtIn = shippedDictionary().entities;
const entries = builtIn.map((entity) => ({ entity, source: t('sourceBuiltIn') }));
const byId = new Map(builtIn.map((entity) => [entity.id, entity]));

function Options() {
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  useEffect(() => {
    void loadSettings().then(setSettings);
    return watchSettings(setSettings);
  }, []);
  const change = (next: Settings) => {
    setSettings(next);
    void saveSettings(next);
  };
  const sections: OptionsSection[] = [
    {
      id: 'dictionary',
      label: t('sectionDictionary'),
      render: () => <DictionarySection entries={entries} />,
    },
    {
      id: 'hidden',
      label: t('sectionHidden'),
      render: () => <HiddenSection settings={settings} entityOf={(id) => byId.get(id)} onChange={change} />,
    },
    {
      id: 'sites',
      label: t('sectionSites'),
      render: () => <SitesSection settings={settings} onChange={change} />,
    },
    { id: 'shortcuts', label: t('sectionShortcuts'), render: () => <ShortcutsSection /> },
  ];
  return <OptionsPage sections={sections} />;
}

applyUiLanguage();
const app = document.getElementById('app');
if (app) render(<Options />, app);
