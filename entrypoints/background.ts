// The background keeps the toolbar badge in step with each tab's entity count and turns keyboard
// commands into requests to the active tab's content script.
// (It will also own IndexedDB: content scripts never open it, DESIGN.md §2.)
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { type ContentRequest, isPageSummaryNotice } from '@/lib/messaging/protocol';
import { badgeText } from '@/lib/ui/badge';

const COMMANDS: Record<string, ContentRequest> = {
  'toggle-highlighting': { type: 'toggle-site' },
  'next-mention': { type: 'step', direction: 1 },
  'previous-mention': { type: 'step', direction: -1 },
};

export default defineBackground(() => {
  // Firefox's MV2 build names the toolbar button browserAction.
  const action = browser.action ?? browser.browserAction;
  browser.runtime.onMessage.addListener((message, sender) => {
    const tabId = sender.tab?.id;
    if (!isPageSummaryNotice(message) || tabId === undefined) return;
    void action.setBadgeText({ tabId, text: badgeText(message.count) });
    void action.setBadgeBackgroundColor({ tabId, color: '#3d4f5c' });
  });

  browser.commands.onCommand.addListener(async (command) => {
    const request = COMMANDS[command];
    if (!request) return;
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    // Pages without our content script (browser pages) simply don't answer.
    if (tab?.id !== undefined) await browser.tabs.sendMessage(tab.id, request).catch(() => undefined);
  });
});
