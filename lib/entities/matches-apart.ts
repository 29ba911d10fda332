// The shipped dictionary's mentions in a text, found apart from the page (by the background, whose
// matcher stays loaded and warm from one page to the next: DESIGN.md §7) and sent to the page: each
// distinct entity's id and type once, then four numbers per mention in one string (a content script
// in Firefox reads a big array from a message item by item across its sandbox's wall, and a string
// at once). The page checks what arrives before it paints anything.
import { ENTITY_TYPES, type EntityType, type Mention, type MentionKind } from './types';

const KINDS: readonly MentionKind[] = ['name', 'alias', 'demonym', 'surname'];
const COMMA = 44;

/** What the background sends back for one text. */
export interface MatchesApart {
  /** Each entity found, once. */
  ids: string[];
  /** Each id's type, by index into ENTITY_TYPES. */
  types: number[];
  /**
   * start, end, index into `ids`, index into the kinds, for each mention in order: base-36
   * numbers, comma-separated.
   */
  spans: string;
  /** How long the matching took where it was done, in ms (for `npm run bench`). */
  tookMs?: number;
}

export function encodeMatches(
  mentions: readonly Mention[],
  typeOf: (id: string) => EntityType | undefined,
): MatchesApart {
  const ids: string[] = [];
  const types: number[] = [];
  const idIndex = new Map<string, number>();
  const spans = new Array<number>(mentions.length * 4);
  let at = 0;
  for (const m of mentions) {
    let i = idIndex.get(m.entityId);
    if (i === undefined) {
      i = ids.length;
      idIndex.set(m.entityId, i);
      ids.push(m.entityId);
      types.push(ENTITY_TYPES.indexOf(typeOf(m.entityId) ?? 'place'));
    }
    spans[at++] = m.start;
    spans[at++] = m.end;
    spans[at++] = i;
    spans[at++] = KINDS.indexOf(m.kind);
  }
  return { ids, types, spans: spans.map((n) => n.toString(36)).join(',') };
}

/** The mentions again, with each entity's type. Throws on anything a matcher cannot have sent. */
export function decodeMatches(
  apart: MatchesApart,
  textLength: number,
): { mentions: Mention[]; types: Map<string, EntityType> } {
  const { ids, types, spans } = apart;
  if (ids.length !== types.length || typeof spans !== 'string')
    throw new Error('the mentions found apart from the page are malformed');
  const typeOf = new Map<string, EntityType>();
  for (let i = 0; i < ids.length; i++) {
    const index = types[i];
    const type = Number.isInteger(index) ? ENTITY_TYPES[index as number] : undefined;
    const id = ids[i];
    if (type === undefined || typeof id !== 'string') throw new Error('an entity found apart has no type');
    typeOf.set(id, type);
  }
  // One pass over the characters, each mention made as its fourth number ends: this runs once per
  // page, cold, so it does no more than it must (no array of numbers in between).
  const mentions: Mention[] = [];
  if (spans === '') return { mentions, types: typeOf };
  const numbers = [0, 0, 0];
  let field = 0;
  let value = 0;
  let digits = 0;
  let previousEnd = 0;
  for (let i = 0; i <= spans.length; i++) {
    const c = i < spans.length ? spans.charCodeAt(i) : COMMA;
    if (c !== COMMA) {
      const digit = c >= 48 && c <= 57 ? c - 48 : c >= 97 && c <= 122 ? c - 87 : -1;
      if (digit < 0 || ++digits > 7) throw new Error('the mentions found apart from the page are malformed');
      value = value * 36 + digit;
      continue;
    }
    if (digits === 0) throw new Error('the mentions found apart from the page are malformed');
    if (field < 3) numbers[field++] = value;
    else {
      const start = numbers[0] as number;
      const end = numbers[1] as number;
      const entityId = ids[numbers[2] as number];
      const kind = KINDS[value];
      // In order, not overlapping, inside the text: what a matcher gives, and what painting assumes.
      if (start < previousEnd || end <= start || end > textLength || entityId === undefined || !kind)
        throw new Error('a mention found apart from the page does not fit its text');
      previousEnd = end;
      mentions.push({ start, end, entityId, kind });
      field = 0;
    }
    value = 0;
    digits = 0;
  }
  if (field !== 0) throw new Error('the mentions found apart from the page are malformed');
  return { mentions, types: typeOf };
}
