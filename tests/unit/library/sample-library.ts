// Records for the export, import and library tests and the library bench: hand-made ones for
// named cases and a deterministic synthetic library of any size.

import { stableUuid } from '../../../lib/import/stable-id';
import type { AnnotationRecord, ArticleRecord, NoteColour } from '../../../lib/notes/model';
import { NOTE_COLOURS } from '../../../lib/notes/model';
import { type ReaderEntry, readerEntityId } from '../../../lib/reader-dictionary/model';
import { prng } from '../seeded-random';

export function article(overrides: Partial<ArticleRecord> = {}): ArticleRecord {
  return {
    id: 'https://news.example/2026/albania-iran',
    url: 'https://news.example/2026/albania-iran?utm_source=x',
    title: 'ألبانيا تقطع علاقاتها مع إيران',
    site: 'news.example',
    byline: 'مراسلنا في تيرانا',
    lang: 'ar',
    excerpt: 'قطعت ألبانيا العلاقات الدبلوماسية مع إيران.',
    created: '2026-11-01T09:00:00.000Z',
    modified: '2026-11-02T10:00:00.000Z',
    ...overrides,
  };
}

export function note(overrides: Partial<AnnotationRecord> = {}): AnnotationRecord {
  const exact = overrides.quote?.exact ?? 'وقال رئيس الوزراء الألباني إيدي راما';
  return {
    id: '0b6f1c2e-4d3a-4b5c-9d8e-7f6a5b4c3d2e',
    articleId: 'https://news.example/2026/albania-iran',
    quote: {
      type: 'TextQuoteSelector',
      exact,
      prefix: 'بعد إلقاء اللوم على طهران. ',
      suffix: ' في بيان مصور إن',
    },
    position: { type: 'TextPositionSelector', start: 120, end: 120 + exact.length },
    colour: 'yellow',
    note: 'أول رد رسمي',
    tags: ['ألبانيا', 'cyber'],
    entityIds: ['edi-rama', 'albania'],
    created: '2026-11-01T09:05:00.000Z',
    modified: '2026-11-01T09:05:00.000Z',
    ...overrides,
  };
}

const ARABIC = [
  'قطعت ألبانيا العلاقات الدبلوماسية مع إيران وطردت دبلوماسييها',
  'وقال رئيس الوزراء الألباني إيدي راما في بيان مصور',
  'وأعلن مجلس الأمن القومي الأمريكي أن الولايات المتحدة ستتخذ إجراءات',
  'وأكد حلف شمال الأطلسي دعمه لحليفته بعد الهجوم الإلكتروني',
  'وتستضيف ألبانيا آلاف الأعضاء من منظمة مجاهدي خلق الإيرانية المعارضة',
  'ونفت طهران أي تورط لها في الهجوم على المواقع الحكومية',
  'قال المتحدث باسم الخارجية الإيرانية إن الاتهامات لا أساس لها',
  'وقالت شركة مانديانت إن المهاجمين استخدموا برمجيات لتدمير البيانات',
];
const ENGLISH = [
  'Albania cut diplomatic ties with Iran over a cyberattack',
  'Prime Minister Edi Rama said the attack was state sponsored',
  'NATO allies pledged to respond to the attack on a member state',
  "Mandiant's analysts tied the wiper to a group working for Tehran",
  'The Mujahedin-e Khalq live in a camp near Durrës',
];
const TAGS = [
  'ألبانيا',
  'إيران',
  'سيبراني',
  'cyber',
  'diplomacy',
  'NATO',
  'follow up',
  'quote',
  'data',
  'sanctions',
];
const ENTITIES = ['albania', 'iran', 'edi-rama', 'nato', 'mek', 'mandiant', 'united-states', 'tehran'];
const SITES = ['aljazeera.net', 'bbc.com', 'news.example', 'alarabiya.net', 'reuters.com', 'france24.com'];

/** `articles` articles and `notes` notes spread over them, Arabic and English, deterministic. */
export function syntheticLibrary(
  articles: number,
  notes: number,
  seed = 11,
): { articles: ArticleRecord[]; notes: AnnotationRecord[] } {
  const rand = prng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
  const day = 86_400_000;
  const start = Date.parse('2025-01-01T00:00:00.000Z');
  const outArticles: ArticleRecord[] = [];
  for (let i = 0; i < articles; i++) {
    const arabic = rand() < 0.7;
    const site = pick(SITES);
    const created = new Date(start + Math.floor(rand() * 600) * day + i * 1000).toISOString();
    outArticles.push({
      id: `https://${site}/story/${i}`,
      url: `https://${site}/story/${i}?utm_source=feed`,
      title: `${arabic ? pick(ARABIC) : pick(ENGLISH)} (${i})`,
      site,
      byline: arabic ? 'مراسل الشؤون الدولية' : 'Foreign desk',
      lang: arabic ? 'ar' : 'en',
      excerpt: arabic ? pick(ARABIC) : pick(ENGLISH),
      created,
      modified: created,
    });
  }
  const outNotes: AnnotationRecord[] = [];
  for (let i = 0; i < notes; i++) {
    const a = outArticles[i % articles] as ArticleRecord;
    const arabic = a.lang === 'ar';
    const sentences = arabic ? ARABIC : ENGLISH;
    const exact = `${pick(sentences)}${rand() < 0.3 ? `\u2029${pick(sentences)}` : ''}`;
    const startAt = Math.floor(rand() * 20_000);
    const created = new Date(Date.parse(a.created) + Math.floor(rand() * 30) * day + i).toISOString();
    const tagCount = Math.floor(rand() * 3);
    const tags = [...new Set(Array.from({ length: tagCount }, () => pick(TAGS)))];
    const entityIds = [...new Set(Array.from({ length: 1 + Math.floor(rand() * 2) }, () => pick(ENTITIES)))];
    const n: AnnotationRecord = {
      id: stableUuid(`sample-note:${seed}:${i}`),
      articleId: a.id,
      quote: {
        type: 'TextQuoteSelector',
        exact,
        prefix: pick(sentences).slice(-32),
        suffix: pick(sentences).slice(0, 32),
      },
      position: { type: 'TextPositionSelector', start: startAt, end: startAt + exact.length },
      colour: pick(NOTE_COLOURS) as NoteColour,
      note: rand() < 0.6 ? `${pick(arabic ? ARABIC : ENGLISH)} — ${pick(ENGLISH)}` : '',
      tags,
      entityIds,
      created,
      modified: rand() < 0.2 ? new Date(Date.parse(created) + day).toISOString() : created,
    };
    if (rand() < 0.02) n.deleted = new Date(Date.parse(created) + 2 * day).toISOString();
    outNotes.push(n);
  }
  return { articles: outArticles, notes: outNotes };
}

/** Freezes a value and everything inside it, so a test fails if anything writes to it. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

/**
 * The reader's dictionary entries of every kind, tombstones among them: an entity the sample note
 * (readerNote) links to, a deleted entity, a correction with a type and one without, suppressions on
 * a site and everywhere, a dismissed proposal and a deleted one.
 */
export function readerEntries(): ReaderEntry[] {
  const stamps = (n: number, deleted = false) => ({
    id: `5eade400-0000-4000-8000-${String(n).padStart(12, '0')}`,
    created: `2026-10-0${n}T08:00:00.000Z`,
    modified: `2026-10-0${n}T09:00:00.000Z`,
    ...(deleted && { deleted: `2026-10-0${n}T09:00:00.000Z` }),
  });
  return [
    {
      ...stamps(1),
      kind: 'entity',
      type: 'person',
      names: { ar: 'بلال حمدان', en: 'Bilal Hamdan' },
      aliases: { ar: ['أبو بلال'], en: [] },
      description: { ar: '', en: 'Mayor of a small town' },
    },
    {
      ...stamps(2, true),
      kind: 'entity',
      type: 'organisation',
      names: { ar: '', en: 'Old Militia' },
      aliases: { ar: [], en: [] },
      description: { ar: '', en: '' },
    },
    { ...stamps(3), kind: 'override', entityId: 'iran', type: 'government', aliases: { ar: [], en: [] } },
    { ...stamps(4), kind: 'override', entityId: 'edi-rama', aliases: { ar: ['راما'], en: ['Rama'] } },
    { ...stamps(5), kind: 'suppression', entityId: 'tehran', form: 'طهران', site: 'sports.example' },
    { ...stamps(6), kind: 'suppression', entityId: 'jordan', form: 'Jordan', site: null },
    { ...stamps(7), kind: 'dismissed', form: 'Possible Name' },
    { ...stamps(8, true), kind: 'dismissed', form: 'Another Name' },
  ];
}

/** A note that links to the reader's entity of readerEntries(). */
export function readerNote(): AnnotationRecord {
  return note({
    id: '5eade400-1111-4000-8000-000000000001',
    entityIds: ['edi-rama', readerEntityId('5eade400-0000-4000-8000-000000000001')],
  });
}
