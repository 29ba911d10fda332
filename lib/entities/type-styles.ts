// One colour per entity type, from the Okabe–Ito palette so that readers with the common
// colour-vision deficiencies can still tell them apart; each type also has its own underline style,
// so colour is never the only cue. entrypoints/content/highlights.css repeats these values
// (a stylesheet cannot import TypeScript); a unit test keeps the two equal.
import type { EntityType } from './types';

export interface TypeStyle {
  /** Solid colour: underline and swatch. */
  colour: string;
  /** Underline style, the second cue besides colour. */
  underline: 'solid' | 'dashed' | 'dotted' | 'double' | 'wavy';
}

export const TYPE_STYLES: Record<EntityType, TypeStyle> = {
  person: { colour: '#e69f00', underline: 'solid' },
  organisation: { colour: '#0072b2', underline: 'dashed' },
  government: { colour: '#cc79a7', underline: 'double' },
  group: { colour: '#d55e00', underline: 'wavy' },
  place: { colour: '#009e73', underline: 'dotted' },
};
