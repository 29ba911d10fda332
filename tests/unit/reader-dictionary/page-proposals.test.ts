import { describe, expect, it, vi } from 'vitest';
import type { Span } from '../../../lib/entities/candidates';
import { type IdleDeadlineLike, idleScheduler, type ScheduleIdle } from '../../../lib/page/idle';
import { PageProposals } from '../../../lib/reader-dictionary/page-proposals';
import { proposalKey, proposeEntities, textSlices } from '../../../lib/reader-dictionary/proposals';

const ARTICLE = Array.from(
  { length: 30 },
  (_, i) => `Paragraph ${i}: the council met Bilal Hamdan in Shkoder, and وقال بلال حمدان إن المرفأ جاهز.`,
).join('\u2029');

/** Idle callbacks run when the test says; each "slice" of work advances a fake clock. */
function fakeIdle() {
  const queue: ((deadline: IdleDeadlineLike) => void)[] = [];
  let cancelled = 0;
  const schedule: ScheduleIdle = (task) => {
    queue.push(task);
    return () => {
      const at = queue.indexOf(task);
      if (at >= 0) {
        queue.splice(at, 1);
        cancelled++;
      }
    };
  };
  const runOne = (remaining = 50) => queue.shift()?.({ timeRemaining: () => remaining });
  return { schedule, queue, runOne, cancelled: () => cancelled };
}

function finder(text: string, mentions: Span[] = [], dismissed: ReadonlySet<string> = new Set()) {
  const idle = fakeIdle();
  let clock = 0;
  const proposals = new PageProposals({
    source: () => ({ text, mentions }),
    dismissed: () => dismissed,
    schedule: idle.schedule,
    // Every reading of the clock is 3 ms of work: a task reads it once per slice, and once more at its end.
    now: () => {
      clock += 3;
      return clock;
    },
    sliceChars: 400,
    budgetMs: 8,
  });
  return { proposals, idle };
}

describe('PageProposals', () => {
  it('works in idle tasks of a bounded size and ends with what the whole text proposes', () => {
    const { proposals, idle } = finder(ARTICLE);
    proposals.refresh();
    expect(proposals.report()).toEqual({ status: 'working', proposals: [] });
    let tasks = 0;
    while (idle.queue.length > 0) {
      idle.runOne();
      tasks++;
      if (idle.queue.length > 0) expect(proposals.report().status).toBe('working');
    }
    const report = proposals.report();
    expect(report.status).toBe('ready');
    expect(report.proposals).toEqual(proposeEntities(ARTICLE, [], new Set()));
    expect(report.proposals.slice(0, 3).map((p) => [p.form, p.count])).toEqual([
      ['Bilal Hamdan', 30],
      ['Shkoder', 30],
      ['بلال حمدان', 30],
    ]);
    // Three slices of 3 ms pass the 8 ms budget: a task ends after its third slice.
    expect(tasks).toBe(Math.ceil(textSlices(ARTICLE, 400).length / 3));
    expect(tasks).toBeGreaterThan(1);
    expect(report.timings?.tasks).toBe(tasks);
    expect(report.timings?.slices).toBe(textSlices(ARTICLE, 400).length);
    // The budget is 8 ms; a task stops at the first slice that passes it (9 ms), then reads the clock.
    expect(report.timings?.longestTaskMs).toBe(12);
  });

  it('tells each report as it comes: working, then ready', () => {
    const idle = fakeIdle();
    const told: string[] = [];
    const proposals = new PageProposals({
      source: () => ({ text: ARTICLE, mentions: [] }),
      dismissed: () => new Set(),
      schedule: idle.schedule,
      onReport: (report) => told.push(`${report.status} ${report.proposals.length}`),
      sliceChars: 400,
      budgetMs: 0,
    });
    proposals.refresh();
    expect(told).toEqual(['working 0']);
    while (idle.queue.length > 0) idle.runOne();
    expect(told).toEqual(['working 0', `ready ${proposeEntities(ARTICLE, [], new Set()).length}`]);
  });

  it('does one slice per task when the browser says it has no idle time left', () => {
    const { proposals, idle } = finder(ARTICLE);
    proposals.refresh();
    idle.runOne(0);
    idle.runOne(0);
    expect(proposals.report().status).toBe('working');
    while (idle.queue.length > 0) idle.runOne(0);
    expect(proposals.report().timings?.tasks).toBeGreaterThanOrEqual(ARTICLE.length / 400);
  });

  it('leaves what the reader dismissed, read when the search ends', () => {
    const dismissed = new Set<string>();
    const { proposals, idle } = finder(ARTICLE, [], dismissed);
    proposals.refresh();
    idle.runOne();
    dismissed.add(proposalKey('بلال حمدان'));
    while (idle.queue.length > 0) idle.runOne();
    expect(proposals.report().proposals.map((p) => p.form)).not.toContain('بلال حمدان');
    expect(proposals.report().proposals.map((p) => p.form)).toContain('Bilal Hamdan');
  });

  it('starts again on refresh, dropping the search under way; proposes nothing without an article', () => {
    let text: string | null = ARTICLE;
    const idle = fakeIdle();
    const proposals = new PageProposals({
      source: () => (text === null ? null : { text, mentions: [] }),
      dismissed: () => new Set(),
      schedule: idle.schedule,
      sliceChars: 400,
      budgetMs: 0,
    });
    proposals.refresh();
    idle.runOne();
    proposals.refresh();
    expect(idle.cancelled()).toBe(1);
    expect(idle.queue).toHaveLength(1);
    text = null;
    proposals.refresh();
    expect(idle.queue).toHaveLength(0);
    expect(proposals.report()).toEqual({ status: 'none', proposals: [] });
  });
});

describe('idleScheduler', () => {
  it('uses requestIdleCallback where the page has it, and can cancel', () => {
    const requestIdleCallback = vi.fn(() => 7);
    const cancelIdleCallback = vi.fn();
    const scope = { requestIdleCallback, cancelIdleCallback } as unknown as typeof globalThis;
    const cancel = idleScheduler(scope)(() => {});
    expect(requestIdleCallback).toHaveBeenCalledWith(expect.any(Function), { timeout: 2000 });
    cancel();
    expect(cancelIdleCallback).toHaveBeenCalledWith(7);
  });

  it('falls back to a timeout with a small budget', async () => {
    vi.useFakeTimers();
    try {
      const task = vi.fn((deadline: IdleDeadlineLike) => deadline.timeRemaining());
      idleScheduler({} as typeof globalThis)(task);
      expect(task).not.toHaveBeenCalled();
      await vi.advanceTimersByTimeAsync(60);
      expect(task).toHaveBeenCalledOnce();
      expect(task.mock.results[0]?.value).toBeLessThanOrEqual(8);
    } finally {
      vi.useRealTimers();
    }
  });
});
