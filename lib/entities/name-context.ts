// What the text around a name says (DESIGN.md §3): pure tests on the original text, which the
// matcher asks before it keeps a mention or picks among the entities sharing a form. A title or بن
// before a nisba, a place cue, a side in a results line or a schedule, a body's name a place begins,
// whether a form is written as a name.

import { BLOCK_SEPARATOR } from '../text/text-model';
import {
  CLOSE_BRACKET,
  COMMA,
  DOT,
  FEH,
  HYPHEN,
  LAM,
  LF,
  LOWER_S,
  OPEN_BRACKET,
  SLASH,
  SPACE,
  WAW,
} from '../text/units';
import { isLatinCapital } from './forms';

export const BARE_ALEF = 0x627;

const isApostrophe = (c: number): boolean => c === 0x27 || c === 0x2019;

/** Whether text[at] begins an 's or ’s that ends a word. */
export function possessiveAt(text: string, at: number): boolean {
  return (
    isApostrophe(text.charCodeAt(at)) &&
    (text.charCodeAt(at + 1) | 0x20) === LOWER_S &&
    !isAsciiLetter(text.charCodeAt(at + 2))
  );
}

export function hasLowerAscii(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x61 && c <= 0x7a) return true;
  }
  return false;
}

/**
 * A list of words isWordOf() tests a span of text against without cutting it out: each word's
 * FNV-1a hash in a small open-addressing table, the word compared only where a hash agrees. Asked
 * of most names found, it costs one pass over the span's letters, however long the list.
 */
export class WordList {
  private readonly hashes: Int32Array;
  private readonly words: string[];
  private readonly mask: number;
  private readonly longest: number;

  constructor(list: string) {
    const words = list.split(' ');
    this.longest = Math.max(...words.map((w) => w.length));
    const size = 1 << (32 - Math.clz32(words.length * 4 - 1));
    this.mask = size - 1;
    this.hashes = new Int32Array(size);
    this.words = new Array<string>(size).fill('');
    for (const word of words) {
      const h = spanHash(word, 0, word.length);
      let i = h & this.mask;
      while (this.words[i] !== '' && this.words[i] !== word) i = (i + 1) & this.mask;
      this.hashes[i] = h;
      this.words[i] = word;
    }
  }

  /** Whether text[start, end) is one of the words. */
  has(text: string, start: number, end: number): boolean {
    if (end - start > this.longest || end <= start) return false;
    const h = spanHash(text, start, end);
    for (let i = h & this.mask; ; i = (i + 1) & this.mask) {
      const word = this.words[i] as string;
      if (word === '') return false;
      if (this.hashes[i] === h && word.length === end - start && text.startsWith(word, start)) return true;
    }
  }
}

/** FNV-1a over text[start, end)'s code units. */
function spanHash(text: string, start: number, end: number): number {
  let h = 0x811c9dc5 | 0;
  for (let k = start; k < end; k++) h = Math.imul(h ^ text.charCodeAt(k), 0x01000193);
  return h;
}

/** Whether text[start, end) is one of `words`. */
export function isWordOf(words: WordList, text: string, start: number, end: number): boolean {
  return words.has(text, start, end);
}

/**
 * Words that may stand capitalised before a guarded name at a sentence's start or in a title (AT
 * and IN in a schedule's or a headline's capitals: ANAHEIM AT BUFFALO).
 */
export const FUNCTION_WORDS = /* @__PURE__ */ new WordList(
  'AT IN A About After Against And As At Before Between Both But By During For From If In Including Inside Into Like Near Neighbouring Neighboring Of On Or Over Since The Than That Through To Under Unlike Until When Where While With Within Without',
);

/**
 * Words that may stand capitalised right after a guarded name without making it a person's first
 * name: US news writes a state before a party or an office (a Virginia Democrat, Georgia Governor).
 */
export const PARTY_OR_OFFICE_WORDS = /* @__PURE__ */ new WordList(
  'Democrat Democrats Republican Republicans Governor Gov Senator Sen Rep Congressman Congresswoman Lawmaker Lawmakers Mayor governor senator mayor lawmakers',
);

/**
 * Whether a party's or an office's word follows text[.., end): the name before it is the place its
 * people hold office in (Minnesota Governor, the Boston mayor), even on a page about its team.
 */
export function officeAfter(text: string, end: number): boolean {
  const after = pastSpaces(text, end);
  if (after === end) return false;
  let wordEnd = after;
  while (isAsciiLetter(text.charCodeAt(wordEnd))) wordEnd++;
  return isWordOf(PARTY_OR_OFFICE_WORDS, text, after, wordEnd);
}

/**
 * Words that may stand capitalised right before a guarded name: a chamber before a party's members
 * (Senate Democrats, House Republicans).
 */
export const CHAMBER_WORDS = /* @__PURE__ */ new WordList('House Senate');

/**
 * Capitalised words that may stand right before a Latin surname alone: titles (President Yoon,
 * Prime Minister Rama) and the words that open a sentence (Later Rama said). Any other capitalised
 * word before it is a given name, and the surname another person's (Stella Kim).
 */
export const BEFORE_SURNAME = /* @__PURE__ */ new WordList(
  'Mr Mrs Ms Miss Dr Prof Professor President Minister Premier Chancellor Secretary Senator Sen Rep Representative Congressman Congresswoman Governor Gov General Gen Colonel Col Lieutenant Lt Captain Capt Major Admiral Adm Commander Marshal Judge Justice King Queen Prince Princess Emir Sheikh Pope Mayor Ambassador Envoy Chairman Chairwoman Chair Chief Speaker Leader Sir Dame Lord Lady Rev Reverend Father Officer Detective Sergeant Sgt Commissioner Director Inspector Coach Ayatollah Imam Rabbi Cardinal Bishop Archbishop Later Then Now Today Yesterday Tomorrow Meanwhile However Also Still Yet So Thus Instead Earlier Last Next Finally Here There Why How What Although Though Because Indeed Moreover Furthermore Nevertheless Nonetheless Afterwards Previously Recently Currently Eventually Ultimately Separately Additionally Similarly Likewise Otherwise Perhaps Maybe Clearly Certainly Surely Unfortunately Fortunately Notably Even Only Once Asked Told',
);

/** Party words, which may stand right after a name found (an Oklahoma Republican, a Trump Democrat). */
export const PARTY_WORDS = /* @__PURE__ */ new WordList('Democrat Democrats Republican Republicans');

export const isAsciiUpper = (c: number): boolean => c >= 0x41 && c <= 0x5a;
export const isAsciiLetter = (c: number): boolean => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
/** A letter of a Latin word, accented ones and combining accents included (Aïn is one word, not "A"). */
export const isLatinLetter = (c: number): boolean =>
  isAsciiLetter(c) ||
  (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) ||
  (c >= 0x300 && c <= 0x36f) ||
  (c >= 0x1e00 && c <= 0x1eff);

/** The first index at or after `at` that is not a space. */
export function pastSpaces(text: string, at: number): number {
  let i = at;
  while (text.charCodeAt(i) === SPACE) i++;
  return i;
}

/** Whether spaces and then the word بن, ابن or إبن start at text[at]: a patronymic follows. */
export function patronymicAt(text: string, at: number): boolean {
  let i = pastSpaces(text, at);
  if (i === at) return false;
  const c = text.charCodeAt(i);
  if (c === BARE_ALEF || c === 0x625) i++; // ا or إ of ابن
  return text.charCodeAt(i) === 0x628 && text.charCodeAt(i + 1) === 0x646 && text.charCodeAt(i + 2) === SPACE;
}

/** بن and its kin: a nisba after one is a given name (فيصل بن تركي). */
const PATRONYMS = /* @__PURE__ */ new WordList('بن ابن إبن بنت');

/**
 * The titles written before a name, without their article. An adjective would agree with a
 * definite title (الأمير التركي), so الأمير تركي is Prince Turki; a definite subject before a nisba
 * makes a sentence (المنفذ تركي, the attacker is Turkish), so the list holds titles only.
 */
const TITLES = /* @__PURE__ */ new WordList(
  'أمير امير أميرة اميرة شيخ شيخة أستاذ استاذ أستاذة استاذة دكتور دكتورة مهندس مهندسة لواء عميد عقيد سيد سيدة زميل زميلة',
);

/**
 * Whether the nisba at text[at] has no article and follows, after spaces, بن or a title with its
 * article (الأمير، والأمير، فالشيخ، للأمير).
 */
export function givenNameAfter(text: string, at: number): boolean {
  if (text.charCodeAt(at) === BARE_ALEF && text.charCodeAt(at + 1) === 0x644) return false; // ال
  return titleBefore(text, at, TITLES, true);
}

/**
 * Royal titles, which an adjective agrees with too (الملك الأردني) and so are not in TITLES, but
 * which name a person when a place's name follows them (الملكة صوفيا).
 */
const ROYAL_TITLES = /* @__PURE__ */ new WordList('ملك ملكة');

/**
 * Whether the place's name at text[at] follows, after spaces, a title with its article (الملكة
 * صوفيا، الأمير فيصل، السيد حلب): it is then a person's given name. A place whose name holds the
 * title (السيدة زينب، الشيخ جراح) is a longer match and never asks.
 */
export function personTitleBefore(text: string, at: number): boolean {
  return titleBefore(text, at, TITLES, false) || titleBefore(text, at, ROYAL_TITLES, false);
}

/**
 * Whether a word of `titles` with its article (or, with `patronyms`, بن) stands before text[at],
 * behind و or ف or not (وللشيخ).
 */
function titleBefore(text: string, at: number, titles: WordList, patronyms: boolean): boolean {
  const end = spacesBefore(text, at);
  let start = arabicWordStart(text, end);
  if (end === at || start === end) return false;
  if (patronyms && isWordOf(PATRONYMS, text, start, end)) return true;
  const c = text.charCodeAt(start);
  if (c === WAW || c === FEH) {
    start++;
    if (patronyms && isWordOf(PATRONYMS, text, start, end)) return true;
  }
  // The article, or لل (ل + ال).
  if (!text.startsWith('ال', start) && !text.startsWith('لل', start)) return false;
  return isWordOf(titles, text, start + 2, end);
}

/** A kunya's first word: أبو حمزة, أم كلثوم. */
const KUNYAS = /* @__PURE__ */ new WordList('أبو ابو وأبو وابو أبي ابي أم ام');

/**
 * Whether the nisba at text[at] has its article and follows a kunya (أبو حمزة المصري, أبو محمد
 * الجولاني): it is the man's laqab, part of his name, not the adjective.
 */
export function laqabAfterKunya(text: string, at: number): boolean {
  if (text.charCodeAt(at) !== BARE_ALEF || text.charCodeAt(at + 1) !== LAM) return false;
  const nameEnd = spacesBefore(text, at);
  const nameStart = arabicWordStart(text, nameEnd);
  if (nameEnd === at || nameStart === nameEnd) return false;
  const kunyaEnd = spacesBefore(text, nameStart);
  const kunyaStart = arabicWordStart(text, kunyaEnd);
  return kunyaEnd < nameStart && isWordOf(KUNYAS, text, kunyaStart, kunyaEnd);
}

// The two halves of wordBefore(), apart for the checks made of most names found: they allocate
// nothing and call no predicate.

/** Where the spaces right before text[at] begin (at when there are none). */
function spacesBefore(text: string, at: number): number {
  let end = at;
  while (end > 0 && text.charCodeAt(end - 1) === SPACE) end--;
  return end;
}

/** Where the Arabic letters right before text[end] begin (end when there are none). */
function arabicWordStart(text: string, end: number): number {
  let start = end;
  while (start > 0) {
    const c = text.charCodeAt(start - 1);
    if (c < 0x621 || c > 0x64a) break;
    start--;
  }
  return start;
}

/** Where the letters (Arabic or ASCII) right before text[end] begin (end when there are none). */
function letterWordStart(text: string, end: number): number {
  let start = end;
  while (start > 0) {
    const c = text.charCodeAt(start - 1);
    const lower = c | 0x20;
    if (!((c >= 0x621 && c <= 0x64a) || (lower >= 0x61 && lower <= 0x7a))) break;
    start--;
  }
  return start;
}

/**
 * The word right before text[at] across spaces only (none when punctuation, or nothing, comes
 * first), its letters told by `isLetter`: [start, end), or null.
 */
export function wordBefore(
  text: string,
  at: number,
  isLetter: (c: number) => boolean,
): readonly [number, number] | null {
  const end = spacesBefore(text, at);
  let start = end;
  while (start > 0 && isLetter(text.charCodeAt(start - 1))) start--;
  return end === at || start === end ? null : [start, end];
}

export const isArabicLetter = (c: number): boolean => c >= 0x621 && c <= 0x64a;

/** Words after which a name that is also a place's is the place: in Porto, في برشلونة, وفي مدينة فالنسيا. */
const PLACE_CUES = /* @__PURE__ */ new WordList(
  'in In IN at At AT near Near في مدينة بمدينة لمدينة ومدينة ميناء بميناء مطار بمطار مطاري',
);
/** "of" after these: the city of Liverpool, the port of Valencia. */
const PLACE_OF = /* @__PURE__ */ new WordList('city City town Town port Port capital Capital');
const isLetter = (c: number): boolean => isAsciiLetter(c) || isArabicLetter(c);

/** After a dateline's place: a date (1996-12-06), an agency in brackets and a dash, or a dash. */
const DATELINE_AFTER = /\d{4}-\d\d-\d\d|\([A-Z][A-Za-z.]*\) ?[-\u2013\u2014] |[-\u2013\u2014] /y;

/**
 * Whether text[start, end) is a dateline's place: at a line's start, before a date, an agency and a
 * dash, or a dash ("NEW YORK 1996-12-07", "BOSTON (Reuters) - ", "WASHINGTON — "). On a sports page
 * that named the NBA, the dateline's New York is still the city.
 */
export function datelineAt(text: string, start: number, end: number): boolean {
  if (start > 0 && !isLineEnd(text.charCodeAt(start - 1))) return false;
  DATELINE_AFTER.lastIndex = pastSpaces(text, end);
  return DATELINE_AFTER.lastIndex > end && DATELINE_AFTER.test(text);
}

/** Whether the word before text[at] says that what follows is a place. */
export function placeCueBefore(text: string, at: number): boolean {
  const end = spacesBefore(text, at);
  const start = letterWordStart(text, end);
  if (end === at || start === end) return false;
  const c = text.charCodeAt(start);
  // وفي، فمدينة: a conjunction before the cue.
  if (
    isWordOf(PLACE_CUES, text, start, end) ||
    ((c === WAW || c === FEH) && isWordOf(PLACE_CUES, text, start + 1, end))
  )
    return true;
  if (end - start !== 2 || !text.startsWith('of', start)) return false;
  const before = wordBefore(text, start, isAsciiLetter);
  return before !== null && isWordOf(PLACE_OF, text, before[0], before[1]);
}

/** Whether the word before text[at], as it is or less a leading و or ل, is one of `words`. */
function wordBeforeIs(words: WordList, text: string, at: number): boolean {
  const end = spacesBefore(text, at);
  const start = letterWordStart(text, end);
  if (end === at || start === end) return false;
  const c = text.charCodeAt(start);
  return (
    isWordOf(words, text, start, end) || ((c === WAW || c === LAM) && isWordOf(words, text, start + 1, end))
  );
}

/** A newsroom's people, before its name: مراسل الجزيرة, موفد العربية. */
const MEDIA_ROLES = /* @__PURE__ */ new WordList('مراسل مراسلة مراسلو مراسلي موفد موفدة مذيع مذيعة');

/** Whether the word before text[at] is one of a newsroom's people: the name after it is the medium's. */
export const mediaRoleBefore = (text: string, at: number): boolean => wordBeforeIs(MEDIA_ROLES, text, at);

const OPENING_QUOTES: readonly number[] = [0xab, 0x22, 0x201c]; // « " “
const CLOSING_QUOTES: readonly number[] = [0xbb, 0x22, 0x201d]; // » " ”

/**
 * Whether text[start, end) stands alone between quotation marks («الشرق الأوسط», "Al Riyadh"): the
 * Arabic press quotes a newspaper's or a party's name, seldom a place's.
 */
export function quotedAlone(text: string, start: number, end: number): boolean {
  let before = start - 1;
  while (text.charCodeAt(before) === SPACE) before--;
  // By code, not by charAt(): a one-letter string of an Arabic letter is a new string each time.
  return (
    OPENING_QUOTES.includes(text.charCodeAt(before)) &&
    CLOSING_QUOTES.includes(text.charCodeAt(pastSpaces(text, end)))
  );
}

/**
 * Words before a side in a match report ("beat Valencia", "Porto v Benfica", «فاز برشلونة», «أمام
 * مضيفه ليون»), and a player's or supporters' role before its club (لاعب برشلونة، حارس مرمى
 * فالنسيا، جماهير برشلونة، فريق ليون).
 */
const BEFORE_TEAM = /* @__PURE__ */ new WordList(
  'beat beats defeated v vs versus V VS فاز تعادل خسر تغلب لاعب لاعبو لاعبي صفوف مدرب مدربي حارس مرمى مهاجم مدافع هداف جماهير مشجعي مشجعو فريق فريقه مضيفه ضيفه مضيفها ضيفها',
);
/** Words after one: "Liverpool beat", "Porto drew", "Porto v Benfica", "Porto captain", "Valencia fans". */
const AFTER_TEAM = /* @__PURE__ */ new WordList(
  'beat beats defeated drew lost won v vs versus captain coach manager striker defender midfielder goalkeeper keeper winger forward fans supporters players defence defense',
);
/**
 * A result's word before over, to or with and a side: "a 2-0 win over Barcelona", "lost to Porto",
 * «فاز على ليون»، «بفوزه على كوبنهاغن»، «خسر أمام بورتو»، «تعادل مع الوكرة».
 */
const RESULT_BEFORE = /* @__PURE__ */ new WordList(
  'win wins victory triumph defeat defeats loss lost losing draw drew draws beating فاز فوز فوزه بفوزه تغلب تغلبه خسر خسارة الخسارة خسارته بخسارته هزيمة هزيمته تعادل تعادله بتعادله',
);
const RESULT_LINKS = /* @__PURE__ */ new WordList('over to with against by على أمام امام مع');
const isDigit = (c: number): boolean => (c >= 0x30 && c <= 0x39) || (c >= 0x660 && c <= 0x669);

/** What never follows a score: a closing quote (an agreement's «مينسك 2»), a percent sign. */
const NOT_AFTER_SCORE = /[»”"'%]/;

/**
 * Whether a score follows text[.., end): one or two digits, then no letter but the other side's
 * capital, nor a closing quote, a percent sign or a decimal's digits ("Barcelona 2 Valencia 1",
 * "Porto 3-1", a league table's row; not "Barcelona 2024", "Barcelona 3 times", «برشلونة 3 مرات»,
 * «مينسك 2», "Ottawa 2.5 million").
 */
function scoreAfter(text: string, end: number): boolean {
  const after = pastSpaces(text, end);
  if (after > end && zeroScoreAt(text, after)) return true;
  if (after === end || !isDigit(text.charCodeAt(after))) return false;
  let digits = after;
  while (isDigit(text.charCodeAt(digits))) digits++;
  const next = pastSpaces(text, digits);
  const c = text.charCodeAt(next);
  return (
    digits - after <= 2 &&
    !isLetter(text.charCodeAt(digits)) &&
    !(isLetter(c) && !isAsciiUpper(c)) &&
    !NOT_AFTER_SCORE.test(text.charAt(next)) &&
    !((c === DOT || c === COMMA) && isDigit(text.charCodeAt(next + 1)))
  );
}

/** «صفر» as a score, before the dash or slash of the other side's: «ليون صفر - 2», «3 / صفر». */
function zeroScoreAt(text: string, at: number): boolean {
  if (!text.startsWith('صفر', at) || isArabicLetter(text.charCodeAt(at + 3))) return false;
  const c = text.charCodeAt(pastSpaces(text, at + 3));
  return c === HYPHEN || c === SLASH;
}

/**
 * Whether text[start, end) is a side in a fixture that gives each side's country in brackets: «ستيوا
 * بوخارست (رومانيا) - ليون (فرنسا) صفر - 3», "Liverpool (England) - Galatasaray (Turkey)". The
 * first side: its country, then a score, or the dash and the other side with its own bracket (a
 * dateline's agency, «برشلونة (رويترز) - قال», has none); the second: the first side's bracket and
 * the dash before it, its country after it.
 */
function fixtureSideAround(text: string, start: number, end: number): boolean {
  const close = bracketAfter(text, end);
  if (close < 0) return false;
  const next = pastSpaces(text, close + 1);
  const c = text.charCodeAt(next);
  if (next > close + 1 && (zeroScoreAt(text, next) || dashScoreAt(text, next))) return true;
  if (c === HYPHEN) return bracketedSideAt(text, pastSpaces(text, next + 1));
  const dash = spacesBefore(text, start) - 1;
  return text.charCodeAt(dash) === HYPHEN && text.charCodeAt(spacesBefore(text, dash) - 1) === CLOSE_BRACKET;
}

/** Whether a score with a dash starts at text[at]: "2 - 1", «1 - صفر» (a table's row has none). */
function dashScoreAt(text: string, at: number): boolean {
  let i = at;
  while (isDigit(text.charCodeAt(i))) i++;
  if (i === at || i - at > 2) return false;
  const dash = pastSpaces(text, i);
  if (text.charCodeAt(dash) !== HYPHEN) return false;
  const other = pastSpaces(text, dash + 1);
  return isDigit(text.charCodeAt(other)) || text.startsWith('صفر', other);
}

/** Whether one to three words at text[at] come before a bracket of one or two words: a fixture's side. */
function bracketedSideAt(text: string, at: number): boolean {
  let i = at;
  for (let words = 0; words < 3; words++) {
    const from = i;
    while (isLetter(text.charCodeAt(i))) i++;
    if (i === from) return false;
    if (bracketAfter(text, i) >= 0) return true;
    if (text.charCodeAt(i) !== SPACE) return false;
    i++;
  }
  return false;
}

/** Where the bracket after text[end] (across spaces) closes, when it holds one or two words; else -1. */
function bracketAfter(text: string, end: number): number {
  const open = pastSpaces(text, end);
  if (open === end || text.charCodeAt(open) !== OPEN_BRACKET) return -1;
  let i = open + 1;
  let words = 0;
  while (i < open + 40) {
    const from = i;
    while (isLetter(text.charCodeAt(i))) i++;
    if (i === from) return -1;
    words++;
    if (text.charCodeAt(i) === CLOSE_BRACKET) return words <= 2 ? i : -1;
    if (text.charCodeAt(i) !== SPACE) return -1;
    i++;
  }
  return -1;
}

/** The page's text model puts it between blocks: a line's end, as a line feed is. */
const BLOCK = BLOCK_SEPARATOR.charCodeAt(0);
const isLineEnd = (c: number): boolean => Number.isNaN(c) || c === LF || c === BLOCK;

/** A word of a side's name around its place: Title Case or capitals (Sparta, TAMPA BAY, SV), or a year (1860 Munich). */
function isSideWord(text: string, start: number, end: number): boolean {
  if (end - start === 4 && isDigit(text.charCodeAt(start))) {
    for (let k = start + 1; k < end; k++) if (!isDigit(text.charCodeAt(k))) return false;
    return true;
  }
  return isAsciiUpper(text.charCodeAt(start)) && !isWordOf(FUNCTION_WORDS, text, start, end);
}

/** Past up to two words of the side's name after its place and its country in brackets: TAMPA BAY, Maccabi Tel Aviv (Israel). */
function pastSideName(text: string, end: number): number {
  let i = end;
  for (let words = 0; words < 2 && text.charCodeAt(i) === SPACE; words++) {
    let e = i + 1;
    while (isAsciiLetter(text.charCodeAt(e))) e++;
    if (e === i + 1 || !isSideWord(text, i + 1, e)) break;
    i = e;
  }
  if (text.charCodeAt(i) === SPACE && text.charCodeAt(i + 1) === OPEN_BRACKET) {
    let e = i + 2;
    while (isAsciiLetter(text.charCodeAt(e)) || text.charCodeAt(e) === SPACE) e++;
    if (text.charCodeAt(e) === CLOSE_BRACKET) e++;
    i = e;
  }
  return i;
}

/** Back past up to two words of the side's name before its place: Sparta Rotterdam, SV 1860 Munich. */
function beforeSideName(text: string, start: number): number {
  let i = start;
  for (let words = 0; words < 2 && text.charCodeAt(i - 1) === SPACE; words++) {
    let s = i - 1;
    while (isAsciiLetter(text.charCodeAt(s - 1)) || isDigit(text.charCodeAt(s - 1))) s--;
    if (s === i - 1 || !isSideWord(text, s, i - 1)) break;
    i = s;
  }
  return i;
}

/**
 * Whether text[start, end) is a side's place in a results line or a league table's row: at a line's
 * or a block's start with a score after it ("Leeds 2 Dundee 1", "BOSTON 10 11 4"), or after the
 * other side's score with one of its own or the line's end after it (Dundee in "Leeds 2 Dundee 1"
 * and "Leeds 2-1 Dundee", «حمص 2-1 حماة»); the side's name may hold more words and its country
 * ("Sparta Rotterdam 19 6 3", "Partizan Belgrade (Yugoslavia) 78 Kinder Bologna (Italy) 70"). Not
 * within a sentence ("beat New Zealand 1-0", where the country is the place the news names), nor a
 * line that is a place's name alone (a heading).
 */
function sideInResults(text: string, start: number, end: number): boolean {
  const sideEnd = pastSideName(text, end);
  const next = text.charCodeAt(pastSpaces(text, sideEnd));
  const scored = isDigit(next) && scoreAfter(text, sideEnd);
  if (!scored && !isLineEnd(next)) return false;
  let i = beforeSideName(text, start) - 1;
  while (text.charCodeAt(i) === SPACE) i--;
  let digits = i;
  while (isDigit(text.charCodeAt(digits))) digits--;
  // Up to three digits on their own (a basketball score): not a year (In 2024 Leeds), nor an amount
  // (5,000 Japan).
  const lead = text.charCodeAt(digits);
  const afterScore = i > digits && i - digits <= 3 && (lead === SPACE || lead === HYPHEN || isLineEnd(lead));
  return afterScore || (scored && isLineEnd(text.charCodeAt(i)));
}

/** A schedule's line: the two sides in capitals with AT between them ("PITTSBURGH AT WASHINGTON"). */
const FIXTURE_LINE = /^[A-Z][A-Z.' ]* AT [A-Z][A-Z.' ]*$/;
/** Longer lines are prose, not a schedule's. */
const FIXTURE_LINE_MAX = 60;

/** The line around text[start, end), as [from, to), or null when it is longer than a schedule's. */
function lineAround(text: string, start: number, end: number): readonly [number, number] | null {
  let from = start;
  while (from > 0 && !isLineEnd(text.charCodeAt(from - 1))) if (end - --from > FIXTURE_LINE_MAX) return null;
  let to = end;
  while (to < text.length && !isLineEnd(text.charCodeAt(to))) if (++to - from > FIXTURE_LINE_MAX) return null;
  return [from, to];
}

const isFixtureLine = (text: string, line: readonly [number, number] | null): boolean =>
  line !== null && FIXTURE_LINE.test(text.slice(line[0], line[1]));

/**
 * Whether text[start, end), in capitals, is the visiting side in a schedule: it comes before AT in a
 * fixture line, and the line before or after is one too (one such line alone may be a headline,
 * "PROTEST AT CAIRO MOSQUE"). The name after AT is the place the match is played in.
 */
function visitorInSchedule(text: string, start: number, end: number): boolean {
  // AT after the name, or after the rest of the side's name in capitals (NY GIANTS AT): most names
  // have a word in lower case or punctuation after them, and are done with here.
  let at = end;
  for (let words = 0; words < 3 && text.charCodeAt(at) === SPACE && !text.startsWith(' AT ', at); words++) {
    let e = at + 1;
    while (isAsciiUpper(text.charCodeAt(e))) e++;
    if (e === at + 1) break;
    at = e;
  }
  if (!text.startsWith(' AT ', at) || !isAsciiUpper(text.charCodeAt(start + 1))) return false;
  const line = lineAround(text, start, end);
  if (line === null || !isFixtureLine(text, line)) return false;
  const [from, to] = line;
  return (
    (from > 0 && isFixtureLine(text, lineAround(text, from - 1, from - 1))) ||
    (to < text.length && isFixtureLine(text, lineAround(text, to + 1, to + 1)))
  );
}

/**
 * Words that end a body's name written after a place or its people's adjective ("Moscow Newsroom",
 * "Canadian Wheat Board", "Santa Fe Pacific Gold Corp"): the place there is part of the body's name.
 */
const BODY_ENDS = /* @__PURE__ */ new WordList(
  'Academy Administration Agency Airlines Airways Association Authority Bank Board Breweries Bureau College Committee Co Company Corp Corporation Council Court Department Desk Exchange Group Holdings Inc Institute Ltd Ministry Newsroom Party School Service Society Union University plc',
);

/**
 * Where the name of a body that the place (or adjective) ending at text[end] begins ends: one to
 * four capitalised words after it, the last of BODY_ENDS; else -1.
 */
function bodyNameEnd(text: string, end: number): number {
  let i = end;
  for (let words = 0; words < 4; words++) {
    if (text.charCodeAt(i) !== SPACE || !isAsciiUpper(text.charCodeAt(i + 1))) return -1;
    const start = i + 1;
    i = start + 1;
    while (isAsciiLetter(text.charCodeAt(i))) i++;
    if (isWordOf(BODY_ENDS, text, start, i)) return i;
  }
  return -1;
}

/**
 * The words sports clubs put before their city's name, in both languages (Dynamo Kyiv, دينامو كييف,
 * Steaua Bucharest, Athletic Bilbao, أتلتيك بيلباو, Maccabi Haifa): the city there is the club's.
 */
const CLUB_PREFIXES = /* @__PURE__ */ new WordList(
  'Dynamo Dinamo Spartak Lokomotiv CSKA Steaua Rapid Athletic Atletico Olympique Maccabi Hapoel Beitar Betar Sporting Partizan Slavia Sparta Zenit Shakhtar Borussia Eintracht Fortuna Hertha Racing Deportivo دينامو سبارتاك لوكوموتيف سسكا ستيوا رابيد أتلتيك اتلتيك أتلتيكو اتلتيكو أتليتيك أتليتكو أتليتيكو اتليتيكو ايك أسيك أولمبيك اولمبيك مكابي هابويل بيتار سبورتنغ سبورتينغ بارتيزان سلافيا سبارتا زينيت شاختار بوروسيا آينتراخت فورتونا هيرتا راسينغ ديبورتيفو',
);

/** Whether the place at text[start] ends a body's name after "of": University of Yangon, Rubber Board of India. */
function bodyNameBefore(text: string, start: number): boolean {
  if (text.charCodeAt(start - 1) !== SPACE || !text.startsWith(' of', start - 4)) return false;
  const word = wordBefore(text, start - 3, isAsciiLetter);
  return word !== null && isWordOf(BODY_ENDS, text, word[0], word[1]);
}

/**
 * Whether text[start, end) is a player's club in a squad list: in brackets right after a capitalised
 * name, alone or before its country ("Luis Figo (Barcelona)", "Vitor Baia (Barcelona, Spain)").
 */
function clubInRoster(text: string, start: number, end: number): boolean {
  const close = text.charCodeAt(end);
  if (text.charCodeAt(start - 1) !== OPEN_BRACKET || (close !== CLOSE_BRACKET && close !== COMMA))
    return false;
  const word = wordBefore(text, start - 1, isAsciiLetter);
  return (
    word !== null &&
    isAsciiUpper(text.charCodeAt(word[0])) &&
    !isWordOf(FUNCTION_WORDS, text, word[0], word[1])
  );
}

/**
 * Whether text[start, end) stands where a match report puts a side: a score after it, a squad list's
 * bracket around it, a word of the result right before or after it, or a result and its link before
 * it ("win over", "lost to", "draw with").
 */
export function teamCueAround(text: string, start: number, end: number): boolean {
  if (scoreAfter(text, end) || clubInRoster(text, start, end) || fixtureSideAround(text, start, end))
    return true;
  // A fixture's table position between the side and "v": "Parma (14) v Atalanta (15)".
  let after = pastSpaces(text, end);
  if (text.charCodeAt(after) === OPEN_BRACKET) {
    let digits = after + 1;
    while (isDigit(text.charCodeAt(digits))) digits++;
    if (digits > after + 1 && text.charCodeAt(digits) === CLOSE_BRACKET) after = pastSpaces(text, digits + 1);
  }
  let wordEnd = after;
  while (isAsciiLetter(text.charCodeAt(wordEnd))) wordEnd++;
  if ((after > end && isWordOf(AFTER_TEAM, text, after, wordEnd)) || wordBeforeIs(BEFORE_TEAM, text, start))
    return true;
  const linkEnd = spacesBefore(text, start);
  const link = letterWordStart(text, linkEnd);
  if (linkEnd === start || link === linkEnd || !isWordOf(RESULT_LINKS, text, link, linkEnd)) return false;
  // The result's word right before the link ("win over", «فوزه على»), or, in Arabic, before the
  // other side too, as a sentence puts its verb first: «فاز ليفربول على فالنسيا», «وخسر ريال مدريد
  // أمام بورتو».
  let next = link;
  for (let words = 0; words < 3; words++) {
    const end = spacesBefore(text, next);
    const from = letterWordStart(text, end);
    if (end === next || from === end) return false;
    if (isWordOf(RESULT_BEFORE, text, from, end)) return true;
    const c = text.charCodeAt(from);
    if (c === WAW || c === FEH) {
      if (isWordOf(RESULT_BEFORE, text, from + 1, end)) return true;
    } else if (c < 0x621 || c > 0x64a) return false;
    next = from;
  }
  return false;
}

/**
 * Whether text[start, end) is written as a name: its first word capitalised, and the next one too
 * when the first is a function word (The Times, not "the times"; Iran's foreign ministry may keep
 * its lower case, as agencies write it; "turkey" is a bird).
 */
export function writtenAsName(text: string, start: number, end: number): boolean {
  if (!isLatinCapital(text.charCodeAt(start))) return lowerArticleBeforeCapital(text, start, end);
  let i = start;
  while (i < end && isLatinLetter(text.charCodeAt(i))) i++;
  // One word (most names): capitalised is enough, function word or not; no substring is cut. A
  // word cut by an apostrophe is a name's own (A'ja Wilson), not the article "A".
  if (i >= end || !isWordOf(FUNCTION_WORDS, text, start, i) || isApostrophe(text.charCodeAt(i))) return true;
  while (i < end && !isLatinLetter(text.charCodeAt(i))) i++;
  return i >= end || isLatinCapital(text.charCodeAt(i));
}

/**
 * The Arabic article in lower case before a capital (isLatinCapital), as English writes it
 * mid-sentence: al and el with a hyphen or a space, its other spellings only with a hyphen ("an
 * Israeli", "as Paris" are English).
 */
const LOWER_ARTICLE =
  /(?:[ae]l[- \u2010\u2011]|(?:a[dnrstz]|ash|ath|adh)[-\u2010\u2011])[A-Z\u00c0-\u00d6\u00d8-\u00de]/y;

/**
 * Whether text[start, end) opens with the Arabic article in lower case before a capital (al-Qaeda,
 * al-Shabaab, Ansar ad-Din, el-Sisi) where the dictionary has the capital a sentence's start takes
 * (Al-Qaeda): "über" is still no Uber.
 */
function lowerArticleBeforeCapital(text: string, start: number, end: number): boolean {
  // Most lower-case words start with neither letter: no call to the expression for them.
  const first = text.charCodeAt(start);
  if (first !== 0x61 && first !== 0x65) return false; // a, e
  LOWER_ARTICLE.lastIndex = start;
  return LOWER_ARTICLE.test(text) && LOWER_ARTICLE.lastIndex <= end;
}

/**
 * A country's nisba in the masculine, with its article: after a city's name it names a club (ليون
 * الفرنسي, فالنسيا الإسباني, قطر القطري), as a city takes the feminine (مدينة ليون الفرنسية). The
 * countries whose clubs the Arabic press names most.
 */
const CLUB_NISBAS = /* @__PURE__ */ new WordList(
  'الإسباني الاسباني الإيطالي الايطالي الإنجليزي الانجليزي الإنكليزي الانكليزي الفرنسي الألماني الالماني البرتغالي الهولندي البلجيكي التركي اليوناني الروسي الأوكراني الاوكراني الاسكتلندي الإسكتلندي الأسكتلندي السويسري النمساوي البرازيلي الأرجنتيني الارجنتيني الروماني الصربي الكرواتي الدنماركي السويدي النرويجي البولندي التشيكي المصري السعودي القطري الإماراتي الاماراتي الكويتي الأردني الاردني التونسي المغربي الجزائري الليبي البحريني العماني',
);

/** Whether a country's masculine nisba starts at text[at] (ليون الفرنسي). */
function clubNisbaAt(text: string, at: number): boolean {
  let end = at;
  while (isArabicLetter(text.charCodeAt(end))) end++;
  return isWordOf(CLUB_NISBAS, text, at, end);
}

/**
 * Where the name of another that holds the place's name text[start, end) ends: a side's in a
 * results line or a schedule, a club's before a country's masculine nisba (ليون الفرنسي) (the
 * place's own end), a body's the place begins (Moscow Newsroom); -1 when the place is named as itself.
 */
export function otherNameAround(text: string, start: number, end: number): number {
  if (bodyNameBefore(text, start) || wordBeforeIs(CLUB_PREFIXES, text, start)) return end;
  // An abbreviation's dot before a body's word: U.S. Treasury.
  if (text.charCodeAt(end) === DOT && text.charCodeAt(end - 2) === DOT) return bodyNameEnd(text, end + 1);
  const after = pastSpaces(text, end);
  const next = text.charCodeAt(after);
  // One word: a region's name (شمال أفريقيا الروماني, Roman North Africa) is no club's; after a
  // place cue the nisba agrees with the cue (ميناء هامبورغ الألماني, the German port). The nisba
  // stays its country's, as any nisba does (the French club).
  if (next === BARE_ALEF)
    return after > end &&
      text.indexOf(' ', start) === end &&
      clubNisbaAt(text, after) &&
      !placeCueBefore(text, start)
      ? end
      : -1;
  // Most names have a word in lower case or punctuation after them, and are done with here.
  if (!isDigit(next) && !isAsciiUpper(next) && next !== OPEN_BRACKET && !isLineEnd(next)) return -1;
  if (sideInResults(text, start, end) || visitorInSchedule(text, start, end)) return end;
  return bodyNameEnd(text, end);
}
