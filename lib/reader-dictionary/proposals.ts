// "Possible entities" (issue 13): names on the page that no dictionary knows yet, for the side panel
// to offer with a count and a suggested type. The candidate finder the dictionary builder uses
// (lib/entities/candidates.ts) runs on the article one slice at a time (so the page's idle time can
// be used in small pieces); this module adds what a single page needs on top of it: forms the
// matcher already knows or the reader dismissed are left out, capitals that are only grammar or
// headline style are not names, and each form gets the type its cue words suggest.
import { type Candidate, EN_TITLES, findCandidates, type Span, sentenceStart } from '../entities/candidates';
import type { EntityType } from '../entities/types';
import { foldText } from '../text/fold';
import { tokenWords } from '../text/tokenize';
import type { ReaderEntry } from './model';

export interface Proposal {
  /** The form as the page writes it most often. */
  form: string;
  /** How many times the page has it. */
  count: number;
  /** The type its cues suggest (the reader may change it before adding). */
  type: EntityType;
}

/** Slices of at most this many characters, cut at block breaks or sentence ends (see textSlices). */
export const SLICE_CHARS = 4_000;
/** The most proposals the panel lists, most frequent first. */
export const MAX_PROPOSALS = 40;

/** The key proposals are compared by: the form's folded words (ايران and إيران are one form). */
export function proposalKey(form: string): string {
  return tokenWords(foldText(form)).join(' ');
}

/** The proposals the reader dismissed (and did not undo), as proposal keys: never proposed again. */
export function dismissedKeys(entries: readonly ReaderEntry[]): Set<string> {
  return new Set(
    entries.flatMap((e) => (e.kind === 'dismissed' && e.deleted === undefined ? [proposalKey(e.form)] : [])),
  );
}

/**
 * [start, end) slices covering `text`, each at most `max` characters where the text allows: cut after
 * a block break (U+2029), else after a sentence end, else at a space, so a name is never cut.
 */
export function textSlices(text: string, max = SLICE_CHARS): Span[] {
  const slices: Span[] = [];
  let start = 0;
  while (text.length - start > max) {
    const window = text.slice(start, start + max);
    let cut = window.lastIndexOf('\u2029') + 1;
    if (cut <= 0) {
      const sentence = /[.!?؟]\s(?![\s\S]*[.!?؟]\s)/u.exec(window);
      cut = sentence ? sentence.index + 2 : window.lastIndexOf(' ') + 1;
    }
    if (cut <= 0) cut = max;
    slices.push({ start, end: start + cut });
    start += cut;
  }
  if (start < text.length || slices.length === 0) slices.push({ start, end: text.length });
  return slices;
}

// Capitalised words that open English sentences as often as not, trimmed from the front of a run
// that starts a sentence ("Yesterday Bilal Hamdan said…").
const EN_OPENERS = new Set(
  [
    'yesterday today tomorrow earlier later now then still instead overall officials residents critics',
    'analysts according despite although though because once unlike like several both each every',
    'such only even just so',
  ]
    .join(' ')
    .split(' '),
);
// The type an Arabic cue word suggests (folded, as Candidate.cueWord has it).
const ARABIC_CUE_TYPES: Record<string, EntityType> = Object.fromEntries(
  (
    [
      ['مجلس وزارة هيئة', 'government'],
      ['حزب حركة جبهة جماعة مجموعة', 'group'],
      ['مدينة بلدة قرية محافظة ولاية منطقة ميناء عاصمة العاصمة', 'place'],
    ] as const
  ).flatMap(([words, type]) => words.split(' ').map((w) => [foldText(w), type])),
);
// The last word of an English name that says what it names.
const EN_LAST_WORD_TYPES: Record<string, EntityType> = Object.fromEntries(
  (
    [
      ['ministry department council commission office authority cabinet parliament senate', 'government'],
      ['party movement front brigade brigades army militia group guard', 'group'],
      [
        'company corp corporation inc ltd bank university institute foundation association organisation organization union alliance agency news times post club',
        'organisation',
      ],
      ['city province county region district river island valley village town street square', 'place'],
    ] as const
  ).flatMap(([words, type]) => words.split(' ').map((w) => [w, type])),
);
// Before a single unknown capitalised word these say "a place" (in Shkoder, near Durres).
const EN_PLACE_WORDS = new Set('in near across outside inside around to from into towards'.split(' '));

/** The type one occurrence suggests: its cue word, the words around it, how many words it has. */
export function suggestType(text: string, candidate: Candidate): EntityType {
  const { cue, cueWord } = candidate;
  if (cue === 'title' || cue === 'speaker') return 'person';
  if (cueWord) return ARABIC_CUE_TYPES[cueWord] ?? 'organisation';
  const words = tokenWords(foldText(candidate.text));
  const last = words.at(-1) ?? '';
  const named = EN_LAST_WORD_TYPES[last];
  if (named) return named;
  if (cue === 'quoted') return 'organisation';
  const before = /([\p{L}]+)[^\p{L}\p{N}]*$/u.exec(
    text.slice(Math.max(0, candidate.start - 24), candidate.start),
  );
  const previous = before?.[1]?.toLowerCase() ?? '';
  if (EN_TITLES.has(previous)) return 'person';
  if (words.length === 1 && EN_PLACE_WORDS.has(previous)) return 'place';
  if (/^\p{Lu}{2,}$/u.test(candidate.text)) return 'organisation';
  return 'person';
}

interface Occurrence {
  form: string;
  type: EntityType;
  /** A capitalised run in a headline-style block, where every long word is capitalised. */
  inHeadline: boolean;
  /** A capitalised run opening a sentence. */
  atSentenceStart: boolean;
  /** Found by an Arabic cue or quotes, which take up to four words whatever follows the name. */
  cued: boolean;
  /** Its place among the page's occurrences, for page order among equal counts. */
  order: number;
}

const LATIN_LOWER_WORD = /(?<![\p{L}\p{N}])\p{Ll}[\p{L}'’]*/gu;
const WORD = /[\p{L}\p{N}]+/gu;

/**
 * Proposals for one page's text, built one slice at a time (`add`), then read (`result`). `mentions`
 * are what the matcher found on the page (sorted by start): no proposal overlaps one, nor has the
 * form of one.
 */
export class ProposalTally {
  private readonly occurrences: Occurrence[] = [];
  /** Latin words the page writes in lower case: capitalised elsewhere they are only grammar. */
  private readonly lowerWords = new Set<string>();
  private readonly knownKeys = new Set<string>();
  private readonly knownForms = new Set<string>();
  private nextMention = 0;

  constructor(
    private readonly text: string,
    private readonly mentions: readonly Span[],
  ) {}

  /** Finds the candidates of one slice of the text (slices given in order). */
  add(slice: Span): void {
    const { text } = this;
    const part = text.slice(slice.start, slice.end);
    const inSlice: Span[] = [];
    while (this.nextMention < this.mentions.length) {
      const m = this.mentions[this.nextMention];
      if (!m || m.start >= slice.end) break;
      inSlice.push({ start: m.start - slice.start, end: m.end - slice.start });
      // A page names the same few entities many times: fold each written form once.
      const form = text.slice(m.start, m.end);
      if (!this.knownForms.has(form)) {
        this.knownForms.add(form);
        this.knownKeys.add(proposalKey(form));
      }
      this.nextMention++;
    }
    for (const m of part.matchAll(LATIN_LOWER_WORD)) this.lowerWords.add(m[0]);
    const headlines = headlineBlocks(part);
    for (const found of findCandidates(part, inSlice))
      this.occurrences.push(this.occurrence(part, found, headlines));
  }

  /** The proposals: most frequent first (then in page order), without known or `dismissed` forms (keys). */
  result(dismissed: ReadonlySet<string>, max = MAX_PROPOSALS): Proposal[] {
    const out: (Proposal & { order: number })[] = [];
    for (const [key, occurrences] of withSurnames(this.mergedPrefixes())) {
      if (this.knownKeys.has(key) || dismissed.has(key)) continue;
      // Capitals seen only in headline-style blocks say nothing (Cuts Ties With); seen only at
      // sentence starts, of words the page also writes in lower case, they are grammar.
      if (occurrences.every((o) => o.inHeadline)) continue;
      const opensOnly = occurrences.every((o) => o.atSentenceStart || o.inHeadline);
      if (opensOnly && this.allLowerElsewhere(occurrences[0]?.form ?? '')) continue;
      out.push({
        form: mostFrequent(occurrences.map((o) => o.form)),
        count: occurrences.length,
        type: mostFrequent(occurrences.map((o) => o.type)),
        order: Math.min(...occurrences.map((o) => o.order)),
      });
    }
    return out
      .sort((a, b) => b.count - a.count || a.order - b.order)
      .slice(0, max)
      .map(({ form, count, type }) => ({ form, count, type }));
  }

  /**
   * The occurrences by key, where a cued form that starts with another form the page has counts as
   * that form: the cue rules take up to four words (بلال حمدان مرفأ جديدا), and the name is the part
   * the page also writes on its own (بلال حمدان).
   */
  private mergedPrefixes(): Map<string, Occurrence[]> {
    const merged = new Map<string, Occurrence[]>();
    for (const found of this.occurrences) {
      const o = this.trimmed(found);
      const key = o ? proposalKey(o.form) : '';
      if (!o || key === '') continue;
      const list = merged.get(key);
      if (list) list.push(o);
      else merged.set(key, [o]);
    }
    const longestFirst = [...merged.keys()].sort((a, b) => b.split(' ').length - a.split(' ').length);
    for (const key of longestFirst) {
      const list = merged.get(key);
      if (!list?.every((o) => o.cued)) continue;
      const words = key.split(' ');
      for (let n = words.length - 1; n >= 1; n--) {
        const target = merged.get(words.slice(0, n).join(' '));
        if (!target) continue;
        const form = mostFrequent(target.map((o) => o.form));
        target.push(...list.map((o) => ({ ...o, form })));
        merged.delete(key);
        break;
      }
    }
    return merged;
  }

  private allLowerElsewhere(form: string): boolean {
    const words = form.match(WORD) ?? [];
    return words.every((w) => this.lowerWords.has(w.toLowerCase()));
  }

  /** One found candidate as an occurrence. */
  private occurrence(part: string, found: Candidate, headlines: readonly Span[]): Occurrence {
    const capitalised = found.cue === 'capitalised';
    return {
      form: found.text,
      type: suggestType(part, found),
      inHeadline: capitalised && headlines.some((h) => h.start <= found.start && found.end <= h.end),
      atSentenceStart: capitalised && sentenceStart(part, found.start),
      cued: !capitalised,
      order: this.occurrences.length,
    };
  }

  /**
   * A sentence-initial capital on a common word is grammar: such words are trimmed from the front of
   * a run that opens a sentence ("Yesterday Bilal Hamdan" is "Bilal Hamdan"; "Local Officials" is
   * nothing when the page also writes "local" and "officials").
   */
  private trimmed(o: Occurrence): Occurrence | null {
    if (!o.atSentenceStart) return o;
    let from = 0;
    for (const m of o.form.matchAll(WORD)) {
      const word = m[0].toLowerCase();
      if (!EN_OPENERS.has(word) && !this.lowerWords.has(word)) break;
      from = m.index + m[0].length;
    }
    const form = o.form.slice(from).trim();
    return form === '' ? null : { ...o, form };
  }
}

/**
 * A person's surname written alone counts as the full name the page also writes ("Bilal Hamdan …
 * Hamdan said"), as the matcher counts a known person's surname: one proposal, not two. Only when
 * exactly one full name ends with it; two people sharing a surname leave it alone.
 */
function withSurnames(merged: Map<string, Occurrence[]>): Map<string, Occurrence[]> {
  const fullNames = new Map<string, string[]>();
  for (const [key, occurrences] of merged) {
    const words = key.split(' ');
    const last = words.at(-1);
    if (words.length < 2 || !last || mostFrequent(occurrences.map((o) => o.type)) !== 'person') continue;
    fullNames.set(last, [...(fullNames.get(last) ?? []), key]);
  }
  for (const [key, occurrences] of merged) {
    const owners = fullNames.get(key);
    const target = owners?.length === 1 ? merged.get(owners[0] as string) : undefined;
    if (!target || occurrences.some((o) => o.type !== 'person')) continue;
    const form = mostFrequent(target.map((o) => o.form));
    target.push(...occurrences.map((o) => ({ ...o, form })));
    merged.delete(key);
  }
  return merged;
}

/** Proposals for a whole text at once (tests, small pages). */
export function proposeEntities(
  text: string,
  mentions: readonly Span[],
  dismissed: ReadonlySet<string>,
  max = MAX_PROPOSALS,
): Proposal[] {
  const tally = new ProposalTally(text, mentions);
  for (const slice of textSlices(text)) tally.add(slice);
  return tally.result(dismissed, max);
}

/**
 * The short blocks of `part` written in headline style (most longer Latin words capitalised, no full
 * stop at the end), where a capital says nothing about a name.
 */
function headlineBlocks(part: string): Span[] {
  const out: Span[] = [];
  let start = 0;
  for (const block of part.split('\u2029')) {
    // Headlines are short and end without a full stop; a sentence dense with names does not count.
    if (block.length <= 200 && !/[.!?؟]["”’)]?\s*$/u.test(block)) {
      const long = block.match(/\p{Script=Latin}{4,}/gu) ?? [];
      const capitalised = long.filter((w) => /^\p{Lu}/u.test(w)).length;
      if (long.length >= 3 && capitalised >= long.length * 0.7)
        out.push({ start, end: start + block.length });
    }
    start += block.length + 1;
  }
  return out;
}

function mostFrequent<T>(values: readonly T[]): T {
  const counts = new Map<T, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best = values[0] as T;
  for (const [v, n] of counts) if (n > (counts.get(best) ?? 0)) best = v;
  return best;
}
