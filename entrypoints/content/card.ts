// The hover card: shown over a hovered mention, kept beside it while the page scrolls, closed by
// Escape. Torn down with `signal`.

import { type CorrectionSource, createCardLayer, type ShowOptions } from '@/components/card-layer';
import { loadedExtras } from '@/components/extras/load';
import { otherEntitiesNamed } from '@/lib/entities/shared-forms';
import type { Entity } from '@/lib/entities/types';
import { sendToBackground } from '@/lib/messaging/messenger';
import { backgroundProtocol } from '@/lib/messaging/protocol';
import { newRecordId } from '@/lib/notes/ids';
import { mentionAtPoint } from '@/lib/page/hit-test';
import { trackHover } from '@/lib/page/hover';
import type { PlacedMention } from '@/lib/page/mention-index';
import type { PageSession } from '@/lib/page/page-session';
import { overrideOf, type ReaderChange } from '@/lib/reader-dictionary/corrections';
import type { ReaderPageMatcher } from '@/lib/reader-dictionary/page-matcher';
import { saveSettings, withEntity } from '@/lib/settings/settings';
import { foldText } from '@/lib/text/fold';
import { liveRange } from '@/lib/text/text-model';

export interface PageCard {
  /** Shows the card for `mention`, with its position among its entity's mentions. */
  show(mention: PlacedMention, options?: ShowOptions): void;
  hide(): void;
  readonly isShown: boolean;
  /** True for the card's host element (our own UI, whose changes the watcher ignores). */
  isHost(node: unknown): boolean;
}

/**
 * `restorePaint` puts back every layer's highlights a page took out of CSS.highlights.
 * `coveredByNote`: true where the reader's own note lies over the point; its note card answers the
 * hover there (with a way to this card), so the entity card does not.
 */
export function wireCard(
  session: PageSession,
  matcher: ReaderPageMatcher,
  restorePaint: () => void,
  signal: AbortSignal,
  coveredByNote: (x: number, y: number) => boolean = () => false,
): PageCard {
  const card = createCardLayer(document, {
    // Stepping from the card keeps it (and its buttons) under the pointer.
    onStep: (mention, direction) => {
      session.setCurrent(mention);
      const result = session.step(direction, mention.entityId);
      if (result) show(result.mention, { stay: true });
    },
    // However the card closes, hovering the same mention again opens it again.
    onHidden: () => hover.forget(),
    // The card stays, saying the entity is hidden, with Undo.
    onHide: (mention) => void saveSettings(withEntity(session.settings, mention.entityId, false)),
    onUndoHide: (mention) => void saveSettings(withEntity(session.settings, mention.entityId, true)),
  });
  // A card asked for before the dictionary's entries came (they follow the paint): shown once they
  // are in, unless the reader moved on meanwhile (another card, the pointer gone, Escape).
  let waitingFor: PlacedMention | null = null;
  const show = (mention: PlacedMention, options?: ShowOptions, waited = false) => {
    const entity = matcher.entity(mention.entityId);
    waitingFor = null;
    if (!entity) {
      if (waited) return;
      waitingFor = mention;
      matcher.described().then(
        () => {
          if (waitingFor === mention) show(mention, options, true);
        },
        () => {},
      );
      return;
    }
    const ofEntity = session.mentions.ofEntity(mention.entityId);
    const text = liveRange(mention.range)?.toString() ?? '';
    const also = otherEntitiesNamed(entity, text).flatMap((id) => matcher.entity(id) ?? []);
    card.show(
      mention,
      entity,
      ofEntity.indexOf(mention) + 1,
      ofEntity.length,
      options,
      also,
      correctionsOf(entity, text),
    );
  };

  const send = async (change: ReaderChange): Promise<string | null> => {
    const reply =
      change.kind === 'save'
        ? await sendToBackground(backgroundProtocol, 'save-reader-entry', { entry: change.entry })
        : await sendToBackground(
            backgroundProtocol,
            change.kind === 'delete' ? 'delete-reader-entry' : 'undo-delete-reader-entry',
            { id: change.id },
          );
    // The background tells every tab, this one too, to read the reader's dictionary again.
    return reply.ok ? null : reply.error;
  };
  const correctionsOf = (entity: Entity, form: string): CorrectionSource => {
    const dictionaryType = matcher.dictionaryEntity(entity.id)?.type;
    const folded = foldText(form);
    const added = overrideOf(matcher.entries, entity.id)?.aliases;
    return {
      form,
      site: session.hostname,
      typeChangedFrom: dictionaryType && dictionaryType !== entity.type ? dictionaryType : undefined,
      readerSpelling: [...(added?.ar ?? []), ...(added?.en ?? [])].some((a) => foldText(a) === folded),
      entities: () => matcher.entities,
      loadAll: () =>
        void matcher.ready().then(
          () => matcher.described(),
          () => {},
        ),
      lookUp: (id) => matcher.entity(id),
      // The corrections come with their UI, in the in-page extras: loaded before any can be chosen.
      changeType: (type) =>
        loadedExtras()?.changeType(matcher.entries, entity, dictionaryType, type, newRecordId()) ?? null,
      suppress: (everywhere) =>
        loadedExtras()?.suppress(entity.id, form, everywhere ? null : session.hostname, newRecordId()) ??
        null,
      addSpelling: (target) =>
        loadedExtras()?.addSpelling(matcher.entries, target, form, newRecordId()) ?? null,
      send,
    };
  };

  const hover = trackHover({
    doc: document,
    // No caret hit-test (a layout query) on pages with nothing painted.
    find: (x, y) => {
      restorePaint(); // a page that cleared CSS.highlights gets ours back at the next hover
      if (!session.active || session.painted.all.length === 0) return undefined;
      if (coveredByNote(x, y)) return undefined;
      return mentionAtPoint(document, session.painted, x, y);
    },
    isOwnUi: (target) => card.isHost(target),
    onEnter: (mention) => {
      // A card holding the corrections or their Undo stays with its mention until closed.
      if (card.sticky || !session.isVisible(mention)) return;
      session.setCurrent(mention);
      show(mention);
    },
    onLeave: () => {
      waitingFor = null;
      if (!card.sticky) card.hide();
    },
  });

  // The card is fixed on screen; keep it beside its mention while the page scrolls.
  let scrollFrame = 0;
  const onScroll = () => {
    restorePaint();
    if (!card.shownMention || scrollFrame) return;
    scrollFrame = requestAnimationFrame(() => {
      scrollFrame = 0;
      card.reposition();
    });
  };
  window.addEventListener('scroll', onScroll, { passive: true, capture: true, signal });

  const onKey = (event: KeyboardEvent) => {
    if (event.key === 'Escape') waitingFor = null;
    if (event.key === 'Escape' && card.shownMention) card.hide();
  };
  document.addEventListener('keydown', onKey, { capture: true, signal });
  // A card that stays (corrections open) closes with a click anywhere else.
  const onPointerDown = (event: PointerEvent) => {
    if (card.sticky && !card.isHost(event.target)) card.hide();
  };
  document.addEventListener('pointerdown', onPointerDown, { capture: true, signal });

  signal.addEventListener(
    'abort',
    () => {
      cancelAnimationFrame(scrollFrame);
      hover.stop();
      card.remove();
    },
    { once: true },
  );

  return {
    show,
    hide: () => {
      waitingFor = null;
      card.hide();
    },
    get isShown() {
      return card.shownMention !== null;
    },
    isHost: (node) => card.isHost(node),
  };
}
