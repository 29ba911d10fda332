// The dictionary the extension ships (built by `npm run dictionary`), compiled at most once per page
// and only when a page is analysed: the content script loads on every page, most of which never are.

import shipped from '../generated/dictionary.json';
import { compileMatcher, type Matcher } from './matcher';
import type { Dictionary } from './types';

let compiled: Matcher | undefined;
const compiledMatcher = (): Matcher => {
  compiled ??= compileMatcher(shippedDictionary());
  return compiled;
};

export function shippedDictionary(): Dictionary {
  return shipped as unknown as Dictionary;
}

/** The shipped dictionary's matcher; compiled on its first use. */
export function shippedMatcher(): Matcher {
  return {
    match: (text) => compiledMatcher().match(text),
    entity: (id) => compiledMatcher().entity(id),
    get entities() {
      return compiledMatcher().entities;
    },
  };
}
