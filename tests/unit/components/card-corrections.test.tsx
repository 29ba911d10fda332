// The entity card's "Correct…" (issue 13): behind one control, keyboard-usable, in a closed root
// while it shows the reader's dictionary, each correction sent once and undone from the card.
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { type CorrectionSource, createCardLayer } from '@/components/card-layer';
import { loadExtras } from '@/components/extras/load';
import type { Entity } from '@/lib/entities/types';
import type { PlacedMention } from '@/lib/page/mention-index';
import { HOST_ATTRIBUTE } from '@/lib/page/shadow-host';
import { addSpelling, changeType, type ReaderChange, suppress } from '@/lib/reader-dictionary/corrections';
import { READER_SOURCE } from '@/lib/reader-dictionary/model';
import { buildTextModel, rangesFromSortedOffsets } from '@/lib/text/text-model';
import { useUiLanguage } from '../ui/fake-i18n';

// The chunk these UIs come from, loaded first: tests/unit/components/extras/ covers its arrival.
beforeAll(() => loadExtras());

const entity = (
  id: string,
  type: Entity['type'],
  ar: string,
  en: string,
  source = 'corpus/entities.txt',
): Entity => ({
  id,
  type,
  names: { ar, en },
  aliases: { ar: [], en: [] },
  demonyms: { ar: [], en: [] },
  surnames: { ar: [], en: [] },
  description: { ar: '', en: '' },
  source,
});
const TEHRAN = entity('tehran', 'place', 'طهران', 'Tehran');
const IRAN = entity('iran', 'place', 'إيران', 'Iran');
const AMMAN = entity('amman', 'place', 'عمّان', 'Amman');
const ALL = [TEHRAN, IRAN, AMMAN];
const ID = '0b7c3d1e-5f6a-4b8c-9d0e-1f2a3b4c5d01';

function mention(): PlacedMention {
  document.body.innerHTML = '<p>وصل وفد من طهران أمس</p>'; // test markup
  const model = buildTextModel(document.body);
  const start = model.text.indexOf('طهران');
  const [range] = rangesFromSortedOffsets(model, [{ start, end: start + 5 }]);
  if (!range) throw new Error('no range');
  return { start, end: start + 5, entityId: 'tehran', kind: 'name', type: 'place', range };
}

function source(sent: ReaderChange[], answer: string | null = null): CorrectionSource {
  return {
    form: 'طهران',
    site: 'news.example',
    readerSpelling: false,
    entities: () => ALL,
    loadAll: () => {},
    lookUp: (id) => ALL.find((e) => e.id === id),
    changeType: (type) => changeType([], TEHRAN, 'place', type, ID),
    suppress: (everywhere) => suppress('tehran', 'طهران', everywhere ? null : 'news.example', ID),
    addSpelling: (target) => addSpelling([], target, 'طهران', ID),
    send: async (change) => {
      sent.push(change);
      return answer;
    },
  };
}

const actions = () => ({ onStep: vi.fn(), onHide: vi.fn(), onUndoHide: vi.fn(), onHidden: vi.fn() });

/** The card's shadow root, open or closed (the layer's host is the only one in these tests). */
function cardRoot(): ShadowRoot {
  const host = document.querySelector(`[${HOST_ATTRIBUTE}]`) as HTMLElement;
  const root = host.shadowRoot ?? (attached.get(host) as ShadowRoot | undefined);
  if (!root) throw new Error('no card');
  return root;
}
// Closed roots are kept here as they are attached, so the test can look inside as a reader sees.
const attached = new WeakMap<Element, ShadowRoot>();
const realAttach = HTMLElement.prototype.attachShadow;
vi.spyOn(HTMLElement.prototype, 'attachShadow').mockImplementation(function (this: HTMLElement, init) {
  const root = realAttach.call(this, init);
  attached.set(this, root);
  return root;
});

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
const click = (selector: string) => cardRoot().querySelector<HTMLElement>(selector)?.click();

afterEach(() => {
  for (const host of document.querySelectorAll(`[${HOST_ATTRIBUTE}]`)) host.remove();
});

describe('the card’s corrections', () => {
  it('stay behind one "Correct…" control in the open root; opened, the root is closed and the focus is on the first choice', () => {
    useUiLanguage('en');
    const layer = createCardLayer(document, actions());
    layer.show(mention(), TEHRAN, 1, 1, {}, [], source([]));
    const host = document.querySelector(`[${HOST_ATTRIBUTE}]`) as HTMLElement;
    expect(host.shadowRoot, 'dictionary data alone: open').not.toBeNull();
    expect(cardRoot().querySelector('[data-corrections]')).toBeNull();
    const toggle = cardRoot().querySelector('[data-action="correct"]');
    expect(toggle?.textContent).toBe('Correct…');
    expect(toggle?.getAttribute('aria-expanded')).toBe('false');
    click('[data-action="correct"]');
    const closed = document.querySelector(`[${HOST_ATTRIBUTE}]`) as HTMLElement;
    expect(closed.shadowRoot, 'the reader’s corrections: closed').toBeNull();
    expect(document.querySelectorAll(`[${HOST_ATTRIBUTE}]`)).toHaveLength(1);
    expect(layer.sticky).toBe(true);
    const chips = [...cardRoot().querySelectorAll('[data-correct-type]')];
    expect(chips.map((c) => c.getAttribute('data-correct-type'))).toEqual([
      'person',
      'organisation',
      'government',
      'group',
      'place',
    ]);
    expect(cardRoot().querySelector('[data-correct-type="place"]')?.getAttribute('aria-pressed')).toBe(
      'true',
    );
    expect(cardRoot().activeElement).toBe(chips[0]);
    expect(cardRoot().textContent).toContain('Not Tehran here');
    expect(cardRoot().textContent).toContain('On news.example');
    expect(cardRoot().textContent).toContain('Add “طهران” to…');
    layer.remove();
  });

  it('changing the type sends one override, says what it did, and Undo sends its undo and closes the card', async () => {
    useUiLanguage('en');
    const sent: ReaderChange[] = [];
    const layer = createCardLayer(document, actions());
    layer.show(mention(), TEHRAN, 1, 1, {}, [], source(sent));
    click('[data-action="correct"]');
    click('[data-correct-type="place"]'); // the type it has: nothing to do
    click('[data-correct-type="group"]');
    await tick();
    expect(sent).toEqual([
      {
        kind: 'save',
        entry: { id: ID, kind: 'override', entityId: 'tehran', type: 'group', aliases: { ar: [], en: [] } },
      },
    ]);
    expect(cardRoot().querySelector('[role="status"]')?.textContent).toBe(
      'Tehran is shown as Group from now on.',
    );
    click('[data-action="undo"]');
    await tick();
    expect(sent[1]).toEqual({ kind: 'delete', id: ID });
    expect(layer.shownMention).toBeNull();
  });

  it('"not this entity here" on this site; a failed save keeps the choices open and says why', async () => {
    useUiLanguage('en');
    const sent: ReaderChange[] = [];
    const layer = createCardLayer(document, actions());
    layer.show(mention(), TEHRAN, 1, 1, {}, [], source(sent, 'The database is full.'));
    click('[data-action="correct"]');
    click('[data-suppress="site"]');
    await tick();
    expect(sent[0]).toMatchObject({ entry: { kind: 'suppression', site: 'news.example', form: 'طهران' } });
    expect(cardRoot().querySelector('[role="alert"]')?.textContent).toBe('Not saved: The database is full.');
    expect(cardRoot().querySelector('[data-corrections]')).not.toBeNull();
    layer.remove();
  });

  it('the spelling search folds Arabic and lists other entities; Enter takes the first (Arabic interface, right to left)', async () => {
    useUiLanguage('ar');
    const sent: ReaderChange[] = [];
    const layer = createCardLayer(document, actions());
    layer.show(mention(), TEHRAN, 1, 1, {}, [], source(sent));
    click('[data-action="correct"]');
    expect(cardRoot().querySelector('.card')?.parentElement?.dir).toBe('rtl');
    const input = cardRoot().querySelector<HTMLInputElement>('#correct-spelling');
    if (!input) throw new Error('no search');
    input.value = 'عمان'; // no shadda: folded like the matcher
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await tick();
    const found = [...cardRoot().querySelectorAll('[data-spelling-target]')].map((b) =>
      b.getAttribute('data-spelling-target'),
    );
    expect(found).toEqual(['amman']);
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    await tick();
    expect(sent[0]).toMatchObject({
      entry: { kind: 'override', entityId: 'amman', aliases: { ar: ['طهران'], en: [] } },
    });
    expect(cardRoot().querySelector('[role="status"]')?.textContent).toBe('صار «طهران» كتابةً أخرى لـ«عمّان».');
    layer.remove();
  });

  it('keys typed in the card do not reach the page’s listeners', () => {
    useUiLanguage('en');
    const layer = createCardLayer(document, actions());
    layer.show(mention(), TEHRAN, 1, 1, {}, [], source([]));
    click('[data-action="correct"]');
    const heard: string[] = [];
    document.addEventListener('keydown', (e) => heard.push(e.key));
    cardRoot()
      .querySelector('#correct-spelling')
      ?.dispatchEvent(new KeyboardEvent('keydown', { key: 'j', bubbles: true, composed: true }));
    expect(heard).toEqual([]);
    layer.remove();
  });

  it('a reader entity, a type the reader changed or a spelling they added is shown in a closed root, saying so', () => {
    useUiLanguage('en');
    const layer = createCardLayer(document, actions());
    layer.show(mention(), entity('reader-x', 'person', 'بلال حمدان', '', READER_SOURCE), 1, 1);
    expect((document.querySelector(`[${HOST_ATTRIBUTE}]`) as HTMLElement).shadowRoot).toBeNull();
    layer.show(mention(), { ...TEHRAN, type: 'group' }, 1, 1, {}, [], {
      ...source([]),
      typeChangedFrom: 'place',
      readerSpelling: true,
    });
    expect((document.querySelector(`[${HOST_ATTRIBUTE}]`) as HTMLElement).shadowRoot).toBeNull();
    expect(cardRoot().querySelector('[data-corrected]')?.textContent).toBe(
      'Type changed by you (dictionary: Place) · Spelling added by you',
    );
    layer.show(mention(), TEHRAN, 1, 1, {}, [], source([]));
    expect((document.querySelector(`[${HOST_ATTRIBUTE}]`) as HTMLElement).shadowRoot).not.toBeNull();
    layer.remove();
  });
});
