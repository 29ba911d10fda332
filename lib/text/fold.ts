// Folding: one table that makes spelling variants equal before matching (DESIGN.md §3).
// Both the dictionary and the page text go through it, so "إِيرَانَ", "ايران" and "إيران" meet,
// as do "Durrës" and "durres". The folded text keeps a map back to the original offsets so a
// match can be painted on the page exactly where it was found.

import {
  BEGINNING_MIX,
  HASH_SEED,
  isWordUnit,
  KEY_MASK,
  NEXT_MIX,
  SHAPE_KEY_MIX,
  SHAPE_SHIFT,
  SHAPE_THIRD_MIX,
  type WordFilter,
} from './tokenize';
import { APOSTROPHE, LOWER_S, SPACE } from './units';

/** Folded text plus, for every folded UTF-16 unit, the offset in the original it came from. */
export interface Folded {
  text: string;
  /** map[i] is the original UTF-16 offset of folded char i; length = text.length; non-decreasing. */
  map: Int32Array;
  /**
   * Length of the original text. Set by fold(); lets a span that ends the text take in the marks
   * after its last letter. Optional so hand-made Folded values stay valid.
   */
  sourceLength?: number;
}

/** The most folded units one original UTF-16 unit can become (U+FDFA, a whole phrase). */
export const MAX_EXPANSION = 18;

// Table entries: >= 0 is the single folded unit; negatives are the rarer cases.
const UNKNOWN = -1; // not computed yet (the table fills lazily: most pages use a few hundred chars)
const DELETE = -2; // harakat, tatweel, format characters, combining marks
const EXPAND = -3; // more than one unit: presentation-form ligatures, compatibility forms
const HIGH_SURROGATE = -4; // start of a pair: folded by code point, off the fast path

/** Character classes the spec deletes outright (before any decomposition). */
/**
 * Whether text[start, end) is written `spelling` letter for letter, less what folding deletes
 * (harakat, tatweel, format characters): اليمنى is not اليمني, nor حمأة حماة.
 */
export function writtenAs(text: string, start: number, end: number, spelling: string): boolean {
  let k = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (isDeleted(c)) continue;
    if (c !== spelling.charCodeAt(k++)) return false;
  }
  return k === spelling.length;
}

/** A spelling as writtenAs() compares it: what folding deletes, deleted. */
export function writtenForm(word: string): string {
  let out = '';
  for (let i = 0; i < word.length; i++) if (!isDeleted(word.charCodeAt(i))) out += word[i];
  return out;
}

function isDeleted(c: number): boolean {
  return (
    (c >= 0x064b && c <= 0x065f) ||
    c === 0x0670 ||
    (c >= 0x0610 && c <= 0x061a) ||
    (c >= 0x06d6 && c <= 0x06ed) ||
    c === 0x0640 ||
    (c >= 0x200c && c <= 0x200f) ||
    c === 0x061c ||
    (c >= 0x202a && c <= 0x202e) ||
    (c >= 0x2060 && c <= 0x2069) ||
    c === 0xfeff ||
    c === 0x00ad
  );
}

// Single-unit folds the spec names; applied both to the raw char and to each unit of its decomposition.
const DIRECT: ReadonlyMap<number, number> = new Map<number, number>([
  // ZWSP, NBSP, NNBSP separate words like a space.
  [0x200b, SPACE],
  [0x00a0, SPACE],
  [0x202f, SPACE],
  // Alef variants.
  [0x0623, 0x0627],
  [0x0625, 0x0627],
  [0x0622, 0x0627],
  [0x0671, 0x0627],
  [0x0672, 0x0627],
  [0x0673, 0x0627],
  // Alef maqsura, ta marbuta, hamza on seats.
  [0x0649, 0x064a],
  [0x0629, 0x0647],
  [0x0624, 0x0648],
  [0x0626, 0x064a],
  // Persian / Urdu letters.
  [0x06cc, 0x064a],
  [0x06d0, 0x064a],
  [0x06a9, 0x0643],
  [0x06af, 0x0643],
  [0x06be, 0x0647],
  [0x06c0, 0x0647],
  [0x06c1, 0x0647],
  [0x06c2, 0x0647],
  [0x06d5, 0x0647],
  [0x067e, 0x0628],
  [0x0686, 0x062c],
  [0x06a4, 0x0641],
  // Apostrophe look-alikes become one ASCII apostrophe, so "Mandiant’s" tokenises like "Mandiant's".
  [0x2019, APOSTROPHE],
  [0x2018, APOSTROPHE],
  [0x02bc, APOSTROPHE],
  [0x02bb, APOSTROPHE],
  [0x0060, APOSTROPHE],
  [0x00b4, APOSTROPHE],
  [0x2032, APOSTROPHE],
  // Hyphen look-alikes inside names ("Mujahedin‑e Khalq") become the ASCII hyphen.
  [0x2010, 0x2d],
  [0x2011, 0x2d],
  // Latin letters whose mark no decomposition strips, as English news writes them: ı (Kırıkkale),
  // ł (Łódź, lower-cased first), ø (Tromsø), đ (Đoković; Đ lower-cases to it).
  [0x0131, 0x69],
  [0x0142, 0x6c],
  [0x00f8, 0x6f],
  [0x0111, 0x64],
]);

const MARK = /\p{M}/u;
const MARKS = /\p{M}/gu;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** A unit after decomposition: spec folds, deletions, digits. Returns DELETE or the folded unit. */
function foldUnit(c: number): number {
  if (isDeleted(c)) return DELETE;
  const direct = DIRECT.get(c);
  if (direct !== undefined) return direct;
  if (c >= 0x0660 && c <= 0x0669) return 0x30 + c - 0x0660; // Arabic-Indic digits
  if (c >= 0x06f0 && c <= 0x06f9) return 0x30 + c - 0x06f0; // Extended (Persian) digits
  return c;
}

/** Folds one code point into a string ('' = deleted). Slow; results are cached by the callers. */
export function foldCodePoint(cp: number): string {
  if (cp <= 0xffff) {
    if (isDeleted(cp)) return '';
    const unit = foldUnit(cp);
    if (unit !== cp) return String.fromCharCode(unit);
  }
  const ch = String.fromCodePoint(cp);
  if (MARK.test(ch)) return '';
  if (cp >= 0xac00 && cp <= 0xd7a3) return ch; // Hangul syllables: decomposing only lengthens
  // Decompose twice around lower-casing: "İ" lower-cases to "i" + a combining dot.
  const plain = ch.normalize('NFKD').toLowerCase().normalize('NFKD').replace(MARKS, '');
  let out = '';
  for (let i = 0; i < plain.length; i++) {
    const unit = foldUnit(plain.charCodeAt(i));
    if (unit !== DELETE) out += String.fromCharCode(unit);
  }
  // Isolated/medial presentation forms of harakat decompose to space or tatweel + mark: delete.
  if (cp >= 0xfe70 && cp <= 0xfe7f && out.trim() === '') return '';
  // Outside the BMP keep letters and digits only; anything else (emoji, symbols) separates words.
  if (cp > 0xffff && !LETTER_OR_DIGIT.test(ch)) return ' ';
  return out;
}

const TABLE = new Int32Array(0x10000).fill(UNKNOWN);
const EXPANSIONS = new Map<number, string>();
const ASTRAL = new Map<number, string>();
for (let c = 0xd800; c <= 0xdbff; c++) TABLE[c] = HIGH_SURROGATE;
// A lone low surrogate is not text: let it separate words.
for (let c = 0xdc00; c <= 0xdfff; c++) TABLE[c] = SPACE;

/**
 * The chars most pages are made of, folded at load by rule, not on first use: the first
 * foldCodePoint() compiles Unicode regular expressions, which costs a fresh page about a
 * millisecond. For these, decomposing and lower-casing change nothing but A–Z, so foldUnit() and
 * A–Z lower-cased give what foldCodePoint() gives: ASCII, the Arabic letters, harakat and digits
 * (U+0621–U+0670), Arabic and English news punctuation, and the spaces and format characters of
 * U+200B–U+200F (tests/unit/text/fold.test.ts checks each).
 */
export const FOLDED_AT_LOAD: readonly (readonly [number, number])[] = [
  [0x0000, 0x007f],
  [0x00a0, 0x00a0],
  [0x00ab, 0x00ab],
  [0x00bb, 0x00bb],
  [0x060c, 0x060c],
  [0x061b, 0x061b],
  [0x061f, 0x061f],
  [0x0621, 0x0670],
  [0x200b, 0x200f],
  [0x2013, 0x2014],
  [0x2018, 0x2019],
  [0x201c, 0x201d],
];
for (const [from, to] of FOLDED_AT_LOAD)
  for (let c = from; c <= to; c++) TABLE[c] = c >= 0x41 && c <= 0x5a ? c + 0x20 : foldUnit(c);

/** Fills the table entry for a BMP unit on first use. */
function computeEntry(c: number): number {
  const s = foldCodePoint(c);
  let v: number;
  if (s.length === 0) v = DELETE;
  else if (s.length === 1) v = s.charCodeAt(0);
  else {
    EXPANSIONS.set(c, s);
    v = EXPAND;
  }
  TABLE[c] = v;
  return v;
}

function astral(cp: number): string {
  let s = ASTRAL.get(cp);
  if (s === undefined) {
    s = foldCodePoint(cp);
    ASTRAL.set(cp, s);
  }
  return s;
}

/** Folded text as UTF-16 units, for the matcher: no string is built on its hot path. */
export interface FoldedUnits {
  /** units[0, length) is the folded text. */
  readonly units: Uint16Array;
  /** map[0, length): original offset of each folded unit. */
  readonly map: Int32Array;
  readonly length: number;
  readonly sourceLength: number;
}

/** Expansion or surrogate pair at `i`: the units it folds to. */
function foldRare(original: string, i: number, c: number, v: number): string {
  if (v === EXPAND) return EXPANSIONS.get(c) ?? '';
  const lo = i + 1 < original.length ? original.charCodeAt(i + 1) : 0;
  if (lo >= 0xdc00 && lo <= 0xdfff) return astral(((c - 0xd800) << 10) + (lo - 0xdc00) + 0x10000);
  return ' '; // a lone high surrogate separates words
}

function isPairAt(original: string, i: number, v: number): boolean {
  if (v !== HIGH_SURROGATE || i + 1 >= original.length) return false;
  const lo = original.charCodeAt(i + 1);
  return lo >= 0xdc00 && lo <= 0xdfff;
}

// Scratch buffers reused by foldUnits(), so matching a page does not churn the GC. Texts larger
// than this get their own buffers, so a huge page does not pin memory afterwards.
const KEEP_SCRATCH = 1 << 21;
let scratchUnits = new Uint16Array(4096);
let scratchMap = new Int32Array(4096);

/**
 * Folds `original` in one pass. The result's buffers are shared scratch space: valid until the
 * next foldUnits() call. Use fold() for a result that lasts.
 */
export function foldUnits(original: string): FoldedUnits {
  const n = original.length;
  let out = scratchUnits;
  let map = scratchMap;
  if (out.length < n + 16) {
    out = new Uint16Array(n + 16);
    map = new Int32Array(n + 16);
    if (n <= KEEP_SCRATCH) {
      scratchUnits = out;
      scratchMap = map;
    }
  }
  let o = 0;
  for (let i = 0; i < n; i++) {
    const c = original.charCodeAt(i);
    let v = TABLE[c] as number;
    if (v === UNKNOWN) v = computeEntry(c);
    if (v >= 0) {
      out[o] = v;
      map[o++] = i;
      continue;
    }
    if (v === DELETE) continue;
    const s = foldRare(original, i, c, v);
    const at = i;
    if (isPairAt(original, i, v)) i++;
    // Folding rarely grows text; when it does (ligatures) the buffers grow.
    if (o + s.length + (n - i) + 16 > out.length) {
      const size = (o + s.length + (n - i) + 16) * 2;
      const grownOut = new Uint16Array(size);
      grownOut.set(out.subarray(0, o));
      const grownMap = new Int32Array(size);
      grownMap.set(map.subarray(0, o));
      out = grownOut;
      map = grownMap;
    }
    for (let k = 0; k < s.length; k++) {
      out[o] = s.charCodeAt(k);
      map[o++] = at;
    }
  }
  return { units: out, map, length: o, sourceLength: n };
}

// ---------------------------------------------------------------------------------------------
// Folding and splitting into words in one pass, for the matcher

/** TextScan.candidates: the word passed the filter as it is. */
export const AS_IS = 1;
/** TextScan.candidates: the word passed the filter behind a lead. */
export const BEHIND_LEAD = 2;

/** A folded unit that belongs to a word carries this flag in SCAN (the unit is below it). */
const WORD_FLAG = 0x10000;
/** TABLE with the word class of the folded unit added: one read per char. Filled lazily too. */
const SCAN = new Int32Array(0x10000).fill(UNKNOWN);

function computeScanEntry(c: number): number {
  let v = TABLE[c] as number;
  if (v === UNKNOWN) v = computeEntry(c);
  if (v >= 0 && isWordUnit(v)) v += WORD_FLAG;
  SCAN[c] = v;
  return v;
}
for (const [from, to] of FOLDED_AT_LOAD) for (let c = from; c <= to; c++) computeScanEntry(c);

/**
 * A text folded and split into words in one pass: the units and words foldUnits() and then
 * tokenizeUnits() give (each word's key too), and then, per matcher, the words that pass its word
 * filter (listCandidates()). The map back to the original is kept as the few places where it stops
 * counting one by one, as deletions and expansions are rare: the pass writes one unit per char. A
 * matcher keeps one and scanText() reuses its buffers; matchEach() shares one among matchers.
 */
export class TextScan {
  /** units[0, length) is the folded text. */
  units = new Uint16Array(0);
  length = 0;
  sourceLength = 0;
  /** Words: [starts[k], ends[k]) in the folded units, k < count. */
  starts = new Int32Array(0);
  ends = new Int32Array(0);
  /** keys[k]: word k's hash key, wordKey() of its units (tokenizeUnits()'s hashes). */
  keys = new Int32Array(0);
  count = 0;
  /**
   * The words that passed the filter, ascending: candidates[0, candidateCount) is k << 2 for word
   * k, plus AS_IS when it passed as it is and BEHIND_LEAD when it passed behind a lead.
   */
  candidates = new Int32Array(0);
  candidateCount = 0;
  /** From folded unit breakAt[b] on (to the next break), original offset = folded offset + breakShift[b]. */
  breakAt = new Int32Array(64);
  breakShift = new Int32Array(64);
  breaks = 0;
  // The state of scanText() when it leaves its loop for a rare char.
  /** Start of the word being read, -1 between words. */
  wordStart = -1;
  /** FNV-1a hash of the word being read so far. */
  wordHash = HASH_SEED;
  /** End of the last word when it was kept (not a possessive), else -2. */
  kept = -2;
  /**
   * The text scanned last (scanText()): a matcher given this scan for that text uses it as it is,
   * so the matchers of one page (the reader's, packs', the shipped dictionary's) scan it once.
   */
  source = '';
  /** How far into source the scan went (scanAhead()); sourceLength is set once it reached the end. */
  scanned = 0;

  /** The original offset folded unit k (< length) came from: map[k] of fold(). */
  originalAt(k: number): number {
    const at = this.breakAt;
    let lo = 0;
    let hi = this.breaks;
    // The last break at or before k.
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((at[mid] as number) <= k) lo = mid + 1;
      else hi = mid;
    }
    return lo === 0 ? k : k + (this.breakShift[lo - 1] as number);
  }

  /** The original end of a folded span ending at `end` (> 0), as spanInOriginal() gives it. */
  originalEnd(end: number): number {
    const last = this.originalAt(end - 1);
    let next = end;
    while (next < this.length && this.originalAt(next) === last) next++;
    const e = next < this.length ? this.originalAt(next) : this.sourceLength;
    return e <= last ? last + 1 : e;
  }

  /** Folded unit k and those after it come from original offsets k + (original - k) on. */
  mapFrom(k: number, original: number): void {
    const b = this.breaks;
    if (b > 0 && this.breakAt[b - 1] === k) {
      this.breakShift[b - 1] = original - k;
      return;
    }
    if (b === this.breakAt.length) {
      const at = new Int32Array(b * 2);
      at.set(this.breakAt);
      const shift = new Int32Array(b * 2);
      shift.set(this.breakShift);
      this.breakAt = at;
      this.breakShift = shift;
    }
    this.breakAt[b] = k;
    this.breakShift[b] = original - k;
    this.breaks = b + 1;
  }

  /** Adds unit u, from original offset `at`, off scanText()'s fast path. */
  addUnit(u: number, at: number): void {
    if (isWordUnit(u)) {
      if (this.wordStart < 0) {
        this.wordStart = this.length;
        this.wordHash = HASH_SEED;
      }
      this.wordHash = Math.imul(this.wordHash ^ u, 0x01000193);
    } else this.endWord();
    this.mapFrom(this.length, at);
    this.units[this.length++] = u;
  }

  /** Ends the word being read, if any: what scanText()'s loop does at a separator. */
  endWord(): void {
    const start = this.wordStart;
    if (start < 0) return;
    const o = this.length;
    this.wordStart = -1;
    const units = this.units;
    const kept = this.kept;
    // An "'s" right after a word is a possessive, not a word.
    if (o - start === 1 && units[start] === LOWER_S && start === kept + 1 && units[kept] === APOSTROPHE) {
      this.kept = -2;
      return;
    }
    const key = this.wordHash & KEY_MASK;
    this.keys[this.count] = key;
    this.starts[this.count] = start;
    this.ends[this.count++] = o;
    this.kept = o;
  }

  /** Room for `units` folded units and the words among them. */
  reserve(units: number): void {
    if (this.units.length < units) {
      const grown = new Uint16Array(Math.max(units, this.units.length * 2));
      grown.set(this.units.subarray(0, this.length));
      this.units = grown;
    }
    // At most one word per two units (a unit and a separator), plus one.
    const words = (this.units.length >> 1) + 1;
    if (this.starts.length < words) {
      this.starts = grownTo(this.starts, words, this.count);
      this.ends = grownTo(this.ends, words, this.count);
      this.keys = grownTo(this.keys, words, this.count);
      this.candidates = grownTo(this.candidates, words, this.candidateCount);
    }
  }

  /** Drops buffers a huge text needed, so they are not kept for the next, smaller page. */
  release(): void {
    if (this.units.length > KEEP_SCRATCH) {
      this.units = new Uint16Array(0);
      this.starts = new Int32Array(0);
      this.ends = new Int32Array(0);
      this.keys = new Int32Array(0);
      this.candidates = new Int32Array(0);
      this.length = 0;
      this.count = 0;
      this.candidateCount = 0;
    }
    if (this.breakAt.length > KEEP_SCRATCH) {
      this.breakAt = new Int32Array(64);
      this.breakShift = new Int32Array(64);
      this.breaks = 0;
    }
    this.source = '';
  }
}

function grownTo(a: Int32Array, size: number, keep: number): Int32Array<ArrayBuffer> {
  const b = new Int32Array(size);
  b.set(a.subarray(0, keep));
  return b;
}

/**
 * Folds `original` and splits it into words in one pass, into `out`: the same units, offsets and
 * words as foldUnits() then tokenizeUnits(), including the dropped possessive "'s". Word ends are
 * decided on folded units, so a deleted mark inside a word does not split it. It needs no
 * dictionary: each matcher then lists the words that may begin one of its names (listCandidates()).
 *
 * This runs once per page over the whole article, mostly before the engine has optimised it. The
 * loop is scanRun(), small and apart: it compiles early and cheaply, and the chars it leaves to
 * scanRare() (a table entry not computed yet, an expansion, a surrogate pair) neither cost it
 * nor enlarge it.
 */
export function scanText(original: string, out: TextScan): void {
  startScan(original, out);
  scanAhead(out, original.length);
}

/**
 * Starts a scan of `original` into `out` that scanAhead() then takes on piece by piece: a matcher
 * scans a long text a piece at a time and matches each piece as it goes, while the piece's units
 * and words, and the dictionary's tables they reached, are still in the processor's cache (a pass
 * over a whole long text's units, then one over its words, each ran from memory).
 */
export function startScan(original: string, out: TextScan): void {
  out.length = 0;
  out.count = 0;
  out.candidateCount = 0;
  out.breaks = 0;
  out.wordStart = -1;
  out.kept = -2;
  out.source = original;
  out.sourceLength = -1;
  out.scanned = 0;
  out.reserve(original.length + 16);
}

/**
 * Scans about `chars` more chars of the text startScan() began (more to end a surrogate pair):
 * returns true once the whole text is scanned. Until then the word being read is not among the
 * words yet.
 */
export function scanAhead(out: TextScan, chars: number): boolean {
  const original = out.source;
  const n = original.length;
  if (out.sourceLength === n) return true;
  const limit = Math.min(n, out.scanned + chars);
  let i = scanRun(original, out.scanned, limit, out);
  while (i < limit) i = scanRun(original, scanRare(original, i, out), limit, out);
  out.scanned = i;
  if (i < n) return false;
  out.endWord();
  out.sourceLength = n;
  return true;
}

/**
 * scanText()'s loop, from original[from] up to original[limit], while each char folds to one unit
 * or is deleted: returns where it stopped, the limit or a char for scanRare(). Its state comes from
 * `out` and goes back there. A char costs one table read and one write, a word end three more;
 * nothing here allocates or calls a function of ours, and every constant is a local or a literal,
 * which the engine's first tiers read fastest.
 */
function scanRun(original: string, from: number, limit: number, out: TextScan): number {
  const n = limit;
  const table = SCAN;
  const units = out.units;
  const starts = out.starts;
  const ends = out.ends;
  const keys = out.keys;
  const breakAt = out.breakAt;
  const breakShift = out.breakShift;
  const breakRoom = breakAt.length;
  let o = out.length;
  let count = out.count;
  let breaks = out.breaks;
  /** Start of the word being read, -1 between words. */
  let start = out.wordStart;
  /** FNV-1a hash of the word being read so far. */
  let h = out.wordHash;
  /** End of the last word when it was kept (not a possessive), else -2. */
  let kept = out.kept;
  let i = from;
  while (i < n) {
    let v = table[original.charCodeAt(i)] as number;
    if (v >= 0x10000) {
      // A word's units, up to the first that is none (WORD_FLAG is above the 16 bits kept): the
      // loop most chars take, as short as it can be.
      // Its FNV-1a hash (wordKey()) runs along.
      if (start < 0) {
        start = o;
        h = 0x811c9dc5 | 0; // HASH_SEED
      }
      do {
        units[o] = v;
        h = Math.imul(h ^ (v & 0xffff), 0x01000193);
        o++;
        i++;
        if (i === n) break;
        v = table[original.charCodeAt(i)] as number;
      } while (v >= 0x10000);
      if (i === n) break;
    }
    if (v >= 0) {
      if (start >= 0) {
        // TextScan.endWord() written out: an "'s" right after a word is a possessive, not a word.
        if (o - start === 1 && units[start] === 0x73 && start === kept + 1 && units[kept] === 0x27)
          kept = -2; // LOWER_S, APOSTROPHE
        else {
          keys[count] = h & 0x3fffffff; // KEY_MASK: wordKey()
          starts[count] = start;
          ends[count] = o;
          count++;
          kept = o;
        }
        start = -1;
      }
      units[o] = v;
      o++;
    } else if (v === -2 && breaks < breakRoom) {
      // DELETE: TextScan.mapFrom(o, i + 1) written out. With the table full, scanRare() grows it:
      // testing for that here first ran mid-page, and the engine threw away the loop's optimised
      // code for an operation it had never seen (DESIGN.md §7).
      if (breaks > 0 && breakAt[breaks - 1] === o) breakShift[breaks - 1] = i + 1 - o;
      else {
        breakAt[breaks] = o;
        breakShift[breaks] = i + 1 - o;
        breaks++;
      }
    } else break;
    i++;
  }
  out.length = o;
  out.count = count;
  out.breaks = breaks;
  out.wordStart = start;
  out.wordHash = h;
  out.kept = kept;
  return i;
}

/**
 * Lists the scanned words [from, to) that may begin a dictionary name (TextScan.candidates): as
 * they are, by their key's bit in the first words' Bloom filter and a beginning's bit (the word
 * after each is read too: it must be scanned, if the text has one), or behind a lead, by their
 * shape. One pass over the words, with shapeKey() (the lead in place of the first unit),
 * shapeBit() and beginningBit() written out, as TrieBuilder marks them.
 */
export function listCandidates(scan: TextScan, filter: WordFilter, from: number, to: number): void {
  const { units, starts, ends, keys, candidates, count } = scan;
  const { firstWords, firstWordMask, beginnings, beginningShift, bits, leads } = filter;
  const leadTag = filter.leadTag << 26; // as shapeBit() mixes it in
  let candidateCount = 0;
  for (let k = from; k < to; k++) {
    const key = keys[k] as number;
    const bit = key & firstWordMask;
    let passed = ((firstWords[bit >>> 5] as number) >>> (bit & 31)) & 1; // AS_IS
    if (passed !== 0) {
      // A first word: does a name begin here, as a whole form or with the next word (beginningBit())?
      let at = Math.imul(key, BEGINNING_MIX) >>> beginningShift;
      passed = ((beginnings[at >>> 5] as number) >>> (at & 31)) & 1;
      if (passed === 0 && k + 1 < count) {
        at = Math.imul(key ^ Math.imul(keys[k + 1] as number, NEXT_MIX), BEGINNING_MIX) >>> beginningShift;
        passed = ((beginnings[at >>> 5] as number) >>> (at & 31)) & 1;
      }
    }
    const start = starts[k] as number;
    const lead = leads[units[start] as number] as number;
    if (lead !== 0) {
      const end = ends[k] as number;
      const length = end - start;
      const shape =
        (lead << 10) ^
        (length > 1 ? (units[start + 1] as number) : 0) ^
        (((units[end - 1] as number) & 0x3ff) << 16) ^
        ((length & 31) << 21);
      const third = Math.imul(length > 2 ? (units[start + 2] as number) : 0, SHAPE_THIRD_MIX);
      const shapeBit = (Math.imul(shape ^ leadTag, SHAPE_KEY_MIX) ^ third) >>> SHAPE_SHIFT;
      passed |= (((bits[shapeBit >>> 5] as number) >>> (shapeBit & 31)) & 1) << 1; // BEHIND_LEAD
    }
    if (passed !== 0) candidates[candidateCount++] = (k << 2) | passed;
  }
  scan.candidateCount = candidateCount;
}

/** The char at original[i] that scanRun() left: adds what it folds to; returns where to go on. */
function scanRare(original: string, i: number, out: TextScan): number {
  const c = original.charCodeAt(i);
  const v = SCAN[c] as number;
  if (v === UNKNOWN) {
    computeScanEntry(c);
    return i; // again, now with the entry
  }
  if (v === DELETE) {
    out.mapFrom(out.length, i + 1); // a deletion with the break table full
    return i + 1;
  }
  // Expansions and surrogate pairs: several units from one original offset.
  const s = foldRare(original, i, c, v);
  const next = isPairAt(original, i, v) ? i + 2 : i + 1;
  out.reserve(out.length + s.length + (original.length - next) + 16);
  for (let k = 0; k < s.length; k++) out.addUnit(s.charCodeAt(k), i);
  out.mapFrom(out.length, next);
  return next;
}

/**
 * Folds `original` into out[at, …) without a map and returns the new end. The caller guarantees
 * room for original.length * MAX_EXPANSION units. For dictionary forms, folded piece by piece.
 */
export function foldInto(original: string, out: Uint16Array, at: number): number {
  let o = at;
  const n = original.length;
  for (let i = 0; i < n; i++) {
    const c = original.charCodeAt(i);
    let v = TABLE[c] as number;
    if (v === UNKNOWN) v = computeEntry(c);
    if (v >= 0) out[o++] = v;
    else if (v !== DELETE) {
      const s = foldRare(original, i, c, v);
      if (isPairAt(original, i, v)) i++;
      for (let k = 0; k < s.length; k++) out[o++] = s.charCodeAt(k);
    }
  }
  return o;
}

const decoder = new TextDecoder('utf-16le', { ignoreBOM: true });

/** UTF-16 units to a string. */
export function unitsToString(units: Uint16Array, length: number): string {
  return decoder.decode(units.subarray(0, length));
}

/** Folds `original` in one pass, keeping the offset map. */
export function fold(original: string): Folded {
  const f = foldUnits(original);
  return {
    text: unitsToString(f.units, f.length),
    map: f.map.slice(0, f.length),
    sourceLength: f.sourceLength,
  };
}

const scratch: number[] = [];

/** Folds a short string (a dictionary form) without a map; returns it unchanged when nothing folds. */
export function foldText(original: string): string {
  const n = original.length;
  let changed = false;
  scratch.length = 0;
  for (let i = 0; i < n; i++) {
    const c = original.charCodeAt(i);
    let v = TABLE[c] as number;
    if (v === UNKNOWN) v = computeEntry(c);
    if (v === c) {
      scratch.push(c);
      continue;
    }
    changed = true;
    if (v >= 0) scratch.push(v);
    else if (v !== DELETE) {
      const s = foldRare(original, i, c, v);
      if (isPairAt(original, i, v)) i++;
      for (let k = 0; k < s.length; k++) scratch.push(s.charCodeAt(k));
    }
  }
  if (!changed) return original;
  return scratch.length > 4096 ? fold(original).text : String.fromCharCode.apply(null, scratch);
}

/**
 * Maps a folded span [start, end) back to the original text. The end takes in everything the
 * fold deleted after the last letter (its harakat, tatweel, the low half of a surrogate pair), so
 * "إِيرَانَ" is painted whole; the start is the first letter itself, so a clitic's marks stay out.
 */
export function toOriginalSpan(f: Folded, start: number, end: number): [number, number] {
  return spanInOriginal(f.map, f.map.length, f.sourceLength, start, end);
}

/** toOriginalSpan() over a map of which only [0, length) is valid. */
export function spanInOriginal(
  map: Int32Array,
  length: number,
  sourceLength: number | undefined,
  start: number,
  end: number,
): [number, number] {
  const s = map[start] ?? 0;
  const last = end > 0 ? (map[end - 1] as number) : s;
  // A span ending inside an expansion (a ligature, an astral letter) takes the source char whole.
  let next = end;
  while (next < length && map[next] === last) next++;
  let e = next < length ? (map[next] as number) : (sourceLength ?? last + 1);
  if (e <= last) e = last + 1;
  return [s, e];
}
