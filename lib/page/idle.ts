// Work done when the page is idle: the side panel's "Possible entities" and a long article's
// mentions off the reader's screen.

/** What an idle callback is told: how long the browser expects to stay idle. */
export interface IdleDeadlineLike {
  timeRemaining(): number;
}
/** Runs `task` when the page is idle; returns what cancels it. */
export type ScheduleIdle = (task: (deadline: IdleDeadlineLike) => void) => () => void;

/** The most work done in one idle task, whatever the browser offers. */
export const IDLE_BUDGET_MS = 8;
/** By default, an idle callback still runs this long after it was asked for, on a page never idle. */
const IDLE_TIMEOUT_MS = 2000;

/**
 * requestIdleCallback where the scope has it (run at the latest `timeoutMs` after it was asked
 * for), else a timeout with IDLE_BUDGET_MS to spend.
 */
export function idleScheduler(
  scope: typeof globalThis = globalThis,
  timeoutMs: number = IDLE_TIMEOUT_MS,
): ScheduleIdle {
  if (typeof scope.requestIdleCallback === 'function') {
    return (task) => {
      const id = scope.requestIdleCallback(task, { timeout: timeoutMs });
      return () => scope.cancelIdleCallback(id);
    };
  }
  return (task) => {
    const id = setTimeout(() => {
      const started = performance.now();
      task({ timeRemaining: () => Math.max(0, IDLE_BUDGET_MS - (performance.now() - started)) });
    }, 50);
    return () => clearTimeout(id);
  };
}
