// The reader's notes on this page: after every analysis (and re-analysis after a change or an SPA
// navigation) ask the background for the article's notes, re-anchor and paint them; repaint when
// the background says this article's notes changed. Answers the side panel's questions about them
// (where they are, show one), and shows the note a library link names (#hashiya-note=<id>) once
// the notes are painted. Nothing of the notes is shown on a site where the reader turned notes off
// (lib/settings: notesEnabled). Torn down by `signal`.

import { loadExtras } from '@/components/extras/load';
import { noteIdFromHref } from '@/lib/library/view';
import { sendToBackground, serve } from '@/lib/messaging/messenger';
import { backgroundProtocol, viewProtocol } from '@/lib/messaging/protocol';
import { articleIdentity } from '@/lib/notes/article-identity';
import { pageNotesProtocol } from '@/lib/notes/page-notes';
import type { ExtractedArticle } from '@/lib/page/extract';
import { type AnchorNotes, NotesLayer } from '@/lib/page/notes-layer';
import type { PageNotice } from '@/lib/page/page-notice';
import type { PageSession } from '@/lib/page/page-session';
import { createPainter, PRIORITY } from '@/lib/page/paint';
import { scrollToRange } from '@/lib/page/scroll';
import { notesEnabled } from '@/lib/settings/settings';
import { t, uiDirection } from '@/lib/ui/i18n';

export interface PageNotes {
  readonly layer: NotesLayer;
  /** The article's identity when the page has an article, else null. */
  readonly articleId: string | null;
  /**
   * Lists the article's notes again and paints them (after an analysis or a change). Given the
   * analysis' start (performance.now()), records what the notes cost in the page's timings.
   */
  refresh(analysisStartedAt?: number): Promise<void>;
  /** Takes the notes off the page (before the page is analysed again: the fallback's marks). */
  clear(): void;
  /** True for nodes the notes put on the page (the fallback's marks, the notice's host). */
  owns(node: Node): boolean;
  /** Notes are on for this site (the per-site switch): paint, card and selection toolbar. */
  readonly enabled: boolean;
  /** After the settings changed: paints or takes off the notes if the site's switch moved. */
  applySettings(): void;
}

export function wireNotes(session: PageSession, signal: AbortSignal): PageNotes {
  // Notes of five colours interleave through the text: added in reading order (lib/page/paint.ts).
  const layer = new NotesLayer(createPainter(window, undefined, PRIORITY.notes, true));
  // Shown rarely (a link named a note that is not on the page): it comes with the in-page extras.
  let notice: PageNotice | null = null;
  const showNotice = (message: string): void => {
    loadExtras().then(
      (extras) => {
        if (signal.aborted) return;
        notice ??= extras.createPageNotice(document, uiDirection(), t('cardClose'));
        notice.show(message);
      },
      () => {}, // no notice, and nothing else lost
    );
  };
  // Answers may arrive out of order: only the latest request paints.
  let generation = 0;
  let articleId: string | null = null;
  /** The article whose notes the layer holds now. */
  let shownFor: ExtractedArticle | null = null;
  /** The note a link named (#hashiya-note=<id>), until it has been shown once. */
  let arrival = noteIdFromHref(location.href);

  const showArrival = (): void => {
    if (arrival === null || shownFor === null) return;
    const outcome = layer.reveal(arrival, scrollToRange);
    arrival = null;
    // Hashiya's words only: the note's own text never enters the page.
    if (outcome === 'orphan') showNotice(t('noteNotOnPage'));
    else if (outcome === 'unknown') showNotice(t('noteArrivalUnknown'));
  };
  const enabled = () => notesEnabled(session.settings, session.hostname);
  /** What the last refresh found the switch at. */
  let shownEnabled = true;

  const refresh = async (analysisStartedAt?: number): Promise<void> => {
    const request = ++generation;
    const article = session.extracted;
    articleId = article ? articleIdentity(document) : null;
    shownEnabled = enabled();
    if (!article || !articleId || !shownEnabled) {
      layer.clear();
      shownFor = null;
      return;
    }
    const asked = performance.now();
    const reply = await sendToBackground(backgroundProtocol, 'list-notes', { articleId });
    if (request !== generation || signal.aborted || session.extracted !== article) return;
    // A failed list leaves what is painted: the notes are still the reader's, only not refreshed.
    if (!reply.ok) return;
    const notes = reply.value;
    // Anchoring comes with the in-page extras, imported only for an article with notes.
    let anchorNotes: AnchorNotes = () => [];
    if (notes.length > 0) {
      const extras = await loadExtras().catch(() => null);
      if (request !== generation || signal.aborted || session.extracted !== article) return;
      if (!extras) return; // as a failed list: what is painted stays
      anchorNotes = extras.anchorAll;
    }
    const answered = performance.now();
    const found = layer.show(article.model, notes, anchorNotes);
    const paintedAt = performance.now();
    if (analysisStartedAt !== undefined)
      session.lastTimings = {
        ...session.lastTimings,
        notes: {
          sinceAnalysisMs: paintedAt - analysisStartedAt,
          listMs: answered - asked,
          anchorMs: paintedAt - answered,
          paintedAt,
          ...found,
        },
      };
    shownFor = article;
    showArrival();
  };

  serve(
    viewProtocol,
    {
      'notes-changed': ({ articleIds }) => {
        if (articleId !== null && articleIds.includes(articleId)) void refresh();
      },
    },
    signal,
  );
  serve(
    pageNotesProtocol,
    {
      'page-notes': async () => {
        // Asked between an analysis and its notes' listing: list them first.
        if (session.extracted !== null && shownFor !== session.extracted) await refresh();
        return { articleId: shownFor ? articleId : null, ...layer.order() };
      },
      'reveal-note': ({ id }) => layer.reveal(id, scrollToRange),
    },
    signal,
  );
  // A library link to another note of the article already open in this tab.
  window.addEventListener(
    'hashchange',
    () => {
      arrival = noteIdFromHref(location.href);
      showArrival();
    },
    { signal },
  );
  signal.addEventListener(
    'abort',
    () => {
      layer.clear();
      notice?.hide();
    },
    { once: true },
  );

  return {
    layer,
    get articleId() {
      return articleId;
    },
    refresh,
    clear: () => {
      generation++;
      layer.clear();
      shownFor = null;
    },
    owns: (node) => layer.owns(node) || (notice?.isHost(node) ?? false),
    get enabled() {
      return enabled();
    },
    applySettings: () => {
      if (enabled() !== shownEnabled) void refresh();
    },
  };
}
