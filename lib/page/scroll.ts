// Bringing a passage the reader asked for into view: into the middle of the window, smoothly unless
// the reader asked their system for reduced motion (then at once).

/** Scrolls the element holding the start of `range` to the middle of the view. */
export function scrollToRange(range: AbstractRange, win: Window = window): void {
  const start = range.startContainer;
  const element = start.nodeType === Node.ELEMENT_NODE ? (start as Element) : start.parentElement;
  const reduced = win.matchMedia('(prefers-reduced-motion: reduce)').matches;
  element?.scrollIntoView({ block: 'center', behavior: reduced ? 'auto' : 'smooth' });
}
