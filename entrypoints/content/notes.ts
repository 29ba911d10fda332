// The reader's notes on this page: after every analysis (and re-analysis after a change or an SPA
// navigation) ask the background for the article's notes, re-anchor and paint them; repaint when
// the background says this article's notes changed. Torn down by `signal`.
import { sendToBackground, serve } from '@/lib/messaging/messenger';
import { backgroundProtocol, viewProtocol } from '@/lib/messaging/protocol';
import { articleIdentity } from '@/lib/notes/article-identity';
import { NotesLayer } from '@/lib/page/notes-layer';
import type { PageSession } from '@/lib/page/page-session';
import { createPainter, PRIORITY } from '@/lib/page/paint';

export interface PageNotes {
  readonly layer: NotesLayer;
  /** The article's identity when the page has an article, else null. */
  readonly articleId: string | null;
  /** Lists the article's notes again and paints them (after an analysis or a change). */
  refresh(): Promise<void>;
  /** Takes the notes off the page (before the page is analysed again: the fallback's marks). */
  clear(): void;
}

export function wireNotes(session: PageSession, signal: AbortSignal): PageNotes {
  const layer = new NotesLayer(createPainter(window, undefined, PRIORITY.notes));
  // Answers may arrive out of order: only the latest request paints.
  let generation = 0;
  let articleId: string | null = null;

  const refresh = async (): Promise<void> => {
    const request = ++generation;
    const article = session.extracted;
    articleId = article ? articleIdentity(document) : null;
    if (!article || !articleId) {
      layer.clear();
      return;
    }
    const reply = await sendToBackground(backgroundProtocol, 'list-notes', { articleId });
    if (request !== generation || signal.aborted || session.extracted !== article) return;
    // A failed list leaves what is painted: the notes are still the reader's, only not refreshed.
    if (reply.ok) layer.show(article.model, reply.value);
  };

  serve(
    viewProtocol,
    {
      'notes-changed': ({ articleId: changed }) => {
        if (changed === articleId) void refresh();
      },
    },
    signal,
  );
  signal.addEventListener('abort', () => layer.clear(), { once: true });

  return {
    layer,
    get articleId() {
      return articleId;
    },
    refresh,
    clear: () => {
      generation++;
      layer.clear();
    },
  };
}
