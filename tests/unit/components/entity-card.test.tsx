import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EntityCard } from '@/components/EntityCard';
import { chevronPoints } from '@/components/icons';
import type { Entity } from '@/lib/entities/types';
import { useUiLanguage } from '../ui/fake-i18n';

const IRAN: Entity = {
  id: 'iran',
  type: 'place',
  names: { ar: 'إيران', en: 'Iran' },
  aliases: { ar: [], en: [] },
  demonyms: { ar: [], en: [] },
  surnames: { ar: [], en: [] },
  description: { ar: 'دولة في غرب آسيا', en: 'A country in western Asia' },
  source: 'corpus/entities.txt',
};

function mount(props: Partial<Parameters<typeof EntityCard>[0]> & { dir: 'ltr' | 'rtl' }) {
  const root = document.createElement('div');
  root.dir = props.dir;
  document.body.append(root);
  const calls = { step: [] as number[], hide: 0, undo: 0 };
  render(
    <EntityCard
      entity={IRAN}
      position={1}
      total={3}
      onStep={(d) => calls.step.push(d)}
      onHide={() => calls.hide++}
      onUndoHide={() => calls.undo++}
      onClose={() => undefined}
      {...props}
    />,
    root,
  );
  const button = (step: string) => root.querySelector<HTMLButtonElement>(`[data-step="${step}"]`);
  const points = (step: string) => button(step)?.querySelector('path')?.getAttribute('data-points');
  return { root, calls, button, points };
}

afterEach(() => {
  vi.restoreAllMocks();
  document.body.innerHTML = '';
});

describe('previous / next chevrons', () => {
  it('point back and forward along the line: left/right in English, right/left in Arabic', () => {
    expect(chevronPoints('previous', 'ltr')).toBe('left');
    expect(chevronPoints('next', 'ltr')).toBe('right');
    expect(chevronPoints('previous', 'rtl')).toBe('right');
    expect(chevronPoints('next', 'rtl')).toBe('left');
  });

  it('are drawn that way in the card, once, with accessible names', () => {
    useUiLanguage('ar');
    const card = mount({ dir: 'rtl' });
    expect(card.points('previous')).toBe('right');
    expect(card.points('next')).toBe('left');
    expect(card.button('next')?.getAttribute('aria-label')).toBe('الإشارة التالية');
    card.button('next')?.click();
    card.button('previous')?.click();
    expect(card.calls.step).toEqual([1, -1]);
  });
});

describe('the entity card', () => {
  it('names the type in the singular', () => {
    useUiLanguage('en');
    const card = mount({ dir: 'ltr' });
    expect(card.root.querySelector('.type')?.textContent).toBe('AaPlace'); // the type mark's sample, then the label
  });

  it('disables previous/next at "1 of 1"', () => {
    useUiLanguage('en');
    const card = mount({ dir: 'ltr', position: 1, total: 1 });
    expect(card.button('previous')?.disabled).toBe(true);
    expect(card.button('next')?.disabled).toBe(true);
    expect(card.root.querySelector('.position')?.textContent).toBe('Mention 1 of 1 on this page');
  });

  it('keeps both names on the interface’s edge, each isolated with dir="auto"', () => {
    useUiLanguage('ar');
    const card = mount({ dir: 'rtl' });
    for (const selector of ['.name', '.other-name']) {
      const block = card.root.querySelector(selector);
      expect(block?.hasAttribute('dir'), selector).toBe(false);
      expect(block?.querySelector('bdi')?.getAttribute('dir'), selector).toBe('auto');
    }
    expect(card.root.querySelector('.name bdi')?.textContent).toBe('إيران');
    expect(card.root.querySelector('.other-name bdi')?.textContent).toBe('Iran');
  });

  it('names the other entities a shared form could be, in the interface language, only when there are some', () => {
    const amman: Entity = {
      ...IRAN,
      id: 'amman',
      names: { ar: 'عمّان', en: 'Amman' },
      description: { ar: 'عاصمة الأردن', en: 'Capital of Jordan' },
    };
    const algiers: Entity = { ...IRAN, id: 'algiers', names: { ar: 'الجزائر العاصمة', en: 'Algiers' } };
    useUiLanguage('en');
    const english = mount({ dir: 'ltr', also: [amman, algiers] });
    expect(english.root.querySelector('.also')?.textContent).toBe('Could also be: Amman, Algiers');
    expect(english.root.querySelector('.also')?.getAttribute('data-also')).toBe('amman algiers');
    useUiLanguage('ar');
    const arabic = mount({ dir: 'rtl', also: [amman] });
    expect(arabic.root.querySelector('.also')?.textContent).toBe('قد يكون أيضًا: عمّان');
    expect(mount({ dir: 'rtl' }).root.querySelector('.also')).toBeNull();
  });

  it('says when a description was last true as a month in words, in both languages', () => {
    const minister: Entity = { ...IRAN, id: 'minister', type: 'person', asOf: '2025-06' };
    useUiLanguage('en');
    const english = mount({ dir: 'ltr', entity: minister });
    expect(english.root.querySelector('.provenance')?.textContent).toContain('as of June 2025');
    useUiLanguage('ar');
    const arabic = mount({ dir: 'rtl', entity: minister });
    expect(arabic.root.querySelector('.provenance')?.textContent).toContain('حتى يونيو');
    expect(arabic.root.querySelector('.provenance')?.textContent).not.toContain('2025-06');
  });

  it('after "Hide", says the entity is hidden and offers Undo', () => {
    useUiLanguage('en');
    const card = mount({ dir: 'ltr' });
    card.root.querySelector<HTMLButtonElement>('[data-action="hide"]')?.click();
    expect(card.calls.hide).toBe(1);
    const hidden = mount({ dir: 'ltr', hidden: true });
    expect(hidden.root.querySelector('[role="status"]')?.textContent).toBe('Iran is hidden on every page.');
    hidden.root.querySelector<HTMLButtonElement>('[data-action="undo"]')?.click();
    expect(hidden.calls.undo).toBe(1);
  });
});
