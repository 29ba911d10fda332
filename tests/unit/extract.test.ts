import { describe, expect, it } from 'vitest';
import { extractArticle } from '@/lib/extract';

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
