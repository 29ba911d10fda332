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

/**
 * Extracts the article of `doc`. Returns null when Readability finds no article.
 * `doc` is never modified.
 */
export function extractArticle(doc: Document): ExtractedArticle | null {
  const clone = doc.cloneNode(true) as Document;
  const liveOf = pairTextNodes(clone, doc);
  const parsed = new Readability<Node>(clone, { serializer: (el) => el }).parse();
  if (!parsed?.content) return null;

  const kept = new Set<Text>();
  const walker = clone.createTreeWalker(parsed.content, 4 /* SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const live = liveOf.get(node as Text);
    if (live) kept.add(live);
  }
  const headline = findHeadline(doc, parsed.title ?? '', kept);
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
    title: parsed.title ?? doc.title,
    byline: parsed.byline ?? null,
    excerpt: parsed.excerpt ?? null,
    siteName: parsed.siteName ?? null,
    lang: parsed.lang || doc.documentElement.lang || null,
    model,
  };
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
