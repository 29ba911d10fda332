import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadExtras } from '@/components/extras/load';
import { type SaveOutcome, SelectionToolbar, type ToolbarDraft } from '@/components/SelectionToolbar';
import { createToolbarLayer } from '@/components/selection-toolbar-layer';
import { HOST_ATTRIBUTE } from '@/lib/page/shadow-host';
import type { NewReaderEntry } from '@/lib/reader-dictionary/model';
import { useUiLanguage } from '../ui/fake-i18n';

// The chunk these UIs come from, loaded first: tests/unit/components/extras/ covers its arrival.
beforeAll(() => loadExtras());

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
  document.body.innerHTML = '';
  for (const host of document.querySelectorAll(`[${HOST_ATTRIBUTE}]`)) host.remove();
});

/** A save the test answers when it chooses, as the background does once its transaction ends. */
function pendingSave() {
  const calls: { draft: ToolbarDraft; answer: (outcome: SaveOutcome) => void }[] = [];
  const onSave = vi.fn(
    (draft: ToolbarDraft) => new Promise<SaveOutcome>((answer) => calls.push({ draft, answer })),
  );
  return { onSave, calls };
}

function mount(props: Partial<Parameters<typeof SelectionToolbar>[0]> = {}) {
  const root = document.createElement('div');
  document.body.append(root);
  const onClose = vi.fn();
  const save = pendingSave();
  // Inside act: the toolbar's effects (focus, an immediate save) run before the test looks.
  act(() =>
    render(
      <SelectionToolbar
        dir="ltr"
        start="menu"
        focus={false}
        knownTags={['politics', 'Iran', 'Iraq', 'سياسة']}
        onSave={save.onSave}
        onClose={onClose}
        onResize={() => undefined}
        {...props}
      />,
      root,
    ),
  );
  const $ = <E extends Element = HTMLElement>(selector: string) => root.querySelector<E>(selector);
  const type = async (selector: string, text: string) => {
    const field = $<HTMLInputElement | HTMLTextAreaElement>(selector);
    if (!field) throw new Error(`no ${selector}`);
    field.focus();
    field.value = text;
    await act(() => {
      field.dispatchEvent(new Event('input', { bubbles: true }));
    });
  };
  const key = async (selector: string, key: string, init: KeyboardEventInit = {}) => {
    const target = $(selector);
    if (!target) throw new Error(`no ${selector}`);
    await act(() => {
      target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init }));
    });
  };
  const click = async (selector: string) => {
    const target = $(selector);
    if (!target) throw new Error(`no ${selector}`);
    await act(() => {
      target.click();
    });
  };
  return { root, $, type, key, click, onClose, save };
}

describe('the selection toolbar', () => {
  it('offers the five colours and "Add note", in English and in Arabic', () => {
    useUiLanguage('en');
    const en = mount();
    expect([...en.root.querySelectorAll('[data-colour]')].map((b) => b.getAttribute('aria-label'))).toEqual([
      'Yellow',
      'Green',
      'Blue',
      'Pink',
      'Purple',
    ]);
    expect(en.$('[data-action="add-note"]')?.textContent).toBe('Add note');
    vi.restoreAllMocks();
    useUiLanguage('ar');
    const ar = mount({ dir: 'rtl' });
    expect(ar.$('[data-action="add-note"]')?.textContent).toBe('أضف ملاحظة');
    expect(ar.$('[data-colour="yellow"]')?.getAttribute('aria-label')).toBe('أصفر');
  });

  it('a colour saves a highlight; "saved" shows only once the background answered ok', async () => {
    useUiLanguage('en');
    const view = mount();
    await view.click('[data-colour="green"]');
    expect(view.save.calls.map((c) => c.draft)).toEqual([{ colour: 'green', note: '', tags: [] }]);
    expect(view.root.textContent).toContain('Saving…');
    expect(view.root.textContent).not.toContain('saved');
    await act(async () => view.save.calls[0]?.answer({ ok: true }));
    expect(view.$('[data-toolbar]')?.dataset.toolbar).toBe('saved');
    expect(view.root.textContent).toBe('Highlight saved');
  });

  it('writes a note with tags completed from the reader’s own, by keyboard alone', async () => {
    useUiLanguage('en');
    const view = mount({ start: 'note' });
    expect(document.activeElement).toBe(view.$('textarea'));
    await view.type('textarea', 'Worth checking');
    await view.type('input', 'ir');
    const options = () => [...view.root.querySelectorAll('[role="option"]')].map((o) => o.textContent);
    expect(options()).toEqual(['Iran', 'Iraq']);
    await view.key('input', 'ArrowDown');
    await view.key('input', 'ArrowDown');
    expect(view.$('input')?.getAttribute('aria-activedescendant')).toBe('hashiya-tag-input-suggestions-1');
    await view.key('input', 'Enter'); // picks Iraq
    await view.type('input', 'my own tag');
    await view.key('input', ',');
    expect([...view.root.querySelectorAll('.tag bdi')].map((t) => t.textContent)).toEqual([
      'Iraq',
      'my own tag',
    ]);
    await view.click('[data-colour="blue"]');
    expect(view.save.onSave).not.toHaveBeenCalled(); // while writing, a colour is chosen, not saved
    await view.key('input', 'Enter'); // an empty tag field: Enter saves
    expect(view.save.calls.map((c) => c.draft)).toEqual([
      { colour: 'blue', note: 'Worth checking', tags: ['Iraq', 'my own tag'] },
    ]);
    await act(async () => view.save.calls[0]?.answer({ ok: true }));
    expect(view.root.textContent).toBe('Note saved');
  });

  it('a failed save says so in plain words and keeps everything typed, to try again', async () => {
    useUiLanguage('en');
    const view = mount();
    await view.click('[data-action="add-note"]');
    await view.type('textarea', 'My note');
    await view.type('input', 'politics');
    await view.key('input', 'Enter');
    await view.key('textarea', 'Enter');
    await act(async () => view.save.calls[0]?.answer({ ok: false, error: 'The disk is full.' }));
    expect(view.$('[role="alert"]')?.textContent).toBe(
      'Not saved: The disk is full. What you wrote is still here; try again.',
    );
    expect(view.$<HTMLTextAreaElement>('textarea')?.value).toBe('My note');
    expect(view.root.querySelector('.tag bdi')?.textContent).toBe('politics');
    await view.click('[data-action="save"]');
    expect(view.save.calls.map((c) => c.draft.note)).toEqual(['My note', 'My note']);
  });

  it('Shift+Enter is a new line, Escape closes', async () => {
    useUiLanguage('en');
    const view = mount({ start: 'note' });
    await view.key('textarea', 'Enter', { shiftKey: true });
    expect(view.save.onSave).not.toHaveBeenCalled();
    await view.key('textarea', 'Escape');
    expect(view.onClose).toHaveBeenCalledTimes(1);
  });

  it('opened by the "highlight" command or menu item, saves a yellow highlight at once', async () => {
    useUiLanguage('en');
    const view = mount({ start: 'highlight' });
    await act(async () => undefined);
    expect(view.save.calls.map((c) => c.draft)).toEqual([{ colour: 'yellow', note: '', tags: [] }]);
  });
});

/** An entity save the test answers when it chooses. */
function pendingEntitySave() {
  const calls: { entry: NewReaderEntry; answer: (outcome: SaveOutcome) => void }[] = [];
  const onSave = vi.fn(
    (entry: NewReaderEntry) => new Promise<SaveOutcome>((answer) => calls.push({ entry, answer })),
  );
  return { onSave, calls };
}

describe('"Add as entity" in the selection toolbar', () => {
  it('is offered only for a selection that can be a name', () => {
    useUiLanguage('en');
    expect(mount().$('[data-action="add-entity"]')).toBeNull();
    const en = mount({ entity: { text: 'Bilal Hamdan', onSave: pendingEntitySave().onSave } });
    expect(en.$('[data-action="add-entity"]')?.textContent).toBe('Add as entity');
    useUiLanguage('ar');
    const ar = mount({ entity: { text: 'بلال حمدان', onSave: pendingEntitySave().onSave } });
    expect(ar.$('[data-action="add-entity"]')?.textContent).toBe('أضفه كيانًا');
  });

  it('opens the entity form with the selection as the name in its script, the focus in it; saving says so once the background answered', async () => {
    useUiLanguage('en');
    const save = pendingEntitySave();
    const view = mount({ entity: { text: 'بلال حمدان', onSave: save.onSave } });
    await view.click('[data-action="add-entity"]');
    expect(view.$('[data-toolbar]')?.dataset.toolbar).toBe('entity');
    const field = (name: string) => view.$<HTMLInputElement>(`[data-field="${name}"]`);
    expect(field('nameAr')?.value).toBe('بلال حمدان');
    expect(field('nameEn')?.value).toBe('');
    expect(field('type')?.value).toBe('person');
    expect(document.activeElement).toBe(field('nameAr'));
    await view.type('[data-field="aliases"]', 'أبو بلال');
    await view.click('[data-action="save-entity"]');
    expect(save.calls.map((c) => c.entry)).toEqual([
      {
        kind: 'entity',
        type: 'person',
        names: { ar: 'بلال حمدان', en: '' },
        aliases: { ar: ['أبو بلال'], en: [] },
        description: { ar: '', en: '' },
      },
    ]);
    expect(view.root.textContent).toContain('Saving…');
    await view.click('[data-action="save-entity"]');
    expect(save.onSave).toHaveBeenCalledTimes(1); // not twice while the first is on its way
    await act(async () => save.calls[0]?.answer({ ok: true }));
    expect(view.$('[data-toolbar]')?.dataset.toolbar).toBe('saved');
    expect(view.root.textContent).toBe('Added to your entities: بلال حمدان');
  });

  it('a failed save says why in words and keeps every field; no name is refused before asking', async () => {
    useUiLanguage('en');
    const save = pendingEntitySave();
    const view = mount({ entity: { text: 'Bilal Hamdan', onSave: save.onSave } });
    await view.click('[data-action="add-entity"]');
    await view.type('[data-field="nameEn"]', '  ');
    await view.click('[data-action="save-entity"]');
    expect(save.onSave).not.toHaveBeenCalled();
    expect(view.$('[role="alert"]')?.textContent).toBe('Give it at least one name, Arabic or English.');
    await view.type('[data-field="nameEn"]', 'Bilal Hamdan');
    expect(view.$('[role="alert"]')).toBeNull(); // out of date once the reader types
    const type = view.$<HTMLSelectElement>('[data-field="type"]') as HTMLSelectElement;
    type.value = 'organisation';
    await act(() => {
      type.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await view.click('[data-action="save-entity"]');
    await act(async () => save.calls[0]?.answer({ ok: false, error: 'The disk is full.' }));
    expect(view.$('[role="alert"]')?.textContent).toBe(
      'Not saved: The disk is full. What you wrote is still here; try again.',
    );
    expect(view.$<HTMLInputElement>('[data-field="nameEn"]')?.value).toBe('Bilal Hamdan');
    expect(view.$<HTMLSelectElement>('[data-field="type"]')?.value).toBe('organisation');
    await view.click('[data-action="save-entity"]');
    await act(async () =>
      save.calls[1]?.answer({ ok: false, error: 'entry.names.en: longer than 2000 characters' }),
    );
    expect(view.$('[role="alert"]')?.textContent).toBe(
      'Not saved: entry.names.en: longer than 2000 characters. What you wrote is still here; try again.',
    );
    expect(save.calls.map((c) => c.entry.kind === 'entity' && c.entry.type)).toEqual([
      'organisation',
      'organisation',
    ]);
  });

  it('Escape and Cancel close it', async () => {
    useUiLanguage('en');
    const view = mount({ entity: { text: 'Bilal Hamdan', onSave: pendingEntitySave().onSave } });
    await view.click('[data-action="add-entity"]');
    await view.key('[data-field="nameEn"]', 'Escape');
    expect(view.onClose).toHaveBeenCalledTimes(1);
    await view.click('[data-action="cancel"]');
    expect(view.onClose).toHaveBeenCalledTimes(2);
  });
});

describe('the toolbar layer', () => {
  it('lives in a closed shadow root: the page finds the host, never the reader’s words', async () => {
    useUiLanguage('en');
    document.body.innerHTML = '<p>text</p>';
    const layer = createToolbarLayer(document, () => undefined);
    const anchor = { lines: () => [{ left: 100, top: 300, right: 400, bottom: 330 }], dir: 'ltr' as const };
    layer.showToolbar(anchor, {
      start: 'note',
      focus: true,
      knownTags: [],
      onSave: () => Promise.resolve({ ok: true }),
    });
    const host = document.querySelector(`[${HOST_ATTRIBUTE}]`) as HTMLElement;
    expect(host).not.toBeNull();
    expect(host.shadowRoot).toBeNull();
    expect(layer.shown).toBe('toolbar');
    layer.showMessage(anchor, 'Notes can be added to the article text');
    expect(layer.shown).toBe('message');
    layer.hide();
    expect(layer.shown).toBeNull();
    layer.remove();
    expect(document.querySelector(`[${HOST_ATTRIBUTE}]`)).toBeNull();
  });
});

describe('the toolbar layer, one thing after another', () => {
  it('a saved toolbar closing itself a moment later never closes the message shown after it', async () => {
    vi.useFakeTimers();
    useUiLanguage('en');
    document.body.innerHTML = '<p>text</p>';
    const layer = createToolbarLayer(document, () => undefined);
    const anchor = { lines: () => [{ left: 100, top: 300, right: 400, bottom: 330 }], dir: 'ltr' as const };
    // When the saved toolbar set itself to close.
    let closesAt = Number.POSITIVE_INFINITY;
    const setTimer = globalThis.setTimeout;
    vi.spyOn(globalThis, 'setTimeout').mockImplementation(((fn: () => void, ms?: number) => {
      if (ms === 1_500) closesAt = Date.now() + ms;
      return setTimer(fn, ms);
    }) as typeof setTimeout);
    // "Highlight" from the context menu: saved at once, "saved" shown, closing itself in 1.5 s.
    layer.showToolbar(anchor, {
      start: 'highlight',
      focus: true,
      knownTags: [],
      onSave: () => Promise.resolve({ ok: true }),
    });
    await vi.advanceTimersByTimeAsync(200);
    expect(closesAt).toBeLessThan(Number.POSITIVE_INFINITY);
    // Just before it closes, "Add note…" with nothing selected: the message takes its place (the
    // closed toolbar's effects are cleaned up only after the next frame).
    await vi.advanceTimersByTimeAsync(closesAt - Date.now() - 5);
    layer.showMessage(anchor, 'Select a passage of the article first');
    await vi.advanceTimersByTimeAsync(2_000);
    expect(layer.shown).toBe('message');
    layer.remove();
  });
});
