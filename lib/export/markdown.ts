// Markdown export: readable anywhere, Obsidian first (YAML front matter it reads as properties).
// One section per article, each passage a blockquote followed by its note and tags. The reader's
// text is escaped so it stays text: no HTML, links, tags or headings come out of a note.
//
// Direction: viewers that choose a block's direction from its first strong character
// (dir="auto": GitHub, Obsidian's RTL detection) would lay out an Arabic passage that starts with
// a Latin name or a digit left to right, so every line of a right-to-left passage starts with
// U+200F RIGHT-TO-LEFT MARK, which prints nothing. (Unicode isolates would not do: the
// first-strong rule skips what is inside an isolate; checked in Chromium, docs/EXPORT-FORMAT.md.)
import type { AnnotationRecord, ArticleRecord } from '../notes/model';
import { isRightToLeft, RLM } from './direction';
import { type ExportFile, exportFileName } from './file-name';
import { groupByArticle } from './order';

const BLOCK_SEPARATOR = '\u2029';

/**
 * Escapes Markdown (CommonMark, GFM and Obsidian's extras) in one line of the reader's text:
 * a backslash before every character that could start markup.
 */
export function escapeMarkdownLine(line: string): string {
  let out = line
    .trimStart() // leading spaces would make an indented code block
    .replace(/[\\`*_[\]<>&|~#$^{}]/g, '\\$&')
    .replace(/%%/g, '\\%\\%') // Obsidian comment
    .replace(/==/g, '\\=\\='); // Obsidian highlight
  // Line starts that make lists, headings (setext) or quotes.
  out = out.replace(/^([-+=])/, '\\$1').replace(/^(\d+)([.)])/, '$1\\$2');
  return out;
}

/** Paragraphs of `text` (blank lines or block separators between them), each a list of lines. */
function paragraphs(text: string): string[][] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(new RegExp(`\\n\\s*\\n|${BLOCK_SEPARATOR}`))
    .map((p) =>
      p
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line !== ''),
    )
    .filter((lines) => lines.length > 0);
}

/** The text as Markdown paragraphs, each line escaped and marked right-to-left when the text is. */
function markdownText(text: string, linePrefix = ''): string {
  const mark = isRightToLeft(text) ? RLM : '';
  return paragraphs(text)
    .map((lines) =>
      lines
        .map(
          (line, k) => `${linePrefix}${mark}${escapeMarkdownLine(line)}${k < lines.length - 1 ? '\\' : ''}`,
        )
        .join('\n'),
    )
    .join(`\n${linePrefix.trimEnd()}\n`);
}

/** A link only for http(s) URLs; anything else (javascript:, data:) stays escaped text. */
function markdownLink(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.protocol === 'http:' || parsed.protocol === 'https:') return `<${parsed.href}>`;
  } catch {
    // not a URL: shown as text below
  }
  return escapeMarkdownLine(url);
}

function day(iso: string): string {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? '' : new Date(t).toISOString().slice(0, 10);
}

/** A YAML scalar: YAML 1.2 reads JSON strings; line and paragraph separators escaped for older readers. */
function yamlString(s: string): string {
  return JSON.stringify(s).replace(
    /[\u0085\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** A tag as Obsidian accepts it in the `tags` property: letters, digits, _ - /, not only digits. */
export function obsidianTag(tag: string): string | null {
  const t = tag
    .trim()
    .replace(/^#+/, '')
    .replace(/\s+/g, '-')
    .replace(/[^\p{L}\p{N}\p{M}_\-/]/gu, '');
  return t === '' || /^[\d\-_/]+$/.test(t) ? null : t;
}

function frontMatter(notes: number, articles: number, tags: string[], now: Date): string {
  const lines = [
    '---',
    `title: ${yamlString('Hashiya notes')}`,
    `exported: ${yamlString(now.toISOString())}`,
    `articles: ${articles}`,
    `notes: ${notes}`,
  ];
  if (tags.length > 0) lines.push('tags:', ...tags.map((t) => `  - ${yamlString(t)}`));
  lines.push('---');
  return lines.join('\n');
}

function noteSection(note: AnnotationRecord): string {
  const parts = [markdownText(note.quote.exact, '> ')];
  if (note.note.trim() !== '') parts.push(markdownText(note.note));
  const meta: string[] = [];
  if (note.tags.length > 0) meta.push(`Tags: ${note.tags.map(escapeMarkdownLine).join(', ')}`);
  meta.push(`Colour: ${note.colour}`, day(note.created));
  parts.push(`_${meta.join(' · ')}_`);
  return parts.join('\n\n');
}

function articleSection(article: ArticleRecord, notes: AnnotationRecord[]): string {
  const title = article.title.trim() !== '' ? article.title : article.url;
  const heading = `## ${markdownText(title.replace(/\s+/g, ' '))}`;
  const facts = [`- Link: ${markdownLink(article.url)}`];
  if (article.site !== '') facts.push(`- Site: ${escapeMarkdownLine(article.site)}`);
  if (article.byline.trim() !== '') facts.push(`- By: ${markdownText(article.byline.replace(/\s+/g, ' '))}`);
  facts.push(`- Saved: ${day(article.created)}`);
  return [heading, facts.join('\n'), ...notes.map(noteSection)].join('\n\n');
}

/** The Markdown file for these notes (deleted notes left out). */
export function exportMarkdown(
  articles: readonly ArticleRecord[],
  notes: readonly AnnotationRecord[],
  now: Date,
): ExportFile {
  const live = notes.filter((n) => n.deleted === undefined);
  const groups = groupByArticle(articles, live);
  const tags = new Set<string>();
  for (const n of live)
    for (const t of n.tags) {
      const tag = obsidianTag(t);
      if (tag !== null) tags.add(tag);
    }
  const text = [
    frontMatter(live.length, groups.length, [...tags].sort(), now),
    '# Hashiya notes',
    ...groups.map((g) => articleSection(g.article, g.notes)),
  ].join('\n\n');
  return { fileName: exportFileName(now, 'md'), mimeType: 'text/markdown', text: `${text}\n` };
}
