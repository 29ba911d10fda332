import { describe, expect, it } from 'vitest';
import { MAX_DEPTH, MAX_ELEMENTS, measurePage, withinBounds } from '@/lib/page/page-size';

function nest(depth: number): void {
  document.body.replaceChildren();
  let parent: Element = document.body;
  for (let i = 0; i < depth; i++) parent = parent.appendChild(document.createElement('div'));
  parent.append('ألبانيا');
}

describe('page size bounds', () => {
  it('measures how many elements a page has and how deep they nest', () => {
    document.body.innerHTML = '<main><article><p>ألبانيا <b>و</b>إيران</p></article></main>'; // test markup
    const size = measurePage(document);
    expect(size.elements).toBe(document.getElementsByTagName('*').length);
    expect(size.depth).toBe(5); // body main article p b, below <html>
    expect(withinBounds(size)).toBe(true);
  });

  it('finds a page nested past the depth bound too deep, and stops counting just past it', () => {
    nest(MAX_DEPTH - 1);
    expect(withinBounds(measurePage(document))).toBe(true);
    nest(MAX_DEPTH + 500);
    const size = measurePage(document);
    expect(size.depth).toBe(MAX_DEPTH + 1);
    expect(withinBounds(size)).toBe(false);
  });

  it('finds a page with more elements than the bound too large', () => {
    document.body.replaceChildren(
      ...Array.from({ length: MAX_ELEMENTS + 1 }, () => document.createElement('span')),
    );
    expect(withinBounds(measurePage(document))).toBe(false);
  });
});
