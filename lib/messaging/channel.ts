// A protocol's requests over one long-lived port instead of a one-off message each (DESIGN.md §7,
// "the analysis's asks over a port"). A one-off message opens a channel to the background and
// closes it again; an open port costs that once. The page's analysis asks three times in its first
// second (wake, match-article, describe-entities), so it opens a port with the first and reuses it.
// Requests and replies are checked by the same schemas as the messenger's (./messenger.ts).
import * as v from 'valibot';
import { type Browser, browser } from 'wxt/browser';
import {
  answerMessage,
  type DataArgs,
  type Handlers,
  type Protocol,
  type Reply,
  type ResponseOf,
  readReply,
  send,
} from './messenger';

/** The parts of a runtime.Port used here, so tests can hand in a pair of their own. */
export interface ChannelPort {
  readonly name: string;
  readonly sender?: Browser.runtime.MessageSender;
  postMessage(message: unknown): void;
  disconnect(): void;
  readonly onMessage: {
    addListener(listener: (message: unknown) => void): void;
    removeListener(listener: (message: unknown) => void): void;
  };
  readonly onDisconnect: {
    addListener(listener: () => void): void;
    removeListener(listener: () => void): void;
  };
}

/** The content scripts' port to the background. */
export const BACKGROUND_CHANNEL = 'hashiya-background';

/**
 * How long an idle port stays open. A page asks for the mentions once its article is extracted,
 * which on a news page that waits for its load event can be seconds after the wake-up; a port left
 * open keeps nothing alive (Chrome stops an idle worker all the same, and the port with it).
 */
export const CHANNEL_IDLE_MS = 15_000;

const request = v.object({ id: v.number(), message: v.unknown() });
const answer = v.object({ id: v.number(), reply: v.unknown() });

/** Answers the requests that come over `port` with `handlers`, as serve() answers messages. */
export function answerPort<P extends Protocol>(protocol: P, handlers: Handlers<P>, port: ChannelPort): void {
  port.onMessage.addListener((raw) => {
    const parsed = v.safeParse(request, raw);
    if (!parsed.success) return;
    const { id, message } = parsed.output;
    const answered =
      answerMessage(protocol, handlers, message, port.sender ?? {}) ??
      Promise.resolve<Reply<unknown>>({ ok: false, error: 'unknown request' });
    void answered.then((reply) => {
      try {
        port.postMessage({ id, reply });
      } catch {
        // The page went away (or navigated) before the answer: nobody is left to tell.
      }
    });
  });
}

/** Answers `protocol`'s requests on the ports named `name` until `signal` aborts. */
export function serveChannel<P extends Protocol>(
  protocol: P,
  handlers: Handlers<P>,
  name: string,
  signal: AbortSignal,
): void {
  if (signal.aborted) return;
  const listener = (port: ChannelPort) => {
    if (port.name === name) answerPort(protocol, handlers, port);
  };
  browser.runtime.onConnect.addListener(listener);
  signal.addEventListener('abort', () => browser.runtime.onConnect.removeListener(listener), { once: true });
}

/** A content script's channel to the background: one-off messages where the port fails. */
export function backgroundChannel<P extends Protocol>(protocol: P): Channel<P> {
  return new Channel(
    protocol,
    () => browser.runtime.connect({ name: BACKGROUND_CHANNEL }),
    (type, data) => send(protocol, type, data, (message) => browser.runtime.sendMessage(message)),
  );
}

interface Pending<K extends string> {
  readonly type: K;
  readonly data: unknown;
  readonly resolve: (reply: Reply<unknown>) => void;
}

/**
 * Sends `protocol`'s requests over a port `connect()` opens at the first request and closes after
 * `idleMs` without one. A port that closes with requests in flight (the worker stopped, the
 * extension reloaded) sends them again as one-off messages through `fallback`, which starts a
 * stopped worker; so only requests that may safely be sent twice belong on a channel.
 */
export class Channel<P extends Protocol> {
  private port: ChannelPort | null = null;
  private nextId = 0;
  private readonly pending = new Map<number, Pending<keyof P & string>>();
  private idleTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly protocol: P,
    private readonly connect: () => ChannelPort,
    private readonly fallback: (type: keyof P & string, data: unknown) => Promise<Reply<unknown>>,
    private readonly idleMs = CHANNEL_IDLE_MS,
  ) {}

  send<K extends keyof P & string>(type: K, ...[data]: DataArgs<P, K>): Promise<Reply<ResponseOf<P, K>>> {
    clearTimeout(this.idleTimer);
    const port = this.open();
    if (!port) return this.fallback(type, data) as Promise<Reply<ResponseOf<P, K>>>;
    const id = ++this.nextId;
    return new Promise((resolve) => {
      this.pending.set(id, { type, data, resolve: resolve as (reply: Reply<unknown>) => void });
      try {
        port.postMessage({ id, message: { type, data } });
      } catch {
        this.closed(port);
      }
    });
  }

  /** Closes the port now (the page is going away); requests in flight go as one-off messages. */
  close(): void {
    const port = this.port;
    if (!port) return;
    try {
      port.disconnect();
    } catch {
      // Already gone.
    }
    this.closed(port);
  }

  private open(): ChannelPort | null {
    if (this.port) return this.port;
    let port: ChannelPort;
    try {
      port = this.connect();
    } catch {
      return null; // no background to connect to (the extension updated under the page)
    }
    const onMessage = (raw: unknown) => this.received(raw);
    const onDisconnect = () => this.closed(port);
    port.onMessage.addListener(onMessage);
    port.onDisconnect.addListener(onDisconnect);
    this.port = port;
    return port;
  }

  private received(raw: unknown): void {
    const parsed = v.safeParse(answer, raw);
    if (!parsed.success) return;
    const waiting = this.pending.get(parsed.output.id);
    if (!waiting) return;
    this.pending.delete(parsed.output.id);
    waiting.resolve(readReply(this.protocol, waiting.type, parsed.output.reply));
    if (this.pending.size === 0) this.idleTimer = setTimeout(() => this.close(), this.idleMs);
  }

  /** The port is gone: what was asked on it is asked again the one-off way. */
  private closed(port: ChannelPort): void {
    if (this.port !== port) return;
    this.port = null;
    clearTimeout(this.idleTimer);
    const waiting = [...this.pending.values()];
    this.pending.clear();
    for (const each of waiting) void this.fallback(each.type, each.data).then(each.resolve);
  }
}
