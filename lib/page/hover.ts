// Hover tracking for highlights, which have no events of their own: at most one hit-test per
// animation frame, and a short grace period so the pointer can travel from a mention (or a note) to
// its card.

export const HIDE_DELAY_MS = 300;

export interface HoverOptions<T> {
  doc: Document;
  find: (x: number, y: number) => T | undefined;
  /** True when the event comes from our own UI (the card), which keeps the card open. */
  isOwnUi: (target: EventTarget | null) => boolean;
  onEnter: (found: T) => void;
  onLeave: () => void;
}

export interface HoverTracker {
  /** Forgets the hovered mention, so hovering it again shows the card again (after Escape). */
  forget(): void;
  stop(): void;
}

export function trackHover<T>(options: HoverOptions<T>): HoverTracker {
  const { doc } = options;
  const win = doc.defaultView;
  let frame = 0;
  let hideTimer: ReturnType<typeof setTimeout> | undefined;
  let current: T | undefined;
  let last: { x: number; y: number; target: EventTarget | null } | null = null;

  const check = () => {
    frame = 0;
    if (!last) return;
    if (options.isOwnUi(last.target)) {
      clearTimeout(hideTimer);
      return;
    }
    const found = options.find(last.x, last.y);
    if (found) {
      clearTimeout(hideTimer);
      if (found !== current) {
        current = found;
        options.onEnter(found);
      }
    } else if (current) {
      clearTimeout(hideTimer);
      hideTimer = setTimeout(() => {
        current = undefined;
        options.onLeave();
      }, HIDE_DELAY_MS);
    }
  };

  const onMove = (event: PointerEvent) => {
    if (event.pointerType === 'touch') return;
    last = { x: event.clientX, y: event.clientY, target: event.target };
    if (!frame && win) frame = win.requestAnimationFrame(check);
  };
  doc.addEventListener('pointermove', onMove, { passive: true, capture: true });
  return {
    forget() {
      current = undefined;
      clearTimeout(hideTimer);
    },
    stop() {
      doc.removeEventListener('pointermove', onMove, { capture: true });
      if (frame && win) win.cancelAnimationFrame(frame);
      clearTimeout(hideTimer);
    },
  };
}
