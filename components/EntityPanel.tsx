import { useCallback, useEffect, useState } from 'preact/hooks';
import type { PageReport, StepResult } from '@/lib/messaging/protocol';
import { requestPageReport, requestStep } from '@/lib/messaging/tab-requests';
import {
  DEFAULT_SETTINGS,
  loadSettings,
  type Settings,
  saveSettings,
  watchSettings,
  withEntity,
} from '@/lib/settings/settings';
import { t, uiNameLanguage } from '@/lib/ui/i18n';
import { EntityList, type EntitySort } from './EntityList';
import { Switches } from './Switches';

const POLL_MS = 250;

function hostnameOf(url: string | undefined): string {
  try {
    const parsed = new URL(url ?? '');
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.hostname : '';
  } catch {
    return '';
  }
}

/** What Hashiya found in one tab, with the switches that control it. Popup and side panel alike. */
export function EntityPanel({ tabId }: { tabId: number | undefined }) {
  // undefined: not asked yet; null: no content script answers in that tab.
  const [summary, setSummary] = useState<PageReport | null | undefined>(undefined);
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  const [sort, setSort] = useState<EntitySort>('count');
  const [positions, setPositions] = useState<ReadonlyMap<string, StepResult>>(new Map());

  const load = useCallback(
    async (type: 'get-page-report' | 'analyse') => {
      setSummary(tabId === undefined ? null : await requestPageReport(tabId, type));
    },
    [tabId],
  );

  useEffect(() => {
    void load('get-page-report');
    void loadSettings().then(setSettings);
    return watchSettings(setSettings);
  }, [load]);

  useEffect(() => {
    if (summary?.status !== 'working') return;
    const timer = setTimeout(() => void load('get-page-report'), POLL_MS);
    return () => clearTimeout(timer);
  }, [summary, load]);

  const step = async (entityId: string, direction: 1 | -1) => {
    if (tabId === undefined) return;
    const result = await requestStep(tabId, { direction, entityId });
    if (result) setPositions((old) => new Map(old).set(entityId, result));
  };
  const change = (next: Settings) => {
    setSettings(next);
    void saveSettings(next);
  };

  const hostname = hostnameOf(summary?.url);
  const total = summary?.entities.reduce((sum, e) => sum + e.count, 0) ?? 0;
  const hiddenHere = summary?.entities.filter((e) => settings.hiddenEntities.includes(e.id)) ?? [];
  return (
    <main class="page">
      <header class="header">
        <h1>{t('popupTitle')}</h1>
        {total > 0 && <span class="muted">{t('mentionCount', String(total))}</span>}
      </header>
      <Switches settings={settings} hostname={hostname} onChange={change} />
      <Status summary={summary} onAnalyse={() => void load('analyse')} />
      {summary?.status === 'ready' && summary.entities.length > 0 && (
        <>
          <div class="sort" role="radiogroup" aria-label={t('sortLabel')}>
            {(['count', 'order'] as const).map((value) => (
              <label key={value} class="chip">
                <input
                  type="radio"
                  name="sort"
                  data-sort={value}
                  checked={sort === value}
                  onChange={() => setSort(value)}
                />
                {value === 'count' ? t('sortByCount') : t('sortByOrder')}
              </label>
            ))}
          </div>
          <EntityList
            entities={summary.entities}
            sort={sort}
            hiddenTypes={settings.hiddenTypes}
            hiddenEntities={settings.hiddenEntities}
            positions={positions}
            onStep={(id, direction) => void step(id, direction)}
          />
        </>
      )}
      {hiddenHere.length > 0 && (
        <section class="hidden-entities">
          <h2>{t('hiddenEntitiesHeading')}</h2>
          {hiddenHere.map((entity) => (
            <div key={entity.id} class="hidden-entity" data-hidden-entity={entity.id}>
              <bdi>{entity.names[uiNameLanguage()]}</bdi>
              <button
                type="button"
                class="link"
                onClick={() => change(withEntity(settings, entity.id, true))}
              >
                {t('showAgain')}
              </button>
            </div>
          ))}
        </section>
      )}
    </main>
  );
}

function Status({ summary, onAnalyse }: { summary: PageReport | null | undefined; onAnalyse: () => void }) {
  if (summary === undefined) return <p class="message">{t('statusWorking')}</p>;
  if (summary === null) return <p class="message">{t('statusUnreachable')}</p>;
  switch (summary.status) {
    case 'working':
      return <p class="message">{t('statusWorking')}</p>;
    case 'not-article':
      return (
        <div class="message">
          <p>{t('statusNotArticle')}</p>
          <button type="button" data-action="analyse" onClick={onAnalyse}>
            {t('analyseButton')}
          </button>
        </div>
      );
    case 'no-article':
      return <p class="message">{t('statusNoArticle')}</p>;
    case 'error':
      return <p class="message">{t('statusError', summary.error ?? '')}</p>;
    case 'ready':
      return summary.entities.length === 0 ? <p class="message">{t('statusNoEntities')}</p> : null;
  }
}
