// Where the entity card goes: under the mention, aligned with the start of the line in the page's
// writing direction, above the mention when there is no room below, never off screen.
export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export const CARD_GAP = 6;
const MARGIN = 8;

export function placeCard(
  anchor: Box,
  card: { width: number; height: number },
  viewport: { width: number; height: number },
  dir: 'rtl' | 'ltr',
): { left: number; top: number } {
  const preferredLeft = dir === 'rtl' ? anchor.right - card.width : anchor.left;
  const maxLeft = Math.max(MARGIN, viewport.width - card.width - MARGIN);
  const left = Math.min(Math.max(preferredLeft, MARGIN), maxLeft);
  const below = anchor.bottom + CARD_GAP;
  const above = anchor.top - CARD_GAP - card.height;
  const fitsBelow = below + card.height <= viewport.height - MARGIN;
  const top = fitsBelow || above < MARGIN ? below : above;
  return { left, top };
}

/** True when the two boxes overlap: a card over its mention hides it. */
export function overlaps(a: Box, b: Box): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}
