// Finds the article with Readability and maps it back to the live page's text nodes.
// Readability mutates what it parses, so it runs on a clone; every clone text node is paired with
// its live twin beforehand, and Readability moves (never copies) the text nodes it keeps.
import { Readability } from '@mozilla/readability';
import { buildTextModel, type TextModel } from '../text/text-model';
import { isEditableElement } from './editable';

export interface ExtractedArticle {
  title: string;
  byline: string | null;
  excerpt: string | null;
  siteName: string | null;
  /** BCP 47 language of the article as the page declares it, or null. */
  lang: string | null;
  model: TextModel;
}

// Never part of what a reader reads as the article, even inside it.
const SKIPPED_TAGS = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'TEXTAREA',
  'INPUT',
  'SELECT',
  'OPTION',
  'BUTTON',
  'SVG',
  'MATH',
  'IFRAME',
  'OBJECT',
  'CANVAS',
]);

/** True for elements whose text must never be read or painted: scripts, form fields, editable regions. */
export function isSkippedElement(el: Element): boolean {
  if (SKIPPED_TAGS.has(el.tagName.toUpperCase())) return true;
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  return isEditableElement(el);
}

/** What Readability says about the article besides its text. */
export interface ArticleMeta {
  title: string;
  byline: string | null;
  excerpt: string | null;
  siteName: string | null;
  lang: string | null;
}

/**
 * Extracts the article of `doc`. Returns null when Readability finds no article.
 * `doc` is never modified.
 */
export function extractArticle(doc: Document): ExtractedArticle | null {
  const clone = doc.cloneNode(true) as Document;
  const liveOf = pairTextNodes(clone, doc);
  const found = readArticle(clone);
  if (!found) return null;
  const kept = new Set<Text>();
  for (const node of found.textNodes) {
    const live = liveOf.get(node);
    if (live) kept.add(live);
  }
  return articleOf(doc, found.meta, kept);
}

/**
 * The article of a page parsed elsewhere (a document of the extension's own, for pages too big to
 * extract on the page without holding it up): which of the page's text runs Readability kept, with
 * a fingerprint of each so the page can check it pairs them with the same text.
 */
export interface ArticleRuns {
  meta: ArticleMeta;
  /** How many text runs the parsed page has (see textRuns). */
  runCount: number;
  /** The kept runs, ascending, each with its length and the first and last characters of its text. */
  kept: { run: number; length: number; ends: string }[];
}

/** Runs Readability on `parsed` (a page's HTML parsed apart from it; it is modified). */
export function findArticleRuns(parsed: Document): ArticleRuns | null {
  const runs = textRuns(parsed);
  const runOf = new Map<Text, number>();
  for (const [i, run] of runs.entries()) for (const node of run) runOf.set(node, i);
  const found = readArticle(parsed);
  if (!found) return null;
  const keptRuns = new Set<number>();
  for (const node of found.textNodes) {
    const run = runOf.get(node);
    if (run !== undefined) keptRuns.add(run);
  }
  return {
    meta: found.meta,
    runCount: runs.length,
    kept: [...keptRuns].sort((a, b) => a - b).map((run) => ({ run, ...fingerprint(runs[run] as Text[]) })),
  };
}

/**
 * The article of `doc` from what was found in a copy of its HTML parsed elsewhere. Returns
 * 'mismatch' when the page's text runs are not the copy's (the page changed meanwhile, or its HTML
 * does not parse back into the same text): then extract on the page after all.
 */
export function articleFromRuns(doc: Document, found: ArticleRuns): ExtractedArticle | null | 'mismatch' {
  const runs = textRuns(doc);
  if (runs.length !== found.runCount) return 'mismatch';
  const kept = new Set<Text>();
  for (const { run, length, ends } of found.kept) {
    const nodes = runs[run];
    if (!nodes) return 'mismatch';
    const print = fingerprint(nodes);
    if (print.length !== length || print.ends !== ends) return 'mismatch';
    for (const node of nodes) kept.add(node);
  }
  return articleOf(doc, found.meta, kept);
}

/** Readability on `doc` (modified): the article's metadata and the text nodes of its content. */
function readArticle(doc: Document): { meta: ArticleMeta; textNodes: Text[] } | null {
  const parsed = new Readability<Node>(doc, { serializer: (el) => el }).parse();
  if (!parsed?.content) return null;
  const textNodes: Text[] = [];
  const walker = doc.createTreeWalker(parsed.content, 4 /* SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) textNodes.push(node as Text);
  return {
    meta: {
      title: parsed.title ?? doc.title,
      byline: parsed.byline ?? null,
      excerpt: parsed.excerpt ?? null,
      siteName: parsed.siteName ?? null,
      lang: parsed.lang || doc.documentElement.lang || null,
    },
    textNodes,
  };
}

/** The article of the live page `doc`, whose text nodes `kept` Readability kept. */
function articleOf(doc: Document, meta: ArticleMeta, kept: Set<Text>): ExtractedArticle | null {
  const headline = findHeadline(doc, meta.title, kept);
  if (headline) for (const text of textNodesOf(headline)) kept.add(text);
  if (kept.size === 0) return null;
  const visible = visibilityChecker();
  const model = buildTextModel(
    commonAncestor(kept),
    (text) => kept.has(text) && visible(text.parentElement),
    isSkippedElement,
  );
  if (model.text.trim().length === 0) return null;
  return {
    ...meta,
    title: meta.title || doc.title,
    lang: meta.lang || doc.documentElement.lang || null,
    model,
  };
}

/**
 * The document's text in runs that survive serialising it and parsing it back: adjacent text nodes
 * (a script may leave several side by side) parse back as one, and empty ones not at all; the
 * contents of <noscript> parse differently without scripting, so they are left out.
 */
export function textRuns(doc: Document): Text[][] {
  const runs: Text[][] = [];
  const walker = doc.createTreeWalker(doc, 4 /* SHOW_TEXT */);
  let previous: Text | null = null;
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    if (node.data.length === 0 || node.parentElement?.closest('noscript')) continue;
    const last = runs.at(-1);
    if (last && previous && adjacent(previous, node)) last.push(node);
    else runs.push([node]);
    previous = node;
  }
  return runs;
}

/** True when only empty text nodes stand between sibling text nodes `a` and `b`. */
function adjacent(a: Text, b: Text): boolean {
  for (let n = a.nextSibling; n; n = n.nextSibling) {
    if (n === b) return true;
    if (n.nodeType !== 3 || (n as Text).data.length > 0) return false;
  }
  return false;
}

function fingerprint(run: readonly Text[]): { length: number; ends: string } {
  let length = 0;
  for (const node of run) length += node.data.length;
  const first = run[0]?.data ?? '';
  const last = run.at(-1)?.data ?? '';
  return { length, ends: `${first.slice(0, 8)}…${last.slice(-8)}` };
}

/** Pairs each text node of `clone` with the text node at the same position in `live`. */
function pairTextNodes(clone: Document, live: Document): Map<Text, Text> {
  const pairs = new Map<Text, Text>();
  const a = clone.createTreeWalker(clone, 4);
  const b = live.createTreeWalker(live, 4);
  for (let x = a.nextNode(), y = b.nextNode(); x && y; x = a.nextNode(), y = b.nextNode()) {
    pairs.set(x as Text, y as Text);
  }
  return pairs;
}

/**
 * Readability reports the headline as `title` and usually drops the heading element from the content.
 * The reader still sees it as part of the article, so take back the live heading that carries the
 * title: the first h1/h2 outside navigation and sidebars that shares most of its words with the
 * title (titles often add a prefix or the site's name), or else the h1 of the <article> holding the text.
 */
export function findHeadline(doc: Document, title: string, kept: Set<Text>): Element | null {
  const titleWords = new Set(words(title));
  const first = kept.values().next().value;
  const container = first?.parentElement?.closest('article, main, [role="main"]') ?? null;
  for (const heading of doc.querySelectorAll('h1, h2')) {
    if (heading.closest('nav, aside, footer, [role="navigation"], [role="complementary"]')) continue;
    const headingWords = words(heading.textContent ?? '');
    if (headingWords.length === 0) continue;
    const shared = headingWords.filter((w) => titleWords.has(w)).length;
    const carriesTitle =
      titleWords.size > 0 && shared / Math.min(headingWords.length, titleWords.size) >= 0.6;
    const headsArticle = heading.tagName === 'H1' && container !== null && container.contains(heading);
    if (!carriesTitle && !headsArticle) continue;
    if (textNodesOf(heading).some((node) => kept.has(node))) return null; // already in the article
    return heading;
  }
  return null;
}

/** Unicode-aware words (Readability's own \W split sees no Arabic words). */
function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

function textNodesOf(el: Element): Text[] {
  const out: Text[] = [];
  const walker = el.ownerDocument.createTreeWalker(el, 4);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) out.push(node as Text);
  return out;
}

function commonAncestor(nodes: Set<Text>): Node {
  let root: Node | null = null;
  for (const node of nodes) {
    if (!root) root = node.parentNode ?? node;
    while (root && !root.contains(node)) root = root.parentNode;
  }
  return root ?? (nodes.values().next().value as Text).ownerDocument;
}

/** Per-element visibility, cached: a hidden ancestor hides every text node below it. */
function visibilityChecker(): (el: Element | null) => boolean {
  const cache = new Map<Element, boolean>();
  return (el) => {
    if (!el) return false;
    let visible = cache.get(el);
    if (visible === undefined) {
      // checkVisibility is missing in some engines (and in happy-dom): then trust the markup.
      visible =
        typeof el.checkVisibility === 'function' ? el.checkVisibility({ checkVisibilityCSS: true }) : true;
      cache.set(el, visible);
    }
    return visible;
  };
}
