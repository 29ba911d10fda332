// Mounts the entity card in the shadow host and places it next to a mention.
import { render } from 'preact';
import type { Entity } from '@/lib/entities/types';
import { placeBeside } from '@/lib/page/card-position';
import type { PlacedMention } from '@/lib/page/mention-index';
import { createShadowHost } from '@/lib/page/shadow-host';
import { uiDirection } from '@/lib/ui/i18n';
import { EntityCard } from './EntityCard';
import cardCss from './entity-card.css?inline';

export interface ShowOptions {
  /**
   * Stepping from the card's own buttons: the card stays where it is, so the buttons stay under the
   * pointer, and moves only when it would cover the new mention.
   */
  stay?: boolean;
  /** Opened from the keyboard: focus moves into the card so its buttons can be used. */
  focus?: boolean;
}

export interface CardLayer {
  /** `also`: other entities written like this mention, named on the card ("also: …"). */
  show(
    mention: PlacedMention,
    entity: Entity,
    position: number,
    total: number,
    options?: ShowOptions,
    also?: readonly Entity[],
  ): void;
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
  onUndoHide: (mention: PlacedMention) => void;
  onHidden: () => void;
}

export function createCardLayer(doc: Document, actions: CardActions): CardLayer {
  let shadow: ReturnType<typeof createShadowHost> | null = null;
  let shown: PlacedMention | null = null;
  let stay = false;
  let shownProps: { entity: Entity; position: number; total: number; also: readonly Entity[] } | null = null;
  /** Where the keyboard focus was before a keyboard-opened card took it, to give it back. */
  let focusBefore: HTMLElement | null = null;
  const dir = uiDirection();

  const cardElement = () => shadow?.container.firstElementChild as HTMLElement | null | undefined;

  const place = () => {
    const card = cardElement();
    if (card && shown) placeBeside(doc, card, shown.range, stay);
  };

  const hide = () => {
    if (!shown) return;
    shown = null;
    shownProps = null;
    const hadFocus = shadow !== null && doc.activeElement === shadow.host;
    if (shadow) render(null, shadow.container);
    if (hadFocus) focusBefore?.focus();
    focusBefore = null;
    actions.onHidden();
  };

  const draw = (mention: PlacedMention, hidden: boolean) => {
    if (!shadow || !shownProps) return;
    const { entity, position, total, also } = shownProps;
    render(
      <EntityCard
        entity={entity}
        position={position}
        total={total}
        also={also}
        dir={dir}
        hidden={hidden}
        onStep={(direction) => actions.onStep(mention, direction)}
        onHide={() => {
          actions.onHide(mention);
          draw(mention, true);
        }}
        onUndoHide={() => {
          actions.onUndoHide(mention);
          hide();
        }}
        onClose={hide}
      />,
      shadow.container,
    );
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
    show(mention, entity, position, total, options = {}, also = []) {
      try {
        // Created on first use: pages nobody hovers get no extra element at all.
        shadow ??= createShadowHost(doc, cardCss, dir);
        // Only a card already on screen can stay where it is.
        stay = (options.stay ?? false) && shown !== null;
        shown = mention;
        shownProps = { entity, position, total, also };
        draw(mention, false);
        place();
        if (options.focus) {
          const card = cardElement();
          const target =
            card?.querySelector<HTMLElement>('[data-step="next"]:not(:disabled)') ??
            card?.querySelector<HTMLElement>('button');
          if (doc.activeElement !== shadow.host) focusBefore = doc.activeElement as HTMLElement | null;
          target?.focus();
        }
      } catch {
        // The page is hostile to in-page UI (or broke it): no card this time, and nothing thrown
        // into the page's console from a pointer event.
        shown = null;
        shownProps = null;
        shadow?.remove();
        shadow = null;
      }
    },
  };
}
