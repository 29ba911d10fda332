// The in-page extras cannot be imported (the extension was updated or removed under an open page):
// what the reader opened says so in words, instead of nothing at all.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LazyCardCorrections } from '@/components/extras/load';
import { createNoteCardLayer } from '@/components/note-card-layer';
import { createToolbarLayer } from '@/components/selection-toolbar-layer';
import type { Entity } from '@/lib/entities/types';
import { HOST_ATTRIBUTE } from '@/lib/page/shadow-host';
import { sampleNote } from '../../notes/sample-note';
import { useUiLanguage } from '../../ui/fake-i18n';
import { catchRoots } from '../closed-roots';
import { placedNote, quietActions } from '../note-card-fixtures';

// vitest.config.ts aliases the chunk's import to this stand-in.
vi.mock('../../extras-import', () => ({
  importExtras: () => Promise.reject(new TypeError('error loading dynamically imported module')),
}));

afterEach(() => {
  vi.restoreAllMocks();
  document.body.innerHTML = '';
  for (const host of document.querySelectorAll(`[${HOST_ATTRIBUTE}]`)) host.remove();
});

const UNREACHABLE = /Hashiya could not be reached \(it may have just been updated\)\. Reload the page/;

describe('in-page extras that cannot be loaded', () => {
  it('the selection toolbar shows why in its place', async () => {
    useUiLanguage('en');
    const roots = catchRoots();
    const layer = createToolbarLayer(document, () => undefined);
    const anchor = { lines: () => [{ left: 100, top: 300, right: 400, bottom: 330 }], dir: 'ltr' as const };
    layer.showToolbar(anchor, {
      start: 'menu',
      focus: false,
      knownTags: [],
      onSave: () => Promise.resolve({ ok: true }),
    });
    await vi.waitFor(() => expect(layer.shown).toBe('message'));
    expect(roots[0]?.textContent).toMatch(UNREACHABLE);
    layer.remove();
  });

  it('the card’s corrections say why instead of showing nothing', async () => {
    useUiLanguage('en');
    const root = document.createElement('div');
    document.body.append(root);
    const noop = () => {};
    const entity = { id: 'oman', type: 'place', names: { ar: 'عمان', en: 'Oman' } } as Entity;
    await act(() => {
      render(
        <LazyCardCorrections
          entity={entity}
          form="عمان"
          site="example.org"
          busy={false}
          entities={() => []}
          lookUp={() => undefined}
          onChangeType={noop}
          onSuppress={noop}
          onAddSpelling={noop}
          onResize={noop}
        />,
        root,
      );
    });
    await vi.waitFor(() => expect(root.textContent).toMatch(UNREACHABLE));
  });

  it('the note card shows why beside its note, and goes when the reader moves on', async () => {
    useUiLanguage('en');
    const roots = catchRoots();
    const note = sampleNote();
    const hidden = { count: 0 };
    const layer = createNoteCardLayer(document, quietActions(note, hidden));
    layer.show(placedNote(note), []);
    await vi.waitFor(() => expect(layer.shownId).toBe(note.id));
    expect(roots[0]?.textContent).toMatch(UNREACHABLE);
    // Nothing of the reader's words is drawn without the card's own component.
    expect(roots[0]?.textContent).not.toContain('كلمة مصورة');
    layer.hide();
    expect(layer.shownId).toBeNull();
    expect(hidden.count).toBe(1);
    layer.remove();
  });
});
