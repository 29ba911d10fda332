// Tags as the reader types them: tidied, never twice on one note (whatever the case or the Arabic
// spelling variant), and completed from the tags already in use (the 'list-tags' message).
import { foldText } from '../text/fold';
import { LIMIT } from './limits';

/** The tag a reader typed, tidied ('' when nothing is left): one space between words, not too long. */
export function tidyTag(raw: string): string {
  return raw
    .replace(/[\s,،]+/g, ' ')
    .trim()
    .slice(0, LIMIT.tag)
    .trim();
}

/** How tags are compared: folded (case, hamza and alef variants, diacritics), so none is added twice. */
export function tagKey(tag: string): string {
  return foldText(tidyTag(tag).toLowerCase());
}

/** `tags` with `raw` added at the end, unless it is empty, already there or one too many. */
export function withTag(tags: readonly string[], raw: string): string[] {
  const tag = tidyTag(raw);
  if (tag === '' || tags.length >= LIMIT.tags) return [...tags];
  const key = tagKey(tag);
  return tags.some((t) => tagKey(t) === key) ? [...tags] : [...tags, tag];
}

/**
 * Up to `limit` of the reader's `known` tags for what they are typing: those starting with it first,
 * then those containing it, each group in the order given; never one the note already has.
 */
export function suggestTags(
  known: readonly string[],
  typed: string,
  chosen: readonly string[],
  limit = 6,
): string[] {
  const query = tagKey(typed);
  const taken = new Set(chosen.map(tagKey));
  const starting: string[] = [];
  const containing: string[] = [];
  for (const tag of known) {
    const key = tagKey(tag);
    if (taken.has(key)) continue;
    if (key.startsWith(query)) starting.push(tag);
    else if (query !== '' && key.includes(query)) containing.push(tag);
  }
  return [...starting, ...containing].slice(0, limit);
}

/**
 * A tag field after input: every part of `typed` ended by a comma (Latin or Arabic: typed, pasted)
 * added to `tags`, and what follows the last comma still being typed.
 */
export function takeTypedTags(tags: readonly string[], typed: string): { tags: string[]; typed: string } {
  const parts = typed.split(/[,،]/);
  const rest = parts.pop() ?? '';
  return { tags: parts.reduce<string[]>(withTag, [...tags]), typed: rest };
}
