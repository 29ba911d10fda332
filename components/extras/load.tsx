// The content script's side of the in-page extras chunk (./index.ts): imports it once, on first
// use, and hands it this script's Preact. The note card's and the toolbar's layers wait for it
// themselves (`loadExtras`); the card draws its corrections through `LazyCardCorrections`. Their
// stylesheets join the shadow roots that already hold the card's or the toolbar's.
import { Fragment } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { jsx, jsxs } from 'preact/jsx-runtime';
import { t } from '@/lib/ui/i18n';
import type { CorrectionsProps } from '../CardCorrections';
import { type ExtrasModule, importExtras } from './import-chunk';

let loading: Promise<ExtrasModule> | null = null;
let loaded: ExtrasModule | null = null;

/** The chunk, imported once per page; a failed import is tried again at the next use. */
export function loadExtras(): Promise<ExtrasModule> {
  loading ??= importExtras().then(
    (extras) => {
      extras.install({ jsx, jsxs, Fragment, useEffect, useLayoutEffect, useRef, useState });
      loaded = extras;
      return extras;
    },
    (error: unknown) => {
      loading = null;
      throw error;
    },
  );
  return loading;
}

/** The chunk if it is here already, else null (then `loadExtras`). */
export function loadedExtras(): ExtrasModule | null {
  return loaded;
}

/**
 * The chunk once loaded (null before: the caller shows nothing, then draws again when it comes), or
 * 'failed' when it cannot be imported (a later opening tries again).
 */
function useExtras(): ExtrasModule | null | 'failed' {
  const [extras, setExtras] = useState<ExtrasModule | null | 'failed'>(loaded);
  useEffect(() => {
    if (extras) return;
    let live = true;
    loadExtras().then(
      (module) => live && setExtras(module),
      () => live && setExtras('failed'),
    );
    return () => {
      live = false;
    };
  }, [extras]);
  return extras;
}

/** The stylesheets already added to each shadow root, by their text. */
const added = new WeakMap<Node, Set<string>>();

/**
 * Adds `css` to the shadow root `node` is drawn in, once: a <style> made here, its text set before
 * it is inserted, as the shadow hosts' own are. Firefox lets a content script's inline style past
 * the page's Content-Security-Policy only so (a <style> drawn by Preact is inserted empty, and
 * `style-src 'self'` refuses it: measured on tests/fixtures/pages/csp-strict.html).
 */
export function addStylesheet(node: Node | null, css: string): void {
  const root = node?.getRootNode();
  // A shadow root (a document fragment): elsewhere, as in unit tests, there is no root to style.
  if (!root || root.nodeType !== Node.DOCUMENT_FRAGMENT_NODE) return;
  const sheets = added.get(root) ?? new Set<string>();
  if (sheets.has(css)) return;
  const style = document.createElement('style');
  style.textContent = css;
  root.appendChild(style);
  sheets.add(css);
  added.set(root, sheets);
}

/** The card's "Correct…" choices, from the chunk. */
export function LazyCardCorrections(props: CorrectionsProps) {
  const extras = useExtras();
  const box = useRef<HTMLDivElement>(null);
  const { onResize } = props;
  useLayoutEffect(() => {
    if (!extras || extras === 'failed') return;
    addStylesheet(box.current, extras.cardCorrectionsCss);
    // The choices measured themselves before their stylesheet came (a child's layout effect runs
    // first): the card finds its place again at their styled size, before the browser paints.
    onResize();
  }, [extras, onResize]);
  if (!extras) return null;
  // The extension was updated or removed under the page.
  if (extras === 'failed')
    return (
      <p class="notice" role="alert">
        {t('messageUnreachable')}
      </p>
    );
  return (
    <div ref={box}>
      <extras.CardCorrections {...props} />
    </div>
  );
}
