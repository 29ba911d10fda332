import { describe, expect, it } from 'vitest';
import { createPainter, highlightsSupported, MARK_CLASS } from '@/lib/page/paint';
import { buildTextModel, rangeFromOffsets } from '@/lib/text/text-model';

// happy-dom has no CSS Custom Highlight API, so this exercises the <mark> fallback;
// the native painting is checked in real browsers by the end-to-end tests.
describe('painter fallback without the Custom Highlight API', () => {
  it('is chosen when the API is missing', () => {
    expect(highlightsSupported()).toBe(false);
    expect(createPainter().native).toBe(false);
  });

  function setup(html: string) {
    const root = document.createElement('div');
    root.innerHTML = html; // test-authored markup only
    document.body.replaceChildren(root);
    const model = buildTextModel(root);
    const range = (word: string, from = 0) => {
      const start = model.text.indexOf(word, from);
      const r = rangeFromOffsets(model, start, start + word.length);
      if (!r) throw new Error(word);
      return r;
    };
    return { root, range, model };
  }

  it('wraps each mention, several in one text node, with background colour only', () => {
    const { root, range } = setup('<p>قطعت ألبانيا العلاقات مع إيران وطهران</p>');
    const painter = createPainter();
    painter.paint(new Map([['place', [range('ألبانيا'), range('إيران'), range('طهران')]]]));
    const marks = [...root.querySelectorAll(`mark.${MARK_CLASS}`)];
    expect(marks.map((m) => m.textContent)).toEqual(['ألبانيا', 'إيران', 'طهران']);
    for (const mark of marks) {
      expect((mark as HTMLElement).style.padding).toBe('');
      expect((mark as HTMLElement).style.backgroundColor).not.toBe('');
    }
    expect(root.textContent).toBe('قطعت ألبانيا العلاقات مع إيران وطهران');
  });

  it('wraps a name split across elements piece by piece', () => {
    const { root, range } = setup('<p>قال ايدي <b>راما</b> اليوم</p>');
    createPainter().paint(new Map([['person', [range('ايدي راما')]]]));
    expect([...root.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['ايدي ', 'راما']);
    expect(root.querySelector('b')?.textContent).toBe('راما');
  });

  it('restores the page exactly when cleared', () => {
    const { root, range } = setup('<p>ألبانيا و<i>إيران</i></p>');
    const before = root.innerHTML;
    const painter = createPainter();
    painter.paint(new Map([['place', [range('ألبانيا'), range('إيران')]]]));
    expect(root.innerHTML).not.toBe(before);
    painter.clear();
    expect(root.innerHTML).toBe(before);
    expect(root.querySelector('p')?.childNodes.length).toBe(2);
  });

  it('recognises its own marks, so the page observer can ignore them', () => {
    const { root, range } = setup('<p>ألبانيا</p>');
    const painter = createPainter();
    painter.paint(new Map([['place', [range('ألبانيا')]]]));
    const mark = root.querySelector('mark');
    expect(mark && painter.owns(mark)).toBe(true);
    expect(painter.owns(root)).toBe(false);
  });
});

describe('painter fallback keeps the mention ranges usable', () => {
  it('points each range at its wrapped text after painting', () => {
    const root = document.createElement('div');
    root.innerHTML = '<p>قال ايدي <b>راما</b> إن ألبانيا</p>'; // test-authored markup only
    document.body.replaceChildren(root);
    const model = buildTextModel(root);
    const at = (word: string) => {
      const start = model.text.indexOf(word);
      const r = rangeFromOffsets(model, start, start + word.length);
      if (!r) throw new Error(word);
      return r;
    };
    const rama = at('ايدي راما');
    const albania = at('ألبانيا');
    createPainter().paint(
      new Map([
        ['person', [rama]],
        ['place', [albania]],
      ]),
    );
    expect(rama.toString()).toBe('ايدي راما');
    expect(albania.toString()).toBe('ألبانيا');
  });
});
