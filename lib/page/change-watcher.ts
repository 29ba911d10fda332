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
   * What to watch while there is no article: the document itself, not its <body>, since a page may
   * remove its body and put it back, or swap in a new one.
   */
  target: Node;
  /** Nodes the extension itself inserted (its UI host, fallback marks): their changes are ignored. */
  isOwn: (node: Node) => boolean;
  /** The current article root, or null when there is none yet (then every change counts). */
  articleRoot: () => Node | null;
  /** Called (cheaply) on every batch of changes the page makes, whatever they touch. */
  onChange?: () => void;
  /**
   * Runs the analysis (or only finds there is still nothing to analyse). The watcher times the call
   * itself, so the check on a page without an article counts against the CPU share too.
   */
  reanalyse: () => void;
  now?: () => number;
}

export interface ChangeWatcher {
  /** Asks for an analysis soon (e.g. after a single-page-app navigation), respecting the limits. */
  request(): void;
  /** Watches what the current article calls for (after an analysis the watcher did not run). */
  refresh(): void;
  disconnect(): void;
}

/** True when changes to `target` can change what the article says (whatever nodes they add). */
function targetMayTouch(target: Node, root: Node | null, isOwn: (node: Node) => boolean): boolean {
  // Cheapest first: on a busy page most changes are nowhere near the article (two native calls).
  if (root?.isConnected && !root.contains(target) && !target.contains(root)) return false;
  if (isOwn(target) || hasOwnAncestor(target, isOwn)) return false;
  // The reader typing in an editable region: never article text (the extractor skips it too).
  // Otherwise: no article yet, the article replaced, or a change inside or around it (a new
  // article appended beside it, content loaded in).
  return !isInsideEditable(target);
}

function changesOnlyOwn(record: MutationRecord, isOwn: (node: Node) => boolean): boolean {
  const { addedNodes, removedNodes } = record;
  if (addedNodes.length + removedNodes.length === 0) return false;
  for (const node of addedNodes) if (!isOwn(node)) return false;
  for (const node of removedNodes) if (!isOwn(node)) return false;
  return true;
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
    const started = now();
    options.reanalyse();
    const cost = now() - started;
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
    // A page's script changes one element many times in a row (a feed, a ticker): judge each
    // run of records on one target once.
    let target: Node | null = null;
    let mayTouch = false;
    for (const record of records) {
      if (record.target !== target) {
        target = record.target;
        mayTouch = targetMayTouch(target, root, options.isOwn);
      }
      if (mayTouch && !changesOnlyOwn(record, options.isOwn)) {
        request();
        return;
      }
    }
  });
  // Each change in what is watched makes a record for us, which costs a busy page dearly (watching
  // a whole document made a DOM-heavy script 3× slower). With an article, only what can change it
  // is watched: its subtree, and the child lists of its ancestors up to the document (the article or
  // an ancestor replaced, content added beside it, a new <body>). Without one, the document's child
  // lists: an article that arrives late arrives as elements.
  const observe = () => {
    observer.disconnect();
    const root = options.articleRoot();
    if (root?.isConnected) {
      observer.observe(root, { childList: true, subtree: true, characterData: true });
      for (let node = root.parentNode; node; node = node.parentNode)
        observer.observe(node, { childList: true });
    } else observer.observe(options.target, { childList: true, subtree: true });
  };
  observe();

  return {
    request,
    refresh: observe,
    disconnect() {
      observer.disconnect();
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
    },
  };
}
