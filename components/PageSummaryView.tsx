import { t } from '@/lib/i18n';
import type { PageSummary } from '@/lib/messages';
import { EntityList } from './EntityList';

export interface PageSummaryViewProps {
  /** null: the page could not be reached (browser pages, or a tab opened before install). */
  summary: PageSummary | null;
  onAnalyse: () => void;
}

/** What Hashiya found on one tab, or why it found nothing. */
export function PageSummaryView({ summary, onAnalyse }: PageSummaryViewProps) {
  if (!summary) return <p class="message">{t('statusUnreachable')}</p>;
  switch (summary.status) {
    case 'working':
      return <p class="message">{t('statusWorking')}</p>;
    case 'not-article':
      return (
        <div>
          <p class="message">{t('statusNotArticle')}</p>
          <button type="button" onClick={onAnalyse}>
            {t('analyseButton')}
          </button>
        </div>
      );
    case 'no-article':
      return <p class="message">{t('statusNoArticle')}</p>;
    case 'error':
      return <p class="message">{t('statusError', summary.error ?? '')}</p>;
    case 'ready':
      return summary.entities.length === 0 ? (
        <p class="message">{t('statusNoEntities')}</p>
      ) : (
        <EntityList entities={summary.entities} />
      );
  }
}
