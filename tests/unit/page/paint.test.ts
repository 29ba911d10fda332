import { describe, expect, it } from 'vitest';
import {
  createPainter,
  FOCUS_HIGHLIGHT,
  highlightsSupported,
  MARK_CLASS,
  type PaintTarget,
  PRIORITY,
  RESTORE_INTERVAL_MS,
} from '@/lib/page/paint';
import { buildTextModel, rangesFromSortedOffsets, rangeText } from '@/lib/text/text-model';
import { FakeHighlight, fakeWindow } from './fake-highlights';

function setup(html: string) {
  const root = document.createElement('div');
  root.innerHTML = html; // test-authored markup only
  document.body.replaceChildren(root);
  const model = buildTextModel(root);
  const target = (word: string, from = 0): PaintTarget => {
    const start = model.text.indexOf(word, from);
    const [range] = rangesFromSortedOffsets(model, [{ start, end: start + word.length }]);
    if (!range) throw new Error(word);
    return { range, start };
  };
  return { root, target, model };
}

describe('native painter (Custom Highlight API)', () => {
  it('is chosen when the API is there, and paints one named highlight per group', () => {
    const { target } = setup('<p>قطعت ألبانيا العلاقات مع إيران وقال ايدي راما</p>');
    const fake = fakeWindow();
    expect(highlightsSupported(fake.win)).toBe(true);
    const painter = createPainter(fake.win, fake.now);
    expect(painter.native).toBe(true);
    painter.paint(
      new Map([
        ['place', [target('ألبانيا'), target('إيران')]],
        ['person', [target('ايدي راما')]],
        ['group', []],
      ]),
    );
    expect([...fake.highlights.keys()].sort()).toEqual(['hashiya-person', 'hashiya-place']);
    expect(fake.texts('hashiya-place')).toEqual(['ألبانيا', 'إيران']);
    expect(fake.texts('hashiya-person')).toEqual(['ايدي راما']);
  });

  it('in reading order: registers every group, then adds the ranges in reading order across the groups', () => {
    // Firefox then settles each new range's look-up in the other highlights with one comparison.
    const { target } = setup('<p>قطعت ألبانيا العلاقات مع إيران وقال ايدي راما في طهران</p>');
    const fake = fakeWindow();
    const painter = createPainter(fake.win, fake.now, PRIORITY.notes, true);
    painter.paint(
      new Map([
        ['place', [target('ألبانيا'), target('طهران')]],
        ['person', [target('ايدي راما')]],
        ['organisation', [target('إيران')]],
      ]),
    );
    expect(fake.added).toEqual(['ألبانيا', 'إيران', 'ايدي راما', 'طهران']);
    expect(fake.texts('hashiya-place')).toEqual(['ألبانيا', 'طهران']);
    expect(fake.texts('hashiya-organisation')).toEqual(['إيران']);
    // Added later (a long article's next slice): after what is there, the same way.
    painter.add(new Map([['person', [target('راما', 40)]]]));
    expect(fake.texts('hashiya-person')).toEqual(['ايدي راما', 'راما']);
  });

  it('paints static ranges and leaves the page’s DOM untouched', () => {
    const { root, target } = setup('<p>ألبانيا و<i>إيران</i></p>');
    const before = root.innerHTML;
    const fake = fakeWindow();
    createPainter(fake.win, fake.now).paint(new Map([['place', [target('ألبانيا'), target('إيران')]]]));
    expect(root.innerHTML).toBe(before);
    for (const range of fake.highlights.get('hashiya-place') ?? []) expect(range).not.toBeInstanceOf(Range);
  });

  it('draws the focus over the type colour and takes it away again', () => {
    const { target } = setup('<p>ألبانيا</p>');
    const fake = fakeWindow();
    const painter = createPainter(fake.win, fake.now);
    const albania = target('ألبانيا');
    painter.paint(new Map([['place', [albania]]]));
    painter.focus(albania.range);
    expect(fake.highlights.get(FOCUS_HIGHLIGHT)?.priority).toBe(PRIORITY.focus);
    expect(PRIORITY.focus).toBeGreaterThan(PRIORITY.notes);
    expect(fake.texts(FOCUS_HIGHLIGHT)).toEqual(['ألبانيا']);
    painter.focus(null);
    expect(fake.highlights.has(FOCUS_HIGHLIGHT)).toBe(false);
  });

  it('clears only its own highlights, never the page’s', () => {
    const { target } = setup('<p>ألبانيا</p>');
    const fake = fakeWindow();
    const pages = new FakeHighlight();
    fake.highlights.set('search-results', pages);
    const painter = createPainter(fake.win, fake.now);
    painter.paint(new Map([['place', [target('ألبانيا')]]]));
    painter.clear();
    expect([...fake.highlights.keys()]).toEqual(['search-results']);
    expect(fake.highlights.get('search-results')).toBe(pages);
  });

  it('puts its highlights back after the page clears CSS.highlights, at most once a second', () => {
    const { target } = setup('<p>ألبانيا و إيران</p>');
    const fake = fakeWindow();
    const painter = createPainter(fake.win, fake.now);
    painter.paint(new Map([['place', [target('ألبانيا'), target('إيران')]]]));
    expect(painter.restore()).toBe(false); // nothing missing: nothing done
    fake.advance(RESTORE_INTERVAL_MS);
    fake.highlights.clear();
    expect(painter.restore()).toBe(true);
    expect(fake.texts('hashiya-place')).toEqual(['ألبانيا', 'إيران']);
    // A page that keeps clearing is answered at most once per interval, not fought.
    fake.highlights.clear();
    fake.advance(RESTORE_INTERVAL_MS / 2);
    expect(painter.restore()).toBe(false);
    expect(fake.highlights.size).toBe(0);
    fake.advance(RESTORE_INTERVAL_MS / 2);
    expect(painter.restore()).toBe(true);
    expect(fake.texts('hashiya-place')).toEqual(['ألبانيا', 'إيران']);
  });

  it('puts back one highlight the page deleted, or replaced with its own', () => {
    const { target } = setup('<p>ألبانيا وقال ايدي راما</p>');
    const fake = fakeWindow();
    const painter = createPainter(fake.win, fake.now);
    painter.paint(
      new Map([
        ['place', [target('ألبانيا')]],
        ['person', [target('ايدي راما')]],
      ]),
    );
    fake.advance(RESTORE_INTERVAL_MS);
    fake.highlights.set('hashiya-person', new FakeHighlight());
    expect(painter.restore()).toBe(true);
    expect(fake.texts('hashiya-person')).toEqual(['ايدي راما']);
  });
});

describe('painter fallback without the Custom Highlight API', () => {
  it('is chosen when the API is missing (as in happy-dom)', () => {
    expect(highlightsSupported()).toBe(false);
    expect(createPainter().native).toBe(false);
  });

  it('wraps each mention, several in one text node, with background colour only', () => {
    const { root, target } = setup('<p>قطعت ألبانيا العلاقات مع إيران وطهران</p>');
    const painter = createPainter();
    painter.paint(new Map([['place', [target('ألبانيا'), target('إيران'), target('طهران')]]]));
    const marks = [...root.querySelectorAll(`mark.${MARK_CLASS}`)];
    expect(marks.map((m) => m.textContent)).toEqual(['ألبانيا', 'إيران', 'طهران']);
    for (const mark of marks) {
      expect((mark as HTMLElement).style.padding).toBe('');
      expect((mark as HTMLElement).style.backgroundColor).not.toBe('');
    }
    expect(root.textContent).toBe('قطعت ألبانيا العلاقات مع إيران وطهران');
  });

  it('wraps a name split across elements piece by piece', () => {
    const { root, target } = setup('<p>قال ايدي <b>راما</b> اليوم</p>');
    createPainter().paint(new Map([['person', [target('ايدي راما')]]]));
    expect([...root.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['ايدي ', 'راما']);
    expect(root.querySelector('b')?.textContent).toBe('راما');
  });

  it('restores the page exactly when cleared, and gives each target its own range back', () => {
    const { root, target } = setup('<p>ألبانيا و<i>إيران</i></p>');
    const before = root.innerHTML;
    const painter = createPainter();
    const albania = target('ألبانيا');
    const iran = target('إيران');
    const own = albania.range;
    painter.paint(new Map([['place', [albania, iran]]]));
    expect(root.innerHTML).not.toBe(before);
    painter.clear();
    expect(root.innerHTML).toBe(before);
    expect(root.querySelector('p')?.childNodes.length).toBe(2);
    expect(albania.range).toBe(own);
    expect([rangeText(albania.range), rangeText(iran.range)]).toEqual(['ألبانيا', 'إيران']);
    // And paints again from them.
    painter.paint(new Map([['place', [albania, iran]]]));
    expect([...root.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['ألبانيا', 'إيران']);
  });

  it('recognises its own marks, so the page observer can ignore them', () => {
    const { root, target } = setup('<p>ألبانيا</p>');
    const painter = createPainter();
    painter.paint(new Map([['place', [target('ألبانيا')]]]));
    const mark = root.querySelector('mark');
    expect(mark && painter.owns(mark)).toBe(true);
    expect(painter.owns(root)).toBe(false);
  });

  it('points each target at its wrapped text while painted', () => {
    const { target } = setup('<p>قال ايدي <b>راما</b> إن ألبانيا</p>');
    const rama = target('ايدي راما');
    const albania = target('ألبانيا');
    createPainter().paint(
      new Map([
        ['person', [rama]],
        ['place', [albania]],
      ]),
    );
    expect(rangeText(rama.range)).toBe('ايدي راما');
    expect(rangeText(albania.range)).toBe('ألبانيا');
    expect((albania.range.startContainer.parentNode as Element).className).toBe(MARK_CLASS);
  });
});
