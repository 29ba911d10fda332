// The shipped dictionary's mentions in a text, found apart from the page (by the background, whose
// matcher stays loaded and warm from one page to the next: DESIGN.md §7) and sent to the page: each
// distinct entity's id and type once, then four numbers per mention in one string (a content script
// in Firefox reads a big array from a message item by item across its sandbox's wall, and a string
// at once). The page checks what arrives before it paints anything.
import { ENTITY_TYPES, type EntityType, type Mention, type MentionKind } from './types';

const KINDS: readonly MentionKind[] = ['name', 'alias', 'demonym', 'surname'];

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
  const { ids, types } = apart;
  const spans = apart.spans === '' ? [] : apart.spans.split(',').map(base36);
  if (ids.length !== types.length || spans.length % 4 !== 0)
    throw new Error('the mentions found apart from the page are malformed');
  const typeOf = new Map<string, EntityType>();
  for (let i = 0; i < ids.length; i++) {
    const index = types[i];
    const type = integer(index) ? ENTITY_TYPES[index] : undefined;
    const id = ids[i];
    if (type === undefined || typeof id !== 'string') throw new Error('an entity found apart has no type');
    typeOf.set(id, type);
  }
  const mentions = new Array<Mention>(spans.length / 4);
  let previousEnd = 0;
  for (let at = 0, n = 0; at < spans.length; at += 4, n++) {
    const [start, end, id, kindIndex] = [spans[at], spans[at + 1], spans[at + 2], spans[at + 3]];
    const entityId = integer(id) ? ids[id] : undefined;
    const kind = integer(kindIndex) ? KINDS[kindIndex] : undefined;
    // In order, not overlapping, inside the text: what a matcher gives, and what painting assumes.
    if (
      !integer(start) ||
      !integer(end) ||
      start < previousEnd ||
      end <= start ||
      end > textLength ||
      entityId === undefined ||
      kind === undefined
    )
      throw new Error('a mention found apart from the page does not fit its text');
    previousEnd = end;
    mentions[n] = { start, end, entityId, kind };
  }
  return { mentions, types: typeOf };
}

function integer(value: unknown): value is number {
  return Number.isInteger(value);
}

/** A base-36 number written as encodeMatches writes it, else NaN. */
function base36(digits: string): number {
  return /^[0-9a-z]{1,7}$/.test(digits) ? Number.parseInt(digits, 36) : Number.NaN;
}
