// One colour per entity type, from the Okabe–Ito palette so that readers with the common
// colour-vision deficiencies can still tell them apart; each type also has its own underline style,
// so colour is never the only cue. The content script's ::highlight rules are generated from these
// values at build time (highlightRules, through the Vite plugin in scripts/lib/highlights-css.ts).
import type { EntityType } from './types';

export interface TypeStyle {
  /** Solid colour: underline and swatch. */
  colour: string;
  /** Underline style, the second cue besides colour. */
  underline: 'solid' | 'dashed' | 'dotted' | 'double' | 'wavy';
  /** Opacity of the colour behind highlighted text: translucent, so the page's text colour stays readable. */
  backgroundAlpha: number;
  /** Underline thickness in px (a wavy line reads heavier, so thinner). */
  underlineWidth: number;
}

export const TYPE_STYLES: Record<EntityType, TypeStyle> = {
  person: { colour: '#e69f00', underline: 'solid', backgroundAlpha: 0.28, underlineWidth: 2 },
  organisation: { colour: '#0072b2', underline: 'dashed', backgroundAlpha: 0.24, underlineWidth: 2 },
  government: { colour: '#cc79a7', underline: 'double', backgroundAlpha: 0.3, underlineWidth: 2 },
  group: { colour: '#d55e00', underline: 'wavy', backgroundAlpha: 0.24, underlineWidth: 1 },
  place: { colour: '#009e73', underline: 'dotted', backgroundAlpha: 0.24, underlineWidth: 2 },
};

/** The mention the reader just jumped to: strong enough to find at a glance, on light and dark pages. */
export const FOCUS_STYLE = { background: '#ffd54a', backgroundAlpha: 0.85, text: '#111111' } as const;

/** `#rrggbb` at `alpha` as CSS `rgb(r g b / a)`. */
function translucent(hex: string, alpha: number): string {
  const channel = (i: number) => Number.parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16);
  return `rgb(${channel(0)} ${channel(1)} ${channel(2)} / ${alpha})`;
}

/**
 * The stylesheet for the painted highlights (one `::highlight(PREFIXtype)` rule per type and
 * `::highlight(PREFIXfocus)`). A translucent background keeps the page's own text colour readable
 * on light and dark pages; the underline style tells types apart without colour.
 */
export function highlightRules(prefix: string): string {
  const rules = Object.entries(TYPE_STYLES).map(
    ([type, style]) =>
      `::highlight(${prefix}${type}) {\n` +
      `  background-color: ${translucent(style.colour, style.backgroundAlpha)};\n` +
      `  text-decoration: underline ${style.underline} ${style.colour} ${style.underlineWidth}px;\n}`,
  );
  rules.push(
    `::highlight(${prefix}focus) {\n` +
      `  background-color: ${translucent(FOCUS_STYLE.background, FOCUS_STYLE.backgroundAlpha)};\n` +
      `  color: ${FOCUS_STYLE.text};\n` +
      `  text-decoration: underline solid ${FOCUS_STYLE.text} 2px;\n}`,
  );
  return `${rules.join('\n')}\n`;
}
