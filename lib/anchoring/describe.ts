// Describing a passage for later (DESIGN.md §4): the W3C TextQuoteSelector (the passage and ~32
// characters on each side) and TextPositionSelector, both in the text model's coordinates, and the
// dictionary entities the passage mentions.
import type { Mention } from '../entities/types';
import type { TextPositionSelector, TextQuoteSelector } from '../notes/model';

/** Characters of context kept on each side of the quote. */
export const CONTEXT_LENGTH = 32;

export interface PassageDescription {
  quote: TextQuoteSelector;
  position: TextPositionSelector;
  /** Dictionary entity ids of the mentions that overlap the passage, in reading order, once each. */
  entityIds: string[];
}

// White space and block separators at a selection's ends are not part of what the reader meant
// (a double-click takes the space after a word).
const EDGE_SPACE = /\s/;

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/**
 * Describes text[start, end) of a text model's string. Null when the span holds nothing but white
 * space. `mentions` are the page's entity mentions in the same coordinates.
 */
export function describePassage(
  text: string,
  start: number,
  end: number,
  mentions: readonly Mention[] = [],
): PassageDescription | null {
  let s = Math.max(0, Math.min(start, text.length));
  let e = Math.max(s, Math.min(end, text.length));
  while (s < e && EDGE_SPACE.test(text[s] as string)) s++;
  while (e > s && EDGE_SPACE.test(text[e - 1] as string)) e--;
  if (s === e) return null;
  // Never cut a surrogate pair, in the quote or its context.
  if (isLowSurrogate(text.charCodeAt(s))) s--;
  if (isLowSurrogate(text.charCodeAt(e))) e++;
  let prefixStart = Math.max(0, s - CONTEXT_LENGTH);
  if (isLowSurrogate(text.charCodeAt(prefixStart))) prefixStart++;
  let suffixEnd = Math.min(text.length, e + CONTEXT_LENGTH);
  if (isLowSurrogate(text.charCodeAt(suffixEnd))) suffixEnd--;
  const entityIds: string[] = [];
  for (const mention of mentions) {
    if (mention.start < e && mention.end > s && !entityIds.includes(mention.entityId))
      entityIds.push(mention.entityId);
  }
  return {
    quote: {
      type: 'TextQuoteSelector',
      exact: text.slice(s, e),
      prefix: text.slice(prefixStart, s),
      suffix: text.slice(e, suffixEnd),
    },
    position: { type: 'TextPositionSelector', start: s, end: e },
    entityIds,
  };
}
