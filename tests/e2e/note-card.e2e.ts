// End-to-end tests of the note card, in each browser: hovering a painted note shows the reader's
// note and tags in a CLOSED shadow root (read here through the browser's automation protocol, as
// DevTools does: ui-tree.ts), Edit saves through the background (the store and a reload show it),
// Delete takes the highlight off at once and Undo brings it back, a delete persists after a reload,
// the per-site switch hides everything of the notes, and a hostile page script that tried from its
// first moment finds nothing of the note's text or tags.
//
// Functions passed to evaluate / waitFor run in a page: they must not use anything from this module,
// nor declare named inner functions (see helpers.ts).

import assert from 'node:assert/strict';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXTRAS_FILE } from '../../components/extras/file.ts';
import type { TestBrowser, TestPage } from './browsers.ts';
import type { E2eContext, E2eTest } from './harness.ts';
import {
  errorsBesidesMissingFiles,
  NOTE_QUOTE,
  PAINT_TIMEOUT_MS,
  POPUP_TIMEOUT_MS,
  saveNoteRequest,
  sleep,
  tabIdOf,
  waitForPaint,
  withCopyOfBuild,
} from './helpers.ts';
import { queryUi, type UiNode, uiText } from './ui-tree.ts';

interface RuntimeApi {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
}
type Reply<T> = { ok: true; value: T } | { ok: false; error: string };
interface StoredNote {
  id: string;
  note: string;
  tags: string[];
  colour: string;
}

const PAGE = 'note-card.html';
const NOTE_TEXT = 'ملاحظة سرية لا يقرؤها الموقع 51b2';
const TAG = 'وسم-سري-7d0c';
const EDITED_TEXT = 'Edited in place 9e4f';
const NEW_TAG = 'added-tag-3a8b';
const CARD_TIMEOUT_MS = 8_000;

/** Sends one message to the background from an extension page (of `browser`: the one under test). */
async function ask<T>(
  ctx: E2eContext,
  message: { type: string; data?: unknown },
  browser: TestBrowser = ctx.browser,
): Promise<Reply<T>> {
  const page = await browser.openExtensionPage('popup.html');
  try {
    return (await page.evaluate(async (m) => {
      const scope = globalThis as { browser?: RuntimeApi; chrome?: RuntimeApi };
      const api = (scope.browser ?? scope.chrome) as RuntimeApi;
      return api.runtime.sendMessage(m);
    }, message)) as Reply<T>;
  } finally {
    await page.close();
  }
}

const articleId = (ctx: E2eContext) => new URL(PAGE, ctx.baseUrl).href;

async function listNotes(ctx: E2eContext): Promise<StoredNote[]> {
  const reply = await ask<StoredNote[]>(ctx, { type: 'list-notes', data: { articleId: articleId(ctx) } });
  assert.ok(reply.ok, JSON.stringify(reply));
  return reply.value;
}

async function saveNote(ctx: E2eContext, browser: TestBrowser = ctx.browser): Promise<string> {
  const id = articleId(ctx);
  const saved = await ask<{ id: string }>(ctx, saveNoteRequest(id, NOTE_TEXT, [TAG]), browser);
  assert.ok(saved.ok, `saved: ${JSON.stringify(saved)}`);
  return saved.value.id;
}

/** Runs in the page: the `hashiya-note-*` highlights, as `name:text` joined by |. */
function noteHighlightKeys(): string {
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
  return seen.join('|');
}

async function waitForNoteHighlight(page: TestPage, wanted: string, what: string): Promise<void> {
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
        return seen.join('|') === expected;
      },
      wanted,
      PAINT_TIMEOUT_MS,
    );
  } catch {
    throw new Error(`${what}: wanted "${wanted}", painted "${await page.evaluate(noteHighlightKeys, null)}"`);
  }
}

/** Runs in the page: the middle of the first line box of the first note highlight, scrolled into view. */
function noteCentre(): { x: number; y: number } | null {
  for (const [name, highlight] of CSS.highlights) {
    if (!name.startsWith('hashiya-note-')) continue;
    for (const r of highlight) {
      const range = document.createRange();
      range.setStart(r.startContainer, r.startOffset);
      range.setEnd(r.endContainer, r.endOffset);
      range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
      const rect = range.getClientRects()[0];
      return rect ? { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 } : null;
    }
  }
  return null;
}

/** The note card's shadow-root host once the card shows `want` (in `state`: view, edit, deleted). */
async function noteCard(page: TestPage, want: string, what: string, state?: string): Promise<UiNode> {
  const deadline = Date.now() + CARD_TIMEOUT_MS;
  let last = '';
  for (;;) {
    for (const host of await page.uiHosts()) {
      const card = queryUi(host, 'div[role="dialog"]').find((n) => 'data-state' in n.attrs);
      if (!card) continue;
      last = `${card.attrs['data-state']}: ${uiText(card)}`;
      if (uiText(card).includes(want) && (!state || card.attrs['data-state'] === state)) return host;
    }
    if (Date.now() > deadline) throw new Error(`${what}: no note card showing "${want}" (last: "${last}")`);
    await sleep(100);
  }
}

async function noNoteCard(page: TestPage, what: string): Promise<void> {
  const deadline = Date.now() + CARD_TIMEOUT_MS;
  for (;;) {
    const hosts = await page.uiHosts();
    if (!hosts.some((host) => queryUi(host, 'div[role="dialog"]').some((n) => 'data-state' in n.attrs)))
      return;
    if (Date.now() > deadline) throw new Error(`${what}: the note card is still showing`);
    await sleep(100);
  }
}

function one(host: UiNode, selector: string): UiNode {
  const found = queryUi(host, selector)[0];
  if (!found)
    throw new Error(
      `no ${selector} in the note card: ${queryUi(host, '')
        .map((n) => `${n.tag}${JSON.stringify({ ...n.attrs, style: undefined })}`)
        .join(' ')}`,
    );
  return found;
}

/** Hovers the note and waits for its card. */
async function hoverNote(page: TestPage, want: string, what: string): Promise<UiNode> {
  const centre = await page.evaluate(noteCentre, null);
  assert.ok(centre, `${what}: a painted note to hover`);
  await page.mouseMove(centre.x - 6, centre.y);
  await page.mouseMove(centre.x, centre.y);
  return noteCard(page, want, what);
}

async function moveAway(page: TestPage): Promise<void> {
  await page.mouseMove(5, 5);
}

/**
 * For a failure: each in-page UI host and what it shows (the note card, an entity card, the
 * toolbar), what the page finds at `point` (where a click just went: a host's index, or the page's
 * element), the focus, the scroll and the painted notes.
 */
async function whatThePageHas(page: TestPage, point: { x: number; y: number }): Promise<string> {
  const hosts = (await page.uiHosts()).map((host, i) => {
    const shown = [...queryUi(host, 'div[role="dialog"]'), ...queryUi(host, 'div[role="status"]')];
    const dialogs = shown.map((d) => {
      const marks = Object.keys(d.attrs).filter((a) => a.startsWith('data-'));
      return `${marks.map((a) => `${a}=${d.attrs[a]}`).join(' ')} "${uiText(d).slice(0, 40)}"`;
    });
    return `#${i} ${host.shadow?.mode ?? 'no root'}: ${dialogs.join(', ') || 'empty'}`;
  });
  const seen = await page.evaluate(({ x, y }) => {
    const all = [...document.querySelectorAll('[data-hashiya-ui]')];
    return {
      atPoint: document
        .elementsFromPoint(x, y)
        .slice(0, 3)
        .map((el) => (all.includes(el) ? `host #${all.indexOf(el)}` : el.tagName.toLowerCase())),
      active: document.activeElement?.tagName.toLowerCase() ?? '',
      scrollY: Math.round(scrollY),
      notes: [...CSS.highlights.keys()].filter((k) => k.startsWith('hashiya-note-')),
    };
  }, point);
  return `the page then: hosts ${JSON.stringify(hosts)}; at ${Math.round(point.x)},${Math.round(point.y)}: ${JSON.stringify(seen)}`;
}

let noteId = '';

export const noteCardTests: readonly E2eTest[] = [
  {
    name: 'note card: hovering a note shows its text, tags and the name inside it in a closed shadow root; Escape closes it',
    async run(ctx) {
      const page = await ctx.fixturePage(PAGE);
      await waitForPaint(page, PAGE);
      noteId = await saveNote(ctx);
      await waitForNoteHighlight(page, `hashiya-note-yellow:${NOTE_QUOTE}`, 'after the save');
      const host = await hoverNote(page, NOTE_TEXT, 'hovering the note');
      assert.equal(host.shadow?.mode, 'closed', 'the card that shows the reader’s words is in a closed root');
      const text = uiText(host);
      assert.ok(text.includes(TAG), `the tag on the card: ${text}`);
      // The note lies over إيدي راما: the note card answers, names the entity and leads to its card.
      const entity = queryUi(host, 'button[data-entity]')[0];
      assert.ok(entity, `the entity inside the note is named on the card: ${text}`);
      ctx.log(`card: ${uiText(one(host, 'div[role="dialog"]')).replace(/\s+/g, ' ')}`);
      const shot = join(tmpdir(), `hashiya-note-card-${ctx.browser.name}.png`);
      await page.screenshot(shot);
      ctx.log(`screenshot: ${shot}`);
      // The way to the entity card: the note card closes, the entity card (open root) opens.
      await page.clickUi(entity);
      await page.waitFor(
        () =>
          [...document.querySelectorAll('[data-hashiya-ui]')].some(
            (h) => h.shadowRoot?.querySelector('[data-entity-id]') !== null && h.shadowRoot !== null,
          ),
        null,
        CARD_TIMEOUT_MS,
      );
      await noNoteCard(page, 'after choosing the entity');
      await page.press('Escape');
      await moveAway(page);
      await hoverNote(page, NOTE_TEXT, 'hovering the note again');
      await page.press('Escape');
      await noNoteCard(page, 'after Escape');
    },
  },
  {
    name: 'note card: from the keyboard, the caret inside a note and the show-card command (Alt+Shift+M) open its card with the focus on Edit; Escape gives the focus back',
    async run(ctx) {
      const page = await ctx.fixturePage(PAGE);
      await waitForPaint(page, PAGE);
      if (!(await listNotes(ctx)).some((n) => n.note === NOTE_TEXT)) noteId = await saveNote(ctx);
      await waitForNoteHighlight(page, `hashiya-note-yellow:${NOTE_QUOTE}`, 'before the command');
      // A caret inside the passage, as caret browsing or a keyboard selection leaves it.
      const placedCaret = await page.evaluate((word) => {
        const walker = document.createTreeWalker(document.querySelector('article') ?? document.body, 4);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const at = (node as Text).data.indexOf(word);
          if (at < 0) continue;
          getSelection()?.collapse(node, at + 2);
          return true;
        }
        return false;
      }, 'مصورة');
      assert.ok(placedCaret, 'a caret inside the note');
      // The command, as the background sends it for Alt+Shift+M (drivers cannot press extension shortcuts).
      const tabId = await tabIdOf(ctx.browser, new URL(PAGE, ctx.baseUrl).href);
      const probe = await ctx.browser.openExtensionPage('popup.html');
      try {
        await probe.evaluate((tabId) => {
          const scope = globalThis as {
            browser?: { tabs: { sendMessage(id: number, m: unknown): Promise<unknown> } };
            chrome?: { tabs: { sendMessage(id: number, m: unknown): Promise<unknown> } };
          };
          return (scope.browser ?? scope.chrome)?.tabs.sendMessage(tabId, { type: 'show-card' });
        }, tabId);
      } finally {
        await probe.close();
      }
      await page.bringToFront();
      const host = await noteCard(page, NOTE_TEXT, 'after the show-card command', 'view');
      assert.ok(uiText(host).includes(TAG), 'its tags on the card');
      // The focus is in the card (its host, from the page's side), on Edit: Enter opens the editor.
      assert.equal(
        await page.evaluate(() => document.activeElement?.hasAttribute('data-hashiya-ui') ?? false, null),
        true,
        'the focus moved into the card',
      );
      await page.press('Enter');
      await noteCard(page, '', 'Enter on the focused Edit', 'edit');
      await page.press('Escape');
      await noNoteCard(page, 'after Escape');
      assert.equal(
        await page.evaluate(() => document.activeElement?.hasAttribute('data-hashiya-ui') ?? false, null),
        false,
        'Escape gave the focus back to the page',
      );
    },
  },
  {
    name: 'note card: Edit changes the note, its tags and colour, saved by the background (the store and a reload show it)',
    async run(ctx) {
      assert.ok(noteId, 'the note from the test before');
      const page = await ctx.fixturePage(PAGE);
      await moveAway(page);
      let host = await hoverNote(page, NOTE_TEXT, 'hovering before the edit');
      await page.clickUi(one(host, 'button[data-action="edit"]'));
      host = await noteCard(page, '', 'the edit form', 'edit');
      one(host, 'textarea');
      // The editor has the focus: replace the text from the keyboard.
      await page.press('Control+A');
      await page.type(EDITED_TEXT);
      await page.clickUi(one(host, 'input[id="note-tag"]'));
      await page.type(NEW_TAG);
      await page.press('Enter');
      await page.clickUi(one(host, 'label[data-swatch="blue"]'));
      host = await noteCard(page, NEW_TAG, 'the new tag on the form');
      const shot = join(tmpdir(), `hashiya-note-card-edit-${ctx.browser.name}.png`);
      await page.screenshot(shot);
      ctx.log(`screenshot: ${shot}`);
      await page.clickUi(one(host, 'button[data-action="save"]'));
      host = await noteCard(page, EDITED_TEXT, 'the card after saving', 'view');
      await waitForNoteHighlight(page, `hashiya-note-blue:${NOTE_QUOTE}`, 'the new colour on the page');
      const stored = (await listNotes(ctx)).find((n) => n.id === noteId);
      assert.deepEqual(
        stored && { note: stored.note, tags: stored.tags, colour: stored.colour },
        { note: EDITED_TEXT, tags: [TAG, NEW_TAG], colour: 'blue' },
        'the store holds the edit',
      );
      await page.press('Escape');
      await page.goto(new URL(PAGE, ctx.baseUrl).href);
      await waitForNoteHighlight(page, `hashiya-note-blue:${NOTE_QUOTE}`, 'after a reload');
      host = await hoverNote(page, EDITED_TEXT, 'hovering after a reload');
      assert.ok(uiText(host).includes(NEW_TAG), 'the new tag after a reload');
      await page.press('Escape');
    },
  },
  {
    name: 'note card: Delete takes the highlight off at once and offers Undo, which brings it back; a delete stays after a reload',
    async run(ctx) {
      assert.ok(noteId, 'the note from the tests before');
      const page = await ctx.fixturePage(PAGE);
      await moveAway(page);
      let host = await hoverNote(page, EDITED_TEXT, 'hovering before the delete');
      await page.clickUi(one(host, 'button[data-action="delete"]'));
      await waitForNoteHighlight(page, '', 'just after Delete');
      host = await noteCard(page, '', 'the deleted state', 'deleted');
      await page.clickUi(one(host, 'button[data-action="undo"]'));
      await waitForNoteHighlight(page, `hashiya-note-blue:${NOTE_QUOTE}`, 'after Undo');
      assert.ok(
        (await listNotes(ctx)).some((n) => n.id === noteId),
        'the store has the note back after Undo',
      );
      await page.press('Escape');
      await moveAway(page);
      host = await hoverNote(page, EDITED_TEXT, 'hovering before the second delete');
      await page.clickUi(one(host, 'button[data-action="delete"]'));
      await waitForNoteHighlight(page, '', 'after the second Delete');
      // Saved as deleted only once the background answered: wait for the store to say so.
      const deadline = Date.now() + POPUP_TIMEOUT_MS;
      while ((await listNotes(ctx)).some((n) => n.id === noteId)) {
        if (Date.now() > deadline) throw new Error('the store still lists the deleted note');
        await sleep(100);
      }
      await page.goto(new URL(PAGE, ctx.baseUrl).href);
      await waitForPaint(page, PAGE);
      await sleep(500);
      assert.equal(await page.evaluate(noteHighlightKeys, null), '', 'nothing painted after a reload');
    },
  },
  {
    name: 'note card: with notes off on the site, no note is painted and no card shows; on again, they are back',
    async run(ctx) {
      const page = await ctx.fixturePage(PAGE);
      noteId = await saveNote(ctx);
      await waitForNoteHighlight(page, `hashiya-note-yellow:${NOTE_QUOTE}`, 'a note to hide');
      const tabId = await tabIdOf(ctx.browser, new URL(PAGE, ctx.baseUrl).href);
      const panel = await ctx.browser.openExtensionPage(`sidepanel.html?tab=${tabId}`, { window: true });
      try {
        await panel.waitForSelector('[data-action="settings"]', POPUP_TIMEOUT_MS);
        await panel.click('[data-action="settings"]');
        await panel.waitForSelector('input[data-switch="notes-site"]', POPUP_TIMEOUT_MS);
        await panel.click('input[data-switch="notes-site"]');
        await waitForNoteHighlight(page, '', 'notes switched off for the site');
        const entities = await page.evaluate(
          () =>
            [...CSS.highlights.keys()].filter((n) => n.startsWith('hashiya-') && !n.includes('note')).length,
          null,
        );
        assert.ok(entities > 0, 'the entity highlights stay: notes have their own switch');
        // Where the note was, the pointer finds nothing of it.
        const centre = await page.evaluate(() => {
          const p = [...document.querySelectorAll('article p')].find((el) =>
            el.textContent?.includes('كلمة مصورة'),
          );
          const r = p?.getBoundingClientRect();
          return r ? { x: r.left + r.width / 2, y: r.top + 12 } : null;
        }, null);
        assert.ok(centre);
        await page.mouseMove(centre.x, centre.y);
        await sleep(600);
        await noNoteCard(page, 'hovering with notes off');
        // The options page lists the site among those with notes off.
        const options = await ctx.browser.openExtensionPage('options.html');
        try {
          await options.waitForSelector('[data-section-link="sites"]', POPUP_TIMEOUT_MS);
          await options.click('[data-section-link="sites"]');
          await options.waitForSelector('[data-notes-off-site="127.0.0.1"]', POPUP_TIMEOUT_MS);
        } finally {
          await options.close();
        }
        // The panel went back to its list meanwhile (it follows the tabs): open its settings again.
        await panel.bringToFront();
        await panel.waitFor(
          () => document.querySelector('[data-action="settings"]:not([aria-busy])') !== null,
          null,
          POPUP_TIMEOUT_MS,
        );
        if (
          !(await panel.evaluate(
            () => document.querySelector('input[data-switch="notes-site"]') !== null,
            null,
          ))
        )
          await panel.click('[data-action="settings"]');
        await panel.waitForSelector('input[data-switch="notes-site"]', POPUP_TIMEOUT_MS);
        await panel.click('input[data-switch="notes-site"]');
        await waitForNoteHighlight(page, `hashiya-note-yellow:${NOTE_QUOTE}`, 'notes switched on again');
      } finally {
        await panel.close();
      }
    },
  },
  {
    name: 'note card: a page script that tried everything from its first moment finds nothing of the note’s text or tags',
    async run(ctx) {
      const page = await ctx.fixturePage(PAGE);
      if ((await listNotes(ctx)).length === 0) await saveNote(ctx); // when run by itself (--grep)
      // A fresh load: the page's script is there from the first moment.
      await page.goto(new URL(PAGE, ctx.baseUrl).href);
      await waitForNoteHighlight(page, `hashiya-note-yellow:${NOTE_QUOTE}`, 'before looking');
      await moveAway(page);
      const host = await hoverNote(page, NOTE_TEXT, 'the card open while the page looks');
      // The reader types a tag while the page listens.
      const clicked = await page.clickUi(one(host, 'button[data-action="edit"]'));
      const form = await noteCard(page, '', 'the edit form', 'edit').catch(async (error: unknown) => {
        // Seen once in four CI runs in Chromium, never when run alone: say what the page then had.
        throw new Error(`${(error as Error).message}; ${await whatThePageHas(page, clicked)}`);
      });
      await page.clickUi(one(form, 'input[id="note-tag"]'));
      const typed = 'typedsecret';
      await page.type(typed);
      const found = await page.evaluate(
        ({ secrets }) => {
          // Everything the page can read, labelled; searched for the secrets at the end.
          const looked: [string, string][] = [];
          const saw = (
            window as unknown as {
              __pageSaw: {
                roots: ShadowRoot[];
                mutations: unknown[];
                bubbleKeys: string[];
                bubbleInput: string[];
                captureKeys: string[];
              };
            }
          ).__pageSaw;
          const roots: (Document | ShadowRoot)[] = [document, ...saw.roots];
          for (let i = 0; i < roots.length; i++) {
            const root = roots[i] as Document | ShadowRoot;
            for (const el of root.querySelectorAll('*')) {
              if (el.shadowRoot && !roots.includes(el.shadowRoot)) roots.push(el.shadowRoot);
              for (const attr of el.attributes) looked.push([`${el.tagName}[${attr.name}]`, attr.value]);
            }
            looked.push(
              root instanceof Document
                ? ['markup of the document', root.documentElement.outerHTML]
                : ['markup of a shadow root', root.innerHTML],
            );
          }
          for (const host of document.querySelectorAll('[data-hashiya-ui]')) {
            looked.push(['a host’s text', host.textContent ?? '']);
            looked.push(['an open shadow root', host.shadowRoot?.innerHTML ?? '']);
          }
          looked.push(['the selection', String(document.getSelection())]);
          for (const [name, highlight] of CSS.highlights)
            for (const r of highlight) {
              const range = document.createRange();
              range.setStart(r.startContainer, r.startOffset);
              range.setEnd(r.endContainer, r.endOffset);
              looked.push([`highlight ${name}`, `${name} ${range.toString()}`]);
            }
          for (const m of saw.mutations) looked.push(['a DOM change record', String(m)]);
          looked.push(['key events bubbling to the document', saw.bubbleKeys.join('')]);
          looked.push(['input events bubbling to the document', saw.bubbleInput.join('')]);
          const places: string[] = [];
          for (const [label, text] of looked)
            if (secrets.some((secret) => text.includes(secret)) && !places.includes(label))
              places.push(label);
          return {
            places,
            rootsMade: saw.roots.length,
            closedHosts: [...document.querySelectorAll('[data-hashiya-ui]')].filter(
              (h) => h.shadowRoot === null,
            ).length,
            captureKeys: saw.captureKeys.join(''),
          };
        },
        { secrets: [NOTE_TEXT, TAG, typed] },
      );
      assert.deepEqual(found.places, [], 'nothing of the note readable by the page');
      assert.equal(found.rootsMade, 0, 'the page’s wrapped attachShadow never saw our roots');
      assert.ok(found.closedHosts >= 1, 'the note card host has no shadowRoot the page can read');
      // What the web platform leaves open (DESIGN.md §7): a capture listener on the page's window
      // sees key events on their way down to the card, as on any page where the reader types.
      ctx.log(
        `a capture-phase key listener on window saw: ${found.captureKeys.includes(typed) ? 'the keys typed' : 'nothing typed'}`,
      );
      await page.press('Escape');
    },
  },
  {
    name: 'notes: when the in-page extras file cannot be loaded (the extension changed under the page), a new tab paints its entities without an error and keeps the note, painted again once the file is back',
    async run(ctx) {
      await withCopyOfBuild(ctx, async (changed, copy) => {
        const url = new URL(PAGE, ctx.baseUrl).href;
        const first = await changed.newPage(url);
        await waitForPaint(first, PAGE);
        await saveNote(ctx, changed);
        await waitForNoteHighlight(first, `hashiya-note-yellow:${NOTE_QUOTE}`, 'after the save');
        // The anchoring of notes comes with the chunk: a tab that cannot import it paints no note.
        const chunk = readFileSync(join(copy, EXTRAS_FILE));
        rmSync(join(copy, EXTRAS_FILE));
        const page = await changed.newPage(url);
        await waitForPaint(page, PAGE);
        await sleep(1_000);
        const notes = await page.evaluate(
          () => [...CSS.highlights.keys()].filter((name) => name.startsWith('hashiya-note-')).length,
          null,
        );
        assert.equal(notes, 0, 'a note painted without the anchoring chunk');
        assert.deepEqual(errorsBesidesMissingFiles(page), [], 'no error on the page');
        // Nothing was lost: with the file back, the next visit paints the note where it was.
        writeFileSync(join(copy, EXTRAS_FILE), chunk);
        await page.goto(url);
        await waitForPaint(page, PAGE);
        await waitForNoteHighlight(page, `hashiya-note-yellow:${NOTE_QUOTE}`, 'after the file came back');
      });
    },
  },
];
