// The background keeps the toolbar badge in step with each tab's entity count, turns keyboard
// commands into requests to the active tab's content script, and owns the notes database
// (content scripts never open IndexedDB: DESIGN.md §2).
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { loadShippedEntries, loadShippedTables } from '@/lib/entities/dictionary';
import { matchingApart } from '@/lib/entities/matcher-apart';
import { BACKGROUND_CHANNEL, serveChannel } from '@/lib/messaging/channel';
import {
  broadcast,
  type Handlers,
  replyValue,
  sendToBackground,
  sendToTab,
  serve,
} from '@/lib/messaging/messenger';
import {
  backgroundProtocol,
  contentProtocol,
  offscreenProtocol,
  readerDictionaryNotices,
  selectionProtocol,
  viewProtocol,
} from '@/lib/messaging/protocol';
import { offscreenReader, readArticleHtml } from '@/lib/page/extract-elsewhere';
import { notesHandlers, reopening } from '@/lib/store/notes-service';
import { openNotesStore } from '@/lib/store/notes-store';
import { readerDictionaryHandlers } from '@/lib/store/reader-dictionary-service';
import { badgeText } from '@/lib/ui/badge';
import { t } from '@/lib/ui/i18n';
import { SELECTION_MENU } from '@/lib/ui/selection-menu';

const COMMANDS: Record<string, (tabId: number) => Promise<unknown>> = {
  'toggle-highlighting': (tabId) => sendToTab(contentProtocol, tabId, 'toggle-site'),
  'next-mention': (tabId) => sendToTab(contentProtocol, tabId, 'step', { direction: 1 }),
  'previous-mention': (tabId) => sendToTab(contentProtocol, tabId, 'step', { direction: -1 }),
  'show-card': (tabId) => sendToTab(contentProtocol, tabId, 'show-card'),
  // Also the context menu's items (SELECTION_MENU): one path for the keys and the menu.
  'highlight-selection': (tabId) =>
    sendToTab(selectionProtocol, tabId, 'selection-note', { action: 'highlight' }),
  'note-selection': (tabId) => sendToTab(selectionProtocol, tabId, 'selection-note', { action: 'note' }),
};

/** Firefox's background is a page with a DOM; Chrome's service worker asks an offscreen document. */
function articleReader() {
  if (import.meta.env.FIREFOX) return async (html: string) => readArticleHtml(html);
  return offscreenReader(browser.offscreen, browser.runtime.getURL('/offscreen.html'), async (html) =>
    replyValue(await sendToBackground(offscreenProtocol, 'read-article-html', { html })),
  );
}

export default defineBackground(() => {
  const readArticle = articleReader();
  // Firefox's MV2 build names the toolbar button browserAction.
  const action = browser.action ?? browser.browserAction;
  // The background lives as long as the extension: nothing ever tears this down.
  const forever = new AbortController().signal;
  const store = reopening(() => openNotesStore());
  const matching = matchingApart(loadShippedTables, loadShippedEntries);
  const handlers: Handlers<typeof backgroundProtocol> = {
    'entity-count': ({ count }, sender) => {
      const tabId = sender.tab?.id;
      if (tabId === undefined) return;
      void action.setBadgeText({ tabId, text: badgeText(count) });
      void action.setBadgeBackgroundColor({ tabId, color: '#3d4f5c' });
    },
    wake: () => {
      store().catch(() => {}); // a failure to open is met by the request that needs the store
      return matching.warm();
    },
    'match-article': ({ text }) => matching.match(text),
    'describe-entities': ({ ids }) => matching.describe(ids),
    'extract-article': ({ html }) => readArticle(html),
    // Every open view hears of a change once it has committed.
    ...notesHandlers(
      store,
      ({ articleId }) => void broadcast(viewProtocol, 'notes-changed', { articleIds: [articleId] }),
    ),
    ...readerDictionaryHandlers(
      store,
      () => void broadcast(readerDictionaryNotices, 'reader-dictionary-changed'),
    ),
  };
  serve(backgroundProtocol, handlers, forever);
  // The page's analysis asks over a port (lib/messaging/channel.ts); the same handlers answer.
  serveChannel(backgroundProtocol, handlers, BACKGROUND_CHANNEL, forever);

  // Menus are kept by Chrome across service-worker restarts and by Firefox only while the
  // background lives: remove and create them at every start, the same in both.
  void browser.contextMenus.removeAll().then(() => {
    for (const item of SELECTION_MENU)
      browser.contextMenus.create({ id: item.command, title: t(item.title), contexts: ['selection'] });
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (tab?.id !== undefined) void COMMANDS[String(info.menuItemId)]?.(tab.id);
  });

  browser.commands.onCommand.addListener(async (command) => {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    // Pages without our content script (browser pages) simply don't answer: the reply is an error.
    if (tab?.id !== undefined) await COMMANDS[command]?.(tab.id);
  });
});
