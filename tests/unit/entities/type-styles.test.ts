// The highlight colours: highlights.css repeats lib/entities/type-styles.ts exactly; the page's own text
// stays readable on the translucent backgrounds, on light and dark pages (WCAG contrast ≥ 4.5:1);
// and the type colours stay distinguishable under simulated colour-vision deficiencies.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TYPE_STYLES } from '../../../lib/entities/type-styles';
import { ENTITY_TYPES, type EntityType } from '../../../lib/entities/types';

type Rgb = readonly [number, number, number];

// ── Colour arithmetic ───────────────────────────────────────────────────────────────────────

function hexToRgb(hex: string): Rgb {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new Error(`not a #rrggbb colour: ${hex}`);
  return [Number.parseInt(m[1] ?? '', 16), Number.parseInt(m[2] ?? '', 16), Number.parseInt(m[3] ?? '', 16)];
}

const toLinear = (c: number): number => {
  const s = c / 255;
  return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
};
const fromLinear = (v: number): number => {
  const c = Math.min(1, Math.max(0, v));
  return 255 * (c <= 0.0031308 ? 12.92 * c : 1.055 * c ** (1 / 2.4) - 0.055);
};

/** WCAG 2 relative luminance. */
function luminance([r, g, b]: Rgb): number {
  return 0.2126 * toLinear(r) + 0.7152 * toLinear(g) + 0.0722 * toLinear(b);
}

/** WCAG 2 contrast ratio. */
function contrast(a: Rgb, b: Rgb): number {
  const la = luminance(a);
  const lb = luminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/** `fg` at opacity `alpha` over `bg`, as the browser composites it (in sRGB, like CSS). */
function over(fg: Rgb, alpha: number, bg: Rgb): Rgb {
  return [0, 1, 2].map((i) => (fg[i] as number) * alpha + (bg[i] as number) * (1 - alpha)) as unknown as Rgb;
}

// Machado, Oliveira & Fernandes (2009), "A Physiologically-based Model for Simulation of Color
// Vision Deficiency", severity 1.0 (dichromacy), applied to linear RGB.
const CVD: Record<'deuteranopia' | 'protanopia' | 'tritanopia', readonly (readonly number[])[]> = {
  protanopia: [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
  ],
  deuteranopia: [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881],
  ],
  tritanopia: [
    [1.255528, -0.076749, -0.178779],
    [-0.078411, 0.930809, 0.147602],
    [0.004733, 0.691367, 0.3039],
  ],
};

function simulate(colour: Rgb, matrix: readonly (readonly number[])[]): Rgb {
  const lin = colour.map(toLinear);
  return matrix.map((row) =>
    fromLinear(row.reduce((sum, k, i) => sum + k * (lin[i] as number), 0)),
  ) as unknown as Rgb;
}

/** sRGB → CIELAB (D65). */
function toLab(colour: Rgb): Rgb {
  const [r, g, b] = colour.map(toLinear) as [number, number, number];
  const x = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / 0.95047;
  const y = 0.2126729 * r + 0.7151522 * g + 0.072175 * b;
  const z = (0.0193339 * r + 0.119192 * g + 0.9503041 * b) / 1.08883;
  const f = (t: number): number => (t > 216 / 24389 ? Math.cbrt(t) : ((24389 / 27) * t + 16) / 116);
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}

/** CIEDE2000 colour difference between two sRGB colours. */
function deltaE2000(c1: Rgb, c2: Rgb): number {
  return deltaE2000Lab(toLab(c1), toLab(c2));
}

/** CIEDE2000 colour difference between two CIELAB colours (Sharma, Wu & Dalal 2005). */
function deltaE2000Lab([l1, a1, b1]: Rgb, [l2, a2, b2]: Rgb): number {
  const rad = Math.PI / 180;
  const cBar = (Math.hypot(a1, b1) + Math.hypot(a2, b2)) / 2;
  const g = 0.5 * (1 - Math.sqrt(cBar ** 7 / (cBar ** 7 + 25 ** 7)));
  const a1p = (1 + g) * a1;
  const a2p = (1 + g) * a2;
  const c1p = Math.hypot(a1p, b1);
  const c2p = Math.hypot(a2p, b2);
  const hue = (a: number, b: number): number => {
    if (a === 0 && b === 0) return 0;
    const h = Math.atan2(b, a) / rad;
    return h < 0 ? h + 360 : h;
  };
  const h1p = hue(a1p, b1);
  const h2p = hue(a2p, b2);
  let dhp = 0;
  if (c1p * c2p !== 0) {
    dhp = h2p - h1p;
    if (dhp > 180) dhp -= 360;
    else if (dhp < -180) dhp += 360;
  }
  const dLp = l2 - l1;
  const dCp = c2p - c1p;
  const dHp = 2 * Math.sqrt(c1p * c2p) * Math.sin((dhp / 2) * rad);
  const lBarP = (l1 + l2) / 2;
  const cBarP = (c1p + c2p) / 2;
  let hBarP = h1p + h2p;
  if (c1p * c2p !== 0) {
    if (Math.abs(h1p - h2p) > 180) hBarP += hBarP < 360 ? 360 : -360;
    hBarP /= 2;
  }
  const t =
    1 -
    0.17 * Math.cos((hBarP - 30) * rad) +
    0.24 * Math.cos(2 * hBarP * rad) +
    0.32 * Math.cos((3 * hBarP + 6) * rad) -
    0.2 * Math.cos((4 * hBarP - 63) * rad);
  const dTheta = 30 * Math.exp(-(((hBarP - 275) / 25) ** 2));
  const rc = 2 * Math.sqrt(cBarP ** 7 / (cBarP ** 7 + 25 ** 7));
  const sl = 1 + (0.015 * (lBarP - 50) ** 2) / Math.sqrt(20 + (lBarP - 50) ** 2);
  const sc = 1 + 0.045 * cBarP;
  const sh = 1 + 0.015 * cBarP * t;
  const rt = -Math.sin(2 * dTheta * rad) * rc;
  return Math.sqrt((dLp / sl) ** 2 + (dCp / sc) ** 2 + (dHp / sh) ** 2 + rt * (dCp / sc) * (dHp / sh));
}

// ── highlights.css ──────────────────────────────────────────────────────────────────────────

interface CssHighlight {
  /** Background colour and its opacity. */
  background: Rgb;
  alpha: number;
  underline: { style: string; colour: string } | null;
  /** An explicit text colour, if the rule sets one. */
  colour: string | null;
}

function parseHighlights(text: string): Map<string, CssHighlight> {
  const rules = new Map<string, CssHighlight>();
  const stripped = text.replace(/\/\*[\s\S]*?\*\//g, '');
  for (const [, name, body] of stripped.matchAll(/::highlight\(([\w-]+)\)\s*\{([^}]*)\}/g)) {
    const declarations = new Map<string, string>();
    for (const declaration of (body ?? '').split(';')) {
      const colon = declaration.indexOf(':');
      if (colon > 0)
        declarations.set(declaration.slice(0, colon).trim(), declaration.slice(colon + 1).trim());
    }
    const bg = /^rgb\(\s*(\d+)\s+(\d+)\s+(\d+)\s*\/\s*([\d.]+)\s*\)$/.exec(
      declarations.get('background-color') ?? '',
    );
    if (!bg) throw new Error(`::highlight(${name}): background-color is not rgb(r g b / a)`);
    const decoration = /^underline\s+(\w+)\s+(#[0-9a-f]{6})\b/i.exec(
      declarations.get('text-decoration') ?? '',
    );
    rules.set(name ?? '', {
      background: [Number(bg[1]), Number(bg[2]), Number(bg[3])],
      alpha: Number(bg[4]),
      underline: decoration
        ? { style: decoration[1] ?? '', colour: (decoration[2] ?? '').toLowerCase() }
        : null,
      colour: declarations.get('color') ?? null,
    });
  }
  return rules;
}

// Read from disk: Vitest hands CSS imports (even ?raw) to its CSS pipeline, which yields ''.
const HIGHLIGHTS = parseHighlights(
  readFileSync(resolve(process.cwd(), 'entrypoints/content/highlights.css'), 'utf8'),
);
const PREFIX = 'hashiya-';

function ruleFor(type: EntityType): CssHighlight {
  const rule = HIGHLIGHTS.get(PREFIX + type);
  if (!rule) throw new Error(`highlights.css has no ::highlight(${PREFIX}${type})`);
  return rule;
}

// The pages the reader may be on: a white page with black text, a #111 page with #eee text.
const PAGES = [
  { name: 'light page (#fff, text #000)', background: hexToRgb('#ffffff'), text: hexToRgb('#000000') },
  { name: 'dark page (#111, text #eee)', background: hexToRgb('#111111'), text: hexToRgb('#eeeeee') },
] as const;

/** WCAG 2 SC 1.4.3 (AA) for body text. */
const MIN_TEXT_CONTRAST = 4.5;

/**
 * Smallest CIEDE2000 difference between two type colours, under normal vision and each simulated
 * dichromacy. ΔE00 ≈ 1 is a just-noticeable difference for large patches side by side (≈ 2.3 in
 * CIE76). The type colour is seen as a 1–2 px underline and a small legend swatch, compared across the
 * page rather than side by side; small marks need several times the patch threshold to be told apart
 * (Szafir 2017, "Modeling Color Difference for Visualization Design"), and categorical-palette tools
 * aim for ΔE00 of 10 or more between categories. So: ≥ 10.
 */
const MIN_TYPE_DELTA_E = 10;

describe('highlights.css and lib/entities/type-styles.ts', () => {
  it('has one ::highlight rule per entity type, plus the focus highlight', () => {
    const expected = [...ENTITY_TYPES.map((type) => PREFIX + type), `${PREFIX}focus`].sort();
    expect([...HIGHLIGHTS.keys()].sort()).toEqual(expected);
  });

  it.each(ENTITY_TYPES)('repeats exactly the colour and underline style of %s', (type) => {
    const rule = ruleFor(type);
    const style = TYPE_STYLES[type];
    expect(rule.background, 'background-color').toEqual(hexToRgb(style.colour));
    expect(rule.underline, 'text-decoration').toEqual({ style: style.underline, colour: style.colour });
    expect(rule.colour, 'a type highlight must keep the page text colour').toBeNull();
  });

  it('gives each type its own underline style, so colour is never the only cue', () => {
    const styles = ENTITY_TYPES.map((type) => TYPE_STYLES[type].underline);
    expect(new Set(styles).size).toBe(styles.length);
  });
});

describe('page text on a highlight stays readable (WCAG contrast ≥ 4.5:1)', () => {
  for (const page of PAGES) {
    it.each(ENTITY_TYPES)(`${page.name}: %s`, (type) => {
      const rule = ruleFor(type);
      const shown = over(rule.background, rule.alpha, page.background);
      expect(contrast(page.text, shown)).toBeGreaterThanOrEqual(MIN_TEXT_CONTRAST);
    });

    it(`${page.name}: the focus highlight, which sets its own text colour`, () => {
      const rule = HIGHLIGHTS.get(`${PREFIX}focus`);
      if (!rule?.colour) throw new Error('the focus highlight should set a text colour');
      const shown = over(rule.background, rule.alpha, page.background);
      expect(contrast(hexToRgb(rule.colour), shown)).toBeGreaterThanOrEqual(MIN_TEXT_CONTRAST);
    });
  }
});

describe('type colours stay distinguishable under colour-vision deficiencies', () => {
  const visions: [string, ((c: Rgb) => Rgb) | null][] = [
    ['normal vision', null],
    ...Object.entries(CVD).map(([name, matrix]): [string, (c: Rgb) => Rgb] => [
      `simulated ${name}`,
      (c) => simulate(c, matrix),
    ]),
  ];
  for (const [vision, transform] of visions) {
    it(`${vision}: every pair of type colours differs by ΔE00 ≥ ${MIN_TYPE_DELTA_E}`, () => {
      const seen = (type: EntityType): Rgb => {
        const colour = hexToRgb(TYPE_STYLES[type].colour);
        return transform ? transform(colour) : colour;
      };
      const tooClose: string[] = [];
      for (const [i, a] of ENTITY_TYPES.entries()) {
        for (const b of ENTITY_TYPES.slice(i + 1)) {
          const d = deltaE2000(seen(a), seen(b));
          if (d < MIN_TYPE_DELTA_E) tooClose.push(`${a}/${b}: ΔE00 ${d.toFixed(1)}`);
        }
      }
      expect(tooClose).toEqual([]);
    });
  }
});

describe('the colour arithmetic itself', () => {
  it('matches known values', () => {
    expect(contrast(hexToRgb('#000000'), hexToRgb('#ffffff'))).toBeCloseTo(21, 5);
    expect(contrast(hexToRgb('#777777'), hexToRgb('#ffffff'))).toBeCloseTo(4.48, 2);
    expect(over(hexToRgb('#ff0000'), 0.5, hexToRgb('#0000ff'))).toEqual([127.5, 0, 127.5]);
    // Test pairs from Sharma, Wu & Dalal (2005), table 1.
    expect(deltaE2000Lab([50, 2.6772, -79.7751], [50, 0, -82.7485])).toBeCloseTo(2.0425, 4);
    expect(deltaE2000Lab([50, 0, 0], [50, -1, 2])).toBeCloseTo(2.3669, 4);
    expect(deltaE2000Lab([50, 2.5, 0], [73, 25, -18])).toBeCloseTo(27.1492, 4);
    expect(deltaE2000Lab([60.2574, -34.0099, 36.2677], [60.4626, -34.1751, 39.4387])).toBeCloseTo(1.2644, 4);
    expect(toLab(hexToRgb('#ffffff'))[0]).toBeCloseTo(100, 3);
    // Deuteranopia and protanopia fold red and green together; tritanopia keeps them apart.
    const pair = [hexToRgb('#d00000'), hexToRgb('#00a000')] as const;
    const normal = deltaE2000(pair[0], pair[1]);
    expect(deltaE2000(simulate(pair[0], CVD.deuteranopia), simulate(pair[1], CVD.deuteranopia))).toBeLessThan(
      normal / 2,
    );
    expect(deltaE2000(simulate(pair[0], CVD.protanopia), simulate(pair[1], CVD.protanopia))).toBeLessThan(
      normal / 2,
    );
    // Grey stays grey (each matrix row sums to 1).
    const grey = simulate(hexToRgb('#808080'), CVD.deuteranopia);
    for (const channel of grey) expect(channel).toBeCloseTo(128, 0);
  });
});
