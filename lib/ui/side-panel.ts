// Opening the side panel from the popup: Chrome's sidePanel.open() and Firefox's sidebarAction.open()
// both need a user gesture, so this is called straight from a click handler, with nothing awaited first.
import { browser } from 'wxt/browser';

interface SidePanelApis {
  sidePanel?: { open(options: { tabId: number }): Promise<void> };
  sidebarAction?: { open(): Promise<void> };
}

/** True where this browser can open the side panel from an extension page. */
export function canOpenSidePanel(): boolean {
  const apis = browser as unknown as SidePanelApis;
  return typeof apis.sidebarAction?.open === 'function' || typeof apis.sidePanel?.open === 'function';
}

export function openSidePanel(tabId: number | undefined): Promise<void> {
  const apis = browser as unknown as SidePanelApis;
  if (apis.sidebarAction) return apis.sidebarAction.open();
  if (apis.sidePanel && tabId !== undefined) return apis.sidePanel.open({ tabId });
  return Promise.resolve();
}
