// The text a background's matcher warms up on (lib/entities/trie.ts, warmUpText): made of the
// dictionary's own words, so that its first run goes through the steps a news page needs.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DICTIONARY_TABLES } from '@/lib/entities/dictionary-file';
import { decodeDictionaryTables, matcherFromFile } from '@/lib/entities/dictionary-tables';
import { warmUpText } from '@/lib/entities/trie';

const file = (): ArrayBuffer => new Uint8Array(readFileSync(DICTIONARY_TABLES)).buffer;

describe('warmUpText', () => {
  const { trie } = decodeDictionaryTables(file());
  const text = warmUpText(trie, 20_000);

  it('is about as long as asked, Arabic and Latin, with clitics, diacritics and punctuation', () => {
    expect(text.length).toBeGreaterThan(15_000);
    expect(text.length).toBeLessThan(25_000);
    expect(text).toMatch(/[\u0621-\u064a]{3}/);
    expect(text).toMatch(/\b[A-Z][a-z]+\b/);
    expect(text).toMatch(/(^|\s)[وبل][\u0621-\u064a]{3}/);
    expect(text).toMatch(/\u064e/);
    expect(text).toMatch(/\u060c/);
    expect(text).toMatch(/\.\n/);
  });

  it('names entities of both scripts when matched, as a page would have them named', () => {
    const mentions = matcherFromFile(file(), null, { verify: false }).match(text);
    expect(mentions.length).toBeGreaterThan(200);
    const spans = mentions.map((m) => text.slice(m.start, m.end));
    expect(spans.some((s) => /^[A-Z]/.test(s))).toBe(true);
    expect(spans.some((s) => /[\u0621-\u064a]/.test(s))).toBe(true);
    expect(mentions.some((m) => m.kind !== 'name')).toBe(true);
  });

  it('is made the same every time', () => {
    expect(warmUpText(trie, 20_000)).toBe(text);
    expect(warmUpText(trie, 2_000).length).toBeLessThan(4_000);
  });
});
