// Follows the reader's dictionary packs: when one is imported, switched or removed (in the options
// page, any tab), the page's matcher reads the switched-on packs again and an analysed page is
// analysed again, without a reload. Until `signal` aborts.
import type { PageMatcher } from '@/lib/packs/matcher';
import { watchPacks } from '@/lib/packs/store';
import type { PageAnalysis } from './analysis';

export function wirePacks(matcher: PageMatcher, analysis: PageAnalysis, signal: AbortSignal): void {
  const stop = watchPacks(() => {
    // A page not analysed yet reads the packs when (if ever) it is.
    if (!analysis.started) return;
    void matcher.reloadPacks().then(() => {
      if (!signal.aborted && analysis.started) analysis.run();
    });
  });
  signal.addEventListener('abort', stop, { once: true });
}
