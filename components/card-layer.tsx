// Mounts the entity card in the shadow host and places it next to a mention. The host's root is
// open for dictionary data alone; whatever shows the reader's own dictionary (their entities, their
// corrections, the "Correct…" choices and search) is drawn in a closed root the page cannot read.
import { render } from 'preact';
import type { Entity, EntityType } from '@/lib/entities/types';
import { placeBeside } from '@/lib/page/card-position';
import type { PlacedMention } from '@/lib/page/mention-index';
import { createShadowHost } from '@/lib/page/shadow-host';
import type { Correction, ReaderChange } from '@/lib/reader-dictionary/corrections';
import { READER_SOURCE } from '@/lib/reader-dictionary/model';
import { t, typeLabel, uiDirection, uiNameLanguage } from '@/lib/ui/i18n';
import { EntityCard } from './EntityCard';
import cardCss from './entity-card.css?inline';

/** What a card needs to offer corrections of its mention (entrypoints/content/card.ts builds it). */
export interface CorrectionSource {
  /** The mention as the page has it. */
  form: string;
  site: string;
  /** The dictionary's type, when the reader changed it. */
  typeChangedFrom?: EntityType;
  /** True when the mention is a spelling the reader added. */
  readerSpelling: boolean;
  /**
   * Every entity the page's matcher knows, for the corrections' search; complete once `loadAll`
   * has (a page matched apart knows only what it found until then).
   */
  entities(): readonly Entity[];
  /** Reads the whole dictionary into the page (the corrections opened: their search needs it). */
  loadAll(): void;
  lookUp(id: string): Entity | undefined;
  changeType(type: EntityType): Correction | null;
  suppress(everywhere: boolean): Correction | null;
  addSpelling(target: Entity): Correction | null;
  /** Sends one change to the background: null once it committed, else why not, in words. */
  send(change: ReaderChange): Promise<string | null>;
}

type CardMode =
  | { kind: 'view' }
  | { kind: 'hidden' }
  | { kind: 'correct'; busy: boolean; problem?: string }
  | { kind: 'corrected'; message: string; undo: ReaderChange };

/** Keyboard and text events inside the card stop at its root: the page's own listeners never see
 * what the reader types in the search (capture listeners on the page's window still do). */
const PRIVATE_EVENTS = ['keydown', 'keyup', 'keypress', 'beforeinput', 'input', 'paste'] as const;

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
    corrections?: CorrectionSource,
  ): void;
  hide(): void;
  /** Moves the card back next to its mention (after the page scrolled). */
  reposition(): void;
  readonly shownMention: PlacedMention | null;
  /** True while the card holds what the pointer leaving must not close: the corrections, their Undo. */
  readonly sticky: boolean;
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
  let shadow: (ReturnType<typeof createShadowHost> & { mode: ShadowRootMode }) | null = null;
  let shown: PlacedMention | null = null;
  let stay = false;
  let shownProps: {
    entity: Entity;
    position: number;
    total: number;
    also: readonly Entity[];
    corrections?: CorrectionSource;
  } | null = null;
  let mode: CardMode = { kind: 'view' };
  /** Where the keyboard focus was before the card took it, to give it back. */
  let focusBefore: HTMLElement | null = null;
  const dir = uiDirection();

  const cardElement = () => shadow?.container.firstElementChild as HTMLElement | null | undefined;
  const hasFocus = () => shadow !== null && doc.activeElement === shadow.host;
  const keepFocusBefore = () => {
    if (!hasFocus()) focusBefore = doc.activeElement instanceof HTMLElement ? doc.activeElement : null;
  };

  const place = () => {
    const card = cardElement();
    if (card && shown) placeBeside(doc, card, shown.range, stay);
  };

  const hide = () => {
    if (!shown) return;
    shown = null;
    shownProps = null;
    mode = { kind: 'view' };
    const hadFocus = hasFocus();
    if (shadow) render(null, shadow.container);
    if (hadFocus) focusBefore?.focus();
    focusBefore = null;
    actions.onHidden();
  };

  /** The host, closed when the card shows anything of the reader's own dictionary. */
  const hostFor = (entity: Entity, corrections: CorrectionSource | undefined) => {
    const own =
      entity.source === READER_SOURCE ||
      corrections?.typeChangedFrom !== undefined ||
      corrections?.readerSpelling === true ||
      mode.kind === 'correct' ||
      mode.kind === 'corrected';
    const wanted: ShadowRootMode = own ? 'closed' : 'open';
    if (shadow && shadow.mode !== wanted) {
      render(null, shadow.container);
      shadow.remove();
      shadow = null;
    }
    if (!shadow) {
      // Created on first use: pages nobody hovers get no extra element at all.
      shadow = { ...createShadowHost(doc, cardCss, dir, wanted), mode: wanted };
      for (const type of PRIVATE_EVENTS)
        shadow.container.addEventListener(type, (event) => event.stopPropagation());
    }
    return shadow;
  };

  /** Saves `correction` (null: nothing to change), then says what it did, with Undo. */
  const correct = async (correction: Correction | null, message: () => string) => {
    const source = shownProps?.corrections;
    if (!correction || !source || mode.kind !== 'correct' || mode.busy) return;
    const shownNow = shown;
    mode = { kind: 'correct', busy: true };
    draw();
    const problem = await source.send(correction.change);
    if (shown !== shownNow) return; // the card moved on meanwhile
    mode = problem
      ? { kind: 'correct', busy: false, problem }
      : { kind: 'corrected', message: message(), undo: correction.undo };
    const focused = hasFocus();
    draw();
    place();
    if (focused) cardElement()?.querySelector<HTMLElement>('[data-action="undo"]')?.focus();
  };

  const undo = async () => {
    const source = shownProps?.corrections;
    if (!source || mode.kind !== 'corrected') return;
    const problem = await source.send(mode.undo);
    if (problem) {
      mode = { ...mode, message: t('cardNotSaved', problem) };
      draw();
    } else hide();
  };

  const draw = () => {
    const mention = shown;
    if (!mention || !shownProps) return;
    const { entity, position, total, also, corrections: source } = shownProps;
    const host = hostFor(entity, source);
    const lang = uiNameLanguage();
    const nameOf = (e: Entity) => e.names[lang] || e.names.ar || e.names.en;
    render(
      <EntityCard
        entity={entity}
        position={position}
        total={total}
        also={also}
        dir={dir}
        hidden={mode.kind === 'hidden'}
        typeChangedFrom={source?.typeChangedFrom}
        readerSpelling={source?.readerSpelling}
        corrected={
          mode.kind === 'corrected' ? { message: mode.message, onUndo: () => void undo() } : undefined
        }
        corrections={
          source && {
            open: mode.kind === 'correct',
            busy: mode.kind === 'correct' && mode.busy,
            problem: mode.kind === 'correct' ? mode.problem : undefined,
            form: source.form,
            site: source.site,
            entities: source.entities,
            lookUp: source.lookUp,
            onResize: place,
            onToggle: () => {
              if (mode.kind === 'correct') mode = { kind: 'view' };
              else {
                keepFocusBefore();
                source.loadAll();
                mode = { kind: 'correct', busy: false };
              }
              draw();
              place();
            },
            onChangeType: (type) =>
              void correct(source.changeType(type), () =>
                t('cardDoneType', [nameOf(entity), typeLabel(type, 'singular')]),
              ),
            onSuppress: (everywhere) =>
              void correct(source.suppress(everywhere), () =>
                everywhere
                  ? t('cardDoneSuppressAll', [source.form, nameOf(entity)])
                  : t('cardDoneSuppressSite', [source.form, nameOf(entity), source.site]),
              ),
            onAddSpelling: (target) =>
              void correct(source.addSpelling(target), () =>
                t('cardDoneSpelling', [source.form, nameOf(target)]),
              ),
          }
        }
        onStep={(direction) => actions.onStep(mention, direction)}
        onHide={() => {
          actions.onHide(mention);
          mode = { kind: 'hidden' };
          draw();
        }}
        onUndoHide={() => {
          actions.onUndoHide(mention);
          hide();
        }}
        onClose={hide}
      />,
      host.container,
    );
  };

  return {
    get shownMention() {
      return shown;
    },
    get sticky() {
      return shown !== null && (mode.kind === 'correct' || mode.kind === 'corrected');
    },
    isHost: (node) => shadow !== null && node === shadow.host,
    hide,
    reposition: place,
    remove() {
      hide();
      shadow?.remove();
      shadow = null;
    },
    show(mention, entity, position, total, options = {}, also = [], corrections) {
      try {
        // Only a card already on screen can stay where it is.
        stay = (options.stay ?? false) && shown !== null;
        shown = mention;
        shownProps = { entity, position, total, also, corrections };
        mode = { kind: 'view' };
        draw();
        place();
        if (options.focus) {
          const card = cardElement();
          const target =
            card?.querySelector<HTMLElement>('[data-step="next"]:not(:disabled)') ??
            card?.querySelector<HTMLElement>('button');
          keepFocusBefore();
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
