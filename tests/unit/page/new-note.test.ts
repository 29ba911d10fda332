import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { LIMIT } from '@/lib/notes/limits';
import { notesProtocol } from '@/lib/notes/validate';
import type { ExtractedArticle } from '@/lib/page/extract';
import { newNoteRequest } from '@/lib/page/new-note';
import { buildTextModel } from '@/lib/text/text-model';

const ID = '0b6f1c52-4e1d-4c1a-9a51-2f0f6d3c7a10';

function article(html: string): ExtractedArticle {
  document.head.innerHTML = '<link rel="canonical" href="/albania">';
  document.body.innerHTML = `<article>${html}</article>`; // test-authored markup only
  return {
    title: 'ألبانيا تقطع علاقاتها',
    byline: 'مراسلنا',
    excerpt: null,
    siteName: 'الأفق',
    lang: 'ar',
    model: buildTextModel(document.querySelector('article') as Element),
  };
}

describe('a new note from the selection', () => {
  it('describes the passage with its context, position and the entities in it, as save-note accepts', () => {
    const a = article('<p>وقال رئيس الوزراء <a>إيدي راما</a> في كلمة مصورة إن الهجوم كان يهدف</p>');
    const text = a.model.text;
    const start = text.indexOf('إيدي');
    const end = text.indexOf('مصورة') + 'مصورة'.length;
    const mentions = [
      { start, end: start + 'إيدي راما'.length, entityId: 'edi-rama', kind: 'name' as const },
      { start: 0, end: 4, entityId: 'elsewhere', kind: 'name' as const },
    ];
    const draft = { colour: 'green' as const, note: 'مهم', tags: ['سياسة'] };
    const request = newNoteRequest(document, a, { start, end }, mentions, draft, ID);
    expect(request.ok).toBe(true);
    if (!request.ok) return;
    expect(request.note).toEqual({
      id: ID,
      quote: {
        type: 'TextQuoteSelector',
        exact: 'إيدي راما في كلمة مصورة',
        prefix: 'وقال رئيس الوزراء ',
        suffix: ' إن الهجوم كان يهدف',
      },
      position: { type: 'TextPositionSelector', start, end },
      colour: 'green',
      note: 'مهم',
      tags: ['سياسة'],
      entityIds: ['edi-rama'],
    });
    expect(request.article).toMatchObject({
      id: new URL('/albania', document.URL).href,
      title: 'ألبانيا تقطع علاقاتها',
      site: 'الأفق',
      lang: 'ar',
    });
    // What the background will check it against.
    const [schema] = notesProtocol['save-note'];
    expect(v.safeParse(schema, { article: request.article, note: request.note }).success).toBe(true);
  });

  it('refuses a passage longer than a note may quote, or only white space', () => {
    const a = article(`<p>${'كلمة '.repeat(LIMIT.exact / 4)}</p>`);
    const draft = { colour: 'yellow' as const, note: '', tags: [] };
    expect(newNoteRequest(document, a, { start: 0, end: a.model.text.length }, [], draft, ID)).toEqual({
      ok: false,
      reason: 'too-long',
    });
    expect(newNoteRequest(document, a, { start: 4, end: 5 }, [], draft, ID)).toEqual({
      ok: false,
      reason: 'empty',
    });
  });
});
