import { describe, expect, it } from 'vitest';
import type { ConfigEnv } from 'wxt';
import config from '../../../wxt.config';

async function manifestFor(browser: 'chrome' | 'firefox') {
  const manifest = config.manifest;
  if (typeof manifest !== 'function') throw new Error('wxt.config.ts gives the manifest as a function');
  const env: ConfigEnv = {
    browser,
    manifestVersion: browser === 'chrome' ? 3 : 2,
    mode: 'production',
    command: 'build',
  };
  return await manifest(env);
}

describe('the manifest', () => {
  it('suggests keys for at most four commands in Chrome, which refuses to load an extension with more', async () => {
    const { commands = {} } = await manifestFor('chrome');
    const keyed = Object.entries(commands).filter(
      ([, c]) => (c as { suggested_key?: unknown }).suggested_key,
    );
    expect(keyed.length).toBeLessThanOrEqual(4);
    expect(Object.keys(commands)).toEqual(expect.arrayContaining(['highlight-selection', 'note-selection']));
  });

  it('suggests a key for every command in Firefox, each key once', async () => {
    const { commands = {} } = await manifestFor('firefox');
    const keys = Object.values(commands).map(
      (c) => (c as { suggested_key?: { default?: string } }).suggested_key?.default,
    );
    expect(keys.every((k) => typeof k === 'string')).toBe(true);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('asks for the context menu, the one permission the selection toolbar adds', async () => {
    for (const browser of ['chrome', 'firefox'] as const)
      expect((await manifestFor(browser)).permissions).toContain('contextMenus');
  });
});
