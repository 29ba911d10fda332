// The reader's highlight colours: generated ::highlight(hashiya-note-…) rules that tint without
// hiding an entity's underline, the page's text readable through every tint on light and dark pages,
// and the five colours told apart under the simulated colour-vision deficiencies.
import { wcagContrast } from 'culori';
import { describe, expect, it } from 'vitest';
import { NOTE_COLOURS } from '@/lib/notes/model';
import {
  colourOfNoteGroup,
  NOTE_ALPHA,
  NOTE_COLOUR_HEX,
  noteGroup,
  noteHighlightRules,
} from '@/lib/notes/note-styles';
import { HIGHLIGHT_PREFIX } from '@/lib/page/paint';
import { colour, deltaE, MIN_TEXT_CONTRAST, over, PAGES, VISIONS } from '../colour-vision';

/** The note colours are big patches next to each other in the toolbar: the palette threshold, ≥ 10. */
const MIN_NOTE_DELTA_E = 10;

describe('the generated note ::highlight rules', () => {
  const css = noteHighlightRules(HIGHLIGHT_PREFIX);

  it('has one hashiya-note-<colour> rule per colour', () => {
    const names = [...css.matchAll(/::highlight\(([\w-]+)\)/g)].map((m) => m[1]);
    expect(names).toEqual(NOTE_COLOURS.map((c) => `hashiya-note-${c}`));
    expect(css).toContain(
      '::highlight(hashiya-note-yellow) {\n  background-color: rgb(245 208 0 / 0.35);\n}',
    );
  });

  it('sets neither a text colour nor a decoration, so an entity underline under a note stays visible', () => {
    expect(css).not.toMatch(/text-decoration|^\s*color:/m);
  });

  it('maps colours to groups and back, and nothing else to a colour', () => {
    for (const c of NOTE_COLOURS) expect(colourOfNoteGroup(noteGroup(c))).toBe(c);
    expect(colourOfNoteGroup('place')).toBeUndefined();
    expect(colourOfNoteGroup('note-red')).toBeUndefined();
  });
});

describe('page text on a note stays readable (WCAG contrast ≥ 4.5:1)', () => {
  for (const page of PAGES)
    it.each(NOTE_COLOURS)(`${page.name}: %s`, (c) => {
      const shown = over(NOTE_COLOUR_HEX[c], NOTE_ALPHA, page.background);
      expect(wcagContrast(page.text, shown)).toBeGreaterThanOrEqual(MIN_TEXT_CONTRAST);
      // …and the tint is visible at all (ΔE00 ≥ 10 from the page).
      expect(deltaE(shown, colour(page.background))).toBeGreaterThanOrEqual(10);
    });
});

describe('note colours stay distinguishable under colour-vision deficiencies', () => {
  for (const [vision, seenAs] of VISIONS)
    it(`${vision}: every pair differs by ΔE00 ≥ ${MIN_NOTE_DELTA_E}`, () => {
      const tooClose: string[] = [];
      for (const [i, a] of NOTE_COLOURS.entries())
        for (const b of NOTE_COLOURS.slice(i + 1)) {
          const d = deltaE(seenAs(colour(NOTE_COLOUR_HEX[a])), seenAs(colour(NOTE_COLOUR_HEX[b])));
          if (d < MIN_NOTE_DELTA_E) tooClose.push(`${a}/${b}: ΔE00 ${d.toFixed(1)}`);
        }
      expect(tooClose).toEqual([]);
    });
});
