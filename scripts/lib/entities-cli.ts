// `npm run entities -- FILE...`: the entities the shipped dictionary finds in text or HTML files,
// one JSON line per file. The logic lives here so tests call it without spawning a process.
//
// Offsets are UTF-16 code units into the file's text:
//   .txt        the file decoded as UTF-8, a leading byte order mark removed (as TextDecoder and
//               browsers do), so `text === content.slice(start, end)` for that decoded content;
//   .html/.htm  Readability's article text (`textContent` of the parsed article).
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { isProbablyReaderable, Readability } from '@mozilla/readability';
import { Window } from 'happy-dom';
import { compileMatcher } from '../../lib/entities/matcher';
import type { Dictionary, EntityType, MentionKind } from '../../lib/entities/types';

export interface CliMention {
  start: number;
  end: number;
  text: string;
  kind: MentionKind;
  entity: { id: string; type: EntityType; names: { ar: string; en: string } };
}

export interface CliResult {
  file: string;
  mentions: CliMention[];
}

/** A file that could not be analysed, with a reason a user understands. */
export class FileError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
    this.name = 'FileError';
  }
}

export interface Output {
  out: (line: string) => void;
  err: (line: string) => void;
}

/** Analyses every file, printing a JSON line per file or an error line; returns the exit code. */
export async function runEntities(
  files: readonly string[],
  dictionary: Dictionary,
  io: Output,
): Promise<number> {
  if (files.length === 0) {
    io.err('usage: npm run entities -- FILE... (each a .txt or .html file)');
    return 2;
  }
  const failed = await findInFiles(
    files,
    dictionary,
    (result) => io.out(JSON.stringify(result)),
    (error) => io.err(`entities: ${error.message}`),
  );
  return failed ? 2 : 0;
}

/**
 * Finds the dictionary's entities in each file, in order: `found` gets each file's result, `failed`
 * each file that could not be read or has no article (the others are still analysed). Returns true
 * when a file failed.
 */
export async function findInFiles(
  files: readonly string[],
  dictionary: Dictionary,
  found: (result: CliResult) => void,
  failed: (error: FileError) => void,
): Promise<boolean> {
  const analyse = entityFinder(dictionary);
  let anyFailed = false;
  for (const file of files) {
    try {
      found(analyse(file, await fileText(file)));
    } catch (error) {
      if (!(error instanceof FileError)) throw error;
      failed(error);
      anyFailed = true;
    }
  }
  return anyFailed;
}

/** A function from (file name, text) to the mentions of the dictionary's entities in it. */
export function entityFinder(dictionary: Dictionary): (file: string, text: string) => CliResult {
  const matcher = compileMatcher(dictionary);
  const byId = new Map(dictionary.entities.map((e) => [e.id, e]));
  return (file, text) => ({
    file,
    mentions: matcher.match(text).flatMap((m) => {
      const e = byId.get(m.entityId);
      if (!e) return [];
      const entity = { id: e.id, type: e.type, names: { ar: e.names.ar, en: e.names.en } };
      return [{ start: m.start, end: m.end, text: text.slice(m.start, m.end), kind: m.kind, entity }];
    }),
  });
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The text to analyse: a .txt file's content, or an HTML file's article as Readability sees it. */
export async function fileText(file: string): Promise<string> {
  const type = extname(file).toLowerCase();
  if (type !== '.txt' && type !== '.html' && type !== '.htm') {
    throw new FileError(file, 'unsupported file type; give a .txt or .html file');
  }
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (error) {
    throw new FileError(file, `cannot read the file (${describe(error)})`);
  }
  let content: string;
  try {
    content = utf8.decode(bytes); // removes a leading byte order mark
  } catch {
    throw new FileError(file, 'not valid UTF-8; save the file as UTF-8');
  }
  return type === '.txt' ? content : articleText(file, content);
}

// Readability returns its best guess even for a page of links ("menu"). A page counts as having an
// article when it has at least a paragraph or so of text (isProbablyReaderable's defaults, 140
// characters and a score of 20, would turn away short test pages).
const READERABLE = { minContentLength: 20, minScore: 5 };

/** Readability's article text of an HTML document, parsed with happy-dom. */
export function articleText(file: string, html: string): string {
  const window = new Window({ url: 'https://localhost/' });
  try {
    // happy-dom's Document implements the DOM Readability walks; its types are its own.
    const doc = new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
    const article = isProbablyReaderable(doc, READERABLE) ? new Readability(doc).parse() : null;
    const text = article?.textContent ?? '';
    if (text.trim() === '') throw new FileError(file, 'no article found in the HTML');
    return text;
  } finally {
    void window.happyDOM.close();
  }
}

function describe(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES') return 'permission denied';
  if (code === 'EISDIR') return 'it is a folder';
  if (typeof code === 'string') return code;
  return error instanceof Error ? error.message : String(error);
}
