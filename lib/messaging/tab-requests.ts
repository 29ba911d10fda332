// Extension pages ask a tab's content script what it found.
import { browser } from 'wxt/browser';
import { sendToTab } from './messenger';
import { contentProtocol, type PageReport, type StepResult } from './protocol';

/** The tab named by `?tab=ID` in the page's URL (tests, side panel links), else the active tab. */
export async function targetTabId(search: string = location.search): Promise<number | undefined> {
  const fromQuery = Number.parseInt(new URLSearchParams(search).get('tab') ?? '', 10);
  if (Number.isInteger(fromQuery)) return fromQuery;
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  return active?.id;
}

/** The content script's report, or null when no content script answers in that tab. */
export async function requestPageReport(
  tabId: number,
  type: 'get-page-report' | 'analyse' | 'toggle-site',
): Promise<PageReport | null> {
  const reply = await sendToTab(contentProtocol, tabId, type);
  return reply.ok ? reply.value : null;
}

/** Jumps to the next/previous mention in that tab; null when there is none (or no content script). */
export async function requestStep(
  tabId: number,
  request: { direction: 1 | -1; entityId?: string },
): Promise<StepResult | null> {
  const reply = await sendToTab(contentProtocol, tabId, 'step', request);
  return reply.ok ? reply.value : null;
}
