import { describe, expect, it, vi } from 'vitest';
import { answerMessage, readReply } from '@/lib/messaging/messenger';
import { selectionProtocol } from '@/lib/messaging/protocol';

describe('the selection message (context menu and keyboard commands → the page’s toolbar)', () => {
  const handle = vi.fn(({ action }: { action: 'highlight' | 'note' }): 'opened' | 'none' =>
    action === 'note' ? 'opened' : 'none',
  );
  const handlers = { 'selection-note': handle };

  it('reaches the toolbar with a known action', async () => {
    const reply = await answerMessage(
      selectionProtocol,
      handlers,
      { type: 'selection-note', data: { action: 'note' } },
      {},
    );
    expect(reply).toEqual({ ok: true, value: 'opened' });
    expect(handle).toHaveBeenCalledWith({ action: 'note' }, {});
  });

  it('answers anything else with an error in words, never reaching the toolbar', async () => {
    handle.mockClear();
    for (const data of [undefined, {}, { action: 'delete' }, { action: ['note'] }]) {
      const reply = await answerMessage(selectionProtocol, handlers, { type: 'selection-note', data }, {});
      expect(reply).toMatchObject({ ok: false, error: expect.stringMatching(/^selection-note: /) });
    }
    expect(handle).not.toHaveBeenCalled();
  });

  it('checks what the page answered', () => {
    expect(readReply(selectionProtocol, 'selection-note', { ok: true, value: 'outside' })).toEqual({
      ok: true,
      value: 'outside',
    });
    expect(readReply(selectionProtocol, 'selection-note', { ok: true, value: 'saved everything' }).ok).toBe(
      false,
    );
  });
});
