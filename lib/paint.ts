// Paints ranges with the CSS Custom Highlight API: no DOM mutation, so page scripts and
// selection behave as before. One named highlight per group ("hashiya-place", "hashiya-person"...);
// the colours live in the content script's stylesheet as ::highlight(hashiya-…) rules.

export const HIGHLIGHT_PREFIX = 'hashiya-';

export interface Painter {
  /** Replaces everything painted before with these groups of ranges. */
  paint(groups: ReadonlyMap<string, readonly Range[]>): void;
  clear(): void;
  readonly supported: boolean;
}

export function highlightsSupported(win: Window & typeof globalThis = window): boolean {
  return typeof win.Highlight === 'function' && typeof win.CSS !== 'undefined' && 'highlights' in win.CSS;
}

export function createPainter(win: Window & typeof globalThis = window): Painter {
  const supported = highlightsSupported(win);
  const painted = new Set<string>();
  const clear = (): void => {
    if (!supported) return;
    for (const name of painted) win.CSS.highlights.delete(name);
    painted.clear();
  };
  return {
    supported,
    clear,
    paint(groups) {
      clear();
      if (!supported) return;
      for (const [group, ranges] of groups) {
        if (ranges.length === 0) continue;
        const name = HIGHLIGHT_PREFIX + group;
        win.CSS.highlights.set(name, new win.Highlight(...ranges));
        painted.add(name);
      }
    },
  };
}
