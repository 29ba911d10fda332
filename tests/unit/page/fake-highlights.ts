// The Custom Highlight API for happy-dom (which has none): a registry of named sets of ranges.
import type { PaintWindow } from '@/lib/page/paint';
import { rangeText } from '@/lib/text/text-model';

/** The Custom Highlight API as a page sees it: a registry of named sets of ranges. */
export class FakeHighlight extends Set<AbstractRange> {
  priority = 0;
  constructor(...ranges: AbstractRange[]) {
    super(ranges);
  }
}

export function fakeWindow() {
  const highlights = new Map<string, FakeHighlight>();
  /** The text of every range any highlight was given, in the order given. */
  const added: string[] = [];
  class RecordingHighlight extends FakeHighlight {
    override add(range: AbstractRange): this {
      added.push(rangeText(range));
      return super.add(range);
    }
  }
  // happy-dom has no Highlight API: this stands in for the parts the painter uses.
  const win = { Highlight: RecordingHighlight, CSS: { highlights }, document } as unknown as PaintWindow;
  let clock = 0;
  const texts = (name: string) => [...(highlights.get(name) ?? [])].map(rangeText);
  return { win, highlights, added, texts, now: () => clock, advance: (ms: number) => (clock += ms) };
}
