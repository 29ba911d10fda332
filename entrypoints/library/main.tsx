import { render } from 'preact';
import { LibraryPage } from '@/components/library/LibraryPage';
import { loadShippedDictionary } from '@/lib/entities/dictionary';
import { broadcast, serve } from '@/lib/messaging/messenger';
import { readerDictionaryNotices, viewProtocol } from '@/lib/messaging/protocol';
import { type NotesStore, openNotesStore } from '@/lib/store/notes-store';
import { applyUiLanguage, t, uiNameLanguage } from '@/lib/ui/i18n';
import '@/components/ui.css';
import './library.css';

// An extension page reads the store directly; the background owns writes from content scripts.
let opened: Promise<NotesStore> | null = null;
const store = (): Promise<NotesStore> => {
  if (opened === null) {
    opened = openNotesStore();
    opened.catch(() => {
      opened = null;
    });
  }
  return opened;
};

// Opened now, while the page renders its frame: the first screen reads from it at once.
void store().catch(() => undefined);

const lang = uiNameLanguage();

applyUiLanguage();
document.title = `${t('libraryTitle')} — ${t('extName')}`;
const app = document.getElementById('app');

/**
 * Renders the page; again once the dictionary's names arrive (the filter list shows ids until then).
 * The dictionary file (over 1 MB) is read after the first screen of notes is shown, not beside it.
 */
function mount(names: ReadonlyMap<string, { ar: string; en: string }>): void {
  if (app === null) return;
  render(
    <LibraryPage
      load={async () => (await store()).allRecords()}
      loadNewest={async (limit) => (await store()).newestRecords(limit)}
      loadArticle={async (articleId) => (await store()).articleRecords(articleId)}
      loadReaderEntries={async () => (await store()).readerEntries.all()}
      writeImport={async (records) => (await store()).putRecords(records)}
      onImported={(articleIds, readerDictionaryChanged) => {
        if (articleIds.length > 0)
          void broadcast(viewProtocol, 'notes-changed', { articleIds: [...articleIds] });
        // Every open tab matches again with the imported entries; the options page lists them.
        if (readerDictionaryChanged) void broadcast(readerDictionaryNotices, 'reader-dictionary-changed');
      }}
      watch={(onChange) => {
        const stop = new AbortController();
        serve(
          viewProtocol,
          {
            'notes-changed': ({ articleIds }) => {
              for (const articleId of articleIds) onChange(articleId);
            },
          },
          stop.signal,
        );
        return () => stop.abort();
      }}
      entityName={(id) => names.get(id)?.[lang] || names.get(id)?.en || id}
      onListed={loadNames}
    />,
    app,
  );
}

function loadNames(): void {
  void loadShippedDictionary().then((d) => mount(new Map(d.entities.map((e) => [e.id, e.names]))));
}

mount(new Map());
