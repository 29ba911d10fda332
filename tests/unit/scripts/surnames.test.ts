// The English surname derived for a curated person who has none: the word the news uses alone on
// second mention, family name first for Korean and Chinese names, nothing for patronymics, common
// or English words, given names, and nothing in Arabic (no word list tells كان "was" from Naoto Kan).
import { describe, expect, it } from 'vitest';
import type { Entity, EntityType } from '../../../lib/entities/types';
import { formKey } from '../../../scripts/lib/entity-source';
import { deriveSurnames } from '../../../scripts/lib/sources/surnames';

function person(
  id: string,
  ar: string,
  en: string,
  description = 'Politician',
  extra: Partial<Pick<Entity, 'aliases' | 'surnames'>> = {},
  type: EntityType = 'person',
  source = 'corpus/world/people.txt',
): Entity {
  return {
    id,
    type,
    names: { ar, en },
    aliases: extra.aliases ?? { ar: [], en: [] },
    demonyms: { ar: [], en: [] },
    surnames: extra.surnames ?? { ar: [], en: [] },
    description: { ar: 'سياسي', en: description },
    source,
  };
}

const ENGLISH_WORDS = new Set(['bishop', 'lee', 'hope']);

const surnamesOf = (entities: Entity[], common: string[] = []): Record<string, string[]> => {
  deriveSurnames(entities, new Set(common.map(formKey)), ENGLISH_WORDS, 'corpus/entities.txt');
  return Object.fromEntries(entities.map((e) => [e.id, [...e.surnames.en, ...e.surnames.ar]]));
};

describe('derived surnames', () => {
  it('takes the last English word, with its particles, past a suffix or a regnal number; none in Arabic', () => {
    expect(
      surnamesOf([
        person('a', 'أنتوني بلينكن', 'Antony Blinken'),
        person('b', 'برونو لو مير', 'Bruno Le Maire'),
        person('c', 'مارتن لوثر كينغ الابن', 'Martin Luther Kingsley Jr.'),
        person('d', 'ليو الرابع عشر', 'Pope Leo XIV'),
        person('e', 'ناوتو كان', 'Naoto Kan'),
      ]),
    ).toEqual({ a: ['Blinken'], b: ['Le Maire'], c: ['Kingsley'], d: ['Leo'], e: ['Kan'] });
  });

  it('takes the first word of a Korean or Chinese name written family name first', () => {
    expect(
      surnamesOf([
        person('yoon', 'يون سوك يول', 'Yoon Suk Yeol', 'President of South Korea'),
        person('lee', 'لي هسين لونغ', 'Lee Hsien Loong', 'Prime Minister of Singapore'),
        person('wong', 'لورنس وونغ', 'Lawrence Wong', 'Prime Minister of Singapore'),
      ]),
    ).toEqual({ yoon: ['Yoon'], lee: ['Lee'], wong: ['Wong'] });
  });

  it('derives nothing over a curated surname or one-word alias, for a patronymic, a common or English word, a month, a given name or another entity’s name', () => {
    const entities = [
      person('curated', 'إيدي راما', 'Edi Rama', 'PM', { surnames: { ar: ['راما'], en: ['Rama'] } }),
      person('alias', 'بنيامين نتنياهو', 'Benjamin Netanyahu', 'PM', {
        aliases: { ar: ['نتنياهو'], en: ['Netanyahu'] },
      }),
      person('mbs', 'محمد بن سلمان', 'Mohammed bin Salman'),
      person('may', 'تيريزا ماي', 'Theresa May'),
      person('hope', 'جون أمل', 'John Hope'),
      person('bishop', 'جولي بيشوب', 'Julie Bishop'),
      person('abiy', 'آبي أحمد', 'Abiy Ahmed'),
      person('ahmed', 'أحمد الطيب', 'Ahmed al-Tayeb'),
      person('jordan', 'مايكل الأردن', 'Michael Jordan'),
      person('jordan-place', 'الأردن', 'Jordan', 'Country', {}, 'place'),
      person('seed', 'جون هولتكويست', 'John Hultquist', 'Analyst', {}, 'person', 'corpus/entities.txt'),
    ];
    expect(surnamesOf(entities, ['Hope'])).toEqual({
      curated: ['Rama', 'راما'],
      alias: [],
      mbs: [],
      may: [],
      hope: [],
      bishop: [],
      abiy: [], // Ahmed opens another person's name: a given name, anyone's
      ahmed: ['al-Tayeb'],
      jordan: [],
      'jordan-place': [],
      seed: [],
    });
  });
});
