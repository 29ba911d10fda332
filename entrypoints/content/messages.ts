// Answers the popup's, side panel's and background's requests (lib/messaging/protocol.ts) until
// `signal` aborts.
import { serve } from '@/lib/messaging/messenger';
import { analysisProtocol } from '@/lib/messaging/protocol';
import type { PageSession } from '@/lib/page/page-session';
import { articleTextProtocol, articleTextReply } from '@/lib/reader-dictionary/article-text';
import { saveSettings, toggledForSite } from '@/lib/settings/settings';
import type { PageAnalysis } from './analysis';
import type { PageCard } from './card';
import type { PageNoteCard } from './note-card';

export function wireMessages(
  session: PageSession,
  analysis: PageAnalysis,
  card: PageCard,
  noteCard: Pick<PageNoteCard, 'showAtSelection'>,
  signal: AbortSignal,
): void {
  serve(
    articleTextProtocol,
    {
      // For the side panel's "Possible entities", once the analysis under way has settled. Nothing is
      // proposed where highlighting is off: the reader asked Hashiya to stay quiet there.
      'article-text': async () => {
        await session.settled;
        const article = session.extracted;
        if (!article || !session.active) return { status: 'none' } as const;
        return articleTextReply(article.model.text, session.mentions.all);
      },
    },
    signal,
  );
  serve(
    analysisProtocol,
    {
      'get-page-report': () => session.report(),
      analyse: async () => {
        await analysis.runWhenLoaded({ readerAsked: true }); // "Analyse this page" / "Analyse anyway"
        return session.report();
      },
      'toggle-site': async () => {
        const next = toggledForSite(session.settings, session.hostname);
        void saveSettings(next);
        session.updateSettings(next);
        if (!analysis.started && session.active) await analysis.runWhenLoaded();
        return session.report();
      },
      // From the keyboard: the card of the note the caret or selection is in; else the current
      // mention's card (else the next one's). With the focus in it.
      'show-card': () => {
        if (noteCard.showAtSelection()) return null;
        const mention = session.currentMention ?? session.step(1)?.mention;
        if (mention && session.isVisible(mention)) card.show(mention, { focus: true });
        return null;
      },
      step: ({ direction, entityId }) => {
        const result = session.step(direction, entityId);
        if (!result) return null;
        card.show(result.mention);
        return { entityId: result.mention.entityId, position: result.position, total: result.total };
      },
    },
    signal,
  );
}
