// Extension pages ask a tab's content script what it found.
import { browser } from 'wxt/browser';
import type { ContentRequest, PageSummary } from './messages';

/** The tab named by `?tab=ID` in the page's URL (tests, side panel links), else the active tab. */
export async function targetTabId(search: string = location.search): Promise<number | undefined> {
  const fromQuery = Number.parseInt(new URLSearchParams(search).get('tab') ?? '', 10);
  if (Number.isInteger(fromQuery)) return fromQuery;
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  return active?.id;
}

/** The content script's answer, or null when no content script runs in that tab. */
export async function requestSummary(tabId: number, request: ContentRequest): Promise<PageSummary | null> {
  try {
    const answer: unknown = await browser.tabs.sendMessage(tabId, request);
    return isPageSummary(answer) ? answer : null;
  } catch {
    return null;
  }
}

function isPageSummary(value: unknown): value is PageSummary {
  if (typeof value !== 'object' || value === null) return false;
  const summary = value as Partial<PageSummary>;
  return typeof summary.status === 'string' && Array.isArray(summary.entities);
}
