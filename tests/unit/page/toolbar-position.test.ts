import { describe, expect, it } from 'vitest';
import { type Box, overlaps } from '@/lib/page/card-position';
import { lineBoxes, placeToolbar, TOOLBAR_GAP } from '@/lib/page/toolbar-position';

const viewport = { width: 1000, height: 800 };
const toolbar = { width: 220, height: 40 };
const line = (left: number, top: number, right: number, height = 30): Box => ({
  left,
  top,
  right,
  bottom: top + height,
});
const boxOf = (at: { left: number; top: number }, size = toolbar): Box => ({
  left: at.left,
  top: at.top,
  right: at.left + size.width,
  bottom: at.top + size.height,
});

describe('selection toolbar placement', () => {
  it('goes above the first line, at the selection’s start: its left edge on LTR pages', () => {
    const lines = [line(300, 400, 900), line(100, 430, 500)];
    expect(placeToolbar(lines, toolbar, viewport, 'ltr')).toEqual({
      left: 300,
      top: 400 - TOOLBAR_GAP - 40,
      side: 'above',
    });
  });

  it('on RTL pages lines its right edge up with the selection’s start (the first line’s right end)', () => {
    const lines = [line(100, 400, 700), line(400, 430, 900)];
    expect(placeToolbar(lines, toolbar, viewport, 'rtl')).toEqual({
      left: 700 - 220,
      top: 400 - TOOLBAR_GAP - 40,
      side: 'above',
    });
  });

  it('goes below the last line when there is no room above, aligned with that line', () => {
    const lines = [line(300, 20, 900), line(100, 50, 500)];
    const ltr = placeToolbar(lines, toolbar, viewport, 'ltr');
    expect(ltr).toEqual({ left: 100, top: 80 + TOOLBAR_GAP, side: 'below' });
    const rtl = placeToolbar(lines, toolbar, viewport, 'rtl');
    expect(rtl).toEqual({ left: 500 - 220, top: 80 + TOOLBAR_GAP, side: 'below' });
  });

  it('never leaves the screen sideways', () => {
    expect(placeToolbar([line(900, 400, 990)], toolbar, viewport, 'ltr').left).toBe(1000 - 220 - 8);
    expect(placeToolbar([line(2, 400, 60)], toolbar, viewport, 'rtl').left).toBe(8);
  });

  it('never covers a line of the selection while the screen has room above or below', () => {
    // Many selections, short and long, LTR and RTL, near every edge.
    for (const dir of ['ltr', 'rtl'] as const)
      for (let top = 0; top <= 760; top += 40)
        for (const count of [1, 2, 5]) {
          const lines = Array.from({ length: count }, (_, i) =>
            line(50 + i * 30, top + i * 30, 950 - i * 40),
          );
          const bottom = (lines[lines.length - 1] as Box).bottom;
          const roomAbove = top - TOOLBAR_GAP - 40 >= 8;
          const roomBelow = bottom + TOOLBAR_GAP + 40 <= 800 - 8;
          const at = placeToolbar(lines, toolbar, viewport, dir);
          const box = boxOf(at);
          expect(box.left).toBeGreaterThanOrEqual(8);
          expect(box.right).toBeLessThanOrEqual(1000 - 8);
          expect(box.top).toBeGreaterThanOrEqual(8);
          expect(box.bottom).toBeLessThanOrEqual(800 - 8);
          if (roomAbove || roomBelow)
            for (const l of lines) expect(overlaps(box, l), `${dir} ${top} ${count}`).toBe(false);
        }
  });

  it('a selection taller than the screen: stays on screen, at an edge, over as little as it can', () => {
    const lines = Array.from({ length: 30 }, (_, i) => line(100, -200 + i * 40, i % 2 ? 300 : 900));
    const at = placeToolbar(lines, toolbar, viewport, 'ltr');
    expect(at.top === 8 || at.top === 800 - 8 - 40).toBe(true);
  });

  it('reads line boxes without the empty rectangles at element edges', () => {
    const rects = [
      { left: 10, top: 10, right: 10, bottom: 40, width: 0, height: 30 },
      { left: 10, top: 10, right: 200, bottom: 40, width: 190, height: 30 },
    ];
    expect(lineBoxes(rects)).toEqual([{ left: 10, top: 10, right: 200, bottom: 40 }]);
  });
});
