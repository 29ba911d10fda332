import { readFileSync } from 'node:fs';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DictionarySection } from '@/components/options/DictionarySection';
import type { Dictionary } from '@/lib/entities/types';
import { useUiLanguage } from '../ui/fake-i18n';

// The shipped dictionary, as the options page loads it from the package.
const shipped = JSON.parse(readFileSync('lib/generated/dictionary.json', 'utf8')) as Dictionary;

afterEach(() => {
  vi.restoreAllMocks();
  document.body.innerHTML = '';
});

function mount(sources: string[] = ['Built in']) {
  const root = document.createElement('div');
  document.body.append(root);
  const entries = shipped.entities.map((entity, i) => ({
    entity,
    source: sources[i % sources.length] ?? '',
  }));
  render(<DictionarySection entries={entries} />, root);
  const shown = () =>
    [...root.querySelectorAll('[data-entity-id]')].map((el) => el.getAttribute('data-entity-id'));
  const type = async (text: string) => {
    const input = root.querySelector<HTMLInputElement>('[data-dictionary-search]');
    if (!input) throw new Error('no search field');
    input.value = text;
    await act(() => {
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
  };
  const choose = async (selector: string, value: string) => {
    const select = root.querySelector<HTMLSelectElement>(selector);
    if (!select) throw new Error(`no ${selector}`);
    select.value = value;
    await act(() => {
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
  };
  return { root, entries, shown, type, choose };
}

describe('the options page dictionary', () => {
  it('lists every entity, and finds names with Arabic folding and by alias', async () => {
    useUiLanguage('en');
    const view = mount();
    expect(view.shown()).toHaveLength(view.entries.length);
    await view.type('ايران'); // no hamza: still إيران
    expect(view.shown()).toContain('iran');
    expect(view.shown()).not.toContain('albania');
    await view.type('zzz');
    expect(view.shown()).toEqual([]);
    expect(view.root.querySelector('[role="status"]')?.textContent).toBe('Nothing matches “zzz”.');
  });

  it('filters by type', async () => {
    useUiLanguage('en');
    const view = mount();
    await view.choose('[data-filter-type]', 'person');
    const people = view.entries.filter((e) => e.entity.type === 'person').map((e) => e.entity.id);
    expect(view.shown()).toEqual(people);
  });

  it('offers a source filter only when there is more than one source', async () => {
    useUiLanguage('en');
    expect(mount().root.querySelector('[data-filter-source]')).toBeNull();
    document.body.innerHTML = '';
    const view = mount(['Built in', 'A pack']);
    await view.choose('[data-filter-source]', 'A pack');
    expect(view.shown()).toEqual(view.entries.filter((e) => e.source === 'A pack').map((e) => e.entity.id));
  });
});
