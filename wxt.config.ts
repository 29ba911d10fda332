import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

// Stable add-on id so Firefox keeps the same storage between installs and the tests can pin its UUID.
export const GECKO_ID = 'hashiya@hashiya.local';

export default defineConfig({
  srcDir: '.',
  outDir: '.output',
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser }) => ({
    name: 'Hashiya',
    description:
      'Highlights the people, organisations and places in news articles — Arabic first, all on your machine.',
    default_locale: 'en',
    permissions: ['storage', 'tabs'],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: GECKO_ID,
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
