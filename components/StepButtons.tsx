import { t } from '@/lib/ui/i18n';
import { Chevron } from './icons';

export interface StepButtonsProps {
  onStep: (direction: 1 | -1) => void;
  /** Writing direction of the surrounding UI: decides which way the chevrons point. */
  dir: 'ltr' | 'rtl';
  disabled?: boolean;
  /** In the page, buttons must not take the page's focus when clicked with the mouse. */
  keepPageFocus?: boolean;
}

const keepFocus = (event: MouseEvent) => event.preventDefault();

/** Previous / next mention: the one pair of step buttons used by the card, the popup and the side panel. */
export function StepButtons({ onStep, dir, disabled = false, keepPageFocus = false }: StepButtonsProps) {
  return (
    <span class="steps">
      {(['previous', 'next'] as const).map((towards) => {
        const label = towards === 'previous' ? t('cardPrevious') : t('cardNext');
        return (
          <button
            key={towards}
            type="button"
            class="icon step"
            data-step={towards}
            disabled={disabled}
            title={label}
            aria-label={label}
            onMouseDown={keepPageFocus ? keepFocus : undefined}
            onClick={() => onStep(towards === 'previous' ? -1 : 1)}
          >
            <Chevron towards={towards} dir={dir} />
          </button>
        );
      })}
    </span>
  );
}
