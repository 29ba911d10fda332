// Where an in-page card (the entity card, the note card) goes: under the mention or note, aligned with the start of the line in the page's
// writing direction, above the mention when there is no room below, never off screen.
export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

import { liveRange } from '../text/text-model';

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

/**
 * Moves the fixed-position `card` beside `range` (placeCard, in the page's direction there). With
 * `stay`, a card already placed keeps its place unless it covers the range (stepping from the
 * card's own buttons keeps them under the pointer).
 */
export function placeBeside(doc: Document, card: HTMLElement, range: AbstractRange, stay = false): void {
  const live = liveRange(range);
  if (!live) return;
  const anchor: Box = live.getClientRects()[0] ?? live.getBoundingClientRect();
  const size = card.getBoundingClientRect();
  if (stay && card.style.left && !overlaps(size, anchor)) return;
  const pageDir = doc.defaultView?.getComputedStyle(range.startContainer.parentElement ?? doc.body).direction;
  const at = placeCard(
    anchor,
    { width: size.width, height: size.height },
    { width: doc.documentElement.clientWidth, height: doc.documentElement.clientHeight },
    pageDir === 'rtl' ? 'rtl' : 'ltr',
  );
  card.style.left = `${at.left}px`;
  card.style.top = `${at.top}px`;
}
