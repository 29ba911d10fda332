// Mounts the entity card in the shadow host and places it next to a mention.
import { render } from 'preact';
import type { Entity } from '@/lib/entities/types';
import { placeCard } from '@/lib/page/card-position';
import type { PlacedMention } from '@/lib/page/mention-index';
import { createShadowHost } from '@/lib/page/shadow-host';
import { liveRange } from '@/lib/text/text-model';
import { uiDirection } from '@/lib/ui/i18n';
import { EntityCard } from './EntityCard';
import cardCss from './entity-card.css?inline';

export interface CardLayer {
  show(mention: PlacedMention, entity: Entity, position: number, total: number): void;
  hide(): void;
  /** Moves the card back next to its mention (after the page scrolled). */
  reposition(): void;
  readonly shownMention: PlacedMention | null;
  /** True for the layer's host element (events from the card bubble to it). */
  isHost(node: unknown): boolean;
  remove(): void;
}

export interface CardActions {
  onStep: (mention: PlacedMention, direction: 1 | -1) => void;
  onHide: (mention: PlacedMention) => void;
  onHidden: () => void;
}

export function createCardLayer(doc: Document, actions: CardActions): CardLayer {
  let shadow: ReturnType<typeof createShadowHost> | null = null;
  let shown: PlacedMention | null = null;

  const place = () => {
    const card = shadow?.container.firstElementChild as HTMLElement | null | undefined;
    if (!card || !shown) return;
    const range = liveRange(shown.range);
    if (!range) return;
    const anchor = range.getClientRects()[0] ?? range.getBoundingClientRect();
    const size = card.getBoundingClientRect();
    const pageDir = doc.defaultView?.getComputedStyle(
      shown.range.startContainer.parentElement ?? doc.body,
    ).direction;
    const at = placeCard(
      anchor,
      { width: size.width, height: size.height },
      { width: doc.documentElement.clientWidth, height: doc.documentElement.clientHeight },
      pageDir === 'rtl' ? 'rtl' : 'ltr',
    );
    card.style.left = `${at.left}px`;
    card.style.top = `${at.top}px`;
  };

  const hide = () => {
    if (!shown) return;
    shown = null;
    if (shadow) render(null, shadow.container);
    actions.onHidden();
  };

  return {
    get shownMention() {
      return shown;
    },
    isHost: (node) => shadow !== null && node === shadow.host,
    hide,
    reposition: place,
    remove() {
      hide();
      shadow?.remove();
      shadow = null;
    },
    show(mention, entity, position, total) {
      try {
        // Created on first use: pages nobody hovers get no extra element at all.
        shadow ??= createShadowHost(doc, cardCss, uiDirection());
        shown = mention;
        render(
          <EntityCard
            entity={entity}
            position={position}
            total={total}
            onStep={(direction) => actions.onStep(mention, direction)}
            onHide={() => actions.onHide(mention)}
            onClose={hide}
          />,
          shadow.container,
        );
        place();
      } catch {
        // The page is hostile to in-page UI (or broke it): no card this time, and nothing thrown
        // into the page's console from a pointer event.
        shown = null;
        shadow?.remove();
        shadow = null;
      }
    },
  };
}
