import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { sendToBackground, sendToTab, serve } from '@/lib/messaging/messenger';
import { backgroundProtocol, contentProtocol, viewProtocol } from '@/lib/messaging/protocol';
import { type AnnotationRecord, NOTE_COLOURS } from '@/lib/notes/model';
import { draftChanges, draftOf, type NoteDraft } from '@/lib/notes/note-edit';
import { NOTE_COLOUR_HEX } from '@/lib/notes/note-styles';
import { type OrderedNotes, orderNotes } from '@/lib/notes/page-notes';
import { withTag } from '@/lib/notes/tags';
import { colourLabel, countText, t } from '@/lib/ui/i18n';
import { TagField } from './TagField';
import './notes-view.css';
import './tag-field.css';

/** After a note changed, how long to wait before asking the page again if it has not placed it yet. */
const UNPLACED_RETRY_MS = 400;

type Shown =
  | { kind: 'loading' }
  /** No content script answers in the tab. */
  | { kind: 'silent' }
  | { kind: 'no-article' }
  | { kind: 'notes'; articleId: string; notes: OrderedNotes };

/** What the page and the background say about the article's notes, joined in reading order. */
async function readNotes(tabId: number | undefined): Promise<Shown | { kind: 'error'; error: string }> {
  if (tabId === undefined) return { kind: 'silent' };
  const page = await sendToTab(contentProtocol, tabId, 'page-notes');
  if (!page.ok) return { kind: 'silent' };
  const { articleId } = page.value;
  if (articleId === null) return { kind: 'no-article' };
  const stored = await sendToBackground(backgroundProtocol, 'list-notes', { articleId });
  if (!stored.ok) return { kind: 'error', error: stored.error };
  return { kind: 'notes', articleId, notes: orderNotes(stored.value, page.value) };
}

export interface NotesViewProps {
  tabId: number | undefined;
  /** The page's analysis status: the notes are asked for again when it changes (e.g. to ready). */
  pageStatus: string | undefined;
}

/**
 * The side panel's Notes view: the article's notes in reading order (each a way to its passage on
 * the page), edited in place and deleted with undo through the background; notes whose passage is
 * gone listed apart. Follows every change to the article's notes, from anywhere.
 */
export function NotesView({ tabId, pageStatus }: NotesViewProps) {
  const [shown, setShown] = useState<Shown>({ kind: 'loading' });
  const [editing, setEditing] = useState<string | null>(null);
  const [deleted, setDeleted] = useState<AnnotationRecord | null>(null);
  const [message, setMessage] = useState('');
  const articleId = shown.kind === 'notes' ? shown.articleId : null;
  const retried = useRef(false);
  const undoButton = useRef<HTMLButtonElement>(null);

  const load = useCallback(async () => {
    const next = await readNotes(tabId);
    if (next.kind === 'error') {
      setMessage(t('noteFailed', next.error));
      return;
    }
    setShown(next);
    // Saved a moment ago and not listed by the page yet: ask once more for its place.
    if (next.kind === 'notes' && next.notes.unplaced > 0 && !retried.current) {
      retried.current = true;
      setTimeout(() => void load(), UNPLACED_RETRY_MS);
    } else retried.current = false;
  }, [tabId]);

  useEffect(() => {
    void load();
  }, [load, pageStatus]);

  useEffect(() => {
    if (articleId === null) return;
    const stop = new AbortController();
    serve(
      viewProtocol,
      {
        'notes-changed': (changed) => {
          if (changed.articleIds.includes(articleId)) void load();
        },
      },
      stop.signal,
    );
    return () => stop.abort();
  }, [articleId, load]);

  useEffect(() => {
    if (deleted) undoButton.current?.focus();
  }, [deleted]);

  const reveal = async (note: AnnotationRecord) => {
    if (tabId === undefined) return;
    const reply = await sendToTab(contentProtocol, tabId, 'reveal-note', { id: note.id });
    if (!reply.ok) setMessage(t('notePageSilent'));
    else if (reply.value === 'orphan') setMessage(t('noteNotOnPage'));
    else {
      setMessage('');
      if (reply.value === 'unknown') void load();
    }
  };
  const save = async (note: AnnotationRecord, draft: NoteDraft) => {
    const changes = draftChanges(note, draft);
    if (changes === null) {
      setEditing(null);
      return;
    }
    const reply = await sendToBackground(backgroundProtocol, 'update-note', { id: note.id, changes });
    if (!reply.ok) {
      setMessage(t('noteFailed', reply.error));
      return;
    }
    setEditing(null);
    setMessage('');
    await load();
  };
  const remove = async (note: AnnotationRecord) => {
    const reply = await sendToBackground(backgroundProtocol, 'delete-note', { id: note.id });
    if (!reply.ok) {
      setMessage(t('noteFailed', reply.error));
      return;
    }
    setMessage('');
    setDeleted(note);
    await load();
  };
  const undo = async () => {
    if (!deleted) return;
    const reply = await sendToBackground(backgroundProtocol, 'undo-delete-note', { id: deleted.id });
    if (!reply.ok) {
      setMessage(t('noteFailed', reply.error));
      return;
    }
    setDeleted(null);
    await load();
  };

  const item = (note: AnnotationRecord, placed: boolean) =>
    editing === note.id ? (
      <li key={note.id} class="note-item" data-note-id={note.id}>
        <NoteEditor
          note={note}
          onSave={(draft) => void save(note, draft)}
          onCancel={() => setEditing(null)}
        />
      </li>
    ) : (
      <NoteItem
        key={note.id}
        note={note}
        placed={placed}
        onReveal={() => void reveal(note)}
        onEdit={() => setEditing(note.id)}
        onDelete={() => void remove(note)}
      />
    );

  // The page is still looking for its article: what it says about notes now would be "none".
  if (pageStatus === undefined || pageStatus === 'working')
    return (
      <section class="notes-view" data-notes-view="loading" aria-busy="true">
        <p class="muted">{t('statusWorking')}</p>
      </section>
    );
  return (
    <section class="notes-view" data-notes-view={shown.kind}>
      {shown.kind === 'loading' && <p class="muted">{t('statusWorking')}</p>}
      {shown.kind === 'silent' && <p class="muted">{t('statusUnreachable')}</p>}
      {shown.kind === 'no-article' && <p class="muted">{t('notesNoArticle')}</p>}
      {shown.kind === 'notes' &&
        (shown.notes.placed.length === 0 && shown.notes.orphans.length === 0 ? (
          <p class="muted" data-notes-empty>
            {t('notesEmpty')}
          </p>
        ) : (
          <>
            {shown.notes.placed.length > 0 && (
              <ol class="plain-list notes-list" data-notes="placed">
                {shown.notes.placed.map((note) => item(note, true))}
              </ol>
            )}
            {shown.notes.orphans.length > 0 && (
              <section class="notes-orphans">
                <h3 class="group-heading">{t('notesOrphansHeading')}</h3>
                <p class="muted">{t('notesOrphansIntro')}</p>
                <ul class="plain-list notes-list" data-notes="orphans">
                  {shown.notes.orphans.map((note) => item(note, false))}
                </ul>
              </section>
            )}
          </>
        ))}
      <div class="notes-status" role="status">
        {deleted && (
          <p class="note-undo">
            {t('noteDeleted')}{' '}
            <button
              type="button"
              class="link"
              data-action="undo-delete"
              ref={undoButton}
              onClick={() => void undo()}
            >
              {t('undo')}
            </button>
          </p>
        )}
        {message !== '' && <p class="note-message">{message}</p>}
      </div>
    </section>
  );
}

interface NoteItemProps {
  note: AnnotationRecord;
  /** Found on the page: the quote is a way to it. */
  placed: boolean;
  onReveal: () => void;
  onEdit: () => void;
  onDelete: () => void;
}

/** One note: its colour, the passage, the note and its tags; the reader's words keep their own direction. */
function NoteItem({ note, placed, onReveal, onEdit, onDelete }: NoteItemProps) {
  const swatch = (
    <span
      class="note-swatch"
      style={{ background: NOTE_COLOUR_HEX[note.colour] }}
      role="img"
      aria-label={colourLabel(note.colour)}
    />
  );
  const quote = (
    <span class="note-quote" dir="auto">
      {note.quote.exact}
    </span>
  );
  return (
    <li class="note-item" data-note-id={note.id} data-colour={note.colour}>
      {placed ? (
        <button
          type="button"
          class="note-passage"
          data-action="reveal-note"
          title={t('noteShow')}
          onClick={onReveal}
        >
          {swatch}
          {quote}
        </button>
      ) : (
        <div class="note-passage">
          {swatch}
          {quote}
        </div>
      )}
      {note.note !== '' && (
        <p class="note-text" dir="auto">
          {note.note}
        </p>
      )}
      {note.tags.length > 0 && (
        <ul class="note-tags">
          {note.tags.map((tag) => (
            <li key={tag} dir="auto">
              {tag}
            </li>
          ))}
        </ul>
      )}
      <div class="note-actions">
        <button type="button" class="link" data-action="edit-note" onClick={onEdit}>
          {t('noteEdit')}
        </button>
        <button type="button" class="link" data-action="delete-note" onClick={onDelete}>
          {t('noteDelete')}
        </button>
      </div>
    </li>
  );
}

interface NoteEditorProps {
  note: AnnotationRecord;
  onSave: (draft: NoteDraft) => void;
  onCancel: () => void;
}

/**
 * Edits a note in place: its text, its tags (completed from the reader's own, as in the selection
 * toolbar) and its colour. Escape cancels.
 */
function NoteEditor({ note, onSave, onCancel }: NoteEditorProps) {
  const [draft, setDraft] = useState<NoteDraft>(() => draftOf(note));
  const [typedTag, setTypedTag] = useState('');
  const [knownTags, setKnownTags] = useState<readonly string[]>([]);
  const first = useRef<HTMLTextAreaElement>(null);
  useEffect(() => first.current?.focus(), []);
  useEffect(() => {
    void sendToBackground(backgroundProtocol, 'list-tags').then((reply) => {
      if (reply.ok) setKnownTags(reply.value);
    });
  }, []);
  // The half-typed tag counts, as it does in the toolbar.
  const save = () => onSave({ ...draft, tags: typedTag.trim() ? withTag(draft.tags, typedTag) : draft.tags });
  const tagsId = `note-tags-${note.id}`;
  return (
    <form
      class="note-editor"
      data-note-editor
      onSubmit={(event) => {
        event.preventDefault();
        save();
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onCancel();
      }}
    >
      <p class="note-quote" dir="auto">
        {note.quote.exact}
      </p>
      <label class="note-field">
        <span>{t('noteFieldNote')}</span>
        <textarea
          ref={first}
          dir="auto"
          rows={3}
          name="note"
          value={draft.note}
          onInput={(e) => {
            const note = e.currentTarget.value;
            setDraft((old) => ({ ...old, note }));
          }}
        />
      </label>
      <div class="note-field">
        <label for={tagsId}>{t('noteFieldTags')}</label>
        <TagField
          id={tagsId}
          tags={draft.tags}
          typed={typedTag}
          onChange={(tags, typed) => {
            setDraft((old) => ({ ...old, tags }));
            setTypedTag(typed);
          }}
          knownTags={knownTags}
          onSubmit={save}
        />
      </div>
      <fieldset class="note-colours">
        <legend>{t('noteFieldColour')}</legend>
        {NOTE_COLOURS.map((colour) => (
          <label key={colour} class="note-colour" title={colourLabel(colour)}>
            <input
              type="radio"
              name={`colour-${note.id}`}
              value={colour}
              checked={draft.colour === colour}
              aria-label={colourLabel(colour)}
              onChange={() => setDraft((old) => ({ ...old, colour }))}
            />
            <span class="note-swatch" style={{ background: NOTE_COLOUR_HEX[colour] }} />
          </label>
        ))}
      </fieldset>
      <div class="note-actions">
        <button type="submit" class="primary" data-action="save-note">
          {t('noteSave')}
        </button>
        <button type="button" class="link" data-action="cancel-edit" onClick={onCancel}>
          {t('noteCancel')}
        </button>
      </div>
    </form>
  );
}

/** The popup's line about notes: how many this article has, and how to add one. */
export function NotesSummary({ tabId, pageStatus }: NotesViewProps) {
  const [count, setCount] = useState<number | null>(null);
  useEffect(() => {
    if (tabId === undefined) return;
    void sendToTab(contentProtocol, tabId, 'page-notes').then((reply) =>
      setCount(
        reply.ok && reply.value.articleId !== null
          ? reply.value.placed.length + reply.value.orphans.length
          : null,
      ),
    );
  }, [tabId, pageStatus]);
  if (count === null) return null;
  return (
    <p class="notes-summary" data-notes-count={count}>
      <strong>{countText('notes', count)}</strong> · {t('popupNotesHint')}
    </p>
  );
}
