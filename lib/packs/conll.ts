// A pack source as an annotated corpus in CoNLL/BIO (IOB2) form: one token per line, its tag in the
// last column (O, B-TYPE, I-TYPE), blank lines between sentences, -DOCSTART- and # comment lines
// skipped. Entities are the tagged spans, kept only when the corpus agrees: a span is kept when it
// is tagged with one type in at least two thirds of its occurrences, counting the times the same
// words stand untagged (an occurrence inside a longer tagged span is part of another name and is
// not counted). Everything dropped is reported with its counts.
import type { EntityType } from '../entities/types';
import type { PackEntity } from './format';
import { formKeyOf } from './keys';
import { PackSourceError } from './source';
import { languageOf, slugOf, TYPE_WORDS_HELP, typeFromWord } from './types';

/** The share of a span's occurrences that must carry one type for the span to be kept. */
export const CLEAR_MAJORITY = 2 / 3;

/** Tag types that name no kind of entity Hashiya shows: their spans are counted, never kept. */
const IGNORED_TAGS: ReadonlySet<string> = new Set(['MISC', 'NORP', 'DATE', 'TIME', 'MONEY', 'PERCENT']);

interface Token {
  text: string;
  /** The token's words as the matcher folds them, joined by spaces ('' for punctuation). */
  key: string;
  /** 'O', or the B-/I- prefix and the tag's type word as written (PER, ORG…). */
  bio: 'O' | 'B' | 'I';
  tag: string;
  line: number;
}

export interface ConllSentence {
  file: string;
  /** Which of the file's documents it is in: 0, then one more after each -DOCSTART- line. */
  document: number;
  tokens: Token[];
}

const TAG = /^(?:O|[BI]-[A-Za-z_]+|[ESLU]-[A-Za-z_]+)$/;

/** Reads and checks a CoNLL/BIO file: every malformed line or tag sequence stops it with file:line. */
export function readConll(text: string, file: string): ConllSentence[] {
  const sentences: ConllSentence[] = [];
  let tokens: Token[] = [];
  let document = 0;
  const endSentence = () => {
    if (tokens.length > 0) sentences.push({ file, document, tokens });
    tokens = [];
  };
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  for (const [index, raw] of lines.entries()) {
    const line = index + 1;
    const trimmed = raw.trim();
    if (trimmed === '') {
      endSentence();
      continue;
    }
    const fields = trimmed.split(/\s+/);
    const tag = fields[fields.length - 1] as string;
    if (fields[0] === '-DOCSTART-') {
      endSentence();
      if (sentences.at(-1)?.document === document) document++;
      continue;
    }
    if (trimmed.startsWith('#') && (fields.length === 1 || !TAG.test(tag))) continue; // a comment
    if (fields.length < 2)
      throw new PackSourceError(
        file,
        line,
        `"${trimmed}" has no tag: a line is a token, then its tag (O, B-PER, I-PER…)`,
      );
    if (!TAG.test(tag))
      throw new PackSourceError(
        file,
        line,
        `"${tag}" is not a BIO tag: tags are O, B-TYPE and I-TYPE (B-PER, I-LOC…)`,
      );
    const bio = tag[0] as string;
    if (bio !== 'O' && bio !== 'B' && bio !== 'I')
      throw new PackSourceError(
        file,
        line,
        `"${tag}" is a BIOES tag; write the corpus in BIO (IOB2): B- starts a name, I- continues it`,
      );
    const type = bio === 'O' ? '' : tag.slice(2);
    if (type !== '' && !typeFromWord(type) && !IGNORED_TAGS.has(type.toUpperCase()))
      throw new PackSourceError(
        file,
        line,
        `unknown type "${type}" in ${tag}; the types are ${TYPE_WORDS_HELP}, or MISC (ignored)`,
      );
    if (bio === 'I') {
      const previous = tokens[tokens.length - 1];
      if (!previous || previous.bio === 'O')
        throw new PackSourceError(
          file,
          line,
          `${tag} continues a name that was never started: the name's first token needs B-${type}`,
        );
      if (previous.tag.toUpperCase() !== type.toUpperCase()) {
        let start = tokens.length - 1;
        while (start > 0 && (tokens[start] as Token).bio === 'I') start--;
        throw new PackSourceError(
          file,
          line,
          `${tag} continues a ${previous.tag} name (started on line ${(tokens[start] as Token).line}): one name has one type, so this is B-${type} or I-${previous.tag}`,
        );
      }
    }
    const token = fields.slice(0, -1)[0] as string;
    tokens.push({
      text: token,
      key: formKeyOf(token),
      bio,
      tag: type.toUpperCase(),
      line,
    });
  }
  endSentence();
  return sentences;
}

/** A tagged span's fate: kept as an entity, or dropped and why. */
export interface SpanVerdict {
  /** The span as most often written. */
  text: string;
  /** The most frequent tag (PER, ORG, MISC…) and how many occurrences carry it. */
  tag: string;
  tagged: number;
  /** Every counted occurrence: tagged with any type, or untagged. */
  occurrences: number;
  untagged: number;
  /** Where it was first tagged. */
  file: string;
  line: number;
  kept: boolean;
  reason: string;
}

export interface CorpusEntities {
  entities: PackEntity[];
  verdicts: SpanVerdict[];
}

interface SpanTally {
  words: string[];
  byTag: Map<string, number>;
  surfaces: Map<string, number>;
  untagged: number;
  file: string;
  line: number;
}

/** The entities a corpus (one or more files, read together) agrees on, and a verdict for every span. */
export function entitiesFromCorpus(sentences: readonly ConllSentence[]): CorpusEntities {
  // Every tagged span, by its folded words.
  const spans = new Map<string, SpanTally>();
  for (const sentence of sentences) {
    for (const [start, end] of spansOf(sentence.tokens)) {
      const words = sentence.tokens
        .slice(start, end)
        .map((t) => t.key)
        .filter((k) => k !== '');
      if (words.length === 0) continue;
      const key = words.join(' ');
      const first = sentence.tokens[start] as Token;
      let tally = spans.get(key);
      if (!tally) {
        tally = {
          words,
          byTag: new Map(),
          surfaces: new Map(),
          untagged: 0,
          file: sentence.file,
          line: first.line,
        };
        spans.set(key, tally);
      }
      tally.byTag.set(first.tag, (tally.byTag.get(first.tag) ?? 0) + 1);
      const surface = sentence.tokens
        .slice(start, end)
        .map((t) => t.text)
        .join(' ');
      tally.surfaces.set(surface, (tally.surfaces.get(surface) ?? 0) + 1);
    }
  }
  countUntagged(sentences, spans);

  const verdicts: SpanVerdict[] = [];
  const entities: PackEntity[] = [];
  const ids = new Set<string>();
  for (const tally of spans.values()) {
    const [tag, tagged] = [...tally.byTag].sort((a, b) => b[1] - a[1])[0] as [string, number];
    const taggedAll = [...tally.byTag.values()].reduce((a, b) => a + b, 0);
    const occurrences = taggedAll + tally.untagged;
    const text = [...tally.surfaces].sort((a, b) => b[1] - a[1])[0]?.[0] ?? tally.words.join(' ');
    const type = typeFromWord(tag);
    const share = `${tag} in ${tagged} of ${occurrences} occurrence${occurrences === 1 ? '' : 's'}`;
    const others = [...tally.byTag].filter(([t]) => t !== tag).map(([t, n]) => `${t} ${n}`);
    const detail = [
      others.length > 0 ? `also tagged ${others.join(', ')}` : '',
      tally.untagged > 0 ? `untagged ${tally.untagged}` : '',
    ]
      .filter((s) => s !== '')
      .join('; ');
    const base = {
      text,
      tag,
      tagged,
      occurrences,
      untagged: tally.untagged,
      file: tally.file,
      line: tally.line,
    };
    if (!type) {
      verdicts.push({ ...base, kept: false, reason: `tagged ${tag}, which is no Hashiya type` });
      continue;
    }
    if (tagged < CLEAR_MAJORITY * occurrences) {
      verdicts.push({
        ...base,
        kept: false,
        reason: `no clear majority: ${share}${detail ? ` (${detail})` : ''}`,
      });
      continue;
    }
    verdicts.push({ ...base, kept: true, reason: share });
    entities.push(corpusEntity(text, type, `${tally.file}:${tally.line}, tagged ${share}`, ids));
  }
  return { entities, verdicts };
}

function corpusEntity(text: string, type: EntityType, source: string, ids: Set<string>): PackEntity {
  const base = slugOf(text);
  let id = base;
  for (let n = 2; ids.has(id); n++) id = `${base}-${n}`;
  ids.add(id);
  const lang = languageOf(text);
  return {
    id,
    type,
    names: { ar: lang === 'ar' ? text : '', en: lang === 'en' ? text : '' },
    aliases: { ar: [], en: [] },
    demonyms: { ar: [], en: [] },
    surnames: { ar: [], en: [] },
    description: { ar: '', en: '' },
    source,
  };
}

/** [start, end) of every tagged span in a sentence (already checked: I- always follows its B-). */
function spansOf(tokens: readonly Token[]): [number, number][] {
  const spans: [number, number][] = [];
  for (let i = 0; i < tokens.length; i++) {
    if ((tokens[i] as Token).bio !== 'B') continue;
    let end = i + 1;
    while (end < tokens.length && (tokens[end] as Token).bio === 'I') end++;
    spans.push([i, end]);
  }
  return spans;
}

/**
 * Adds to each span's tally the places where its words stand with every token tagged O. Indexed by
 * the first word, so the corpus is read once per sentence and each place checked only against the
 * spans that start with its word.
 */
function countUntagged(sentences: readonly ConllSentence[], spans: Map<string, SpanTally>): void {
  const byFirst = new Map<string, SpanTally[]>();
  for (const tally of spans.values()) {
    const first = tally.words[0] as string;
    const list = byFirst.get(first);
    if (list) list.push(tally);
    else byFirst.set(first, [tally]);
  }
  for (const { tokens } of sentences) {
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i] as Token;
      if (token.bio !== 'O' || token.key === '') continue;
      const candidates = byFirst.get(token.key.split(' ')[0] as string);
      if (!candidates) continue;
      for (const tally of candidates) if (untaggedAt(tokens, i, tally.words)) tally.untagged++;
    }
  }
}

/** Whether `words` stand at tokens[i…] with every token there tagged O. */
function untaggedAt(tokens: readonly Token[], i: number, words: readonly string[]): boolean {
  let w = 0;
  for (let k = i; k < tokens.length && w < words.length; k++) {
    const token = tokens[k] as Token;
    if (token.bio !== 'O') return false;
    if (token.key === '') continue;
    for (const word of token.key.split(' ')) {
      if (words[w] !== word) return false;
      w++;
    }
  }
  return w === words.length;
}
