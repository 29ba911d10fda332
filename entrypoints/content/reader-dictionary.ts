// Follows what the reader teaches the dictionary: when they add, correct or suppress a name (in
// the options page or on any tab), the page's matcher reads their entries again and the article is
// matched and painted again, without extracting it again. Until `signal` aborts.
import { serve } from '@/lib/messaging/messenger';
import { readerDictionaryNotices } from '@/lib/messaging/protocol';
import type { PageSession } from '@/lib/page/page-session';
import type { ReaderPageMatcher } from '@/lib/reader-dictionary/page-matcher';
import type { PageAnalysis } from './analysis';

export function wireReaderDictionary(
  matcher: ReaderPageMatcher,
  session: PageSession,
  analysis: PageAnalysis,
  signal: AbortSignal,
): void {
  serve(
    readerDictionaryNotices,
    {
      'reader-dictionary-changed': () => {
        // A page not analysed yet reads the entries when (if ever) it is.
        if (!analysis.started) return;
        void matcher.reloadEntries().then(() => {
          if (signal.aborted) return;
          session.rematch();
          analysis.reportCount();
        });
      },
    },
    signal,
  );
}
