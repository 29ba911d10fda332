// "Possible entities" on this page (lib/page/page-proposals.ts): looked for in idle time once each
// analysis is painted and again after the reader's dictionary changed; the side panel asks for them.
// Until `signal` aborts.
import { serve } from '@/lib/messaging/messenger';
import { idleScheduler, PageProposals } from '@/lib/page/page-proposals';
import type { PageSession } from '@/lib/page/page-session';
import type { ReaderPageMatcher } from '@/lib/reader-dictionary/page-matcher';
import { proposalsProtocol } from '@/lib/reader-dictionary/page-proposals';

export interface PageProposalsWiring {
  /** Looks again once the analysis under way (if any) has settled. */
  refresh(): void;
}

export function wireProposals(
  session: PageSession,
  matcher: ReaderPageMatcher,
  signal: AbortSignal,
): PageProposalsWiring {
  const proposals = new PageProposals({
    // Nothing is proposed where highlighting is off: the reader asked Hashiya to stay quiet there.
    source: () => {
      const article = session.extracted;
      return article && session.active ? { text: article.model.text, mentions: session.mentions.all } : null;
    },
    dismissed: () => matcher.dismissed,
    schedule: idleScheduler(),
  });
  let generation = 0;
  const refresh = () => {
    const current = ++generation;
    void session.settled.then(() => {
      if (current === generation && !signal.aborted) proposals.refresh();
    });
  };
  serve(
    proposalsProtocol,
    {
      'page-proposals': () => {
        // Highlighting switched on after the analysis: look now.
        if (proposals.report().status === 'none' && session.extracted && session.active) proposals.refresh();
        return proposals.report();
      },
    },
    signal,
  );
  signal.addEventListener('abort', () => proposals.stop());
  return { refresh };
}
