// The reader's notes on the page: re-anchored on the article's text model (lib/anchoring, cheapest
// first) and painted in their colours on their own painter layer, above the entity highlights.
// Notes that cannot be placed are orphans: kept and listed, never painted, never deleted.
import type { Anchor, AnchorMethod } from '../anchoring/anchor';
import type { AnnotationRecord } from '../notes/model';
import { noteGroup } from '../notes/note-styles';
import type { PageNotes, RevealOutcome } from '../notes/page-notes';
import { ligatureSafeSpan } from '../text/ligature';
import { rangesFromSortedOffsets, type TextModel } from '../text/text-model';
import { FLASH_MS } from './page-session';
import type { Painter, PaintTarget } from './paint';

/** A note found on the page, with where it is now. */
export interface PlacedNote extends PaintTarget {
  note: AnnotationRecord;
  /** [start, end) in the text model's coordinates. */
  start: number;
  end: number;
}

/**
 * Finds each note's passage in a text (lib/anchoring's anchorAll), null for those not found. Passed
 * in: the page imports anchoring with the in-page extras, only when it has notes to place.
 */
export type AnchorNotes = (text: string, notes: readonly AnnotationRecord[]) => (Anchor | null)[];

interface Found {
  note: AnnotationRecord;
  start: number;
  end: number;
  method: AnchorMethod;
}

export class NotesLayer {
  private placedNotes: PlacedNote[] = [];
  private orphanNotes: AnnotationRecord[] = [];
  private flashTimer: ReturnType<typeof setTimeout> | undefined;
  /** One live Range moved over the notes' ranges when hit-testing (live ranges cost the page). */
  private probe: Range | null = null;

  constructor(private readonly painter: Painter) {}

  /** The notes found on the page, in reading order. */
  get placed(): readonly PlacedNote[] {
    return this.placedNotes;
  }

  /** The notes that could not be found on the page, in the order given. */
  get orphans(): readonly AnnotationRecord[] {
    return this.orphanNotes;
  }

  /**
   * Re-anchors `notes` on `model` and paints the ones found (replacing what was painted). Returns
   * how many each anchoring step placed and how many are orphans.
   */
  show(
    model: TextModel,
    notes: readonly AnnotationRecord[],
    anchorNotes: AnchorNotes,
  ): Record<AnchorMethod | 'orphans', number> {
    const anchors = notes.length > 0 ? anchorNotes(model.text, notes) : [];
    const found: Found[] = [];
    const orphans: AnnotationRecord[] = [];
    const counts = { position: 0, exact: 0, approximate: 0, orphans: 0 };
    for (const [i, note] of notes.entries()) {
      const anchor = anchors[i];
      // Painted edges never split a glyph (a lam-alef ligature), like the entities'.
      if (anchor)
        found.push({
          note,
          method: anchor.method,
          ...ligatureSafeSpan(model.text, anchor.start, anchor.end),
        });
      else orphans.push(note);
    }
    found.sort((a, b) => a.start - b.start || a.end - b.end);
    // One forward walk over the nodes for each run of notes whose ends do not go back (all of them
    // unless a note lies inside another): rangesFromSortedOffsets needs both edges non-decreasing.
    const ranges: (AbstractRange | null)[] = [];
    for (let from = 0; from < found.length; ) {
      let to = from + 1;
      while (to < found.length && (found[to] as Found).end >= (found[to - 1] as Found).end) to++;
      ranges.push(...rangesFromSortedOffsets(model, found.slice(from, to)));
      from = to;
    }
    const placed: PlacedNote[] = [];
    for (const [i, { method, ...item }] of found.entries()) {
      const range = ranges[i];
      if (range) {
        placed.push({ ...item, range });
        counts[method]++;
      } else orphans.push(item.note);
    }
    this.placedNotes = placed;
    this.orphanNotes = orphans;
    this.paint();
    counts.orphans = orphans.length;
    return counts;
  }

  /** The placed note with this id, if it is on the page. */
  find(id: string): PlacedNote | undefined {
    return this.placedNotes.find((placed) => placed.note.id === id);
  }

  /**
   * The placed note at the DOM point (node, offset): the shortest one where notes overlap (the
   * inner passage is the one the pointer singles out). Compares DOM points, like the mention index,
   * so it stays right after the <mark> fallback split text nodes.
   */
  atPoint(node: Node, offset: number): PlacedNote | undefined {
    this.probe ??= node.ownerDocument?.createRange() ?? null;
    const probe = this.probe;
    if (!probe) return undefined;
    let best: PlacedNote | undefined;
    for (const placed of this.placedNotes) {
      if (best && placed.end - placed.start >= best.end - best.start) continue;
      try {
        probe.setStart(placed.range.startContainer, placed.range.startOffset);
        probe.setEnd(placed.range.endContainer, placed.range.endOffset);
        if (probe.comparePoint(node, offset) === 0) best = placed;
      } catch {
        // A point in another tree (our own shadow root), or a range the page's changes outdated.
      }
    }
    return best;
  }

  /** Takes one note off the page at once (deleted): the others stay painted. */
  remove(id: string): void {
    const kept = this.placedNotes.filter((placed) => placed.note.id !== id);
    if (kept.length === this.placedNotes.length) return;
    this.placedNotes = kept;
    this.paint();
  }

  /** Shows a changed note (its colour, text, tags) where it is, without anchoring again. */
  update(note: AnnotationRecord): void {
    const placed = this.find(note.id);
    if (!placed) return;
    this.placedNotes = this.placedNotes.map((p) => (p === placed ? { ...placed, note } : p));
    this.paint();
  }

  /** Paints the placed notes again (after the page cleared them, or the fallback's marks). */
  paint(): void {
    const groups = new Map<string, PlacedNote[]>();
    for (const placed of this.placedNotes) {
      const group = noteGroup(placed.note.colour);
      const list = groups.get(group);
      if (list) list.push(placed);
      else groups.set(group, [placed]);
    }
    this.painter.paint(groups);
  }

  /** Takes every note off the page (the data stays with the background). */
  clear(): void {
    clearTimeout(this.flashTimer);
    this.painter.clear();
    this.placedNotes = [];
    this.orphanNotes = [];
  }

  /** Puts back highlights the page removed from CSS.highlights (rate-limited by the painter). */
  restore(): void {
    if (this.placedNotes.length > 0) this.painter.restore();
  }

  /** The painter's own elements (the fallback's <mark>s), so the change watcher ignores them. */
  owns(node: Node): boolean {
    return this.painter.owns(node);
  }

  /** The notes' ids as the page has them: placed ones in reading order, then the orphans. */
  order(): Pick<PageNotes, 'placed' | 'orphans'> {
    return { placed: this.placedNotes.map((p) => p.note.id), orphans: this.orphanNotes.map((n) => n.id) };
  }

  /**
   * Shows note `id`: `scroll` brings its passage into view and the passage flashes for FLASH_MS
   * (the flash of a mention the reader jumped to, drawn over every colour). An orphan or a note
   * this page does not have is only reported.
   */
  reveal(id: string, scroll: (range: AbstractRange) => void): RevealOutcome {
    const placed = this.placedNotes.find((p) => p.note.id === id);
    if (!placed) return this.orphanNotes.some((n) => n.id === id) ? 'orphan' : 'unknown';
    scroll(placed.range);
    clearTimeout(this.flashTimer);
    this.painter.focus(placed.range);
    this.flashTimer = setTimeout(() => this.painter.focus(null), FLASH_MS);
    return 'shown';
  }
}
