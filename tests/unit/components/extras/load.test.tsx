// The in-page extras arrive after the control that opens them: nothing is drawn until the chunk
// came, then the component with its stylesheet beside it, drawn by the content script's Preact.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { LazyReaderEntityForm, loadExtras } from '@/components/extras/load';
import { useUiLanguage } from '../../ui/fake-i18n';

afterEach(() => {
  document.body.innerHTML = '';
});

const draft = {
  type: 'person' as const,
  nameAr: 'بلال حمدان',
  nameEn: '',
  aliases: '',
  descriptionAr: '',
  descriptionEn: '',
};

describe('in-page extras', () => {
  it('draws nothing until the chunk has come, then the form with its stylesheet', async () => {
    useUiLanguage('en');
    const root = document.createElement('div');
    document.body.append(root);
    await act(() => {
      render(
        <LazyReaderEntityForm
          initial={draft}
          problem={null}
          onSave={() => {}}
          onCancel={() => {}}
          onEdit={() => {}}
        />,
        root,
      );
    });
    expect(root.childElementCount).toBe(0);
    await act(async () => {
      await loadExtras();
    });
    const extras = await loadExtras();
    // (vitest hands CSS imports over empty: the text is the chunk's own, whatever it holds)
    expect(root.firstElementChild?.tagName).toBe('STYLE');
    expect(root.firstElementChild?.textContent).toBe(extras.readerEntityFormCss);
    const name = root.querySelector<HTMLInputElement>('[data-field="nameAr"]');
    expect(name?.value).toBe('بلال حمدان');
    // It is live: typing into the form changes its state.
    if (!name) throw new Error('no name field');
    name.value = 'بلال';
    await act(() => {
      name.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect(root.querySelector<HTMLInputElement>('[data-field="nameAr"]')?.value).toBe('بلال');
  });

  it('imports the chunk once for every use', async () => {
    expect(await loadExtras()).toBe(await loadExtras());
  });
});
