import { describe, expect, it } from 'vitest';
import { articleFromRuns, extractArticle, findArticleRuns, findHeadline, textRuns } from '@/lib/page/extract';

const paragraph = (n: number) =>
  `<p>الفقرة ${n}: قطعت ألبانيا العلاقات الدبلوماسية مع إيران وطردت دبلوماسييها بعد إلقاء اللوم على طهران في هجوم إلكتروني، في خطوة أيدتها الولايات المتحدة، وقال رئيس الوزراء إن القرار يدخل حيز التنفيذ فورا.</p>`;

function page(body: string): Document {
  return new DOMParser().parseFromString(
    `<!doctype html><html lang="ar" dir="rtl"><head><title>ألبانيا تقطع علاقاتها مع إيران - الموقع</title></head><body>${body}</body></html>`,
    'text/html',
  );
}

const NEWS_PAGE = `
  <header><nav><a href="/iran">إيران</a> <a href="/us">الولايات المتحدة</a></nav></header>
  <main><article>
    <h1>ألبانيا تقطع علاقاتها مع إيران</h1>
    <p class="standfirst">تيرانا تتهم <a href="/t">طهران</a> <b>بهجوم</b> إلكتروني</p>
    ${[1, 2, 3, 4, 5, 6].map(paragraph).join('')}
    <p>قال ايدي <b>راما</b> في بيان</p>
    <p hidden>نص مخفي عن طهران</p>
    <div contenteditable="true">تعليق يكتبه القارئ عن إيران</div>
    <textarea>مسودة عن إيران</textarea>
  </article></main>
  <aside><h2>الأكثر قراءة</h2><ul><li>حلف شمال الأطلسي يجتمع</li></ul></aside>
  <footer>جميع الحقوق محفوظة — تيرانا</footer>`;

describe('article extraction', () => {
  it('covers the headline, standfirst and body, including text in links and emphasis', () => {
    const article = extractArticle(page(NEWS_PAGE));
    expect(article).not.toBeNull();
    const text = article?.model.text ?? '';
    expect(text).toContain('ألبانيا تقطع علاقاتها مع إيران');
    expect(text).toContain('تيرانا تتهم طهران بهجوم إلكتروني');
    expect(text).toContain('الفقرة 6');
    expect(text).toContain('قال ايدي راما في بيان');
  });

  it('leaves out navigation, sidebars, footers, hidden text, form fields and editable regions', () => {
    const text = extractArticle(page(NEWS_PAGE))?.model.text ?? '';
    expect(text).not.toContain('الأكثر قراءة');
    expect(text).not.toContain('حلف شمال الأطلسي');
    expect(text).not.toContain('جميع الحقوق');
    expect(text).not.toContain('نص مخفي');
    expect(text).not.toContain('تعليق يكتبه');
    expect(text).not.toContain('مسودة');
  });

  it('returns the live page text nodes, so ranges point into the page the reader sees', () => {
    const doc = page(NEWS_PAGE);
    const article = extractArticle(doc);
    for (const node of article?.model.nodes ?? []) expect(node.ownerDocument).toBe(doc);
    expect(article?.model.nodes.every((node) => doc.body.contains(node))).toBe(true);
  });

  it('does not modify the page', () => {
    const doc = page(NEWS_PAGE);
    const before = doc.documentElement.outerHTML;
    extractArticle(doc);
    expect(doc.documentElement.outerHTML).toBe(before);
  });

  it('reports the article metadata', () => {
    const article = extractArticle(page(NEWS_PAGE));
    expect(article?.lang).toBe('ar');
    expect(article?.title).toContain('ألبانيا');
  });

  it('returns null for a page with no article', () => {
    expect(extractArticle(page('<nav><a href="/">الرئيسية</a></nav>'))).toBeNull();
  });
});

describe('article found in a copy of the page parsed elsewhere (big pages)', () => {
  /** What the content script sends away and the extension's own document parses. */
  const elsewhere = (doc: Document) =>
    findArticleRuns(new DOMParser().parseFromString(doc.documentElement.outerHTML, 'text/html'));

  it('finds the same article text as extracting on the page, in the live page’s text nodes', () => {
    const doc = page(NEWS_PAGE);
    const found = elsewhere(doc);
    expect(found).not.toBeNull();
    const article = found && articleFromRuns(doc, found);
    if (!article || article === 'mismatch') throw new Error(`no article: ${article}`);
    expect(article.model.text).toBe(extractArticle(doc)?.model.text);
    expect(article.model.nodes.every((node) => doc.body.contains(node))).toBe(true);
    expect(article.lang).toBe('ar');
    expect(article.title).toContain('ألبانيا');
  });

  it('pairs text a script split into several nodes, or left empty, with the one node it parses back as', () => {
    const doc = page(NEWS_PAGE);
    const p = [...doc.querySelectorAll('article p')].find((el) => el.textContent?.includes('الفقرة 3'));
    const text = p?.firstChild as Text;
    text.splitText(20).splitText(15);
    p?.insertBefore(doc.createTextNode(''), text.nextSibling);
    p?.prepend(doc.createTextNode(''));
    doc.body.append(doc.createElement('noscript'));
    const found = elsewhere(doc);
    const article = found && articleFromRuns(doc, found);
    if (!article || article === 'mismatch') throw new Error(`no article: ${article}`);
    expect(article.model.text).toContain('الفقرة 3: قطعت ألبانيا العلاقات');
    expect(article.model.text).toBe(extractArticle(doc)?.model.text);
  });

  it('says mismatch, rather than painting the wrong words, when the page changed meanwhile', () => {
    const doc = page(NEWS_PAGE);
    const found = elsewhere(doc);
    if (!found) throw new Error('no article');
    const p = [...doc.querySelectorAll('article p')].find((el) => el.textContent?.includes('الفقرة 2'));
    (p?.firstChild as Text).data = 'نص آخر تماما من نفس الطول تقريبا';
    expect(articleFromRuns(doc, found)).toBe('mismatch');
    const other = page(NEWS_PAGE);
    other.body.prepend(other.createElement('p'));
    other.body.firstElementChild?.append('سطر جديد');
    expect(articleFromRuns(other, found)).toBe('mismatch');
  });

  it('counts adjacent text nodes as one run and skips empty ones and <noscript> text', () => {
    const doc = page('<p>a</p><p>b<b>c</b>d</p><noscript>e</noscript>');
    const p = doc.querySelector('p') as HTMLElement;
    (p.firstChild as Text).splitText(0);
    expect(textRuns(doc).map((run) => run.map((node) => node.data).join(''))).toEqual([
      'ألبانيا تقطع علاقاتها مع إيران - الموقع',
      'a',
      'b',
      'c',
      'd',
    ]);
  });
});

describe('headline', () => {
  const html = (title: string, h1: string) =>
    `<!doctype html><html lang="ar"><head><title>${title}</title></head><body><nav><h2>الأكثر قراءة</h2></nav><article><h1>${h1}</h1>${[1, 2, 3].map(paragraph).join('')}</article></body></html>`;
  /** What Readability kept in Chromium: the body paragraphs, without the heading. */
  function bodyText(doc: Document): Set<Text> {
    const kept = new Set<Text>();
    for (const p of doc.querySelectorAll('article p'))
      for (const n of p.childNodes) if (n.nodeType === 3) kept.add(n as Text);
    return kept;
  }
  const parse = (markup: string) => new DOMParser().parseFromString(markup, 'text/html');

  it('is found when the page title adds a prefix and the site name', () => {
    const doc = parse(
      html(
        'الملف الكامل: ألبانيا تقطع علاقاتها مع إيران | صحيفة الأفق',
        'ألبانيا تقطع علاقاتها مع إيران بعد هجوم إلكتروني',
      ),
    );
    const title = 'الملف الكامل: ألبانيا تقطع علاقاتها مع إيران';
    expect(findHeadline(doc, title, bodyText(doc))?.textContent).toBe(
      'ألبانيا تقطع علاقاتها مع إيران بعد هجوم إلكتروني',
    );
  });

  it('is the article’s own h1 even when the title says something else, never the navigation’s heading', () => {
    const doc = parse(html('صحيفة الأفق', 'تيرانا تطرد الدبلوماسيين'));
    expect(findHeadline(doc, 'صحيفة الأفق', bodyText(doc))?.textContent).toBe('تيرانا تطرد الدبلوماسيين');
  });

  it('is not added twice when Readability already kept it', () => {
    const doc = parse(html('ألبانيا تقطع علاقاتها', 'ألبانيا تقطع علاقاتها'));
    const kept = bodyText(doc);
    const h1Text = doc.querySelector('h1')?.firstChild as Text;
    kept.add(h1Text);
    expect(findHeadline(doc, 'ألبانيا تقطع علاقاتها', kept)).toBeNull();
    expect(extractArticle(page(NEWS_PAGE))?.model.text.split('ألبانيا تقطع علاقاتها مع إيران').length).toBe(
      2,
    );
  });
});
