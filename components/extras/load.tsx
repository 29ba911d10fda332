// The content script's side of the in-page extras chunk (./index.ts): loads it once, on first use,
// hands it this script's Preact, and draws its components where they are wanted, each with its
// stylesheet beside it (the shadow roots they open in already hold the card's or the toolbar's).
import { Fragment } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { jsx, jsxs } from 'preact/jsx-runtime';
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

/** The chunk once loaded (null before: the caller shows nothing, then draws again when it comes). */
function useExtras(): ExtrasModule | null {
  const [extras, setExtras] = useState(loaded);
  useEffect(() => {
    if (extras) return;
    let live = true;
    loadExtras().then(
      (module) => live && setExtras(module),
      () => {}, // nothing drawn: the control that opened it stays, and a later opening tries again
    );
    return () => {
      live = false;
    };
  }, [extras]);
  return extras;
}

/** The card's "Correct…" choices, from the chunk. */
export function LazyCardCorrections(props: CorrectionsProps) {
  const extras = useExtras();
  if (!extras) return null;
  return (
    <>
      <style>{extras.cardCorrectionsCss}</style>
      <extras.CardCorrections {...props} />
    </>
  );
}
