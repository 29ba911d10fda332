// The first selection toolbar and the first note card of a page wait for the in-page extras chunk:
// drawn once it has come, in the closed root made for them, and not at all when the reader moved on.
// (This file never loads the chunk beforehand; the layers' own tests do.)
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadExtras } from '@/components/extras/load';
import { createNoteCardLayer } from '@/components/note-card-layer';
import { createToolbarLayer } from '@/components/selection-toolbar-layer';
import { HOST_ATTRIBUTE } from '@/lib/page/shadow-host';
import { sampleNote } from '../../notes/sample-note';
import { useUiLanguage } from '../../ui/fake-i18n';
import { catchRoots } from '../closed-roots';
import { placedNote, quietActions } from '../note-card-fixtures';

const NOTE = sampleNote();

afterEach(() => {
  vi.restoreAllMocks();
  document.body.innerHTML = '';
  for (const host of document.querySelectorAll(`[${HOST_ATTRIBUTE}]`)) host.remove();
});

const anchor = { lines: () => [{ left: 100, top: 300, right: 400, bottom: 330 }], dir: 'ltr' as const };
const toolbarOptions = {
  start: 'menu' as const,
  focus: false,
  knownTags: [],
  onSave: () => Promise.resolve({ ok: true as const }),
};

// In order: the chunk is loaded by the first test and stays loaded for the module's life.
describe('the first toolbar and note card of a page', () => {
  it('wait for the chunk: a toolbar closed meanwhile is never drawn, a note card shows the latest note asked for', async () => {
    useUiLanguage('en');
    const roots = catchRoots();
    const toolbar = createToolbarLayer(document, () => undefined);
    toolbar.showToolbar(anchor, toolbarOptions);
    expect(toolbar.shown).toBe('toolbar');
    toolbar.hide();
    const card = createNoteCardLayer(document, quietActions(NOTE));
    const placed = placedNote(NOTE);
    card.show({ ...placed, note: { ...NOTE, note: 'first' } }, []);
    card.show(placed, []);
    expect(card.shownId).toBeNull();
    await loadExtras();
    await new Promise((resolve) => setTimeout(resolve, 0));
    const [toolbarRoot, cardRoot] = roots;
    expect(toolbarRoot?.querySelector('[data-toolbar]')).toBeFalsy();
    expect(card.shownId).toBe(NOTE.id);
    expect(cardRoot?.querySelector('.note-card')?.textContent).toContain('كلمة مصورة');
    expect(cardRoot?.textContent).not.toContain('first');
    toolbar.remove();
    card.remove();
  });

  it('the toolbar is drawn with its own stylesheet in the closed root, after the host’s', () => {
    useUiLanguage('en');
    const roots = catchRoots();
    const layer = createToolbarLayer(document, () => undefined);
    layer.showToolbar(anchor, toolbarOptions);
    expect(roots[0]?.querySelectorAll('style')).toHaveLength(2);
    expect(roots[0]?.querySelector('[data-toolbar]')).toBeTruthy();
    layer.remove();
  });
});
