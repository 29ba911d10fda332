// The notes layer: the article's notes re-anchored on the text model and painted per colour above
// the entity highlights; a note whose passage is gone is an orphan, kept and never painted.
import { describe, expect, it } from 'vitest';
import { describePassage } from '@/lib/anchoring/describe';
import type { AnnotationRecord, NoteColour } from '@/lib/notes/model';
import { NotesLayer } from '@/lib/page/notes-layer';
import { createPainter, MARK_CLASS, PRIORITY } from '@/lib/page/paint';
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
    layer.show(model, notes);
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
    layer.show(model, [kept, removed]);
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
    layer.show(model, [noteOn(model.text, 'ألبانيا العلاقات', 'pink')]);
    layer.show(model, [noteOn(model.text, 'مع إيران', 'purple')]);
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
    layer.show(model, [noteOn(model.text, 'إيدي راما إن القرار', 'green')]);
    const marks = [...document.querySelectorAll(`.${MARK_CLASS}`)] as HTMLElement[];
    expect(marks.map((m) => m.textContent).join('')).toBe('إيدي راما إن القرار');
    expect(marks[0]?.style.backgroundColor).toContain('47 191 113');
    expect(layer.owns(marks[0] as Node)).toBe(true);
    expect(rangeText((layer.placed[0] as { range: AbstractRange }).range)).toBe('إيدي راما إن القرار');
    layer.clear();
    expect(document.body.innerHTML).toBe(before);
  });
});
