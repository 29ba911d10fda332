// Wakes the background as soon as a page's DOM is parsed, when it looks like an article: Chrome
// stops an idle background after 30 seconds, and starting it and reading the dictionary take tens
// of milliseconds that would otherwise come after the article is extracted. The content script
// itself runs once the page is loaded (Firefox) or idle (Chrome): on a news page its images and
// ads load meanwhile.
import isProbablyReaderable from '@mozilla/readability/Readability-readerable.js';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { wakeBackground } from '@/lib/messaging/wake';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_end',
  main() {
    if (isProbablyReaderable(document)) wakeBackground();
  },
});
