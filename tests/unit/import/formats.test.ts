import { describe, expect, it } from 'vitest';
import { type ImportPreview, previewImport } from '../../../lib/import/preview';
import type { ImportFailure, ReadOptions } from '../../../lib/import/read';
import { NOTE_COLOURS } from '../../../lib/notes/model';

const EMPTY = { articles: [], annotations: [] };
const NOW = new Date('2026-11-29T12:00:00.000Z');

function preview(doc: unknown, options: ReadOptions = {}): ImportPreview {
  const p = previewImport(JSON.stringify(doc), EMPTY, { now: NOW, ...options });
  if (!p.ok) throw new Error(p.error);
  return p;
}

function failure(text: string): string {
  const p = previewImport(text, EMPTY);
  expect(p.ok).toBe(false);
  return (p as ImportFailure).error;
}

const quote = {
  type: 'TextQuoteSelector',
  exact: 'Edi Rama said',
  prefix: 'Prime Minister ',
  suffix: ' on Wednesday',
};
const position = { type: 'TextPositionSelector', start: 40, end: 53 };

/** A W3C annotation as another tool writes it. */
function w3c(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id: 'https://annotations.example/anno/1',
    type: 'Annotation',
    created: '2025-05-01T10:00:00Z',
    modified: '2025-05-02T10:00:00+02:00',
    body: [
      { type: 'TextualBody', value: 'Key quote', purpose: 'commenting' },
      { type: 'TextualBody', value: 'albania', purpose: 'tagging' },
    ],
    target: { source: 'https://news.example/story#section-2', selector: [quote, position] },
    ...overrides,
  };
}

describe('import of W3C Web Annotations from other tools', () => {
  it('reads one annotation: note, tags, both selectors, times normalised, a stable UUID', () => {
    const p = preview(w3c());
    expect(p.format).toBe('w3c');
    expect(p.notes).toEqual({ new: 1, updated: 0, unchanged: 0, invalid: 0 });
    const [n] = p.toPut.annotations;
    expect(n).toMatchObject({
      articleId: 'https://news.example/story',
      quote,
      position,
      note: 'Key quote',
      tags: ['albania'],
      colour: 'yellow',
      entityIds: [],
      created: '2025-05-01T10:00:00.000Z',
      modified: '2025-05-02T08:00:00.000Z',
    });
    expect(n?.id).toMatch(/^[\da-f]{8}-[\da-f]{4}-8[\da-f]{3}-[89ab][\da-f]{3}-[\da-f]{12}$/);
    // The same file again gives the same id, so a second import recognises the note.
    expect(preview(w3c()).toPut.annotations[0]?.id).toBe(n?.id);
    expect(p.toPut.articles).toEqual([
      {
        id: 'https://news.example/story',
        url: 'https://news.example/story#section-2',
        title: '',
        site: 'news.example',
        byline: '',
        lang: '',
        excerpt: '',
        created: '2025-05-01T10:00:00.000Z',
        modified: '2025-05-02T08:00:00.000Z',
      },
    ]);
  });

  it('reads an array, an AnnotationPage and a collection with its first page embedded', () => {
    const items = [w3c(), w3c({ id: 'urn:uuid:6f1c2e0b-4d3a-4b5c-9d8e-7f6a5b4c3d2e' })];
    for (const doc of [
      items,
      { '@context': 'http://www.w3.org/ns/anno.jsonld', id: 'p', type: 'AnnotationPage', items },
      {
        '@context': 'http://www.w3.org/ns/anno.jsonld',
        id: 'c',
        type: 'AnnotationCollection',
        first: { type: 'AnnotationPage', items },
      },
    ]) {
      const p = preview(doc);
      expect(p.notes.new).toBe(2);
      expect(p.toPut.annotations.map((a) => a.id)).toContain('6f1c2e0b-4d3a-4b5c-9d8e-7f6a5b4c3d2e');
    }
  });

  it('a collection that only links to its pages is refused with a reason', () => {
    expect(
      failure(JSON.stringify({ type: 'AnnotationCollection', first: 'https://x.example/page1' })),
    ).toMatch(/only links to its pages/);
  });

  it('a quote alone is enough; a position alone is reported, not guessed', () => {
    const quoteOnly = preview(w3c({ target: { source: 'https://a.example/', selector: quote } }));
    expect(quoteOnly.toPut.annotations[0]?.position).toEqual({
      type: 'TextPositionSelector',
      start: 0,
      end: 13,
    });
    const positionOnly = preview(w3c({ target: { source: 'https://a.example/', selector: position } }));
    expect(positionOnly.notes.invalid).toBe(1);
    expect(positionOnly.invalid[0]?.reason).toMatch(/only a position, not the quoted text/);
  });

  it('RangeSelectors: between text positions they are used; between elements they are reported', () => {
    const range = {
      type: 'RangeSelector',
      startSelector: { type: 'TextPositionSelector', start: 10, end: 10 },
      endSelector: { type: 'TextPositionSelector', start: 30, end: 30 },
    };
    const p = preview(w3c({ target: { source: 'https://a.example/', selector: [range, quote] } }));
    expect(p.toPut.annotations[0]?.position).toEqual({ type: 'TextPositionSelector', start: 10, end: 30 });
    const xpath = {
      type: 'RangeSelector',
      startSelector: { type: 'XPathSelector', value: '/p[1]' },
      endSelector: { type: 'XPathSelector', value: '/p[2]' },
    };
    const q = preview(w3c({ target: { source: 'https://a.example/', selector: [xpath, quote] } }));
    expect(q.notes.new).toBe(1);
    expect(q.warnings[0]?.reason).toMatch(
      /RangeSelector between elements .* was not used; the quoted text is/,
    );
    const r = preview(w3c({ target: { source: 'https://a.example/', selector: [xpath] } }));
    expect(r.invalid[0]?.reason).toMatch(/no quoted text .*RangeSelector between elements/);
  });

  it('a quote refining a CSS selector is used; a position inside an element is not taken as the article’s', () => {
    const css = {
      type: 'CssSelector',
      value: '#para-3',
      refinedBy: [quote, { type: 'TextPositionSelector', start: 5, end: 18 }],
    };
    const p = preview(w3c({ target: { source: 'https://a.example/', selector: css } }));
    expect(p.toPut.annotations[0]?.quote).toEqual(quote);
    // Counted from the element, so not used: the passage is found by its text.
    expect(p.toPut.annotations[0]?.position).toEqual({ type: 'TextPositionSelector', start: 0, end: 13 });
    expect(p.warnings.map((w) => w.reason)).toContain(
      'a CssSelector selector (not a way Hashiya can find text) was not used; the quoted text is',
    );
  });

  it('whole-page targets and non-text bodies are reported', () => {
    const page = preview(w3c({ target: 'https://a.example/' }));
    expect(page.invalid[0]?.reason).toBe('its target is a whole page, not a passage');
    const image = preview(
      w3c({ body: [{ type: 'Image', id: 'https://img.example/x.png' }, 'https://x.example/'] }),
    );
    expect(image.notes.new).toBe(1);
    expect(image.warnings.map((w) => w.reason)).toEqual([
      'a body of type Image was not imported (only text bodies are)',
      'a body that is a link to elsewhere was not imported',
    ]);
  });

  it('HTML bodies are kept as their source text, never rendered', () => {
    const html = '<p>Hi <img src=x onerror="alert(1)"></p>';
    const p = preview(w3c({ body: { type: 'TextualBody', value: html, format: 'text/html' } }));
    expect(p.toPut.annotations[0]?.note).toBe(html);
    expect(p.warnings[0]?.reason).toMatch(/text\/html note was kept as its source text/);
  });

  it('a note without id or times gets the same id on every import', () => {
    const bare = w3c({ id: undefined, created: undefined, modified: undefined });
    const first = preview(bare).toPut.annotations[0];
    const again = previewImport(JSON.stringify(bare), EMPTY, { now: new Date('2030-01-01T00:00:00Z') });
    if (!again.ok) throw new Error(again.error);
    expect(again.toPut.annotations[0]?.id).toBe(first?.id);
    expect(first?.created).toBe(NOW.toISOString());
  });

  it('bodyValue is a note', () => {
    const p = preview(w3c({ body: undefined, bodyValue: 'short note' }));
    expect(p.toPut.annotations[0]?.note).toBe('short note');
  });

  it('the article identity rule of the store can be given', () => {
    const p = preview(w3c(), { articleIdOf: (url) => `id:${new URL(url).pathname}` });
    expect(p.toPut.annotations[0]?.articleId).toBe('id:/story');
    expect(p.toPut.articles[0]?.id).toBe('id:/story');
  });
});

/** A Hypothesis API / export row. */
function hypothesisRow(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'Zx9_2Q3hEe-abcdEFGH1234',
    created: '2024-02-03T04:05:06.123456+00:00',
    updated: '2024-02-04T04:05:06.654321+00:00',
    user: 'acct:reader@hypothes.is',
    uri: 'https://news.example/iran',
    text: 'Worth **checking** <b>later</b>',
    tags: ['iran', ' sanctions ', ''],
    group: '__world__',
    permissions: { read: ['group:__world__'] },
    target: [
      {
        source: 'https://news.example/iran',
        selector: [
          {
            type: 'RangeSelector',
            startContainer: '/main[1]/p[3]',
            startOffset: 0,
            endContainer: '/main[1]/p[3]',
            endOffset: 20,
          },
          { type: 'TextPositionSelector', start: 1200, end: 1220 },
          { type: 'TextQuoteSelector', exact: 'طهران نفت أي تورط', prefix: 'و', suffix: ' في الهجوم' },
        ],
      },
    ],
    document: { title: ['Iran denies involvement'] },
    links: { html: 'https://hypothes.is/a/x' },
    ...overrides,
  };
}

describe('import of Hypothesis JSON', () => {
  it('reads API answers ({rows}), client exports ({annotations}) and plain arrays alike', () => {
    for (const doc of [
      { total: 1, rows: [hypothesisRow()] },
      { export_date: '2024', annotations: [hypothesisRow()] },
      [hypothesisRow()],
    ]) {
      const p = preview(doc);
      expect(p.format).toBe('hypothesis');
      expect(p.notes.new).toBe(1);
    }
  });

  it('keeps note, tags, quote, position and times; the title names the article', () => {
    const p = preview({ rows: [hypothesisRow()] });
    expect(p.toPut.annotations[0]).toMatchObject({
      articleId: 'https://news.example/iran',
      note: 'Worth **checking** <b>later</b>',
      tags: ['iran', 'sanctions'],
      quote: { type: 'TextQuoteSelector', exact: 'طهران نفت أي تورط', prefix: 'و', suffix: ' في الهجوم' },
      position: { type: 'TextPositionSelector', start: 1200, end: 1220 },
      created: '2024-02-03T04:05:06.123Z',
      modified: '2024-02-04T04:05:06.654Z',
    });
    expect(p.toPut.articles[0]).toMatchObject({ title: 'Iran denies involvement', site: 'news.example' });
    expect(p.warnings.map((w) => w.reason)).toContain('HTML in the note was kept as text');
  });

  it('page notes and replies are reported, not imported', () => {
    const p = preview({
      rows: [
        hypothesisRow(),
        hypothesisRow({ id: 'page', target: [{ source: 'https://news.example/iran' }] }),
        hypothesisRow({ id: 'reply', references: ['Zx9'] }),
      ],
    });
    expect(p.notes).toEqual({ new: 1, updated: 0, unchanged: 0, invalid: 2 });
    expect(p.invalid.map((i) => i.reason)).toEqual([
      'it is a page note, with no passage to anchor to',
      'it is a reply to another annotation',
    ]);
  });

  it('colours default to the first highlight colour', () => {
    expect(preview([hypothesisRow()]).toPut.annotations[0]?.colour).toBe(NOTE_COLOURS[0]);
  });
});
