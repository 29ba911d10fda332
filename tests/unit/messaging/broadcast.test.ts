import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { answerMessage, broadcast } from '@/lib/messaging/messenger';
import { viewProtocol } from '@/lib/messaging/protocol';

describe('broadcast', () => {
  beforeEach(() => fakeBrowser.reset());

  it('tells the extension pages and every tab, and shrugs off those that do not listen', async () => {
    const first = await fakeBrowser.tabs.create({ url: 'https://news.example/a' });
    const second = await fakeBrowser.tabs.create({ url: 'https://other.example/' });
    const toPages = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockRejectedValue(new Error('no receiver'));
    const toTabs = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation(async (tabId: number) => {
      if (tabId === second.id) throw new Error('Receiving end does not exist');
      return undefined;
    });
    await broadcast(viewProtocol, 'notes-changed', { articleIds: ['https://news.example/a'] });
    const message = { type: 'notes-changed', data: { articleIds: ['https://news.example/a'] } };
    expect(toPages).toHaveBeenCalledWith(message);
    const tabs = await fakeBrowser.tabs.query({});
    expect(tabs.map((tab) => tab.id)).toEqual(expect.arrayContaining([first.id, second.id]));
    expect(toTabs.mock.calls.map(([tabId, sent]) => [tabId, sent])).toEqual(
      tabs.map((tab) => [tab.id, message]),
    );
  });

  it('refuses to send what its protocol does not allow', async () => {
    await expect(
      broadcast(viewProtocol, 'notes-changed', { articleIds: [5] } as unknown as { articleIds: string[] }),
    ).rejects.toThrow(/notes-changed: articleIds/);
  });

  it('is answered by a view that serves the view protocol', async () => {
    const changed: string[] = [];
    const reply = await answerMessage(
      viewProtocol,
      { 'notes-changed': ({ articleIds }) => void changed.push(...articleIds) },
      { type: 'notes-changed', data: { articleIds: ['https://news.example/a'] } },
      {},
    );
    expect(reply).toEqual({ ok: true, value: undefined });
    expect(changed).toEqual(['https://news.example/a']);
  });
});
