import { describe, expect, it } from 'vitest';
import { articleIdentity, cleanArticleUrl, describeArticle } from '@/lib/notes/article-identity';

function page(head: string, lang = 'ar'): Document {
  return new DOMParser().parseFromString(
    `<!doctype html><html lang="${lang}"><head><title>العنوان</title>${head}</head><body><p>نص</p></body></html>`,
    'text/html',
  );
}

describe('cleanArticleUrl', () => {
  it.each([
    ['https://news.example/a/1?utm_source=x&utm_medium=email#comments', 'https://news.example/a/1'],
    ['https://news.example/a/1?id=7&fbclid=AbC&gclid=1', 'https://news.example/a/1?id=7'],
    ['https://news.example/a/1?mc_cid=1&mc_eid=2&page=2', 'https://news.example/a/1?page=2'],
    ['https://news.example/a/1?UTM_Campaign=x&at_medium=rss&ns_mchannel=s', 'https://news.example/a/1'],
    ['https://news.example/a/1?igshid=1&_ga=2&msclkid=3&srsltid=4', 'https://news.example/a/1'],
    // Order and content of real parameters are kept; an empty query leaves no "?".
    ['https://news.example/story?b=2&a=1&utm_term=z', 'https://news.example/story?b=2&a=1'],
    ['https://news.example/a/1?', 'https://news.example/a/1'],
    // Host case and default port are not identity; credentials never are.
    ['HTTPS://user:pw@News.Example:443/A/1', 'https://news.example/A/1'],
    // Arabic paths stay as the URL standard encodes them.
    [
      'https://news.example/مقال/ألبانيا?utm_source=t',
      'https://news.example/%D9%85%D9%82%D8%A7%D9%84/%D8%A3%D9%84%D8%A8%D8%A7%D9%86%D9%8A%D8%A7',
    ],
    // A parameter that only starts like a tracker family but is not one is kept.
    ['https://news.example/a?utmost=1&mcq=2', 'https://news.example/a?utmost=1&mcq=2'],
  ])('%s → %s', (input, expected) => {
    expect(cleanArticleUrl(input)).toBe(expected);
  });

  it('refuses what is not http(s)', () => {
    expect(cleanArticleUrl('file:///home/me/a.html')).toBeNull();
    expect(cleanArticleUrl('javascript:alert(1)')).toBeNull();
    expect(cleanArticleUrl('not a url')).toBeNull();
  });
});

describe('articleIdentity', () => {
  const url = 'https://m.news.example/world/2024/albania-iran?utm_source=twitter#top';

  it('takes the canonical link, cleaned, over the page URL', () => {
    const doc = page(
      '<link rel="canonical" href="https://www.news.example/world/albania-iran?utm_medium=x">',
    );
    expect(articleIdentity(doc, url)).toBe('https://www.news.example/world/albania-iran');
  });

  it('resolves a relative canonical against the page', () => {
    const doc = page('<link rel="canonical" href="/world/albania-iran">');
    expect(articleIdentity(doc, url)).toBe('https://m.news.example/world/albania-iran');
  });

  it('falls back to og:url when there is no canonical link', () => {
    const doc = page('<meta property="og:url" content="https://news.example/world/albania-iran">');
    expect(articleIdentity(doc, url)).toBe('https://news.example/world/albania-iran');
  });

  it('accepts a canonical on a parent domain or another edition of the site', () => {
    const doc = page('<link rel="canonical" href="https://news.example/a">');
    expect(articleIdentity(doc, 'https://edition.news.example/a?x=1')).toBe('https://news.example/a');
  });

  it('ignores a canonical on another site, and then a believable og:url wins', () => {
    const doc = page(
      '<link rel="canonical" href="https://aggregator.example/copy/1"><meta property="og:url" content="https://news.example/a">',
    );
    expect(articleIdentity(doc, 'https://news.example/a?fbclid=1')).toBe('https://news.example/a');
  });

  it('ignores a canonical on a sibling host that merely shares a public suffix', () => {
    const doc = page('<link rel="canonical" href="https://evil.github.io/a">');
    expect(articleIdentity(doc, 'https://writer.github.io/a')).toBe('https://writer.github.io/a');
  });

  it("ignores a canonical that points every article at the site's home page", () => {
    const doc = page('<link rel="canonical" href="https://news.example/">');
    expect(articleIdentity(doc, 'https://news.example/world/1?utm_source=x')).toBe(
      'https://news.example/world/1',
    );
  });

  it('ignores a canonical that is not http(s) or not a URL', () => {
    expect(articleIdentity(page('<link rel="canonical" href="javascript:alert(1)">'), url)).toBe(
      'https://m.news.example/world/2024/albania-iran',
    );
    expect(articleIdentity(page('<link rel="canonical" href="http://[bad">'), url)).toBe(
      'https://m.news.example/world/2024/albania-iran',
    );
  });

  it('gives the same identity to the same article reached by different links', () => {
    const doc = page('');
    const a = articleIdentity(doc, 'https://news.example/a/1?utm_source=fb&fbclid=9#p3');
    const b = articleIdentity(doc, 'https://news.example/a/1?gclid=4');
    expect(a).toBe(b);
  });

  it('has no identity for pages that are not http(s)', () => {
    expect(articleIdentity(page(''), 'about:blank')).toBeNull();
    expect(articleIdentity(page(''), 'file:///tmp/a.html')).toBeNull();
  });
});

describe('describeArticle', () => {
  it('fills the record from the extracted article and tidies what the page says', () => {
    const doc = page('<link rel="canonical" href="https://news.example/a">');
    const info = describeArticle(
      doc,
      {
        title: '  ألبانيا\n  تقطع علاقاتها  ',
        byline: 'مراسلنا',
        excerpt: 'x'.repeat(5000),
        siteName: null,
        lang: 'ar" onload="x',
      },
      'https://www.news.example/a?utm_source=x#c',
    );
    expect(info).toEqual({
      id: 'https://news.example/a',
      url: 'https://www.news.example/a',
      title: 'ألبانيا تقطع علاقاتها',
      site: 'news.example',
      byline: 'مراسلنا',
      lang: '',
      excerpt: `${'x'.repeat(999)}…`,
    });
  });

  it('uses the site name and language the article declares', () => {
    const info = describeArticle(
      page(''),
      { title: '', byline: null, excerpt: null, siteName: 'الموقع', lang: 'ar-EG' },
      'https://news.example/a',
    );
    expect(info).toMatchObject({ title: 'العنوان', site: 'الموقع', lang: 'ar-EG', byline: '', excerpt: '' });
  });
});
