import { TYPE_STYLES } from '@/lib/entities/type-styles';
import type { Entity } from '@/lib/entities/types';
import { t, typeLabel, uiNameLanguage } from '@/lib/ui/i18n';

export interface EntityCardProps {
  entity: Entity;
  /** 1-based position of the shown mention among the entity's mentions on the page. */
  position: number;
  total: number;
  onStep: (direction: 1 | -1) => void;
  onHide: () => void;
  onClose: () => void;
}

// Buttons keep the page's focus where it was: a card must never steal focus.
const keepFocus = (event: MouseEvent) => event.preventDefault();

/** The card shown over a hovered mention: who or what it is, and how to move between its mentions. */
export function EntityCard({ entity, position, total, onStep, onHide, onClose }: EntityCardProps) {
  const first = uiNameLanguage();
  const second = first === 'ar' ? 'en' : 'ar';
  const style = TYPE_STYLES[entity.type];
  return (
    <div class="card" role="dialog" aria-label={entity.names[first]} data-entity-id={entity.id}>
      <div class="card-head">
        <span class="type">
          <span class="swatch" style={{ background: style.colour }} />
          {typeLabel(entity.type)}
        </span>
        <button
          type="button"
          class="icon"
          title={t('cardClose')}
          aria-label={t('cardClose')}
          onMouseDown={keepFocus}
          onClick={onClose}
        >
          ×
        </button>
      </div>
      <div class="name" lang={first} dir={first === 'ar' ? 'rtl' : 'ltr'}>
        {entity.names[first]}
      </div>
      <div class="other-name" lang={second} dir={second === 'ar' ? 'rtl' : 'ltr'}>
        {entity.names[second]}
      </div>
      {entity.description[first] && (
        <p class="description" dir="auto">
          {entity.description[first]}
        </p>
      )}
      <div class="card-foot">
        <span class="position" data-position={position} data-total={total}>
          {t('cardMentionOf', [String(position), String(total)])}
        </span>
        <span class="steps">
          <button
            type="button"
            class="icon step"
            data-step="previous"
            title={t('cardPrevious')}
            aria-label={t('cardPrevious')}
            onMouseDown={keepFocus}
            onClick={() => onStep(-1)}
          >
            ‹
          </button>
          <button
            type="button"
            class="icon step"
            data-step="next"
            title={t('cardNext')}
            aria-label={t('cardNext')}
            onMouseDown={keepFocus}
            onClick={() => onStep(1)}
          >
            ›
          </button>
        </span>
      </div>
      <button type="button" class="hide" data-action="hide" onMouseDown={keepFocus} onClick={onHide}>
        {t('cardHide')}
      </button>
    </div>
  );
}
