import { render } from 'preact';
import { EntityPanel } from '@/components/EntityPanel';
import { targetTabId } from '@/lib/messaging/tab-requests';
import { applyUiLanguage } from '@/lib/ui/i18n';
import '@/components/ui.css';
import './popup.css';

applyUiLanguage();
const app = document.getElementById('app');
if (app) void targetTabId().then((tabId) => render(<EntityPanel tabId={tabId} place="popup" />, app));
