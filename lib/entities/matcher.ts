// The dictionary matcher (DESIGN.md §3): fold the text, tokenise it, look each token up in a table
// keyed by the first word of every name form, extend over the following tokens, and keep the
// leftmost-longest match. Arabic clitics (و ف ب ك ل and the article) are peeled off the first
// word only; demonyms are generated for places; surnames count once the full name was seen.

import { AS_IS, BEHIND_LEAD, listCandidates, scanAhead, startScan, TextScan, writtenAs } from '../text/fold';
import {
  BEGINNING_MIX,
  HASH_SEED,
  KEY_MASK,
  NEXT_MIX,
  SHAPE_KEY_MIX,
  SHAPE_SHIFT,
  SHAPE_THIRD_MIX,
  type WordFilter,
} from '../text/tokenize';
import { AMPERSAND, APOSTROPHE, CR, DOT, HYPHEN, LF, LOWER_S, SPACE, TAB, WAW } from '../text/units';
import {
  cliticLetter,
  LEADS,
  LETTERS,
  MIN_STRIPPED_WORD,
  READING_TRIE,
  RESTORES,
  ROOT_STATE,
  readingRestore,
  readingSeed,
  readingSkip,
} from './clitics';
import { emitForms, type FormSink, isShortAcronym, startsCapitalised } from './forms';
import {
  BARE_ALEF,
  BEFORE_SURNAME,
  CHAMBER_WORDS,
  datelineAt,
  FUNCTION_WORDS,
  givenNameAfter,
  hasLowerAscii,
  isArabicLetter,
  isAsciiLetter,
  isAsciiUpper,
  isLatinLetter,
  isWordOf,
  laqabAfterKunya,
  mediaRoleBefore,
  officeAfter,
  otherNameAround,
  PARTY_OR_OFFICE_WORDS,
  PARTY_WORDS,
  pastSpaces,
  patronymicAt,
  personTitleBefore,
  placeCueBefore,
  possessiveAt,
  quotedAlone,
  teamCueAround,
  wordBefore,
  writtenAsName,
} from './name-context';
import {
  CAPITALISED,
  entityOf,
  FLAGS,
  GUARDED,
  KINDS,
  POSSESSIVE,
  pack,
  RANK,
  RANK_SHIFT,
  rankOf,
  SPELLED_RANK,
  UPPER_ONLY,
  WORD_RANK,
} from './outputs';
import {
  AFTER_POSSESSIVE,
  CLITIC_TAG,
  GIVEN_NAME,
  HAS_CHILDREN,
  HAS_MORE,
  possessiveGap,
  type Trie,
  TrieBuilder,
} from './trie';
import {
  type Dictionary,
  ENTITY_TYPES,
  type Entity,
  type EntityType,
  type Mention,
  type MentionKind,
} from './types';

export { entityForms, type Form, nisbaRoot } from './forms';

const { transitions, stateFrom, stateTo, stateReadings } = READING_TRIE;

export interface Matcher {
  /**
   * Mentions in `text`: leftmost-longest, non-overlapping, sorted by start, original offsets.
   * `scanned`: a scan of `text` (scanText()) that another matcher of the page made or will use: the
   * text is then scanned once for all of them (matchEach()).
   */
  match(text: string, scanned?: TextScan): Mention[];
  entity(id: string): Entity | undefined;
  readonly entities: readonly Entity[];
}

/**
 * The entities a matcher names, by their index in the dictionary: the ids when matching, whole
 * entries only when asked (a dictionary file keeps them apart, dictionary-tables.ts).
 */
export interface EntityList {
  readonly count: number;
  /** The id of every entity, in order. */
  ids(): readonly string[];
  /** Entity k (< count). */
  at(k: number): Entity;
  /** Entity k's type (k < count), without its entry. */
  typeAt(k: number): EntityType;
  /** Each entity's type as its index in ENTITY_TYPES: what the matcher reads for most names found. */
  readonly typeCodes: Uint8Array;
  /** leagues[k]: the index of the league entity k plays in (Entity.league), or -1, without its entry. */
  readonly leagues: Int32Array;
  /** Every entity, in order. */
  all(): readonly Entity[];
}

/** An in-memory list of entities as an EntityList. */
export function entityList(entities: readonly Entity[]): EntityList {
  const typeCodes = typeCodesOf(entities);
  return {
    count: entities.length,
    ids: () => entities.map((e) => e.id),
    at: (k) => entities[k] as Entity,
    typeAt: (k) => ENTITY_TYPES[typeCodes[k] as number] as EntityType,
    typeCodes,
    leagues: leagueIndices(entities),
    all: () => entities,
  };
}

/** Each entity's type as its index in ENTITY_TYPES (EntityList.typeCodes, the tables' types section). */
export function typeCodesOf(entities: readonly Entity[]): Uint8Array {
  return Uint8Array.from(entities, (e) => ENTITY_TYPES.indexOf(e.type));
}

/** Each entity's league (Entity.league) as the league's index, or -1 (no league, or none by that id). */
export function leagueIndices(entities: readonly Entity[]): Int32Array {
  // Most dictionaries (a reader's, a pack) have no team: no index of their ids to build.
  if (!entities.some((e) => e.league !== undefined)) return new Int32Array(entities.length).fill(-1);
  const index = new Map<string, number>();
  entities.forEach((e, k) => {
    if (!index.has(e.id)) index.set(e.id, k);
  });
  return Int32Array.from(entities, (e) => (e.league === undefined ? -1 : (index.get(e.league) ?? -1)));
}

/**
 * The trie of every form of the dictionary's entities and of its plain words (Dictionary.words):
 * what a dictionary file stores as tables.
 */
export function compileTrie(entities: readonly Entity[], words: readonly string[] = []): Trie {
  const trie = new TrieBuilder(entities.length);
  let index = 0;
  let guarded: ReadonlySet<string> | null = null;
  const sink: FormSink = (kind, core, prefix = '', suffix) => {
    let flags = 0;
    if (kind !== 'demonym' && isShortAcronym(core)) flags |= UPPER_ONLY;
    else if (prefix === '' && startsCapitalised(core)) flags |= CAPITALISED;
    // A generated form (المجريات, a nisba) is guarded whole, as the builder lists it.
    if (guarded?.has(prefix + core + (suffix ?? ''))) flags |= GUARDED;
    if (POSSESSIVE_END.test(core)) flags |= POSSESSIVE;
    trie.insert(pack(RANK[kind], index, flags), core, prefix, suffix);
    // A person's name as written opens with a given name (the builder keeps the Arabic ones).
    if (person && prefix === '' && !suffix && (kind === 'name' || kind === 'alias'))
      trie.countGivenName(index);
  };
  let person = false;
  for (; index < entities.length; index++) {
    const entity = entities[index] as Entity;
    guarded = entity.guarded ? new Set(entity.guarded) : null;
    person = entity.type === 'person';
    emitForms(entity, sink);
  }
  for (const word of words) trie.insertWord(word);
  return trie.finish();
}

/** A form whose own last word ends in 's (Moody's): the tokeniser drops it, the matcher wants it. */
const POSSESSIVE_END = /['\u2019]s$/i;

/**
 * Matches `text` with each of `matchers` over one scan of it, made here, and gives each one's
 * mentions: the page's matchers (the reader's, the packs', the shipped dictionary's) fold and split
 * an article once, not once each (a cold scan of a long article costs 10–16 ms).
 */
export function matchEach(text: string, matchers: readonly Matcher[], scanned?: TextScan): Mention[][] {
  const scan = scanned ?? (matchers.length > 1 ? new TextScan() : undefined);
  return matchers.map((matcher) => matcher.match(text, scan));
}

/**
 * Compiles a dictionary into a matcher. The content script gets it from the in-page extras chunk
 * (CompileMatcher), only for a page with packs or the reader's own entries: the trie builder and
 * the form rules stay out of the script every page loads.
 */
export function compileMatcher(dict: Dictionary): Matcher {
  return trieMatcher(compileTrie(dict.entities, dict.words), entityList(dict.entities));
}

export type CompileMatcher = typeof compileMatcher;

/** A matcher over a compiled trie and its entities, in the trie's order. */
export function trieMatcher(trie: Trie, entities: EntityList): Matcher {
  return new TrieMatcher(entities, trie);
}

// ---------------------------------------------------------------------------------------------
// Matching

/**
 * Whether the units between two words of one name may be crossed: spaces, hyphens, apostrophes,
 * ampersands, a possessive 's (People's Mojahedin), a dot after a word of one or two letters (U.S.,
 * J. Smith, St. Petersburg), and one line
 * break (HTML source and hard-wrapped text break lines anywhere). Never a blank line or the text
 * model's block separator (U+2029), a comma or a quote.
 */
function softGap(u: Uint16Array, from: number, to: number, prevLength: number): boolean {
  let lineBreaks = 0;
  for (let i = from; i < to; i++) {
    const c = u[i];
    // A letter s between words can only be a possessive the tokeniser dropped.
    if (c === SPACE || c === HYPHEN || c === APOSTROPHE || c === TAB || c === LOWER_S || c === CR) continue;
    if (c === LF && ++lineBreaks === 1) continue;
    // "U.S.", "J. Smith", "St. Petersburg": the dot after a word of one or two letters.
    if (c === DOT && prevLength <= 2) continue;
    // "S&P Global", "Standard & Poor's": a name's own ampersand (a form with "and" is another form).
    if (c === AMPERSAND) continue;
    return false;
  }
  return true;
}

const SURNAME = RANK.surname;
const NO_UNITS = new Uint16Array(0);

/**
 * Chars scanned before their words are matched (TrieMatcher.match()): the piece's units, words and
 * the tables they reach stay in the processor's cache. Measured on the bench's 1,000,000 chars
 * (scripts/bench-matcher.ts): 4,000 to 32,000 do about as well, all better than the whole text.
 */
export const SCAN_PIECE = 8000;

/**
 * A mention as the matcher makes it: a class, not an object literal. V8 tracks an object literal's
 * allocation site, and the mentions of a long text survive its young-generation collections, so it
 * moves that site's objects to the old generation, which made the whole match ~1.7× slower in one
 * process of two (measured in Node; a class constructor is not tracked so).
 */
class FoundMention implements Mention {
  constructor(
    readonly start: number,
    readonly end: number,
    readonly entityId: string,
    readonly kind: MentionKind,
  ) {}
}

const PLACE_CODE = ENTITY_TYPES.indexOf('place');

class TrieMatcher implements Matcher {
  /** Entity index by id, built on the first entity() call: matching does not need it. */
  private byId: Map<string, number> | null = null;
  /**
   * seenAt[e]: a running number of the last name or alias mention of entity e (for a league, of it
   * or one of its teams). It counts for surnames when greater than passStart, i.e. made earlier in
   * the current match() call.
   */
  private readonly seenAt: Int32Array;
  /** ids[e]: the id of entity e; read by the first match() call. */
  private ids: readonly string[] | null = null;
  private readonly filter: WordFilter;
  private seen = 0;
  /** The list's typeCodes and leagues. */
  private readonly typeCodes: Uint8Array;
  private readonly leagues: Int32Array;
  /** The original end of the last name or alias mention of the current match() call, or -1. */
  private lastNameEnd = -1;
  /** The original end of the last name of another's a place was part of (otherNameAround()), or -1. */
  private otherNameEnd = -1;
  private passStart = 0;
  /** The matcher's own scan, for a text no other matcher scanned. */
  private readonly ownScan = new TextScan();
  /** The text being matched, folded and split into words. */
  private scan = this.ownScan;
  // State of the current match() call, in fields so the helpers allocate nothing.
  private text = '';
  private units: Uint16Array = NO_UNITS;
  private count = 0;
  /** Result of extend(): last token of the best form and its packed output. */
  private lastToken = -1;
  private best = -1;

  constructor(
    private readonly list: EntityList,
    private readonly trie: Trie,
  ) {
    this.seenAt = new Int32Array(list.count);
    this.typeCodes = list.typeCodes;
    this.leagues = list.leagues;
    this.filter = {
      firstWords: trie.bloom,
      firstWordMask: trie.bloomMask,
      beginnings: trie.beginnings,
      beginningShift: trie.beginningShift,
      bits: trie.shapes,
      leads: LEADS,
      leadTag: CLITIC_TAG,
    };
  }

  get entities(): readonly Entity[] {
    return this.list.all();
  }

  entity(id: string): Entity | undefined {
    if (!this.byId) {
      this.ids ??= this.list.ids();
      this.byId = new Map();
      for (const [k, each] of this.ids.entries()) if (!this.byId.has(each)) this.byId.set(each, k);
    }
    const k = this.byId.get(id);
    return k === undefined ? undefined : this.list.at(k);
  }

  match(text: string, scanned?: TextScan): Mention[] {
    this.ids ??= this.list.ids();
    const scan = scanned ?? this.ownScan;
    // A shared scan made for this text is used as it is; any other is (re)made, a piece at a time.
    if (scan.source !== text || scan.sourceLength !== text.length) startScan(text, scan);
    this.scan = scan;
    this.text = text;
    this.passStart = this.seen;
    this.lastNameEnd = -1;
    this.otherNameEnd = -1;
    const mentions: Mention[] = [];
    // Each piece scanned, its words are listed and matched at once (startScan()); a name begun at a
    // listed word ends among the words scanned, and the word after it too, or the text ended.
    const reach = this.trie.maxWords + 1;
    let listed = 0;
    let next = 0;
    for (;;) {
      const done = scanAhead(scan, SCAN_PIECE);
      const upTo = done ? scan.count : scan.count - reach;
      if (upTo > listed) {
        // A rare char may have grown the scan's buffers.
        this.units = scan.units;
        this.count = scan.count;
        // Words that may be a first word: as they are (the key's Bloom bit and a beginning's) or
        // behind clitics (the shape of one behind a lead).
        listCandidates(scan, this.filter, listed, upTo);
        const candidates = scan.candidates;
        const candidateCount = scan.candidateCount;
        for (let k = 0; k < candidateCount; k++) {
          const c = candidates[k] as number;
          const i = c >>> 2;
          if (i >= next) next = this.matchAt(i, c & 3, mentions);
        }
        listed = upTo;
      }
      if (done) break;
    }
    this.text = '';
    this.units = NO_UNITS;
    this.scan = this.ownScan;
    if (scan === this.ownScan) scan.release();
    return mentions;
  }

  /**
   * Tries token i as a first word as it is and behind clitics, as far as `passed` (AS_IS: its Bloom
   * bit is set; BEHIND_LEAD: the scan found the shape of one behind a lead) says it may be one.
   * Adds the mention found; returns the next token.
   */
  private matchAt(i: number, passed: number, mentions: Mention[]): number {
    const scan = this.scan;
    const s = scan.starts[i] as number;
    let start = -1;
    if ((passed & AS_IS) !== 0) {
      const node = this.trie.find(scan.keys[i] as number, 0, this.units, s, scan.ends[i] as number, '');
      if (node !== 0 && this.extend(node, i, s)) start = s;
    }
    if (start < 0 && (passed & BEHIND_LEAD) !== 0) start = this.withClitics(i);
    if (start < 0) return i + 1;
    const end = scan.ends[this.lastToken] as number;
    // Without deletions or expansions folded offsets are the original ones.
    const plain = scan.breaks === 0;
    const best = this.best;
    const entity = entityOf(best);
    const rank = best >>> RANK_SHIFT;
    // A plain word: read, and nothing named.
    if (rank >= WORD_RANK) return this.lastToken + 1;
    const originalEnd = plain ? end : scan.originalEnd(end);
    const originalStart = plain ? start : scan.originalAt(start);
    // A nisba before بن is a man's given name (تركي بن عبدالله), not the adjective; so is one
    // after بن or a title (فيصل بن تركي، الأمير تركي); one after a kunya is his laqab (أبو حمزة
    // المصري), one right after a given name his family name (فيصل السويدي).
    if (
      rank === RANK.demonym &&
      (patronymicAt(this.text, originalEnd) ||
        givenNameAfter(this.text, originalStart) ||
        laqabAfterKunya(this.text, originalStart) ||
        (start === s && this.givenNameBefore(i)))
    )
      return i + 1;
    // A place's name may be part of another's: a side's in a results line, a table's row or a
    // schedule (Barcelona 2 Valencia 1, BOSTON 10 11 4, PITTSBURGH AT BOSTON; a club the dictionary
    // knows won in pickMore()), or that of a body it begins (Moscow Newsroom), which holds the places
    // after it too (Pacific in Santa Fe Pacific Gold Corp).
    if (this.typeCodes[entity] === PLACE_CODE) {
      // After a title, a place's name is a person's (الملكة صوفيا).
      if (rank !== RANK.demonym && personTitleBefore(this.text, originalStart)) return i + 1;
      const otherEnd =
        originalStart < this.otherNameEnd
          ? this.otherNameEnd
          : otherNameAround(this.text, originalStart, originalEnd);
      if (otherEnd >= 0) {
        this.otherNameEnd = otherEnd;
        return this.lastToken + 1;
      }
    }
    mentions.push(
      new FoundMention(
        originalStart,
        // The name's own 's (Moody's) is in the span; any other possessive is not (Iran's).
        (best & POSSESSIVE) !== 0 ? originalEnd + 2 : originalEnd,
        (this.ids as readonly string[])[entity] as string,
        KINDS[rank] as MentionKind,
      ),
    );
    // A name or an alias: surnames and guarded forms count after it, and a party after its end. Not
    // an alias alone in quotes, which the quotes chose («الشرق الأوسط» is the paper there, the region
    // elsewhere on its page).
    if (rank === RANK.name || (rank === RANK.alias && !quotedAlone(this.text, originalStart, originalEnd))) {
      this.seenAt[entity] = ++this.seen;
      // A team names its league's page: after the Dallas Cowboys, the Packers and Boston are teams.
      const league = this.leagues[entity] as number;
      if (league >= 0) this.seenAt[league] = this.seen;
      this.lastNameEnd = originalEnd;
    }
    return this.lastToken + 1;
  }

  /** The first output of `node` valid for a mention over folded [s, e), or -1. */
  private pick(node: number, s: number, e: number): number {
    const trie = this.trie;
    const first = trie.output[node] as number;
    if (first < 0) return -1;
    if (((trie.nodeFlags[node] as number) & HAS_MORE) === 0) {
      // Most outputs: one entity, not a surname, any case.
      if ((first & FLAGS) === 0 && first >>> RANK_SHIFT < SURNAME) return first;
      return this.valid(first, s, e) ? first : -1;
    }
    return this.pickMore(first, trie.more.get(node) as number[], s, e);
  }

  /**
   * Several entities share this form (DESIGN.md §3, ambiguity). An entity this text named already
   * wins over one it did not, whatever their kinds: after "Michelle Obama", "Obama" is her surname
   * rather than her husband's alias. Among those named, or those not, the best kind wins (a name
   * before an alias before a demonym before a surname); among equals, the entity named most
   * recently (سلطنة عمان earlier makes a later عمان Oman, not Amman); else dictionary order, which
   * is the source preference.
   */
  private pickMore(first: number, more: readonly number[], s: number, e: number): number {
    // A word spelled as the text writes it wins (they sort last).
    for (let k = more.length - 1; k >= 0 && rankOf(more[k] as number) === SPELLED_RANK; k--)
      if (this.valid(more[k] as number, s, e)) return more[k] as number;
    // After "in", "في" or "the city of", in a dateline or before its officials, a place wins over
    // whatever else the page named: after FC Porto, "Porto won" is the club and "in Porto" the city.
    const os = this.scan.originalAt(s);
    const oe = this.scan.originalEnd(e);
    if (placeCueBefore(this.text, os) || datelineAt(this.text, os, oe) || officeAfter(this.text, oe)) {
      const place = this.bestOf(first, more, s, e, 'place');
      if (place >= 0) return place;
    }
    // Before a score, after "beat" or «فاز», beside a player's role or in a squad list's bracket
    // (teamCueAround()), a club wins over the city it is named after, even on a page that did not
    // name it in full: the cue stands for the guard of its city name (club-short-names.ts); so does a
    // medium after its correspondent (مراسل الشرق الأوسط) or alone in quotes (لـ«الشرق الأوسط»).
    if (
      teamCueAround(this.text, os, oe) ||
      mediaRoleBefore(this.text, os) ||
      quotedAlone(this.text, os, oe)
    ) {
      const club = this.bestOf(first, more, s, e, 'organisation');
      if (club >= 0) return club;
    }
    return this.bestOf(first, more, s, e, null);
  }

  /**
   * pickMore()'s choice among the outputs valid over [s, e), or among the places only, or among the
   * organisations only with their guard taken as held (a team cue).
   */
  private bestOf(
    first: number,
    more: readonly number[],
    s: number,
    e: number,
    only: 'place' | 'organisation' | null,
  ): number {
    let best = -1;
    let bestSeen = 0;
    for (let k = -1; k < more.length; k++) {
      const p = k < 0 ? first : (more[k] as number);
      // Spellings come last, and were tried (a plain word never shares a name's node: it is spelled).
      if (rankOf(p) >= WORD_RANK) break;
      if (only !== null && this.list.typeAt(entityOf(p)) !== only) continue;
      // A team cue stands for a club's guard, not for a league team's: which team Boston is, only
      // its league on the page says.
      const league = this.leagues[entityOf(p)] as number;
      if (!this.valid(only === 'organisation' && league < 0 ? p & ~GUARDED : p, s, e)) continue;
      // A league team counts as named where its league was.
      const seen = Math.max(
        this.seenAt[entityOf(p)] as number,
        league >= 0 ? (this.seenAt[league] as number) : 0,
      );
      const named = seen > this.passStart ? seen : 0;
      // Outputs come sorted by rank: a later one is of the same kind or a worse one.
      const better =
        best < 0 ||
        (named > 0 && bestSeen === 0) ||
        (named > 0 === bestSeen > 0 && rankOf(p) === rankOf(best) && named > bestSeen);
      if (better) {
        best = p;
        bestSeen = named;
      }
    }
    return best;
  }

  private valid(p: number, s: number, e: number): boolean {
    const rank = rankOf(p);
    // A surname alone counts only after the full name (or an alias) earlier in this text.
    if (rank === SURNAME && (this.seenAt[entityOf(p)] as number) <= this.passStart) return false;
    const scan = this.scan;
    if (rank === SURNAME && !this.surnameAlone(scan.originalAt(s), scan.originalEnd(e))) return false;
    if (rank === SPELLED_RANK)
      return writtenAs(
        this.text,
        scan.originalAt(s),
        scan.originalEnd(e),
        this.trie.spellings[entityOf(p)] as string,
      );
    const flags = p & FLAGS;
    if (flags === 0) return true;
    const os = scan.originalAt(s);
    const oe = scan.originalEnd(e);
    if ((flags & UPPER_ONLY) !== 0 && hasLowerAscii(this.text, os, oe)) return false;
    if ((flags & CAPITALISED) !== 0 && !writtenAsName(this.text, os, oe)) return false;
    if ((flags & GUARDED) !== 0 && !this.guardHolds(p, os, oe)) return false;
    // "Moody's" is the agency; "Moody" alone is a person's name.
    if ((flags & POSSESSIVE) !== 0 && !possessiveAt(this.text, oe)) return false;
    return true;
  }

  /**
   * Whether a surname at text[os, oe) stands alone: in Latin letters, no capitalised word right
   * after it (Lee Sang-min is another Lee) and none right before it but a function word, a title or
   * a sentence's first word (Stella Kim is another Kim; President Yoon is Yoon). Arabic has no
   * capitals to tell.
   */
  private surnameAlone(os: number, oe: number): boolean {
    const text = this.text;
    if (!isLatinLetter(text.charCodeAt(os))) return true;
    let after = oe;
    while (text.charCodeAt(after) === SPACE || text.charCodeAt(after) === HYPHEN) after++;
    if (after > oe && isAsciiUpper(text.charCodeAt(after))) return false;
    const word = wordBefore(text, os, isLatinLetter);
    if (!word || !isAsciiUpper(text.charCodeAt(word[0]))) return true;
    return (
      isWordOf(FUNCTION_WORDS, text, word[0], word[1]) || isWordOf(BEFORE_SURNAME, text, word[0], word[1])
    );
  }

  /**
   * The precision guard for forms that are also ordinary words (corpus/common-words.txt: أمل hope,
   * Jordan the given name, Chad). Such a form names its entity when another form of the entity
   * came earlier in this text (حركة أمل … أمل), or, written in Latin letters, every time it stands
   * alone as a capitalised name: no capitalised word right after it, nor a capitalised word right
   * before it unless that word is a function word (In Jordan, but not Michael Jordan or Jordan
   * Peterson) or, before a party, ends a name just found (an Oklahoma Republican). Never before "of"
   * and a capital (Gulf of Salerno): a longer name goes on. A league team's form only where the page
   * named the team, its league or another of its teams.
   */
  private guardHolds(p: number, os: number, oe: number): boolean {
    const text = this.text;
    const after = pastSpaces(text, oe);
    // "Gulf of Salerno", "the Gulf of Oman": a longer name goes on with "of" and a capital, even
    // after the entity was named.
    if (after > oe && text.startsWith('of ', after)) {
      const next = pastSpaces(text, after + 3);
      if (isAsciiUpper(text.charCodeAt(next))) return false;
    }
    // A league team's (Boston for the Celtics, Packers): on a page that named it, its league or
    // another of its teams, in either script; capitals cannot tell which sport a page is about.
    const league = this.leagues[entityOf(p)] as number;
    if (league >= 0)
      return Math.max(this.seenAt[entityOf(p)] as number, this.seenAt[league] as number) > this.passStart;
    // Arabic has no capitals to tell a name, nor does an acronym, always in capitals (IRC is also the
    // chat and the tax code): a form of the entity named earlier must, as news spells a lesser-known
    // body out before its acronym. Other Latin words have capitals to tell, every time: after
    // Jordan the country, Michael Jordan is still no country.
    // A medium's name that is also a word is the medium after its correspondent (مراسل الجزيرة).
    const first = text.charCodeAt(os);
    if (!isLatinLetter(first) || (p & UPPER_ONLY) !== 0)
      return (
        (this.seenAt[entityOf(p)] as number) > this.passStart ||
        (isArabicLetter(first) &&
          this.list.typeAt(entityOf(p)) === 'organisation' &&
          mediaRoleBefore(text, os))
      );
    if (!isAsciiUpper(first)) return false; // lower case
    if (after > oe && isAsciiUpper(text.charCodeAt(after))) {
      let wordEnd = after + 1;
      while (isAsciiLetter(text.charCodeAt(wordEnd))) wordEnd++;
      if (!isWordOf(PARTY_OR_OFFICE_WORDS, text, after, wordEnd)) return false;
    }
    const word = wordBefore(text, os, isAsciiLetter);
    if (!word || !isAsciiUpper(text.charCodeAt(word[0]))) return true;
    const [start, before] = word;
    return (
      isWordOf(FUNCTION_WORDS, text, start, before) ||
      isWordOf(CHAMBER_WORDS, text, start, before) ||
      // "the Virginia Democrat": a party after a name the text just gave (a demonym is no such name:
      // the Swedish Democrats are not the US party).
      (before === this.lastNameEnd && isWordOf(PARTY_WORDS, text, os, oe))
    );
  }

  /**
   * From a first-word node at token i, follows the next tokens; the longest complete form wins.
   * Runs for every first word found, mostly unoptimised at first: pick()'s common case and the gap
   * of one space are written out, so that the usual step calls find() only.
   */
  private extend(first: number, i: number, s: number): boolean {
    const scan = this.scan;
    const starts = scan.starts;
    const ends = scan.ends;
    const keys = scan.keys;
    const units = this.units;
    const trie = this.trie;
    const output = trie.output;
    const bloom = trie.bloom;
    const bloomMask = trie.bloomMask;
    const last = this.count - 1;
    let lastToken = -1;
    let best = -1;
    let node = first;
    let j = i;
    for (;;) {
      // pick(): no output, or one output of any case that is a name, an alias or a demonym, needs no call.
      let p = output[node] as number;
      const nodeFlags = trie.nodeFlags[node] as number;
      if (p >= 0 && ((nodeFlags & HAS_MORE) !== 0 || (p & FLAGS) !== 0 || p >>> RANK_SHIFT >= SURNAME))
        p = this.pick(node, s, ends[j] as number);
      if (p >= 0) {
        lastToken = j;
        best = p;
      }
      if ((nodeFlags & HAS_CHILDREN) === 0 || j >= last) break;
      const end = ends[j] as number;
      const next = starts[j + 1] as number;
      let possessive = false;
      if (!(next === end + 1 && units[end] === SPACE)) {
        if (!softGap(units, end, next, end - (starts[j] as number))) break;
        possessive = possessiveGap(units, end, next);
      }
      // edgeKey(node, the next word's key) written out, and its Bloom bit: most words after a first
      // word do not go on with a name.
      const key = ((keys[j + 1] as number) ^ Math.imul(node, 0x9e3779b1)) & KEY_MASK;
      const bit = key & bloomMask;
      if (((bloom[bit >>> 5] as number) & (1 << (bit & 31))) === 0) break;
      const child = trie.find(key, node, units, next, ends[j + 1] as number, '');
      if (child === 0) break;
      // A possessive is crossed only where a form has one: New York's Times is no newspaper.
      if (possessive && ((trie.nodeFlags[child] as number) & AFTER_POSSESSIVE) === 0) break;
      node = child;
      j++;
    }
    this.lastToken = lastToken;
    this.best = best;
    return best >= 0;
  }

  /**
   * Whether token i, as it is, follows a given name (GIVEN_NAME), alone or behind و (وفيصل
   * السويدي), and one space.
   */
  private givenNameBefore(i: number): boolean {
    if (i === 0) return false;
    const scan = this.scan;
    const units = this.units;
    const end = scan.ends[i - 1] as number;
    if ((scan.starts[i] as number) !== end + 1 || units[end] !== SPACE) return false;
    const start = scan.starts[i - 1] as number;
    if (this.isGivenName(scan.keys[i - 1] as number, start, end)) return true;
    if (units[start] !== WAW || end - start < 4) return false;
    let h = HASH_SEED;
    for (let u = start + 1; u < end; u++) h = Math.imul(h ^ (units[u] as number), 0x01000193);
    return this.isGivenName(h & KEY_MASK, start + 1, end);
  }

  /** Whether folded [start, end), its key `key`, is a first word marked GIVEN_NAME. */
  private isGivenName(key: number, start: number, end: number): boolean {
    const trie = this.trie;
    const bit = key & trie.bloomMask;
    if (((trie.bloom[bit >>> 5] as number) & (1 << (bit & 31))) === 0) return false;
    const node = trie.find(key, 0, this.units, start, end, '');
    return node !== 0 && ((trie.nodeFlags[node] as number) & GIVEN_NAME) !== 0;
  }

  /** Whether the text writes a bare alef (no hamza, no madda) at this folded offset. */
  private bareAlefAt(folded: number): boolean {
    return this.text.charCodeAt(this.scan.originalAt(folded)) === BARE_ALEF;
  }

  /**
   * Tries the clitic readings of token i and keeps the best: the longest, then the better kind
   * (وللاذقية is و + ل + اللاذقية the name before و + ل + لاذقية the demonym), then the one that
   * strips fewest letters. Returns the folded start or -1; lastToken and best hold the match.
   */
  private withClitics(i: number): number {
    const units = this.units;
    const trie = this.trie;
    const shapes = trie.shapes;
    const beginnings = trie.beginnings;
    const beginningShift = trie.beginningShift;
    const keys = this.scan.keys;
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
        const length = e - from;
        if (length < 2) continue;
        // A shorter remainder only opens a name of several words (لأم درمان, وبن سلمان): لأم alone is no أم.
        // So does a three-letter remainder opening with a bare alef: the word is most often of the
        // pattern فاعل (وابل a hail, كابل cable and Kabul), not و or ك + أبل (Apple); with its
        // hamza written (وأبل، وآبل) it is the clitic.
        const short =
          restoreText.length + length < MIN_STRIPPED_WORD ||
          (length === 3 && restoreText.length === 0 && units[from] === BARE_ALEF && this.bareAlefAt(from));
        // The remainder's shape bit (tokenize.ts, shapeBit) for this restore, then its hash after
        // the restore and its Bloom bit, written out.
        const shape =
          ((units[from] as number) << 10) ^
          (units[from + 1] as number) ^
          (((units[e - 1] as number) & 0x3ff) << 16) ^
          ((length & 31) << 21);
        const third = length > 2 ? (units[from + 2] as number) : 0;
        const shapeBit =
          (Math.imul(shape ^ (restore << 26), SHAPE_KEY_MIX) ^ Math.imul(third, SHAPE_THIRD_MIX)) >>>
          SHAPE_SHIFT;
        if (((shapes[shapeBit >>> 5] as number) & (1 << (shapeBit & 31))) === 0) continue;
        let h = readingSeed[r] as number;
        for (let u = from; u < e; u++) h = Math.imul(h ^ (units[u] as number), 0x01000193);
        const key = h & KEY_MASK;
        const bloomBit = key & trie.bloomMask;
        if (((trie.bloom[bloomBit >>> 5] as number) & (1 << (bloomBit & 31))) === 0) continue;
        // And a name may begin with it: alone, or with the next word (beginningBit(), written out).
        let at = Math.imul(key, BEGINNING_MIX) >>> beginningShift;
        if (((beginnings[at >>> 5] as number) & (1 << (at & 31))) === 0) {
          if (i + 1 >= this.count) continue;
          at = Math.imul(key ^ Math.imul(keys[i + 1] as number, NEXT_MIX), BEGINNING_MIX) >>> beginningShift;
          if (((beginnings[at >>> 5] as number) & (1 << (at & 31))) === 0) continue;
        }
        const node = trie.find(key, 0, units, from, e, restoreText);
        if (node === 0 || !this.extend(node, i, s + (readingSkip[r] as number))) continue;
        if (short && this.lastToken === i) continue;
        // A plain word read with fewer letters stripped stays a word: وبليون is و + a billion.
        if (
          this.lastToken > last ||
          (this.lastToken === last && rankOf(this.best) < rankOf(best) && rankOf(best) < WORD_RANK)
        ) {
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
