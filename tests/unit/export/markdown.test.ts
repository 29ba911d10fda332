import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { RLM } from '../../../lib/export/direction';
import { exportMarkdown, obsidianTag } from '../../../lib/export/markdown';
import { article, note } from '../library/sample-library';

// Noon in the local time zone: the file name carries the reader's local date.
const NOW = new Date(2026, 10, 29, 12);
// As Obsidian and GitHub do, the renderer lets raw HTML through: the export must not contain any.
const md = new MarkdownIt({ html: true, linkify: false });

function frontMatter(text: string): Record<string, unknown> {
  const m = /^---\n([\s\S]*?)\n---\n/.exec(text);
  expect(m).not.toBeNull();
  return parseYaml(m?.[1] ?? '') as Record<string, unknown>;
}

function render(text: string): Document {
  const body = text.replace(/^---\n[\s\S]*?\n---\n/, '');
  return new DOMParser().parseFromString(`<body>${md.render(body)}</body>`, 'text/html');
}

const visible = (s: string | null | undefined) => (s ?? '').replaceAll(RLM, '').trim();

describe('Markdown export', () => {
  const a = article();
  const en = article({
    id: 'https://en.example/story',
    url: 'https://en.example/story',
    title: 'Albania cuts ties',
    site: 'en.example',
    lang: 'en',
    created: '2026-10-01T00:00:00.000Z',
  });
  const arabicNote = note({
    quote: {
      type: 'TextQuoteSelector',
      exact: 'قطعت ألبانيا العلاقات\u2029وطردت الدبلوماسيين',
      prefix: '',
      suffix: '',
    },
  });
  const englishNote = note({
    id: '22222222-2222-4222-8222-222222222222',
    articleId: en.id,
    quote: { type: 'TextQuoteSelector', exact: 'Albania cut diplomatic ties', prefix: '', suffix: '' },
    note: 'Check the date',
    tags: ['follow up'],
  });
  const file = exportMarkdown([a, en], [arabicNote, englishNote], NOW);

  it('has YAML front matter Obsidian reads as properties', () => {
    expect(file.fileName).toBe('hashiya-2026-11-29.md');
    expect(frontMatter(file.text)).toEqual({
      title: 'Hashiya notes',
      exported: NOW.toISOString(),
      articles: 2,
      notes: 2,
      tags: ['cyber', 'follow-up', 'ألبانيا'],
    });
  });

  it('has one section per article, newest first, with title, link, site and date', () => {
    const doc = render(file.text);
    expect([...doc.querySelectorAll('h2')].map((h) => visible(h.textContent))).toEqual([a.title, en.title]);
    const facts = [...doc.querySelectorAll('ul')].map((ul) => visible(ul.textContent));
    expect(facts[0]).toContain(`Link: ${a.url}`);
    expect(facts[0]).toContain('Site: news.example');
    expect(facts[0]).toContain('Saved: 2026-11-01');
    expect(doc.querySelector('a')?.getAttribute('href')).toBe(a.url);
  });

  it('each passage is a blockquote followed by its note and tags', () => {
    const doc = render(file.text);
    const quotes = [...doc.querySelectorAll('blockquote')];
    expect(quotes.map((q) => [...q.querySelectorAll('p')].map((p) => visible(p.textContent)))).toEqual([
      ['قطعت ألبانيا العلاقات', 'وطردت الدبلوماسيين'],
      ['Albania cut diplomatic ties'],
    ]);
    const after = quotes[1]?.nextElementSibling;
    expect(visible(after?.textContent)).toBe('Check the date');
    expect(visible(after?.nextElementSibling?.textContent)).toMatch(
      /^Tags: follow up · Colour: yellow · 2026-11-01$/,
    );
  });

  it('marks every line of a right-to-left passage, even one that starts with a Latin name', () => {
    const mixed = note({
      quote: {
        type: 'TextQuoteSelector',
        exact: 'CNN قالت إن ألبانيا قطعت العلاقات',
        prefix: '',
        suffix: '',
      },
      note: '',
    });
    const text = exportMarkdown([a], [mixed], NOW).text;
    expect(text).toContain(`> ${RLM}CNN قالت`);
    expect(file.text).toContain(`> ${RLM}قطعت ألبانيا`);
    expect(file.text).toContain(`> ${RLM}وطردت`);
    expect(file.text).toContain('> Albania cut diplomatic ties'); // left-to-right text gets no mark
    expect(file.text).toContain(`## ${RLM}ألبانيا تقطع`);
  });

  it('hostile or markup-like text stays text: no HTML, no headings, lists, links or Obsidian tags', () => {
    const evil =
      '<script>alert(1)</script> <img src=x onerror=alert(2)>\n# Not a heading\n- not a list\n1. not ordered\n' +
      '[link](javascript:alert(3)) ==mark== %%hidden%% #tag $x$ **bold** `code` &amp;';
    const hostile = note({ note: evil, tags: ['<b>x</b>'] });
    const bad = article({ title: '<img src=x onerror=alert(4)>', url: 'javascript:alert(5)' });
    const text = exportMarkdown([bad], [hostile], NOW).text;
    const doc = render(text);
    expect(doc.querySelectorAll('script, img, h1 ~ h1, ol, strong, code, b').length).toBe(0);
    expect(doc.querySelectorAll('a').length).toBe(0);
    expect(doc.querySelectorAll('ul').length).toBe(1); // the article's facts only
    expect(visible(doc.querySelector('h2')?.textContent)).toBe('<img src=x onerror=alert(4)>');
    const noteParagraph = doc.querySelector('blockquote')?.nextElementSibling;
    expect(visible(noteParagraph?.textContent).replace(/\n/g, ' ')).toBe(
      '<script>alert(1)</script> <img src=x onerror=alert(2)> # Not a heading - not a list 1. not ordered ' +
        '[link](javascript:alert(3)) ==mark== %%hidden%% #tag $x$ **bold** `code` &amp;',
    );
    expect(text).toContain('\\#tag');
    expect(text).toContain('\\%\\%hidden');
    expect(text).toContain('\\=\\=mark');
  });

  it('leaves deleted notes out', () => {
    const text = exportMarkdown([a], [note({ deleted: '2026-11-05T00:00:00.000Z' })], NOW).text;
    expect(text).not.toContain('>');
    expect(frontMatter(text)).toMatchObject({ notes: 0, articles: 0 });
  });

  it('tags become Obsidian tags: no spaces, not only digits', () => {
    expect(obsidianTag('follow up')).toBe('follow-up');
    expect(obsidianTag('#cyber')).toBe('cyber');
    expect(obsidianTag('ألبانيا')).toBe('ألبانيا');
    expect(obsidianTag('2026')).toBeNull();
    expect(obsidianTag('a,b!')).toBe('ab');
  });
});
