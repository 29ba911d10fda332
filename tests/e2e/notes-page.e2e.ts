// End-to-end tests of the reader's notes on the page, in each browser: a note the background saves
// is re-anchored and painted under hashiya-note-<colour> (live, when the background says the
// article's notes changed, and again after a reload); an edit and a delete (with undo) show at once;
// an edited version of the article finds the passage again, a version without it paints nothing;
// and the page's own scripts find no note text anywhere they can look.
//
// Functions passed to evaluate / waitFor run in a page: they must not use anything from this module,
// nor declare named inner functions (see helpers.ts).

import assert from 'node:assert/strict';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestPage } from './browsers.ts';
import type { E2eContext, E2eTest } from './harness.ts';
import { NOTE_QUOTE, PAINT_TIMEOUT_MS, saveNoteRequest, waitForPaint } from './helpers.ts';

interface RuntimeApi {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
}
type Reply = { ok: true; value: { id: string } } | { ok: false; error: string };

const PAGE = 'notes-article.html';
const NOTE_TEXT = 'سر لا يقرؤه الموقع 7f3a';
const TAG = 'وسم-خاص-9c1e';

/** Sends one notes message to the background from an extension page. */
async function ask(ctx: E2eContext, message: { type: string; data?: unknown }): Promise<Reply> {
  const page = await ctx.browser.openExtensionPage('popup.html');
  try {
    return (await page.evaluate(async (m) => {
      const scope = globalThis as { browser?: RuntimeApi; chrome?: RuntimeApi };
      const api = (scope.browser ?? scope.chrome) as RuntimeApi;
      return api.runtime.sendMessage(m);
    }, message)) as Reply;
  } finally {
    await page.close();
  }
}

/** Runs in the page: the texts of the ranges in every hashiya-note-* highlight, by name. */
function noteHighlights(): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [name, highlight] of CSS.highlights) {
    if (!name.startsWith('hashiya-note-')) continue;
    out[name] = [...highlight].map((r) => {
      const range = document.createRange();
      range.setStart(r.startContainer, r.startOffset);
      range.setEnd(r.endContainer, r.endOffset);
      return range.toString();
    });
  }
  return out;
}

async function waitForNotes(page: TestPage, wanted: string, what: string): Promise<Record<string, string[]>> {
  try {
    await page.waitFor(
      (expected) => {
        const seen: string[] = [];
        for (const [name, highlight] of CSS.highlights) {
          if (!name.startsWith('hashiya-note-')) continue;
          for (const r of highlight) {
            const range = document.createRange();
            range.setStart(r.startContainer, r.startOffset);
            range.setEnd(r.endContainer, r.endOffset);
            seen.push(`${name}:${range.toString()}`);
          }
        }
        return expected === '' ? seen.length === 0 : seen.join('|') === expected;
      },
      wanted,
      PAINT_TIMEOUT_MS,
    );
  } catch {
    const seen = await page.evaluate(noteHighlights, null);
    throw new Error(
      `${what}: wanted ${wanted || 'no note highlight'}, CSS.highlights has ${JSON.stringify(seen)}`,
    );
  }
  return page.evaluate(noteHighlights, null);
}

let noteId = '';

export const notesPageTests: readonly E2eTest[] = [
  {
    name: 'notes on the page: a saved note is painted at once under hashiya-note-yellow, and again after a reload',
    async run(ctx) {
      const page = await ctx.fixturePage(PAGE);
      await waitForPaint(page, PAGE);
      const articleId = new URL(PAGE, ctx.baseUrl).href;
      const saved = await ask(ctx, saveNoteRequest(articleId, NOTE_TEXT, [TAG]));
      assert.ok(saved.ok, `saved: ${JSON.stringify(saved)}`);
      noteId = saved.value.id;
      // Across the link around the name: one range from inside <a> to the next text node.
      await waitForNotes(page, `hashiya-note-yellow:${NOTE_QUOTE}`, 'after the save (notes-changed)');
      const priorities = await page.evaluate(
        () => ({
          note: CSS.highlights.get('hashiya-note-yellow')?.priority ?? -1,
          entity: Math.max(
            ...[...CSS.highlights]
              .filter(([name]) => name.startsWith('hashiya-') && !name.startsWith('hashiya-note-'))
              .map(([, h]) => h.priority),
          ),
        }),
        null,
      );
      assert.ok(priorities.note > priorities.entity, `note above entities: ${JSON.stringify(priorities)}`);
      // For a person to look at: the note's tint over the name keeps the name's underline.
      const rect = await page.evaluate(() => {
        const p = [...document.querySelectorAll('article p')].find((el) => el.textContent?.includes('إيدي'));
        p?.scrollIntoView({ block: 'center' });
        const r = p?.getBoundingClientRect();
        return r ? { x: Math.max(0, r.x), y: Math.max(0, r.y), width: r.width, height: r.height } : null;
      }, null);
      if (rect) {
        const shot = join(tmpdir(), `hashiya-note-${ctx.browser.name}.png`);
        await page.screenshotClip(rect, shot);
        ctx.log(`screenshot: ${shot}`);
      }
      await page.goto(new URL(PAGE, ctx.baseUrl).href);
      await waitForNotes(page, `hashiya-note-yellow:${NOTE_QUOTE}`, 'after a reload');
    },
  },
  {
    name: 'notes on the page: an edit repaints in the new colour; a delete takes it off, undo puts it back',
    async run(ctx) {
      assert.ok(noteId, 'the note from the test before');
      const page = await ctx.fixturePage(PAGE);
      const edited = await ask(ctx, {
        type: 'update-note',
        data: { id: noteId, changes: { colour: 'green' } },
      });
      assert.ok(edited.ok, JSON.stringify(edited));
      await waitForNotes(page, `hashiya-note-green:${NOTE_QUOTE}`, 'after the edit');
      const deleted = await ask(ctx, { type: 'delete-note', data: { id: noteId } });
      assert.ok(deleted.ok, JSON.stringify(deleted));
      await waitForNotes(page, '', 'after the delete');
      const undone = await ask(ctx, { type: 'undo-delete-note', data: { id: noteId } });
      assert.ok(undone.ok, JSON.stringify(undone));
      await waitForNotes(page, `hashiya-note-green:${NOTE_QUOTE}`, 'after undo');
    },
  },
  {
    name: 'notes on the page: after the page clears CSS.highlights, notes come back at the next hover',
    async run(ctx) {
      assert.ok(noteId, 'the note from the tests before');
      const page = await ctx.fixturePage(PAGE);
      await waitForNotes(page, `hashiya-note-green:${NOTE_QUOTE}`, 'before the page clears');
      // Past the painters' restore interval, so the scroll is answered at once.
      await new Promise((resolve) => setTimeout(resolve, 1_100));
      const left = await page.evaluate(() => {
        CSS.highlights.clear();
        return CSS.highlights.size;
      }, null);
      assert.equal(left, 0, 'fixture check: CSS.highlights was not cleared');
      // The page is too short to scroll: a pointer move over it is the reader's next gesture.
      await page.bringToFront();
      await page.mouseMove(5, 5);
      await page.mouseMove(30, 60);
      await waitForNotes(page, `hashiya-note-green:${NOTE_QUOTE}`, 'after the clear and a hover');
    },
  },
  {
    name: 'notes on the page: the page’s own scripts find no note text or tag in the DOM, attributes or open shadow roots',
    async run(ctx) {
      const page = await ctx.fixturePage(PAGE);
      await waitForNotes(page, `hashiya-note-green:${NOTE_QUOTE}`, 'before looking');
      const found = await page.evaluate(
        ({ secrets }) => {
          const places: string[] = [];
          const roots: (Document | ShadowRoot)[] = [document];
          for (let i = 0; i < roots.length; i++) {
            const root = roots[i] as Document | ShadowRoot;
            for (const el of root.querySelectorAll('*')) {
              if (el.shadowRoot) roots.push(el.shadowRoot);
              for (const attr of el.attributes)
                if (secrets.some((s) => attr.value.includes(s))) places.push(`${el.tagName}[${attr.name}]`);
            }
            const text = root instanceof Document ? root.documentElement.outerHTML : root.innerHTML;
            if (secrets.some((s) => text.includes(s)))
              places.push(`markup of ${root instanceof Document ? 'document' : 'a shadow root'}`);
          }
          return places;
        },
        { secrets: [NOTE_TEXT, TAG] },
      );
      assert.deepEqual(found, [], 'no note text or tag readable by the page');
    },
  },
  {
    name: 'notes on the page: an edited version of the article finds the passage again; a version without it paints nothing',
    async run(ctx) {
      assert.ok(noteId, 'the note from the tests before');
      const page = await ctx.fixturePage(PAGE);
      await page.goto(new URL('notes-article-edited.html', ctx.baseUrl).href);
      await waitForNotes(
        page,
        'hashiya-note-green:إيدي راما في كلمة متلفزة إن الهجوم',
        'on the edited version (paragraph inserted before, a word changed inside)',
      );
      await page.goto(new URL('notes-article-cut.html', ctx.baseUrl).href);
      await waitForPaint(page, 'notes-article-cut.html');
      // Entities are painted, so the notes were listed by now too; give a late answer a moment.
      await new Promise((resolve) => setTimeout(resolve, 500));
      await waitForNotes(page, '', 'on the version without the passage (an orphan, not painted)');
      const listed = (await ask(ctx, {
        type: 'list-notes',
        data: { articleId: new URL(PAGE, ctx.baseUrl).href },
      })) as unknown as { ok: boolean; value: { id: string }[] };
      assert.ok(
        listed.value.some((n) => n.id === noteId),
        'the orphan is kept by the background',
      );
    },
  },
];
