import { useCallback, useEffect, useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import type { PageSummary } from '@/lib/messages';
import { requestSummary } from '@/lib/tab-summary';
import { PageSummaryView } from './PageSummaryView';

const POLL_MS = 250;

/** Loads and shows what the content script of `tabId` found, asking again while it is still working. */
export function TabSummary({ tabId }: { tabId: number | undefined }) {
  const [summary, setSummary] = useState<PageSummary | null | undefined>(undefined);

  const load = useCallback(
    async (request: 'get-summary' | 'analyse') => {
      if (tabId === undefined) return setSummary(null);
      setSummary(await requestSummary(tabId, { type: request }));
    },
    [tabId],
  );

  useEffect(() => {
    void load('get-summary');
  }, [load]);

  useEffect(() => {
    if (summary?.status !== 'working') return;
    const timer = setTimeout(() => void load('get-summary'), POLL_MS);
    return () => clearTimeout(timer);
  }, [summary, load]);

  const total = summary?.entities.reduce((sum, e) => sum + e.count, 0) ?? 0;
  return (
    <main class="page">
      <header class="header">
        <h1>{t('popupTitle')}</h1>
        {total > 0 && <span class="muted">{t('mentionCount', String(total))}</span>}
      </header>
      {summary === undefined ? (
        <p class="message">{t('statusWorking')}</p>
      ) : (
        <PageSummaryView summary={summary} onAnalyse={() => void load('analyse')} />
      )}
    </main>
  );
}
