// The in-page extras chunk (components/extras/index.ts) renders inside the content script's Preact
// trees, so it must use the content script's Preact, not a copy (hooks keep their state in the
// instance that renders). Its build aliases `preact`, `preact/hooks` and `preact/jsx-runtime` to
// this module; the content script fills these live bindings through `install` before it renders
// anything of the chunk. Only what the chunk's components use is here: a missing name fails its build.
import type * as Hooks from 'preact/hooks';
import type * as Runtime from 'preact/jsx-runtime';

export interface SharedPreact {
  jsx: typeof Runtime.jsx;
  jsxs: typeof Runtime.jsxs;
  Fragment: typeof Runtime.Fragment;
  useEffect: typeof Hooks.useEffect;
  useLayoutEffect: typeof Hooks.useLayoutEffect;
  useRef: typeof Hooks.useRef;
  useState: typeof Hooks.useState;
}

export let jsx: SharedPreact['jsx'];
export let jsxs: SharedPreact['jsxs'];
export let Fragment: SharedPreact['Fragment'];
export let useEffect: SharedPreact['useEffect'];
export let useLayoutEffect: SharedPreact['useLayoutEffect'];
export let useRef: SharedPreact['useRef'];
export let useState: SharedPreact['useState'];

export function install(shared: SharedPreact): void {
  ({ jsx, jsxs, Fragment, useEffect, useLayoutEffect, useRef, useState } = shared);
}
