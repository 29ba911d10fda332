import { useState } from 'preact/hooks';
import { exportMarkdown } from '@/lib/export/markdown';
import { articleForPage } from '@/lib/library/view';
import { cleanArticleUrl } from '@/lib/notes/article-identity';
import { openNotesStore } from '@/lib/store/notes-store';
import { downloadFile } from '@/lib/ui/download';
import { t } from '@/lib/ui/i18n';

/**
 * The side panel's export of the article in its tab: its notes as Markdown (readable anywhere, and
 * what a reader pastes into a report), read from the store directly as extension pages may.
 */
export function ExportArticleButton({ pageUrl }: { pageUrl: string }) {
  const [message, setMessage] = useState('');
  const save = async () => {
    try {
      const store = await openNotesStore();
      try {
        const { articles, annotations } = await store.allRecords();
        const article = articleForPage(articles, pageUrl, (url) => cleanArticleUrl(url) ?? url);
        const notes = annotations.filter((n) => n.articleId === article?.id && n.deleted === undefined);
        if (article === undefined || notes.length === 0) {
          setMessage(t('exportNothing'));
          return;
        }
        const file = exportMarkdown([article], notes, new Date());
        downloadFile(file);
        setMessage(t('exportDone', file.fileName));
      } finally {
        store.close();
      }
    } catch (error) {
      setMessage(error instanceof Error ? error.message : String(error));
    }
  };
  return (
    <>
      <button type="button" class="foot-button" data-action="export-article" onClick={() => void save()}>
        {t('exportThisArticle')}
      </button>
      {message !== '' && (
        <span class="muted" role="status">
          {message}
        </span>
      )}
    </>
  );
}
