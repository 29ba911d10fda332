import { describe, expect, it } from 'vitest';
import { indexMentions, type PlacedMention } from '@/lib/page/mention-index';
import { buildTextModel, rangeFromOffsets } from '@/lib/text/text-model';

const root = document.createElement('div');
root.textContent = 'Albania cut ties with Iran; Iran denied it. Albania said';
const model = buildTextModel(root);
const text = model.text;
const m = (start: number, end: number, entityId: string): PlacedMention => {
  const range = rangeFromOffsets(model, start, end);
  if (!range) throw new Error('no range');
  return { start, end, entityId, kind: 'name', type: 'place', range };
};
const node = model.nodes[0] as Text;

describe('mention index', () => {
  const index = indexMentions([
    m(22, 26, 'iran'),
    m(0, 7, 'albania'),
    m(28, 32, 'iran'),
    m(text.lastIndexOf('Albania'), text.lastIndexOf('Albania') + 7, 'albania'),
  ]);

  it('finds the mention under a DOM point, and none between mentions', () => {
    expect(index.atPoint(node, 3)?.entityId).toBe('albania');
    expect(index.atPoint(node, 10)).toBeUndefined();
    expect(index.atPoint(node, 24)?.start).toBe(22);
    expect(index.atPoint(node, 30)?.start).toBe(28);
    expect(index.atPoint(document.body, 0)).toBeUndefined();
  });

  it('steps through one entity’s mentions in page order and wraps around', () => {
    const first = index.step(null, 1, 'iran');
    expect(first?.start).toBe(22);
    const second = index.step(first ?? null, 1, 'iran');
    expect(second?.start).toBe(28);
    expect(index.step(second ?? null, 1, 'iran')?.start).toBe(22);
    expect(index.step(first ?? null, -1, 'iran')?.start).toBe(28);
  });

  it('steps through all mentions when no entity is given', () => {
    expect(index.all.map((x) => x.entityId)).toEqual(['albania', 'iran', 'iran', 'albania']);
    expect(index.step(index.all[1] ?? null, 1)?.start).toBe(28);
    expect(index.step(null, -1)?.entityId).toBe('albania');
  });
});
