// Parses the curated entity source (corpus/entities.txt) into the dictionary's Entity records.
// The format is documented at the top of that file. Pure: text in, entities out, or an
// EntitySourceError naming the file, the line and what is wrong — the builder stops on it.

import { formKey } from '../../lib/entities/shared-forms';
import { ENTITY_TYPES, type Entity, type EntityType } from '../../lib/entities/types';

/** A malformed curated entry: where it is and why, in words a curator understands. */
export class EntitySourceError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly reason: string,
  ) {
    super(`${file}:${line}: ${reason}`);
    this.name = 'EntitySourceError';
  }
}

type Lang = 'ar' | 'en';
type ListField = 'aliases' | 'demonyms' | 'surnames';
type Key =
  | { kind: 'type' }
  | { kind: 'as-of' }
  | { kind: 'name'; lang: Lang }
  | { kind: 'description'; lang: Lang }
  | { kind: 'list'; field: ListField; lang: Lang };

// The keys a curator may write, mapped to the Entity field they fill.
const KEYS: ReadonlyMap<string, Key> = new Map<string, Key>([
  ['type', { kind: 'type' }],
  ['as-of', { kind: 'as-of' }],
  ['name.ar', { kind: 'name', lang: 'ar' }],
  ['name.en', { kind: 'name', lang: 'en' }],
  ['description.ar', { kind: 'description', lang: 'ar' }],
  ['description.en', { kind: 'description', lang: 'en' }],
  ['alias.ar', { kind: 'list', field: 'aliases', lang: 'ar' }],
  ['alias.en', { kind: 'list', field: 'aliases', lang: 'en' }],
  ['demonym.ar', { kind: 'list', field: 'demonyms', lang: 'ar' }],
  ['demonym.en', { kind: 'list', field: 'demonyms', lang: 'en' }],
  ['surname.ar', { kind: 'list', field: 'surnames', lang: 'ar' }],
  ['surname.en', { kind: 'list', field: 'surnames', lang: 'en' }],
]);

const ID_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const ARABIC_LETTER = /\p{Script=Arabic}/u;

export { formKey };

/** The forms that name an entity: names, aliases, demonyms (surnames count only after one of these). */
export const namingForms = (e: Entity): string[] => [
  e.names.ar,
  e.names.en,
  ...e.aliases.ar,
  ...e.aliases.en,
  ...e.demonyms.ar,
  ...e.demonyms.en,
];

/** The entities each folded naming form (formKey) belongs to, each entity once, in dictionary order. */
export function formOwners(entities: readonly Entity[]): Map<string, Entity[]> {
  const owners = new Map<string, Entity[]>();
  for (const e of entities)
    for (const f of namingForms(e)) {
      const key = formKey(f);
      const list = owners.get(key);
      if (list === undefined) owners.set(key, [e]);
      else if (!list.includes(e)) list.push(e);
    }
  return owners;
}

/** Every form curated for an entity, surnames included. */
export const allForms = (e: Entity): string[] => [...namingForms(e), ...e.surnames.ar, ...e.surnames.en];

/** The lines of a list file: trimmed, without blank lines and # comments. */
export function listLines(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
}

interface Form {
  value: string;
  key: string;
  line: number;
  field: 'name' | ListField;
}

// An entity while its block is read: fields plus the line each came from, for later checks.
interface Draft {
  id: string;
  line: number;
  type?: EntityType;
  asOf?: string;
  names: Partial<Record<Lang, string>>;
  descriptions: Partial<Record<Lang, string>>;
  lists: Record<ListField, Record<Lang, string[]>>;
  seen: Map<string, number>; // single-valued key → line, to reject repeats
  forms: Form[];
}

function newDraft(id: string, line: number): Draft {
  return {
    id,
    line,
    names: {},
    descriptions: {},
    lists: { aliases: { ar: [], en: [] }, demonyms: { ar: [], en: [] }, surnames: { ar: [], en: [] } },
    seen: new Map(),
    forms: [],
  };
}

const FIELD_WORDS: Record<Form['field'], string> = {
  name: 'name',
  aliases: 'alias',
  demonyms: 'demonym',
  surnames: 'surname',
};

/**
 * Parse a curated source. `file` names it in error messages; `source` is the provenance each entity
 * records. Entities come back in file order; the builder sorts them. A form two entities share is
 * not an error here: the builder records it and the matcher decides (DESIGN.md §3, ambiguity).
 */
export function parseEntitySource(text: string, file: string, source: string = file): Entity[] {
  const fail: Fail = (line, reason) => {
    throw new EntitySourceError(file, line, reason);
  };
  const lines = text.replace(/^\uFEFF/, '').split('\n');
  const entities: Entity[] = [];
  const idLines = new Map<string, number>();
  let draft: Draft | undefined;

  const finish = (d: Draft): void => {
    entities.push(finishDraft(d, fail, source));
  };

  for (const [index, raw] of lines.entries()) {
    const lineNo = index + 1;
    const line = raw.replace(/\r$/, '').trim();
    if (line === '' || line.startsWith('#')) continue;

    if (line.startsWith('[')) {
      const m = /^\[(.*)\]$/.exec(line);
      if (!m) fail(lineNo, `an entity header must look like [some-id], got "${line}"`);
      const id = (m[1] ?? '').trim();
      if (!ID_RE.test(id)) {
        fail(
          lineNo,
          `invalid id "${id}": use lower-case ASCII letters and digits joined by single hyphens, e.g. [edi-rama]`,
        );
      }
      const previous = idLines.get(id);
      if (previous !== undefined) fail(lineNo, `duplicate id "${id}": already used on line ${previous}`);
      if (draft) finish(draft);
      idLines.set(id, lineNo);
      draft = newDraft(id, lineNo);
      continue;
    }

    const colon = line.indexOf(':');
    if (colon < 0) {
      fail(lineNo, `expected "[id]", "key: value", a # comment or a blank line, got "${line}"`);
    }
    const keyName = line.slice(0, colon).trim();
    const value = line
      .slice(colon + 1)
      .trim()
      .replace(/\s+/g, ' ')
      .normalize('NFC');
    const key = KEYS.get(keyName);
    if (!key) fail(lineNo, `unknown key "${keyName}"; known keys: ${[...KEYS.keys()].join(', ')}`);
    if (!draft) fail(lineNo, `"${keyName}" comes before any entity; start an entity with a [id] line`);
    if (value === '') fail(lineNo, `"${keyName}" has no value`);
    addField(draft, key, keyName, value, lineNo, fail);
  }
  if (draft) finish(draft);
  return entities;
}

type Fail = (line: number, reason: string) => never;

function addField(d: Draft, key: Key, keyName: string, value: string, line: number, fail: Fail): void {
  if (key.kind !== 'list') {
    const earlier = d.seen.get(keyName);
    if (earlier !== undefined)
      fail(line, `"${keyName}" given twice for [${d.id}] (first on line ${earlier})`);
    d.seen.set(keyName, line);
  }
  switch (key.kind) {
    case 'type': {
      const type = ENTITY_TYPES.find((t) => t === value);
      if (!type) fail(line, `unknown type "${value}"; use one of: ${ENTITY_TYPES.join(', ')}`);
      d.type = type;
      return;
    }
    case 'as-of':
      if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(value))
        fail(line, `"as-of" must be a month as YYYY-MM, got "${value}"`);
      d.asOf = value;
      return;
    case 'name':
      checkScript(value, key.lang, keyName, line, fail);
      d.names[key.lang] = value;
      addForm(d, { value, key: formKey(value), line, field: 'name' }, fail);
      return;
    case 'description':
      checkScript(value, key.lang, keyName, line, fail);
      d.descriptions[key.lang] = value;
      return;
    case 'list':
      for (const item of value.split('|').map((s) => s.trim())) {
        if (item === '') fail(line, `"${keyName}" has an empty item (check the | separators)`);
        checkScript(item, key.lang, keyName, line, fail);
        d.lists[key.field][key.lang].push(item);
        addForm(d, { value: item, key: formKey(item), line, field: key.field }, fail);
      }
  }
}

// Catches swapped or mistyped fields: an Arabic value without Arabic letters, or the reverse.
function checkScript(value: string, lang: Lang, keyName: string, line: number, fail: Fail): void {
  const arabic = ARABIC_LETTER.test(value);
  if (lang === 'ar' && !arabic)
    fail(line, `"${keyName}" should be Arabic, but "${value}" has no Arabic letter`);
  if (lang === 'en' && arabic) fail(line, `"${keyName}" should not contain Arabic letters: "${value}"`);
}

// Within one entity a form listed twice (after folding) does nothing: the matcher already finds it.
function addForm(d: Draft, form: Form, fail: Fail): void {
  if (form.key === '') fail(form.line, `"${form.value}" has no letters or digits to match`);
  if (/[,،()[\]/]/.test(form.value))
    fail(
      form.line,
      `"${form.value}" cannot be matched: the matcher reads no name across a comma, a bracket or a slash (write the form the press uses without it, and the full name in the description)`,
    );
  // The matcher crosses a dot only after a word of one or two letters (U.S., St. Petersburg).
  if (/\p{L}{3}\.\p{L}/u.test(form.value))
    fail(
      form.line,
      `"${form.value}" cannot be matched: a dot after a word of three letters or more ends a name for the matcher (write the name without its web address: Amazon.com is found as Amazon)`,
    );
  const same = d.forms.find((f) => f.key === form.key);
  if (same) {
    fail(
      form.line,
      `${FIELD_WORDS[form.field]} "${form.value}" is the same as the ${FIELD_WORDS[same.field]} "${same.value}" ` +
        `(line ${same.line}) once diacritics, hamza, alef forms and Latin case are ignored — list it once`,
    );
  }
  d.forms.push(form);
}

function finishDraft(d: Draft, fail: Fail, source: string): Entity {
  const { type } = d;
  if (!type) return fail(d.line, `[${d.id}] has no "type:" line (${ENTITY_TYPES.join(' | ')})`);
  for (const lang of ['ar', 'en'] as const) {
    if (!d.names[lang]) fail(d.line, `[${d.id}] has no "name.${lang}:" line`);
    if (!d.descriptions[lang]) fail(d.line, `[${d.id}] has no "description.${lang}:" line`);
  }
  for (const form of d.forms) {
    if (form.field === 'demonyms' && type !== 'place') {
      fail(form.line, `demonyms are for places only, but [${d.id}] is a ${type}`);
    }
    if (form.field === 'surnames') {
      if (type !== 'person') fail(form.line, `surnames are for people only, but [${d.id}] is a ${type}`);
      // A surname must be a word of one of the person's names, which catches typos.
      const words = new Set(
        d.forms.filter((f) => f.field === 'name' || f.field === 'aliases').flatMap((f) => f.key.split(' ')),
      );
      if (!form.key.split(' ').every((w) => words.has(w))) {
        fail(form.line, `surname "${form.value}" is not a word of [${d.id}]'s names or aliases`);
      }
    }
  }
  return {
    id: d.id,
    type,
    names: { ar: d.names.ar ?? '', en: d.names.en ?? '' },
    aliases: d.lists.aliases,
    demonyms: d.lists.demonyms,
    surnames: d.lists.surnames,
    description: { ar: d.descriptions.ar ?? '', en: d.descriptions.en ?? '' },
    source,
    ...(d.asOf ? { asOf: d.asOf } : {}),
  };
}
