import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { createCardLayer } from '@/components/card-layer';
import type { Entity } from '@/lib/entities/types';
import type { PlacedMention } from '@/lib/page/mention-index';
import { HOST_ATTRIBUTE } from '@/lib/page/shadow-host';
import { buildTextModel, rangesFromSortedOffsets } from '@/lib/text/text-model';

const ENTITY: Entity = {
  id: 'albania',
  type: 'place',
  names: { ar: 'ألبانيا', en: 'Albania' },
  aliases: { ar: [], en: [] },
  demonyms: { ar: [], en: [] },
  surnames: { ar: [], en: [] },
  description: { ar: 'دولة في البلقان', en: 'A country in the Balkans' },
  source: 'corpus/entities.txt',
};

function mention(): PlacedMention {
  document.body.innerHTML = '<p>قطعت ألبانيا العلاقات</p>'; // test markup
  const model = buildTextModel(document.body);
  const start = model.text.indexOf('ألبانيا');
  const [range] = rangesFromSortedOffsets(model, [{ start, end: start + 7 }]);
  if (!range) throw new Error('no range');
  return { start, end: start + 7, entityId: 'albania', kind: 'name', type: 'place', range };
}

const actions = () => ({ onStep: vi.fn(), onHide: vi.fn(), onUndoHide: vi.fn(), onHidden: vi.fn() });

describe('card layer', () => {
  beforeEach(() => {
    // The fake browser has no i18n: English, with each message shown as its key.
    vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('en');
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation((key: string) => key);
  });

  it('puts its host on a <div>, a name no page can define as a custom element', () => {
    const layer = createCardLayer(document, actions());
    layer.show(mention(), ENTITY, 1, 1);
    const host = document.querySelector(`[${HOST_ATTRIBUTE}]`);
    expect(host?.tagName).toBe('DIV');
    expect(host?.parentElement).toBe(document.documentElement);
    expect(layer.isHost(host)).toBe(true);
    expect(host?.shadowRoot?.querySelector('.card')).not.toBeNull();
    layer.remove();
    expect(document.querySelector(`[${HOST_ATTRIBUTE}]`)).toBeNull();
  });

  it('never throws into the page when the page has broken in-page UI', () => {
    const spy = vi.spyOn(HTMLElement.prototype, 'attachShadow').mockImplementation(() => {
      throw new DOMException('squatted', 'NotSupportedError');
    });
    try {
      const layer = createCardLayer(document, actions());
      expect(() => layer.show(mention(), ENTITY, 1, 1)).not.toThrow();
      expect(layer.shownMention).toBeNull();
      expect(document.querySelector(`[${HOST_ATTRIBUTE}]`)).toBeNull();
    } finally {
      spy.mockRestore();
    }
  });
});
