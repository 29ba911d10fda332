// The background's answers to the notes messages (lib/notes/validate.ts's notesProtocol), on top
// of the store. Payloads arrive already checked against their schemas. A failure rejects with a
// StoreError whose message the content script can show as it is.
import type { AnnotationRecord } from '../notes/model';
import type { NotesRequestOf, NotesRequestType, NotesResponseOf } from '../notes/validate';
import type { NotesStore } from './notes-store';

export type NotesHandlers = {
  [K in NotesRequestType]: (data: NotesRequestOf<K>) => Promise<NotesResponseOf<K>>;
};

/** Told after every committed change, so open views can refresh. */
export type NoteChangeListener = (change: { articleId: string; note: AnnotationRecord }) => void;

/**
 * Opens the store with `open` once, and again after a failure to open (the browser may stop and
 * restart the background at any time; a failed open is not final).
 */
export function reopening(open: () => Promise<NotesStore>): () => Promise<NotesStore> {
  let store: Promise<NotesStore> | null = null;
  return () => {
    if (!store) {
      store = open();
      store.catch(() => {
        store = null;
      });
    }
    return store;
  };
}

/** Handlers over the store that `opened` gives (see reopening). */
export function notesHandlers(
  opened: () => Promise<NotesStore>,
  onChange: NoteChangeListener = () => {},
): NotesHandlers {
  const changed = async (write: Promise<AnnotationRecord>): Promise<AnnotationRecord> => {
    const note = await write;
    onChange({ articleId: note.articleId, note });
    return note;
  };
  return {
    'save-note': async ({ article, note }) => changed((await opened()).saveAnnotation(article, note)),
    'update-note': async ({ id, changes }) => changed((await opened()).updateAnnotation(id, changes)),
    'delete-note': async ({ id }) => changed((await opened()).deleteAnnotation(id)),
    'undo-delete-note': async ({ id }) => changed((await opened()).restoreAnnotation(id)),
    'list-notes': async ({ articleId }) => (await opened()).listForArticle(articleId),
    'list-tags': async () => (await opened()).allTags(),
  };
}
