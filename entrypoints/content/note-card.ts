// The note card: shown over a hovered note (in a closed shadow root), with Edit and Delete; where a
// note lies over an entity's name the note card answers and names the entity, with a way to its own
// card. Nothing of it on a site where notes are off. Torn down with `signal`.

import type { NoteCardEntity } from '@/components/NoteCard';
import { createNoteCardLayer } from '@/components/note-card-layer';
import type { Matcher } from '@/lib/entities/matcher';
import { sendToBackground } from '@/lib/messaging/messenger';
import { backgroundProtocol } from '@/lib/messaging/protocol';
import { mentionsWithin, noteAtPoint } from '@/lib/page/hit-test';
import { trackHover } from '@/lib/page/hover';
import type { PlacedNote } from '@/lib/page/notes-layer';
import type { PageSession } from '@/lib/page/page-session';
import { notesEnabled, watchSettings } from '@/lib/settings/settings';
import { typeLabel, uiNameLanguage } from '@/lib/ui/i18n';
import type { PageCard } from './card';
import type { PageNotes } from './notes';

/** At most this many entities are named on a note card: it is a card, not the side panel's list. */
const ENTITIES_ON_CARD = 3;

export interface PageNoteCard {
  /** True where a painted note lies under the viewport point (the entity card then stays away). */
  covers(x: number, y: number): boolean;
  /**
   * From the keyboard: the card of the note the caret or the selection is in, with the focus in it.
   * False when there is no such note (the show-card command then shows a mention's card).
   */
  showAtSelection(): boolean;
  hide(): void;
  isHost(node: unknown): boolean;
}

export function wireNoteCard(
  session: PageSession,
  notes: PageNotes,
  entityCard: PageCard,
  matcher: Matcher,
  signal: AbortSignal,
): PageNoteCard {
  const find = (x: number, y: number): PlacedNote | undefined =>
    notes.enabled ? noteAtPoint(document, notes.layer, x, y) : undefined;

  /** The entities named inside the note's passage, one line each, first mention first. */
  const entitiesOf = (placed: PlacedNote): NoteCardEntity[] => {
    const out: NoteCardEntity[] = [];
    for (const mention of mentionsWithin(session.painted.all, placed)) {
      if (out.length === ENTITIES_ON_CARD) break;
      const entity = matcher.entity(mention.entityId);
      if (!entity || out.some((e) => e.id === entity.id)) continue;
      out.push({
        id: entity.id,
        name: entity.names[uiNameLanguage()],
        type: typeLabel(entity.type, 'singular'),
      });
    }
    return out;
  };

  const card = createNoteCardLayer(document, {
    update: (id, changes) => sendToBackground(backgroundProtocol, 'update-note', { id, changes }),
    delete: (id) => sendToBackground(backgroundProtocol, 'delete-note', { id }),
    undoDelete: (id) => sendToBackground(backgroundProtocol, 'undo-delete-note', { id }),
    listTags: async () => {
      const reply = await sendToBackground(backgroundProtocol, 'list-tags', undefined);
      return reply.ok ? reply.value : [];
    },
    takeOff: (id) => notes.layer.remove(id),
    // The background's notes-changed notice repaints the article's notes from the store as well.
    putBack: () => void notes.refresh(),
    changed: (note) => notes.layer.update(note),
    showEntity: (id, keyboard) => {
      const placed = shownNote;
      const mention =
        (placed && mentionsWithin(session.painted.all, placed).find((m) => m.entityId === id)) ??
        session.painted.ofEntity(id)[0];
      if (mention) entityCard.show(mention, { focus: keyboard });
    },
    onHidden: () => {
      shownNote = null;
      hover.forget();
    },
  });
  let shownNote: PlacedNote | null = null;

  const hover = trackHover<PlacedNote>({
    doc: document,
    find,
    isOwnUi: (target) => card.isHost(target),
    onEnter: (placed) => {
      // A card holding an edit, Undo or an error stays with its note until closed.
      if (card.sticky && card.shownId !== placed.note.id) return;
      shownNote = placed;
      entityCard.hide();
      card.show(placed, entitiesOf(placed));
    },
    onLeave: () => {
      if (!card.sticky) card.hide();
    },
  });

  // Escape closes the card (an unsaved edit is kept for the next time it opens); so does a click
  // anywhere else on the page.
  const onKey = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && card.shownId) card.hide();
  };
  document.addEventListener('keydown', onKey, { capture: true, signal });
  const onPointerDown = (event: PointerEvent) => {
    if (card.shownId && !card.isHost(event.target)) card.hide();
  };
  document.addEventListener('pointerdown', onPointerDown, { capture: true, signal });

  // The card is fixed on screen; keep it beside its note while the page scrolls.
  let scrollFrame = 0;
  const onScroll = () => {
    if (!card.shownId || scrollFrame) return;
    scrollFrame = requestAnimationFrame(() => {
      scrollFrame = 0;
      card.reposition();
    });
  };
  window.addEventListener('scroll', onScroll, { passive: true, capture: true, signal });

  // Notes turned off on this site: the card goes at once, with the highlights.
  const stopWatching = watchSettings((settings) => {
    if (!notesEnabled(settings, session.hostname)) card.hide();
  });

  signal.addEventListener(
    'abort',
    () => {
      cancelAnimationFrame(scrollFrame);
      stopWatching();
      hover.stop();
      card.remove();
    },
    { once: true },
  );

  /** The note at the selection's focus (where the caret is), else at its anchor. */
  const noteAtSelection = (): PlacedNote | undefined => {
    const selection = document.getSelection();
    if (!notes.enabled || !selection || selection.rangeCount === 0) return undefined;
    const { focusNode, focusOffset, anchorNode, anchorOffset } = selection;
    return (
      (focusNode ? notes.layer.atPoint(focusNode, focusOffset) : undefined) ??
      (anchorNode ? notes.layer.atPoint(anchorNode, anchorOffset) : undefined)
    );
  };

  return {
    covers: (x, y) => find(x, y) !== undefined,
    showAtSelection: () => {
      const placed = noteAtSelection();
      if (!placed) return false;
      shownNote = placed;
      entityCard.hide();
      card.show(placed, entitiesOf(placed), { focus: true });
      return true;
    },
    hide: () => card.hide(),
    isHost: (node) => card.isHost(node),
  };
}
