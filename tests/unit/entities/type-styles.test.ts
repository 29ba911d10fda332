// The highlight colours: the generated ::highlight rules carry lib/entities/type-styles.ts; the
// page's own text stays readable on the translucent backgrounds, on light and dark pages (WCAG
// contrast ≥ 4.5:1); and the type colours stay distinguishable under simulated colour-vision
// deficiencies (Machado, Oliveira & Fernandes 2009, as culori implements them).
import { wcagContrast } from 'culori';
import { describe, expect, it } from 'vitest';
import { FOCUS_STYLE, HEADLINE_TINT, highlightRules, TYPE_STYLES } from '../../../lib/entities/type-styles';
import { ENTITY_TYPES, type EntityType } from '../../../lib/entities/types';
import {
  colour,
  deltaE,
  deuteranopia,
  MIN_TEXT_CONTRAST,
  over,
  PAGES,
  protanopia,
  toLinear,
  tritanopia,
  VISIONS,
} from '../colour-vision';

/**
 * Smallest CIEDE2000 difference between two type colours, under normal vision and each simulated
 * dichromacy. ΔE00 ≈ 1 is a just-noticeable difference for large patches side by side (≈ 2.3 in
 * CIE76). The type colour is seen as a 1–2 px underline and a small legend swatch, compared across the
 * page rather than side by side; small marks need several times the patch threshold to be told apart
 * (Szafir 2017, "Modeling Color Difference for Visualization Design"), and categorical-palette tools
 * aim for ΔE00 of 10 or more between categories. So: ≥ 10.
 */
const MIN_TYPE_DELTA_E = 10;

describe('the generated ::highlight rules', () => {
  const css = highlightRules('hashiya-');

  it('has, per entity type, the default, headline and quiet rules, plus the focus highlight', () => {
    const names = [...new Set([...css.matchAll(/::highlight\(([\w-]+)\)/g)].map((m) => m[1]))];
    expect(names.sort()).toEqual(
      [
        ...ENTITY_TYPES.flatMap((type) => [`hashiya-${type}`, `hashiya-quiet-${type}`]),
        'hashiya-focus',
      ].sort(),
    );
  });

  it('writes each type’s colour, opacity, underline and its offset, and keeps the page’s text colour', () => {
    expect(css).toContain(
      '::highlight(hashiya-person) {\n' +
        '  background-color: rgb(230 159 0 / 0.24);\n' +
        '  text-decoration: underline solid #e69f00 2px;\n' +
        '  text-underline-offset: 0.3em;\n}',
    );
    expect(css).toContain('::highlight(hashiya-group) {\n  background-color: rgb(213 94 0 / 0.22);');
    expect(css).toContain('text-decoration: underline wavy #d55e00 1.5px;\n  text-underline-offset: 0.32em;');
    expect(css.match(/^ {2}color:/gm)).toHaveLength(1); // only the focus highlight sets a text colour
    expect(css).toContain(
      '::highlight(hashiya-focus) {\n  background-color: rgb(255 213 74 / 0.85);\n  color: #111111;',
    );
  });

  it('in headlines, keeps the underline with a third of the tint', () => {
    expect(HEADLINE_TINT).toBeLessThanOrEqual(1 / 2);
    expect(css).toContain(
      ':is(h1, h2, h3)::highlight(hashiya-person),\n:is(h1, h2, h3) ::highlight(hashiya-person) {\n' +
        '  background-color: rgb(230 159 0 / 0.08);\n}',
    );
  });

  it('quiet style: the same underline, no tint', () => {
    expect(css).toContain(
      '::highlight(hashiya-quiet-place) {\n  background-color: transparent;\n' +
        '  text-decoration: underline dotted #009e73 2px;\n  text-underline-offset: 0.3em;\n}',
    );
  });

  it('puts every underline clear of Arabic dots and tails (offset ≥ 0.25 em)', () => {
    for (const type of ENTITY_TYPES)
      expect(TYPE_STYLES[type].underlineOffset, type).toBeGreaterThanOrEqual(0.25);
  });

  it('gives each type its own underline style, so colour is never the only cue', () => {
    const styles = ENTITY_TYPES.map((type) => TYPE_STYLES[type].underline);
    expect(new Set(styles).size).toBe(styles.length);
  });
});

describe('page text on a highlight stays readable (WCAG contrast ≥ 4.5:1)', () => {
  for (const page of PAGES) {
    it.each(ENTITY_TYPES)(`${page.name}: %s`, (type) => {
      const style = TYPE_STYLES[type];
      const shown = over(style.colour, style.backgroundAlpha, page.background);
      expect(wcagContrast(page.text, shown)).toBeGreaterThanOrEqual(MIN_TEXT_CONTRAST);
    });

    it(`${page.name}: the focus highlight, which sets its own text colour`, () => {
      const shown = over(FOCUS_STYLE.background, FOCUS_STYLE.backgroundAlpha, page.background);
      expect(wcagContrast(FOCUS_STYLE.text, shown)).toBeGreaterThanOrEqual(MIN_TEXT_CONTRAST);
    });
  }
});

/** How much a type's tint stands out from the page behind it (CIEDE2000 between the two). */
function tintVisibility(type: EntityType, page: string): number {
  const style = TYPE_STYLES[type];
  return deltaE(over(style.colour, style.backgroundAlpha, page), colour(page));
}

describe('tints are as visible on a dark page as on a light one', () => {
  const [light, dark] = PAGES;
  it.each(ENTITY_TYPES)(
    '%s: ΔE00 from a #111 page ≥ ΔE00 from a white page, within one just-noticeable difference',
    (type) => {
      expect(tintVisibility(type, dark.background)).toBeGreaterThanOrEqual(
        tintVisibility(type, light.background) - 1,
      );
    },
  );

  it.each(ENTITY_TYPES)('%s: the tint is visible on both (ΔE00 ≥ 10)', (type) => {
    expect(tintVisibility(type, light.background)).toBeGreaterThanOrEqual(10);
    expect(tintVisibility(type, dark.background)).toBeGreaterThanOrEqual(10);
  });
});

describe('type colours stay distinguishable under colour-vision deficiencies', () => {
  for (const [vision, seenAs] of VISIONS) {
    it(`${vision}: every pair of type colours differs by ΔE00 ≥ ${MIN_TYPE_DELTA_E}`, () => {
      const seen = (type: EntityType) => seenAs(colour(TYPE_STYLES[type].colour));
      const tooClose: string[] = [];
      for (const [i, a] of ENTITY_TYPES.entries()) {
        for (const b of ENTITY_TYPES.slice(i + 1)) {
          const d = deltaE(seen(a), seen(b));
          if (d < MIN_TYPE_DELTA_E) tooClose.push(`${a}/${b}: ΔE00 ${d.toFixed(1)}`);
        }
      }
      expect(tooClose).toEqual([]);
    });
  }

  it('would catch a red/green pair (the simulation folds what dichromats confuse)', () => {
    const [red, green] = [colour('#d00000'), colour('#00a000')];
    const normal = deltaE(red, green);
    for (const simulate of [deuteranopia, protanopia]) {
      expect(deltaE(simulate(red), simulate(green))).toBeLessThan(normal / 2);
    }
    expect(deltaE(tritanopia(red), tritanopia(green))).toBeGreaterThan(normal / 2);
    // Grey stays grey (each matrix row sums to 1).
    const grey = toLinear(deuteranopia(colour('#808080')));
    const { r, g, b } = toLinear(colour('#808080'));
    expect([grey.r, grey.g, grey.b].map((v) => v.toFixed(3))).toEqual([r, g, b].map((v) => v.toFixed(3)));
  });
});
