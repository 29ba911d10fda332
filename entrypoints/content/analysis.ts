// When the page is analysed: at load on pages that look like articles, otherwise once the reader
// asks; after that also when the article changes (bounded by the change watcher) or a single-page
// app navigates. Each analysis updates the toolbar badge and paints the reader's notes again.
// Torn down with `ctx`.
import { isProbablyReaderable } from '@mozilla/readability';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { MatchedApart, ShippedMatcher } from '@/lib/entities/dictionary';
import { sendToBackground } from '@/lib/messaging/messenger';
import { backgroundProtocol } from '@/lib/messaging/protocol';
import { watchChanges } from '@/lib/page/change-watcher';
import type { PageSession } from '@/lib/page/page-session';
import type { Painter } from '@/lib/page/paint';
import { isUiHost } from '@/lib/page/shadow-host';
import { t } from '@/lib/ui/i18n';
import type { PageCard } from './card';
import type { PageNotes } from './notes';

interface RunOptions {
  /** The reader asked ("Analyse this page", "Analyse anyway"): analyse whatever the page's size. */
  readerAsked?: boolean;
}

export interface PageAnalysis {
  /**
   * Extracts, matches and paints now (once the dictionary is in: before that, it loads it first);
   * `readerAsked`: whatever the page's size.
   */
  run(options?: RunOptions): void;
  /**
   * Loads the dictionary if needed (once per page), or has the article matched apart from the
   * page, extracting the article meanwhile (PageSession.prepare), then runs.
   */
  runWhenLoaded(options?: RunOptions): Promise<void>;
  /** True once work started: the page looked like an article, or the reader asked. */
  readonly started: boolean;
  /** Tells the background how many entities to show on this tab's badge. */
  reportCount(): void;
}

export function wireAnalysis(
  ctx: ContentScriptContext,
  session: PageSession,
  painter: Painter,
  card: PageCard,
  dictionary: ShippedMatcher,
  notes: PageNotes,
  /** True for the host of other in-page UI of ours (the note card): its changes are not the page's. */
  isOtherUi: (node: Node) => boolean = () => false,
): PageAnalysis {
  // Work starts only on pages that look like articles, or once the reader asks for it.
  let started = false;
  // A page that renders its article late becomes readerable later: check again, cheaply.
  const wanted = () => started || isProbablyReaderable(document);

  const reportCount = () => {
    const count = session.active ? session.report().entities.length : 0;
    void sendToBackground(backgroundProtocol, 'entity-count', { count });
  };
  const run = (options?: RunOptions): void => {
    if (dictionary.loaded) analyseNow(options);
    else void runWhenLoaded(options);
  };
  /** Extracts, matches and paints, the dictionary in (or the article already matched apart). */
  const analyseNow = (options?: RunOptions): void => {
    started = true;
    const startedAt = performance.now();
    card.hide();
    notes.clear(); // the <mark> fallback must unwrap before Readability reads the page
    session.analyse(options);
    void session.settled.then(() => {
      // The page changed while its article was matched apart, so it was read again: match that.
      const text = session.extracted?.model.text;
      if (text !== undefined && !dictionary.readyFor(text)) {
        dictionary.ready().then(() => run(options), reportCount);
        return;
      }
      watcher.refresh(); // watch what can change the article just found
      // The badge counts entities by their entries, which come after the paint.
      dictionary.described().then(reportCount, reportCount);
      void notes.refresh(startedAt);
    });
  };
  const runWhenLoaded = async (options?: RunOptions): Promise<void> => {
    let waitMs = 0;
    let apart: MatchedApart | null = null;
    let firstPartChars: number | undefined;
    if (!dictionary.loaded) {
      // Readability reads the page while the background readies its matcher (or the tables
      // arrive); only what is left is waited for.
      card.hide();
      notes.clear();
      session.prepare();
      const text = session.preparedText;
      // A long article's text past the reader's screen is asked for after the screen is painted.
      const partFrom = performance.now();
      const firstEnd = session.preparedFirstPartEnd();
      const partMs = performance.now() - partFrom;
      const waitFrom = performance.now();
      // A page's article is matched apart from it where it can be (DESIGN.md §7): the page waits
      // for the mentions, not for the tables, and runs no cold matcher.
      try {
        if (text !== null) apart = await dictionary.prime(text, firstEnd);
        else await dictionary.ready();
        if (apart) apart = { ...apart, pageMs: apart.pageMs + partMs };
        if (apart && text !== null && firstEnd !== undefined && firstEnd < text.length)
          firstPartChars = firstEnd;
      } catch {
        // Neither the background nor the page could read the dictionary: the reader is told, and
        // the next analysis (a change of the page, the reader's ask) reads it again.
        session.failBeforeAnalysis(new Error(t('dictionaryUnreadable')));
        reportCount();
        return;
      }
      waitMs = performance.now() - waitFrom;
    }
    if (ctx.isInvalid) return;
    analyseNow(options);
    await session.settled; // a very long article is matched and painted in tasks
    if (ctx.isInvalid) return;
    const timings = session.lastTimings;
    session.lastTimings = {
      ...timings,
      // Matching apart still costs the page something: sending the text, reading the mentions.
      matchMs: timings.matchMs + (apart?.pageMs ?? 0),
      ...(timings.firstScreenMs === undefined
        ? {}
        : { firstScreenMs: timings.firstScreenMs + (apart?.pageMs ?? 0) }),
      dictionaryMs: dictionary.loadMs,
      dictionaryWaitMs: waitMs,
      matchedApart: apart !== null,
      ...(apart ? { matchedApartMs: apart.tookMs } : {}),
      ...(firstPartChars === undefined ? {} : { firstPartChars }),
    };
  };

  const watcher = watchChanges({
    // The document, not its <body>: a page may take its body out and put it (or another) back.
    target: document,
    isOwn: (node) =>
      painter.owns(node) || notes.owns(node) || card.isHost(node) || isOtherUi(node) || isUiHost(node),
    // A page that cleared CSS.highlights gets ours back at its next change.
    onChange: () => {
      session.restorePaint();
      notes.layer.restore();
    },
    articleRoot: () => session.articleRoot,
    reanalyse: () => {
      if (wanted()) run();
    },
  });
  ctx.onInvalidated(() => watcher.disconnect());

  // Single-page apps: a new article arrives without a page load.
  ctx.addEventListener(window, 'wxt:locationchange', () => {
    if (wanted()) watcher.request();
  });

  return {
    run,
    runWhenLoaded,
    get started() {
      return started;
    },
    reportCount,
  };
}
