// The finished trie's tables, which are most of the file a page waits for before it can match:
// each distinct word is kept once, and the edge table keeps one word per slot.
import { describe, expect, it } from 'vitest';
import { trieTables } from '../../../lib/entities/dictionary-tables';
import { compileMatcher, compileTrie } from '../../../lib/entities/matcher';
import { edgeKey, MAX_WORD_LENGTH, wordCheck } from '../../../lib/entities/trie';
import type { Dictionary } from '../../../lib/entities/types';
import { wordKey } from '../../../lib/text/tokenize';
import { entity } from './test-dictionary';

const dictionary = (entities: Dictionary['entities']): Dictionary => ({ version: 1, entities });

const BANKS = dictionary([
  entity('central-bank', 'government', 'البنك المركزي', 'Central Bank'),
  entity('national-bank', 'organisation', 'البنك الوطني', 'National Bank'),
  entity('world-bank', 'organisation', 'البنك الدولي', 'World Bank'),
]);

describe('the trie a dictionary file stores', () => {
  it('keeps a word that several names share once, and still tells the names apart', () => {
    const tables = trieTables(compileTrie(BANKS.entities));
    // "bank" follows three different words, so three nodes carry it: the pool holds it once.
    const words = new Set<string>();
    for (let n = 1; n < tables.nodes; n++) {
      const word = tables.words[n] as number;
      const start = word >>> 8;
      words.add(String.fromCharCode(...tables.pool.subarray(start, start + (word & 0xff))));
    }
    expect(words.has('bank')).toBe(true);
    expect(tables.pool.length).toBe([...words].reduce((sum, w) => sum + w.length, 0));
    const found = compileMatcher(BANKS)
      .match('The World Bank, the Central Bank and the National Bank; البنك الدولي والبنك المركزي.')
      .map((m) => m.entityId);
    expect(found).toEqual(['world-bank', 'central-bank', 'national-bank', 'world-bank', 'central-bank']);
  });

  it('has an edge table at most two-thirds full, a power of two in size, one 32-bit word per slot', () => {
    // Enough names for more than the smallest table (1,024 slots).
    const many = dictionary(
      Array.from({ length: 900 }, (_, k) =>
        entity(`bank-${k}`, 'organisation', `بنك ${k}`, `Bank Number ${k}`),
      ),
    );
    const tables = trieTables(compileTrie(many.entities));
    const size = tables.slots.length;
    expect(size & (size - 1)).toBe(0);
    const used = tables.slots.filter((slot) => slot !== 0).length;
    expect(used).toBe(tables.nodes - 1); // one edge into every node but the root
    expect(used).toBeGreaterThan(1024);
    expect(used * 3).toBeLessThanOrEqual(size * 2);
    expect(used * 3).toBeGreaterThan(size); // and no bigger than that needs
  });

  it('leaves out a form with a word no text has (longer than the tables record), keeping the rest', () => {
    const long = 'a'.repeat(MAX_WORD_LENGTH + 1);
    const dict = dictionary([
      entity('tirana', 'place', 'تيرانا', 'Tirana', { aliases: { ar: [], en: [long, 'Tirana City'] } }),
    ]);
    const matcher = compileMatcher(dict);
    expect(matcher.match(`Tirana and Tirana City, not ${long}.`).map((m) => m.end - m.start)).toEqual([
      6, 11,
    ]);
  });
});

describe('a look-up (Trie.find)', () => {
  // Pairs of words whose 30-bit keys (wordKey()) are the same, found by a search over random words:
  // the slot holds the key, so only the node's check (wordCheck()) tells the words apart.
  const SAME_KEY = [
    ['zmmoaz', 'aejobs'],
    ['pddybd', 'clapjo'],
  ] as const;
  const capitalised = (w: string): string => w.charAt(0).toUpperCase() + w.slice(1);

  it('finds no name in a text word that has the name word’s key but other letters', () => {
    for (const [a, b] of SAME_KEY) expect(wordKey(a)).toBe(wordKey(b));
    const dict = dictionary([
      entity('one', 'person', 'زماوز', 'Zmmoaz'),
      entity('two', 'organisation', 'زماوز بدبد', 'Zmmoaz Pddybd'),
    ]);
    const matcher = compileMatcher(dict);
    const spans = (text: string): string[] => matcher.match(text).map((m) => text.slice(m.start, m.end));
    // As a first word, and as the next word of a name (an edge from a parent node).
    expect(spans(`${capitalised('aejobs')} said so.`)).toEqual([]);
    expect(spans('Zmmoaz Clapjo said so.')).toEqual(['Zmmoaz']);
    expect(spans('Zmmoaz Pddybd said so; Zmmoaz too.')).toEqual(['Zmmoaz Pddybd', 'Zmmoaz']);
  });

  it('checks a node by its word and its parent, as the builder and the file have it', () => {
    const trie = compileTrie(BANKS.entities);
    const tables = trieTables(trie);
    const units = (w: string): Uint16Array => Uint16Array.from(w, (c) => c.charCodeAt(0));
    const find = (parent: number, w: string): number =>
      trie.find(edgeKey(parent, wordKey(w)), parent, units(w), 0, w.length, '');
    // "bank" after each of three words: three nodes, each checked with its own parent.
    const checks = new Set<number>();
    for (const before of ['central', 'national', 'world']) {
      const parent = find(0, before);
      expect(tables.checks[parent]).toBe(wordCheck(0, '', units(before), 0, before.length));
      const bank = find(parent, 'bank');
      expect(bank).toBeGreaterThan(0);
      expect(tables.checks[bank]).toBe(wordCheck(parent, '', units('bank'), 0, 4));
      checks.add(tables.checks[bank] as number);
    }
    expect(checks.size).toBe(3);
    // A restore's letters are the word's first: ال + بنك is البنك.
    expect(wordCheck(0, 'ال', units('بنك'), 0, 3)).toBe(wordCheck(0, '', units('البنك'), 0, 5));
  });
});
