// Follows the reader's switches as any part of the extension changes them, until `signal` aborts.
import type { PageSession } from '@/lib/page/page-session';
import { watchSettings } from '@/lib/settings/settings';
import type { PageAnalysis } from './analysis';
import type { PageCard } from './card';
import type { PageNotes } from './notes';

export function wireSettings(
  session: PageSession,
  analysis: PageAnalysis,
  card: PageCard,
  notes: PageNotes,
  signal: AbortSignal,
): void {
  const stop = watchSettings((settings) => {
    session.updateSettings(settings);
    notes.applySettings();
    if (card.isShown && !session.active) card.hide();
    analysis.reportCount();
  });
  signal.addEventListener('abort', stop, { once: true });
}
