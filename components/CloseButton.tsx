import { t } from '@/lib/ui/i18n';
import { CloseIcon } from './icons';

// In the page, a mouse click on it must not take the page's focus or selection.
const keepFocus = (event: MouseEvent) => event.preventDefault();

/** The × that closes in-page UI (the card, the selection toolbar). */
export function CloseButton({ onClose }: { onClose: () => void }) {
  return (
    <button
      type="button"
      class="icon close"
      title={t('cardClose')}
      aria-label={t('cardClose')}
      onMouseDown={keepFocus}
      onClick={onClose}
    >
      <CloseIcon />
    </button>
  );
}
