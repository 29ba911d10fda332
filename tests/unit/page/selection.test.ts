import { describe, expect, it } from 'vitest';
import { createPainter, MARK_CLASS } from '@/lib/page/paint';
import { readSelection, selectionBoundaries } from '@/lib/page/selection';
import { buildTextModel, rangesFromSortedOffsets } from '@/lib/text/text-model';

// An Arabic article with a name inside a link and a name in bold, a quote across two paragraphs,
// a caption the extractor left out, and page furniture around it. Test-authored markup only.
function setup() {
  document.body.innerHTML =
    `<nav id="nav">الرئيسية · عربي ودولي</nav>` +
    `<article id="a" dir="rtl"><h1 id="h">ألبانيا تقطع علاقاتها مع إيران</h1>` +
    `<p id="p1">وقال رئيس الوزراء <a id="link" href="#">إيدي راما</a> في كلمة مصورة إن الهجوم كان يهدف إلى شل الخدمات.</p>` +
    `<figure><figcaption id="cap">صورة أرشيفية</figcaption></figure>` +
    `<p id="p2">ورحبت <b id="b">الولايات المتحدة</b> بالقرار.</p>` +
    `<textarea id="field">نص يكتبه القارئ</textarea></article>` +
    `<p id="en">Albania cut ties with <i>Iran</i> after the attack.</p>` +
    `<footer id="f">حقوق النشر</footer>`;
  const article = document.getElementById('a') as HTMLElement;
  const model = buildTextModel(article, (text) => !text.parentElement?.closest('figcaption, textarea'));
  const byId = (id: string) => document.getElementById(id) as HTMLElement;
  const textOf = (id: string) => byId(id).firstChild as Text;
  const range = (sc: Node, so: number, ec: Node, eo: number) => {
    const r = document.createRange();
    r.setStart(sc, so);
    r.setEnd(ec, eo);
    return r;
  };
  const quote = (reading: ReturnType<typeof readSelection>) =>
    reading.kind === 'passage' ? model.text.slice(reading.start, reading.end) : reading.kind;
  return { model, byId, textOf, range, quote };
}

describe('reading the selection', () => {
  it('gives the text-model offsets of an Arabic selection inside one text node', () => {
    const { model, textOf, range, quote } = setup();
    const p1 = textOf('p1');
    const from = p1.data.indexOf('رئيس');
    const reading = readSelection(range(p1, from, p1, from + 'رئيس الوزراء'.length), model);
    expect(quote(reading)).toBe('رئيس الوزراء');
    expect(reading).toEqual({
      kind: 'passage',
      start: model.text.indexOf('رئيس'),
      end: model.text.indexOf('رئيس') + 'رئيس الوزراء'.length,
    });
  });

  it('crosses element boundaries: from before a link into the text after it', () => {
    const { model, textOf, byId, range, quote } = setup();
    const link = byId('link');
    const after = link.nextSibling as Text;
    const p1 = textOf('p1');
    expect(quote(readSelection(range(p1, p1.data.indexOf('الوزراء'), after, 3), model))).toBe(
      'الوزراء إيدي راما في',
    );
  });

  it('crosses paragraphs: a quote across two blocks keeps the block separator', () => {
    const { model, byId, range, quote } = setup();
    const end = byId('p1').lastChild as Text;
    const p2 = byId('p2').firstChild as Text;
    const from = end.data.indexOf('شل');
    expect(quote(readSelection(range(end, from, p2, 'ورحبت'.length), model))).toBe('شل الخدمات.\u2029ورحبت');
  });

  it('skips text the model left out (a caption) and trims white space at the edges', () => {
    const { model, byId, textOf, range, quote } = setup();
    const p2 = textOf('p2');
    expect(quote(readSelection(range(textOf('cap'), 2, p2, 'ورحبت '.length), model))).toBe('ورحبت');
    // A double-click takes the space after a word: it is not part of the passage.
    const b = textOf('b');
    expect(quote(readSelection(range(b, 0, byId('p2').lastChild as Text, 1), model))).toBe(
      'الولايات المتحدة',
    );
  });

  it('takes a selection by element boundaries (a triple click, keyboard selection to a paragraph end)', () => {
    const { model, byId, range, quote } = setup();
    const p2 = byId('p2');
    expect(quote(readSelection(range(p2, 0, p2, p2.childNodes.length), model))).toBe(
      'ورحبت الولايات المتحدة بالقرار.',
    );
  });

  it('starts or ends inside an entity name (a painted highlight changes nothing in the DOM)', () => {
    const { model, textOf, range, quote } = setup();
    const name = textOf('link');
    const p1 = textOf('p1');
    expect(
      quote(
        readSelection(range(name, 'إيدي '.length, (name.parentNode as Node).nextSibling as Text, 3), model),
      ),
    ).toBe('راما في');
    expect(quote(readSelection(range(p1, p1.data.indexOf('الوزراء'), name, 'إيدي'.length), model))).toBe(
      'الوزراء إيدي',
    );
  });

  it('finds the offsets inside the <mark> fallback, which splits the model’s text nodes', () => {
    const { model, byId, range, quote } = setup();
    // Paint two names in one text node with marks, as a browser without the Highlight API does.
    const p1 = byId('p1').lastChild as Text;
    const at = (word: string) => ({
      start: model.text.indexOf(word),
      end: model.text.indexOf(word) + word.length,
    });
    const spans = [at('كلمة'), at('الهجوم')];
    const ranges = rangesFromSortedOffsets(model, spans);
    const painter = createPainter({ document } as never);
    expect(painter.native).toBe(false);
    painter.paint(new Map([['place', ranges.map((r) => ({ range: r as AbstractRange }))]]));
    const marks = byId('p1').querySelectorAll(`.${MARK_CLASS}`);
    expect(marks).toHaveLength(2);
    // From inside the first mark ("كل|مة") to inside the text after the second mark.
    const inFirst = (marks[0] as Element).firstChild as Text;
    const afterSecond = (marks[1] as Element).nextSibling as Text;
    expect(p1.data).not.toContain('الهجوم'); // the model's node was split
    expect(quote(readSelection(range(inFirst, 2, afterSecond, ' كان'.length), model))).toBe(
      'مة مصورة إن الهجوم كان',
    );
    // Both ends inside one mark's piece.
    const inSecond = (marks[1] as Element).firstChild as Text;
    expect(quote(readSelection(range(inSecond, 1, inSecond, 4), model))).toBe('لهج');
    painter.clear();
  });

  it('says "outside" for text that is not the article’s, "none" for white space, fields and our UI', () => {
    const { model, textOf, byId, range } = setup();
    expect(readSelection(range(textOf('nav'), 0, textOf('nav'), 8), model)).toEqual({ kind: 'outside' });
    expect(readSelection(range(textOf('f'), 0, textOf('f'), 4), model)).toEqual({ kind: 'outside' });
    expect(readSelection(range(textOf('cap'), 0, textOf('cap'), 4), model)).toEqual({ kind: 'outside' });
    // An English paragraph outside the article, across an element.
    const en = byId('en');
    expect(readSelection(range(en.firstChild as Text, 0, en.lastChild as Text, 3), model)).toEqual({
      kind: 'outside',
    });
    // No article on the page at all.
    expect(readSelection(range(textOf('p1'), 0, textOf('p1'), 4), null)).toEqual({ kind: 'outside' });
    const p2 = textOf('p2');
    expect(readSelection(range(p2, 5, p2, 6), model)).toEqual({ kind: 'none' }); // one space
    expect(readSelection(range(textOf('field'), 0, textOf('field'), 3), model)).toEqual({ kind: 'none' });
    expect(readSelection(null, model)).toEqual({ kind: 'none' });
    const p1 = textOf('p1');
    expect(readSelection(range(p1, 0, p1, 4), model, (node) => node === byId('p1'))).toEqual({
      kind: 'none',
    });
  });

  it('reads a Selection as one range from its first range’s start to its last one’s end', () => {
    const { model, textOf, quote } = setup();
    const selection = getSelection() as Selection;
    selection.removeAllRanges();
    expect(selectionBoundaries(selection)).toBeNull();
    const p1 = textOf('p1');
    // A keyboard selection grows from the caret: anchor after the focus (selected backwards).
    selection.setBaseAndExtent(p1, 'وقال رئيس'.length, p1, 'وقال '.length);
    expect(quote(readSelection(selectionBoundaries(selection), model))).toBe('رئيس');
    selection.removeAllRanges();
  });
});
