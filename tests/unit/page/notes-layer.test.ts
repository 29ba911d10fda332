// The notes layer: the article's notes re-anchored on the text model and painted per colour above
// the entity highlights; a note whose passage is gone is an orphan, kept and never painted.

import { describe, expect, it, vi } from 'vitest';
import { anchorAll } from '@/lib/anchoring/anchor';
import { describePassage } from '@/lib/anchoring/describe';
import type { AnnotationRecord, NoteColour } from '@/lib/notes/model';
import { NotesLayer } from '@/lib/page/notes-layer';
import { FLASH_MS } from '@/lib/page/page-session';
import { createPainter, FOCUS_HIGHLIGHT, MARK_CLASS, PRIORITY } from '@/lib/page/paint';
import { buildTextModel, rangesFromSortedOffsets, rangeText, type TextModel } from '@/lib/text/text-model';
import { fakeWindow } from './fake-highlights';

function modelOf(html: string): TextModel {
  const root = document.createElement('div');
  root.innerHTML = html; // test-authored markup only
  document.body.replaceChildren(root);
  return buildTextModel(root);
}

let counter = 0;
/** A stored note on `exact` as it was described on `text`. */
function noteOn(text: string, exact: string, colour: NoteColour = 'yellow'): AnnotationRecord {
  const start = text.indexOf(exact);
  const described = describePassage(text, start, start + exact.length);
  if (!described) throw new Error(exact);
  counter++;
  return {
    id: `00000000-0000-4000-8000-${String(counter).padStart(12, '0')}`,
    articleId: 'https://news.example/a',
    ...described,
    colour,
    note: `note ${counter}`,
    tags: [],
    created: '2026-01-01T00:00:00.000Z',
    modified: '2026-01-01T00:00:00.000Z',
  };
}

const FIRST_VISIT =
  '<p>قطعت ألبانيا العلاقات مع إيران.</p><p>وقال رئيس الوزراء <a href="#">إيدي راما</a> إن القرار نهائي.</p>';

describe('NotesLayer', () => {
  it('paints each note under hashiya-note-<colour>, above the entities, in reading order', () => {
    const text = modelOf(FIRST_VISIT).text;
    const notes = [noteOn(text, 'إيدي راما إن القرار', 'blue'), noteOn(text, 'ألبانيا العلاقات', 'yellow')];
    const model = modelOf(FIRST_VISIT);
    const fake = fakeWindow();
    const layer = new NotesLayer(createPainter(fake.win, fake.now, PRIORITY.notes));
    expect(layer.show(model, notes, anchorAll)).toEqual({
      position: 2,
      exact: 0,
      approximate: 0,
      orphans: 0,
    });
    expect(fake.texts('hashiya-note-yellow')).toEqual(['ألبانيا العلاقات']);
    // Across the link's element boundary.
    expect(fake.texts('hashiya-note-blue')).toEqual(['إيدي راما إن القرار']);
    expect(fake.highlights.get('hashiya-note-blue')?.priority).toBe(PRIORITY.notes);
    expect(PRIORITY.notes).toBeGreaterThan(PRIORITY.entities);
    expect(layer.placed.map((p) => p.note.colour)).toEqual(['yellow', 'blue']);
    expect(layer.orphans).toEqual([]);
  });

  it('finds a note again after the page changed before it, and lists one whose passage is gone as an orphan', () => {
    const text = modelOf(FIRST_VISIT).text;
    const kept = noteOn(text, 'إيدي راما إن القرار');
    const removed = noteOn(text, 'العلاقات مع إيران', 'green');
    const model = modelOf(
      '<p>تحديث: أضيفت فقرة جديدة هنا.</p><p>وقال رئيس الوزراء <a href="#">إيدي راما</a> إن القرار نهائي.</p>',
    );
    const fake = fakeWindow();
    const layer = new NotesLayer(createPainter(fake.win, fake.now, PRIORITY.notes));
    // What the bench reads: which step placed each note, and how many are orphans.
    expect(layer.show(model, [kept, removed], anchorAll)).toEqual({
      position: 0,
      exact: 1,
      approximate: 0,
      orphans: 1,
    });
    expect(fake.texts('hashiya-note-yellow')).toEqual(['إيدي راما إن القرار']);
    expect(fake.highlights.has('hashiya-note-green')).toBe(false);
    expect(layer.orphans.map((n) => n.id)).toEqual([removed.id]);
  });

  it('replaces what it painted, leaves the entity highlights alone, and clears on request', () => {
    const model = modelOf(FIRST_VISIT);
    const fake = fakeWindow();
    const entities = createPainter(fake.win, fake.now);
    const albania = model.text.indexOf('ألبانيا');
    const [placeRange] = rangesFromSortedOffsets(model, [
      { start: albania, end: albania + 'ألبانيا'.length },
    ]);
    entities.paint(new Map([['place', [{ range: placeRange as AbstractRange }]]]));
    const layer = new NotesLayer(createPainter(fake.win, fake.now, PRIORITY.notes));
    layer.show(model, [noteOn(model.text, 'ألبانيا العلاقات', 'pink')], anchorAll);
    layer.show(model, [noteOn(model.text, 'مع إيران', 'purple')], anchorAll);
    expect(fake.highlights.has('hashiya-note-pink')).toBe(false);
    expect(fake.texts('hashiya-note-purple')).toEqual(['مع إيران']);
    layer.clear();
    expect([...fake.highlights.keys()]).toEqual(['hashiya-place']);
    expect(layer.placed).toEqual([]);
  });

  it('falls back to <mark>s in the note’s colour, and unwraps them on clear', () => {
    const model = modelOf(FIRST_VISIT);
    const before = document.body.innerHTML;
    const layer = new NotesLayer(
      createPainter({ document } as unknown as Parameters<typeof createPainter>[0]),
    );
    layer.show(model, [noteOn(model.text, 'إيدي راما إن القرار', 'green')], anchorAll);
    const marks = [...document.querySelectorAll(`.${MARK_CLASS}`)] as HTMLElement[];
    expect(marks.map((m) => m.textContent).join('')).toBe('إيدي راما إن القرار');
    expect(marks[0]?.style.backgroundColor).toContain('47 191 113');
    expect(layer.owns(marks[0] as Node)).toBe(true);
    expect(rangeText((layer.placed[0] as { range: AbstractRange }).range)).toBe('إيدي راما إن القرار');
    layer.clear();
    expect(document.body.innerHTML).toBe(before);
  });

  it('tells the page’s note ids in reading order, the orphans apart', () => {
    const text = modelOf(FIRST_VISIT).text;
    const later = noteOn(text, 'إن القرار نهائي');
    const gone = noteOn(text, 'العلاقات مع إيران');
    const earlier = noteOn(text, 'قطعت ألبانيا');
    const model = modelOf(FIRST_VISIT.replace('العلاقات مع إيران', 'الصلات'));
    const fake = fakeWindow();
    const layer = new NotesLayer(createPainter(fake.win, fake.now, PRIORITY.notes));
    layer.show(model, [later, gone, earlier], anchorAll);
    expect(layer.order()).toEqual({ placed: [earlier.id, later.id], orphans: [gone.id] });
  });

  it('reveals a placed note: scrolls to its passage and flashes it over every colour, then stops', () => {
    vi.useFakeTimers();
    try {
      const text = modelOf(FIRST_VISIT).text;
      const note = noteOn(text, 'إيدي راما إن القرار', 'blue');
      const gone = noteOn('أخبار قديمة لم تعد في الصفحة', 'لم تعد');
      const model = modelOf(FIRST_VISIT);
      const fake = fakeWindow();
      const layer = new NotesLayer(createPainter(fake.win, fake.now, PRIORITY.notes));
      layer.show(model, [note, gone], anchorAll);
      const scrolled: string[] = [];
      const scroll = (range: AbstractRange) => scrolled.push(rangeText(range));
      expect(layer.reveal(note.id, scroll)).toBe('shown');
      expect(scrolled).toEqual(['إيدي راما إن القرار']);
      expect(fake.texts(FOCUS_HIGHLIGHT)).toEqual(['إيدي راما إن القرار']);
      expect(fake.highlights.get(FOCUS_HIGHLIGHT)?.priority).toBe(PRIORITY.focus);
      vi.advanceTimersByTime(FLASH_MS);
      expect(fake.highlights.has(FOCUS_HIGHLIGHT)).toBe(false);
      // The note stays painted in its colour.
      expect(fake.texts('hashiya-note-blue')).toEqual(['إيدي راما إن القرار']);
      // An orphan, or a note this page does not have: said, nothing scrolled or flashed.
      expect(layer.reveal(gone.id, scroll)).toBe('orphan');
      expect(layer.reveal('00000000-0000-4000-8000-999999999999', scroll)).toBe('unknown');
      expect(scrolled).toHaveLength(1);
      expect(fake.highlights.has(FOCUS_HIGHLIGHT)).toBe(false);
    } finally {
      vi.useRealTimers();
    }
  });

  it('finds the note at a DOM point, the inner one where notes overlap, also after the <mark> fallback split the text', () => {
    const model = modelOf(FIRST_VISIT);
    const outer = noteOn(model.text, 'وقال رئيس الوزراء إيدي راما إن القرار', 'yellow');
    const inner = noteOn(model.text, 'إيدي راما', 'blue');
    const fake = fakeWindow();
    const layer = new NotesLayer(createPainter(fake.win, fake.now, PRIORITY.notes));
    layer.show(model, [outer, inner], anchorAll);
    const link = document.querySelector('a')?.firstChild as Text;
    expect(layer.atPoint(link, 2)?.note.id).toBe(inner.id);
    const said = document.querySelectorAll('p')[1]?.firstChild as Text;
    expect(layer.atPoint(said, 2)?.note.id).toBe(outer.id);
    const first = document.querySelector('p')?.firstChild as Text;
    expect(layer.atPoint(first, 2)).toBeUndefined();
    expect(layer.find(inner.id)?.note).toBe(inner);

    const marked = new NotesLayer(
      createPainter({ document } as unknown as Parameters<typeof createPainter>[0]),
    );
    layer.clear();
    marked.show(modelOf(FIRST_VISIT), [noteOn(model.text, 'إيدي راما', 'green')], anchorAll);
    const markText = document.querySelector(`.${MARK_CLASS}`)?.firstChild as Text;
    expect(marked.atPoint(markText, 1)?.note.colour).toBe('green');
    marked.clear();
  });

  it('takes one deleted note off at once and shows an edited one in its new colour, keeping the others', () => {
    const model = modelOf(FIRST_VISIT);
    const keep = noteOn(model.text, 'ألبانيا العلاقات', 'yellow');
    const edit = noteOn(model.text, 'مع إيران', 'yellow');
    const remove = noteOn(model.text, 'إيدي راما', 'pink');
    const fake = fakeWindow();
    const layer = new NotesLayer(createPainter(fake.win, fake.now, PRIORITY.notes));
    layer.show(model, [keep, edit, remove], anchorAll);
    layer.remove(remove.id);
    expect(fake.highlights.has('hashiya-note-pink')).toBe(false);
    layer.update({ ...edit, colour: 'blue', note: 'changed' });
    expect(fake.texts('hashiya-note-yellow')).toEqual(['ألبانيا العلاقات']);
    expect(fake.texts('hashiya-note-blue')).toEqual(['مع إيران']);
    expect(layer.find(edit.id)?.note.note).toBe('changed');
    expect(layer.placed.map((p) => p.note.id)).toEqual([keep.id, edit.id]);
  });
});
