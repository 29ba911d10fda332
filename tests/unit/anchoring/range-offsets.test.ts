import { describe, expect, it } from 'vitest';
import { offsetsOfRange } from '@/lib/anchoring/range-offsets';
import { buildTextModel, rangeFromOffsets } from '@/lib/text/text-model';

function setup() {
  const doc = document;
  // Test-authored markup only.
  doc.body.innerHTML =
    `<nav id="nav">القائمة</nav><article id="a"><h1 id="h">ألبانيا تقطع علاقاتها</h1>` +
    `<p id="p1">قال <a id="link" href="/r">إيدي راما</a> في بيان.</p><figure><figcaption id="cap">صورة</figcaption></figure>` +
    `<p id="p2">ورحبت <b>واشنطن</b> بالقرار.</p></article><footer id="f">حقوق</footer>`;
  const article = doc.getElementById('a') as HTMLElement;
  // The caption is left out of the model, as Readability might drop it.
  const model = buildTextModel(article, (text) => !text.parentElement?.closest('figcaption'));
  const range = (sc: Node, so: number, ec: Node, eo: number) => {
    const r = doc.createRange();
    r.setStart(sc, so);
    r.setEnd(ec, eo);
    return r;
  };
  const byId = (id: string) => doc.getElementById(id) as HTMLElement;
  const textOf = (id: string) => byId(id).firstChild as Text;
  const quote = (o: { start: number; end: number } | null) => (o ? model.text.slice(o.start, o.end) : null);
  return { doc, model, range, byId, textOf, quote };
}

describe('offsetsOfRange', () => {
  it('is the inverse of rangeFromOffsets for a selection inside text', () => {
    const { model } = setup();
    const start = model.text.indexOf('راما');
    const r = rangeFromOffsets(model, start, start + 12) as Range;
    expect(offsetsOfRange(model, r)).toEqual({ start, end: start + 12 });
  });

  it('reads a selection across a link and two paragraphs', () => {
    const { model, range, textOf, byId, quote } = setup();
    const r = range(textOf('p1'), 0, byId('p2').querySelector('b')?.firstChild as Text, 3);
    expect(quote(offsetsOfRange(model, r))).toBe('قال إيدي راما في بيان.\u2029ورحبت واش');
  });

  it('reads a selection whose ends sit in elements (triple click, keyboard)', () => {
    const { model, range, byId, quote } = setup();
    expect(quote(offsetsOfRange(model, range(byId('p1'), 0, byId('p1'), byId('p1').childNodes.length)))).toBe(
      'قال إيدي راما في بيان.',
    );
    // From inside the link to the start of the next paragraph: ends before the separator.
    const link = byId('link').firstChild as Text;
    expect(quote(offsetsOfRange(model, range(link, 5, byId('p2'), 0)))).toBe('راما في بيان.');
  });

  it('clips a selection that starts outside the article or in text the model left out', () => {
    const { model, range, textOf, quote } = setup();
    expect(quote(offsetsOfRange(model, range(textOf('nav'), 2, textOf('h'), 7)))).toBe('ألبانيا');
    expect(quote(offsetsOfRange(model, range(textOf('cap'), 1, textOf('p2'), 5)))).toBe('ورحبت');
  });

  it('finds nothing for a selection entirely outside the article, or in left-out text', () => {
    const { model, range, textOf } = setup();
    expect(offsetsOfRange(model, range(textOf('nav'), 0, textOf('nav'), 4))).toBeNull();
    expect(offsetsOfRange(model, range(textOf('f'), 0, textOf('f'), 3))).toBeNull();
    expect(offsetsOfRange(model, range(textOf('cap'), 0, textOf('cap'), 4))).toBeNull();
  });
});
