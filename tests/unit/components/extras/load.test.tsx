// The in-page extras arrive after the control that opens them: nothing is drawn until the chunk
// came, then the component, with its stylesheet added to the shadow root it is drawn in.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { LazyCardCorrections, loadExtras } from '@/components/extras/load';
import type { Entity } from '@/lib/entities/types';
import { useUiLanguage } from '../../ui/fake-i18n';

afterEach(() => {
  document.body.innerHTML = '';
});

const oman: Entity = {
  id: 'oman',
  type: 'place',
  names: { ar: 'عمان', en: 'Oman' },
  aliases: { ar: [], en: [] },
  demonyms: { ar: [], en: [] },
  surnames: { ar: [], en: [] },
  description: { ar: '', en: '' },
  source: 'test',
};
const amman: Entity = { ...oman, id: 'amman', names: { ar: 'عمّان', en: 'Amman' } };

describe('in-page extras', () => {
  it('draws nothing until the chunk has come, then the corrections with their stylesheet', async () => {
    useUiLanguage('en');
    const host = document.createElement('div');
    document.body.append(host);
    const shadow = host.attachShadow({ mode: 'open' });
    const root = document.createElement('div');
    shadow.append(root);
    const noop = () => {};
    await act(() => {
      render(
        <LazyCardCorrections
          entity={oman}
          form="عمان"
          site="example.org"
          busy={false}
          entities={() => [amman]}
          lookUp={(id) => (id === amman.id ? amman : undefined)}
          onChangeType={noop}
          onSuppress={noop}
          onAddSpelling={noop}
          onResize={noop}
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
    const sheets = [...shadow.querySelectorAll('style')].map((style) => style.textContent);
    expect(sheets).toEqual([extras.cardCorrectionsCss]);
    expect(root.querySelectorAll('[data-correct-type]')).toHaveLength(5);
    // It is live: a search finds among the entities it is given.
    const search = root.querySelector<HTMLInputElement>('input');
    if (!search) throw new Error('no search field');
    search.value = 'amm';
    await act(() => {
      search.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect(root.textContent).toContain('Amman');
  });

  it('imports the chunk once for every use', async () => {
    expect(await loadExtras()).toBe(await loadExtras());
  });
});
