import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { EntityPanel } from '@/components/EntityPanel';
import { targetTabId } from '@/lib/messaging/tab-requests';
import { applyUiLanguage } from '@/lib/ui/i18n';
import '@/components/ui.css';

/**
 * The side panel follows the active tab: tab switches and finished page loads re-read it. It is the
 * accessible path to what the highlights show (the Highlight API paints nothing assistive technology
 * reads), so it lists everything; the reader's notes get a view beside the entity list here.
 */
function SidePanel() {
  const [tab, setTab] = useState<{ id: number | undefined; generation: number }>({
    id: undefined,
    generation: 0,
  });
  useEffect(() => {
    const refresh = () =>
      void targetTabId().then((id) => setTab((old) => ({ id, generation: old.generation + 1 })));
    const onUpdated = (_id: number, change: { status?: string }) => {
      if (change.status === 'complete') refresh();
    };
    refresh();
    browser.tabs.onActivated.addListener(refresh);
    browser.tabs.onUpdated.addListener(onUpdated);
    return () => {
      browser.tabs.onActivated.removeListener(refresh);
      browser.tabs.onUpdated.removeListener(onUpdated);
    };
  }, []);
  return <EntityPanel key={`${tab.id}:${tab.generation}`} tabId={tab.id} place="sidepanel" />;
}

applyUiLanguage();
const app = document.getElementById('app');
if (app) render(<SidePanel />, app);
