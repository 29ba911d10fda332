// Arabic clitics (DESIGN.md §3): the readings that peel و ف ب ك ل and the article off a first word,
// as a small trie of the letters they write, walked by the matcher without objects or strings.

import { HASH_SEED, hashRange } from '../text/tokenize';

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

export const ALEF_LAM = 'ال';

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
export const CLITICS = buildClitics();
/** The restores the readings use, once each: "" (index 0, also a bare first word), ال, الل. */
export const RESTORES: readonly string[] = [...new Set(['', ...CLITICS.map((c) => c.restore)])];
/**
 * The word filter's leads (tokenize.ts, WordFilter): the letters a reading starts with (و ف ب
 * ك ل), all of class 1. A text word starting with one has the shape of a first word behind
 * clitics when its second and last letters and its length are those of what a reading writes
 * followed by what the restore leaves of a first word.
 */
export const LEADS = new Uint8Array(0x10000);
for (const c of CLITICS) LEADS[c.written.charCodeAt(0)] = 1;
/**
 * For each restore, the shapes of what its readings write, once each, as triples: the second letter
 * (0 when only one is written: the remainder's first follows), the third (0 when fewer than three
 * are written: the remainder's follow) and how many are written.
 */
export const CLITIC_SHAPES: readonly number[][] = RESTORES.map((r) => {
  const triples = new Set<string>();
  for (const { written, restore } of CLITICS)
    if (restore === r) {
      const second = written.length > 1 ? written.charCodeAt(1) : 0;
      const third = written.length > 2 ? written.charCodeAt(2) : 0;
      triples.add(`${second},${third},${written.length}`);
    }
  return [...triples].flatMap((triple) => triple.split(',').map(Number));
});
export const readingRestore = new Uint8Array(CLITICS.length);
export const readingSeed = new Int32Array(CLITICS.length);
export const readingSkip = new Uint8Array(CLITICS.length);
/** Letters the readings write, numbered from 1, by unit - 0x600; 0 for the others. */
export const cliticLetter = new Uint8Array(0x100);
export const LETTERS = 8;
export const ROOT_STATE = 1;

/** The readings as a trie of the letters they write. */
export interface ReadingTrie {
  /** transitions[state * LETTERS + letter] is the next state, 0 for none. */
  transitions: Uint8Array;
  /** The readings that write exactly the letters leading to a state: stateReadings[stateFrom[state], stateTo[state]). */
  stateFrom: Uint8Array;
  stateTo: Uint8Array;
  stateReadings: Uint8Array;
}

function buildReadingTrie(): ReadingTrie {
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
  const transitions = new Uint8Array(next.length * LETTERS);
  next.forEach((states, state) => {
    states.forEach((to, l) => {
      if (to) transitions[state * LETTERS + l] = to;
    });
  });
  const stateFrom = new Uint8Array(next.length);
  const stateTo = new Uint8Array(next.length);
  const stateReadings = new Uint8Array(CLITICS.length);
  let q = 0;
  readingsOf.forEach((list, state) => {
    stateFrom[state] = q;
    for (const r of list) stateReadings[q++] = r;
    stateTo[state] = q;
  });
  return { transitions, stateFrom, stateTo, stateReadings };
}

export const READING_TRIE: ReadingTrie = buildReadingTrie();
/** The remainder after a clitic must be a dictionary word of at least this many letters, unless a longer name goes on from it. */
export const MIN_STRIPPED_WORD = 3;
