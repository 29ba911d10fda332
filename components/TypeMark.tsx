import { TYPE_STYLES } from '@/lib/entities/type-styles';
import type { EntityType } from '@/lib/entities/types';
import { uiNameLanguage } from '@/lib/ui/i18n';

/**
 * A short sample of the type's highlight: its colour and, as on the page, its underline style
 * (solid, dashed, double, wavy, dotted), so the key does not rely on colour alone.
 */
export function TypeMark({ type }: { type: EntityType }) {
  const style = TYPE_STYLES[type];
  return (
    <span
      class="type-mark"
      data-underline={style.underline}
      aria-hidden="true"
      style={{
        textDecorationLine: 'underline',
        textDecorationStyle: style.underline,
        textDecorationColor: style.colour,
        backgroundColor: `${style.colour}3d`,
      }}
    >
      {uiNameLanguage() === 'ar' ? 'أب' : 'Aa'}
    </span>
  );
}
