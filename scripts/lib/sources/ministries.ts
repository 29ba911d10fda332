// Ministries as a pattern rather than typed one by one: corpus/world/ministries.tsv lists countries
// with their adjectives; each gets the ministries the news names most, in both languages.
import type { Entity } from '../../../lib/entities/types';
import { formKey, namingForms } from '../entity-source';

interface Ministry {
  key: string;
  ar: string;
  /** Short Arabic form used alone with the adjective (الخارجية الإيرانية), or '' when it would be ambiguous. */
  arShort: string;
  en: string[];
  /** English "Ministry of …" names. */
  enOf: string[];
  what: { ar: string; en: string };
}

const MINISTRIES: readonly Ministry[] = [
  {
    key: 'foreign-ministry',
    ar: 'وزارة الخارجية',
    arShort: 'الخارجية',
    en: ['Foreign Ministry'],
    enOf: ['Ministry of Foreign Affairs'],
    what: { ar: 'وزارة الخارجية', en: 'foreign ministry' },
  },
  {
    key: 'defence-ministry',
    ar: 'وزارة الدفاع',
    arShort: '',
    en: ['Defence Ministry', 'Defense Ministry'],
    enOf: ['Ministry of Defence', 'Ministry of Defense'],
    what: { ar: 'وزارة الدفاع', en: 'defence ministry' },
  },
  {
    key: 'interior-ministry',
    ar: 'وزارة الداخلية',
    arShort: 'الداخلية',
    en: ['Interior Ministry'],
    enOf: ['Ministry of Interior', 'Ministry of the Interior'],
    what: { ar: 'وزارة الداخلية', en: 'interior ministry' },
  },
  {
    key: 'finance-ministry',
    ar: 'وزارة المالية',
    arShort: '',
    en: ['Finance Ministry'],
    enOf: ['Ministry of Finance'],
    what: { ar: 'وزارة المالية', en: 'finance ministry' },
  },
  {
    key: 'health-ministry',
    ar: 'وزارة الصحة',
    arShort: '',
    en: ['Health Ministry'],
    enOf: ['Ministry of Health'],
    what: { ar: 'وزارة الصحة', en: 'health ministry' },
  },
  {
    key: 'justice-ministry',
    ar: 'وزارة العدل',
    arShort: '',
    en: ['Justice Ministry'],
    enOf: ['Ministry of Justice'],
    what: { ar: 'وزارة العدل', en: 'justice ministry' },
  },
];

/** Countries written with "the" (the Netherlands), besides the United … and the … Republic. */
const WITH_THE = new Set([
  'Bahamas',
  'Comoros',
  'Gambia',
  'Maldives',
  'Netherlands',
  'Philippines',
  'Seychelles',
]);

/** A country's name after "of": the Netherlands, the United States, the Czech Republic, but Iran. */
function ofName(name: string): string {
  return WITH_THE.has(name) || /^United |Republic/.test(name) ? `the ${name}` : name;
}

/** A country's name as the news writes it before a body: Iran's, the Netherlands'. */
function possessive(name: string): string {
  return /s$/i.test(name) ? `${name}'` : `${name}'s`;
}

/**
 * The ministries of each listed country, skipping any whose forms an existing entity already has.
 * `fail` reports a malformed line; `source` is the provenance the entities record.
 */
export function ministryEntities(
  text: string,
  existing: readonly Entity[],
  source: string,
  fail: (line: number, reason: string) => never,
): Entity[] {
  const byId = new Map(existing.map((e) => [e.id, e]));
  const taken = new Set(existing.flatMap(namingForms).map(formKey));
  const out: Entity[] = [];
  text.split('\n').forEach((raw, index) => {
    const line = raw.replace(/\r$/, '').trim();
    if (line === '' || line.startsWith('#')) return;
    const [id, adjAr, adjEn, ...rest] = line.split('\t');
    if (!id || !adjAr || !adjEn || rest.length > 0)
      fail(
        index + 1,
        'expected three tab-separated columns: country id, Arabic adjective, English adjective',
      );
    const country = byId.get(id);
    if (!country) fail(index + 1, `no entity has the id "${id}"`);
    const nameEn = country.names.en;
    for (const m of MINISTRIES) {
      const ar = `${m.ar} ${adjAr}`;
      const en = `${adjEn} ${m.en[0]}`;
      const aliasesAr = m.arShort
        ? [`${m.arShort} ${adjAr}`, `${m.ar} في ${country.names.ar}`]
        : [`${m.ar} في ${country.names.ar}`];
      const aliasesEn = [
        ...m.en.slice(1).map((x) => `${adjEn} ${x}`),
        ...m.en.map((x) => `${possessive(nameEn)} ${x}`),
        ...m.enOf.flatMap((x) => [`${adjEn} ${x}`, `${x} of ${ofName(nameEn)}`]),
      ].filter((x) => formKey(x) !== formKey(en));
      const forms = [ar, en, ...aliasesAr, ...aliasesEn].map(formKey);
      if (forms.some((f) => taken.has(f))) continue;
      for (const f of forms) taken.add(f);
      out.push({
        id: `${id}-${m.key}`,
        type: 'government',
        names: { ar, en },
        aliases: { ar: aliasesAr, en: [...new Set(aliasesEn)] },
        demonyms: { ar: [], en: [] },
        surnames: { ar: [], en: [] },
        description: { ar: `${m.what.ar} في ${country.names.ar}`, en: `The ${m.what.en} of ${nameEn}` },
        source,
      });
    }
  });
  return out;
}
