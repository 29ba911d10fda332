import { describe, expect, it } from 'vitest';
import {
  type Band,
  FIRST_PART_CHARS,
  FIRST_PART_MIN_REST,
  firstPartEnd,
  spansWithin,
  textNearScreen,
} from '@/lib/page/screen-text';
import type { TextModel } from '@/lib/text/text-model';

/**
 * An article of `count` text nodes of 10 characters, node i drawn 20 px high at 20·i − scrolled
 * (null where `undrawn` says so), and how many boxes were read.
 */
function laidOut(count: number, scrolled: number, undrawn: (i: number) => boolean = () => false) {
  const nodes = Array.from({ length: count }, () => document.createTextNode('0123456789'));
  const model: TextModel = {
    root: document.body,
    text: '0123456789'.repeat(count),
    nodes,
    starts: nodes.map((_, i) => i * 10),
  };
  let reads = 0;
  const boxOf = (node: Text): Band | null => {
    reads++;
    const i = nodes.indexOf(node);
    return undrawn(i) ? null : { top: i * 20 - scrolled, bottom: i * 20 + 20 - scrolled };
  };
  return { model, boxOf, reads: () => reads };
}

describe('the text near the reader’s screen', () => {
  it('is the text of the nodes drawn in the band, found with a few box reads', () => {
    // Scrolled to node 1,000 of 40,000; the band runs from one 600 px screen above to one below.
    const page = laidOut(40_000, 20_000);
    expect(textNearScreen(page.model, { top: -600, bottom: 1200 }, page.boxOf)).toEqual({
      start: 9_690, // node 969 ends at −600; node 968 at −620, above the band
      end: 10_610, // node 1,061 starts at 1,220, the first past 1,200
    });
    expect(page.reads()).toBeLessThan(40);
  });

  it('steps over nodes that are not drawn (hidden, collapsed space) to the next drawn one', () => {
    const page = laidOut(1_000, 4_000, (i) => i % 3 !== 0);
    const near = textNearScreen(page.model, { top: 0, bottom: 400 }, page.boxOf);
    // Node 198 ends at −20, above the band; hidden 199 and 200 take the box of 201, the next drawn.
    // Node 219 starts at 380; hidden 220 and 221 take the box of 222, at 440, past the band.
    expect(near).toEqual({ start: 1_990, end: 2_200 });
  });

  it('is the start of an article at the top of the page, and its end once scrolled past', () => {
    const top = laidOut(500, 0);
    expect(textNearScreen(top.model, { top: -600, bottom: 1200 }, top.boxOf)).toEqual({ start: 0, end: 610 });
    const bottom = laidOut(500, 9_800);
    expect(textNearScreen(bottom.model, { top: -600, bottom: 1200 }, bottom.boxOf)).toEqual({
      start: 4_590,
      end: 5_000,
    });
  });

  it('is nothing for an article off the band, or one the layout does not draw', () => {
    const below = laidOut(100, -5_000);
    expect(textNearScreen(below.model, { top: -600, bottom: 1200 }, below.boxOf)).toBeNull();
    const above = laidOut(100, 50_000);
    expect(textNearScreen(above.model, { top: -600, bottom: 1200 }, above.boxOf)).toBeNull();
    const hidden = laidOut(100, 0, () => true);
    expect(textNearScreen(hidden.model, { top: -600, bottom: 1200 }, hidden.boxOf)).toBeNull();
    const empty = laidOut(0, 0);
    expect(textNearScreen(empty.model, { top: -600, bottom: 1200 }, empty.boxOf)).toBeNull();
  });
});

describe('the spans within some text', () => {
  const spans = [0, 5, 5, 12, 30].map((start) => ({ start }));
  it('are those that start within it', () => {
    expect(spansWithin(spans, 5, 30)).toEqual({ from: 1, to: 4 });
    expect(spansWithin(spans, 6, 12)).toEqual({ from: 3, to: 3 });
    expect(spansWithin(spans, 0, 100)).toEqual({ from: 0, to: 5 });
    expect(spansWithin([], 0, 100)).toEqual({ from: 0, to: 0 });
  });
});

describe('the first part of a long article’s text', () => {
  const block = (n: number, length: number) => `${String(n).padEnd(length, 'x')}\u2029`;
  // Blocks of 1,000 characters, the break the last of each.
  const text = Array.from({ length: 100 }, (_, n) => block(n, 999)).join('');

  it('ends just past the first block break at or after the screen’s end', () => {
    expect(firstPartEnd(text, 4_500)).toBe(5_000);
    expect(firstPartEnd(text, 4_999)).toBe(5_000);
    expect(text[4_999]).toBe('\u2029');
    expect(firstPartEnd(text, 0)).toBe(1_000);
  });

  it('covers the article’s start where the layout tells nothing', () => {
    expect(firstPartEnd(text, null)).toBe(FIRST_PART_CHARS + 1_000);
  });

  it('is the whole text when the rest would be short, or no block break follows', () => {
    expect(firstPartEnd(text, text.length - FIRST_PART_MIN_REST)).toBe(text.length);
    expect(firstPartEnd(text, text.length - FIRST_PART_MIN_REST - 2_000)).toBe(
      text.length - FIRST_PART_MIN_REST - 1_000,
    );
    const oneBlock = 'x'.repeat(200_000);
    expect(firstPartEnd(oneBlock, 10)).toBe(oneBlock.length);
  });
});
