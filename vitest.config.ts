import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing';

export default defineConfig({
  plugins: [WxtVitest(), preact()],
  resolve: {
    alias: [
      {
        find: /^\.\/import-chunk$/,
        replacement: fileURLToPath(new URL('./tests/unit/extras-import.ts', import.meta.url)),
      },
    ],
  },
  test: {
    environment: 'happy-dom',
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    // No test is timed (budgets live in `npm run bench`); the default 5 s cut off component tests
    // on a 2-core machine shared with browsers and builds.
    testTimeout: 20_000,
  },
});
