// The dictionary matcher (DESIGN.md §3): fold the text, tokenise it, look each token up in a table
// keyed by the first word of every name form, extend over the following tokens, and keep the
// leftmost-longest match. Arabic clitics (و ف ب ك ل and the article) are peeled off the first
// word only; demonyms are generated for places; surnames count once the full name was seen.

import { foldInto, MAX_EXPANSION, scanText, TextScan } from '../text/fold';
import {
  HASH_SEED,
  hashKey,
  hashRange,
  hashUnits,
  hasShape,
  leadShapeOf,
  SHAPE_BITS,
  type ShapeFilter,
  shapeBit,
  shapeKey,
  shapeOf,
  TokenBuffers,
  tokenizeUnits,
} from '../text/tokenize';
import type { Dictionary, Entity, Mention, MentionKind } from './types';

export interface Matcher {
  /** Mentions in `text`: leftmost-longest, non-overlapping, sorted by start, original offsets. */
  match(text: string): Mention[];
  entity(id: string): Entity | undefined;
  readonly entities: readonly Entity[];
}

// ---------------------------------------------------------------------------------------------
// Outputs: what a complete form yields

// Lower rank wins when one form belongs to several entities or kinds.
const KINDS: readonly MentionKind[] = ['name', 'alias', 'demonym', 'surname'];
const RANK: Record<MentionKind, number> = { name: 0, alias: 1, demonym: 2, surname: 3 };

// Packed in one small integer, so a node holds no object: rank << 28 | entity << 1 | upperOnly.
// Sorting packed outputs sorts by rank, then by dictionary order.
// upperOnly: short all-capital English forms (US, UN, MEK) only match upper-case text ("us").
const ENTITY_BITS = 27;
const ENTITY_MASK = (1 << ENTITY_BITS) - 1;
const pack = (rank: number, entity: number, upperOnly: boolean): number =>
  (rank << (ENTITY_BITS + 1)) | (entity << 1) | (upperOnly ? 1 : 0);
const RANK_SHIFT = ENTITY_BITS + 1;
const entityOf = (p: number): number => (p >>> 1) & ENTITY_MASK;
const rankOf = (p: number): number => p >>> RANK_SHIFT;

// ---------------------------------------------------------------------------------------------
// Clitics

/** One way to peel clitics off a first word. */
interface Clitic {
  /** What the text shows before the remainder, e.g. "وب", "لل", "وال". */
  written: string;
  /** What the dictionary word has before the remainder: "" or the article (لل = ل + ال, alef dropped). */
  restore: string;
  /** Hash state after `restore`. */
  seed: number;
  /** Units of `written` left out of the highlight: the clitics, never a written article. */
  skip: number;
}

const ALEF_LAM = 'ال';

/** All clitic combinations (و|ف)?(ب|ك|ل)?(ال)?, fewest letters first: on a tie, fewer letters stripped win. */
function buildClitics(): Clitic[] {
  const list: Clitic[] = [];
  const add = (written: string, restore: string, skip: number): void => {
    list.push({ written, restore, seed: hashRange(restore, 0, restore.length, HASH_SEED), skip });
  };
  for (const conj of ['', 'و', 'ف']) {
    for (const prep of ['', 'ب', 'ك', 'ل']) {
      const head = conj + prep;
      if (head !== '') add(head, '', head.length);
      if (prep === 'ل') {
        // Only the preposition is left out: the article stays in the highlight whenever it is
        // written, here as its lam (ل|لولايات المتحدة, like ب|الناتو).
        add(`${conj}لل`, ALEF_LAM, conj.length + 1); // للولايات = ل + الولايات
        add(`${conj}لل`, 'الل', conj.length + 1); // للجنة = ل + اللجنة (the lams merge)
      } else if (head !== '') {
        add(head + ALEF_LAM, ALEF_LAM, head.length); // والإيرانية, بالناتو
      }
    }
  }
  return list.sort((a, b) => a.written.length - b.written.length);
}

// The readings as a trie of the letters they write: a word's first letters lead, one by one, to the
// readings that write exactly them, in the list's order (so still fewest letters first). For وقال
// the walk ends after و; the match loop reads it without objects, iterators or string calls.
const CLITICS = buildClitics();
/** The restores the readings use, once each: "" (index 0, also a bare first word), ال, الل. */
const RESTORES: readonly string[] = [...new Set(['', ...CLITICS.map((c) => c.restore)])];
/**
 * The shape filter's leads (tokenize.ts, ShapeFilter): the letters a reading starts with (و ف ب
 * ك ل), all of class 1. A text word starting with one has the shape of a first word behind
 * clitics when its second and last letters and its length are those of what a reading writes
 * followed by what the restore leaves of a first word.
 */
const LEADS = new Uint8Array(0x10000);
for (const c of CLITICS) LEADS[c.written.charCodeAt(0)] = 1;
/**
 * For each restore, the shapes of what its readings write, once each, as pairs: the second letter
 * (0 when only one is written: the remainder's first follows) and how many are written.
 */
const CLITIC_SHAPES: readonly number[][] = RESTORES.map((r) => {
  const pairs = new Set<string>();
  for (const { written, restore } of CLITICS)
    if (restore === r) pairs.add(`${written.length > 1 ? written.charCodeAt(1) : 0},${written.length}`);
  return [...pairs].flatMap((pair) => pair.split(',').map(Number));
});
const readingRestore = new Uint8Array(CLITICS.length);
const readingSeed = new Int32Array(CLITICS.length);
const readingSkip = new Uint8Array(CLITICS.length);
/** Letters the readings write, numbered from 1, by unit - 0x600; 0 for the others. */
const cliticLetter = new Uint8Array(0x100);
const LETTERS = 8;
const ROOT_STATE = 1;
/** Trie states: transitions[state * LETTERS + letter] is the next state, 0 for none. */
let transitions = new Uint8Array(0);
/** The readings that write exactly the letters leading to a state: stateReadings[stateFrom[state], stateTo[state]). */
let stateFrom = new Uint8Array(0);
let stateTo = new Uint8Array(0);
let stateReadings = new Uint8Array(0);
{
  const next: number[][] = [[], []]; // state 0: none, state 1: the root
  const readingsOf: number[][] = [[], []];
  let letters = 0;
  CLITICS.forEach((c, r) => {
    readingRestore[r] = RESTORES.indexOf(c.restore);
    readingSeed[r] = c.seed;
    readingSkip[r] = c.skip;
    let state = ROOT_STATE;
    for (let k = 0; k < c.written.length; k++) {
      const f = c.written.charCodeAt(k) - 0x600;
      if (cliticLetter[f] === 0) cliticLetter[f] = ++letters;
      const l = cliticLetter[f] as number;
      const nextStates = next[state] as number[];
      if (!nextStates[l]) {
        nextStates[l] = next.length;
        next.push([]);
        readingsOf.push([]);
      }
      state = nextStates[l] as number;
    }
    (readingsOf[state] as number[]).push(r);
  });
  if (letters >= LETTERS || next.length > 0xff) throw new Error('clitic trie too large');
  transitions = new Uint8Array(next.length * LETTERS);
  next.forEach((states, state) => {
    states.forEach((to, l) => {
      if (to) transitions[state * LETTERS + l] = to;
    });
  });
  stateFrom = new Uint8Array(next.length);
  stateTo = new Uint8Array(next.length);
  stateReadings = new Uint8Array(CLITICS.length);
  let q = 0;
  readingsOf.forEach((list, state) => {
    stateFrom[state] = q;
    for (const r of list) stateReadings[q++] = r;
    stateTo[state] = q;
  });
}
/** The remainder after a clitic must be a dictionary word of at least this many letters. */
const MIN_STRIPPED_WORD = 3;

// ---------------------------------------------------------------------------------------------
// Forms of an entity

/** A form to index and what it yields. */
export interface Form {
  text: string;
  kind: MentionKind;
}

/** Receives a form as up to three pieces (prefix + core + suffix), so demonyms need no concatenation. */
type FormSink = (kind: MentionKind, core: string, prefix?: string, suffix?: string) => void;

const NISBA_ENDINGS = ['ي', 'ية', 'يون', 'يين', 'يان', 'يات'];

/** Removes harakat and tatweel so the ending rules see letters only. */
function bareArabic(s: string): string {
  return s.replace(/[\u0610-\u061a\u0640\u064b-\u065f\u0670\u06d6-\u06ed]/g, '').trim();
}

/**
 * The nisba root of a one-word place name: the article dropped, then a final ا / ة (and a ي
 * before it) dropped — ألبانيا → ألبان, إيران → إيران, السعودية → سعود. Null when no nisba is made.
 */
export function nisbaRoot(nameAr: string): string | null {
  let stem = bareArabic(nameAr);
  if (stem === '' || /\s/.test(stem)) return null; // multi-word places take irregular demonyms
  // The article is written with a plain alef (ألبانيا starts with a hamza alef, not with ال).
  if ((stem.startsWith('ال') || stem.startsWith('ٱل')) && stem.length > 4) stem = stem.slice(2);
  const last = stem.slice(-1);
  if (last === 'ا' || last === 'ة') {
    stem = stem.slice(0, -1);
    if (stem.endsWith('ي')) stem = stem.slice(0, -1);
  } else if (last === 'ي' || last === 'ى') {
    return null; // مالي: the nisba would be the name itself, its feminine a common word
  }
  return stem.length >= 2 ? stem : null;
}

/** The nisba family of a root: six endings, each with and without the article. No broken plurals. */
function emitNisba(root: string, emit: FormSink): void {
  for (const ending of NISBA_ENDINGS) {
    emit('demonym', root, '', ending);
    emit('demonym', root, ALEF_LAM, ending);
  }
}

/** Arabic demonyms of a place: the generated nisba plus the curated irregulars, each inflected. */
function emitArabicDemonyms(entity: Entity, emit: FormSink): void {
  const root = nisbaRoot(entity.names.ar);
  if (root) emitNisba(root, emit);
  for (const irregular of entity.demonyms.ar) {
    const bare = bareArabic(irregular);
    // أمريكي → أمريك + endings; a form not ending in ي is kept as given, with the article.
    if (bare.endsWith('ي') && bare.length > 2) emitNisba(bare.slice(0, -1), emit);
    else if (bare !== '') {
      emit('demonym', bare);
      emit('demonym', bare, ALEF_LAM);
    }
  }
}

/** Every form of `entity` with its kind, in pieces. */
function emitForms(entity: Entity, emit: FormSink): void {
  emit('name', entity.names.ar);
  emit('name', entity.names.en);
  for (const a of entity.aliases.ar) emit('alias', a);
  for (const a of entity.aliases.en) emit('alias', a);
  if (entity.type === 'place') {
    emitArabicDemonyms(entity, emit);
    // English demonyms and their -s plurals (Iranian, Iranians).
    for (const d of entity.demonyms.en) {
      emit('demonym', d);
      if (!/s$/i.test(d)) emit('demonym', d, '', 's');
    }
  }
  if (entity.type === 'person') {
    for (const s of entity.surnames.ar) emit('surname', s);
    for (const s of entity.surnames.en) emit('surname', s);
  }
}

/** Every form that names `entity`, with its kind (for tests, tools and the benchmark). */
export function entityForms(entity: Entity): Form[] {
  const forms: Form[] = [];
  emitForms(entity, (kind, core, prefix = '', suffix = '') => {
    const text = prefix + core + suffix;
    if (text.trim() !== '') forms.push({ text, kind });
  });
  return forms;
}

/** US, UN, MEK, U.S.: at most three Latin letters, all capitals, nothing else but punctuation. */
function isShortAcronym(form: string): boolean {
  let letters = 0;
  for (let i = 0; i < form.length; i++) {
    const c = form.charCodeAt(i);
    if (c >= 0x41 && c <= 0x5a) letters++;
    else if ((c >= 0x61 && c <= 0x7a) || c > 0x7f) return false;
  }
  return letters > 0 && letters <= 3;
}

// ---------------------------------------------------------------------------------------------
// The trie: nodes in typed arrays, edges in one open-addressing table

const KEY_MASK = 0x3fffffff;
/** Edge key: the word's hash for a first word (parent 0), mixed with the parent id otherwise. */
const edgeKey = (parent: number, wordHash: number): number =>
  (wordHash ^ Math.imul(parent, 0x9e3779b1)) & KEY_MASK;

// A bit per first-word key (2^21 bits = 256 KB): most text words are no first word, and one bit
// test is cheaper than a table probe in a large dictionary.
const BLOOM_BITS = 21;
const BLOOM_MASK = (1 << BLOOM_BITS) - 1;

// The shape filter (tokenize.ts, shapeBit): a bit per shape of a dictionary word, tagged with what
// the word is. Tags 0…2: a first word after restore 0…2 (0 is "": the bare word), its shape taken
// after the restore. CLITIC_TAG: a first word behind a clitic reading, as a text writes it
// (وللجنة). Most text words have neither shape; the text scan lists the others and only those are
// hashed and looked up. No false negatives: every shape a match needs is marked.
const CLITIC_TAG = 3;

function setShape(bits: Int32Array, key: number, tag: number): void {
  const bit = shapeBit(key, tag);
  bits[bit >>> 5] = (bits[bit >>> 5] as number) | (1 << (bit & 31));
}

function grow<T extends Int32Array | Uint16Array | Uint8Array>(a: T, min: number, make: (n: number) => T): T {
  if (a.length >= min) return a;
  const b = make(Math.max(min, a.length * 2));
  b.set(a);
  return b;
}

/**
 * Nodes are numbered from 1 (0 is the root) and live in typed arrays, words in one unit pool:
 * a 30k-entry dictionary is a handful of arrays for the GC, not hundreds of thousands of objects.
 * A look-up hashes, probes, then compares the word, so no substring is cut while matching.
 */
class Trie {
  private nodes = 1;
  parent: Int32Array;
  /** Best packed output of a node, -1 if no form ends there. */
  output: Int32Array;
  /** 1 when a node has children. */
  inner: Uint8Array;
  private wordStart: Int32Array;
  private wordEnd: Int32Array;
  private pool: Uint16Array;
  private poolEnd = 0;
  /** Further outputs of the rare nodes shared by several entities, sorted. */
  readonly more = new Map<number, number[]>();
  // Open addressing, linear probing. Slot i is slots[2i] = edge key, slots[2i+1] = node (0 = empty):
  // key and node share a cache line, so a probe costs one memory access.
  private slots: Int32Array;
  private slotMask: number;
  readonly bloom = new Int32Array(1 << (BLOOM_BITS - 5));
  /** A bit per shape of a first word, see shapeBit. */
  readonly shapes = new Int32Array(Math.ceil(SHAPE_BITS / 32));
  /** 1 when a node has further outputs in `more`. */
  multi: Uint8Array;

  /** `entities` sizes the tables: about eight nodes per entry once demonyms count; they grow if not. */
  constructor(entities: number) {
    const nodes = Math.max(1024, entities * 8);
    const size = 2 ** Math.ceil(Math.log2(nodes * 2));
    this.slots = new Int32Array(size * 2);
    this.slotMask = size - 1;
    this.parent = new Int32Array(nodes);
    this.output = new Int32Array(nodes).fill(-1);
    this.inner = new Uint8Array(nodes);
    this.multi = new Uint8Array(nodes);
    this.wordStart = new Int32Array(nodes);
    this.wordEnd = new Int32Array(nodes);
    this.pool = new Uint16Array(nodes * 8);
  }

  // Scratch for one form.
  private units = new Uint16Array(256);
  private readonly tokens = new TokenBuffers();

  /** Adds a form given as prefix + core + suffix; its words come from the text tokeniser. */
  insert(packed: number, core: string, prefix = '', suffix = ''): void {
    const need = (prefix.length + core.length + suffix.length) * MAX_EXPANSION;
    if (this.units.length < need) this.units = new Uint16Array(need);
    const u = this.units;
    const len = foldInto(suffix, u, foldInto(core, u, foldInto(prefix, u, 0)));
    const { count, starts, ends, hashes } = tokenizeUnits(u, len, this.tokens);
    if (count === 0) return;
    let node = 0;
    // Below a node made by this very form nothing exists yet: no need to look.
    let fresh = false;
    for (let k = 0; k < count; k++) {
      const s = starts[k] as number;
      const e = ends[k] as number;
      const key = edgeKey(node, hashes[k] as number);
      let child = fresh ? 0 : this.find(key, node, u, s, e, '');
      if (child === 0) {
        child = this.add(key, node, u, s, e);
        fresh = true;
      }
      if (node === 0) {
        // A first word new to the trie: the filters learn it.
        if (fresh) {
          this.markStart(key);
          this.markShapes(u, s, e);
        }
      } else this.inner[node] = 1;
      node = child;
    }
    this.addOutput(node, packed);
  }

  /** The node for edge `key` from `parent` whose word is restore + u[from, to), or 0. */
  find(key: number, parent: number, u: Uint16Array, from: number, to: number, restore: string): number {
    const slots = this.slots;
    const mask = this.slotMask;
    for (let i = key & mask; ; i = (i + 1) & mask) {
      const n = slots[2 * i + 1] as number;
      if (n === 0) return 0;
      if (slots[2 * i] === key && this.parent[n] === parent && this.sameWord(n, restore, u, from, to))
        return n;
    }
  }

  /** Whether a first word may have key `key` (no false negatives). */
  mayStart(key: number): boolean {
    const bit = key & BLOOM_MASK;
    return ((this.bloom[bit >>> 5] as number) & (1 << (bit & 31))) !== 0;
  }

  /** Whether node n's word equals restore + u[from, to). */
  private sameWord(n: number, restore: string, u: Uint16Array, from: number, to: number): boolean {
    const ws = this.wordStart[n] as number;
    if ((this.wordEnd[n] as number) - ws !== restore.length + (to - from)) return false;
    const pool = this.pool;
    for (let k = 0; k < restore.length; k++) if (pool[ws + k] !== restore.charCodeAt(k)) return false;
    for (let k = ws + restore.length, i = from; i < to; k++, i++) if (pool[k] !== u[i]) return false;
    return true;
  }

  /** Whether units[from, to) may have a shape marked with `tag` (no false negatives). */
  mayShape(tag: number, units: Uint16Array, from: number, to: number): boolean {
    return hasShape(this.shapes, shapeOf(units, from, to), tag);
  }

  /** Whether units[from, to) may be a first word behind clitics. */
  mayHaveClitics(units: Uint16Array, from: number, to: number): boolean {
    const key = leadShapeOf(LEADS, units, from, to);
    return key >= 0 && hasShape(this.shapes, key, CLITIC_TAG);
  }

  /** Marks the shapes of first word u[s, e): after each restore it begins with, and behind each clitic reading. */
  private markShapes(u: Uint16Array, s: number, e: number): void {
    const bits = this.shapes;
    const last = u[e - 1] as number;
    for (let r = 0; r < RESTORES.length; r++) {
      const restore = RESTORES[r] as string;
      const from = s + restore.length;
      if (from >= e || !startsWithAt(u, s, e, restore)) continue;
      setShape(bits, shapeOf(u, from, e), r);
      // The text shows a reading's letters, then what the restore leaves of the word.
      if (e - from < 2) continue;
      const shapes = CLITIC_SHAPES[r] as number[];
      for (let k = 0; k < shapes.length; k += 2) {
        const second = shapes[k] as number;
        const b = second === 0 ? (u[from] as number) : second;
        setShape(bits, shapeKey(1, b, last, (shapes[k + 1] as number) + e - from), CLITIC_TAG);
      }
    }
  }

  private markStart(key: number): void {
    const bit = key & BLOOM_MASK;
    this.bloom[bit >>> 5] = (this.bloom[bit >>> 5] as number) | (1 << (bit & 31));
  }

  private add(key: number, parent: number, u: Uint16Array, from: number, to: number): number {
    const n = this.nodes++;
    if (n >= this.parent.length) this.growNodes(n + 1);
    this.parent[n] = parent;
    if (this.poolEnd + (to - from) > this.pool.length) this.growPool(this.poolEnd + (to - from));
    const pool = this.pool;
    let p = this.poolEnd;
    this.wordStart[n] = p;
    for (let i = from; i < to; i++) pool[p++] = u[i] as number;
    this.poolEnd = p;
    this.wordEnd[n] = p;
    // Keep the table at most half full so probes stay short.
    if (n * 2 > this.slotMask) this.rehash((this.slotMask + 1) * 2);
    this.place(key, n);
    return n;
  }

  private growPool(min: number): void {
    const pool = new Uint16Array(Math.max(min, this.pool.length * 2));
    pool.set(this.pool);
    this.pool = pool;
  }

  private growNodes(min: number): void {
    const size = Math.max(min, this.parent.length * 2);
    this.parent = grow(this.parent, size, (k) => new Int32Array(k));
    const output = new Int32Array(size).fill(-1);
    output.set(this.output);
    this.output = output;
    this.inner = grow(this.inner, size, (k) => new Uint8Array(k));
    this.multi = grow(this.multi, size, (k) => new Uint8Array(k));
    this.wordStart = grow(this.wordStart, size, (k) => new Int32Array(k));
    this.wordEnd = grow(this.wordEnd, size, (k) => new Int32Array(k));
  }

  private place(key: number, n: number): void {
    const mask = this.slotMask;
    let i = key & mask;
    while (this.slots[2 * i + 1] !== 0) i = (i + 1) & mask;
    this.slots[2 * i] = key;
    this.slots[2 * i + 1] = n;
  }

  private rehash(size: number): void {
    const old = this.slots;
    this.slots = new Int32Array(size * 2);
    this.slotMask = size - 1;
    for (let i = 0; i < old.length; i += 2) {
      const n = old[i + 1] as number;
      if (n !== 0) this.place(old[i] as number, n);
    }
  }

  /** Keeps one output per entity (its best kind; upper-case-only only if every form was), sorted. */
  private addOutput(node: number, packed: number): void {
    const first = this.output[node] as number;
    if (first < 0) {
      this.output[node] = packed;
      return;
    }
    const all = [first, ...(this.more.get(node) ?? [])];
    const entity = entityOf(packed);
    const same = all.findIndex((p) => entityOf(p) === entity);
    if (same < 0) all.push(packed);
    else {
      const old = all[same] as number;
      const upperOnly = (old & 1) === 1 && (packed & 1) === 1;
      all[same] = pack(Math.min(rankOf(old), rankOf(packed)), entity, upperOnly);
    }
    all.sort((a, b) => a - b);
    this.output[node] = all[0] as number;
    if (all.length > 1) this.more.set(node, all.slice(1));
    else this.more.delete(node);
    this.multi[node] = all.length > 1 ? 1 : 0;
  }
}

/** Compiles a dictionary into a matcher. */
export function compileMatcher(dict: Dictionary): Matcher {
  const trie = new Trie(dict.entities.length);
  const entities = dict.entities;
  let index = 0;
  const sink: FormSink = (kind, core, prefix, suffix) => {
    const upperOnly = kind !== 'demonym' && isShortAcronym(core);
    trie.insert(pack(RANK[kind], index, upperOnly), core, prefix, suffix);
  };
  for (; index < entities.length; index++) emitForms(entities[index] as Entity, sink);
  return new TrieMatcher(entities, trie);
}

// ---------------------------------------------------------------------------------------------
// Matching

const SPACE = 0x20;
const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;
const HYPHEN = 0x2d;
const APOS = 0x27;
const DOT = 0x2e;
const LOWER_S = 0x73;

/**
 * Whether the units between two words of one name may be crossed: spaces, hyphens, apostrophes,
 * a possessive 's (People's Mojahedin), a dot after a single letter (U.S., J. Smith), and one line
 * break (HTML source and hard-wrapped text break lines anywhere). Never a blank line or the text
 * model's block separator (U+2029), a comma or a quote.
 */
function softGap(u: Uint16Array, from: number, to: number, prevLength: number): boolean {
  let lineBreaks = 0;
  for (let i = from; i < to; i++) {
    const c = u[i];
    // A letter s between words can only be a possessive the tokeniser dropped.
    if (c === SPACE || c === HYPHEN || c === APOS || c === TAB || c === LOWER_S || c === CR) continue;
    if (c === LF && ++lineBreaks === 1) continue;
    if (c === DOT && prevLength === 1) continue;
    return false;
  }
  return true;
}

function startsWithAt(u: Uint16Array, at: number, end: number, s: string): boolean {
  if (end - at < s.length) return false;
  for (let k = 0; k < s.length; k++) if (u[at + k] !== s.charCodeAt(k)) return false;
  return true;
}

function hasLowerAscii(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x61 && c <= 0x7a) return true;
  }
  return false;
}

const SURNAME = RANK.surname;
const NO_UNITS = new Uint16Array(0);

class TrieMatcher implements Matcher {
  /** Built on the first entity() call: matching does not need it. */
  private byId: Map<string, Entity> | null = null;
  /**
   * seenAt[e]: a running number of the last name or alias mention of entity e. It counts for
   * surnames when greater than passStart, i.e. made earlier in the current match() call.
   */
  private readonly seenAt: Int32Array;
  /** ids[e]: the id of entity e; made by the first match() call. */
  private ids: readonly string[] | null = null;
  private readonly filter: ShapeFilter;
  private seen = 0;
  private passStart = 0;
  /** The text being matched, folded and split into words. */
  private readonly scan = new TextScan();
  // State of the current match() call, in fields so the helpers allocate nothing.
  private text = '';
  private units: Uint16Array = NO_UNITS;
  private count = 0;
  /** Result of extend(): last token of the best form and its packed output. */
  private lastToken = -1;
  private best = -1;

  constructor(
    readonly entities: readonly Entity[],
    private readonly trie: Trie,
  ) {
    this.seenAt = new Int32Array(entities.length);
    this.filter = { bits: trie.shapes, leads: LEADS, leadTag: CLITIC_TAG };
  }

  entity(id: string): Entity | undefined {
    if (!this.byId) {
      this.byId = new Map();
      for (const e of this.entities) if (!this.byId.has(e.id)) this.byId.set(e.id, e);
    }
    return this.byId.get(id);
  }

  match(text: string): Mention[] {
    const scan = this.scan;
    this.ids ??= this.entities.map((e) => e.id);
    scanText(text, scan, this.filter);
    const count = scan.count;
    this.text = text;
    this.units = scan.units;
    this.count = count;
    this.passStart = this.seen;
    const mentions: Mention[] = [];
    // The scan listed the words shaped like a first word, bare or behind clitics: most are not.
    const candidates = scan.candidates;
    const candidateCount = scan.candidateCount;
    let next = 0;
    for (let k = 0; k < candidateCount; k++) {
      const c = candidates[k] as number;
      if (c >>> 1 >= next) next = this.matchAt(c >>> 1, (c & 1) === 1, mentions);
    }
    this.text = '';
    this.units = NO_UNITS;
    scan.release();
    return mentions;
  }

  /**
   * Tries token i as a first word, bare (when `bare`: it has the shape of one) or behind clitics
   * (when not `bare`, it has the shape of one behind clitics). Adds the mention found; returns
   * the next token. Runs for every candidate, mostly unoptimised: few calls.
   */
  private matchAt(i: number, bare: boolean, mentions: Mention[]): number {
    const scan = this.scan;
    const units = this.units;
    const trie = this.trie;
    const s = scan.starts[i] as number;
    const e = scan.ends[i] as number;
    let start = -1;
    if (bare) {
      const key = hashUnits(units, s, e, HASH_SEED) & KEY_MASK;
      const bit = key & BLOOM_MASK; // mayStart() written out
      if (((trie.bloom[bit >>> 5] as number) & (1 << (bit & 31))) !== 0) {
        const node = trie.find(key, 0, units, s, e, '');
        if (node !== 0 && this.extend(node, i, s)) start = s;
      }
      if (start < 0 && trie.mayHaveClitics(units, s, e)) start = this.withClitics(i);
    } else start = this.withClitics(i);
    if (start < 0) return i + 1;
    const end = scan.ends[this.lastToken] as number;
    // Without deletions or expansions folded offsets are the original ones.
    const plain = scan.breaks === 0;
    const best = this.best;
    const entity = (best >>> 1) & ENTITY_MASK;
    const rank = best >>> RANK_SHIFT;
    mentions.push({
      start: plain ? start : scan.originalAt(start),
      end: plain ? end : scan.originalEnd(end),
      entityId: (this.ids as readonly string[])[entity] as string,
      kind: KINDS[rank] as MentionKind,
    });
    if (rank <= RANK.alias) this.seenAt[entity] = ++this.seen; // a name or an alias
    return this.lastToken + 1;
  }

  /** The first output of `node` valid for a mention over folded [s, e), or -1. */
  private pick(node: number, s: number, e: number): number {
    const trie = this.trie;
    const first = trie.output[node] as number;
    if (first < 0) return -1;
    if (trie.multi[node] === 0) {
      // Most outputs: one entity, not a surname, any case.
      if ((first & 1) === 0 && first >>> RANK_SHIFT !== SURNAME) return first;
      return this.valid(first, s, e) ? first : -1;
    }
    const more = trie.more.get(node) as number[];
    // Outputs are sorted by rank, so a valid name, alias or demonym comes before any surname.
    if (rankOf(first) !== SURNAME) return this.valid(first, s, e) ? first : this.pickMore(more, s, e);
    return this.pickMore([first, ...more], s, e);
  }

  /** The first valid output; among surnames, the one whose person was named most recently. */
  private pickMore(outputs: readonly number[], s: number, e: number): number {
    let best = -1;
    for (const p of outputs) {
      if (!this.valid(p, s, e)) continue;
      if (rankOf(p) !== SURNAME) return p;
      if (best < 0 || (this.seenAt[entityOf(p)] as number) > (this.seenAt[entityOf(best)] as number))
        best = p;
    }
    return best;
  }

  private valid(p: number, s: number, e: number): boolean {
    // A surname alone counts only after the full name (or an alias) earlier in this text.
    if (rankOf(p) === SURNAME && (this.seenAt[entityOf(p)] as number) <= this.passStart) return false;
    if ((p & 1) === 1) {
      const scan = this.scan;
      const os = scan.originalAt(s);
      const oe = scan.originalEnd(e);
      if (hasLowerAscii(this.text, os, oe)) return false;
    }
    return true;
  }

  /** From a first-word node at token i, follows the next tokens; the longest complete form wins. */
  private extend(first: number, i: number, s: number): boolean {
    const { starts, ends } = this.scan;
    const { units, trie } = this;
    this.lastToken = -1;
    this.best = -1;
    let node = first;
    let j = i;
    for (;;) {
      const p = this.pick(node, s, ends[j] as number);
      if (p >= 0) {
        this.lastToken = j;
        this.best = p;
      }
      if (trie.inner[node] === 0 || j + 1 >= this.count) break;
      const end = ends[j] as number;
      const next = starts[j + 1] as number;
      if (!softGap(units, end, next, end - (starts[j] as number))) break;
      const nextEnd = ends[j + 1] as number;
      const key = edgeKey(node, hashKey(hashUnits(units, next, nextEnd, HASH_SEED)));
      const child = trie.find(key, node, units, next, nextEnd, '');
      if (child === 0) break;
      node = child;
      j++;
    }
    return this.best >= 0;
  }

  /**
   * Tries the clitic readings of token i and keeps the best: the longest, then the better kind
   * (وللاذقية is و + ل + اللاذقية the name before و + ل + لاذقية the demonym), then the one that
   * strips fewest letters. Returns the folded start or -1; lastToken and best hold the match.
   */
  private withClitics(i: number): number {
    const units = this.units;
    const trie = this.trie;
    const s = this.scan.starts[i] as number;
    const e = this.scan.ends[i] as number;
    let start = -1;
    let last = -1;
    let best = -1;
    // Walk the trie of readings along the word's first letters.
    let state = ROOT_STATE;
    for (let k = s; k < e; k++) {
      const f = (units[k] as number) - 0x600;
      if (f < 0 || f > 0xff || cliticLetter[f] === 0) break;
      state = transitions[state * LETTERS + (cliticLetter[f] as number)] as number;
      if (state === 0) break;
      const from = k + 1;
      for (let q = stateFrom[state] as number; q < (stateTo[state] as number); q++) {
        const r = stateReadings[q] as number;
        const restore = readingRestore[r] as number;
        const restoreText = RESTORES[restore] as string;
        if (e - from < 2 || restoreText.length + (e - from) < MIN_STRIPPED_WORD) continue;
        if (!trie.mayShape(restore, units, from, e)) continue;
        const key = hashKey(hashUnits(units, from, e, readingSeed[r] as number));
        if (!trie.mayStart(key)) continue;
        const node = trie.find(key, 0, units, from, e, restoreText);
        if (node === 0 || !this.extend(node, i, s + (readingSkip[r] as number))) continue;
        if (this.lastToken > last || (this.lastToken === last && rankOf(this.best) < rankOf(best))) {
          start = s + (readingSkip[r] as number);
          last = this.lastToken;
          best = this.best;
        }
      }
    }
    this.lastToken = last;
    this.best = best;
    return start;
  }
}
