// The hover card: shown over a hovered mention, kept beside it while the page scrolls, closed by
// Escape. Torn down with `signal`.
import { createCardLayer, type ShowOptions } from '@/components/card-layer';
import type { Matcher } from '@/lib/entities/matcher';
import { otherEntitiesNamed } from '@/lib/entities/shared-forms';
import { mentionAtPoint } from '@/lib/page/hit-test';
import { trackHover } from '@/lib/page/hover';
import type { PlacedMention } from '@/lib/page/mention-index';
import type { PageSession } from '@/lib/page/page-session';
import { saveSettings, withEntity } from '@/lib/settings/settings';
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
  matcher: Matcher,
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
  const show = (mention: PlacedMention, options?: ShowOptions) => {
    const entity = matcher.entity(mention.entityId);
    if (!entity) return;
    const ofEntity = session.mentions.ofEntity(mention.entityId);
    const text = liveRange(mention.range)?.toString() ?? '';
    const also = otherEntitiesNamed(entity, text).flatMap((id) => matcher.entity(id) ?? []);
    card.show(mention, entity, ofEntity.indexOf(mention) + 1, ofEntity.length, options, also);
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
      if (!session.isVisible(mention)) return;
      session.setCurrent(mention);
      show(mention);
    },
    onLeave: () => card.hide(),
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
    if (event.key === 'Escape' && card.shownMention) card.hide();
  };
  document.addEventListener('keydown', onKey, { capture: true, signal });

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
    hide: () => card.hide(),
    get isShown() {
      return card.shownMention !== null;
    },
    isHost: (node) => card.isHost(node),
  };
}
