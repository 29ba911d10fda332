// Mounts the selection toolbar (or its one-line message) in a closed shadow host and keeps it next
// to the selection (lib/page/toolbar-position.ts). Closed: the toolbar holds the reader's own
// words, which the page's scripts must never read. The toolbar itself comes with the in-page
// extras chunk: the first toolbar of a page is drawn once the chunk has loaded.
import { render } from 'preact';
import type { Box } from '@/lib/page/card-position';
import { createShadowHost, type ShadowHost } from '@/lib/page/shadow-host';
import { placeToolbar } from '@/lib/page/toolbar-position';
import { t, uiDirection } from '@/lib/ui/i18n';
import type { ExtrasModule } from './extras/import-chunk';
import { addStylesheet, loadExtras, loadedExtras } from './extras/load';
import { SelectionMessage } from './SelectionMessage';
import type { SelectionToolbarProps } from './SelectionToolbar';
import toolbarCss from './selection-toolbar.css?inline';

export interface Anchor {
  /** The selection's line boxes, in viewport coordinates, measured now. */
  lines(): Box[];
  /** The writing direction of the page where the selection is. */
  dir: 'rtl' | 'ltr';
}

export type ToolbarOptions = Omit<SelectionToolbarProps, 'dir' | 'onResize' | 'onClose'>;

export interface ToolbarLayer {
  showToolbar(anchor: Anchor, options: ToolbarOptions): void;
  /** Changes what the shown toolbar offers (the reader's tags, once they arrive). */
  update(options: Partial<ToolbarOptions>): void;
  showMessage(anchor: Anchor, text: string): void;
  hide(): void;
  reposition(): void;
  readonly shown: 'toolbar' | 'message' | null;
  /** True while the keyboard focus is in the toolbar (the reader is using it). */
  readonly hasFocus: boolean;
  isHost(node: unknown): boolean;
  remove(): void;
}

export function createToolbarLayer(doc: Document, onHidden: () => void): ToolbarLayer {
  let shadow: ShadowHost | null = null;
  let anchor: Anchor | null = null;
  let shown: 'toolbar' | 'message' | null = null;
  let options: ToolbarOptions | null = null;
  let focusBefore: HTMLElement | null = null;
  // Each toolbar opened is a new component, so nothing typed in one leaks into the next.
  let generation = 0;
  // What a toolbar or message may close: only itself. A saved toolbar closes itself 1.5 s later,
  // and Preact cleans up a replaced component's timers only after the next frame, so a stale close
  // could take away the message shown in its place.
  const closerFor = (wanted: number) => () => {
    if (wanted === generation) hide();
  };
  let closeToolbar: () => void = () => undefined; // set by each showToolbar
  const dir = uiDirection();
  let extras: ExtrasModule | null = loadedExtras();

  const element = () => shadow?.container.firstElementChild as HTMLElement | null | undefined;

  const place = () => {
    const box = element();
    if (!box || !anchor) return;
    const size = box.getBoundingClientRect();
    const at = placeToolbar(
      anchor.lines(),
      { width: size.width, height: size.height },
      { width: doc.documentElement.clientWidth, height: doc.documentElement.clientHeight },
      anchor.dir,
    );
    box.style.left = `${at.left}px`;
    box.style.top = `${at.top}px`;
    box.dataset.side = at.side;
  };

  const hide = () => {
    if (!shown) return;
    const hadFocus = shadow !== null && doc.activeElement === shadow.host;
    shown = null;
    anchor = null;
    options = null;
    if (shadow) render(null, shadow.container);
    if (hadFocus) focusBefore?.focus();
    focusBefore = null;
    onHidden();
  };

  const showMessage = (at: Anchor, text: string) => {
    try {
      const target = host();
      generation++;
      anchor = at;
      options = null;
      shown = 'message';
      render(
        <SelectionMessage key={generation} text={text} onClose={closerFor(generation)} />,
        target.container,
      );
      place();
    } catch {
      shown = null;
      shadow?.remove();
      shadow = null;
    }
  };

  const draw = () => {
    if (!shadow || !options || shown !== 'toolbar') return;
    extras ??= loadedExtras();
    if (!extras) {
      const wanted = generation;
      loadExtras().then(
        () => {
          if (wanted !== generation) return; // another toolbar, a message or nothing is wanted now
          draw();
          place();
        },
        () => {
          // The extension was updated or removed under the page: say so where the toolbar would be.
          if (wanted === generation && anchor) showMessage(anchor, t('messageUnreachable'));
        },
      );
      return;
    }
    addStylesheet(
      shadow.container,
      extras.selectionToolbarCss + extras.readerEntityFormCss + extras.tagFieldCss,
    );
    const { SelectionToolbar } = extras;
    render(
      <SelectionToolbar key={generation} {...options} dir={dir} onResize={place} onClose={closeToolbar} />,
      shadow.container,
    );
  };

  const host = (): ShadowHost => {
    // Created on first use, closed: only this module holds the root.
    shadow ??= createShadowHost(doc, toolbarCss, dir, 'closed');
    return shadow;
  };

  return {
    get shown() {
      return shown;
    },
    get hasFocus() {
      return shadow !== null && doc.activeElement === shadow.host;
    },
    isHost: (node) => shadow !== null && node === shadow.host,
    hide,
    reposition: place,
    remove() {
      hide();
      shadow?.remove();
      shadow = null;
    },
    showToolbar(at, next) {
      try {
        const target = host();
        if (shown) render(null, target.container);
        if (doc.activeElement !== target.host) focusBefore = doc.activeElement as HTMLElement | null;
        generation++;
        closeToolbar = closerFor(generation);
        anchor = at;
        options = next;
        shown = 'toolbar';
        draw();
        place();
      } catch {
        // A page hostile to in-page UI: no toolbar this time, and nothing thrown into its console.
        shown = null;
        shadow?.remove();
        shadow = null;
      }
    },
    update(changes) {
      if (!options) return;
      options = { ...options, ...changes };
      draw();
    },
    showMessage,
  };
}
