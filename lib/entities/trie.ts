// The dictionary as a trie of words: nodes in typed arrays, edges in one open-addressing table,
// with the filters (a Bloom bit per first word, a shape bit per first-word shape) that let the
// matcher skip most text words without a probe.

import { foldInto, MAX_EXPANSION, writtenForm } from '../text/fold';
import {
  beginningBit,
  KEY_MASK,
  SHAPE_BITS,
  shapeBit,
  shapeKey,
  shapeOf,
  TokenBuffers,
  thirdOf,
  tokenizeUnits,
  WHOLE_FORM,
} from '../text/tokenize';
import { APOSTROPHE, LOWER_S } from '../text/units';
import { CLITIC_SHAPES, RESTORES } from './clitics';
import { isGivenName, MIN_GIVEN_PEOPLE } from './given-names';
import { entityOf, FLAGS, pack, rankOf, SPELLED_RANK, WORD_RANK } from './outputs';

// ---------------------------------------------------------------------------------------------
// The trie: nodes in typed arrays, edges in one open-addressing table

/** Edge key: the word's hash for a first word (parent 0), mixed with the parent id otherwise. */
export const edgeKey = (parent: number, wordHash: number): number =>
  (wordHash ^ Math.imul(parent, 0x9e3779b1)) & KEY_MASK;

// A bit per edge key, first words' and next words' alike: most text words are no first word, most
// words after a first word do not go on with a name, and one bit test is cheaper than a table
// probe in a large dictionary. At least BLOOM_BITS_PER_EDGE bits per edge (at most about 8 % false
// positives; rounded up to a power of two, so 12–24), at most 2^21 bits (256 KB); sized when the
// trie is finished.
const BLOOM_BITS_PER_EDGE = 12;
const MIN_BLOOM_BITS = 1 << 12;
/** The smallest edge table (slots). */
const MIN_SLOTS = 1024;
const MAX_BLOOM_BITS = 1 << 21;
// The beginnings table (tokenize.ts, beginningBit): at least 8 bits per beginning (a whole first
// word or a first word and the next word), rounded up to a power of two, so that a first word that
// begins nothing here passes each of its two tests about one time in eight to sixteen; at most 2^20
// bits (128 KB). Twice the bits let 2,500 fewer words of the bench's 158,401 through and cost the
// file 64 KB more.
const BITS_PER_BEGINNING = 8;
const MAX_BEGINNING_BITS = 1 << 20;

// The shape filter (tokenize.ts, shapeBit): a bit per shape of a dictionary word, tagged with what
// the word is. Tags 0…2: a first word after restore 0…2 (0 is "": the bare word), its shape taken
// after the restore. CLITIC_TAG: a first word behind a clitic reading, as a text writes it
// (وللجنة). The text scan tests a bare word's key against the Bloom filter and a word that starts
// with a lead against the CLITIC_TAG shapes; the clitic readings test tags 0…2 before hashing what
// is left. No false negatives: every shape a match needs is marked.
export const CLITIC_TAG = 3;

function setShape(bits: Int32Array, key: number, third: number, tag: number): void {
  const bit = shapeBit(key, third, tag);
  bits[bit >>> 5] = (bits[bit >>> 5] as number) | (1 << (bit & 31));
}

/**
 * A finished trie's typed arrays (see Trie's fields): what a dictionary file stores; `more` as
 * sorted nodes with the ends of their runs in moreOutputs.
 */
export interface TrieTables {
  nodes: number;
  /** The most words of a form (0 in an empty trie). */
  maxWords: number;
  checks: Int32Array;
  output: Int32Array;
  nodeFlags: Uint8Array;
  words: Int32Array;
  pool: Uint16Array;
  slots: Int32Array;
  bloom: Int32Array;
  beginnings: Int32Array;
  shapes: Int32Array;
  moreNodes: Int32Array;
  moreEnds: Int32Array;
  moreOutputs: Int32Array;
  /** The spelled plain words (SPELLED_RANK), as writtenForm() gives them. */
  spellings: readonly string[];
}

/**
 * A node's word in Trie.words: its start in the pool, shifted, and its length below. A form with a
 * longer word is left out (no text has one); the pool holds up to 8 million units.
 */
const WORD_LENGTH_BITS = 8;
export const MAX_WORD_LENGTH = (1 << WORD_LENGTH_BITS) - 1;
const MAX_POOL = 1 << (31 - WORD_LENGTH_BITS);

/** Trie.nodeFlags: the node has children (a name may go on past it). */
export const HAS_CHILDREN = 1;
/** Trie.nodeFlags: the node has further outputs in Trie.more (several entities share its form). */
export const HAS_MORE = 2;
/**
 * Trie.nodeFlags: a form reaches this node's word across a possessive (People's Mojahedin, Iran's
 * Foreign Ministry). The matcher crosses a possessive in the text only into such a node, so that
 * "New York's Times Square" is no New York Times.
 */
export const AFTER_POSSESSIVE = 4;
/** Trie.nodeFlags: the node is a first word (its parent is the root). */
export const FIRST_WORD = 8;
/**
 * Trie.nodeFlags: the node is a first word that opens the Arabic names of several people and names
 * nothing alone (given-names.ts): a nisba right after it is a family name (فيصل السويدي).
 */
export const GIVEN_NAME = 16;

const CHECK_SEED = 0x2f6b7a1d | 0;
const CHECK_PRIME = 0x5bd1e995 | 0;
const CHECK_PARENT_MIX = 0x85ebca77 | 0;

/**
 * A node's check (Trie.checks): a second hash of its word (FNV-1a's steps with another seed and
 * prime), then the parent mixed in and a final mix. A look-up takes a node whose slot holds the
 * whole 30-bit edge key only when the check agrees too: two 32-bit hashes instead of reading the
 * node's parent, its word and the pool, three reads from tables the processor's cache does not
 * hold (a wrong node needs both hashes to collide, about once in 2^62 look-ups). The word is
 * restore + u[from, to).
 */
export function wordCheck(parent: number, restore: string, u: Uint16Array, from: number, to: number): number {
  let h = CHECK_SEED;
  for (let k = 0; k < restore.length; k++) h = Math.imul(h ^ restore.charCodeAt(k), CHECK_PRIME);
  return checkUnder(parent, wordHash(h, u, from, to));
}

/** wordCheck()'s word part, from `h` on. */
function wordHash(h: number, u: Uint16Array, from: number, to: number): number {
  for (let i = from; i < to; i++) h = Math.imul(h ^ (u[i] as number), CHECK_PRIME);
  return h;
}

/** wordCheck()'s last step: a word's hash under `parent`. */
function checkUnder(parent: number, hash: number): number {
  const h = hash ^ Math.imul(parent, CHECK_PARENT_MIX);
  const m = Math.imul(h ^ (h >>> 15), CHECK_PRIME);
  return m ^ (m >>> 13);
}

/**
 * Whether the gap between a word ending at `end` and the next word starting at `next` is a
 * possessive: an apostrophe right after the word ('s dropped by the tokeniser, or a plural's bare
 * apostrophe), then more than it (a space). An apostrophe alone between letters is inside a name
 * (Côte d'Ivoire, O'Neill).
 */
export function possessiveGap(u: Uint16Array, end: number, next: number): boolean {
  return u[end] === APOSTROPHE && next > end + 1 && !(u[end + 1] === LOWER_S && next === end + 2);
}

/** Bits a node id takes in an edge slot (Trie.slots): enough for every node of the trie. */
const nodeBitsFor = (nodes: number): number => Math.max(1, 32 - Math.clz32(nodes - 1));

/**
 * The key's share of an edge slot: its top bits, as many as the node id leaves of 32 (at most the
 * key's 30). Only a quick test that lets most wrong slots go without reading the node; the node's
 * parent and word decide.
 */
const keyShiftFor = (nodeBits: number): number => Math.max(0, 30 - (32 - nodeBits));

function grow<T extends Int32Array | Uint16Array | Uint8Array>(a: T, min: number, make: (n: number) => T): T {
  if (a.length >= min) return a;
  const b = make(Math.max(min, a.length * 2));
  b.set(a);
  return b;
}

/**
 * The dictionary as a trie of words, finished: what the matcher looks words up in. Nodes are
 * numbered from 1 (0 is the root) and live in typed arrays, their words in one unit pool: a
 * 30k-entry dictionary is a handful of arrays for the GC, not hundreds of thousands of objects. A
 * look-up hashes, probes, then compares the word, so no substring is cut while matching. Made by
 * TrieBuilder.finish(), or over a dictionary file's tables as they are (dictionary-tables.ts).
 */
export class Trie {
  readonly nodes: number;
  /** The most words of a form: a name begun at a text's word ends within this many words. */
  readonly maxWords: number;
  /** A node's check, see wordCheck(). */
  readonly checks: Int32Array;
  /** Best packed output of a node, -1 if no form ends there. */
  readonly output: Int32Array;
  /** A node's HAS_CHILDREN and HAS_MORE bits (one byte a node: two arrays cost the file twice). */
  readonly nodeFlags: Uint8Array;
  /**
   * Node n's word is pool[start, start + length), words[n] = start << WORD_LENGTH_BITS | length:
   * nodes with the same word (most words begin several names) share it in the pool. Look-ups do
   * not read it (the checks decide): a matcher's warm-up text is made of it.
   */
  readonly words: Int32Array;
  readonly pool: Uint16Array;
  /**
   * The edges, open addressing with linear probing: edge key k sits in the first slot from
   * k & slotMask on that holds it, as (k >>> keyShift) << nodeBits | child node; 0 is empty. One
   * 32-bit word per slot: this table is most of the file a page waits for.
   */
  readonly slots: Int32Array;
  private readonly slotMask: number;
  private readonly nodeBits: number;
  private readonly nodeMask: number;
  private readonly keyShift: number;
  /** A Bloom filter of the edge keys, see TrieBuilder.finish(). */
  readonly bloom: Int32Array;
  /** bloom's bit count - 1. */
  readonly bloomMask: number;
  /** A bit per way a name may begin in a text, see beginningBit(). */
  readonly beginnings: Int32Array;
  /** beginningBit()'s shift for this table: 32 - log2 of its bit count. */
  readonly beginningShift: number;
  /** A bit per shape of a first word, see shapeBit. */
  readonly shapes: Int32Array;
  /** Further outputs of the rare nodes shared by several entities, sorted. */
  readonly more = new Map<number, number[]>();
  readonly spellings: readonly string[];

  constructor(tables: TrieTables) {
    this.nodes = tables.nodes;
    this.maxWords = tables.maxWords;
    this.checks = tables.checks;
    this.output = tables.output;
    this.nodeFlags = tables.nodeFlags;
    this.words = tables.words;
    this.pool = tables.pool;
    this.slots = tables.slots;
    this.slotMask = tables.slots.length - 1;
    this.nodeBits = nodeBitsFor(tables.nodes);
    this.nodeMask = (1 << this.nodeBits) - 1;
    this.keyShift = keyShiftFor(this.nodeBits);
    this.bloom = tables.bloom;
    this.bloomMask = tables.bloom.length * 32 - 1;
    this.beginnings = tables.beginnings;
    this.beginningShift = Math.clz32(tables.beginnings.length * 32 - 1);
    this.shapes = tables.shapes;
    this.spellings = tables.spellings;
    const { moreNodes, moreEnds, moreOutputs } = tables;
    for (let k = 0, from = 0; k < moreNodes.length; k++) {
      const to = moreEnds[k] as number;
      this.more.set(moreNodes[k] as number, Array.from(moreOutputs.subarray(from, to)));
      from = to;
    }
  }

  /**
   * The node for edge `key` from `parent` whose word is restore + u[from, to), or 0: the slot that
   * holds the whole key, if its node's check agrees (wordCheck()).
   */
  find(key: number, parent: number, u: Uint16Array, from: number, to: number, restore: string): number {
    const slots = this.slots;
    const mask = this.slotMask;
    const nodeBits = this.nodeBits;
    const fragment = key >>> this.keyShift;
    let check = 0;
    let checked = false;
    for (let i = key & mask; ; i = (i + 1) & mask) {
      const slot = slots[i] as number;
      if (slot === 0) return 0;
      if (slot >>> nodeBits !== fragment) continue;
      if (!checked) {
        check = wordCheck(parent, restore, u, from, to);
        checked = true;
      }
      const n = slot & this.nodeMask;
      if (this.checks[n] === check) return n;
    }
  }
}

/**
 * Builds a Trie form by form. While building, nodes' words lie in node order in the pool and each
 * edge slot holds its whole key beside the node, so the table can grow; finish() packs both.
 */
export class TrieBuilder {
  private nodes = 1;
  private maxWords = 0;
  private parent: Int32Array;
  /** Node n's check (wordCheck()), made as the node is added. */
  private checks: Int32Array;
  private output: Int32Array;
  private nodeFlags: Uint8Array;
  /** Per node: the people whose names it opens (countGivenName()), and the last one counted, + 1. */
  private givenPeople: Int32Array;
  private givenLast: Int32Array;
  /** The words of the form walk() last went through, and its first word's node. */
  private formWords = 0;
  private formFirstNode = 0;
  /** Node n's word is pool[wordStart[n], wordStart[n + 1]) while building. */
  private wordStart: Int32Array;
  private pool: Uint16Array;
  private poolEnd = 0;
  private readonly more = new Map<number, number[]>();
  private readonly spellings: string[] = [];
  // Slot i is slots[2i] = edge key, slots[2i+1] = node (0 = empty).
  private slots: Int32Array;
  private slotMask: number;
  private readonly shapes: Int32Array;

  /** An empty trie sized for `entities` (about eight nodes per entry once demonyms count; the tables grow if not). */
  constructor(entities: number) {
    const nodes = Math.max(MIN_SLOTS, entities * 8);
    const size = 2 ** Math.ceil(Math.log2(nodes * 2));
    this.slots = new Int32Array(size * 2);
    this.slotMask = size - 1;
    this.parent = new Int32Array(nodes);
    this.checks = new Int32Array(nodes);
    this.output = new Int32Array(nodes).fill(-1);
    this.nodeFlags = new Uint8Array(nodes);
    this.givenPeople = new Int32Array(nodes);
    this.givenLast = new Int32Array(nodes);
    this.wordStart = new Int32Array(nodes + 1);
    this.pool = new Uint16Array(nodes * 8);
    this.shapes = new Int32Array(Math.ceil(SHAPE_BITS / 32));
  }

  // Scratch for one form.
  private units = new Uint16Array(256);
  private readonly tokens = new TokenBuffers();

  /** Adds a form given as prefix + core + suffix; its words come from the text tokeniser. */
  insert(packed: number, core: string, prefix = '', suffix = ''): void {
    const node = this.walk(true, core, prefix, suffix);
    if (node !== 0) this.addOutput(node, packed);
  }

  /**
   * Adds a plain word (Dictionary.words): where a form already ends at its fold, a spelling that
   * counts only as written (SPELLED_RANK); else a word (WORD_RANK). Call after every form is in.
   */
  insertWord(word: string): void {
    const node = this.walk(false, word);
    if (node === 0 || (this.output[node] as number) < 0) this.insert(pack(WORD_RANK, 0, 0), word);
    else {
      this.insert(pack(SPELLED_RANK, this.spellings.length, 0), word);
      this.spellings.push(writtenForm(word));
    }
  }

  /**
   * Counts the form just inserted towards its first word's given name (GIVEN_NAME) when it has two
   * words or more: call right after insert() with a person's name or alias, `person` the entity's
   * index (a person counts once). finish() keeps the Arabic first words (isGivenName()).
   */
  countGivenName(person: number): void {
    if (this.formWords < 2) return;
    const node = this.formFirstNode;
    if (this.givenLast[node] === person + 1) return;
    this.givenLast[node] = person + 1;
    this.givenPeople[node] = (this.givenPeople[node] as number) + 1;
  }

  /** The node where prefix + core + suffix ends, made on the way if `make`; 0 if none (or no word). */
  private walk(make: boolean, core: string, prefix = '', suffix = ''): number {
    this.formWords = 0;
    const need = (prefix.length + core.length + suffix.length) * MAX_EXPANSION;
    if (this.units.length < need) this.units = new Uint16Array(need);
    const u = this.units;
    const len = foldInto(suffix, u, foldInto(core, u, foldInto(prefix, u, 0)));
    const { count, starts, ends, hashes } = tokenizeUnits(u, len, this.tokens);
    if (count === 0) return 0;
    for (let k = 0; k < count; k++)
      if ((ends[k] as number) - (starts[k] as number) > MAX_WORD_LENGTH) return 0;
    if (make && count > this.maxWords) this.maxWords = count;
    this.formWords = count;
    let node = 0;
    // Below a node made by this very form nothing exists yet: no need to look.
    let fresh = false;
    for (let k = 0; k < count; k++) {
      const s = starts[k] as number;
      const e = ends[k] as number;
      const key = edgeKey(node, hashes[k] as number);
      let child = fresh ? 0 : this.find(key, node, u, s, e);
      if (child === 0) {
        if (!make) return 0;
        // find() stopped at the empty slot the edge goes to; below a fresh node, add() probes.
        child = this.add(key, node, u, s, e, fresh ? -1 : this.emptySlot);
        fresh = true;
      }
      if (node === 0) {
        // A first word new to the trie: the shape filter learns it (the Bloom filter, in finish()).
        if (fresh) this.markShapes(u, s, e);
      } else {
        this.nodeFlags[node] = (this.nodeFlags[node] as number) | HAS_CHILDREN;
        if (possessiveGap(u, ends[k - 1] as number, s))
          this.nodeFlags[child] = (this.nodeFlags[child] as number) | AFTER_POSSESSIVE;
      }
      if (k === 0) this.formFirstNode = child;
      node = child;
    }
    return node;
  }

  /**
   * The finished trie: the Bloom filter sized to the edges inserted and filled, the edge table at
   * most two-thirds full with one word per slot, each distinct word once in the pool. Call once
   * every form is in.
   */
  finish(): Trie {
    const n = this.nodes;
    const pairs = this.slots;
    // The smallest power of two at most two-thirds full (a third to two-thirds): a probe for a word
    // that is there takes two slots at most on average, and most look-ups for one that is not are
    // stopped by the Bloom filter first. The table is the biggest part of the file a page waits for.
    const size = 2 ** Math.ceil(Math.log2(Math.max(MIN_SLOTS, Math.ceil(n * 1.5))));
    const edges = n - 1;
    const bloomBits = Math.min(
      MAX_BLOOM_BITS,
      Math.max(MIN_BLOOM_BITS, 2 ** Math.ceil(Math.log2(edges * BLOOM_BITS_PER_EDGE))),
    );
    const bloom = new Int32Array(bloomBits >>> 5);
    const slots = new Int32Array(size);
    const nodeBits = nodeBitsFor(n);
    const keyShift = keyShiftFor(nodeBits);
    /** Each node's edge key, for the beginnings table. */
    const keyOf = new Int32Array(n);
    for (let i = 1; i < pairs.length; i += 2) {
      const node = pairs[i] as number;
      if (node === 0) continue;
      const key = pairs[i - 1] as number;
      const bit = key & (bloomBits - 1);
      bloom[bit >>> 5] = (bloom[bit >>> 5] as number) | (1 << (bit & 31));
      let at = key & (size - 1);
      while (slots[at] !== 0) at = (at + 1) & (size - 1);
      slots[at] = ((key >>> keyShift) << nodeBits) | node;
      keyOf[node] = key;
    }
    const beginnings = this.beginnings(keyOf);
    const { words, pool } = this.sharedWords(keyOf);
    const checks = this.checks.slice(0, n);
    const nodeFlags = this.nodeFlags.slice(0, n);
    for (let node = 1; node < n; node++) {
      if (this.parent[node] !== 0) continue;
      nodeFlags[node] = (nodeFlags[node] as number) | FIRST_WORD;
      if (
        (this.givenPeople[node] as number) >= MIN_GIVEN_PEOPLE &&
        (this.output[node] as number) < 0 &&
        isGivenName(this.pool.subarray(this.wordStart[node] as number, this.wordStart[node + 1] as number))
      )
        nodeFlags[node] = (nodeFlags[node] as number) | GIVEN_NAME;
    }
    return new Trie({
      nodes: n,
      maxWords: this.maxWords,
      checks,
      output: this.output.slice(0, n),
      nodeFlags,
      words,
      pool,
      slots,
      bloom,
      beginnings,
      shapes: this.shapes.slice(),
      ...moreTables(this.more),
      spellings: [...this.spellings],
    });
  }

  /**
   * The beginnings table (tokenize.ts, beginningBit), from each node's edge key: a first word's key
   * where a form ends at it, a first word's key and its child's word key where a form goes on.
   */
  private beginnings(keyOf: Int32Array): Int32Array {
    const n = this.nodes;
    let count = 0;
    for (let node = 1; node < n; node++) {
      const p = this.parent[node] as number;
      if ((p === 0 && (this.output[node] as number) >= 0) || (p !== 0 && this.parent[p] === 0)) count++;
    }
    const bits = Math.min(
      MAX_BEGINNING_BITS,
      Math.max(MIN_BLOOM_BITS, 2 ** Math.ceil(Math.log2(Math.max(1, count) * BITS_PER_BEGINNING))),
    );
    const table = new Int32Array(bits >>> 5);
    const shift = Math.clz32(bits - 1);
    const set = (bit: number): void => {
      table[bit >>> 5] = (table[bit >>> 5] as number) | (1 << (bit & 31));
    };
    for (let node = 1; node < n; node++) {
      const p = this.parent[node] as number;
      if (p === 0) {
        if ((this.output[node] as number) >= 0) set(beginningBit(keyOf[node] as number, WHOLE_FORM, shift));
      } else if (this.parent[p] === 0) {
        // The child's word key: its edge key without the parent mixed in (edgeKey()).
        const next = ((keyOf[node] as number) ^ Math.imul(p, 0x9e3779b1)) & KEY_MASK;
        set(beginningBit(keyOf[p] as number, next, shift));
      }
    }
    return table;
  }

  /**
   * Each node's word as Trie.words has it, over a pool holding each distinct word once (found by a
   * hash of its units, then compared: no string is made, a 30,000-entity dictionary has 200,000 nodes).
   * The hash is the word's key, taken back out of each node's edge key (keyOf).
   */
  private sharedWords(keyOf: Int32Array): { words: Int32Array; pool: Uint16Array } {
    const n = this.nodes;
    const words = new Int32Array(n);
    // Open addressing over the words' hashes: seen[i] is a word as words[] has it, plus one (0: empty).
    const mask = 2 ** Math.ceil(Math.log2(n * 2)) - 1;
    const seen = new Int32Array(mask + 1);
    const from = this.pool;
    const pool = new Uint16Array(this.poolEnd);
    let end = 0;
    for (let node = 1; node < n; node++) {
      const ws = this.wordStart[node] as number;
      const length = (this.wordStart[node + 1] as number) - ws;
      let i = edgeKey(this.parent[node] as number, keyOf[node] as number) & mask;
      let word = -1;
      for (let s = seen[i] as number; s !== 0; i = (i + 1) & mask, s = seen[i] as number) {
        if (
          ((s - 1) & MAX_WORD_LENGTH) === length &&
          sameRun(pool, (s - 1) >>> WORD_LENGTH_BITS, from, ws, length)
        ) {
          word = s - 1;
          break;
        }
      }
      if (word < 0) {
        if (end + length > MAX_POOL) throw new RangeError('too many letters for a dictionary');
        word = (end << WORD_LENGTH_BITS) | length;
        seen[i] = word + 1;
        for (let k = 0; k < length; k++) pool[end + k] = from[ws + k] as number;
        end += length;
      }
      words[node] = word;
    }
    return { words, pool: pool.slice(0, end) };
  }

  /** The empty slot where the last find() that found nothing stopped. */
  private emptySlot = -1;

  /** The node for edge `key` from `parent` whose word is u[from, to), or 0 (see emptySlot). */
  private find(key: number, parent: number, u: Uint16Array, from: number, to: number): number {
    const slots = this.slots;
    const mask = this.slotMask;
    for (let i = key & mask; ; i = (i + 1) & mask) {
      const n = slots[2 * i + 1] as number;
      if (n === 0) {
        this.emptySlot = i;
        return 0;
      }
      if (slots[2 * i] === key && this.parent[n] === parent && this.sameWord(n, u, from, to)) return n;
    }
  }

  private sameWord(n: number, u: Uint16Array, from: number, to: number): boolean {
    const ws = this.wordStart[n] as number;
    return (this.wordStart[n + 1] as number) - ws === to - from && sameRun(this.pool, ws, u, from, to - from);
  }

  /** Marks the shapes of first word u[s, e): after each restore it begins with, and behind each clitic reading. */
  private markShapes(u: Uint16Array, s: number, e: number): void {
    const bits = this.shapes;
    const last = u[e - 1] as number;
    for (let r = 0; r < RESTORES.length; r++) {
      const restore = RESTORES[r] as string;
      const from = s + restore.length;
      if (from >= e || !startsWithAt(u, s, e, restore)) continue;
      setShape(bits, shapeOf(u, from, e), thirdOf(u, from, e), r);
      // The text shows a reading's letters, then what the restore leaves of the word.
      if (e - from < 2) continue;
      const shapes = CLITIC_SHAPES[r] as number[];
      for (let k = 0; k < shapes.length; k += 3) {
        const second = shapes[k] as number;
        const written = shapes[k + 2] as number;
        const b = second === 0 ? (u[from] as number) : second;
        // The text word's third unit: a written one, or the remainder's first or second.
        const third = written >= 3 ? (shapes[k + 1] as number) : (u[from + 2 - written] as number);
        setShape(bits, shapeKey(1, b, last, written + e - from), third, CLITIC_TAG);
      }
    }
  }

  /** Adds node n for edge `key`; `slot`: the empty slot it goes to, or -1 to probe for one. */
  private add(key: number, parent: number, u: Uint16Array, from: number, to: number, slot: number): number {
    const n = this.nodes++;
    if (n >= this.parent.length) this.growNodes(n + 1);
    this.parent[n] = parent;
    this.checks[n] = checkUnder(parent, wordHash(CHECK_SEED, u, from, to));
    if (this.poolEnd + (to - from) > this.pool.length) this.growPool(this.poolEnd + (to - from));
    const pool = this.pool;
    let p = this.poolEnd;
    for (let i = from; i < to; i++) pool[p++] = u[i] as number;
    this.poolEnd = p;
    this.wordStart[n + 1] = p;
    // Keep the table at most half full so probes stay short.
    if (n * 2 > this.slotMask) this.rehash((this.slotMask + 1) * 2);
    else if (slot >= 0) {
      this.slots[2 * slot] = key;
      this.slots[2 * slot + 1] = n;
      return n;
    }
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
    this.checks = grow(this.checks, size, (k) => new Int32Array(k));
    const output = new Int32Array(size).fill(-1);
    output.set(this.output);
    this.output = output;
    this.nodeFlags = grow(this.nodeFlags, size, (k) => new Uint8Array(k));
    this.givenPeople = grow(this.givenPeople, size, (k) => new Int32Array(k));
    this.givenLast = grow(this.givenLast, size, (k) => new Int32Array(k));
    this.wordStart = grow(this.wordStart, size + 1, (k) => new Int32Array(k));
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

  /** Keeps one output per entity (its best kind; a condition only if every form had it), sorted. */
  private addOutput(node: number, packed: number): void {
    const first = this.output[node] as number;
    if (first < 0) {
      this.output[node] = packed;
      return;
    }
    const all = [first, ...(this.more.get(node) ?? [])];
    const entity = entityOf(packed);
    // A plain word's entity field is no entity (outputs.ts): it is never one with a name's.
    const word = rankOf(packed) >= WORD_RANK;
    const same = all.findIndex((p) => entityOf(p) === entity && rankOf(p) >= WORD_RANK === word);
    if (same < 0) all.push(packed);
    else {
      // One entity's forms meeting at a node: its best kind, and only the conditions both share.
      const old = all[same] as number;
      all[same] = pack(Math.min(rankOf(old), rankOf(packed)), entity, old & packed & FLAGS);
    }
    all.sort((a, b) => a - b);
    this.output[node] = all[0] as number;
    if (all.length > 1) this.more.set(node, all.slice(1));
    else this.more.delete(node);
    const flags = (this.nodeFlags[node] as number) & ~HAS_MORE;
    this.nodeFlags[node] = all.length > 1 ? flags | HAS_MORE : flags;
  }
}

/** A trie's further outputs as TrieTables has them: its nodes sorted, each's run of outputs. */
export function moreTables(
  more: ReadonlyMap<number, readonly number[]>,
): Pick<TrieTables, 'moreNodes' | 'moreEnds' | 'moreOutputs'> {
  const nodes = [...more.keys()].sort((a, b) => a - b);
  const outputs: number[] = [];
  const ends = nodes.map((node) => {
    outputs.push(...(more.get(node) as number[]));
    return outputs.length;
  });
  return {
    moreNodes: Int32Array.from(nodes),
    moreEnds: Int32Array.from(ends),
    moreOutputs: Int32Array.from(outputs),
  };
}

/** Whether a[i, i + length) and b[j, j + length) hold the same units. */
function sameRun(a: Uint16Array, i: number, b: Uint16Array, j: number, length: number): boolean {
  for (let k = 0; k < length; k++) if (a[i + k] !== b[j + k]) return false;
  return true;
}

function startsWithAt(u: Uint16Array, at: number, end: number, s: string): boolean {
  if (end - at < s.length) return false;
  for (let k = 0; k < s.length; k++) if (u[at + k] !== s.charCodeAt(k)) return false;
  return true;
}

/** Lead letters put before some first words of warmUpText(): و ب ل, and none. */
const WARM_UP_LEADS = ['', '\u0648', '', '\u0628', '', '\u0644'];
/** What warmUpText() puts after a run: a space, an Arabic comma, a full stop and a line break. */
const WARM_UP_ENDS = [' ', '\u060c ', ' ', '.\n'];

/**
 * About `chars` characters of text made of the trie's own words, for a matcher's first run: runs of
 * three nodes in node order (a form's words come one after the other, so names go on), taken across
 * the whole trie, some first words behind a clitic or with a diacritic, Latin words capitalised as
 * names are, each run followed by its first word backwards (mostly no word of the dictionary) and
 * punctuation. What it names does not matter; that every step of matching runs does.
 */
export function warmUpText(trie: Trie, chars: number): string {
  let text = '';
  const stride = Math.max(3, Math.floor(trie.nodes / Math.max(1, Math.floor(chars / 50))));
  for (let base = 1, run = 0; base < trie.nodes && text.length < chars; base += stride, run++) {
    for (let n = base; n < Math.min(base + 3, trie.nodes); n++) {
      const word = trie.words[n] as number;
      const start = word >>> WORD_LENGTH_BITS;
      const units = Array.from(trie.pool.subarray(start, start + (word & MAX_WORD_LENGTH)));
      const first = units[0] ?? 0;
      if (first >= 0x61 && first <= 0x7a) units[0] = first - 0x20;
      else if (first >= 0x621 && run % 5 === 0) units.splice(1, 0, 0x64e); // a fatha
      if (((trie.nodeFlags[n] as number) & FIRST_WORD) !== 0)
        text += WARM_UP_LEADS[n % WARM_UP_LEADS.length] as string;
      text += `${String.fromCharCode(...units)} `;
      text += `${String.fromCharCode(...units.reverse())} `;
    }
    text += WARM_UP_ENDS[run % WARM_UP_ENDS.length] as string;
  }
  return text;
}
