// Sends and serves the messages of a protocol (./protocol.ts) over the extension's message channel.
// Requests and replies are checked against the protocol's schemas on arrival; a bad payload, an
// unknown receiver or a failing handler becomes an error reply in words, never an exception.
import * as v from 'valibot';
import { type Browser, browser } from 'wxt/browser';
import { t } from '../ui/i18n';

/** Message type → [request schema, response schema]. */
export type Protocol = Record<string, readonly [request: v.GenericSchema, response: v.GenericSchema]>;
export type RequestOf<P extends Protocol, K extends keyof P> = v.InferOutput<P[K][0]>;
export type ResponseOf<P extends Protocol, K extends keyof P> = v.InferOutput<P[K][1]>;

export type Reply<T> = { ok: true; value: T } | { ok: false; error: string };

export type Handlers<P extends Protocol> = {
  [K in keyof P]: (
    data: RequestOf<P, K>,
    sender: Browser.runtime.MessageSender,
  ) => ResponseOf<P, K> | Promise<ResponseOf<P, K>>;
};

/** The payload argument, optional for messages that carry none. */
export type DataArgs<P extends Protocol, K extends keyof P> =
  undefined extends RequestOf<P, K> ? [data?: RequestOf<P, K>] : [data: RequestOf<P, K>];

const envelope = v.object({ type: v.string(), data: v.optional(v.unknown()) });
const reply = v.variant('ok', [
  v.object({ ok: v.literal(true), value: v.unknown() }),
  v.object({ ok: v.literal(false), error: v.string() }),
]);

function describe(issues: readonly v.BaseIssue<unknown>[]): string {
  return issues
    .map((issue) => {
      const path = v.getDotPath(issue);
      return path ? `${path}: ${issue.message}` : issue.message;
    })
    .join('; ');
}

/**
 * The reply to `message` from `handlers`, or undefined when the message is not one of `protocol`'s
 * (another receiver may answer it).
 */
export function answerMessage<P extends Protocol>(
  protocol: P,
  handlers: Handlers<P>,
  message: unknown,
  sender: Browser.runtime.MessageSender,
): Promise<Reply<unknown>> | undefined {
  const parsed = v.safeParse(envelope, message);
  if (!parsed.success || !Object.hasOwn(protocol, parsed.output.type)) return undefined;
  const type: keyof P = parsed.output.type;
  const [requestSchema] = protocol[type] as P[keyof P];
  const data = v.safeParse(requestSchema, parsed.output.data);
  if (!data.success) {
    return Promise.resolve({ ok: false, error: `${String(type)}: ${describe(data.issues)}` });
  }
  return (async (): Promise<Reply<unknown>> => {
    try {
      return { ok: true, value: await handlers[type](data.output, sender) };
    } catch (error) {
      return {
        ok: false,
        error: `${String(type)}: ${error instanceof Error ? error.message : String(error)}`,
      };
    }
  })();
}

/** Checks what came back for a `type` request: the reply's shape, then the response's. */
export function readReply<P extends Protocol, K extends keyof P & string>(
  protocol: P,
  type: K,
  raw: unknown,
): Reply<ResponseOf<P, K>> {
  const parsed = v.safeParse(reply, raw);
  if (!parsed.success) return { ok: false, error: `${type}: ${t('messageNoAnswer')}` };
  if (!parsed.output.ok) return parsed.output;
  const [, responseSchema] = protocol[type] as P[K];
  const value = v.safeParse(responseSchema, parsed.output.value);
  return value.success
    ? { ok: true, value: value.output }
    : { ok: false, error: `${type}: unexpected answer (${describe(value.issues)})` };
}

/** Answers `protocol`'s requests with `handlers` until `signal` aborts. */
export function serve<P extends Protocol>(protocol: P, handlers: Handlers<P>, signal: AbortSignal): void {
  if (signal.aborted) return;
  const listener = (
    message: unknown,
    sender: Browser.runtime.MessageSender,
    sendResponse: (answer: unknown) => void,
  ): true | undefined => {
    const answer = answerMessage(protocol, handlers, message, sender);
    if (!answer) return undefined;
    void answer.then(sendResponse);
    return true; // the answer comes asynchronously
  };
  browser.runtime.onMessage.addListener(listener);
  signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(listener), { once: true });
}

/** Sends one request through `deliver` and checks the answer (sendToTab, sendToBackground, channels). */
export async function send<P extends Protocol, K extends keyof P & string>(
  protocol: P,
  type: K,
  data: unknown,
  deliver: (message: { type: K; data: unknown }) => Promise<unknown>,
): Promise<Reply<ResponseOf<P, K>>> {
  try {
    return readReply(protocol, type, await deliver({ type, data }));
  } catch {
    // No receiver: a tab without our content script (browser pages, opened before install), or an
    // extension updated under an open page. The browser's own words say nothing to a reader.
    return { ok: false, error: `${type}: ${t('messageUnreachable')}` };
  }
}

/** Asks the content script of tab `tabId`. */
export function sendToTab<P extends Protocol, K extends keyof P & string>(
  protocol: P,
  tabId: number,
  type: K,
  ...[data]: DataArgs<P, K>
): Promise<Reply<ResponseOf<P, K>>> {
  return send(protocol, type, data, (message) => browser.tabs.sendMessage(tabId, message));
}

/** A reply's value, or its error thrown (for callers whose failures are met further up). */
export function replyValue<T>(reply: Reply<T>): T {
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}

/** Asks the background (from a content script or an extension page). */
export function sendToBackground<P extends Protocol, K extends keyof P & string>(
  protocol: P,
  type: K,
  ...[data]: DataArgs<P, K>
): Promise<Reply<ResponseOf<P, K>>> {
  return send(protocol, type, data, (message) => browser.runtime.sendMessage(message));
}

/**
 * Tells every extension page and every tab's content script (from the background). Views that are
 * not listening, and tabs without our content script, are skipped.
 */
export async function broadcast<P extends Protocol, K extends keyof P & string>(
  protocol: P,
  type: K,
  ...[data]: DataArgs<P, K>
): Promise<void> {
  const [requestSchema] = protocol[type] as P[K];
  const checked = v.safeParse(requestSchema, data);
  if (!checked.success) throw new Error(`${type}: ${describe(checked.issues)}`);
  const message = { type, data: checked.output };
  const deliveries: Promise<unknown>[] = [Promise.resolve().then(() => browser.runtime.sendMessage(message))];
  const tabs = await browser.tabs.query({}).catch(() => []);
  for (const tab of tabs) {
    if (tab.id !== undefined) {
      const tabId = tab.id;
      deliveries.push(Promise.resolve().then(() => browser.tabs.sendMessage(tabId, message)));
    }
  }
  await Promise.allSettled(deliveries);
}
