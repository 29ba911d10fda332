// A short message on the page, from Hashiya to the reader ("This note's passage is no longer on the
// page"), in a shadow host of its own at the top of the window, closed by its button, Escape or
// after NOTICE_MS. It shows only Hashiya's own words, never a note's text, so its root is open
// (tests and accessibility tools reach it); set with textContent, never as markup.
import noticeCss from './page-notice.css?inline';
import { createShadowHost, type ShadowHost } from './shadow-host';

export const NOTICE_MS = 10_000;
/** Marks the notice's host, for tests (beside shadow-host's HOST_ATTRIBUTE). */
export const NOTICE_ATTRIBUTE = 'data-hashiya-notice';

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
      shadow = createShadowHost(doc, noticeCss, dir, 'open');
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
