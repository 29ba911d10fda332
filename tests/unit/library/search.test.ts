import { describe, expect, it } from 'vitest';
import { entityIndex, tagCounts } from '../../../lib/library/entity-index';
import { groupHits, LibraryIndex } from '../../../lib/library/search';
import { indexForms } from '../../../lib/library/terms';
import type { AnnotationRecord } from '../../../lib/notes/model';
import { article, deepFreeze, note, syntheticLibrary } from './sample-library';

const A = article({ title: 'تقرير الأسبوع' });
const B = article({
  id: 'https://bbc.com/news/1',
  url: 'https://bbc.com/news/1',
  title: 'Balkans weekly',
  site: 'bbc.com',
  lang: 'en',
});

let counter = 0;
function n(overrides: Partial<AnnotationRecord>): AnnotationRecord {
  counter++;
  return note({
    id: `00000000-0000-4000-8000-${String(counter).padStart(12, '0')}`,
    note: '',
    tags: [],
    entityIds: [],
    ...overrides,
  });
}

function quoted(exact: string, overrides: Partial<AnnotationRecord> = {}): AnnotationRecord {
  return n({ quote: { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' }, ...overrides });
}

const notes = deepFreeze([
  quoted('وقال رئيس الوزراء الألباني إيدي راما', {
    tags: ['ألبانيا'],
    colour: 'yellow',
    entityIds: ['edi-rama'],
    created: '2026-11-01T00:00:00.000Z',
  }),
  quoted('وأكد حلف شمال الأطلسي دعمه', {
    note: 'مُهِمّ جداً',
    colour: 'blue',
    entityIds: ['nato'],
    created: '2026-11-05T00:00:00.000Z',
  }),
  quoted('أعلنت طهرانـــ أن إيران لن ترد', {
    tags: ['إيران', 'follow up'],
    colour: 'green',
    entityIds: ['iran', 'tehran'],
    created: '2026-11-10T00:00:00.000Z',
  }),
  quoted('The port of Durrës reopened', {
    articleId: B.id,
    note: 'Check the MEK camp',
    tags: ['follow up'],
    colour: 'pink',
    entityIds: ['mek'],
    created: '2026-10-01T00:00:00.000Z',
  }),
  quoted('گفت که ایران آماده است', {
    articleId: B.id,
    colour: 'yellow',
    created: '2026-09-01T00:00:00.000Z',
  }),
  quoted('حذفت هذه الملاحظة', { deleted: '2026-11-11T00:00:00.000Z' }),
]);

const index = new LibraryIndex([A, B], notes);
const found = (query: string, filters = {}) => index.search(query, filters).map((h) => h.note.quote.exact);

describe('library search', () => {
  it('folds Arabic as the matcher does: hamza seats, diacritics, tatweel, Persian letters', () => {
    expect(found('الالباني')).toEqual(['وقال رئيس الوزراء الألباني إيدي راما']);
    expect(found('مهم')).toEqual(['وأكد حلف شمال الأطلسي دعمه']); // note written مُهِمّ
    expect(found('طهران')).toEqual(['أعلنت طهرانـــ أن إيران لن ترد']); // tatweel in the quote
    expect(found('ايران')).toEqual(['أعلنت طهرانـــ أن إيران لن ترد', 'گفت که ایران آماده است']); // Persian ی
  });

  it('English case and accents are ignored', () => {
    expect(found('DURRES')).toEqual(['The port of Durrës reopened']);
    expect(found('mek camp')).toEqual(['The port of Durrës reopened']);
  });

  it('finds a word behind its clitics: الأطلسي, وأكد, الألباني', () => {
    expect(found('أطلسي')).toEqual(['وأكد حلف شمال الأطلسي دعمه']);
    expect(found('أكد')).toEqual(['وأكد حلف شمال الأطلسي دعمه']);
    expect(found('ألباني')).toEqual(['وقال رئيس الوزراء الألباني إيدي راما']);
    expect(indexForms('للولايات')).toEqual(['للولايات', 'الولايات', 'ولايات']);
    expect(indexForms('والالباني')).toEqual(['والالباني', 'الالباني', 'الباني']);
    expect(indexForms('ولد')).toEqual(['ولد']);
  });

  it('searches notes, quotes, tags and titles; every word must match; the last may be half typed', () => {
    expect(found('follow')).toHaveLength(2); // tags, half typed
    expect(found('تقرير الاسبوع')).toHaveLength(3); // article A's title, on each live note
    expect(found('port reop')).toEqual(['The port of Durrës reopened']);
    expect(found('port zebra')).toEqual([]);
  });

  it('a word being typed is a prefix from three letters (four after ال); shorter, only whole words', () => {
    expect(found('dur')).toEqual(['The port of Durrës reopened']);
    expect(found('du')).toEqual([]);
    expect(found('الا')).toEqual([]);
    expect(found('الال')).toEqual(['وقال رئيس الوزراء الألباني إيدي راما']);
    expect(found('of')).toEqual(['The port of Durrës reopened']); // a whole word
    expect(found('mek ca')).toEqual([]);
  });

  it('deleted notes are not found', () => {
    expect(found('الملاحظة')).toEqual([]);
    expect(index.size).toBe(5);
  });

  it('no query lists every note, newest first', () => {
    expect(found('')).toEqual([
      'أعلنت طهرانـــ أن إيران لن ترد',
      'وأكد حلف شمال الأطلسي دعمه',
      'وقال رئيس الوزراء الألباني إيدي راما',
      'The port of Durrës reopened',
      'گفت که ایران آماده است',
    ]);
  });

  it('filters by tag, colour, site, date range and entity, alone and with a query', () => {
    expect(found('', { tags: ['follow up'] })).toHaveLength(2);
    expect(found('', { tags: ['follow up', 'إيران'] })).toEqual(['أعلنت طهرانـــ أن إيران لن ترد']);
    expect(found('', { colours: ['yellow'] })).toHaveLength(2);
    expect(found('', { sites: ['bbc.com'] })).toHaveLength(2);
    expect(found('ايران', { sites: ['bbc.com'] })).toEqual(['گفت که ایران آماده است']);
    const from = Date.parse('2026-11-01T00:00:00.000Z');
    const to = Date.parse('2026-11-06T00:00:00.000Z');
    expect(found('', { from, to })).toHaveLength(2);
    expect(found('', { entityIds: ['nato'] })).toEqual(['وأكد حلف شمال الأطلسي دعمه']);
    expect(found('', { entityIds: ['iran', 'tehran'] })).toHaveLength(1);
  });

  it('groups hits by article', () => {
    const groups = groupHits(index.search(''));
    expect(groups.map((g) => [g.article.id, g.hits.length])).toEqual([
      [A.id, 3],
      [B.id, 2],
    ]);
  });

  for (const built of [false, true])
    it(`follows changes: a new note, an edit, a delete, a retitled article (index ${built ? 'built first' : 'built on the first search'})`, () => {
      const live = new LibraryIndex([A, B], notes);
      if (built) live.buildIndex();
      const added = quoted('Sanctions on Tirana', { note: 'new one' });
      live.putNote(added);
      expect(live.search('tirana').map((h) => h.note.id)).toEqual([added.id]);
      live.putNote({ ...added, note: 'edited text' });
      expect(live.search('edited')).toHaveLength(1);
      expect(live.search('new one')).toEqual([]);
      live.putNote({ ...added, deleted: '2026-12-01T00:00:00.000Z' });
      expect(live.search('tirana')).toEqual([]);
      expect(live.size).toBe(5);
      live.putArticle({ ...B, title: 'Port news from Albania' });
      expect(live.search('albania').map((h) => h.article.id)).toEqual([B.id, B.id]);
    });

  it('takes one article’s records as stored now: new, edited and deleted notes, the rest left alone', () => {
    const live = new LibraryIndex([A, B], notes);
    live.buildIndex();
    const [onB1, onB2] = notes.filter((x) => x.articleId === B.id) as [AnnotationRecord, AnnotationRecord];
    const added = quoted('Sanctions on Tirana', { articleId: B.id });
    const edited = { ...onB1, note: 'rewritten', modified: '2026-12-01T00:00:00.000Z' };
    // onB2 is gone from the store's answer: it was purged; a tombstone for `added` would also leave.
    live.replaceArticle(B.id, { ...B, title: 'Port news from Albania' }, [edited, added]);
    expect(live.search('tirana').map((h) => h.note.id)).toEqual([added.id]);
    expect(live.search('rewritten').map((h) => h.note.id)).toEqual([onB1.id]);
    expect(live.search('mek')).toEqual([]);
    expect(live.search('ایران').map((h) => h.note.id)).not.toContain(onB2.id);
    expect(
      live
        .search('albania')
        .map((h) => h.note.id)
        .sort(),
    ).toEqual([added.id, onB1.id].sort());
    // Notes of other articles are untouched.
    expect(live.search('', {}).filter((h) => h.article.id === A.id)).toHaveLength(3);
    live.replaceArticle(B.id, undefined, [{ ...added, deleted: '2026-12-02T00:00:00.000Z' }]);
    expect(live.search('tirana')).toEqual([]);
    expect(live.search('', {}).filter((h) => h.article.id === B.id)).toEqual([]);
    expect(live.size).toBe(3);
  });

  it('tells whether an article’s records as stored now change anything (an import’s own notes come back unchanged)', () => {
    const live = new LibraryIndex([A, B], notes);
    live.buildIndex();
    const onB = notes.filter((x) => x.articleId === B.id);
    const tombstone = { ...quoted('Never listed', { articleId: B.id }), deleted: '2026-12-02T00:00:00.000Z' };
    // The same article (a copy, as a new read gives) and the same notes, plus a tombstone never listed.
    expect(live.replaceArticle(B.id, { ...B }, [...onB.map((x) => ({ ...x })), tombstone])).toBe(false);
    expect(live.replaceArticle(B.id, { ...B, site: 'elsewhere.example' }, onB)).toBe(true);
    expect(live.article(B.id)?.site).toBe('elsewhere.example');
    expect(live.replaceArticle(B.id, undefined, onB.slice(1))).toBe(true);
    expect(live.search('', {}).filter((h) => h.article.id === B.id)).toHaveLength(onB.length - 1);
    expect(live.replaceArticle(B.id, undefined, onB.slice(1))).toBe(false);
  });

  it('builds in the background; notes changed meanwhile are indexed as they are now', async () => {
    const live = new LibraryIndex([A, B], notes);
    const building = live.buildIndexInBackground();
    const added = quoted('Sanctions on Tirana');
    live.putNote(added);
    live.putNote({ ...(notes[1] as AnnotationRecord), note: 'rewritten' });
    live.removeNote((notes[3] as AnnotationRecord).id);
    live.putArticle({ ...A, title: 'Balkan diplomacy' });
    await building;
    expect(live.search('tirana').map((h) => h.note.id)).toEqual([added.id]);
    expect(live.search('rewritten')).toHaveLength(1);
    expect(live.search('مهم')).toEqual([]);
    expect(live.search('durres')).toEqual([]);
    expect(live.search('diplomacy')).toHaveLength(4);
  });

  it('finds the same notes as a linear scan over folded text, on a synthetic library', () => {
    const lib = syntheticLibrary(50, 500);
    const big = new LibraryIndex(lib.articles, lib.notes);
    const titles = new Map(lib.articles.map((a) => [a.id, a.title]));
    for (const word of ['ألبانيا', 'NATO', 'طهران', 'Durres', 'المتحدث']) {
      const fold = (s: string) =>
        s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[أإآ]/g, 'ا');
      const expected = lib.notes
        .filter((x) => x.deleted === undefined)
        .filter((x) =>
          new RegExp(`(^|[^\\p{L}])(و|ف)?(ب|ك|ل)?(ال)?${fold(word)}`, 'u').test(
            fold(`${x.note} ${x.quote.exact} ${x.tags.join(' ')} ${titles.get(x.articleId)}`),
          ),
        )
        .map((x) => x.id)
        .sort();
      expect(
        big
          .search(word)
          .map((h) => h.note.id)
          .sort(),
        word,
      ).toEqual(expected);
      expect(expected.length).toBeGreaterThan(0);
    }
  });
});

describe('entity index', () => {
  it('counts notes and articles per entity, most noted first, deleted notes left out', () => {
    const extra = quoted('Rama again', { articleId: B.id, entityIds: ['edi-rama', 'edi-rama'] });
    const index = entityIndex([...notes, extra]);
    expect(index.map(({ entityId, notes, articles }) => ({ entityId, notes, articles }))).toEqual([
      { entityId: 'edi-rama', notes: 2, articles: 2 },
      { entityId: 'iran', notes: 1, articles: 1 },
      { entityId: 'mek', notes: 1, articles: 1 },
      { entityId: 'nato', notes: 1, articles: 1 },
      { entityId: 'tehran', notes: 1, articles: 1 },
    ]);
    expect(index[0]?.noteIds).toEqual([notes[0]?.id, extra.id]);
    expect(index[0]?.articleIds).toEqual([A.id, B.id]);
    // Each entry is a filter: the notes it lists are the notes the search filter finds.
    const library = new LibraryIndex([A, B], [...notes, extra]);
    for (const e of index)
      expect(
        library
          .search('', { entityIds: [e.entityId] })
          .map((h) => h.note.id)
          .sort(),
      ).toEqual([...e.noteIds].sort());
  });

  it('counts tags', () => {
    expect(tagCounts(notes)).toEqual([
      { tag: 'follow up', notes: 2 },
      { tag: 'ألبانيا', notes: 1 },
      { tag: 'إيران', notes: 1 },
    ]);
  });
});
