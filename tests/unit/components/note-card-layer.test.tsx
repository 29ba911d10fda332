// The note card's states, with the background's answers faked: saved only when the background said
// ok, a failure says so and keeps the draft, Delete takes the highlight off at once and Undo brings
// it back, an unsaved edit survives the card closing, and nothing typed bubbles out to the page.
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadExtras } from '@/components/extras/load';
import { createNoteCardLayer, type NoteCardActions } from '@/components/note-card-layer';
import type { Reply } from '@/lib/messaging/messenger';
import type { AnnotationRecord } from '@/lib/notes/model';
import type { PlacedNote } from '@/lib/page/notes-layer';
import { sampleNote } from '../notes/sample-note';
import { useUiLanguage } from '../ui/fake-i18n';
import { catchRoots } from './closed-roots';

// The chunk the card comes from, loaded first: tests/unit/components/extras/ covers its arrival.
beforeAll(() => loadExtras());

const NOTE = sampleNote({ tags: ['ألبانيا'] });

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

/** The layer with faked actions, and the closed shadow root it made (caught as it was attached). */
function setUp(replies: Partial<Record<'update' | 'delete' | 'undoDelete', Reply<AnnotationRecord>>> = {}) {
  const roots = catchRoots();
  const calls: string[] = [];
  const ok = (value: AnnotationRecord): Reply<AnnotationRecord> => ({ ok: true, value });
  const actions: NoteCardActions = {
    update: async (id, changes) => {
      calls.push(`update ${JSON.stringify(changes)}`);
      return replies.update ?? ok({ ...NOTE, ...changes, id });
    },
    delete: async () => {
      calls.push('delete');
      return replies.delete ?? ok({ ...NOTE, deleted: '2026-01-02T00:00:00.000Z' });
    },
    undoDelete: async () => {
      calls.push('undo');
      return replies.undoDelete ?? ok(NOTE);
    },
    listTags: async () => ['ألبانيا', 'إيران', 'تحقيق'],
    takeOff: () => calls.push('take off'),
    putBack: () => calls.push('put back'),
    changed: (note) => calls.push(`changed ${note.note}`),
    showEntity: (id) => calls.push(`entity ${id}`),
    onHidden: () => calls.push('hidden'),
  };
  const layer = createNoteCardLayer(document, actions);
  const text = document.createTextNode('وقال رئيس الوزراء إيدي راما في كلمة مصورة');
  document.body.append(text);
  const range = document.createRange();
  range.setStart(text, 19);
  range.setEnd(text, 28);
  const placed: PlacedNote = { note: NOTE, start: 0, end: 9, range };
  const card = () => roots[0]?.querySelector<HTMLElement>('.note-card') ?? null;
  const button = (action: string) => card()?.querySelector<HTMLButtonElement>(`[data-action="${action}"]`);
  return { layer, placed, calls, roots, card, button };
}

function typeInto(field: HTMLTextAreaElement | HTMLInputElement, value: string) {
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true }));
}

beforeEach(() => useUiLanguage('en'));
afterEach(() => {
  vi.restoreAllMocks();
  document.body.innerHTML = '';
  for (const host of document.querySelectorAll('[data-hashiya-ui]')) host.remove();
});

describe('note card layer', () => {
  it('shows the note in a closed shadow root the page cannot open', () => {
    const { layer, placed, roots, card } = setUp();
    layer.show(placed, [{ id: 'edi-rama', name: 'Edi Rama', type: 'Person' }]);
    const host = document.querySelector('[data-hashiya-ui]');
    expect(roots[0]?.mode).toBe('closed');
    expect(host?.shadowRoot).toBeNull();
    expect(host?.textContent).toBe('');
    expect(card()?.textContent).toContain('كلمة مصورة');
    expect(card()?.textContent).toContain('ألبانيا');
    expect(card()?.textContent).toContain('Edi Rama');
    expect(layer.shownId).toBe(NOTE.id);
    expect(layer.sticky).toBe(false);
  });

  it('opened from the keyboard, puts the focus on Edit, and gives it back when it closes', () => {
    const { layer, placed, roots, button } = setUp();
    const before = document.createElement('button');
    document.body.append(before);
    before.focus();
    layer.show(placed, [], { focus: true });
    expect(roots[0]?.activeElement).toBe(button('edit'));
    layer.hide();
    expect(document.activeElement).toBe(before);
    // A hover opens it without taking the focus.
    layer.show(placed, []);
    expect(document.activeElement).toBe(before);
  });

  it('saves an edit only when the background answered ok, then shows it', async () => {
    const { layer, placed, calls, card, button } = setUp();
    layer.show(placed, []);
    button('edit')?.click();
    await settle();
    expect(layer.sticky).toBe(true);
    const textarea = card()?.querySelector('textarea') as HTMLTextAreaElement;
    typeInto(textarea, 'ملاحظة جديدة');
    card()?.querySelector<HTMLInputElement>('input[data-colour="blue"]')?.click();
    button('save')?.click();
    await settle();
    expect(calls).toContain('update {"note":"ملاحظة جديدة","colour":"blue"}');
    expect(calls).toContain('changed ملاحظة جديدة');
    expect(card()?.dataset.state).toBe('view');
    expect(card()?.textContent).toContain('ملاحظة جديدة');
    expect(layer.sticky).toBe(false);
  });

  it('says a failed save in plain words and keeps what the reader wrote', async () => {
    const { layer, placed, calls, card, button } = setUp({
      update: {
        ok: false,
        error: 'update-note: Your note was not saved: the browser has no more storage space.',
      },
    });
    layer.show(placed, []);
    button('edit')?.click();
    typeInto(card()?.querySelector('textarea') as HTMLTextAreaElement, 'لا تضيعيني');
    button('save')?.click();
    await settle();
    expect(calls.some((c) => c.startsWith('changed'))).toBe(false);
    expect(card()?.dataset.state).toBe('edit');
    expect(card()?.querySelector('textarea')?.value).toBe('لا تضيعيني');
    const alert = card()?.querySelector('[role="alert"]')?.textContent ?? '';
    expect(alert).toContain('Your change was not saved');
    expect(alert).toContain('no more storage space');
    expect(alert).not.toContain('update-note:');
  });

  it('keeps an unsaved edit when the card closes, and brings it back on the next hover', async () => {
    const { layer, placed, card, button } = setUp();
    layer.show(placed, []);
    button('edit')?.click();
    typeInto(card()?.querySelector('textarea') as HTMLTextAreaElement, 'مسودة');
    layer.hide();
    expect(card()).toBeNull();
    layer.show(placed, []);
    expect(card()?.dataset.state).toBe('edit');
    expect(card()?.querySelector('textarea')?.value).toBe('مسودة');
    button('cancel')?.click();
    layer.hide();
    layer.show(placed, []);
    expect(card()?.dataset.state).toBe('view');
  });

  it('adds tags typed with Enter or a comma, and suggests the reader’s own', async () => {
    const { layer, placed, calls, card, button } = setUp();
    layer.show(placed, []);
    button('edit')?.click();
    await settle();
    const tagInput = card()?.querySelector('#note-tag') as HTMLInputElement;
    typeInto(tagInput, 'اير');
    await settle();
    const suggestion = card()?.querySelector<HTMLElement>('[role="option"]');
    expect(suggestion?.textContent).toBe('إيران');
    suggestion?.dispatchEvent(new MouseEvent('mousedown', { bubbles: true, cancelable: true }));
    await settle();
    typeInto(card()?.querySelector('#note-tag') as HTMLInputElement, 'cyber, ');
    await settle();
    button('save')?.click();
    await settle();
    expect(calls).toContain('update {"tags":["ألبانيا","إيران","cyber"]}');
  });

  it('takes the highlight off at once on Delete and offers Undo, which puts it back', async () => {
    const { layer, placed, calls, card, button } = setUp();
    layer.show(placed, []);
    button('delete')?.click();
    expect(calls).toEqual(['take off', 'delete']); // before the background answered
    await settle();
    expect(card()?.dataset.state).toBe('deleted');
    expect(layer.sticky).toBe(true);
    button('undo')?.click();
    await settle();
    expect(calls).toEqual(['take off', 'delete', 'undo', 'put back']);
    expect(card()?.dataset.state).toBe('view');
  });

  it('puts the focus on Undo as Delete, pressed from the keyboard, draws it: not a frame later', async () => {
    const { layer, placed, roots, card, button } = setUp();
    layer.show(placed, []);
    button('delete')?.focus(); // a keyboard reader on Delete
    button('delete')?.click();
    // Only the background's answer in between (promises), no frame and no timer.
    for (let k = 0; k < 20 && card()?.dataset.state !== 'deleted'; k++) await Promise.resolve();
    expect(card()?.dataset.state).toBe('deleted');
    expect(roots[0]?.activeElement).toBe(button('undo'));
    button('undo')?.click(); // Enter on it
    for (let k = 0; k < 20 && card()?.dataset.state !== 'view'; k++) await Promise.resolve();
    expect(roots[0]?.activeElement).toBe(button('edit'));
  });

  it('puts the note back and says so when the delete failed', async () => {
    const { layer, placed, calls, card, button } = setUp({
      delete: { ok: false, error: 'delete-note: Your note was not saved: the browser could not write.' },
    });
    layer.show(placed, []);
    button('delete')?.click();
    await settle();
    expect(calls).toEqual(['take off', 'delete', 'put back']);
    expect(card()?.dataset.state).toBe('view');
    expect(card()?.querySelector('[role="alert"]')?.textContent).toContain('The note was not deleted');
  });

  it('puts the focus in the editor as Edit opens it, before the next frame: the first keys typed land there', () => {
    const { layer, placed, roots, card, button } = setUp();
    layer.show(placed, []);
    const edit = button('edit');
    edit?.focus(); // as a click on Edit leaves it
    edit?.click();
    // No frame and no task in between: a reader typing at once, on a page busy enough to delay the
    // next frame, types into the note, not into the page (whose listeners would hear the keys).
    expect(roots[0]?.activeElement).toBe(card()?.querySelector('textarea'));
  });

  it('keeps what the reader types from the page’s bubbling listeners', async () => {
    const { layer, placed, card, button } = setUp();
    const heard: string[] = [];
    document.addEventListener('keydown', (e) => heard.push(e.type));
    document.addEventListener('input', (e) => heard.push(e.type));
    layer.show(placed, []);
    button('edit')?.click();
    const textarea = card()?.querySelector('textarea') as HTMLTextAreaElement;
    textarea.dispatchEvent(new KeyboardEvent('keydown', { key: 's', bubbles: true, composed: true }));
    textarea.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    expect(heard).toEqual([]);
  });

  it('leads to the entity card for a name inside the note', () => {
    const { layer, placed, calls, card } = setUp();
    layer.show(placed, [{ id: 'edi-rama', name: 'Edi Rama', type: 'Person' }]);
    card()?.querySelector<HTMLButtonElement>('[data-entity="edi-rama"]')?.click();
    expect(calls).toEqual(['hidden', 'entity edi-rama']);
    expect(layer.shownId).toBeNull();
  });
});
