// The hand-tagged news pages (tests/gold/news): the gold spans are found as written, and the shipped
// dictionary keeps the coverage the README reports (a drop fails here, with the table).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Dictionary } from '../../../lib/entities/types';
import { formatCoverage, goldSpans, measureCoverage } from '../../../scripts/lib/coverage';

const none = { person: [], organisation: [], government: [], group: [], place: [] };

describe('gold spans', () => {
  it('finds every whole-word occurrence, after Arabic clitics, longest surface first', () => {
    const text = 'South Sudan and Sudan; Sudanese. وفي لبنان ولبنان، لا اللبنانيون';
    const spans = goldSpans(text, { ...none, place: ['Sudan', 'South Sudan', 'لبنان'] });
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual(['South Sudan', 'Sudan', 'لبنان', 'لبنان']);
  });

  it('finds a surface whose words the page wraps across lines', () => {
    const text = 'joins the International Criminal\n Court, the Palestinian  Authority said';
    const spans = goldSpans(text, {
      ...none,
      organisation: ['International Criminal Court'],
      government: ['Palestinian Authority'],
    });
    expect(spans.map((s) => [text.slice(s.start, s.end), s.type])).toEqual([
      ['International Criminal\n Court', 'organisation'],
      ['Palestinian  Authority', 'government'],
    ]);
  });
});

describe('coverage of the shipped dictionary on the gold news pages', () => {
  it('keeps recall and precision in both languages', async () => {
    const dictionary = JSON.parse(readFileSync('lib/generated/dictionary.json', 'utf8')) as Dictionary;
    const result = await measureCoverage('tests/gold/news', dictionary);
    const table = formatCoverage(result);
    expect(result.pages.filter((p) => p.file.startsWith('ar-')).length, table).toBeGreaterThanOrEqual(3);
    expect(result.pages.filter((p) => p.file.startsWith('en-')).length, table).toBeGreaterThanOrEqual(3);
    for (const lang of ['ar', 'en'] as const) {
      const all = result.byLanguage[lang].all;
      const place = result.byLanguage[lang].place;
      expect(all.correct / all.found, `${lang} precision\n${table}`).toBeGreaterThanOrEqual(0.9);
      expect(all.correct / all.gold, `${lang} recall\n${table}`).toBeGreaterThanOrEqual(0.75);
      expect(place.correct / place.gold, `${lang} place recall\n${table}`).toBeGreaterThanOrEqual(0.9);
    }
    // The people in the news: English pages name many (Obama, Netanyahu, Mugabe, Bin Laden…).
    const people = result.byLanguage.en.person;
    expect(people.correct / people.gold, `English person recall\n${table}`).toBeGreaterThanOrEqual(0.6);
  }, 30_000);
});
