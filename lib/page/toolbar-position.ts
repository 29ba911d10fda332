// Where the selection toolbar goes: above the selection's first line, starting where the
// selection starts in the page's writing direction (its left edge on left-to-right pages, its right
// edge on right-to-left ones); below the last line when there is no room above; never over any
// line of the selection while the screen has room for that, and never off screen.
import { type Box, overlaps } from './card-position';

export const TOOLBAR_GAP = 8;
const MARGIN = 8;

export interface ToolbarPlacement {
  left: number;
  top: number;
  /** Which side of the selection the toolbar is on. */
  side: 'above' | 'below';
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), Math.max(min, max));
}

/**
 * `lines`: the selection's client rectangles in reading order (Range.getClientRects(), empty ones
 * left out). `size`: the toolbar's. All in viewport (CSS pixel) coordinates.
 */
export function placeToolbar(
  lines: readonly Box[],
  size: { width: number; height: number },
  viewport: { width: number; height: number },
  dir: 'rtl' | 'ltr',
): ToolbarPlacement {
  const first = lines[0];
  const last = lines[lines.length - 1];
  if (!first || !last) return { left: MARGIN, top: MARGIN, side: 'below' };
  const maxLeft = viewport.width - size.width - MARGIN;
  const maxTop = viewport.height - size.height - MARGIN;
  const alignedTo = (line: Box) =>
    clamp(dir === 'rtl' ? line.right - size.width : line.left, MARGIN, maxLeft);
  const candidates: ToolbarPlacement[] = [
    { left: alignedTo(first), top: first.top - TOOLBAR_GAP - size.height, side: 'above' },
    { left: alignedTo(last), top: last.bottom + TOOLBAR_GAP, side: 'below' },
  ];
  const onScreen = (p: ToolbarPlacement) => p.top >= MARGIN && p.top <= maxTop;
  const covered = (p: ToolbarPlacement) => {
    const box = { left: p.left, top: p.top, right: p.left + size.width, bottom: p.top + size.height };
    let area = 0;
    for (const line of lines) {
      if (!overlaps(box, line)) continue;
      area +=
        (Math.min(box.right, line.right) - Math.max(box.left, line.left)) *
        (Math.min(box.bottom, line.bottom) - Math.max(box.top, line.top));
    }
    return area;
  };
  const clear = candidates.find((p) => onScreen(p) && covered(p) === 0);
  if (clear) return clear;
  // The selection fills the screen around it (taller than the view, or scrolled to an edge): keep
  // the toolbar on screen, at the top or bottom edge, wherever it hides the least of it.
  const edges: ToolbarPlacement[] = candidates.map((p) => ({
    ...p,
    top: clamp(p.top, MARGIN, maxTop),
  }));
  let best = edges[0] as ToolbarPlacement;
  for (const p of edges) if (covered(p) < covered(best)) best = p;
  return best;
}

/** The boxes of a range's lines (Range.getClientRects()), without the empty ones at element edges. */
export function lineBoxes(rects: Iterable<Box & { width: number; height: number }>): Box[] {
  const out: Box[] = [];
  for (const r of rects)
    if (r.width > 0 && r.height > 0) out.push({ left: r.left, top: r.top, right: r.right, bottom: r.bottom });
  return out;
}
