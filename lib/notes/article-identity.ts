// Which article a page is, however the reader reached it (DESIGN.md §4 "One article, many URLs"):
// the page's own canonical URL when it is believable, else the address without its fragment and
// the tracking parameters that newsletters, social sites and ad networks append.
import type { ArticleRecord } from './model';

/** An article as the content script describes it; the store adds created/modified. */
export type ArticleInfo = Omit<ArticleRecord, 'created' | 'modified'>;

/** What the extractor found about the article (lib/page/extract.ts's ExtractedArticle). */
export interface ArticleFacts {
  title: string;
  byline: string | null;
  excerpt: string | null;
  siteName: string | null;
  lang: string | null;
}

// Parameters that say how the reader arrived, never which article it is.
const TRACKING_NAMES = new Set([
  'fbclid',
  'gclid',
  'gclsrc',
  'dclid',
  'gbraid',
  'wbraid',
  'msclkid',
  'yclid',
  'twclid',
  'ttclid',
  'igshid',
  'igsh',
  'li_fat_id',
  'mkt_tok',
  '_ga',
  '_gl',
  '_hsenc',
  '_hsmi',
  'hsctatracking',
  'oly_anon_id',
  'oly_enc_id',
  'vero_id',
  'vero_conv',
  'rb_clickid',
  's_cid',
  'ocid',
  'cmpid',
  'ref_src',
  'ref_url',
  'srsltid',
  'wt_mc',
  'wt.mc_id',
  'ncid',
  'ito',
  'xtor',
]);
// Families: Google Analytics (utm_), Mailchimp (mc_), BBC/AT Internet (at_), comScore (ns_),
// Piwik/Matomo (pk_, mtm_).
const TRACKING_PREFIXES = ['utm_', 'mc_', 'at_', 'ns_', 'pk_', 'mtm_'];

function isTrackingParameter(name: string): boolean {
  const lower = name.toLowerCase();
  return TRACKING_NAMES.has(lower) || TRACKING_PREFIXES.some((prefix) => lower.startsWith(prefix));
}

function parseHttpUrl(value: string, base?: string): URL | null {
  try {
    const url = new URL(value.trim(), base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

/**
 * The URL without fragment, credentials and tracking parameters; the other parameters keep their
 * order (some sites need them: `?id=123`). Null for anything but http(s).
 */
export function cleanArticleUrl(value: string, base?: string): string | null {
  const url = parseHttpUrl(value, base);
  if (!url) return null;
  url.hash = '';
  url.username = '';
  url.password = '';
  const kept = [...url.searchParams].filter(([name]) => !isTrackingParameter(name));
  if (kept.length === 0) url.search = '';
  else if (kept.length !== [...url.searchParams].length) url.search = new URLSearchParams(kept).toString();
  return url.href;
}

/** Host without the prefixes that name the same site's editions (www., m., amp., mobile.). */
function siteHost(host: string): string {
  return host.replace(/^(?:www\d?|m|amp|mobile)\./, '');
}

/** Same site: equal hosts after siteHost(), or one a subdomain of the other (edition.cnn.com, cnn.com). */
function sameSite(a: URL, b: URL): boolean {
  const x = siteHost(a.hostname);
  const y = siteHost(b.hostname);
  if (x === y) return true;
  const [longer, shorter] = x.length > y.length ? [x, y] : [y, x];
  return shorter.includes('.') && longer.endsWith(`.${shorter}`);
}

/**
 * A canonical URL the page declares, if believable: http(s), on the same site as the page, and not
 * the site's home page for a page that is not (a common CMS mistake that would make every article
 * of the site one).
 */
function believableCanonical(declared: string | null | undefined, page: URL, base: string): string | null {
  if (!declared) return null;
  const canonical = parseHttpUrl(declared, base);
  if (!canonical || !sameSite(canonical, page)) return null;
  const isHome = (url: URL) => url.pathname === '/' || url.pathname === '';
  if (isHome(canonical) && !isHome(page)) return null;
  return cleanArticleUrl(canonical.href);
}

/**
 * The article's identity: `<link rel=canonical>`, else `og:url`, when believable; else the page's
 * URL cleaned. Null when the page is not http(s) (nothing to key a note on).
 */
export function articleIdentity(doc: Document, pageUrl: string = doc.URL): string | null {
  const page = parseHttpUrl(pageUrl);
  if (!page) return null;
  // Relative URLs resolve against <base href>, else the page (not doc.baseURI: a parsed document's
  // is wherever it was parsed).
  const baseHref = doc.querySelector('base[href]')?.getAttribute('href');
  const base = (baseHref && parseHttpUrl(baseHref, page.href)?.href) || page.href;
  const link = doc.querySelector('link[rel~="canonical" i][href]')?.getAttribute('href');
  const og = doc
    .querySelector('meta[property="og:url" i][content], meta[name="og:url" i][content]')
    ?.getAttribute('content');
  return (
    believableCanonical(link, page, base) ?? believableCanonical(og, page, base) ?? cleanArticleUrl(page.href)
  );
}

// Page text is hostile and unbounded: keep what a library list shows, no more.
const LIMITS = { title: 500, site: 200, byline: 300, lang: 35, excerpt: 1000 };

function tidy(value: string | null | undefined, limit: number): string {
  const text = (value ?? '').replace(/\s+/g, ' ').trim();
  return text.length > limit ? `${text.slice(0, limit - 1)}…` : text;
}

/** A BCP 47-looking tag, or '' (the page may say anything in its lang attribute). */
function tidyLang(value: string | null | undefined): string {
  const lang = (value ?? '').trim();
  return /^[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*$/.test(lang) && lang.length <= LIMITS.lang ? lang : '';
}

/** The article record's page-derived fields, for the page at `pageUrl`; null when it has no identity. */
export function describeArticle(
  doc: Document,
  facts: ArticleFacts,
  pageUrl: string = doc.URL,
): ArticleInfo | null {
  const id = articleIdentity(doc, pageUrl);
  const url = cleanArticleUrl(pageUrl);
  if (!id || !url) return null;
  return {
    id,
    url,
    title: tidy(facts.title || doc.title, LIMITS.title),
    site: tidy(facts.siteName || siteHost(new URL(id).hostname), LIMITS.site),
    byline: tidy(facts.byline, LIMITS.byline),
    lang: tidyLang(facts.lang),
    excerpt: tidy(facts.excerpt, LIMITS.excerpt),
  };
}
