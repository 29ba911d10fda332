// browser.storage.local, read and written directly: what the settings and the packs index need of
// it (DESIGN.md §7). WXT's storage module did the same through versioned items, but it does not
// tree-shake and cost every page's content script 7 KB (2.5 KB gzip) for behaviour this file has in
// full. Keys are stored exactly as WXT stored them (`settings`, `packs`, `pack:<id>`, no meta key
// while the version is 1), so nothing stored before needs a migration; when a shape changes, its
// version goes into `<key>$` as `{ v: 2 }`, WXT's convention.
import { browser } from 'wxt/browser';

/** The value stored under `key`, or null. */
export async function readLocal(key: string): Promise<unknown> {
  const stored = await browser.storage.local.get(key);
  return stored[key] ?? null;
}

/** The values stored under `keys`, in order (null where none). */
export async function readLocalMany(keys: readonly string[]): Promise<unknown[]> {
  const stored = await browser.storage.local.get([...keys]);
  return keys.map((key) => stored[key] ?? null);
}

/** Writes every entry of `items` in one call: all of them or none. */
export async function writeLocal(items: Record<string, unknown>): Promise<void> {
  await browser.storage.local.set(items);
}

export async function removeLocal(key: string): Promise<void> {
  await browser.storage.local.remove(key);
}

/**
 * Calls `listener` with the new value (null once removed) whenever any part of the extension
 * changes `key` to something else. Returns an unsubscribe.
 */
export function watchLocal(key: string, listener: (value: unknown) => void): () => void {
  const onChanged = (changes: Record<string, { newValue?: unknown; oldValue?: unknown }>, area: string) => {
    const change = changes[key];
    if (area !== 'local' || !change) return;
    // Writing the same value again is no change (storage reports it in some browsers).
    if (JSON.stringify(change.newValue) === JSON.stringify(change.oldValue)) return;
    listener(change.newValue ?? null);
  };
  browser.storage.onChanged.addListener(onChanged);
  return () => browser.storage.onChanged.removeListener(onChanged);
}
