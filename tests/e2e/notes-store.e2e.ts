// End-to-end tests of the notes store behind the background, in each browser: the background
// opens IndexedDB in the extension's origin, answers the notes messages, rejects malformed ones in
// words, keeps two notes saved at once, and extension pages can read the same database directly.
// (The in-page notes UI is tested where it is built.)
//
// Functions passed to evaluate run in an extension page: they must not use anything from this
// module, nor declare named inner functions (see interaction.e2e.ts).

import assert from 'node:assert/strict';
import type { E2eTest } from './harness.ts';

interface RuntimeApi {
  runtime: {
    sendMessage(message: unknown): Promise<unknown>;
    onMessage: { addListener(listener: (message: unknown) => void): void };
  };
}

const ARTICLE = {
  id: 'https://news.example/albania-iran',
  url: 'https://news.example/albania-iran?x=1',
  title: 'ألبانيا تقطع علاقاتها مع إيران',
  site: 'news.example',
  byline: '',
  lang: 'ar',
  excerpt: '',
};

const note = (exact: string, start: number, tags: string[]) => ({
  quote: { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
  position: { type: 'TextPositionSelector', start, end: start + exact.length },
  colour: 'yellow',
  note: `ملاحظة على ${exact}`,
  tags,
  entityIds: [],
});

export const notesStoreTests: readonly E2eTest[] = [
  {
    name: 'notes store: the background saves two notes sent at once, lists them, and refuses a malformed one',
    async run(ctx) {
      const page = await ctx.browser.openExtensionPage('popup.html');
      try {
        const result = await page.evaluate(
          async ({ article, notes }) => {
            const scope = globalThis as { browser?: RuntimeApi; chrome?: RuntimeApi };
            const api = (scope.browser ?? scope.chrome) as RuntimeApi;
            // No named inner functions here (see the note at the top).
            const saved = await Promise.all(
              notes.map((n) => api.runtime.sendMessage({ type: 'save-note', data: { article, note: n } })),
            );
            const listed = await api.runtime.sendMessage({
              type: 'list-notes',
              data: { articleId: article.id },
            });
            const tags = await api.runtime.sendMessage({ type: 'list-tags' });
            const malformed = await api.runtime.sendMessage({
              type: 'save-note',
              data: { article, note: { ...notes[0], colour: 'red' } },
            });
            const after = await api.runtime.sendMessage({
              type: 'list-notes',
              data: { articleId: article.id },
            });
            return { saved, listed, tags, malformed, after };
          },
          { article: ARTICLE, notes: [note('إيدي راما', 40, ['سياسة']), note('ألبانيا', 5, ['ألبانيا'])] },
        );
        const saved = result.saved as { ok: boolean; value: { id: string; created: string } }[];
        assert.ok(
          saved.every((answer) => answer.ok),
          `both saves answered ok: ${JSON.stringify(result.saved)}`,
        );
        const listed = result.listed as { ok: boolean; value: { quote: { exact: string } }[] };
        assert.deepEqual(
          listed.value.map((n) => n.quote.exact),
          ['ألبانيا', 'إيدي راما'],
          'both notes listed, in reading order',
        );
        assert.deepEqual(result.tags, { ok: true, value: ['ألبانيا', 'سياسة'] });
        const malformed = result.malformed as { ok: boolean; error: string };
        assert.equal(malformed.ok, false);
        assert.match(malformed.error, /^save-note: note\.colour: not one of the colours/);
        assert.equal((result.after as { value: unknown[] }).value.length, 2, 'nothing written by it');
        ctx.log(`saved ${saved.map((s) => s.value.id).join(', ')}`);
      } finally {
        await page.close();
      }
    },
  },
  {
    name: 'notes store: an extension page reads the notes from the extension’s own database',
    async run(ctx) {
      const page = await ctx.browser.openExtensionPage('popup.html');
      try {
        const exacts = await page.evaluate(
          (articleId) =>
            new Promise<string[]>((resolve, reject) => {
              const open = indexedDB.open('hashiya-notes');
              open.onerror = () => reject(open.error);
              open.onsuccess = () => {
                const db = open.result;
                const request = db
                  .transaction('annotations')
                  .objectStore('annotations')
                  .index('article')
                  .getAll(articleId);
                request.onsuccess = () => {
                  db.close();
                  resolve(
                    (request.result as { quote: { exact: string } }[]).map((n) => n.quote.exact).sort(),
                  );
                };
                request.onerror = () => reject(request.error);
              };
            }),
          ARTICLE.id,
        );
        assert.deepEqual(exacts, ['ألبانيا', 'إيدي راما']);
      } finally {
        await page.close();
      }
    },
  },
  {
    name: 'notes store: another open view hears that the article’s notes changed',
    async run(ctx) {
      const listener = await ctx.browser.openExtensionPage('popup.html');
      const writer = await ctx.browser.openExtensionPage('popup.html');
      try {
        await listener.evaluate(() => {
          const scope = globalThis as { browser?: RuntimeApi; chrome?: RuntimeApi; heard?: unknown[] };
          const api = (scope.browser ?? scope.chrome) as RuntimeApi;
          scope.heard = [];
          api.runtime.onMessage.addListener((message) => {
            scope.heard?.push(message);
          });
        }, null);
        const saved = await writer.evaluate(
          async ({ article, n }) => {
            const scope = globalThis as { browser?: RuntimeApi; chrome?: RuntimeApi };
            const api = (scope.browser ?? scope.chrome) as RuntimeApi;
            return api.runtime.sendMessage({ type: 'save-note', data: { article, note: n } });
          },
          { article: ARTICLE, n: note('العلاقات', 70, []) },
        );
        assert.equal((saved as { ok: boolean }).ok, true, JSON.stringify(saved));
        await listener.waitFor(
          (articleId) =>
            (
              (globalThis as { heard?: { type?: string; data?: { articleIds?: string[] } }[] }).heard ?? []
            ).some((m) => m.type === 'notes-changed' && m.data?.articleIds?.includes(articleId)),
          ARTICLE.id,
          5_000,
        );
      } finally {
        await writer.close();
        await listener.close();
      }
    },
  },
];

/** Restarts the extension's background: run last in a browser, since nothing else should have to survive it. */
export const backgroundRestartTests: readonly E2eTest[] = [
  {
    // Last: it restarts the extension.
    name: 'notes store: a note shown as saved survives the background being stopped right after',
    timeoutMs: 60_000,
    async run(ctx) {
      const writer = await ctx.browser.openExtensionPage('popup.html');
      const saved = (await writer.evaluate(
        async ({ article, n }) => {
          const scope = globalThis as { browser?: RuntimeApi; chrome?: RuntimeApi };
          const api = (scope.browser ?? scope.chrome) as RuntimeApi;
          return api.runtime.sendMessage({ type: 'save-note', data: { article, note: n } });
        },
        { article: ARTICLE, n: note('الدبلوماسية', 90, ['محفوظ']) },
      )) as { ok: boolean; value: { id: string } };
      assert.equal(saved.ok, true, JSON.stringify(saved));
      // Saved means committed: stop the background at once.
      await ctx.browser.stopBackground();
      await writer.close().catch(() => undefined); // a reload closes it already
      // Firefox reloads the whole extension: a page opened mid-reload waits out its own 15 s, so
      // give the reload a moment first and leave room for a second try.
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      const deadline = Date.now() + 25_000;
      for (;;) {
        // While the extension restarts its pages may not open yet.
        const reader = await ctx.browser.openExtensionPage('popup.html').catch(() => null);
        try {
          const listed = (await reader
            ?.evaluate(async (articleId) => {
              const scope = globalThis as { browser?: RuntimeApi; chrome?: RuntimeApi };
              const api = (scope.browser ?? scope.chrome) as RuntimeApi;
              return api.runtime.sendMessage({ type: 'list-notes', data: { articleId } }).catch(() => null);
            }, ARTICLE.id)
            .catch(() => null)) as { ok: boolean; value: { id: string }[] } | null | undefined;
          if (listed?.ok) {
            assert.ok(
              listed.value.some((n) => n.id === saved.value.id),
              'the note saved before the restart is listed after it',
            );
            return;
          }
        } finally {
          await reader?.close().catch(() => undefined);
        }
        if (Date.now() > deadline) throw new Error('the background did not come back within 25 s');
        await new Promise((resolve) => setTimeout(resolve, 300));
      }
    },
  },
];
