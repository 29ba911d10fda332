// Candidate entities: spans of a corpus text that look like names but are not in the dictionary yet.
// The dictionary builder lists them, ranked by frequency, for a curator to review. The cues are
// deliberately simple (a context word before a name, a short quoted name, a speaker after "said",
// a capitalised run in English); frequency across the corpus separates the names from the noise.
import { type Folded, fold, foldText, toOriginalSpan } from '../text/fold';
import { tokenWords } from '../text/tokenize';

export interface Span {
  start: number;
  end: number;
}

/** Why a span was proposed. */
export type CandidateCue = 'context' | 'title' | 'speaker' | 'quoted' | 'capitalised';

export interface Candidate extends Span {
  /** The span's text as written, `text.slice(start, end)`. */
  text: string;
  cue: CandidateCue;
  /** The Arabic cue word (folded, without clitics) that introduced it, e.g. حزب, مدينه, وزير. */
  cueWord?: string;
}

/** A list of words written as one string (the content script carries these lists: less to load). */
const words = (list: string): string[] => list.split(' ');

// Context words that are the head of an institution's name: the cue is part of the candidate
// (حلف شمال الأطلسي، مجلس الأمن، وكالة الأنباء ...).
const HEAD_CUES = words(
  'حلف مجلس وكالة جامعة منظمة حزب حركة جبهة وزارة هيئة اتحاد جمعية مؤسسة بنك مصرف مركز',
);
// Context words that come before a name without being part of it (شركة مانديانت، مدينة دوريس).
const BEFORE_CUES = words('شركة مجموعة جماعة صحيفة قناة موقع');
// The same for places, whose names are short: at most two words, and the second not a verb
// (مدينة شكودر تضررت).
const PLACE_CUES = words('مدينة بلدة قرية محافظة ولاية منطقة ميناء عاصمة العاصمة');
// Titles before a person's name; the words describing the office are skipped (رئيس الوزراء الألباني).
const TITLE_CUES = words(
  'رئيس الرئيس وزير الوزير نائب النائب سفير السفير المتحدث الناطق الملك الأمير الشيخ السيناتور الجنرال العميد اللواء المستشار مدير المدير زعيم الزعيم قائد القائد المرشد',
);
// Words after which a person's name goes on with an ال-word (عبد الله، أبو القاسم، بن السلطان).
const NAME_LINKS = words('عبد أبو أبي بن ابن بنت');
// Nouns of an office's description that do not start with ال (رئيس قسم الاستخبارات، المتحدث باسم ...).
const TITLE_FILLERS = words('باسم قسم مكتب إدارة دائرة شؤون لجنة جهاز عام أول');
// Verbs that introduce a speaker: «وقال جون هولتكويست» names the speaker right after the verb.
const SPEAKER_CUES = words('قال وقال قالت وقالت أضاف وأضاف أعلن وأعلن أكد وأكد صرح');
// Function words that end a name. Folded like everything else, so على is left out (it folds to علي,
// a common first name) and handled by spelling in isStopword().
const STOPWORDS = [
  ...words(
    'في من إلى عن مع أن إن أنه أنها إنه إنها التي الذي الذين هذا هذه ذلك تلك هناك هنا قد لم لن ما لا بعد قبل حول عبر ضد منذ كان كانت هو هي هم أو ثم حتى عند بين غير نحو كل أي أمس اليوم خلال لدى أيضا عام تدعى يدعى تسمى يسمى المعروفة المعروف',
  ),
  ...SPEAKER_CUES,
];
// English: words that start a capitalised run for grammatical reasons, and titles before names.
const EN_STOPWORDS = new Set(
  (
    'a an the and or but if in on at to of for by from with as after before while when since until ' +
    'he she it they we i you his her its their our my this that these those there here what who why how ' +
    'also however meanwhile some many one two last next said says mr mrs ms dr ' +
    'monday tuesday wednesday thursday friday saturday sunday january february march april may june july ' +
    'august september october november december'
  ).split(' '),
);
export const EN_TITLES = new Set(
  (
    'president minister secretary senator gen general sir king queen prince chancellor ' +
    'director spokesman spokeswoman spokesperson ceo ambassador mr mrs ms dr mayor governor'
  ).split(' '),
);
// Words that qualify a title (Prime Minister, Foreign Secretary, Deputy Director): dropped with the
// title, kept otherwise (Foreign Ministry).
const EN_TITLE_QUALIFIERS = new Set(
  'prime foreign interior defence defense finance vice deputy chief state'.split(' '),
);
// Lower-case words allowed inside an English name (Ministry of Intelligence, People's Mujahedin of Iran).
const EN_CONNECTORS = new Set(['of', 'for', 'de', 'al', 'bin', 'el', 'the']);

// Words that follow a cue without being a name: the indefinite adjectives and common nouns of
// "مدينة كبيرة", "وزير سابق", "وقال مسؤول", "وقالت مصادر", and the definite nouns of "حركة المرور",
// "مركز المدينة". Nisba adjectives (أمريكية، سياسي) are recognised by their ending (afterCueIsCommon).
const COMMON_AFTER_CUE = words(
  'كبير كبيرة كبرى كبار صغير صغيرة صغرى جديد جديدة قديم قديمة آخر أخرى آخرون آخرين سابق سابقة أسبق حالي حالية مؤقت مؤقتة بارز بارزة مجاورة مجاور قريبة قريب بعيدة ناشئة عملاقة عدة عديدة مختلفة واحد واحدة ثانية أولى مهمة مسلحة مسلح معارضة معارض محظورة متطرفة تنفيذي عربي عربية غربي محلي محلية دولي دولية أمني مسؤول مسؤولة مسؤولون مسؤولين مصدر مصادر شهود شاهد متحدث متحدثة خبير خبراء محلل محللون مراقبون ناشط ناشطون سكان مواطن مواطنون مراسل مراسلة بعض عدد أحد إحدى ضابط جندي جنود طبيب أطباء دبلوماسي دبلوماسيون مجددا لاحقا كذلك المرور السير المدينة التسوق الإدارة الشرطة الاقتراع',
);

const MAX_NAME_WORDS = 4;
const foldedSet = (words: readonly string[]): Set<string> => new Set(words.map(foldText));
const HEAD = foldedSet(HEAD_CUES);
const BEFORE = foldedSet(BEFORE_CUES);
const PLACES = foldedSet(PLACE_CUES);
const LINKS = foldedSet(NAME_LINKS);
const TITLES = foldedSet(TITLE_CUES);
const FILLERS = foldedSet(TITLE_FILLERS);
const SPEAKERS = foldedSet(SPEAKER_CUES);
const STOP = foldedSet(STOPWORDS);
const COMMON = foldedSet(COMMON_AFTER_CUE);

interface Word extends Span {
  /** The folded word, for lookups, and where it starts in the folded text. */
  key: string;
  folded: number;
  /** True when the word overlaps a span the dictionary already matched. */
  matched: boolean;
  /** True when the next word continues a name: only white space between (see joins()). */
  joinsNext: boolean;
}

const WORD_RUN = /[\p{L}\p{N}]+/gu;
const ARABIC = /\p{Script=Arabic}/u;
const UPPER = /^\p{Lu}/u;

/**
 * Candidate names in `text`. `matched` are the spans the dictionary already found (any order);
 * no candidate overlaps them. Pure and linear in the text's length.
 */
export function findCandidates(text: string, matched: readonly Span[]): Candidate[] {
  const folded = fold(text);
  const words = splitWords(text, folded, matched);
  const out: Candidate[] = [];
  const add: Add = (from, to, cue, start, cueWord) => {
    const first = words[from];
    const last = words[to - 1];
    if (!first || !last || to <= from) return;
    const s = start ?? first.start;
    out.push({
      start: s,
      end: last.end,
      text: text.slice(s, last.end),
      cue,
      ...(cueWord ? { cueWord } : {}),
    });
  };

  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (!w || w.matched) continue;
    if (ARABIC.test(w.key)) arabicCues(text, folded, words, i, add);
    else if (UPPER.test(text.slice(w.start, w.end)) && isRunStart(text, words, i)) {
      i = capitalisedRun(text, words, i, add) - 1;
    }
  }
  quoted(text, matched, out);
  // A span found by two cues ("Homeland Justice" quoted and capitalised) counts once.
  out.sort((a, b) => a.start - b.start || a.end - b.end);
  return out.filter((c, k) => k === 0 || c.start !== out[k - 1]?.start || c.end !== out[k - 1]?.end);
}

type Add = (from: number, to: number, cue: CandidateCue, start?: number, cueWord?: string) => void;

function arabicCues(text: string, folded: Folded, words: readonly Word[], i: number, add: Add): void {
  const w = words[i];
  if (!w) return;
  const { key, offset } = stripClitic(w.key);
  const common = (at: number, person: boolean) => afterCueIsCommon(key, words[at]?.key, person);
  if (HEAD.has(key)) {
    if (common(i + 1, false)) return;
    const end = nameEnd(text, words, i + 1, false);
    // The candidate starts after the clitic (و|منظمة), at the cue's first letter.
    if (end > i + 1) add(i, end, 'context', folded.map[w.folded + offset] ?? w.start, key);
  } else if (BEFORE.has(key)) {
    const from = i + 1;
    if (!w.joinsNext || common(from, false)) return;
    const end = nameEnd(text, words, from, false);
    if (end > from) add(from, end, 'context', undefined, key);
  } else if (PLACES.has(key)) {
    if (!w.joinsNext || common(i + 1, false)) return;
    let end = nameEnd(text, words, i + 1, false, 2);
    const second = words[i + 2];
    if (end === i + 3 && second && /^[يتن]|ت$/.test(second.key)) end--;
    if (end > i + 1) add(i + 1, end, 'context', undefined, key);
  } else if (TITLES.has(key)) {
    // Skip the office (الوزراء الألباني، قسم الاستخبارات), then take the name that follows.
    let j = i + 1;
    while (j < i + 1 + MAX_NAME_WORDS && words[j - 1]?.joinsNext) {
      const v = words[j];
      if (!v || !(v.matched || v.key.startsWith('ال') || FILLERS.has(v.key) || TITLES.has(v.key))) break;
      j++;
    }
    if (!words[j - 1]?.joinsNext || common(j, true)) return;
    const end = nameEnd(text, words, j, true);
    if (end > j) add(j, end, 'title', undefined, key);
  } else if (SPEAKERS.has(w.key) && w.joinsNext) {
    if (common(i + 1, true)) return;
    const end = nameEnd(text, words, i + 1, true);
    if (end > i + 1) add(i + 1, end, 'speaker', undefined, key);
  }
}

/**
 * True when the word after a cue is a common word rather than the start of a name: listed in
 * COMMON_AFTER_CUE (also after و), or an indefinite nisba adjective agreeing with an institution's
 * or place's cue (شركة أمريكية، منطقة سكنية، حزب سياسي، مجلس محلي). Not for people: their names
 * end in ي as often as adjectives do (حمدي، فتحي), so after a title only the list counts.
 */
export function afterCueIsCommon(cue: string, word: string | undefined, person: boolean): boolean {
  if (word === undefined) return false;
  if (COMMON.has(word) || (/^[وف]/.test(word) && COMMON.has(word.slice(1)))) return true;
  if (person || word.startsWith('ال')) return false;
  // Folded, a feminine cue ends in ه (ة) and agrees with يه (ية); a masculine one with ي.
  return cue.endsWith('ه') ? word.length >= 5 && word.endsWith('يه') : word.length >= 4 && word.endsWith('ي');
}

// Where a name starting at word `from` ends (exclusive): at a stop word, a break in the text,
// a word the dictionary matched, a number, or after MAX_NAME_WORDS. People's names have no ال.
function nameEnd(
  text: string,
  words: readonly Word[],
  from: number,
  person: boolean,
  max = MAX_NAME_WORDS,
): number {
  let j = from;
  while (j < from + max) {
    const v = words[j];
    if (!v || v.matched || isStopword(text, v) || /^\d+$/.test(v.key)) break;
    if (!ARABIC.test(v.key)) break;
    const previous = words[j - 1]?.key ?? '';
    const linked = j > from && LINKS.has(previous);
    if (person && ((v.key.startsWith('ال') && !linked) || isCue(stripClitic(v.key).key))) break;
    // An institution's name does not go on with an indefinite word after a definite one
    // (حزب النهضة يدعم: a verb follows), unless that word is a title (مؤسسة الملك فيصل).
    if (!person && j > from && previous.startsWith('ال') && !v.key.startsWith('ال') && !TITLES.has(previous))
      break;
    j++;
    if (!v.joinsNext) break;
  }
  return j;
}

function isStopword(text: string, w: Word): boolean {
  // على folds to علي, which is also a first name: tell them apart by the written final letter.
  if (w.key === 'علي') return text[w.end - 1] === 'ى';
  return isStop(w.key);
}

// A function word, also after the conjunction و/ف (وغير، فإن).
const isStop = (key: string): boolean => STOP.has(key) || (/^[وف]/.test(key) && STOP.has(key.slice(1)));

const isCue = (key: string): boolean =>
  HEAD.has(key) || BEFORE.has(key) || PLACES.has(key) || TITLES.has(key);

// و/ف then ب/ل in front of a cue word (وشركة، بمنظمة); offset = length of what was stripped.
function stripClitic(key: string): { key: string; offset: number } {
  const m = /^(?:[وف]?[بل]|[وف])(.{3,})$/u.exec(key);
  const rest = m?.[1];
  if (rest && isCue(rest)) {
    return { key: rest, offset: key.length - rest.length };
  }
  return { key, offset: 0 };
}

// A capitalised word starts a run unless the capitalised word joined before it already did.
function isRunStart(text: string, words: readonly Word[], i: number): boolean {
  const w = words[i];
  if (!w) return false;
  const prev = words[i - 1];
  return !(prev?.joinsNext && UPPER.test(text.slice(prev.start, prev.end)));
}

// A run of capitalised English words (with "of", "for" ... inside); returns the index after it.
function capitalisedRun(text: string, words: readonly Word[], i: number, add: Add): number {
  let j = i;
  let lastCap = -1;
  while (j < words.length) {
    const v = words[j];
    if (!v || v.matched || ARABIC.test(v.key)) break;
    const raw = text.slice(v.start, v.end);
    if (UPPER.test(raw)) lastCap = j;
    else if (!EN_CONNECTORS.has(v.key)) break;
    j++;
    if (!v.joinsNext) break;
  }
  // Drop grammatical capitals and titles in front: "The White House", "Prime Minister Edi Rama".
  let from = i;
  while (from <= lastCap && EN_STOPWORDS.has(words[from]?.key ?? '')) from++;
  let t = from;
  while (t <= lastCap && EN_TITLE_QUALIFIERS.has(words[t]?.key ?? '')) t++;
  if (t <= lastCap && EN_TITLES.has(words[t]?.key ?? '')) {
    while (
      t <= lastCap &&
      (EN_TITLES.has(words[t]?.key ?? '') || EN_TITLE_QUALIFIERS.has(words[t]?.key ?? ''))
    )
      t++;
    from = t;
  }
  const end = lastCap + 1;
  const letters = words.slice(from, end).reduce((n, v) => n + v.key.length, 0);
  // One capitalised word opening a sentence is usually just a capital ("People said ...");
  // a real name also occurs mid-sentence somewhere in the corpus.
  const single = end - from === 1 && sentenceStart(text, words[from]?.start ?? 0);
  if (end > from && letters >= 2 && !single) add(from, end, 'capitalised');
  return Math.max(j, i + 1);
}

/** True when `at` opens a sentence (or the text): what a capital there says is only grammar. */
export function sentenceStart(text: string, at: number): boolean {
  const raw = text.slice(Math.max(0, at - 8), at);
  // A block break (U+2029, between the page's paragraphs) is white space to trimEnd().
  if (/\u2029[^\S\u2029]*$/u.test(raw)) return true;
  const before = raw.trimEnd();
  return before === '' || /[.!?:;\n"“«(]$/.test(before);
}

// Short quoted names: «مجاهدي خلق»، "Cuba". Long quotations are speech, not names.
function quoted(text: string, matched: readonly Span[], out: Candidate[]): void {
  const re = /«([^«»\n]{1,80})»|“([^“”\n]{1,80})”|"([^"\n]{1,80})"/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const inner = m[1] ?? m[2] ?? m[3] ?? '';
    const lead = inner.length - inner.trimStart().length;
    const body = inner.trim();
    const start = m.index + 1 + lead;
    const end = start + body.length;
    const wordKeys = tokenWords(foldText(body));
    if (wordKeys.length === 0 || wordKeys.length > MAX_NAME_WORDS) continue;
    if (/[.,:;!?،؛؟]/.test(body) || wordKeys.some((k) => isStop(k) || EN_STOPWORDS.has(k))) continue;
    if (matched.some((s) => s.start < end && start < s.end)) continue;
    out.push({ start, end, text: body, cue: 'quoted' });
  }
}

function splitWords(text: string, folded: Folded, matched: readonly Span[]): Word[] {
  const spans = [...matched].sort((a, b) => a.start - b.start);
  const words: Word[] = [];
  let k = 0;
  for (const m of folded.text.matchAll(WORD_RUN)) {
    const fs = m.index;
    const fe = fs + m[0].length;
    const [start, end] = toOriginalSpan(folded, fs, fe);
    while (k < spans.length && (spans[k]?.end ?? 0) <= start) k++;
    const span = spans[k];
    words.push({ start, end, key: m[0], folded: fs, matched: !!span && span.start < end, joinsNext: false });
  }
  for (let i = 0; i + 1 < words.length; i++) {
    const a = words[i];
    const b = words[i + 1];
    if (a && b) a.joinsNext = joins(text.slice(a.end, b.start), a.key, b.key);
  }
  return words;
}

// Words belong to one name when only white space separates them, or, in Latin script, a single
// hyphen or apostrophe (Mujahedin-e Khalq, People's Mujahedin).
// Never across a block break (U+2029, as the page's text model separates blocks) or a blank line.
function joins(gap: string, a: string, b: string): boolean {
  if (/^\s+$/u.test(gap)) return !/\u2029|\n\s*\n/u.test(gap);
  return /^[-'’]$/u.test(gap) && !ARABIC.test(a) && !ARABIC.test(b);
}

export interface RankedCandidate {
  /** The most frequent way the candidate was written. */
  text: string;
  count: number;
  cues: CandidateCue[];
}

/** Counts candidates across a corpus, keyed by their folded form, and ranks them. */
export class CandidateTally {
  private readonly byKey = new Map<
    string,
    { count: number; cues: Set<CandidateCue>; forms: Map<string, number> }
  >();

  add(candidates: readonly Candidate[]): void {
    for (const c of candidates) {
      const key = tokenWords(foldText(c.text)).join(' ');
      if (key === '') continue;
      let entry = this.byKey.get(key);
      if (!entry) {
        entry = { count: 0, cues: new Set(), forms: new Map() };
        this.byKey.set(key, entry);
      }
      entry.count++;
      entry.cues.add(c.cue);
      entry.forms.set(c.text, (entry.forms.get(c.text) ?? 0) + 1);
    }
  }

  /** Most frequent first; ties in a fixed order so the report is reproducible. */
  ranked(): RankedCandidate[] {
    return [...this.byKey.entries()]
      .map(([key, e]) => ({
        key,
        text: [...e.forms.entries()].sort((a, b) => b[1] - a[1] || cmp(a[0], b[0]))[0]?.[0] ?? key,
        count: e.count,
        cues: [...e.cues].sort(),
      }))
      .sort((a, b) => b.count - a.count || cmp(a.key, b.key))
      .map(({ text, count, cues }) => ({ text, count, cues }));
  }
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
