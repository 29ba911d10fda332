// The seed story, hand-labelled (tests/gold/seed-story.gold.json), against the engine with the
// shipped dictionary: every gold mention found, nothing else.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileMatcher } from '../../../lib/entities/matcher';
import type { Dictionary, MentionKind } from '../../../lib/entities/types';

interface GoldMention {
  start: number;
  end: number;
  text: string;
  entity: string;
  kind: MentionKind;
}

interface Gold {
  file: string;
  conventions: string[];
  mentions: GoldMention[];
}

const gold = JSON.parse(readFileSync('tests/gold/seed-story.gold.json', 'utf8')) as Gold;
const text = new TextDecoder().decode(readFileSync(gold.file));
const dictionary = JSON.parse(readFileSync('lib/generated/dictionary.json', 'utf8')) as Dictionary;

const key = (m: Omit<GoldMention, 'text'>): string => `${m.start}-${m.end} ${m.entity} ${m.kind}`;

/** A mention with some text around it, so a failure can be read without counting offsets. */
function show(m: Omit<GoldMention, 'text'>): string {
  const before = text.slice(Math.max(0, m.start - 25), m.start).replace(/\s+/g, ' ');
  const after = text.slice(m.end, m.end + 25).replace(/\s+/g, ' ');
  return `  [${m.start}, ${m.end}) ${m.entity} (${m.kind}): …${before}⟦${text.slice(m.start, m.end)}⟧${after}…`;
}

describe('gold: the seed story', () => {
  it('is well formed: spans are the text, in order, without overlaps, of known entities', () => {
    const ids = new Set(dictionary.entities.map((e) => e.id));
    let previousEnd = 0;
    for (const m of gold.mentions) {
      expect(text.slice(m.start, m.end), show(m)).toBe(m.text);
      expect(m.start, show(m)).toBeGreaterThanOrEqual(previousEnd);
      expect(ids.has(m.entity), `${m.entity} is not in the dictionary`).toBe(true);
      previousEnd = m.end;
    }
    expect(gold.mentions.length).toBeGreaterThanOrEqual(40);
  });

  it('the engine finds exactly the gold mentions', () => {
    const found = compileMatcher(dictionary)
      .match(text)
      .map((m) => ({ start: m.start, end: m.end, entity: m.entityId, kind: m.kind }));
    const expected = new Map(gold.mentions.map((m) => [key(m), m]));
    const actual = new Map(found.map((m) => [key(m), m]));
    const missing = [...expected.values()].filter((m) => !actual.has(key(m)));
    const unexpected = [...actual.values()].filter((m) => !expected.has(key(m)));
    const report = [
      missing.length ? `missing (in gold, not found):\n${missing.map(show).join('\n')}` : '',
      unexpected.length ? `unexpected (found, not in gold):\n${unexpected.map(show).join('\n')}` : '',
    ]
      .filter(Boolean)
      .join('\n');
    expect(report, `\n${report}\n`).toBe('');
  });
});
