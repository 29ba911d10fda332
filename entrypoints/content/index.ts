// Wires the page session (lib/page-session) to the browser: the gate, settings, messages, hover card,
// re-analysis on change and single-page-app navigation.
import { isProbablyReaderable } from '@mozilla/readability';
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { createCardLayer } from '@/components/card-layer';
import { shippedMatcher } from '@/lib/entities/dictionary';
import { type ContentRequest, isContentRequest, type PageSummaryNotice } from '@/lib/messaging/protocol';
import { watchChanges } from '@/lib/page/change-watcher';
import { mentionAtPoint } from '@/lib/page/hit-test';
import { trackHover } from '@/lib/page/hover';
import type { PlacedMention } from '@/lib/page/mention-index';
import { PageSession } from '@/lib/page/page-session';
import { createPainter } from '@/lib/page/paint';
import { HOST_TAG } from '@/lib/page/shadow-host';
import {
  DEFAULT_SETTINGS,
  loadSettings,
  saveSettings,
  toggledForSite,
  watchSettings,
  withEntity,
} from '@/lib/settings/settings';
import './highlights.css';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  async main(ctx) {
    const startedAt = performance.now();
    const matcher = shippedMatcher();
    const painter = createPainter();
    const reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    const session = new PageSession({
      doc: document,
      matcher,
      painter,
      // The stored settings arrive below; until then the session only answers "working".
      settings: DEFAULT_SETTINGS,
      reveal: (mention) =>
        mention.range.startContainer.parentElement?.scrollIntoView({
          block: 'center',
          behavior: reducedMotion ? 'auto' : 'smooth',
        }),
    });
    // Work starts only on pages that look like articles, or once the reader asks for it.
    let started = false;

    const card = createCardLayer(document, {
      onStep: (mention, direction) => {
        session.setCurrent(mention);
        const result = session.step(direction, mention.entityId);
        if (result) showCard(result.mention);
      },
      // However the card closes, hovering the same mention again opens it again.
      onHidden: () => hover.forget(),
      onHide: (mention) => {
        card.hide();
        void saveSettings(withEntity(session.settings, mention.entityId, false));
      },
    });
    const showCard = (mention: PlacedMention) => {
      const entity = matcher.entity(mention.entityId);
      if (!entity) return;
      const ofEntity = session.mentions.ofEntity(mention.entityId);
      card.show(mention, entity, ofEntity.indexOf(mention) + 1, ofEntity.length);
    };

    const notifyBadge = () => {
      const notice: PageSummaryNotice = {
        type: 'page-summary',
        count: session.active ? session.summary().entities.length : 0,
      };
      void browser.runtime.sendMessage(notice).catch(() => undefined);
    };

    const analyse = (): number => {
      started = true;
      card.hide();
      session.analyse();
      notifyBadge();
      const { extractMs, matchMs, paintMs } = session.lastTimings;
      return extractMs + matchMs + paintMs;
    };

    const isOwn = (node: Node) => painter.owns(node) || node.nodeName.toLowerCase() === HOST_TAG;
    const watcher = watchChanges({
      target: document.body ?? document.documentElement,
      isOwn,
      articleRoot: () => session.articleRoot,
      // A page that renders its article late becomes readerable later: check again, cheaply.
      reanalyse: () => (started || isProbablyReaderable(document) ? analyse() : 0),
    });

    const hover = trackHover({
      doc: document,
      // No caret hit-test (a layout query) on pages with nothing painted.
      find: (x, y) =>
        session.active && session.mentions.all.length > 0
          ? mentionAtPoint(document, session.mentions, x, y)
          : undefined,
      isOwnUi: (target) => card.isHost(target),
      onEnter: (mention) => {
        if (!session.isVisible(mention)) return;
        session.setCurrent(mention);
        showCard(mention);
      },
      onLeave: () => card.hide(),
    });

    // The card is fixed on screen; keep it beside its mention while the page scrolls.
    let scrollFrame = 0;
    const onScroll = () => {
      if (!card.shownMention || scrollFrame) return;
      scrollFrame = requestAnimationFrame(() => {
        scrollFrame = 0;
        card.reposition();
      });
    };
    ctx.addEventListener(window, 'scroll', onScroll, { passive: true, capture: true });

    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && card.shownMention) card.hide();
    };
    document.addEventListener('keydown', onKey, true);

    const answer = (request: ContentRequest): unknown => {
      switch (request.type) {
        case 'get-summary':
          return session.summary();
        case 'analyse':
          analyse();
          return session.summary();
        case 'toggle-site': {
          const next = toggledForSite(session.settings, session.hostname);
          void saveSettings(next);
          session.updateSettings(next);
          if (!started && session.active) analyse();
          return session.summary();
        }
        case 'step': {
          const result = session.step(request.direction, request.entityId);
          if (!result) return null;
          showCard(result.mention);
          return { entityId: result.mention.entityId, position: result.position, total: result.total };
        }
      }
    };
    const onMessage = (message: unknown, _sender: unknown, sendResponse: (answer: unknown) => void) => {
      if (!isContentRequest(message)) return false;
      sendResponse(answer(message));
      return false;
    };
    browser.runtime.onMessage.addListener(onMessage);

    const stopSettings = watchSettings((settings) => {
      session.updateSettings(settings);
      if (card.shownMention && !session.active) card.hide();
      notifyBadge();
    });

    // Single-page apps: a new article arrives without a page load.
    ctx.addEventListener(window, 'wxt:locationchange', () => {
      if (started || isProbablyReaderable(document)) watcher.request();
    });

    ctx.onInvalidated(() => {
      browser.runtime.onMessage.removeListener(onMessage);
      document.removeEventListener('keydown', onKey, true);
      stopSettings();
      hover.stop();
      watcher.disconnect();
      card.remove();
      session.dispose();
    });

    // Listeners are in place before this first await, so an early popup gets "working", not silence.
    session.updateSettings(await loadSettings().catch(() => DEFAULT_SETTINGS));
    if (isProbablyReaderable(document)) {
      analyse();
      // Highlights are drawn with the next frame; record when that happened, for `npm run bench`.
      requestAnimationFrame(() =>
        setTimeout(() => {
          session.lastTimings = { ...session.lastTimings, firstFrameMs: performance.now() - startedAt };
        }),
      );
    } else session.skip();
  },
});
