// End-to-end tests of the library page (library.html) in each browser: notes saved through the
// background are listed, found by an Arabic search typed with another hamza seat, filtered by tag;
// export downloads a dated backup; that backup, a Hypothesis export and a broken file are dropped
// on the library of a fresh profile; a backup picked with the file picker is filtered by entity and
// date range; an oversized and a damaged file change nothing stored; a Hypothesis export's notes are
// painted on their page.
//
// Functions passed to evaluate run in an extension page: they must not use anything from this
// module, nor declare named inner functions (see interaction.e2e.ts).

import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportJsonLd } from '../../lib/export/jsonld.ts';
import { MAX_IMPORT_BYTES } from '../../lib/import/limits.ts';
import type { AnnotationRecord, ArticleRecord } from '../../lib/notes/model.ts';
import { DATABASE_NAME } from '../../lib/store/schema.ts';
import type { TestBrowser, TestPage } from './browsers.ts';
import type { E2eTest } from './harness.ts';
import { waitForPaint } from './helpers.ts';

const TIMEOUT_MS = 10_000;

interface RuntimeApi {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
}

const ARABIC = {
  id: 'https://library.example/albania-iran',
  url: 'https://library.example/albania-iran',
  title: 'ألبانيا تقطع علاقاتها مع إيران',
  site: 'library.example',
  byline: '',
  lang: 'ar',
  excerpt: '',
};
const ENGLISH = {
  id: 'https://world.example/nato-summit',
  url: 'https://world.example/nato-summit',
  title: 'NATO allies meet in Brussels',
  site: 'world.example',
  byline: '',
  lang: 'en',
  excerpt: '',
};

const note = (exact: string, start: number, text: string, tags: string[]) => ({
  quote: { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
  position: { type: 'TextPositionSelector', start, end: start + exact.length },
  colour: 'yellow',
  note: text,
  tags,
  entityIds: [],
});

const SEED = [
  { article: ARABIC, note: note('وقال رئيس الوزراء الألباني إيدي راما', 40, 'أول رد رسمي', ['سياسة']) },
  { article: ARABIC, note: note('قطعت ألبانيا العلاقات', 5, '<img src=x onerror=alert(1)>', ['دبلوماسية']) },
  { article: ENGLISH, note: note('allies agreed to meet again', 12, 'Check the date', ['nato']) },
];

/** Saves the sample notes through the background, as the page's notes UI does, from an extension page. */
async function seedNotes(page: TestPage): Promise<void> {
  const answers = await page.evaluate(async (seed) => {
    const scope = globalThis as { browser?: RuntimeApi; chrome?: RuntimeApi };
    const api = (scope.browser ?? scope.chrome) as RuntimeApi;
    const out: unknown[] = [];
    for (const s of seed) out.push(await api.runtime.sendMessage({ type: 'save-note', data: s }));
    return out;
  }, SEED);
  assert.ok(
    answers.every((a) => (a as { ok: boolean }).ok),
    `saved: ${JSON.stringify(answers)}`,
  );
}

/** What each browser's export wrote, for the import test that follows it. */
const exported = new Map<string, { name: string; text: string }>();

function noteCount(page: TestPage): Promise<number> {
  return page.evaluate(() => document.querySelectorAll('[data-note]').length, null);
}

async function waitForNotes(page: TestPage, count: number): Promise<void> {
  try {
    await page.waitFor((n) => document.querySelectorAll('[data-note]').length === n, count, TIMEOUT_MS);
  } catch {
    const shown = await page.evaluate(
      () => [...document.querySelectorAll('[data-note] q')].map((q) => q.textContent),
      null,
    );
    const notice = await page.evaluate(() => document.querySelector('[data-notice]')?.textContent, null);
    throw new Error(
      `wanted ${count} notes listed, the page lists ${JSON.stringify(shown)} (notice: ${notice})`,
    );
  }
}

export async function openLibrary(browser: TestBrowser): Promise<TestPage> {
  const page = await browser.openExtensionPage('library.html');
  await page.waitForSelector('[data-library="empty"], [data-library="count"]', TIMEOUT_MS);
  return page;
}

/** Drops a file with this text on the library page, as a reader dragging it from their files. */
export async function dropFile(page: TestPage, name: string, text: string): Promise<void> {
  await page.evaluate(
    ({ name, text }) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], name, { type: 'application/json' }));
      window.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, cancelable: true }));
      window.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, cancelable: true }));
    },
    { name, text },
  );
}

/** The preview's counts for notes: new, updated, unchanged, invalid. */
export async function previewCounts(page: TestPage): Promise<Record<string, number>> {
  await page.waitForSelector('[data-import="preview"]', TIMEOUT_MS);
  return page.evaluate(() => {
    const out: Record<string, number> = {};
    for (const cell of document.querySelectorAll('[data-counts="notes"] [data-count]'))
      out[cell.getAttribute('data-count') ?? ''] = Number(cell.textContent);
    return out;
  }, null);
}

async function setField(
  page: TestPage,
  selector: string,
  value: string,
  event: 'input' | 'change',
): Promise<void> {
  await page.evaluate(
    ({ selector, value, event }) => {
      const field = document.querySelector(selector) as HTMLInputElement | HTMLSelectElement;
      field.value = value;
      field.dispatchEvent(new Event(event, { bubbles: true }));
    },
    { selector, value, event },
  );
}

function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/**
 * Clicks an export button and returns the file it downloads. The anchor's click is where the
 * browser would start the download: it is caught and the Blob it points at read (the same in both
 * browsers; no downloads permission, no network), byte-order mark kept.
 */
export async function download(page: TestPage, button: string): Promise<{ name: string; text: string }> {
  await page.evaluate(() => {
    const scope = window as unknown as { downloaded?: Promise<{ name: string; text: string }> };
    scope.downloaded = new Promise((resolve) => {
      HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
        const name = this.download;
        void fetch(this.href)
          .then((r) => r.arrayBuffer())
          .then((bytes) =>
            resolve({ name, text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes) }),
          );
      };
    });
  }, null);
  await page.click(button);
  return page.evaluate(
    () => (window as unknown as { downloaded: Promise<{ name: string; text: string }> }).downloaded,
    null,
  );
}

/** Every stored record, the reader's dictionary too, read from IndexedDB as it is on disk (to compare before and after). */
function storedRecords(page: TestPage): Promise<string> {
  return page.evaluate(async (database) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(database);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const stores = await Promise.all(
      ['articles', 'annotations', 'readerEntries'].map(
        (store) =>
          new Promise<unknown[]>((resolve, reject) => {
            const request = db.transaction(store).objectStore(store).getAll();
            request.onsuccess = () => resolve(request.result);
            request.onerror = () => reject(request.error);
          }),
      ),
    );
    db.close();
    return JSON.stringify(stores);
  }, DATABASE_NAME);
}

/** The quotes of the notes listed, in order. */
function listedQuotes(page: TestPage): Promise<string[]> {
  return page.evaluate(
    () => [...document.querySelectorAll('[data-note] q')].map((q) => q.textContent ?? ''),
    null,
  );
}

async function errorNotice(page: TestPage): Promise<string> {
  await page.waitForSelector('[data-notice="error"]', TIMEOUT_MS);
  return page.evaluate(() => document.querySelector('[data-notice="error"]')?.textContent ?? '', null);
}

const DATED_ARTICLES: ArticleRecord[] = [
  {
    ...ARABIC,
    id: 'https://dated.example/albania',
    url: 'https://dated.example/albania',
    site: 'dated.example',
    created: '2024-03-01T12:00:00.000Z',
    modified: '2024-03-15T12:00:00.000Z',
  },
  {
    ...ENGLISH,
    id: 'https://dated.example/nato',
    url: 'https://dated.example/nato',
    site: 'dated.example',
    created: '2024-04-02T12:00:00.000Z',
    modified: '2024-05-20T12:00:00.000Z',
  },
];

/** Four notes on two days in March, one in April, one in May; two mention NATO. */
const DATED_NOTES: AnnotationRecord[] = (
  [
    [0, 'وأكد حلف شمال الأطلسي دعمه', ['nato'], '2024-03-01'],
    [0, 'وقال رئيس الوزراء الألباني إيدي راما', ['edi-rama', 'albania'], '2024-03-15'],
    [1, 'NATO allies pledged to respond', ['nato'], '2024-04-02'],
    [1, 'Iran denied any role in the attack', ['iran'], '2024-05-20'],
  ] as const
).map(([a, exact, entityIds, day], i) => ({
  id: `00000000-0000-4000-8000-00000000000${i + 1}`,
  articleId: (DATED_ARTICLES[a] as ArticleRecord).id,
  quote: { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
  position: { type: 'TextPositionSelector', start: 10 * i, end: 10 * i + exact.length },
  colour: 'green',
  note: '',
  tags: [],
  entityIds: [...entityIds],
  // Noon UTC: the same day in every time zone the test machines use.
  created: `${day}T12:00:00.000Z`,
  modified: `${day}T12:00:00.000Z`,
}));

export const libraryTests: readonly E2eTest[] = [
  {
    name: 'library: notes saved through the background are listed, found by an Arabic search with another hamza seat and a diacritic, and filtered by tag',
    async run(ctx) {
      const page = await openLibrary(ctx.browser);
      try {
        // Other suites may have saved notes in this profile before: count from what is there.
        const before = await noteCount(page);
        await seedNotes(page);
        // The library hears 'notes-changed' from the background and lists them without a reload.
        await waitForNotes(page, before + 3);
        const titles = await page.evaluate(
          () => [...document.querySelectorAll('[data-article] h3')].map((h) => h.textContent),
          null,
        );
        assert.deepEqual(
          titles.slice(0, 2),
          [ENGLISH.title, ARABIC.title],
          'articles, the newest note first',
        );
        const hostile = await page.evaluate(
          () => document.querySelectorAll('.library-rows img').length,
          null,
        );
        assert.equal(hostile, 0, 'a note’s <img onerror> is shown as text, never as HTML');

        // الالبانيّ: bare alef for the hamza seat, a shadda the note does not have.
        await setField(page, '[data-library="search"]', 'الالبانيّ', 'input');
        await waitForNotes(page, 1);
        const found = await page.evaluate(
          () => document.querySelector('[data-note] q')?.textContent ?? '',
          null,
        );
        assert.ok(found.includes('الألباني'), `found the note quoting الألباني: ${found}`);

        await setField(page, '[data-library="search"]', '', 'input');
        await waitForNotes(page, before + 3);
        await setField(page, '[data-filter="tag"]', 'دبلوماسية', 'change');
        await waitForNotes(page, 1);
        const filtered = await page.evaluate(
          () => document.querySelector('[data-note] q')?.textContent ?? '',
          null,
        );
        assert.equal(filtered, 'قطعت ألبانيا العلاقات');
        const href = await page.evaluate(
          () => document.querySelector('[data-note]')?.getAttribute('href'),
          null,
        );
        assert.match(href ?? '', /^https:\/\/library\.example\/albania-iran#hashiya-note=[0-9a-f-]{36}$/);
        assert.deepEqual(page.errors, [], 'no errors in the library page');
      } finally {
        await page.close();
      }
    },
  },
  {
    name: 'library: export everything downloads hashiya-<today>.jsonld with every note',
    async run(ctx) {
      const page = await openLibrary(ctx.browser);
      try {
        await page.waitFor(() => document.querySelectorAll('[data-note]').length >= 3, null, TIMEOUT_MS);
        const shown = await noteCount(page);
        const file = await download(page, '[data-action="export-all"]');
        assert.equal(file.name, `hashiya-${today()}.jsonld`);
        const doc = JSON.parse(file.text) as {
          type: string;
          total: number;
          first: { items: { target: { selector: { exact?: string }[] } }[] };
        };
        assert.equal(doc.type, 'AnnotationCollection');
        assert.equal(doc.total, shown, 'every note the library lists');
        const quotes = doc.first.items.flatMap((i) => i.target.selector.flatMap((s) => s.exact ?? []));
        for (const s of SEED) assert.ok(quotes.includes(s.note.quote.exact), s.note.quote.exact);
        const notice = await page.evaluate(
          () => document.querySelector('[data-notice]')?.textContent ?? '',
          null,
        );
        assert.ok(notice.includes(file.name), `the page says where the file went: ${notice}`);
        exported.set(ctx.browser.name, file);
      } finally {
        await page.close();
      }
    },
  },
  {
    name: 'library: in a fresh profile, the backup, then a Hypothesis export, are previewed and imported; a broken file changes nothing',
    async run(ctx) {
      const file = exported.get(ctx.browser.name);
      assert.ok(file, 'the export test ran first');
      const fresh = await ctx.freshBrowser();
      try {
        const page = await openLibrary(fresh);
        assert.equal(await noteCount(page), 0, 'the fresh profile has no notes');

        await dropFile(page, file.name, file.text);
        const total = (JSON.parse(file.text) as { total: number }).total;
        assert.deepEqual(await previewCounts(page), { new: total, updated: 0, unchanged: 0, invalid: 0 });
        await page.click('[data-action="confirm-import"]');
        await waitForNotes(page, total);

        const hypothesis = {
          total: 1,
          rows: [
            {
              id: 'Zx9_2Q3hEe-abcdEFGH1234',
              created: '2024-02-03T04:05:06.123456+00:00',
              updated: '2024-02-04T04:05:06.654321+00:00',
              uri: 'https://news.example/iran',
              text: 'Worth checking',
              tags: ['iran'],
              target: [
                {
                  source: 'https://news.example/iran',
                  selector: [
                    { type: 'TextPositionSelector', start: 1200, end: 1220 },
                    {
                      type: 'TextQuoteSelector',
                      exact: 'طهران نفت أي تورط',
                      prefix: 'و',
                      suffix: ' في الهجوم',
                    },
                  ],
                },
              ],
              document: { title: ['Iran denies involvement'] },
            },
          ],
        };
        await dropFile(page, 'hypothesis.json', JSON.stringify(hypothesis));
        assert.deepEqual(await previewCounts(page), { new: 1, updated: 0, unchanged: 0, invalid: 0 });
        await page.click('[data-action="confirm-import"]');
        await waitForNotes(page, total + 1);
        await setField(page, '[data-library="search"]', 'طهران', 'input');
        await waitForNotes(page, 1);
        await setField(page, '[data-library="search"]', '', 'input');
        await waitForNotes(page, total + 1);

        await dropFile(page, 'broken.jsonld', file.text.slice(0, 200));
        await page.waitForSelector('[data-notice="error"]', TIMEOUT_MS);
        const message = await page.evaluate(
          () => document.querySelector('[data-notice="error"]')?.textContent ?? '',
          null,
        );
        assert.match(message, /not valid JSON/);
        assert.equal(await noteCount(page), total + 1, 'nothing changed');
        await page.goto(`${fresh.extensionOrigin}/library.html`);
        await waitForNotes(page, total + 1);
        assert.deepEqual(page.errors, [], 'no errors in the library page');
      } finally {
        await fresh.close();
      }
    },
  },
  {
    name: 'library: a backup picked with the file picker is imported; the entity filter (حلف شمال الأطلسي) and the date range keep the right notes; a file over 50 MB and a damaged backup are refused and nothing stored changes',
    timeoutMs: 60_000,
    async run(ctx) {
      const dir = await mkdtemp(join(tmpdir(), 'hashiya-import-'));
      const fresh = await ctx.freshBrowser();
      try {
        const page = await openLibrary(fresh);
        const backup = exportJsonLd(DATED_ARTICLES, DATED_NOTES, new Date('2024-06-01T00:00:00.000Z'));
        const picked = join(dir, backup.fileName);
        await writeFile(picked, backup.text);
        await page.setInputFiles('[data-import="file"]', [picked]);
        assert.deepEqual(await previewCounts(page), { new: 4, updated: 0, unchanged: 0, invalid: 0 });
        await page.click('[data-action="confirm-import"]');
        await waitForNotes(page, 4);

        // The entity index offers NATO (named in the interface's language) for its two notes.
        const chip = await page.evaluate(
          () => document.querySelector('[data-entity="nato"]')?.textContent ?? '',
          null,
        );
        assert.equal(
          chip.replace(/\s+/g, ' ').trim(),
          'NATO 2',
          'the chip names the entity and counts its notes',
        );
        await page.click('[data-entity="nato"]');
        await waitForNotes(page, 2);
        assert.deepEqual(await listedQuotes(page), [
          'NATO allies pledged to respond',
          'وأكد حلف شمال الأطلسي دعمه',
        ]);
        assert.equal(
          await page.evaluate(
            () => document.querySelector('[data-entity="nato"]')?.getAttribute('aria-pressed'),
            null,
          ),
          'true',
        );
        // With the date range as well: from 10 March to 2 April (the last day included).
        await setField(page, '[data-filter="from"]', '2024-03-10', 'change');
        await setField(page, '[data-filter="to"]', '2024-04-02', 'change');
        await waitForNotes(page, 1);
        assert.deepEqual(await listedQuotes(page), ['NATO allies pledged to respond']);
        // The notes shown, exported as CSV and as Markdown, under today's date.
        await setField(page, '[data-export="format"]', 'csv', 'change');
        const csv = await download(page, '[data-action="export-selection"]');
        assert.equal(csv.name, `hashiya-${today()}.csv`);
        assert.ok(csv.text.startsWith('\ufeff'), 'CSV starts with a byte-order mark');
        const lines = csv.text.trim().split(/\r?\n/);
        assert.equal(lines.length, 2, `a header and the one note shown: ${csv.text}`);
        assert.ok(lines[1]?.includes('NATO allies pledged to respond'));
        await setField(page, '[data-export="format"]', 'md', 'change');
        const md = await download(page, '[data-action="export-selection"]');
        assert.equal(md.name, `hashiya-${today()}.md`);
        assert.match(md.text, /^> NATO allies pledged to respond$/m);
        assert.ok(!md.text.includes('حلف'), 'only the note shown');
        // The date range alone.
        await page.click('[data-entity="nato"]');
        await waitForNotes(page, 2);
        assert.deepEqual(await listedQuotes(page), [
          'NATO allies pledged to respond',
          'وقال رئيس الوزراء الألباني إيدي راما',
        ]);
        await page.click('[data-action="clear-filters"]');
        await waitForNotes(page, 4);

        const before = await storedRecords(page);
        // One byte over the limit: refused before it is read.
        const huge = join(dir, 'huge.jsonld');
        await writeFile(huge, Buffer.alloc(MAX_IMPORT_BYTES + 1, 0x20));
        await page.setInputFiles('[data-import="file"]', [huge]);
        assert.match(
          await errorNotice(page),
          /^This file is 50\.0 MB; Hashiya imports files up to 50 MB\. Nothing was imported\.$/,
        );
        assert.equal(
          await page.evaluate(() => document.querySelector('[data-import="preview"]'), null),
          null,
          'no preview for a refused file',
        );

        // A note of the wrong type inside: shown as not usable, with the reason, before anything is
        // written; the reader cancels.
        const oneBad = JSON.parse(backup.text) as { first: { items: unknown[] } };
        (oneBad.first.items[1] as { target: unknown }).target = 5;
        const oneBadPath = join(dir, 'one-bad.jsonld');
        await writeFile(oneBadPath, JSON.stringify(oneBad));
        await page.setInputFiles('[data-import="file"]', [oneBadPath]);
        assert.deepEqual(await previewCounts(page), { new: 0, updated: 0, unchanged: 3, invalid: 1 });
        const reasons = await page.evaluate(
          () => [...document.querySelectorAll('[data-import="problems"] li')].map((li) => li.textContent),
          null,
        );
        assert.equal(reasons.length, 1);
        assert.match(reasons[0] ?? '', /^note 2 \(urn:uuid:[0-9a-f-]{36}\): target\.0: Invalid type/);
        await page.click('[data-action="cancel-import"]');
        // The file's structure broken: the whole file is refused, in words.
        const damaged = JSON.parse(backup.text) as { first: { items: unknown } };
        damaged.first.items = 'none';
        const damagedPath = join(dir, 'damaged.jsonld');
        await writeFile(damagedPath, JSON.stringify(damaged));
        await page.setInputFiles('[data-import="file"]', [damagedPath]);
        assert.match(
          await errorNotice(page),
          /^This Hashiya backup is damaged \(first\.items: .+\)\. Nothing was imported\.$/,
        );
        assert.equal(
          await page.evaluate(() => document.querySelector('[data-import="preview"]'), null),
          null,
          'no preview for a refused file',
        );
        assert.equal(await storedRecords(page), before, 'the store is exactly as before');
        assert.equal(await noteCount(page), 4);
        assert.deepEqual(page.errors, [], 'no errors in the library page');
      } finally {
        await fresh.close();
        await rm(dir, { recursive: true, force: true });
      }
    },
  },
  {
    name: 'library: notes imported from a Hypothesis export are painted on their page when it is opened',
    timeoutMs: 60_000,
    async run(ctx) {
      const fresh = await ctx.freshBrowser();
      try {
        const url = new URL('notes-article.html', ctx.baseUrl).href;
        const quotes = ['إيدي راما في كلمة مصورة إن الهجوم', 'حلف شمال الأطلسي والاتحاد الأوروبي'];
        const hypothesis = {
          total: 2,
          rows: quotes.map((exact, i) => ({
            id: `Hy${i}pothesisRow0000000${i}`,
            created: '2024-02-03T04:05:06.123456+00:00',
            updated: '2024-02-03T04:05:06.123456+00:00',
            uri: url,
            text: `imported ${i}`,
            tags: [],
            // The positions are another tool's: wrong here, so the quotes are searched for.
            target: [
              {
                source: url,
                selector: [
                  { type: 'TextPositionSelector', start: 5 + i, end: 5 + i + exact.length },
                  { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
                ],
              },
            ],
            document: { title: ['ألبانيا تقطع علاقاتها مع إيران'] },
          })),
        };
        const library = await openLibrary(fresh);
        await dropFile(library, 'hypothesis.json', JSON.stringify(hypothesis));
        assert.deepEqual(await previewCounts(library), { new: 2, updated: 0, unchanged: 0, invalid: 0 });
        await library.click('[data-action="confirm-import"]');
        await waitForNotes(library, 2);
        assert.deepEqual(library.errors, [], 'no errors in the library page');

        const page = await fresh.newPage(url);
        await waitForPaint(page, 'notes-article.html');
        await page.waitFor(
          (n) => {
            let ranges = 0;
            for (const [name, highlight] of CSS.highlights)
              if (name.startsWith('hashiya-note-')) ranges += highlight.size;
            return ranges === n;
          },
          quotes.length,
          TIMEOUT_MS,
        );
        const painted = await page.evaluate(() => {
          const out: string[] = [];
          for (const [name, highlight] of CSS.highlights) {
            if (!name.startsWith('hashiya-note-')) continue;
            for (const r of highlight) {
              const range = document.createRange();
              range.setStart(r.startContainer, r.startOffset);
              range.setEnd(r.endContainer, r.endOffset);
              out.push(range.toString());
            }
          }
          return out.sort();
        }, null);
        assert.deepEqual(painted, [...quotes].sort(), 'each imported note painted over its passage');
        assert.deepEqual(page.errors, [], 'no errors on the page');
      } finally {
        await fresh.close();
      }
    },
  },
];
