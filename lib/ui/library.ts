// Opening the library page (library.html) from the popup, the side panel and the options page.
import { browser } from 'wxt/browser';

export function libraryUrl(): string {
  return browser.runtime.getURL('/library.html');
}

/** Opens the library in a new tab (no `tabs` permission needed to create one). */
export async function openLibrary(): Promise<void> {
  await browser.tabs.create({ url: libraryUrl() });
}
