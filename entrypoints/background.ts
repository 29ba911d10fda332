// The background keeps the toolbar badge in step with each tab's entity count.
// (It will also own IndexedDB: content scripts never open it, DESIGN.md §2.)
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { badgeText, isPageSummaryNotice } from '@/lib/badge';

export default defineBackground(() => {
  // Firefox's MV2 build names the toolbar button browserAction.
  const action = browser.action ?? browser.browserAction;
  browser.runtime.onMessage.addListener((message, sender) => {
    const tabId = sender.tab?.id;
    if (!isPageSummaryNotice(message) || tabId === undefined) return;
    void action.setBadgeText({ tabId, text: badgeText(message.count) });
    void action.setBadgeBackgroundColor({ tabId, color: '#3d4f5c' });
  });
});
