// Tokenising folded text into words: runs of letters and digits of any script (DESIGN.md §3).
// Everything else separates words — Arabic punctuation (، ؛ ؟ « »), quotes, ASCII punctuation,
// hyphens — so "Mujahedin-e Khalq" and "Mujahedin e Khalq" give the same words. An English
// possessive "'s" is dropped, so "Mandiant's" is the word "mandiant" followed by nothing.
// JavaScript's \b is ASCII-only, hence a class table instead of regular expressions.

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

// Class table, filled lazily: 0 = not computed yet, 1 = word unit, 2 = separator.
const UNSET = 0;
const WORD = 1;
const SEP = 2;
const CLASS = new Uint8Array(0x10000);
// Surrogates are word units: fold() keeps only letters and digits outside the BMP.
CLASS.fill(WORD, 0xd800, 0xe000);

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
const KEY_MASK = 0x3fffffff;

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

/** Running hash of units[start, end) continued from `h`. */
export function hashUnits(units: Uint16Array, start: number, end: number, h: number): number {
  let x = h;
  for (let i = start; i < end; i++) x = Math.imul(x ^ (units[i] as number), 0x01000193);
  return x;
}

/** Map key of a whole string, as tokenize() computes it for a token. */
export function wordKey(word: string): number {
  return hashRange(word, 0, word.length) & KEY_MASK;
}

const APOS = 0x27;
const LOWER_S = 0x73;

/** True when units[i] begins a possessive "'s" that ends a word (i is just after a token). */
function possessiveIn(units: Uint16Array, i: number, n: number): boolean {
  return (
    units[i] === APOS &&
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
    if (c === APOS && i < n && possessiveIn(units, i, n)) i += 2;
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
