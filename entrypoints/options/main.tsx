import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { DictionarySection } from '@/components/options/DictionarySection';
import { HiddenSection } from '@/components/options/HiddenSection';
import { OptionsPage, type OptionsSection } from '@/components/options/OptionsPage';
import { PacksSection } from '@/components/options/PacksSection';
import {
  type ReaderDictionaryActions,
  ReaderDictionarySection,
} from '@/components/options/ReaderDictionarySection';
import { ShortcutsSection } from '@/components/options/ShortcutsSection';
import { SitesSection } from '@/components/options/SitesSection';
import { loadShippedDictionary } from '@/lib/entities/dictionary';
import type { Entity } from '@/lib/entities/types';
import { sendToBackground, serve } from '@/lib/messaging/messenger';
import { backgroundProtocol, readerDictionaryNotices } from '@/lib/messaging/protocol';
import { packEntities } from '@/lib/packs/format';
import { loadAllPacks, watchPacks } from '@/lib/packs/store';
import type { ReaderEntry } from '@/lib/reader-dictionary/model';
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

/** Writes go through the background, which broadcasts them to every tab; errors come back in words. */
const readerActions: ReaderDictionaryActions = {
  save: async (entry) => {
    const reply = await sendToBackground(backgroundProtocol, 'save-reader-entry', { entry });
    return reply.ok ? null : reply.error;
  },
  remove: async (id) => {
    const reply = await sendToBackground(backgroundProtocol, 'delete-reader-entry', { id });
    return reply.ok ? null : reply.error;
  },
  undoRemove: async (id) => {
    const reply = await sendToBackground(backgroundProtocol, 'undo-delete-reader-entry', { id });
    return reply.ok ? null : reply.error;
  },
};

function Options() {
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  // The shipped dictionary is a packaged file (lib/entities/dictionary.ts), read once.
  const [builtIn, setBuiltIn] = useState<readonly Entity[]>([]);
  const [readerEntries, setReaderEntries] = useState<readonly ReaderEntry[]>([]);
  useEffect(() => {
    const stop = new AbortController();
    const listReader = async () => {
      const reply = await sendToBackground(backgroundProtocol, 'list-reader-entries');
      if (reply.ok) setReaderEntries(reply.value);
    };
    void listReader();
    serve(readerDictionaryNotices, { 'reader-dictionary-changed': () => void listReader() }, stop.signal);
    return () => stop.abort();
  }, []);
  // Installed packs' entities (on or off), listed with the pack's name as their source.
  const [fromPacks, setFromPacks] = useState<readonly { entity: Entity; source: string }[]>([]);
  useEffect(() => {
    void loadSettings().then(setSettings);
    void loadShippedDictionary().then((d) => setBuiltIn(d.entities));
    const readPacks = () =>
      void loadAllPacks().then((packs) =>
        setFromPacks(
          packs.flatMap(({ entry, pack }) =>
            packEntities(entry.id, pack).map((entity) => ({ entity, source: pack.name })),
          ),
        ),
      );
    readPacks();
    const stopPacks = watchPacks(readPacks);
    const stopSettings = watchSettings(setSettings);
    return () => {
      stopPacks();
      stopSettings();
    };
  }, []);
  // Each entry's source is its provenance (a curated file, a data package, a pack), so the source
  // filter tells them apart.
  const entries = [
    ...fromPacks,
    ...builtIn.map((entity) => ({ entity, source: entity.source || t('sourceBuiltIn') })),
  ];
  const byId = new Map(entries.map(({ entity }) => [entity.id, entity]));
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
    { id: 'packs', label: t('sectionPacks'), render: () => <PacksSection /> },
    {
      id: 'yours',
      label: t('sectionReaderDictionary'),
      render: () => (
        <ReaderDictionarySection
          entries={readerEntries}
          entityOf={(id) => byId.get(id)}
          actions={readerActions}
        />
      ),
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
