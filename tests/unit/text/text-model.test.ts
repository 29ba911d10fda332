import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BLOCK_SEPARATOR,
  buildTextModel,
  rangeFromOffsets,
  rangesFromSortedOffsets,
  rangeText,
} from '@/lib/text/text-model';

function dom(html: string): HTMLElement {
  const root = document.createElement('div');
  root.innerHTML = html; // test-authored markup only
  return root;
}

describe('text model', () => {
  it('separates adjacent paragraphs so their words never join', () => {
    const model = buildTextModel(dom('<p>إيران</p><p>طهران</p>'));
    expect(model.text).toBe(`إيران${BLOCK_SEPARATOR}طهران`);
  });

  it('separates at <br> but joins inline elements into one run of words', () => {
    const model = buildTextModel(dom('<p>حلف <b>شمال</b> <a href="#">الاطلسي</a><br>تيرانا</p>'));
    expect(model.text).toBe(`حلف شمال الاطلسي${BLOCK_SEPARATOR}تيرانا`);
  });

  it('keeps a name split across elements whole', () => {
    const root = dom('<p>قال اي<b>دي</b> راما</p>');
    const model = buildTextModel(root);
    const start = model.text.indexOf('ايدي');
    const range = rangeFromOffsets(model, start, start + 'ايدي راما'.length);
    expect(range?.toString()).toBe('ايدي راما');
  });

  it('skips rejected text nodes and skipped subtrees', () => {
    const root = dom(
      '<p>one <span class="x">two</span> three</p><script>var x</script><textarea>four</textarea>',
    );
    const model = buildTextModel(
      root,
      (t) => t.parentElement?.className !== 'x',
      (el) => el.tagName === 'SCRIPT' || el.tagName === 'TEXTAREA',
    );
    expect(model.text).toBe('one  three');
  });

  it('maps offsets to ranges', () => {
    const root = dom('<p>Albania cut ties with <i>Iran</i>.</p><p>Tirana said</p>');
    const model = buildTextModel(root);
    for (const word of ['Albania', 'Iran', 'Tirana']) {
      const start = model.text.indexOf(word);
      const range = rangeFromOffsets(model, start, start + word.length);
      expect(range?.toString()).toBe(word);
    }
  });

  it('starts a range that begins right after a node boundary in the next node', () => {
    const root = dom('<p>ab<b>cd</b></p>');
    const model = buildTextModel(root);
    const range = rangeFromOffsets(model, 2, 4);
    expect(range?.startContainer.textContent).toBe('cd');
    expect(range?.toString()).toBe('cd');
  });

  it('returns no range for an empty model or an empty span', () => {
    expect(rangeFromOffsets(buildTextModel(dom('')), 0, 1)).toBeNull();
    expect(rangeFromOffsets(buildTextModel(dom('<p>x</p>')), 1, 1)).toBeNull();
  });
});

describe('ranges for many sorted spans', () => {
  it('are the ranges rangeFromOffsets gives, span by span', () => {
    const html = fc.array(
      fc.oneof(
        fc.constantFrom('<p>', '</p>', '<b>', '</b>', '<br>', '<i>', '</i>'),
        fc.stringMatching(/^[a-zإيران ]{1,6}$/),
      ),
      { maxLength: 30 },
    );
    fc.assert(
      fc.property(html, fc.array(fc.nat(80), { maxLength: 20 }), (parts, cuts) => {
        const root = document.createElement('div');
        root.innerHTML = parts.join(''); // generated test markup only
        const model = buildTextModel(root);
        const points = [...new Set(cuts.map((c) => c % (model.text.length + 1)))].sort((a, b) => a - b);
        const spans: { start: number; end: number }[] = [];
        for (let i = 0; i + 1 < points.length; i += 2)
          spans.push({ start: points[i] ?? 0, end: points[i + 1] ?? 0 });
        const describe = (r: AbstractRange | null) =>
          r && [r.startContainer, r.startOffset, r.endContainer, r.endOffset, rangeText(r)];
        const many = rangesFromSortedOffsets(model, spans).map(describe);
        const one = spans.map((s) => describe(rangeFromOffsets(model, s.start, s.end)));
        expect(many).toEqual(one);
        // A slice from the middle (a long article paints its mentions a slice at a time).
        const half = spans.length >> 1;
        expect(rangesFromSortedOffsets(model, spans.slice(half)).map(describe)).toEqual(one.slice(half));
      }),
      { numRuns: 300 },
    );
  });

  it('are static: the page changing its text does not make the browser move them', () => {
    const root = document.createElement('div');
    root.textContent = 'Albania and Iran';
    const model = buildTextModel(root);
    const [range] = rangesFromSortedOffsets(model, [{ start: 12, end: 16 }]);
    if (!range) throw new Error('no range');
    (model.nodes[0] as Text).insertData(0, 'Yesterday ');
    // A live Range would have moved to 22–26; a static one keeps its offsets and is read again.
    expect([range.startOffset, range.endOffset]).toEqual([12, 16]);
    expect(rangeText(range)).toBe('bani');
  });
});
