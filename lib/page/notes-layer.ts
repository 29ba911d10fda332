// The reader's notes on the page: re-anchored on the article's text model (lib/anchoring, cheapest
// first) and painted in their colours on their own painter layer, above the entity highlights.
// Notes that cannot be placed are orphans: kept and listed, never painted, never deleted.
import { Anchorer } from '../anchoring/anchor';
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

export class NotesLayer {
  private placedNotes: PlacedNote[] = [];
  private orphanNotes: AnnotationRecord[] = [];
  private flashTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly painter: Painter) {}

  /** The notes found on the page, in reading order. */
  get placed(): readonly PlacedNote[] {
    return this.placedNotes;
  }

  /** The notes that could not be found on the page, in the order given. */
  get orphans(): readonly AnnotationRecord[] {
    return this.orphanNotes;
  }

  /** Re-anchors `notes` on `model` and paints the ones found (replacing what was painted). */
  show(model: TextModel, notes: readonly AnnotationRecord[]): void {
    const anchors = new Anchorer(model.text).anchorAll(notes);
    const found: { note: AnnotationRecord; start: number; end: number }[] = [];
    const orphans: AnnotationRecord[] = [];
    for (const [i, note] of notes.entries()) {
      const anchor = anchors[i];
      // Painted edges never split a glyph (a lam-alef ligature), like the entities'.
      if (anchor) found.push({ note, ...ligatureSafeSpan(model.text, anchor.start, anchor.end) });
      else orphans.push(note);
    }
    // Notes may overlap: the ranges are built one at a time from the sorted starts.
    found.sort((a, b) => a.start - b.start || a.end - b.end);
    const placed: PlacedNote[] = [];
    for (const item of found) {
      const [range] = rangesFromSortedOffsets(model, [item]);
      if (range) placed.push({ ...item, range });
      else orphans.push(item.note);
    }
    this.placedNotes = placed;
    this.orphanNotes = orphans;
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
