// Where the in-page extras chunk comes from: a module of the package, web-accessible (a content
// script imports only those), in Chrome under its per-session random URL (use_dynamic_url), so a
// page cannot probe for the extension with it. Unit tests alias this module to one that imports
// ./index directly (vitest.config.ts): happy-dom cannot import from an extension URL.
import { browser } from 'wxt/browser';
import { EXTRAS_FILE } from './file';
import type * as Extras from './index';

export type ExtrasModule = typeof Extras;

export function importExtras(): Promise<ExtrasModule> {
  const url = (browser.runtime.getURL as (path: string) => string)(`/${EXTRAS_FILE}`);
  return import(/* @vite-ignore */ url);
}
