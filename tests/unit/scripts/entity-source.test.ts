import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EntitySourceError, parseEntitySource } from '../../../scripts/lib/entity-source';

const FILE = 'corpus/entities.txt';

const RAMA = `[edi-rama]
type: person
name.ar: إيدي راما
name.en: Edi Rama
alias.en: Edvin Rama
surname.ar: راما
surname.en: Rama
description.ar: رئيس وزراء ألبانيا
description.en: Prime Minister of Albania
`;

const IRAN = `[iran]
type: place
name.ar: إيران
name.en: Iran
alias.ar: الجمهورية الإسلامية الإيرانية
alias.en: Islamic Republic of Iran
demonym.en: Iranian | Iranians
description.ar: دولة في غرب آسيا
description.en: Country in western Asia
`;

/** The error thrown for `text`, checked to carry file, line and reason. */
function errorOf(text: string): EntitySourceError {
  try {
    parseEntitySource(text, FILE);
  } catch (error) {
    expect(error).toBeInstanceOf(EntitySourceError);
    const e = error as EntitySourceError;
    expect(e.file).toBe(FILE);
    expect(e.message).toBe(`${FILE}:${e.line}: ${e.reason}`);
    return e;
  }
  throw new Error('expected the source to be rejected');
}

describe('parseEntitySource', () => {
  it('reads an entity block into the Entity shape', () => {
    expect(parseEntitySource(`# comment\n\n${RAMA}`, FILE)).toEqual([
      {
        id: 'edi-rama',
        source: FILE,
        type: 'person',
        names: { ar: 'إيدي راما', en: 'Edi Rama' },
        aliases: { ar: [], en: ['Edvin Rama'] },
        demonyms: { ar: [], en: [] },
        surnames: { ar: ['راما'], en: ['Rama'] },
        description: { ar: 'رئيس وزراء ألبانيا', en: 'Prime Minister of Albania' },
      },
    ]);
  });

  it('splits lists on |, appends repeated list keys and keeps file order', () => {
    const text = `${IRAN}alias.en: Persia\n\n${RAMA}`;
    const [iran, rama] = parseEntitySource(text, FILE);
    expect(iran?.aliases.en).toEqual(['Islamic Republic of Iran', 'Persia']);
    expect(iran?.demonyms.en).toEqual(['Iranian', 'Iranians']);
    expect(rama?.id).toBe('edi-rama');
  });

  it('accepts a byte order mark, CRLF line ends and extra spaces', () => {
    const text = `\uFEFF${RAMA.replace('name.en: Edi Rama', 'name.en:   Edi    Rama  ')}`.replace(
      /\n/g,
      '\r\n',
    );
    const [rama] = parseEntitySource(text, FILE);
    expect(rama?.names.en).toBe('Edi Rama');
    expect(rama?.description.en).toBe('Prime Minister of Albania');
  });

  it('lets two people share a surname (the full name on the page tells them apart)', () => {
    const other = RAMA.replace('[edi-rama]', '[olta-rama]')
      .replace('إيدي راما', 'أولتا راما')
      .replace('Edi Rama', 'Olta Rama')
      .replace('alias.en: Edvin Rama\n', '');
    expect(parseEntitySource(RAMA + other, FILE)).toHaveLength(2);
  });

  it('lets two entities share a form: the builder records it and the matcher decides', () => {
    // ايران folds to the same form as إيران.
    const shared = RAMA.replace('alias.en: Edvin Rama', 'alias.ar: ايران');
    expect(parseEntitySource(IRAN + shared, FILE).map((e) => e.id)).toEqual(['iran', 'edi-rama']);
  });

  it('records the source it is given and an as-of month', () => {
    const [rama] = parseEntitySource(
      RAMA.replace('type: person', 'type: person\nas-of: 2025-06'),
      FILE,
      'curated',
    );
    expect(rama?.source).toBe('curated');
    expect(rama?.asOf).toBe('2025-06');
  });

  it('parses the shipped curated source, with every entity of the seed story', () => {
    const entities = parseEntitySource(readFileSync(FILE, 'utf8'), FILE);
    const ids = new Set(entities.map((e) => e.id));
    for (const id of [
      'edi-rama',
      'john-hultquist',
      'mandiant',
      'white-house',
      'us-national-security-council',
      'mujahedin-e-khalq',
      'cuba-ransomware',
      'nato',
      'albania',
      'iran',
      'tirana',
      'tehran',
      'united-states',
      'durres',
      'montenegro',
    ]) {
      expect(ids, id).toContain(id);
    }
    for (const e of entities) {
      expect(e.description.ar, e.id).not.toBe('');
      if (e.type !== 'place') expect(e.demonyms, e.id).toEqual({ ar: [], en: [] });
      if (e.type !== 'person') expect(e.surnames, e.id).toEqual({ ar: [], en: [] });
    }
  });
});

describe('parseEntitySource errors name the line and the problem', () => {
  const cases: [string, string, number, RegExp][] = [
    ['unknown key', RAMA.replace('alias.en:', 'aliases.en:'), 5, /unknown key "aliases\.en"/],
    ['missing type', RAMA.replace('type: person\n', ''), 1, /\[edi-rama\] has no "type:" line/],
    ['missing Arabic name', RAMA.replace('name.ar: إيدي راما\n', ''), 1, /no "name\.ar:" line/],
    [
      'missing description',
      RAMA.replace('description.en: Prime Minister of Albania\n', ''),
      1,
      /description\.en/,
    ],
    ['unknown type', RAMA.replace('type: person', 'type: politician'), 2, /unknown type "politician"/],
    ['duplicate id', RAMA + RAMA, 10, /duplicate id "edi-rama": already used on line 1/],
    ['invalid id characters', RAMA.replace('[edi-rama]', '[Edi Rama]'), 1, /invalid id "Edi Rama"/],
    ['id with a double hyphen', RAMA.replace('[edi-rama]', '[edi--rama]'), 1, /invalid id/],
    ['unclosed header', RAMA.replace('[edi-rama]', '[edi-rama'), 1, /must look like \[some-id\]/],
    ['key before any entity', `type: person\n${RAMA}`, 1, /comes before any entity/],
    ['line without a key', RAMA.replace('type: person', 'person'), 2, /expected "\[id\]", "key: value"/],
    ['empty value', RAMA.replace('alias.en: Edvin Rama', 'alias.en:'), 5, /"alias\.en" has no value/],
    ['empty list item', RAMA.replace('alias.en: Edvin Rama', 'alias.en: Edvin Rama ||'), 5, /empty item/],
    ['single key given twice', RAMA.replace('type: person', 'type: person\ntype: person'), 3, /given twice/],
    [
      'Arabic field without Arabic',
      RAMA.replace('surname.ar: راما', 'surname.ar: Rama'),
      6,
      /should be Arabic/,
    ],
    [
      'English field in Arabic',
      RAMA.replace('alias.en: Edvin Rama', 'alias.en: إدفين راما'),
      5,
      /not contain Arabic/,
    ],
    ['demonym on a person', RAMA.replace('alias.en: Edvin Rama', 'demonym.en: Ramaian'), 5, /places only/],
    [
      'surname on a place',
      IRAN.replace('demonym.en: Iranian | Iranians', 'surname.en: Persia'),
      7,
      /people only/,
    ],
    [
      'surname that is not a word of the name',
      RAMA.replace('surname.en: Rama', 'surname.en: Ramo'),
      7,
      /not a word/,
    ],
  ];
  for (const [what, text, line, reason] of cases) {
    it(what, () => {
      const e = errorOf(text);
      expect(e.reason).toMatch(reason);
      expect(e.line).toBe(line);
    });
  }

  it('rejects an as-of that is not a month', () => {
    const e = errorOf(RAMA.replace('type: person', 'type: person\nas-of: June 2025'));
    expect(e.line).toBe(3);
    expect(e.reason).toBe('"as-of" must be a month as YYYY-MM, got "June 2025"');
  });

  it('rejects a form listed twice in one entity once folded (it adds nothing)', () => {
    const e = errorOf(RAMA.replace('alias.en: Edvin Rama', 'alias.ar: ايدي راما'));
    expect(e.line).toBe(5);
    expect(e.reason).toMatch(/alias "ايدي راما" is the same as the name "إيدي راما" \(line 3\)/);
  });

  it('rejects a form with a comma, a bracket or a slash, which no name can cross', () => {
    for (const form of ['Rama, Edi', 'Edi Rama (Albania)', 'Rama/Edi', 'راما، إيدي']) {
      const e = errorOf(
        RAMA.replace('alias.en: Edvin Rama', `alias.${/[a-z]/i.test(form) ? 'en' : 'ar'}: ${form}`),
      );
      expect(e.line).toBe(5);
      expect(e.reason).toMatch(
        /cannot be matched: the matcher reads no name across a comma, a bracket or a slash/,
      );
    }
  });

  it('rejects a web address, whose dot ends a name for the matcher (Amazon.com is found as Amazon)', () => {
    for (const form of ['Rama.com', 'EdiRama.org', 'news.rama.al']) {
      const e = errorOf(RAMA.replace('alias.en: Edvin Rama', `alias.en: ${form}`));
      expect(e.line).toBe(5);
      expect(e.reason).toMatch(/cannot be matched: a dot after a word of three letters or more ends a name/);
    }
    // A dot after a word of one or two letters is crossed: U.S., St. Petersburg, J. Smith.
    expect(() =>
      parseEntitySource(RAMA.replace('alias.en: Edvin Rama', 'alias.en: E. Rama'), FILE),
    ).not.toThrow();
  });

  it('rejects a form with nothing to match', () => {
    expect(errorOf(RAMA.replace('alias.en: Edvin Rama', 'alias.en: ---')).reason).toMatch(
      /no letters or digits/,
    );
  });
});
