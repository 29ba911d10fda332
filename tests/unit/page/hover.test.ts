import { afterEach, describe, expect, it, vi } from 'vitest';
import { HIDE_DELAY_MS, trackHover } from '@/lib/page/hover';
import type { PlacedMention } from '@/lib/page/mention-index';

const mention = { entityId: 'iran' } as PlacedMention;
const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
const move = (x: number) =>
  document.dispatchEvent(new PointerEvent('pointermove', { clientX: x, clientY: 10 }));

describe('hover tracking', () => {
  let stop = () => {};
  afterEach(() => stop());

  function setup() {
    const onEnter = vi.fn();
    const onLeave = vi.fn();
    const tracker = trackHover({
      doc: document,
      find: (x) => (x < 100 ? mention : undefined),
      isOwnUi: () => false,
      onEnter,
      onLeave,
    });
    stop = tracker.stop;
    return { onEnter, onLeave, tracker };
  }

  it('enters once per mention and leaves after a grace period', async () => {
    const { onEnter, onLeave } = setup();
    move(10);
    await frame();
    move(20);
    await frame();
    expect(onEnter).toHaveBeenCalledTimes(1);
    move(500);
    await frame();
    expect(onLeave).not.toHaveBeenCalled();
    await new Promise((r) => setTimeout(r, HIDE_DELAY_MS + 50));
    expect(onLeave).toHaveBeenCalledTimes(1);
  });

  it('shows the same mention again after the card was closed (Escape)', async () => {
    const { onEnter, tracker } = setup();
    move(10);
    await frame();
    tracker.forget();
    move(12);
    await frame();
    expect(onEnter).toHaveBeenCalledTimes(2);
  });
});
