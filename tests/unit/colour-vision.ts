// Colour science for the highlight colour tests (entity types and note colours): compositing a
// translucent tint over a page, CIEDE2000 differences, the pages and contrast floor, and simulated colour-vision
// deficiencies (Machado, Oliveira & Fernandes 2009, as culori implements them).
import {
  blend,
  type Color,
  clampRgb,
  converter,
  differenceCiede2000,
  filterDeficiencyDeuter,
  filterDeficiencyProt,
  filterDeficiencyTrit,
  parse,
} from 'culori';

export function colour(hex: string): Color {
  const parsed = parse(hex);
  if (!parsed) throw new Error(`not a colour: ${hex}`);
  return parsed;
}

/** `hex` at opacity `alpha` over `page`, as the browser composites it (in sRGB, like CSS). */
export function over(hex: string, alpha: number, page: string): Color {
  return blend([colour(page), { ...colour(hex), alpha }], 'normal');
}

export const deltaE = differenceCiede2000();
export const toLinear = converter('lrgb');
const toRgb = converter('rgb');

/**
 * Machado's model works on linear RGB; culori applies its matrices to whatever channels it is given
 * as sRGB, so hand it the linear channels and read the result back as linear light.
 */
function inLinearLight(filter: (c: Color) => Color | undefined): (c: Color) => Color {
  return (c) => {
    const { r, g, b } = toLinear(c);
    const out = toRgb(filter({ mode: 'rgb', r, g, b }));
    if (!out) throw new Error('the simulation returned no colour');
    return clampRgb({ mode: 'lrgb', r: out.r, g: out.g, b: out.b });
  };
}
export const protanopia = inLinearLight(filterDeficiencyProt(1));
export const deuteranopia = inLinearLight(filterDeficiencyDeuter(1));
export const tritanopia = inLinearLight(filterDeficiencyTrit(1));

// The pages the reader may be on: a white page with black text, a #111 page with #eee text.
export const PAGES = [
  { name: 'light page (#fff, text #000)', background: '#ffffff', text: '#000000' },
  { name: 'dark page (#111, text #eee)', background: '#111111', text: '#eeeeee' },
] as const;

/** WCAG 2 SC 1.4.3 (AA) for body text. */
export const MIN_TEXT_CONTRAST = 4.5;

/** Normal vision and the three simulated dichromacies, for "stays distinguishable" tests. */
export const VISIONS: [string, (c: Color) => Color][] = [
  ['normal vision', (c) => c],
  ['simulated protanopia', protanopia],
  ['simulated deuteranopia', deuteranopia],
  ['simulated tritanopia', tritanopia],
];
