import type { Entity, EntityType } from '@/lib/entities/types';
import { READER_SOURCE } from '@/lib/reader-dictionary/model';
import { monthLabel, t, typeLabel, uiNameLanguage } from '@/lib/ui/i18n';
import type { CorrectionsProps } from './CardCorrections';
import { CloseButton } from './CloseButton';
import { LazyCardCorrections } from './extras/load';
import { StepButtons } from './StepButtons';
import { TypeMark } from './TypeMark';

export interface EntityCardProps {
  entity: Entity;
  /** 1-based position of the shown mention among the entity's mentions on the page. */
  position: number;
  total: number;
  dir: 'ltr' | 'rtl';
  /** True once the reader hid the entity from this card: the card says so and offers Undo. */
  hidden?: boolean;
  /** Other entities written like this mention (عمان: Oman and Amman), which the matcher did not pick. */
  also?: readonly Entity[];
  /** The dictionary's type, when the reader changed it ("Type changed by you (dictionary: Place)"). */
  typeChangedFrom?: EntityType;
  /** True when this mention is a spelling the reader added to the entity. */
  readerSpelling?: boolean;
  /** "Correct…": absent, the card offers no corrections; `open`, its choices are shown. */
  corrections?: Omit<CorrectionsProps, 'entity'> & { open: boolean; onToggle: () => void };
  /** After a correction: what it did, in words, with Undo. */
  corrected?: { message: string; onUndo: () => void };
  onStep: (direction: 1 | -1) => void;
  onHide: () => void;
  onUndoHide: () => void;
  onClose: () => void;
}

// Buttons keep the page's focus where it was: a card opened by the mouse must never steal focus.
const keepFocus = (event: MouseEvent) => event.preventDefault();

/** The card shown over a mention: who or what it is, and how to move between its mentions. */
export function EntityCard(props: EntityCardProps) {
  const { entity, position, total, dir, hidden = false, also = [], corrections, corrected } = props;
  const first = uiNameLanguage();
  const second = first === 'ar' ? 'en' : 'ar';
  const close = <CloseButton onClose={props.onClose} />;
  // Hidden or corrected: the card says what happened, with Undo.
  const notice = corrected
    ? { text: corrected.message, onUndo: corrected.onUndo, state: 'corrected' }
    : hidden
      ? { text: t('entityHidden', entity.names[first]), onUndo: props.onUndoHide, state: 'hidden' }
      : null;
  if (notice)
    return (
      <div
        class="card"
        role="dialog"
        aria-label={entity.names[first]}
        data-entity-id={entity.id}
        data-state={notice.state}
      >
        <div class="card-head">
          <p class="notice" role="status">
            {notice.text}
          </p>
          {close}
        </div>
        <button
          type="button"
          class="text-button"
          data-action="undo"
          onMouseDown={keepFocus}
          onClick={notice.onUndo}
        >
          {t('undo')}
        </button>
      </div>
    );
  return (
    <div class="card" role="dialog" aria-label={entity.names[first]} data-entity-id={entity.id}>
      <div class="card-head">
        <span class="type">
          <TypeMark type={entity.type} />
          {typeLabel(entity.type, 'singular')}
        </span>
        {close}
      </div>
      {/* Both names start at the same edge (the interface's); each is isolated with dir="auto". */}
      <div class="name">
        <bdi lang={first} dir="auto">
          {entity.names[first]}
        </bdi>
      </div>
      <div class="other-name">
        <bdi lang={second} dir="auto">
          {entity.names[second]}
        </bdi>
      </div>
      {entity.description[first] && (
        <p class="description" lang={first} dir="auto">
          {entity.description[first]}
        </p>
      )}
      {also.length > 0 && (
        <p class="also" data-also={also.map((e) => e.id).join(' ')}>
          <bdi>{t('cardAlso', [also.map((e) => e.names[first]).join(first === 'ar' ? '، ' : ', ')])}</bdi>
        </p>
      )}
      <p class="provenance" data-source={entity.source}>
        <bdi>
          {entity.source === READER_SOURCE ? t('entitySourceReader') : t('entitySource', [entity.source])}
        </bdi>
        {entity.asOf && <bdi> · {t('entityAsOf', [monthLabel(entity.asOf)])}</bdi>}
      </p>
      {(props.typeChangedFrom || props.readerSpelling) && (
        <p class="provenance" data-corrected>
          {[
            props.typeChangedFrom ? t('cardTypeChanged', typeLabel(props.typeChangedFrom, 'singular')) : '',
            props.readerSpelling ? t('cardSpellingByYou') : '',
          ]
            .filter(Boolean)
            .join(' · ')}
        </p>
      )}
      <div class="card-foot">
        <span class="position" data-position={position} data-total={total}>
          {t('cardMentionOf', [String(position), String(total)])}
        </span>
        <StepButtons dir={dir} disabled={total <= 1} keepPageFocus onStep={props.onStep} />
      </div>
      <div class="card-actions">
        <button
          type="button"
          class="text-button"
          data-action="hide"
          onMouseDown={keepFocus}
          onClick={props.onHide}
        >
          {t('cardHide')}
        </button>
        {corrections && (
          <button
            type="button"
            class="text-button"
            data-action="correct"
            aria-expanded={corrections.open}
            onMouseDown={keepFocus}
            onClick={corrections.onToggle}
          >
            {t('cardCorrect')}
          </button>
        )}
      </div>
      {corrections?.open && <LazyCardCorrections entity={entity} {...corrections} />}
    </div>
  );
}
