// A pack source as a table: CSV or TSV (Papa Parse), one entity per row, a header row naming the
// columns. Required: type, name_ar, name_en (one of the two names may be empty in a row). Optional:
// id, aliases (Arabic and English mixed, split on | or ;), aliases_ar, aliases_en, description_ar,
// description_en, demonyms, surnames, as_of. Any problem stops the read with file:line.
import Papa from 'papaparse';
import type { EntityType } from '../entities/types';
import type { PackEntity } from './format';
import { PackSourceError } from './source';
import { languageOf, slugOf, TYPE_WORDS_HELP, typeFromWord } from './types';

const REQUIRED = ['type', 'name_ar', 'name_en'] as const;
const OPTIONAL = [
  'id',
  'aliases',
  'aliases_ar',
  'aliases_en',
  'description_ar',
  'description_en',
  'demonyms',
  'surnames',
  'as_of',
] as const;
type Column = (typeof REQUIRED)[number] | (typeof OPTIONAL)[number];
const KNOWN: ReadonlySet<string> = new Set([...REQUIRED, ...OPTIONAL]);

/** Header cells as column names: trimmed, lower case, spaces and hyphens as underscores. */
const columnName = (cell: string) =>
  cell
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');

const splitForms = (cell: string | undefined): string[] =>
  (cell ?? '')
    .split(/[|;]/)
    .map((f) => f.trim())
    .filter((f) => f !== '');

/** The delimiter a file's name implies: tab for .tsv/.tab, comma for .csv, else guessed. */
export function delimiterFor(file: string): string | undefined {
  if (/\.(tsv|tab)$/i.test(file)) return '\t';
  if (/\.csv$/i.test(file)) return ',';
  return undefined;
}

/** The entities of a CSV/TSV source, in row order; `file` names it in errors and provenance. */
export function parseEntityTable(text: string, file: string): PackEntity[] {
  const source = text.replace(/\r\n?/g, '\n');
  const entities: PackEntity[] = [];
  const ids = new Map<string, number>();
  let columns: (Column | undefined)[] | undefined;
  let line = 1;
  let scanned = 0; // offset up to which `line` counts the newlines
  let rowStart = 0;
  const lineAt = (offset: number) => {
    for (; scanned < offset; scanned++) if (source.charCodeAt(scanned) === 10) line++;
    return line;
  };
  Papa.parse<string[]>(source, {
    delimiter: delimiterFor(file) ?? '',
    newline: '\n',
    skipEmptyLines: 'greedy',
    step: (result, parser) => {
      let start = rowStart;
      while (start < source.length && /\s/.test(source[start] as string)) start++;
      rowStart = result.meta.cursor;
      const at = lineAt(start);
      const error = result.errors[0];
      if (error) {
        parser.abort();
        throw new PackSourceError(
          file,
          at,
          `${error.message.toLowerCase()} (a quote opened and never closed?)`,
        );
      }
      const cells = result.data;
      if (!columns) {
        columns = readHeader(cells, file, at);
        return;
      }
      if (cells.length !== columns.length)
        throw new PackSourceError(
          file,
          at,
          `${cells.length} columns where the header has ${columns.length}${cells.length < columns.length ? ' (a missing delimiter?)' : ' (a delimiter inside a value that needs "quotes"?)'}`,
        );
      const row = new Map<Column, string>();
      columns.forEach((column, i) => {
        if (column) row.set(column, (cells[i] ?? '').trim());
      });
      const entity = readRow(row, file, at);
      const first = ids.get(entity.id);
      if (first !== undefined)
        throw new PackSourceError(file, at, `the id "${entity.id}" is already used on line ${first}`);
      ids.set(entity.id, at);
      entities.push(entity);
    },
  });
  if (!columns)
    throw new PackSourceError(
      file,
      undefined,
      `the file is empty: it needs a header row (${REQUIRED.join(', ')})`,
    );
  return entities;
}

function readHeader(cells: string[], file: string, line: number): (Column | undefined)[] {
  const names = cells.map(columnName);
  for (const name of names) {
    if (name !== '' && !KNOWN.has(name))
      throw new PackSourceError(
        file,
        line,
        `unknown column "${name}"; the columns are ${[...REQUIRED, ...OPTIONAL].join(', ')}`,
      );
  }
  const missing = REQUIRED.filter((c) => !names.includes(c));
  if (missing.length > 0)
    throw new PackSourceError(
      file,
      line,
      `missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}: the header row needs ${REQUIRED.join(', ')}${names.length === 1 ? ' (is the delimiter right? .csv is read with commas, .tsv with tabs)' : ''}`,
    );
  const seen = new Set<string>();
  for (const name of names) {
    if (name !== '' && seen.has(name))
      throw new PackSourceError(file, line, `the column "${name}" appears twice`);
    seen.add(name);
  }
  return names.map((n) => (KNOWN.has(n) ? (n as Column) : undefined));
}

function readRow(row: ReadonlyMap<Column, string>, file: string, line: number): PackEntity {
  const typeWord = row.get('type') ?? '';
  const type: EntityType | undefined = typeFromWord(typeWord);
  if (!type)
    throw new PackSourceError(
      file,
      line,
      typeWord === ''
        ? `no type; the types are ${TYPE_WORDS_HELP}`
        : `unknown type "${typeWord}"; the types are ${TYPE_WORDS_HELP}`,
    );
  const names = { ar: row.get('name_ar') ?? '', en: row.get('name_en') ?? '' };
  if (names.ar === '' && names.en === '')
    throw new PackSourceError(file, line, 'no name: fill name_ar or name_en');
  if (names.ar !== '' && languageOf(names.ar) !== 'ar')
    throw new PackSourceError(
      file,
      line,
      `name_ar "${names.ar}" has no Arabic letter (are the name columns swapped?)`,
    );
  const byLanguage = (forms: string[]) => ({
    ar: forms.filter((f) => languageOf(f) === 'ar'),
    en: forms.filter((f) => languageOf(f) === 'en'),
  });
  const aliases = byLanguage(splitForms(row.get('aliases')));
  aliases.ar.push(...splitForms(row.get('aliases_ar')));
  aliases.en.push(...splitForms(row.get('aliases_en')));
  const asOf = row.get('as_of') ?? '';
  if (asOf !== '' && !/^\d{4}-(0[1-9]|1[0-2])$/.test(asOf))
    throw new PackSourceError(file, line, `as_of "${asOf}" is not a month written YYYY-MM`);
  const id = row.get('id') || slugOf(names.en || names.ar);
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id))
    throw new PackSourceError(file, line, `the id "${id}" is not lower-case letters, digits and hyphens`);
  return {
    id,
    type,
    names,
    aliases,
    demonyms: byLanguage(splitForms(row.get('demonyms'))),
    surnames: byLanguage(splitForms(row.get('surnames'))),
    description: { ar: row.get('description_ar') ?? '', en: row.get('description_en') ?? '' },
    source: `${file}:${line}`,
    ...(asOf ? { asOf } : {}),
  };
}
