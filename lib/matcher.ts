// The dictionary matcher (DESIGN.md §3): fold the text, tokenise it, look each token up in a table
// keyed by the first word of every name form, extend over the following tokens, and keep the
// leftmost-longest match. Arabic clitics (و ف ب ك ل and the article) are peeled off the first
// word only; demonyms are generated for places; surnames count once the full name was seen.
import type { Dictionary, Entity, Mention, MentionKind } from './entity-types';
import { type FoldedUnits, foldInto, foldUnits, MAX_EXPANSION, spanInOriginal } from './fold';
import { HASH_SEED, hashKey, hashRange, hashUnits, TokenBuffers, tokenizeUnits } from './tokenize';

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
const entityOf = (p: number): number => (p >>> 1) & ENTITY_MASK;
const rankOf = (p: number): number => p >>> (ENTITY_BITS + 1);

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

/** The clitic readings by the first letter they need (و ف ب ك ل), fewest letters first. */
const CLITICS_BY_FIRST = new Map<number, Clitic[]>();
for (const c of buildClitics()) {
  const first = c.written.charCodeAt(0);
  const list = CLITICS_BY_FIRST.get(first) ?? [];
  list.push(c);
  CLITICS_BY_FIRST.set(first, list);
}
// A flat table over the Arabic block so most words leave at one array read.
const CLITIC_FIRST = new Uint8Array(0x100);
for (const first of CLITICS_BY_FIRST.keys()) CLITIC_FIRST[first - 0x600] = 1;
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

  /** `entities` sizes the tables: about eight nodes per entry once demonyms count; they grow if not. */
  constructor(entities: number) {
    const nodes = Math.max(1024, entities * 8);
    const size = 2 ** Math.ceil(Math.log2(nodes * 2));
    this.slots = new Int32Array(size * 2);
    this.slotMask = size - 1;
    this.parent = new Int32Array(nodes);
    this.output = new Int32Array(nodes).fill(-1);
    this.inner = new Uint8Array(nodes);
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
      if (node === 0) this.markStart(key);
      else this.inner[node] = 1;
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

class TrieMatcher implements Matcher {
  /** Built on the first entity() call: matching does not need it. */
  private byId: Map<string, Entity> | null = null;
  /**
   * seenAt[e]: a running number of the last name or alias mention of entity e. It counts for
   * surnames when greater than passStart, i.e. made earlier in the current match() call.
   */
  private readonly seenAt: Int32Array;
  private seen = 0;
  private passStart = 0;
  private readonly tokens = new TokenBuffers();
  // State of the current match() call, in fields so the helpers allocate nothing.
  private text = '';
  private folded: FoldedUnits | null = null;
  private units: Uint16Array = new Uint16Array(0);
  private count = 0;
  /** Result of extend(): last token of the best form and its packed output. */
  private lastToken = -1;
  private best = -1;

  constructor(
    readonly entities: readonly Entity[],
    private readonly trie: Trie,
  ) {
    this.seenAt = new Int32Array(entities.length);
  }

  entity(id: string): Entity | undefined {
    if (!this.byId) {
      this.byId = new Map();
      for (const e of this.entities) if (!this.byId.has(e.id)) this.byId.set(e.id, e);
    }
    return this.byId.get(id);
  }

  match(text: string): Mention[] {
    const folded = foldUnits(text);
    const units = folded.units;
    const { count, starts, ends, hashes } = tokenizeUnits(units, folded.length, this.tokens);
    this.text = text;
    this.folded = folded;
    this.units = units;
    this.count = count;
    this.passStart = this.seen;
    const trie = this.trie;
    const mentions: Mention[] = [];
    let i = 0;
    while (i < count) {
      const s = starts[i] as number;
      const key = hashes[i] as number;
      let start = -1;
      if (trie.mayStart(key)) {
        const node = trie.find(key, 0, units, s, ends[i] as number, '');
        if (node !== 0 && this.extend(node, i, s)) start = s;
      }
      if (start < 0) start = this.withClitics(i);
      if (start < 0) {
        i++;
        continue;
      }
      const end = ends[this.lastToken] as number;
      const [os, oe] = spanInOriginal(folded.map, folded.length, folded.sourceLength, start, end);
      const entity = entityOf(this.best);
      const kind = KINDS[rankOf(this.best)] as MentionKind;
      mentions.push({ start: os, end: oe, entityId: (this.entities[entity] as Entity).id, kind });
      if (kind === 'name' || kind === 'alias') this.seenAt[entity] = ++this.seen;
      i = this.lastToken + 1;
    }
    this.text = '';
    this.folded = null;
    return mentions;
  }

  /** The first output of `node` valid for a mention over folded [s, e), or -1. */
  private pick(node: number, s: number, e: number): number {
    const first = this.trie.output[node] as number;
    if (first < 0) return -1;
    const more = this.trie.more.get(node);
    // Outputs are sorted by rank, so a valid name, alias or demonym comes before any surname.
    if (rankOf(first) !== RANK.surname || !more)
      return this.valid(first, s, e) ? first : this.pickMore(more, s, e);
    return this.pickMore([first, ...more], s, e);
  }

  /** The first valid output; among surnames, the one whose person was named most recently. */
  private pickMore(outputs: readonly number[] | undefined, s: number, e: number): number {
    let best = -1;
    for (const p of outputs ?? []) {
      if (!this.valid(p, s, e)) continue;
      if (rankOf(p) !== RANK.surname) return p;
      if (best < 0 || (this.seenAt[entityOf(p)] as number) > (this.seenAt[entityOf(best)] as number))
        best = p;
    }
    return best;
  }

  private valid(p: number, s: number, e: number): boolean {
    // A surname alone counts only after the full name (or an alias) earlier in this text.
    if (rankOf(p) === RANK.surname && (this.seenAt[entityOf(p)] as number) <= this.passStart) return false;
    if ((p & 1) === 1 && this.folded) {
      const f = this.folded;
      const [os, oe] = spanInOriginal(f.map, f.length, f.sourceLength, s, e);
      if (hasLowerAscii(this.text, os, oe)) return false;
    }
    return true;
  }

  /** From a first-word node at token i, follows the next tokens; the longest complete form wins. */
  private extend(first: number, i: number, s: number): boolean {
    const { starts, ends, hashes } = this.tokens;
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
      const key = edgeKey(node, hashes[j + 1] as number);
      const child = trie.find(key, node, units, next, ends[j + 1] as number, '');
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
    const s = this.tokens.starts[i] as number;
    const e = this.tokens.ends[i] as number;
    const first = units[s] as number;
    if (first < 0x600 || first > 0x6ff || CLITIC_FIRST[first - 0x600] === 0) return -1;
    let start = -1;
    let last = -1;
    let best = -1;
    for (const c of CLITICS_BY_FIRST.get(first) ?? []) {
      const from = s + c.written.length;
      if (e - from < 2 || c.restore.length + (e - from) < MIN_STRIPPED_WORD) continue;
      if (!startsWithAt(units, s, e, c.written)) continue;
      const key = hashKey(hashUnits(units, from, e, c.seed));
      if (!this.trie.mayStart(key)) continue;
      const node = this.trie.find(key, 0, units, from, e, c.restore);
      if (node === 0 || !this.extend(node, i, s + c.skip)) continue;
      if (this.lastToken > last || (this.lastToken === last && rankOf(this.best) < rankOf(best))) {
        start = s + c.skip;
        last = this.lastToken;
        best = this.best;
      }
    }
    this.lastToken = last;
    this.best = best;
    return start;
  }
}
