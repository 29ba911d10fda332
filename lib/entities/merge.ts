// Mentions from two matchers, one preferred: how packs go over the shipped dictionary and the
// reader's own entries over both (DESIGN.md §7).
import type { Mention } from './types';

/**
 * `preferred` and `others` are each sorted and non-overlapping; the result keeps every preferred
 * mention and the others that overlap none of them, sorted by start. One pass over both.
 */
export function mergePreferring(preferred: readonly Mention[], others: readonly Mention[]): Mention[] {
  if (preferred.length === 0) return [...others];
  if (others.length === 0) return [...preferred];
  const out: Mention[] = [];
  let p = 0;
  for (const mention of others) {
    // Preferred mentions ending before this one starts are placed first.
    while (p < preferred.length && (preferred[p] as Mention).end <= mention.start)
      out.push(preferred[p++] as Mention);
    const next = preferred[p];
    if (next && next.start < mention.end) continue; // overlaps a preferred mention: dropped
    out.push(mention);
  }
  while (p < preferred.length) out.push(preferred[p++] as Mention);
  return out;
}
