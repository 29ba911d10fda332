import { describe, expect, it } from 'vitest';
import { groupHits, LibraryIndex } from '@/lib/library/search';
import {
  articleDirection,
  articleForPage,
  dayRange,
  libraryRows,
  noteHref,
  noteIdFromHref,
  oneLine,
  ROW_HEIGHT,
  rowTops,
  selectionRecords,
  siteCounts,
  touchedArticleIds,
  visibleRows,
} from '@/lib/library/view';
import { article, note } from './sample-library';

const A = article();
const B = article({
  id: 'https://other.example/b',
  url: 'https://other.example/b',
  site: 'other.example',
  title: 'B',
});
const notes = [
  note({ id: '00000000-0000-4000-8000-000000000001', created: '2026-11-01T09:00:00.000Z' }),
  note({ id: '00000000-0000-4000-8000-000000000002', created: '2026-11-03T09:00:00.000Z', articleId: B.id }),
  note({ id: '00000000-0000-4000-8000-000000000003', created: '2026-11-02T09:00:00.000Z' }),
];

describe('library view', () => {
  it('lists articles newest note first, each heading followed by its notes', () => {
    const index = new LibraryIndex([A, B], notes);
    const rows = libraryRows(groupHits(index.search('')));
    expect(
      rows.map((r) =>
        r.kind === 'article' ? `A:${r.article.id}:${r.notes}` : `n:${r.hit.note.id.slice(-1)}`,
      ),
    ).toEqual([`A:${B.id}:1`, 'n:2', `A:${A.id}:2`, 'n:3', 'n:1']);
  });

  it('finds the rows on screen in a list of 20,000 without walking it', () => {
    const groups = Array.from({ length: 2000 }, (_, i) => ({
      article: article({ id: `a${i}` }),
      hits: Array.from({ length: 9 }, (_, j) => ({ note: note({ id: `n${i}-${j}` }), article: A, score: 0 })),
    }));
    const rows = libraryRows(groups);
    const tops = rowTops(rows);
    expect(tops[rows.length]).toBe(2000 * (ROW_HEIGHT.article + 9 * ROW_HEIGHT.note));
    const { start, end } = visibleRows(tops, 100_000, 800, 0);
    expect(tops[start]).toBeLessThanOrEqual(100_000);
    expect(tops[start + 1]).toBeGreaterThan(100_000);
    expect(tops[end - 1]).toBeLessThan(100_800);
    expect(tops[end] ?? Number.POSITIVE_INFINITY).toBeGreaterThanOrEqual(100_800);
    expect(visibleRows(tops, 0, 800, 6).start).toBe(0);
    expect(visibleRows(rowTops([]), 0, 800)).toEqual({ start: 0, end: 0 });
  });

  it('names the note in the article’s link, replacing any fragment, and reads it back', () => {
    const href = noteHref('https://news.example/a?x=1#section', 'abc-1');
    expect(href).toBe('https://news.example/a?x=1#hashiya-note=abc-1');
    expect(noteIdFromHref(href)).toBe('abc-1');
    expect(noteIdFromHref('https://news.example/a#top')).toBeNull();
  });

  it('turns date inputs into a whole-day range in local time, open where a day is empty', () => {
    const r = dayRange('2026-11-02', '2026-11-02');
    expect(r.from).toBe(new Date(2026, 10, 2).getTime());
    expect(r.to).toBe(new Date(2026, 10, 3).getTime());
    expect(dayRange('', 'nonsense')).toEqual({});
    const index = new LibraryIndex([A, B], notes);
    const local = (iso: string) => {
      const d = new Date(iso);
      return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    };
    const day = local('2026-11-02T09:00:00.000Z');
    expect(index.search('', dayRange(day, day)).map((h) => h.note.id)).toEqual([
      '00000000-0000-4000-8000-000000000003',
    ]);
  });

  it('exports the selection with the stored articles of its notes only', () => {
    const index = new LibraryIndex([A, B], notes);
    const hits = index.search('', { sites: ['other.example'] });
    const records = selectionRecords(hits, (id) => index.article(id));
    expect(records.articles).toEqual([B]);
    expect(records.annotations.map((n) => n.id)).toEqual(['00000000-0000-4000-8000-000000000002']);
  });

  it('counts notes per site and names every article an import touches', () => {
    const byId = new Map([A, B].map((a) => [a.id, a]));
    expect(siteCounts(notes, (id) => byId.get(id))).toEqual([
      { site: 'news.example', notes: 2 },
      { site: 'other.example', notes: 1 },
    ]);
    expect(touchedArticleIds({ articles: [B], annotations: notes }).sort()).toEqual([A.id, B.id].sort());
  });
});

describe('the article a tab shows', () => {
  const canonical = article({
    id: 'https://news.example/story',
    url: 'https://m.news.example/story?ref=home',
  });
  const idOf = (url: string) => url.split(/[?#]/, 1)[0] as string;
  it('is the one with the page’s identity, else the one last read at the page’s address', () => {
    expect(articleForPage([A, canonical], 'https://news.example/story#top', idOf)).toBe(canonical);
    expect(articleForPage([A, canonical], 'https://m.news.example/story?ref=home#x', idOf)).toBe(canonical);
    expect(articleForPage([A, canonical], 'https://elsewhere.example/', idOf)).toBeUndefined();
  });
});

describe('how a row reads', () => {
  it('an article lays out in its language’s direction, or its title’s when the language is unknown', () => {
    expect(articleDirection({ lang: 'ar', title: 'Iran' })).toBe('rtl');
    expect(articleDirection({ lang: 'fa-IR', title: '' })).toBe('rtl');
    expect(articleDirection({ lang: 'en', title: 'ألبانيا' })).toBe('ltr');
    expect(articleDirection({ lang: 'ku-Arab', title: '' })).toBe('rtl');
    expect(articleDirection({ lang: '', title: 'ألبانيا تقطع علاقاتها مع إيران' })).toBe('rtl');
    expect(articleDirection({ lang: '', title: 'CNN: Albania cuts ties' })).toBe('ltr');
  });

  it('a passage across paragraphs is shown on one line with spaces', () => {
    expect(oneLine('وقال رئيس الوزراء\u2029وأكد حلف\n  شمال الأطلسي ')).toBe(
      'وقال رئيس الوزراء وأكد حلف شمال الأطلسي',
    );
  });
});
