import { describe, expect, it } from 'vitest';
import { readReply } from '../../../lib/messaging/messenger';
import { contentProtocol } from '../../../lib/messaging/protocol';
import { articleTextReply, PROPOSAL_TEXT_MAX_CHARS } from '../../../lib/reader-dictionary/article-text';

const read = (value: unknown) => readReply(contentProtocol, 'article-text', { ok: true, value });

describe('the article text the side panel looks for proposals in', () => {
  it('carries the text and the mentions as [start, end] spans', () => {
    const reply = articleTextReply('وقال بلال حمدان في طهران', [{ start: 19, end: 24 }]);
    expect(reply).toEqual({ status: 'article', text: 'وقال بلال حمدان في طهران', mentions: [[19, 24]] });
    expect(read(reply)).toEqual({ ok: true, value: reply });
    expect(read({ status: 'none' })).toEqual({ ok: true, value: { status: 'none' } });
  });

  it('cuts an article past the bound there, with only the mentions that fit', () => {
    const text = 'a'.repeat(PROPOSAL_TEXT_MAX_CHARS + 10);
    const reply = articleTextReply(text, [
      { start: 5, end: 9 },
      { start: PROPOSAL_TEXT_MAX_CHARS - 2, end: PROPOSAL_TEXT_MAX_CHARS + 3 },
    ]);
    expect(reply.status === 'article' && reply.text.length).toBe(PROPOSAL_TEXT_MAX_CHARS);
    expect(reply.status === 'article' && reply.mentions).toEqual([[5, 9]]);
    expect(read(reply).ok).toBe(true);
  });

  it('refuses a reply too long, with mentions outside the text or out of order, or of another shape', () => {
    const bad = [
      { status: 'article', text: 'a'.repeat(PROPOSAL_TEXT_MAX_CHARS + 1), mentions: [] },
      { status: 'article', text: 'short', mentions: [[2, 9]] },
      {
        status: 'article',
        text: 'a longer text',
        mentions: [
          [4, 6],
          [0, 2],
        ],
      },
      { status: 'article', text: 'text', mentions: [[3, 3]] },
      { status: 'article', text: 'text', mentions: [[0.5, 2]] },
      { status: 'article', text: 'text' },
      { status: 'ready', proposals: [] },
    ];
    for (const value of bad)
      expect(read(value), JSON.stringify(value).slice(0, 80)).toMatchObject({ ok: false });
  });
});
