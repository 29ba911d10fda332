// Wires the page pipeline (lib/analyse-page) to the browser: gate, paint, answer the popup.
import { isProbablyReaderable } from '@mozilla/readability';
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { analysePage } from '@/lib/analyse-page';
import { shippedMatcher } from '@/lib/dictionary';
import { isContentRequest, type PageSummary } from '@/lib/messages';
import { createPainter } from '@/lib/paint';
import './highlights.css';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  main(ctx) {
    const painter = createPainter();
    let summary: PageSummary = { status: 'working', url: location.href, title: document.title, entities: [] };

    const analyse = (): void => {
      try {
        const analysis = analysePage(document, shippedMatcher());
        if (!analysis) {
          painter.clear();
          summary = { ...summary, status: 'no-article', entities: [] };
          return;
        }
        painter.paint(analysis.rangesByType);
        summary = {
          status: 'ready',
          url: location.href,
          title: analysis.article.title,
          entities: analysis.entities,
        };
      } catch (error) {
        // Never let a failure escape into the page; say what happened in the popup instead.
        painter.clear();
        summary = { ...summary, status: 'error', entities: [], error: String(error) };
      }
      void browser.runtime
        .sendMessage({ type: 'page-summary', count: summary.entities.length })
        .catch(() => undefined);
    };

    const onMessage = (message: unknown, _sender: unknown, sendResponse: (answer: PageSummary) => void) => {
      if (!isContentRequest(message)) return false;
      if (message.type === 'analyse') analyse();
      sendResponse(summary);
      return false;
    };
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => {
      browser.runtime.onMessage.removeListener(onMessage);
      painter.clear();
    });

    if (isProbablyReaderable(document)) analyse();
    else summary = { ...summary, status: 'not-article' };
  },
});
