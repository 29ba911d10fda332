// Answers the popup's, side panel's and background's requests (lib/messaging/protocol.ts) until
// `signal` aborts.
import type { ShippedMatcher } from '@/lib/entities/dictionary';
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
  dictionary: Pick<ShippedMatcher, 'described'>,
  signal: AbortSignal,
): void {
  // The report names entities by their entries, which come just after the paint. Entries that
  // cannot be read leave the report without names (the card says why when opened).
  const report = async () => {
    await dictionary.described().catch(() => {});
    return session.report();
  };
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
      'get-page-report': report,
      analyse: async () => {
        await analysis.runWhenLoaded({ readerAsked: true }); // "Analyse this page" / "Analyse anyway"
        return report();
      },
      'toggle-site': async () => {
        const next = toggledForSite(session.settings, session.hostname);
        void saveSettings(next);
        session.updateSettings(next);
        if (!analysis.started && session.active) await analysis.runWhenLoaded();
        return report();
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
