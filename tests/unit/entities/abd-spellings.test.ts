// The press writes an عبد compound as one word or two (عبد العزيز / عبدالعزيز): the Saudi papers
// mostly join it, the sources mostly part it. Every Arabic name, alias and surname is indexed both
// ways (lib/entities/forms.ts), so the curated spelling no longer decides what is found.
import { describe, expect, it } from 'vitest';
import { abdSpellings } from '@/lib/entities/forms';
import { found } from './shipped-dictionary';

describe('names with an عبد compound', () => {
  it('are spelt joined and apart, every compound of the name at once', () => {
    expect(abdSpellings('سلمان بن عبد العزيز')).toEqual(['سلمان بن عبدالعزيز']);
    expect(abdSpellings('عبدالله بن عبدالعزيز')).toEqual(['عبد الله بن عبد العزيز']);
    expect(abdSpellings('عبدالله بن عبد العزيز')).toEqual(['عبدالله بن عبدالعزيز', 'عبد الله بن عبد العزيز']);
  });

  it('leave other names alone, and a family name made from one (العبدالله)', () => {
    expect(abdSpellings('الملكة رانيا العبدالله')).toEqual([]);
    expect(abdSpellings('عبدو')).toEqual([]);
    expect(abdSpellings('إيران')).toEqual([]);
  });

  it('are found as the Saudi press writes them, where the dictionary parts them, and the other way round', () => {
    expect(found('استقبل خادم الحرمين الملك سلمان بن عبدالعزيز في الرياض')).toContainEqual([
      'الملك سلمان بن عبدالعزيز',
      'king-salman',
    ]);
    expect(found('وقال عبدالملك الحوثي إن')).toEqual([['عبدالملك الحوثي', 'abdul-malik-al-houthi']]);
    expect(found('التقى عبدالفتاح السيسي وفدا من جامعة الملك عبدالعزيز')).toEqual([
      ['عبدالفتاح السيسي', 'abdel-fattah-el-sisi'],
      ['جامعة الملك عبدالعزيز', 'king-abdulaziz-university'],
    ]);
  });
});
