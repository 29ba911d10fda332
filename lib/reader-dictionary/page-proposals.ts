// Looks for "Possible entities" on a tab's analysed article (./article-text.ts) in the side panel's
// idle time: a slice of text (./proposals.ts) at a time, as many as fit in an idle period and never
// more than IDLE_BUDGET_MS of work in one task, so even the longest article never holds the panel
// up. A new analysis or a change of the reader's dictionary starts it again. The page does none of
// this work (the finder's code and word lists stay out of the content script).
import type { Span } from '../entities/candidates';
import { IDLE_BUDGET_MS, type IdleDeadlineLike, type ScheduleIdle } from '../page/idle';
import { type Proposal, ProposalTally, SLICE_CHARS, textSlices } from './proposals';

export interface PageProposalsReport {
  /** 'none': no analysed article, or highlighting is off there; 'working': looking, in idle time. */
  status: 'none' | 'working' | 'ready';
  proposals: Proposal[];
  /** What the last search cost, in ms, and in how many idle tasks it was done. */
  timings?: { totalMs: number; longestTaskMs: number; tasks: number; slices: number };
}

export interface PageProposalsOptions {
  /** The article's text and the page's mentions (sorted by start), or null when there is none. */
  source: () => { text: string; mentions: readonly Span[] } | null;
  /** The proposal keys the reader dismissed (proposalKey). */
  dismissed: () => ReadonlySet<string>;
  schedule: ScheduleIdle;
  /** Told each new report (working, then ready). */
  onReport?: (report: PageProposalsReport) => void;
  now?: () => number;
  /** Defaults SLICE_CHARS and IDLE_BUDGET_MS; smaller in tests. */
  sliceChars?: number;
  budgetMs?: number;
}

export class PageProposals {
  private current: PageProposalsReport = { status: 'none', proposals: [] };
  private cancel: (() => void) | undefined;

  constructor(private readonly options: PageProposalsOptions) {}

  report(): PageProposalsReport {
    return this.current;
  }

  /** Looks again from the start (a new analysis, another dictionary); what was under way stops. */
  refresh(): void {
    this.stop();
    const source = this.options.source();
    if (!source) {
      this.publish({ status: 'none', proposals: [] });
      return;
    }
    const now = this.options.now ?? (() => performance.now());
    const budget = this.options.budgetMs ?? IDLE_BUDGET_MS;
    const tally = new ProposalTally(source.text, source.mentions);
    const slices = textSlices(source.text, this.options.sliceChars ?? SLICE_CHARS);
    const timings = { totalMs: 0, longestTaskMs: 0, tasks: 0, slices: slices.length };
    let next = 0;
    this.publish({ status: 'working', proposals: [] });
    const task = (deadline: IdleDeadlineLike) => {
      const started = now();
      let spent = 0;
      do {
        const slice = slices[next++];
        if (slice) tally.add(slice);
        spent = now() - started;
      } while (next < slices.length && spent < budget && deadline.timeRemaining() > 0);
      const done = next >= slices.length;
      const proposals = done ? tally.result(this.options.dismissed()) : [];
      spent = now() - started;
      timings.totalMs += spent;
      timings.longestTaskMs = Math.max(timings.longestTaskMs, spent);
      timings.tasks++;
      if (done) {
        this.cancel = undefined;
        this.publish({ status: 'ready', proposals, timings });
      } else this.cancel = this.options.schedule(task);
    };
    this.cancel = this.options.schedule(task);
  }

  /** Stops looking (the panel shows another tab, or closes). */
  stop(): void {
    this.cancel?.();
    this.cancel = undefined;
  }

  private publish(report: PageProposalsReport): void {
    this.current = report;
    this.options.onReport?.(report);
  }
}
