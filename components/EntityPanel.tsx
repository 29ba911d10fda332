import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { PageReport, StepResult } from '@/lib/messaging/protocol';
import { requestPageReport, requestStep } from '@/lib/messaging/tab-requests';
import {
  DEFAULT_SETTINGS,
  isActiveOn,
  loadSettings,
  type Settings,
  saveSettings,
  toggledForSite,
  watchSettings,
  withEntity,
} from '@/lib/settings/settings';
import { nameFilter } from '@/lib/ui/find';
import { countText, t, uiDirection, uiNameLanguage } from '@/lib/ui/i18n';
import { openLibrary } from '@/lib/ui/library';
import { canOpenSidePanel, openSidePanel } from '@/lib/ui/side-panel';
import { EntityList, type EntityView } from './EntityList';
import { BookIcon, NotesIcon, SearchIcon, SettingsIcon, SidePanelIcon } from './icons';
import { ExportArticleButton } from './library/ExportArticleButton';
import { NotesSummary, NotesView } from './NotesView';
import { PanelSettings } from './PanelSettings';
import { ProposalsSection } from './ProposalsSection';

const POLL_MS = 250;

function hostnameOf(url: string | undefined): string {
  try {
    const parsed = new URL(url ?? '');
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.hostname : '';
  } catch {
    return '';
  }
}

const VIEWS: readonly { view: EntityView; label: 'sortByCount' | 'sortByOrder' | 'groupByType' }[] = [
  { view: 'count', label: 'sortByCount' },
  { view: 'order', label: 'sortByOrder' },
  { view: 'type', label: 'groupByType' },
];

type PanelSection = 'page' | 'notes';
let lastSection: PanelSection = 'page';

export interface EntityPanelProps {
  tabId: number | undefined;
  /** The popup offers to open the side panel; the side panel has room to search. */
  place: 'popup' | 'sidepanel';
}

/** What Hashiya found in one tab, content first; the switches wait behind the settings button. */
export function EntityPanel({ tabId, place }: EntityPanelProps) {
  // undefined: not asked yet; null: no content script answers in that tab.
  const [summary, setSummary] = useState<PageReport | null | undefined>(undefined);
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  const [view, setView] = useState<EntityView>('count');
  const [query, setQuery] = useState('');
  const [showSettings, setShowSettings] = useState(false);
  const [positions, setPositions] = useState<ReadonlyMap<string, StepResult>>(new Map());
  const [announcement, setAnnouncement] = useState('');
  // The side panel's two views: what Hashiya found on the page, and the reader's notes on it. The
  // choice outlives the panel's re-mount when the reader switches tabs.
  const [section, setSection] = useState<PanelSection>(lastSection);
  const chooseSection = (next: PanelSection) => {
    lastSection = next;
    setSection(next);
  };

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
    if (!result) return;
    setPositions((old) => new Map(old).set(entityId, result));
    setAnnouncement(t('cardMentionOf', [String(result.position), String(result.total)]));
  };
  const change = (next: Settings) => {
    setSettings(next);
    void saveSettings(next);
  };

  const hostname = hostnameOf(summary?.url);
  const dir = uiDirection();
  return (
    <div class={`panel panel-${place}`}>
      <header class="bar">
        <span class="brand">
          <img src="/icon/32.png" width={20} height={20} alt="" />
          <h1>{t('extName')}</h1>
        </span>
        <span class="bar-actions">
          <button
            type="button"
            class="icon"
            data-action="open-library"
            title={t('openLibrary')}
            aria-label={t('openLibrary')}
            onClick={() => void openLibrary().then(() => place === 'popup' && window.close())}
          >
            <NotesIcon />
          </button>
          <button
            type="button"
            class="icon"
            data-action="settings"
            title={t('settingsButton')}
            aria-label={t('settingsButton')}
            aria-pressed={showSettings}
            onClick={() => setShowSettings(!showSettings)}
          >
            <SettingsIcon />
          </button>
        </span>
      </header>
      {place === 'sidepanel' && !showSettings && (
        <PanelSections section={section} onSection={chooseSection} />
      )}
      <main class="panel-body">
        {showSettings ? (
          <PanelSettings settings={settings} hostname={hostname} onChange={change} />
        ) : place === 'sidepanel' && section === 'notes' ? (
          <NotesView tabId={tabId} pageStatus={summary?.status} />
        ) : (
          <>
            <PageView
              summary={summary}
              settings={settings}
              hostname={hostname}
              view={view}
              query={place === 'sidepanel' ? query : ''}
              searchable={place === 'sidepanel'}
              positions={positions}
              onView={setView}
              onQuery={setQuery}
              onStep={(id, direction) => void step(id, direction)}
              onAnalyse={() => void load('analyse')}
              onChange={change}
            />
            {place === 'sidepanel' &&
              summary?.status === 'ready' &&
              (!hostname || isActiveOn(settings, hostname)) && (
                <ProposalsSection tabId={tabId} pageStatus={summary.status} />
              )}
          </>
        )}
        <p class="visually-hidden" role="status">
          {announcement}
        </p>
      </main>
      {place === 'sidepanel' && summary?.url !== undefined && (
        <footer class="panel-foot">
          <ExportArticleButton pageUrl={summary.url} />
        </footer>
      )}
      {place === 'popup' && summary?.status === 'ready' && (!hostname || isActiveOn(settings, hostname)) && (
        <NotesSummary tabId={tabId} pageStatus={summary.status} />
      )}
      {place === 'popup' && (
        <footer class="panel-foot">
          {canOpenSidePanel() && (
            <button
              type="button"
              class="foot-button"
              data-action="open-side-panel"
              onClick={() => {
                void openSidePanel(tabId).then(() => window.close());
              }}
            >
              <SidePanelIcon dir={dir} />
              {t('openSidePanel')}
            </button>
          )}
          <button
            type="button"
            class="foot-button"
            data-action="open-options"
            onClick={() => void browser.runtime.openOptionsPage()}
          >
            <BookIcon />
            {t('openDictionary')}
          </button>
        </footer>
      )}
    </div>
  );
}

/** The side panel's choice of view, as tabs. */
function PanelSections({
  section,
  onSection,
}: {
  section: PanelSection;
  onSection: (section: PanelSection) => void;
}) {
  const tabs = [
    { id: 'page', label: t('sectionOnPage') },
    { id: 'notes', label: t('sectionNotes') },
  ] as const;
  return (
    <div class="panel-sections" role="tablist" aria-label={t('panelSectionsLabel')}>
      {tabs.map((tab) => (
        <button
          key={tab.id}
          type="button"
          role="tab"
          class="panel-section"
          data-section={tab.id}
          aria-selected={section === tab.id}
          onClick={() => onSection(tab.id)}
        >
          {tab.label}
        </button>
      ))}
    </div>
  );
}

interface PageViewProps {
  summary: PageReport | null | undefined;
  settings: Settings;
  hostname: string;
  view: EntityView;
  query: string;
  searchable: boolean;
  positions: ReadonlyMap<string, StepResult>;
  onView: (view: EntityView) => void;
  onQuery: (query: string) => void;
  onStep: (entityId: string, direction: 1 | -1) => void;
  onAnalyse: () => void;
  onChange: (settings: Settings) => void;
}

/** The page's state first; the list only when there is one to act on. */
function PageView(props: PageViewProps) {
  const { summary, settings, hostname } = props;
  if (summary === undefined || summary?.status === 'working')
    return <State message={t('statusWorking')} busy />;
  if (summary === null) return <State message={t('statusUnreachable')} />;
  if (hostname && !isActiveOn(settings, hostname))
    return (
      <State
        state="off"
        message={settings.enabled ? t('highlightsOffSiteNamed', hostname) : t('highlightsOffGlobal')}
        action={{
          label: t('turnOn'),
          name: 'turn-on',
          run: () => props.onChange(toggledForSite(settings, hostname)),
        }}
      />
    );
  switch (summary.status) {
    case 'not-article':
      return (
        <State
          state="not-article"
          message={t('statusNotArticle')}
          action={{ label: t('analyseButton'), name: 'analyse', run: props.onAnalyse }}
        />
      );
    case 'too-large':
      return (
        <State
          state="too-large"
          message={t('statusTooLarge')}
          action={{ label: t('analyseAnywayButton'), name: 'analyse', run: props.onAnalyse }}
        />
      );
    case 'no-article':
      return <State state="no-article" message={t('statusNoArticle')} />;
    case 'error':
      return <State state="error" message={t('statusError', summary.error ?? '')} />;
    case 'ready':
      return summary.entities.length === 0 ? (
        <State state="empty" message={t('statusNoEntities')} />
      ) : (
        <EntitiesOnPage {...props} summary={summary} />
      );
  }
}

function State({
  message,
  state,
  busy = false,
  action,
}: {
  message: string;
  state?: string;
  busy?: boolean;
  action?: { label: string; name: string; run: () => void };
}) {
  return (
    <div class="state" data-state={state} aria-busy={busy}>
      <p>{message}</p>
      {action && (
        <button type="button" class="primary" data-action={action.name} onClick={action.run}>
          {action.label}
        </button>
      )}
    </div>
  );
}

function EntitiesOnPage(props: PageViewProps & { summary: PageReport }) {
  const { summary, settings, query } = props;
  const total = summary.entities.reduce((sum, e) => sum + e.count, 0);
  const matches = nameFilter(query);
  const shown = summary.entities.filter((e) => matches([e.names.ar, e.names.en]));
  const hiddenHere = summary.entities.filter((e) => settings.hiddenEntities.includes(e.id));
  return (
    <>
      <div class="page-heading">
        <h2>{t('popupTitle')}</h2>
        <p class="muted" data-totals>
          {countText('names', summary.entities.length)} · {countText('mentions', total)}
        </p>
      </div>
      {props.searchable && (
        <label class="search">
          <SearchIcon />
          <input
            type="search"
            data-search
            value={query}
            aria-label={t('searchLabel')}
            placeholder={t('searchLabel')}
            onInput={(e) => props.onQuery(e.currentTarget.value)}
          />
        </label>
      )}
      <div class="segmented" role="radiogroup" aria-label={t('sortLabel')}>
        {VIEWS.map(({ view, label }) => (
          <label key={view} class="segment">
            <input
              type="radio"
              name="view"
              data-sort={view}
              checked={props.view === view}
              onChange={() => props.onView(view)}
            />
            <span>{t(label)}</span>
          </label>
        ))}
      </div>
      {shown.length === 0 ? (
        <p class="muted">{t('nothingMatches', query)}</p>
      ) : (
        <EntityList
          entities={shown}
          view={props.view}
          hiddenTypes={settings.hiddenTypes}
          hiddenEntities={settings.hiddenEntities}
          positions={props.positions}
          onStep={props.onStep}
        />
      )}
      {hiddenHere.length > 0 && (
        <section class="hidden-entities">
          <h3 class="group-heading">{t('hiddenEntitiesHeading')}</h3>
          <ul class="plain-list">
            {hiddenHere.map((entity) => (
              <li key={entity.id} class="hidden-entity" data-hidden-entity={entity.id}>
                <bdi>{entity.names[uiNameLanguage()]}</bdi>
                <button
                  type="button"
                  class="link"
                  onClick={() => props.onChange(withEntity(settings, entity.id, true))}
                >
                  {t('showAgain')}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
