import { describe, expect, it } from 'vitest';
import { CARD_GAP, placeCard } from '@/lib/page/card-position';

const viewport = { width: 1000, height: 800 };
const card = { width: 300, height: 160 };
const anchor = { left: 500, right: 580, top: 100, bottom: 120 };

describe('entity card placement', () => {
  it('sits under the mention, aligned to its right edge on right-to-left pages', () => {
    expect(placeCard(anchor, card, viewport, 'rtl')).toEqual({ left: 580 - 300, top: 120 + CARD_GAP });
  });
  it('aligns to the left edge on left-to-right pages', () => {
    expect(placeCard(anchor, card, viewport, 'ltr')).toEqual({ left: 500, top: 120 + CARD_GAP });
  });
  it('goes above the mention when there is no room below', () => {
    const low = { ...anchor, top: 700, bottom: 720 };
    expect(placeCard(low, card, viewport, 'ltr').top).toBe(700 - CARD_GAP - 160);
  });
  it('never leaves the screen sideways', () => {
    const nearRight = { left: 950, right: 990, top: 100, bottom: 120 };
    expect(placeCard(nearRight, card, viewport, 'ltr').left).toBe(1000 - 300 - 8);
    const nearLeft = { left: 2, right: 40, top: 100, bottom: 120 };
    expect(placeCard(nearLeft, card, viewport, 'rtl').left).toBe(8);
  });
});
