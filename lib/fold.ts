// Folding: one table that makes spelling variants equal before matching (DESIGN.md §3).
// Both the dictionary and the page text go through it, so "إِيرَانَ", "ايران" and "إيران" meet,
// as do "Durrës" and "durres". The folded text keeps a map back to the original offsets so a
// match can be painted on the page exactly where it was found.

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

const SPACE = 0x20;
const APOSTROPHE = 0x27;

/** Character classes the spec deletes outright (before any decomposition). */
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
