import { readFileSync } from 'node:fs';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DICTIONARY_PAGE, DictionarySection } from '@/components/options/DictionarySection';
import type { Dictionary } from '@/lib/entities/types';
import { useUiLanguage } from '../ui/fake-i18n';

// The shipped dictionary, as the options page loads it from the package.
const shipped = JSON.parse(readFileSync('lib/generated/dictionary.json', 'utf8')) as Dictionary;

afterEach(() => {
  vi.restoreAllMocks();
  document.body.innerHTML = '';
});

function mount(sources: string[] = ['Built in'], entities = shipped.entities) {
  const root = document.createElement('div');
  document.body.append(root);
  const entries = entities.map((entity, i) => ({
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
  const count = () => Number(root.querySelector('[role="status"]')?.getAttribute('data-result-count'));
  const showMore = async () => {
    const button = root.querySelector<HTMLButtonElement>('[data-show-more]');
    if (!button) throw new Error('no "Show more" button');
    await act(() => button.click());
  };
  /** Every match, pressing "Show more" until the list ends. */
  const all = async () => {
    while (root.querySelector('[data-show-more]')) await showMore();
    return shown();
  };
  return { root, entries, shown, type, choose, count, showMore, all };
}

describe('the options page dictionary', () => {
  it('lists the first names, the rest a page at a time, and counts every entity', async () => {
    useUiLanguage('en');
    expect(shipped.entities.length).toBeGreaterThan(10 * DICTIONARY_PAGE);
    expect(mount().count()).toBe(shipped.entities.length);
    document.body.innerHTML = '';
    const view = mount(['Built in'], shipped.entities.slice(0, 2.5 * DICTIONARY_PAGE));
    const ids = view.entries.map((e) => e.entity.id);
    expect(view.shown()).toEqual(ids.slice(0, DICTIONARY_PAGE));
    expect(view.root.querySelector('[data-show-more]')?.textContent).toBe(`Show ${DICTIONARY_PAGE} more`);
    await view.showMore();
    expect(view.shown()).toEqual(ids.slice(0, 2 * DICTIONARY_PAGE));
    expect(view.root.querySelector('[data-show-more]')?.textContent).toBe(`Show ${DICTIONARY_PAGE / 2} more`);
    expect(await view.all()).toEqual(ids);
    expect(view.root.querySelector('[data-show-more]')).toBeNull();
  });

  it('starts again from the first page when the search or a filter changes', async () => {
    useUiLanguage('en');
    const view = mount();
    await view.showMore();
    await view.type('a');
    expect(view.shown().length).toBe(Math.min(DICTIONARY_PAGE, view.count()));
  });

  it('finds names with Arabic folding and by alias', async () => {
    useUiLanguage('en');
    const view = mount();
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
    expect(view.count()).toBe(people.length);
    expect(view.shown()).toEqual(people.slice(0, DICTIONARY_PAGE));
  });

  it('offers a source filter only when there is more than one source', async () => {
    useUiLanguage('en');
    expect(mount().root.querySelector('[data-filter-source]')).toBeNull();
    document.body.innerHTML = '';
    // Enough entities for several pages of the pack's: pressing "Show more" through half the
    // shipped dictionary takes happy-dom most of a minute.
    const view = mount(['Built in', 'A pack'], shipped.entities.slice(0, 7 * DICTIONARY_PAGE + 3));
    await view.choose('[data-filter-source]', 'A pack');
    expect(await view.all()).toEqual(
      view.entries.filter((e) => e.source === 'A pack').map((e) => e.entity.id),
    );
  });
});
