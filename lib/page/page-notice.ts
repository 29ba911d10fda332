// A short message on the page, from Hashiya to the reader ("This note's passage is no longer on the
// page"), in a shadow host of its own at the top of the window, closed by its button, Escape or
// after NOTICE_MS. It shows only Hashiya's own words, never a note's text, so its root is open
// (tests and accessibility tools reach it); set with textContent, never as markup.
import { createShadowHost, type ShadowHost } from './shadow-host';

export const NOTICE_MS = 10_000;
/** Marks the notice's host, for tests (beside shadow-host's HOST_ATTRIBUTE). */
export const NOTICE_ATTRIBUTE = 'data-hashiya-notice';

const NOTICE_CSS = `
.notice {
  position: fixed; top: 12px; left: 50%; transform: translateX(-50%);
  display: flex; align-items: center; gap: 12px; max-width: min(480px, calc(100vw - 24px));
  box-sizing: border-box; padding: 10px 10px 10px 14px;
  background: #ffffff; color: #1f2328; border: 1px solid #e4e1da; border-radius: 10px;
  box-shadow: 0 1px 2px rgb(0 0 0 / 0.06), 0 8px 28px rgb(0 0 0 / 0.14);
  pointer-events: auto; font: 14px / 1.5 system-ui, "Noto Sans Arabic", "Segoe UI", Tahoma, sans-serif;
}
.notice button {
  all: unset; cursor: pointer; padding: 2px 8px; border-radius: 6px; color: #59636e; font-size: 18px; line-height: 1;
}
.notice button:hover { background: #f1efea; }
.notice button:focus-visible { outline: 2px solid #0b63ce; outline-offset: 1px; }
@media (prefers-color-scheme: dark) {
  .notice { background: #1e2227; color: #e8e6e1; border-color: #3a4048; }
  .notice button { color: #a9b0b7; }
  .notice button:hover { background: #2c323a; }
  .notice button:focus-visible { outline-color: #7cb4ff; }
}`;

export interface PageNotice {
  /** Shows `message` (replacing the one shown). */
  show(message: string): void;
  hide(): void;
  /** True for a notice's host element (our own UI, whose coming and going the watcher ignores). */
  isHost(node: unknown): boolean;
}

export function createPageNotice(doc: Document, dir: 'rtl' | 'ltr', closeLabel: string): PageNotice {
  let shadow: ShadowHost | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const hosts = new WeakSet<object>();
  const onKey = (event: KeyboardEvent) => {
    if (event.key === 'Escape') hide();
  };
  const hide = () => {
    clearTimeout(timer);
    doc.removeEventListener('keydown', onKey, true);
    shadow?.remove();
    shadow = null;
  };
  return {
    hide,
    isHost: (node) => typeof node === 'object' && node !== null && hosts.has(node),
    show(message) {
      hide();
      shadow = createShadowHost(doc, NOTICE_CSS, dir, 'open');
      shadow.host.setAttribute(NOTICE_ATTRIBUTE, '');
      hosts.add(shadow.host);
      const box = doc.createElement('div');
      box.className = 'notice';
      box.setAttribute('role', 'status');
      const text = doc.createElement('span');
      text.textContent = message;
      const close = doc.createElement('button');
      close.type = 'button';
      close.textContent = '×';
      close.setAttribute('aria-label', closeLabel);
      close.addEventListener('click', hide);
      box.append(text, close);
      shadow.container.append(box);
      doc.addEventListener('keydown', onKey, true);
      timer = setTimeout(hide, NOTICE_MS);
    },
  };
}
