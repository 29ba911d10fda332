// The wake-up call of the script that runs when a page's DOM is parsed (entrypoints/
// wake.content.ts): backgroundProtocol's `wake`, sent as the messenger sends it but without the
// schemas, as nothing is read from the reply. That script runs on every page: it stays small.
import { browser } from 'wxt/browser';
import type { backgroundProtocol } from './protocol';

/** The message, as the messenger's envelope holds a request without data. */
export const WAKE_MESSAGE: { readonly type: keyof typeof backgroundProtocol } = { type: 'wake' };

/** Has the background start, if it was stopped, and ready the dictionary and the notes store. */
export function wakeBackground(): void {
  // No background to wake (the extension updated under the page): the content script says so later.
  browser.runtime.sendMessage(WAKE_MESSAGE).catch(() => {});
}
