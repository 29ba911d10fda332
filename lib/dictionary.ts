// The dictionary the extension ships (built by `npm run dictionary`), compiled once per page.

import type { Dictionary } from './entity-types';
import shipped from './generated/dictionary.json';
import { compileMatcher, type Matcher } from './matcher';

let matcher: Matcher | undefined;

export function shippedDictionary(): Dictionary {
  return shipped as Dictionary;
}

export function shippedMatcher(): Matcher {
  matcher ??= compileMatcher(shippedDictionary());
  return matcher;
}
