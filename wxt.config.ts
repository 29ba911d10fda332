import { resolve } from 'node:path';
import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { EXTRAS_FILE } from './components/extras/file';
import { DICTIONARY_ENTRIES_FILE, DICTIONARY_FILE } from './lib/entities/dictionary-file';
import { buildExtrasChunk } from './scripts/lib/extras-chunk';
import { highlightsCss } from './scripts/lib/highlights-css';

// Stable add-on id so Firefox keeps the same storage between installs and the tests can pin its UUID.
export const GECKO_ID = 'hashiya@hashiya.local';

// scripts/bench-big-dictionary.ts builds a copy of the extension with bigger dictionary files into
// another folder; every other build ships lib/generated's files into .output.
const dictionaryDir = process.env.HASHIYA_DICTIONARY_DIR ?? 'lib/generated';

export default defineConfig({
  srcDir: '.',
  outDir: process.env.HASHIYA_OUT_DIR ?? '.output',
  vite: () => ({
    plugins: [preact(), highlightsCss()],
    // Both browsers preload modules natively; Vite's polyfill for older ones would only add a
    // fetch() to the extension pages that store reviewers ask about.
    build: { modulePreload: { polyfill: false } },
  }),
  hooks: {
    // The shipped dictionary is two packaged files the background reads (and a page, where the
    // background cannot match its article); the in-page extras chunk, one the content script
    // imports when the reader opens a rarely used UI or the article has notes to place.
    'build:publicAssets': async (wxt, files) => {
      for (const file of [DICTIONARY_FILE, DICTIONARY_ENTRIES_FILE])
        files.push({ absoluteSrc: resolve(dictionaryDir, file), relativeDest: file });
      files.push({ contents: await buildExtrasChunk(wxt.config.root), relativeDest: EXTRAS_FILE });
    },
  },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // storage: the reader's switches; contextMenus: "Highlight" and "Add note…" on a selection
    // (Firefox knows it as an alias of menus); offscreen (Chrome): a document to read very large
    // pages' articles in, apart from the page. Everything is justified in the README.
    permissions:
      browser === 'firefox' ? ['storage', 'contextMenus'] : ['storage', 'contextMenus', 'offscreen'],
    action: { default_title: '__MSG_extName__' },
    // Chrome (148+) copies messages as Firefox does, by structured clone, not through JSON: a long
    // article's text reaches the background in a fraction of the time (DESIGN.md §7). Firefox has
    // no such key.
    ...(browser === 'firefox' ? {} : { message_serialization: 'structured_clone' }),
    // The content script imports the in-page extras from the package, and fetches the dictionary
    // where the background cannot match its article (the background reads it for every tab).
    // Chrome serves them only under a per-session random URL (use_dynamic_url), so a page cannot
    // probe for the extension with them; Firefox's extension URLs carry a random per-install UUID already.
    web_accessible_resources:
      browser === 'firefox'
        ? [DICTIONARY_FILE, DICTIONARY_ENTRIES_FILE, EXTRAS_FILE]
        : [
            {
              resources: [DICTIONARY_FILE, DICTIONARY_ENTRIES_FILE, EXTRAS_FILE],
              matches: ['http://*/*', 'https://*/*'],
              use_dynamic_url: true,
            },
          ],
    commands: {
      'toggle-highlighting': {
        suggested_key: { default: 'Alt+Shift+H' },
        description: '__MSG_commandToggle__',
      },
      'next-mention': { suggested_key: { default: 'Alt+Shift+Period' }, description: '__MSG_commandNext__' },
      'previous-mention': {
        suggested_key: { default: 'Alt+Shift+Comma' },
        description: '__MSG_commandPrevious__',
      },
      'show-card': { suggested_key: { default: 'Alt+Shift+M' }, description: '__MSG_commandCard__' },
      // Chrome refuses to load an extension that suggests keys for more than four commands (measured:
      // its service worker never starts), so there the reader picks these two keys; Firefox has no limit.
      'highlight-selection': {
        ...(browser === 'firefox' ? { suggested_key: { default: 'Alt+Shift+Y' } } : {}),
        description: '__MSG_commandHighlight__',
      },
      'note-selection': {
        ...(browser === 'firefox' ? { suggested_key: { default: 'Alt+Shift+N' } } : {}),
        description: '__MSG_commandNote__',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: GECKO_ID,
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            // Firefox for Android reads data_collection_permissions from 142 on.
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
