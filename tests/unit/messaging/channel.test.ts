import * as v from 'valibot';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { answerPort, Channel, type ChannelPort } from '@/lib/messaging/channel';
import type { Handlers, Reply } from '@/lib/messaging/messenger';

const protocol = {
  echo: [v.object({ text: v.string() }), v.string()],
  count: [v.object({ text: v.string() }), v.number()],
} as const;

/** A promise and its resolve (Promise.withResolvers is newer than Node 20). */
function deferred<T>() {
  let resolve: (value: T) => void = () => {};
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

type Listener<A extends unknown[]> = (...args: A) => void;

function event<A extends unknown[]>() {
  const listeners = new Set<Listener<A>>();
  return {
    addListener: (l: Listener<A>) => void listeners.add(l),
    removeListener: (l: Listener<A>) => void listeners.delete(l),
    fire: (...args: A) => {
      for (const l of [...listeners]) l(...args);
    },
  };
}

interface FakePort extends ChannelPort {
  readonly onMessage: ReturnType<typeof event<[unknown]>>;
  readonly onDisconnect: ReturnType<typeof event<[]>>;
  connected: boolean;
}

/** Two ends of a port, as a browser gives the page and the background: posts arrive a task later. */
function portPair(): { page: FakePort; background: FakePort } {
  const make = (): FakePort => ({
    name: 'test',
    sender: { tab: { id: 7 } } as ChannelPort['sender'],
    connected: true,
    onMessage: event<[unknown]>(),
    onDisconnect: event<[]>(),
    postMessage() {},
    disconnect() {},
  });
  const page = make();
  const background = make();
  const wire = (from: FakePort, to: FakePort) => {
    from.postMessage = (message) => {
      if (!from.connected) throw new Error('Attempting to use a disconnected port object');
      const copy = structuredClone(message);
      setTimeout(() => to.connected && to.onMessage.fire(copy));
    };
    // As in the browsers, only the other end hears of a disconnect.
    from.disconnect = () => {
      if (!from.connected) return;
      from.connected = false;
      to.connected = false;
      setTimeout(() => to.onDisconnect.fire());
    };
  };
  wire(page, background);
  wire(background, page);
  return { page, background };
}

const handlers: Handlers<typeof protocol> = {
  echo: ({ text }) => text.toUpperCase(),
  count: async ({ text }) => text.length,
};

/** A channel to a fake background; `connects` counts the ports opened, `ends` their far ends. */
function channel(options: { idleMs?: number; answer?: Handlers<typeof protocol> } = {}) {
  const ends: FakePort[] = [];
  const fallback = vi.fn(
    async (type: string, data: unknown): Promise<Reply<unknown>> => ({
      ok: true,
      value: `one-off ${type} ${JSON.stringify(data)}`,
    }),
  );
  const connect = vi.fn(() => {
    const { page, background } = portPair();
    answerPort(protocol, options.answer ?? handlers, background);
    ends.push(background);
    return page;
  });
  return { channel: new Channel(protocol, connect, fallback, options.idleMs), connect, fallback, ends };
}

afterEach(() => vi.useRealTimers());

/** With fake timers: lets a request go over a port and its answer come back (5 ms pass). */
async function delivered(): Promise<void> {
  for (let k = 0; k < 5; k++) await vi.advanceTimersByTimeAsync(1);
}

describe('Channel', () => {
  it('asks several times over one port and gets each answer back, checked', async () => {
    const { channel: c, connect, fallback } = channel();
    const [a, b, n] = await Promise.all([
      c.send('echo', { text: 'iran' }),
      c.send('echo', { text: 'إيران' }),
      c.send('count', { text: 'tirana' }),
    ]);
    expect([a, b, n]).toEqual([
      { ok: true, value: 'IRAN' },
      { ok: true, value: 'إيران' },
      { ok: true, value: 6 },
    ]);
    expect(await c.send('echo', { text: 'again' })).toEqual({ ok: true, value: 'AGAIN' });
    expect(connect).toHaveBeenCalledTimes(1);
    expect(fallback).not.toHaveBeenCalled();
  });

  it('turns a request its schema refuses, or a failing handler, into an error reply in words', async () => {
    const { channel: c } = channel({
      answer: {
        ...handlers,
        count: () => {
          throw new Error('the dictionary could not be read');
        },
      },
    });
    const bad = await c.send('echo', { text: 5 } as unknown as { text: string });
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.error).toMatch(/^echo: text: /);
    expect(await c.send('count', { text: 'x' })).toEqual({
      ok: false,
      error: 'count: the dictionary could not be read',
    });
  });

  it('refuses an answer that does not fit the protocol', async () => {
    const { channel: c } = channel({ answer: { ...handlers, count: () => 'many' as unknown as number } });
    const reply = await c.send('count', { text: 'x' });
    expect(reply.ok).toBe(false);
    expect(!reply.ok && reply.error).toMatch(/^count: unexpected answer/);
  });

  it('asks again the one-off way when the background goes away mid-request, then opens a new port', async () => {
    const slow = deferred<string>();
    const {
      channel: c,
      connect,
      fallback,
      ends,
    } = channel({
      answer: { ...handlers, echo: () => slow.promise },
    });
    const asked = c.send('echo', { text: 'mek' });
    await vi.waitFor(() => expect(ends).toHaveLength(1));
    // Chrome stopped the worker: its end of the port closes with the request unanswered.
    ends[0]?.disconnect();
    expect(await asked).toEqual({ ok: true, value: 'one-off echo {"text":"mek"}' });
    expect(fallback).toHaveBeenCalledTimes(1);
    slow.resolve('LATE'); // the old port's late answer reaches nobody and breaks nothing
    expect(await c.send('count', { text: 'abc' })).toEqual({ ok: true, value: 3 });
    expect(connect).toHaveBeenCalledTimes(2);
  });

  it('asks the one-off way when no port can be opened (the extension updated under the page)', async () => {
    const fallback = vi.fn(async (): Promise<Reply<unknown>> => ({ ok: false, error: 'unreachable' }));
    const c = new Channel(
      protocol,
      () => {
        throw new Error('Extension context invalidated.');
      },
      fallback,
    );
    expect(await c.send('echo', { text: 'x' })).toEqual({ ok: false, error: 'unreachable' });
    expect(fallback).toHaveBeenCalledWith('echo', { text: 'x' });
  });

  it('closes an idle port, and opens another for the next request', async () => {
    vi.useFakeTimers();
    const { channel: c, connect, ends } = channel({ idleMs: 1_000 });
    const first = c.send('echo', { text: 'a' });
    await delivered();
    expect(await first).toEqual({ ok: true, value: 'A' });
    expect(ends[0]?.connected).toBe(true);
    await vi.advanceTimersByTimeAsync(990);
    expect(ends[0]?.connected).toBe(true);
    await vi.advanceTimersByTimeAsync(20);
    expect(ends[0]?.connected).toBe(false);
    const second = c.send('echo', { text: 'b' });
    await delivered();
    expect(await second).toEqual({ ok: true, value: 'B' });
    expect(connect).toHaveBeenCalledTimes(2);
  });

  it('does not close a port while a request waits on it', async () => {
    vi.useFakeTimers();
    const slow = deferred<number>();
    const { channel: c, ends } = channel({ idleMs: 100, answer: { ...handlers, count: () => slow.promise } });
    const waiting = c.send('count', { text: 'long' });
    await vi.advanceTimersByTimeAsync(5_000);
    expect(ends[0]?.connected).toBe(true);
    slow.resolve(4);
    await delivered();
    expect(await waiting).toEqual({ ok: true, value: 4 });
  });
});

describe('answerPort', () => {
  it('ignores what is not a request, and answers what is', async () => {
    const { page, background } = portPair();
    answerPort(protocol, handlers, background);
    const heard: unknown[] = [];
    page.onMessage.addListener((m) => heard.push(m));
    page.postMessage('hello');
    page.postMessage({ id: 'x', message: { type: 'echo', data: { text: 'a' } } });
    page.postMessage({ id: 3, message: { type: 'no-such-request' } });
    page.postMessage({ id: 4, message: { type: 'echo', data: { text: 'b' } } });
    await vi.waitFor(() => expect(heard).toHaveLength(2));
    expect(heard).toEqual([
      { id: 3, reply: { ok: false, error: 'unknown request' } },
      { id: 4, reply: { ok: true, value: 'B' } },
    ]);
  });

  it('keeps quiet when the page left before the answer', async () => {
    const slow = deferred<string>();
    const { page, background } = portPair();
    answerPort(protocol, { ...handlers, echo: () => slow.promise }, background);
    page.postMessage({ id: 1, message: { type: 'echo', data: { text: 'a' } } });
    await new Promise((r) => setTimeout(r, 5));
    page.disconnect();
    slow.resolve('A');
    await new Promise((r) => setTimeout(r, 5));
    expect(background.connected).toBe(false);
  });
});
