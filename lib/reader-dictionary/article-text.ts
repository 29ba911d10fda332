// What the side panel needs from a tab to look for "Possible entities" there
// (lib/reader-dictionary/page-proposals.ts): the analysed article's text and where the known names
// in it are. The finder runs in the panel, the only place proposals are shown, so none of its code
// or word lists weigh on the content script, which only imports this small file.
import * as v from 'valibot';

/**
 * The most article text sent, in characters: above the biggest page measured (2.6 million
 * characters), far below Chrome's 64 MiB message limit. A longer article is sent cut here (at the
 * last mention that fits), so only its first PROPOSAL_TEXT_MAX_CHARS characters are looked at.
 */
export const PROPOSAL_TEXT_MAX_CHARS = 4_000_000;

/** [start, end) of a known name in the text. */
export type MentionSpan = readonly [start: number, end: number];

export type ArticleTextReply =
  /** No analysed article, or highlighting is off here: nothing is proposed. */
  { status: 'none' } | { status: 'article'; text: string; mentions: MentionSpan[] };

/** The reply for `text` with its mentions (sorted by start), cut to PROPOSAL_TEXT_MAX_CHARS. */
export function articleTextReply(
  text: string,
  mentions: readonly { start: number; end: number }[],
): ArticleTextReply {
  const cut = Math.min(text.length, PROPOSAL_TEXT_MAX_CHARS);
  const spans: MentionSpan[] = [];
  for (const m of mentions) if (m.end <= cut) spans.push([m.start, m.end]);
  return { status: 'article', text: text.slice(0, cut), mentions: spans };
}

const offset = v.pipe(v.number(), v.safeInteger(), v.minValue(0), v.maxValue(PROPOSAL_TEXT_MAX_CHARS));
const ArticleTextReplySchema: v.GenericSchema<ArticleTextReply> = v.variant('status', [
  v.object({ status: v.literal('none') }),
  v.pipe(
    v.object({
      status: v.literal('article'),
      text: v.pipe(v.string(), v.maxLength(PROPOSAL_TEXT_MAX_CHARS, 'an article too long to look at')),
      mentions: v.pipe(
        v.array(v.pipe(v.tuple([offset, offset]), v.readonly())),
        v.maxLength(PROPOSAL_TEXT_MAX_CHARS),
      ),
    }),
    v.check(
      ({ text, mentions }) =>
        mentions.every(
          ([start, end], i) => start < end && end <= text.length && start >= (mentions[i - 1]?.[0] ?? 0),
        ),
      'mentions outside the text or out of order',
    ),
  ),
]);

/** The request a tab's content script answers for proposals (spread into contentProtocol). */
export const articleTextProtocol = {
  'article-text': [v.undefined(), ArticleTextReplySchema],
} as const;
