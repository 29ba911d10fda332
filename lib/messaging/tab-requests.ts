// Extension pages ask a tab's content script what it found.
import { browser } from 'wxt/browser';
import type { ContentRequest, PageSummary, StepResult } from './protocol';

/** The tab named by `?tab=ID` in the page's URL (tests, side panel links), else the active tab. */
export async function targetTabId(search: string = location.search): Promise<number | undefined> {
  const fromQuery = Number.parseInt(new URLSearchParams(search).get('tab') ?? '', 10);
  if (Number.isInteger(fromQuery)) return fromQuery;
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  return active?.id;
}

async function ask(tabId: number, request: ContentRequest): Promise<unknown> {
  try {
    return await browser.tabs.sendMessage(tabId, request);
  } catch {
    return null; // no content script in that tab (browser pages, or opened before install)
  }
}

/** The content script's answer, or null when no content script runs in that tab. */
export async function requestSummary(
  tabId: number,
  request: Extract<ContentRequest, { type: 'get-summary' | 'analyse' | 'toggle-site' }>,
): Promise<PageSummary | null> {
  const answer = await ask(tabId, request);
  return isPageSummary(answer) ? answer : null;
}

export async function requestStep(
  tabId: number,
  request: Extract<ContentRequest, { type: 'step' }>,
): Promise<StepResult | null> {
  const answer = await ask(tabId, request);
  return isStepResult(answer) ? answer : null;
}

function isPageSummary(value: unknown): value is PageSummary {
  if (typeof value !== 'object' || value === null) return false;
  const summary = value as Partial<PageSummary>;
  return typeof summary.status === 'string' && Array.isArray(summary.entities);
}

function isStepResult(value: unknown): value is StepResult {
  if (typeof value !== 'object' || value === null) return false;
  const step = value as Partial<StepResult>;
  return (
    typeof step.entityId === 'string' && typeof step.position === 'number' && typeof step.total === 'number'
  );
}
