// Mounts the note card in a CLOSED shadow root (it shows the reader's own words: no page script can
// reach them), places it beside its note, and runs its states: view → edit → saved only when the
// background answered ok; delete → the highlight goes at once, the card offers Undo; a failure is
// said in plain words and loses nothing (the draft stays, the note stays).
import { render } from 'preact';
import type { Reply } from '@/lib/messaging/messenger';
import type { AnnotationChanges, AnnotationRecord } from '@/lib/notes/model';
import { draftChanges, draftOf, type NoteDraft } from '@/lib/notes/note-edit';
import { placeBeside } from '@/lib/page/card-position';
import type { PlacedNote } from '@/lib/page/notes-layer';
import { createShadowHost } from '@/lib/page/shadow-host';
import { t, uiDirection } from '@/lib/ui/i18n';
import cardCss from './entity-card.css?inline';
import type { ExtrasModule } from './extras/import-chunk';
import { addStylesheet, loadExtras, loadedExtras } from './extras/load';
import type { NoteCardEntity, NoteCardState } from './NoteCard';

export interface NoteCardActions {
  update(id: string, changes: AnnotationChanges): Promise<Reply<AnnotationRecord>>;
  delete(id: string): Promise<Reply<AnnotationRecord>>;
  undoDelete(id: string): Promise<Reply<AnnotationRecord>>;
  listTags(): Promise<string[]>;
  /** The note's highlight goes (delete) or comes back (a failed delete). */
  takeOff(id: string): void;
  putBack(note: AnnotationRecord): void;
  /** The background saved a change: show it on the page. */
  changed(note: AnnotationRecord): void;
  /** The reader asked for an entity's own card from the note card. */
  showEntity(id: string, keyboard: boolean): void;
  /** However the card closed (hovering the note again opens it again). */
  onHidden(): void;
}

export interface NoteCardLayer {
  /** `focus`: opened from the keyboard, the focus moves to the card's first button (Escape gives it back). */
  show(placed: PlacedNote, entities: readonly NoteCardEntity[], options?: { focus?: boolean }): void;
  hide(): void;
  /** Moves the card back beside its note (after the page scrolled). */
  reposition(): void;
  /** The id of the note the card shows, or null. */
  readonly shownId: string | null;
  /** True while the card holds something the pointer leaving must not close: an edit, Undo, an error. */
  readonly sticky: boolean;
  isHost(node: unknown): boolean;
  remove(): void;
}

/** Keyboard and text events inside the card stop at its root, so the page's own (bubbling) listeners
 * never see what the reader types (capture listeners on the page's window still fire: see DESIGN §7). */
const PRIVATE_EVENTS = [
  'keydown',
  'keyup',
  'keypress',
  'beforeinput',
  'input',
  'compositionstart',
  'compositionupdate',
  'compositionend',
  'paste',
  'copy',
  'cut',
] as const;

/** The reason part of a background error ("update-note: …"), for the line under the plain message. */
function reason(error: string): string {
  return error.replace(/^[a-z-]+: /, '');
}

export function createNoteCardLayer(doc: Document, actions: NoteCardActions): NoteCardLayer {
  let shadow: ReturnType<typeof createShadowHost> | null = null;
  let placed: PlacedNote | null = null;
  let note: AnnotationRecord | null = null;
  let entities: readonly NoteCardEntity[] = [];
  let state: NoteCardState = { kind: 'view' };
  let allTags: readonly string[] = [];
  /** Unsaved edits by note id: closing the card (Escape, a click elsewhere) keeps them. */
  const drafts = new Map<string, NoteDraft>();
  /** Bumped on every show/hide: an answer for a card no longer shown changes nothing on screen. */
  let generation = 0;
  let focusBefore: HTMLElement | null = null;
  const dir = uiDirection();
  /** The card comes with the in-page extras chunk, loaded the first time a card is wanted. */
  let extras: ExtrasModule | null = loadedExtras();
  /** The card asked for while the chunk loads: the latest wins, hide() drops it. */
  let waiting: (() => void) | null = null;

  const cardElement = () => shadow?.container.firstElementChild as HTMLElement | null | undefined;
  const hasFocus = () => shadow !== null && doc.activeElement === shadow.host;

  const place = () => {
    const card = cardElement();
    if (card && placed) placeBeside(doc, card, placed.range);
  };

  const setState = (next: NoteCardState) => {
    state = next;
    draw();
  };

  const edit = () => {
    if (!note) return;
    setState({ kind: 'edit', draft: drafts.get(note.id) ?? draftOf(note), saving: false, focus: true });
    loadTags();
  };

  const loadTags = () => {
    const shown = generation;
    void actions.listTags().then((tags) => {
      if (shown !== generation) return;
      allTags = tags;
      draw();
    });
  };

  const save = async (draft: NoteDraft) => {
    if (!note) return;
    const current = note;
    drafts.set(current.id, draft);
    const changes = draftChanges(current, draft);
    if (!changes) {
      drafts.delete(current.id);
      setState({ kind: 'view' });
      return;
    }
    setState({ kind: 'edit', draft, saving: true });
    const shown = generation;
    const reply = await actions.update(current.id, changes);
    if (reply.ok) {
      drafts.delete(current.id);
      actions.changed(reply.value);
    }
    if (shown !== generation || note?.id !== current.id) return;
    if (reply.ok) {
      note = reply.value;
      const hadFocus = hasFocus();
      setState({ kind: 'view' });
      if (hadFocus) cardElement()?.querySelector<HTMLElement>('[data-action="edit"]')?.focus();
    } else
      setState({
        kind: 'edit',
        draft,
        saving: false,
        error: `${t('noteSaveFailed')} ${reason(reply.error)}`,
      });
  };

  const remove = async () => {
    if (!note) return;
    const current = note;
    actions.takeOff(current.id); // at once: the reader sees the highlight go
    // A keyboard reader who pressed Delete finds Undo under the focus as it is drawn (Delete is gone).
    const hadFocus = hasFocus();
    setState({ kind: 'deleted' });
    if (hadFocus) cardElement()?.querySelector<HTMLElement>('[data-action="undo"]')?.focus();
    const shown = generation;
    const reply = await actions.delete(current.id);
    if (reply.ok) return;
    actions.putBack(current);
    if (shown === generation && note?.id === current.id)
      setState({ kind: 'view', error: `${t('noteDeleteFailed')} ${reason(reply.error)}` });
  };

  const undo = async () => {
    if (!note) return;
    const current = note;
    const shown = generation;
    const reply = await actions.undoDelete(current.id);
    if (reply.ok) {
      actions.putBack(reply.value);
      if (shown === generation && note?.id === current.id) {
        note = reply.value;
        const hadFocus = hasFocus();
        setState({ kind: 'view' });
        if (hadFocus) cardElement()?.querySelector<HTMLElement>('[data-action="edit"]')?.focus();
      }
    } else if (shown === generation && note?.id === current.id)
      setState({ kind: 'deleted', error: `${t('noteUndoFailed')} ${reason(reply.error)}` });
  };

  const hide = () => {
    waiting = null;
    if (!note) return;
    generation++;
    note = null;
    placed = null;
    state = { kind: 'view' };
    const hadFocus = hasFocus();
    if (shadow) render(null, shadow.container);
    if (hadFocus) {
      if (focusBefore?.isConnected) focusBefore.focus();
      else shadow?.host.blur();
    }
    focusBefore = null;
    actions.onHidden();
  };

  const draw = () => {
    if (!shadow || !note || !extras) return;
    const shownNote = note;
    const { NoteCard } = extras;
    render(
      <NoteCard
        note={shownNote}
        state={state}
        entities={entities}
        allTags={allTags}
        onEdit={edit}
        onDraft={(draft) => {
          drafts.set(shownNote.id, draft);
          if (state.kind === 'edit') setState({ ...state, draft, focus: false });
        }}
        onSave={(draft) => void save(draft)}
        onCancel={() => {
          drafts.delete(shownNote.id);
          setState({ kind: 'view' });
        }}
        onDelete={() => void remove()}
        onUndo={() => void undo()}
        onClose={hide}
        onEntity={(id, keyboard) => {
          hide();
          actions.showEntity(id, keyboard);
        }}
      />,
      shadow.container,
    );
  };

  /** The closed root, created on first use: the page's scripts get no handle on what is inside. */
  const host = () => {
    if (!shadow) {
      shadow = createShadowHost(doc, cardCss, dir, 'closed');
      for (const type of PRIVATE_EVENTS)
        shadow.container.addEventListener(type, (event) => event.stopPropagation());
    }
    return shadow;
  };

  /** The page is hostile to in-page UI (or broke it): no card this time, nothing thrown. */
  const dropHost = () => {
    note = null;
    placed = null;
    shadow?.remove();
    shadow = null;
  };

  /** In place of the card, when the in-page extras cannot be imported. */
  const showUnavailable = (next: PlacedNote) => {
    try {
      const root = host();
      generation++;
      placed = next;
      note = next.note;
      state = { kind: 'view' };
      render(
        <div class="card" data-unavailable role="status">
          <p class="notice">{t('messageUnreachable')}</p>
        </div>,
        root.container,
      );
      place();
    } catch {
      dropHost();
    }
  };

  const layer: NoteCardLayer = {
    get shownId() {
      return note?.id ?? null;
    },
    get sticky() {
      return note !== null && (state.kind !== 'view' || state.error !== undefined);
    },
    isHost: (node) => shadow !== null && node === shadow.host,
    hide,
    reposition: place,
    remove() {
      hide();
      shadow?.remove();
      shadow = null;
    },
    show(next, nextEntities, options = {}) {
      extras ??= loadedExtras();
      if (!extras) {
        const show = () => layer.show(next, nextEntities, options);
        waiting = show;
        loadExtras().then(
          (loaded) => {
            extras = loaded;
            if (waiting === show) {
              waiting = null;
              show();
            }
          },
          () => {
            // The extension was updated or removed under the page: the card says so, in words.
            if (waiting !== show) return;
            waiting = null;
            showUnavailable(next);
          },
        );
        return;
      }
      try {
        const root = host();
        addStylesheet(root.container, `${extras.noteCardCss}\n${extras.tagFieldCss}`);
        if (note?.id !== next.note.id) {
          generation++;
          // A draft left open on this note comes back as it was.
          const draft = drafts.get(next.note.id);
          state = draft ? { kind: 'edit', draft, saving: false } : { kind: 'view' };
          if (draft) loadTags();
        }
        if (!hasFocus()) focusBefore = doc.activeElement instanceof HTMLElement ? doc.activeElement : null;
        placed = next;
        note = next.note;
        entities = nextEntities;
        draw();
        place();
        if (options.focus && !hasFocus()) {
          const card = cardElement();
          (
            card?.querySelector<HTMLElement>('[data-action="edit"]') ??
            card?.querySelector<HTMLElement>('button')
          )?.focus();
        }
      } catch {
        dropHost();
      }
    },
  };
  return layer;
}
