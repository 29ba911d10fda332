// Articles that load or re-render after the first paint: a debounced MutationObserver asks for a
// new analysis, at most once per interval that grows with what the last analysis cost, so an
// infinite-scroll page can never keep the CPU busy.
import { isInsideEditable } from './editable';

export const DEBOUNCE_MS = 400;
/** A page that never stops changing still gets re-analysed this long after its first change. */
export const MAX_WAIT_MS = 2000;
/** An analysis may take at most this share of the time: interval ≥ cost / share. */
export const MAX_CPU_SHARE = 0.1;
export const MIN_INTERVAL_MS = 1000;

export interface ChangeWatcherOptions {
  /**
   * The subtree to watch: the document itself, not its <body>, since a page may remove its body and
   * put it back, or swap in a new one.
   */
  target: Node;
  /** Nodes the extension itself inserted (its UI host, fallback marks): their changes are ignored. */
  isOwn: (node: Node) => boolean;
  /** The current article root, or null when there is none yet (then every change counts). */
  articleRoot: () => Node | null;
  /** Called (cheaply) on every batch of changes the page makes, whatever they touch. */
  onChange?: () => void;
  /** Runs the analysis; returns how long it took in ms. */
  reanalyse: () => number;
  now?: () => number;
}

export interface ChangeWatcher {
  /** Asks for an analysis soon (e.g. after a single-page-app navigation), respecting the limits. */
  request(): void;
  disconnect(): void;
}

/** True when a mutation record can change what the article says. */
export function touchesArticle(
  record: MutationRecord,
  root: Node | null,
  isOwn: (node: Node) => boolean,
): boolean {
  const changed = [...record.addedNodes, ...record.removedNodes];
  if (changed.length > 0 && changed.every(isOwn)) return false;
  if (isOwn(record.target) || hasOwnAncestor(record.target, isOwn)) return false;
  // The reader typing in an editable region: never article text (the extractor skips it too).
  if (isInsideEditable(record.target)) return false;
  if (!root) return true;
  if (!root.isConnected) return true; // the article was replaced
  // A change inside the article, or around it (a new article appended beside it, content loaded in).
  return root.contains(record.target) || record.target.contains(root);
}

function hasOwnAncestor(node: Node, isOwn: (node: Node) => boolean): boolean {
  for (let n = node.parentNode; n; n = n.parentNode) if (isOwn(n)) return true;
  return false;
}

export function watchChanges(options: ChangeWatcherOptions): ChangeWatcher {
  const now = options.now ?? (() => performance.now());
  let timer: ReturnType<typeof setTimeout> | undefined;
  let earliest = 0;
  let pendingSince: number | undefined;

  const run = () => {
    timer = undefined;
    pendingSince = undefined;
    const wait = earliest - now();
    if (wait > 0) {
      timer = setTimeout(run, wait);
      return;
    }
    observer.disconnect(); // our own painting must not trigger another round
    const cost = options.reanalyse();
    earliest = now() + Math.max(MIN_INTERVAL_MS, cost / MAX_CPU_SHARE);
    observe();
  };
  const request = () => {
    const t = now();
    pendingSince ??= t;
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(run, Math.max(0, Math.min(DEBOUNCE_MS, pendingSince + MAX_WAIT_MS - t)));
  };

  const observer = new MutationObserver((records) => {
    options.onChange?.();
    const root = options.articleRoot();
    if (records.some((record) => touchesArticle(record, root, options.isOwn))) request();
  });
  const observe = () =>
    observer.observe(options.target, { childList: true, subtree: true, characterData: true });
  observe();

  return {
    request,
    disconnect() {
      observer.disconnect();
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
    },
  };
}
