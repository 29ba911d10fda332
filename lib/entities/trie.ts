// The dictionary as a trie of words: nodes in typed arrays, edges in one open-addressing table,
// with the filters (a Bloom bit per first word, a shape bit per first-word shape) that let the
// matcher skip most text words without a probe.

import { foldInto, MAX_EXPANSION } from '../text/fold';
import {
  KEY_MASK,
  SHAPE_BITS,
  shapeBit,
  shapeKey,
  shapeOf,
  TokenBuffers,
  thirdOf,
  tokenizeUnits,
} from '../text/tokenize';
import { CLITIC_SHAPES, RESTORES } from './clitics';
import { entityOf, FLAGS, pack, rankOf } from './outputs';

// ---------------------------------------------------------------------------------------------
// The trie: nodes in typed arrays, edges in one open-addressing table

/** Edge key: the word's hash for a first word (parent 0), mixed with the parent id otherwise. */
export const edgeKey = (parent: number, wordHash: number): number =>
  (wordHash ^ Math.imul(parent, 0x9e3779b1)) & KEY_MASK;

// A bit per edge key, first words' and next words' alike: most text words are no first word, most
// words after a first word do not go on with a name, and one bit test is cheaper than a table
// probe in a large dictionary. At least BLOOM_BITS_PER_EDGE bits per edge (about 6 % false
// positives), a power of two, at most 2^21 bits (256 KB); sized when the trie is finished.
const BLOOM_BITS_PER_EDGE = 16;
const MIN_BLOOM_BITS = 1 << 12;
/** The smallest edge table (slots). */
const MIN_SLOTS = 1024;
const MAX_BLOOM_BITS = 1 << 21;

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

/** A trie's typed arrays (see Trie's fields); `more` as sorted nodes with the ends of their runs in moreOutputs. */
export interface TrieTables {
  nodes: number;
  parent: Int32Array;
  output: Int32Array;
  inner: Uint8Array;
  multi: Uint8Array;
  wordStart: Int32Array;
  pool: Uint16Array;
  slots: Int32Array;
  bloom: Int32Array;
  shapes: Int32Array;
  moreNodes: Int32Array;
  moreEnds: Int32Array;
  moreOutputs: Int32Array;
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
export class Trie {
  private nodes = 1;
  parent: Int32Array;
  /** Best packed output of a node, -1 if no form ends there. */
  output: Int32Array;
  /** 1 when a node has children. */
  inner: Uint8Array;
  /**
   * Node n's word is pool[wordStart[n], wordStart[n + 1]): words are pooled in node order, so one
   * array (nodes + 1 entries) holds both ends.
   */
  private wordStart: Int32Array;
  private pool: Uint16Array;
  private poolEnd = 0;
  /** Further outputs of the rare nodes shared by several entities, sorted. */
  readonly more = new Map<number, number[]>();
  // Open addressing, linear probing. Slot i is slots[2i] = edge key, slots[2i+1] = node (0 = empty):
  // key and node share a cache line, so a probe costs one memory access.
  private slots: Int32Array;
  private slotMask: number;
  /** A Bloom filter of the edge keys, see finish(). */
  bloom: Int32Array;
  /** bloom's bit count - 1. */
  bloomMask: number;
  /** A bit per shape of a first word, see shapeBit. */
  readonly shapes: Int32Array;
  /** 1 when a node has further outputs in `more`. */
  multi: Uint8Array;

  /**
   * An empty trie sized for `entities` (about eight nodes per entry once demonyms count; the
   * tables grow if not), or one over `tables` as tables() gave them: loaded as they are, views on
   * a dictionary file's buffer (dictionary-tables.ts), nothing rebuilt.
   */
  constructor(entities: number, tables?: TrieTables) {
    if (tables) {
      this.nodes = tables.nodes;
      this.parent = tables.parent;
      this.output = tables.output;
      this.inner = tables.inner;
      this.multi = tables.multi;
      this.wordStart = tables.wordStart;
      this.pool = tables.pool;
      this.poolEnd = tables.pool.length;
      this.slots = tables.slots;
      this.slotMask = (tables.slots.length >> 1) - 1;
      this.bloom = tables.bloom;
      this.bloomMask = tables.bloom.length * 32 - 1;
      this.shapes = tables.shapes;
      const { moreNodes, moreEnds, moreOutputs } = tables;
      for (let k = 0, from = 0; k < moreNodes.length; k++) {
        const to = moreEnds[k] as number;
        this.more.set(moreNodes[k] as number, Array.from(moreOutputs.subarray(from, to)));
        from = to;
      }
      return;
    }
    const nodes = Math.max(MIN_SLOTS, entities * 8);
    const size = 2 ** Math.ceil(Math.log2(nodes * 2));
    this.slots = new Int32Array(size * 2);
    this.slotMask = size - 1;
    this.parent = new Int32Array(nodes);
    this.output = new Int32Array(nodes).fill(-1);
    this.inner = new Uint8Array(nodes);
    this.multi = new Uint8Array(nodes);
    this.wordStart = new Int32Array(nodes + 1);
    this.pool = new Uint16Array(nodes * 8);
    this.bloom = new Int32Array(MIN_BLOOM_BITS >>> 5);
    this.bloomMask = MIN_BLOOM_BITS - 1;
    this.shapes = new Int32Array(Math.ceil(SHAPE_BITS / 32));
  }

  /** The trie's tables, trimmed to what is used: what a dictionary file stores. */
  tables(): TrieTables {
    const n = this.nodes;
    const moreNodes = [...this.more.keys()].sort((a, b) => a - b);
    const moreOutputs: number[] = [];
    const moreEnds = moreNodes.map((node) => {
      moreOutputs.push(...(this.more.get(node) as number[]));
      return moreOutputs.length;
    });
    return {
      nodes: n,
      parent: this.parent.slice(0, n),
      output: this.output.slice(0, n),
      inner: this.inner.slice(0, n),
      multi: this.multi.slice(0, n),
      wordStart: this.wordStart.slice(0, n + 1),
      pool: this.pool.slice(0, this.poolEnd),
      slots: this.slots.slice(),
      bloom: this.bloom.slice(),
      shapes: this.shapes.slice(),
      moreNodes: Int32Array.from(moreNodes),
      moreEnds: Int32Array.from(moreEnds),
      moreOutputs: Int32Array.from(moreOutputs),
    };
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
        // A first word new to the trie: the shape filter learns it (the Bloom filter, in finish()).
        if (fresh) this.markShapes(u, s, e);
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

  /** Sizes the Bloom filter to the edges inserted and fills it: call once every form is in. */
  finish(): void {
    // Sized for eight nodes per entity, the table ends up a fifth full: shrink it to at most half
    // full, as growing keeps it, since it is most of the dictionary file a page fetches.
    const size = 2 ** Math.ceil(Math.log2(Math.max(MIN_SLOTS, this.nodes * 2)));
    if (size < this.slotMask + 1) this.rehash(size);
    const slots = this.slots;
    const edges = this.nodes - 1;
    const bits = Math.min(
      MAX_BLOOM_BITS,
      Math.max(MIN_BLOOM_BITS, 2 ** Math.ceil(Math.log2(edges * BLOOM_BITS_PER_EDGE))),
    );
    this.bloom = new Int32Array(bits >>> 5);
    this.bloomMask = bits - 1;
    for (let i = 1; i < slots.length; i += 2) if (slots[i] !== 0) this.markEdge(slots[i - 1] as number);
  }

  /** Whether node n's word equals restore + u[from, to). */
  private sameWord(n: number, restore: string, u: Uint16Array, from: number, to: number): boolean {
    const ws = this.wordStart[n] as number;
    if ((this.wordStart[n + 1] as number) - ws !== restore.length + (to - from)) return false;
    const pool = this.pool;
    for (let k = 0; k < restore.length; k++) if (pool[ws + k] !== restore.charCodeAt(k)) return false;
    for (let k = ws + restore.length, i = from; i < to; k++, i++) if (pool[k] !== u[i]) return false;
    return true;
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

  private markEdge(key: number): void {
    const bit = key & this.bloomMask;
    this.bloom[bit >>> 5] = (this.bloom[bit >>> 5] as number) | (1 << (bit & 31));
  }

  private add(key: number, parent: number, u: Uint16Array, from: number, to: number): number {
    const n = this.nodes++;
    if (n >= this.parent.length) this.growNodes(n + 1);
    this.parent[n] = parent;
    if (this.poolEnd + (to - from) > this.pool.length) this.growPool(this.poolEnd + (to - from));
    const pool = this.pool;
    let p = this.poolEnd;
    for (let i = from; i < to; i++) pool[p++] = u[i] as number;
    this.poolEnd = p;
    this.wordStart[n + 1] = p;
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
    const same = all.findIndex((p) => entityOf(p) === entity);
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
    this.multi[node] = all.length > 1 ? 1 : 0;
  }
}

function startsWithAt(u: Uint16Array, at: number, end: number, s: string): boolean {
  if (end - at < s.length) return false;
  for (let k = 0; k < s.length; k++) if (u[at + k] !== s.charCodeAt(k)) return false;
  return true;
}
