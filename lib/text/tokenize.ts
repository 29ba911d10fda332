// Tokenising folded text into words: runs of letters and digits of any script (DESIGN.md §3).
// Everything else separates words — Arabic punctuation (، ؛ ؟ « »), quotes, ASCII punctuation,
// hyphens — so "Mujahedin-e Khalq" and "Mujahedin e Khalq" give the same words. An English
// possessive "'s" is dropped, so "Mandiant's" is the word "mandiant" followed by nothing.
// JavaScript's \b is ASCII-only, hence a class table instead of regular expressions.

import { APOSTROPHE, LOWER_S } from './units';

/** Token positions in a folded text, with a hash of each token for dictionary look-up. */
export interface Tokens {
  /** Number of tokens; the arrays may be longer. */
  readonly count: number;
  /** starts[k], ends[k]: the token's [start, end) in the folded text. */
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  /** hashes[k]: the 30-bit FNV-1a key of the token (wordKey of its text). */
  readonly hashes: Int32Array;
}

/** Separators beyond ASCII whose class is set at load: ، ؛ ؟ « » – — “ ” and the no-break space. */
export const SEPARATORS_SET_AT_LOAD: readonly number[] = [
  0x060c, 0x061b, 0x061f, 0x00ab, 0x00bb, 0x2013, 0x2014, 0x201c, 0x201d, 0x00a0,
];

// Class table, filled lazily: 0 = not computed yet, 1 = word unit, 2 = separator.
const UNSET = 0;
const WORD = 1;
const SEP = 2;
const CLASS = new Uint8Array(0x10000);
// Surrogates are word units: fold() keeps only letters and digits outside the BMP.
CLASS.fill(WORD, 0xd800, 0xe000);

// Set at load by rule, not computed on first use: computing an entry compiles WORD_CHAR, which
// costs a fresh page about a millisecond. ASCII letters and digits, the Arabic letters, marks and
// digits (U+0621–U+0669) are word units; the punctuation of Arabic and English news separates.
// tests/unit/text/tokenize.test.ts checks each against WORD_CHAR.
for (let c = 0; c < 0x80; c++)
  CLASS[c] = (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) ? WORD : SEP;
CLASS.fill(WORD, 0x0621, 0x066a);
for (const c of SEPARATORS_SET_AT_LOAD) CLASS[c] = SEP;

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

function computeClass(c: number): number {
  const k = WORD_CHAR.test(String.fromCharCode(c)) ? WORD : SEP;
  CLASS[c] = k;
  return k;
}

/** True for a unit that belongs to a word (a letter, digit or mark of any script). */
export function isWordUnit(c: number): boolean {
  const k = CLASS[c] as number;
  return (k === UNSET ? computeClass(c) : k) === WORD;
}

// FNV-1a over UTF-16 units. Keys are cut to 30 bits so they stay small integers in V8 maps.
export const HASH_SEED = 0x811c9dc5 | 0;
/** Hash keys are cut to 30 bits (also the trie's edge keys). */
export const KEY_MASK = 0x3fffffff;

/** The map key of a running hash. */
export function hashKey(h: number): number {
  return h & KEY_MASK;
}

/** Running hash of text[start, end) continued from `h`. */
export function hashRange(text: string, start: number, end: number, h: number = HASH_SEED): number {
  let x = h;
  for (let i = start; i < end; i++) x = Math.imul(x ^ text.charCodeAt(i), 0x01000193);
  return x;
}

/** Map key of a whole string, as tokenize() computes it for a token. */
export function wordKey(word: string): number {
  return hashRange(word, 0, word.length) & KEY_MASK;
}

// Word shapes, the matcher's filter for words behind clitics (DESIGN.md §3): a word's first three
// units, its last and its length, hashed to a bit of a table the dictionary marks. A word behind a
// lead, or a clitic reading of it, whose bit is clear is no dictionary word, without hashing it. The
// third unit matters in Arabic, where most words of a dictionary start with the same two (ال). A
// shape is its key (first, second, last units and length) and its third unit: a lead (WordFilter)
// replaces the first unit in the key only. Every intermediate is a small integer: unoptimised code
// computes it without allocating. A bare word needs no shape: the scan hashes every word as it
// reads it, and its key's Bloom bit is the sharper test.

/** Bits in a shape table (a power of two): shapeBit() is below it. */
export const SHAPE_BITS = 1 << 18;
/** shapeBit() keeps the top bits of a 32-bit product. */
export const SHAPE_SHIFT = 32 - 18;
/** Multipliers of shapeBit() (odd, well mixed). */
export const SHAPE_KEY_MIX = 0x9e3779b1 | 0;
export const SHAPE_THIRD_MIX = 0x85ebca6b | 0;

/** The key of a word of `length` units (mod 32) starting a, b (0 for a one-unit word), ending `last`. */
export function shapeKey(a: number, b: number, last: number, length: number): number {
  return (a << 10) ^ b ^ ((last & 0x3ff) << 16) ^ ((length & 31) << 21);
}

/** The bit of the shape (key, third unit) in a table, for words of kind `tag` (0…15). */
export function shapeBit(key: number, third: number, tag: number): number {
  return (Math.imul(key ^ (tag << 26), SHAPE_KEY_MIX) ^ Math.imul(third, SHAPE_THIRD_MIX)) >>> SHAPE_SHIFT;
}

// A first word is worth a trie look-up only if a name may begin there: it is a whole form itself,
// or the word after it is the second word of a form it begins. Most first words in a text are
// neither (في، على، "the" begin names; the next word seldom goes on with one), and two bit tests on
// keys the scan computed anyway cost less than the look-up and the step they spare.

/** beginningBit()'s `next` for a first word that is a whole form. */
export const WHOLE_FORM = 0;
/** Multipliers of beginningBit() (odd, well mixed, not the shape's). */
export const BEGINNING_MIX = 0x27d4eb2f | 0;
export const NEXT_MIX = 0x165667b1 | 0;

/**
 * The bit in a beginnings table (of 2^(32 - shift) bits) of first word `key` followed by a word of
 * key `next`, or of `key` alone (next = WHOLE_FORM).
 */
export function beginningBit(key: number, next: number, shift: number): number {
  return Math.imul(key ^ Math.imul(next, NEXT_MIX), BEGINNING_MIX) >>> shift;
}

/** The key of units[from, to), a non-empty word. */
export function shapeOf(units: Uint16Array, from: number, to: number): number {
  return shapeKey(
    units[from] as number,
    to - from > 1 ? (units[from + 1] as number) : 0,
    units[to - 1] as number,
    to - from,
  );
}

/** The third unit of units[from, to), 0 for a shorter word. */
export function thirdOf(units: Uint16Array, from: number, to: number): number {
  return to - from > 2 ? (units[from + 2] as number) : 0;
}

/**
 * The matcher's word filter: which text words may be dictionary first words, either as they are
 * (their key's bit in a Bloom filter of the first words' keys) or behind a lead (Arabic clitics:
 * their shape with the first unit replaced by its lead class, tag leadTag, in a shape table).
 */
export interface WordFilter {
  /** A bit per first word: bit wordKey(word) & firstWordMask. */
  readonly firstWords: Int32Array;
  readonly firstWordMask: number;
  /** The ways a name may begin, see beginningBit(): a first word passes as it is only with one set. */
  readonly beginnings: Int32Array;
  readonly beginningShift: number;
  /** SHAPE_BITS bits, see shapeBit(). */
  readonly bits: Int32Array;
  /** leads[u]: the class (1…63) of a first unit u that may be a lead, else 0. 0x10000 entries. */
  readonly leads: Uint8Array;
  readonly leadTag: number;
}

/** True when units[i] begins a possessive "'s" that ends a word (i is just after a token). */
function possessiveIn(units: Uint16Array, i: number, n: number): boolean {
  return (
    units[i] === APOSTROPHE &&
    i + 1 < n &&
    units[i + 1] === LOWER_S &&
    (i + 2 >= n || !isWordUnit(units[i + 2] as number))
  );
}

/** Reusable token arrays; tokenizeUnits() grows them as needed. */
export class TokenBuffers implements Tokens {
  count = 0;
  starts = new Int32Array(256);
  ends = new Int32Array(256);
  hashes = new Int32Array(256);

  reserve(capacity: number): void {
    if (this.starts.length >= capacity) return;
    this.starts = new Int32Array(capacity);
    this.ends = new Int32Array(capacity);
    this.hashes = new Int32Array(capacity);
  }
}

/** Tokenises folded units[0, n) in one pass into `out` (reused across calls by the matcher). */
export function tokenizeUnits(units: Uint16Array, n: number, out: TokenBuffers = new TokenBuffers()): Tokens {
  // At most one token per two units (a unit and a separator), plus one.
  out.reserve((n >> 1) + 1);
  const { starts, ends, hashes } = out;
  let count = 0;
  let i = 0;
  while (i < n) {
    let c = units[i] as number;
    let k = CLASS[c] as number;
    if (k === UNSET) k = computeClass(c);
    if (k !== WORD) {
      i++;
      continue;
    }
    const start = i;
    let h = HASH_SEED;
    do {
      h = Math.imul(h ^ c, 0x01000193);
      if (++i >= n) break;
      c = units[i] as number;
      k = CLASS[c] as number;
      if (k === UNSET) k = computeClass(c);
    } while (k === WORD);
    starts[count] = start;
    ends[count] = i;
    hashes[count] = h & KEY_MASK;
    count++;
    if (c === APOSTROPHE && i < n && possessiveIn(units, i, n)) i += 2;
  }
  out.count = count;
  return out;
}

/** Tokenises a folded text. */
export function tokenize(text: string): Tokens {
  const units = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) units[i] = text.charCodeAt(i);
  return tokenizeUnits(units, units.length);
}

/** The words of a (folded) text as strings: for dictionary forms, tools and tests. */
export function tokenWords(text: string): string[] {
  const t = tokenize(text);
  const words: string[] = [];
  for (let k = 0; k < t.count; k++) words.push(text.slice(t.starts[k], t.ends[k]));
  return words;
}
