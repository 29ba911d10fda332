// Recall and precision of the entities tagger on a tagged news corpus in CoNLL/BIO form (the pack
// format's reader, lib/packs/conll.ts): each document's tokens are joined back into text, the
// matcher runs over it, and a found mention counts when it overlaps a tagged span of its kind. Such
// corpora tag ORG for every body, so the kinds are three: people, places, and organisations with
// governments and groups. A mention over a span tagged with a type Hashiya does not show (MISC:
// nationalities, events) is counted apart, neither right nor wrong; so is an adjective of a place
// (a demonym: الفرنسية, Iranian) over words the corpus left untagged, as CoNLL's English tags them
// MISC and ANERcorp leaves them untagged: no corpus tags them as the place.
import type { Dictionary, EntityType } from '../../lib/entities/types';
import type { ConllSentence } from '../../lib/packs/conll';
import { typeFromWord } from '../../lib/packs/types';
import { entityFinder } from './entities-cli';

export const CONLL_KINDS = ['person', 'organisation', 'place'] as const;
export type ConllKind = (typeof CONLL_KINDS)[number];

/** The kind a corpus's tag and a dictionary's type are compared by. */
export function kindOf(type: EntityType): ConllKind {
  return type === 'person' || type === 'place' ? type : 'organisation';
}

export interface KindTally {
  gold: number;
  /** Gold spans a mention of their kind overlaps. */
  found: number;
  /** Mentions found of this kind. */
  mentions: number;
  /** Of those, the ones over a gold span of their kind. */
  right: number;
}

export interface ConllCoverage {
  documents: number;
  tally: Record<ConllKind | 'all', KindTally>;
  /** Mentions over a span tagged with a type that is not shown (MISC), counted neither way. */
  overOtherTags: number;
  /** Demonyms over untagged words, counted neither way. */
  untaggedDemonyms: number;
  /** Gold spans not found and wrong finds, as written, with how often each occurred. */
  missed: Map<string, number>;
  wrong: Map<string, number>;
}

interface Span {
  start: number;
  end: number;
  /** The kind, or null for a type that is not shown. */
  kind: ConllKind | null;
}

/** No space before these tokens when the text is joined back (the corpus split them off). */
const CLOSING = /^(?:[.,;:!?)\]}%،؛؟]|'s|n't|'re|'ve|'ll|'d|'m)$/i;
const OPENING = /^[([{$]$/;

/** Each document's text and tagged spans, in the file's order. */
export function conllDocuments(sentences: readonly ConllSentence[]): { text: string; spans: Span[] }[] {
  const documents: { text: string; spans: Span[] }[] = [];
  let current: { text: string; spans: Span[] } | undefined;
  let document = -1;
  for (const sentence of sentences) {
    if (!current || sentence.document !== document) {
      current = { text: '', spans: [] };
      documents.push(current);
      document = sentence.document;
    }
    const doc = current;
    if (doc.text !== '') doc.text += '\n';
    let open: { start: number; tag: string } | undefined;
    let end = doc.text.length;
    const close = () => {
      if (!open) return;
      const type = typeFromWord(open.tag);
      doc.spans.push({ start: open.start, end, kind: type ? kindOf(type) : null });
      open = undefined;
    };
    for (const [k, token] of sentence.tokens.entries()) {
      const previous = sentence.tokens[k - 1];
      if (previous && !CLOSING.test(token.text) && !OPENING.test(previous.text)) doc.text += ' ';
      if (token.bio !== 'I') close();
      const start = doc.text.length;
      doc.text += token.text;
      if (token.bio === 'B') open = { start, tag: token.tag };
      end = doc.text.length;
    }
    close();
  }
  return documents;
}

const emptyTally = (): KindTally => ({ gold: 0, found: 0, mentions: 0, right: 0 });
const count = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);

export function measureConllCoverage(
  sentences: readonly ConllSentence[],
  dictionary: Dictionary,
): ConllCoverage {
  const find = entityFinder(dictionary);
  const tally = Object.fromEntries([...CONLL_KINDS, 'all'].map((k) => [k, emptyTally()])) as Record<
    ConllKind | 'all',
    KindTally
  >;
  const missed = new Map<string, number>();
  const wrong = new Map<string, number>();
  let overOtherTags = 0;
  let untaggedDemonyms = 0;
  const documents = conllDocuments(sentences);
  for (const { text, spans } of documents) {
    const used = new Uint8Array(spans.length);
    for (const mention of find('corpus', text).mentions) {
      const kind = kindOf(mention.entity.type);
      const overlaps = (g: Span) => g.start < mention.end && mention.start < g.end;
      const k = spans.findIndex((g, i) => used[i] === 0 && g.kind === kind && overlaps(g));
      if (k < 0 && spans.some((g) => g.kind === null && overlaps(g))) {
        overOtherTags++;
        continue;
      }
      if (k < 0 && mention.kind === 'demonym' && !spans.some(overlaps)) {
        untaggedDemonyms++;
        continue;
      }
      for (const t of [tally[kind], tally.all]) t.mentions++;
      if (k < 0) {
        count(wrong, `${kind}: ${mention.text} → ${mention.entity.id}`);
        continue;
      }
      used[k] = 1;
      for (const t of [tally[kind], tally.all]) t.right++;
    }
    for (const [i, g] of spans.entries()) {
      if (g.kind === null) continue;
      for (const t of [tally[g.kind], tally.all]) {
        t.gold++;
        if (used[i] === 1) t.found++;
      }
      if (used[i] === 0) count(missed, `${g.kind}: ${text.slice(g.start, g.end)}`);
    }
  }
  return { documents: documents.length, tally, overOtherTags, untaggedDemonyms, missed, wrong };
}

const ratio = (a: number, b: number): string => (b === 0 ? '–' : (a / b).toFixed(2));

/** A table of recall and precision per kind; with `details`, the most frequent misses and wrong finds. */
export function formatConllCoverage(r: ConllCoverage, details = false): string {
  const lines = [
    `${r.documents} documents`,
    '  kind           gold  found   recall  mentions  right  precision',
  ];
  for (const kind of [...CONLL_KINDS, 'all'] as const) {
    const t = r.tally[kind];
    lines.push(
      `  ${kind.padEnd(13)} ${String(t.gold).padStart(5)} ${String(t.found).padStart(6)}   ${ratio(t.found, t.gold).padStart(6)}  ${String(t.mentions).padStart(8)} ${String(t.right).padStart(6)}  ${ratio(t.right, t.mentions).padStart(9)}`,
    );
  }
  lines.push(
    `  counted neither way: ${r.overOtherTags} mentions over spans of other tags (MISC…), ${r.untaggedDemonyms} demonyms over untagged words`,
  );
  if (details) {
    const top = (map: Map<string, number>) =>
      [...map].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 60);
    lines.push('Most often missed:');
    for (const [what, n] of top(r.missed)) lines.push(`  ${String(n).padStart(4)}  ${what}`);
    lines.push('Most often wrong:');
    for (const [what, n] of top(r.wrong)) lines.push(`  ${String(n).padStart(4)}  ${what}`);
  }
  return lines.join('\n');
}
