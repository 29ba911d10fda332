// One colour per entity type, from the Okabe–Ito palette so that readers with the common
// colour-vision deficiencies can still tell them apart; each type also has its own underline style,
// so colour is never the only cue. The content script's ::highlight rules are generated from these
// values at build time (highlightRules, through the Vite plugin in scripts/lib/highlights-css.ts).
import type { HighlightStyle } from '../settings/settings';
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
  /**
   * How far below the baseline the underline sits, in em: clear of Arabic letters' dots and tails
   * (ي ج ق) and of Latin descenders; the wavy line needs a little more room, the double a little less.
   */
  underlineOffset: number;
}

export const TYPE_STYLES: Record<EntityType, TypeStyle> = {
  person: {
    colour: '#e69f00',
    underline: 'solid',
    backgroundAlpha: 0.24,
    underlineWidth: 2,
    underlineOffset: 0.3,
  },
  organisation: {
    colour: '#0072b2',
    underline: 'dashed',
    backgroundAlpha: 0.22,
    underlineWidth: 2,
    underlineOffset: 0.3,
  },
  government: {
    colour: '#cc79a7',
    underline: 'double',
    backgroundAlpha: 0.26,
    underlineWidth: 2,
    underlineOffset: 0.26,
  },
  group: {
    colour: '#d55e00',
    underline: 'wavy',
    backgroundAlpha: 0.22,
    underlineWidth: 1.5,
    underlineOffset: 0.32,
  },
  place: {
    colour: '#009e73',
    underline: 'dotted',
    backgroundAlpha: 0.22,
    underlineWidth: 2,
    underlineOffset: 0.3,
  },
};

/** In headlines (h1–h3) the tint is a third as strong: a large heading must not become a block of colour. */
export const HEADLINE_TINT = 1 / 3;

/**
 * The highlight group (the name after the prefix) that paints a type in a style: the type alone
 * for the default, `quiet-<type>` for the underline alone.
 */
export function highlightGroup(type: EntityType, style: HighlightStyle): string {
  return style === 'quiet' ? `quiet-${type}` : type;
}

/** The entity type a highlight group paints. */
export function typeOfGroup(group: string): EntityType | undefined {
  const type = group.replace(/^quiet-/, '');
  return type in TYPE_STYLES ? (type as EntityType) : undefined;
}

/** The mention the reader just jumped to: strong enough to find at a glance, on light and dark pages. */
export const FOCUS_STYLE = { background: '#ffd54a', backgroundAlpha: 0.85, text: '#111111' } as const;

/** `#rrggbb` at `alpha` as CSS `rgb(r g b / a)`. */
export function translucent(hex: string, alpha: number): string {
  const channel = (i: number) => Number.parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16);
  return `rgb(${channel(0)} ${channel(1)} ${channel(2)} / ${alpha})`;
}

/**
 * The stylesheet for the painted highlights. Per type: `::highlight(PREFIXtype)` (tint and
 * underline), a lighter tint in headlines, and `::highlight(PREFIXquiet-type)` (the underline
 * alone); then `::highlight(PREFIXfocus)`. A translucent tint keeps the page's own text colour
 * readable on light and dark pages; the underline style tells types apart without colour.
 */
export function highlightRules(prefix: string): string {
  const rules = Object.entries(TYPE_STYLES).flatMap(([type, style]) => {
    const underline =
      `  text-decoration: underline ${style.underline} ${style.colour} ${style.underlineWidth}px;\n` +
      `  text-underline-offset: ${style.underlineOffset}em;\n`;
    const name = `${prefix}${type}`;
    const headline = Math.round(style.backgroundAlpha * HEADLINE_TINT * 100) / 100;
    return [
      `::highlight(${name}) {\n  background-color: ${translucent(style.colour, style.backgroundAlpha)};\n${underline}}`,
      // Both the heading's own text and text in elements inside it.
      `:is(h1, h2, h3)::highlight(${name}),\n:is(h1, h2, h3) ::highlight(${name}) {\n` +
        `  background-color: ${translucent(style.colour, headline)};\n}`,
      `::highlight(${prefix}quiet-${type}) {\n  background-color: transparent;\n${underline}}`,
    ];
  });
  rules.push(
    `::highlight(${prefix}focus) {\n` +
      `  background-color: ${translucent(FOCUS_STYLE.background, FOCUS_STYLE.backgroundAlpha)};\n` +
      `  color: ${FOCUS_STYLE.text};\n` +
      `  text-decoration: underline solid ${FOCUS_STYLE.text} 2px;\n` +
      '  text-underline-offset: 0.3em;\n}',
  );
  return `${rules.join('\n')}\n`;
}
