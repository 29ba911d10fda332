import { render } from 'preact';
import { EntityPanel } from '@/components/EntityPanel';
import { applyUiLanguage } from '@/lib/i18n';
import { targetTabId } from '@/lib/tab-summary';
import '@/components/ui.css';
import './popup.css';

applyUiLanguage();
const app = document.getElementById('app');
if (app) void targetTabId().then((tabId) => render(<EntityPanel tabId={tabId} />, app));
