// The surname derived for a curated person who has none: the word the news uses alone on second
// mention, family name first for Korean and Chinese names, nothing for patronymics or common words.
import { describe, expect, it } from 'vitest';
import type { Entity, EntityType } from '../../../lib/entities/types';
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

const surnamesOf = (entities: Entity[], common: string[] = []): Record<string, Entity['surnames']> => {
  deriveSurnames(
    entities,
    (form) => common.includes(form),
    (word) => ENGLISH_WORDS.has(word),
    'corpus/entities.txt',
  );
  return Object.fromEntries(entities.map((e) => [e.id, e.surnames]));
};

describe('derived surnames', () => {
  it('takes the last word, with its particles and without a suffix', () => {
    expect(
      surnamesOf([
        person('a', 'أنتوني بلينكن', 'Antony Blinken'),
        person('b', 'برونو لو مير', 'Bruno Le Maire'),
        person('c', 'مارتن لوثر كينغ الابن', 'Martin Luther King Jr.'),
      ]),
    ).toEqual({
      a: { ar: ['بلينكن'], en: ['Blinken'] },
      b: { ar: ['لو مير'], en: ['Le Maire'] },
      c: { ar: ['كينغ'], en: ['King'] },
    });
  });

  it('takes the first word of a Korean or Chinese name written family name first', () => {
    expect(
      surnamesOf([
        person('yoon', 'يون سوك يول', 'Yoon Suk Yeol', 'President of South Korea'),
        person('lee', 'لي هسين لونغ', 'Lee Hsien Loong', 'Prime Minister of Singapore'),
        person('wong', 'لورنس وونغ', 'Lawrence Wong', 'Prime Minister of Singapore'),
        person('andy', 'آندي كيم', 'Andy Kim', 'US senator from New Jersey'),
      ]),
    ).toEqual({
      yoon: { ar: ['يون'], en: ['Yoon'] },
      lee: { ar: [], en: ['Lee'] }, // لي is also "for me": under three letters, never derived
      wong: { ar: ['وونغ'], en: ['Wong'] },
      andy: { ar: ['كيم'], en: ['Kim'] },
    });
  });

  it('derives nothing over a curated surname or one-word alias, for a patronymic, a common word, a month, or another entity’s name', () => {
    const entities = [
      person('curated', 'إيدي راما', 'Edi Rama', 'PM', { surnames: { ar: ['راما'], en: [] } }),
      person('alias', 'بنيامين نتنياهو', 'Benjamin Netanyahu', 'PM', {
        aliases: { ar: ['نتنياهو'], en: ['Netanyahu'] },
      }),
      person('mbs', 'محمد بن سلمان', 'Mohammed bin Salman'),
      person('may', 'تيريزا ماي', 'Theresa May'),
      person('hope', 'جون أمل', 'John Hope'),
      person('bishop', 'جولي بيشوب', 'Julie Bishop'),
      person('jordan', 'مايكل الأردن', 'Michael Jordan'),
      person('jordan-place', 'الأردن', 'Jordan', 'Country', {}, 'place'),
      person('seed', 'جون هولتكويست', 'John Hultquist', 'Analyst', {}, 'person', 'corpus/entities.txt'),
    ];
    expect(surnamesOf(entities, ['Hope', 'أمل'])).toEqual({
      curated: { ar: ['راما'], en: ['Rama'] }, // the curated Arabic one stays; English is derived
      alias: { ar: [], en: [] },
      mbs: { ar: [], en: [] },
      may: { ar: ['ماي'], en: [] },
      hope: { ar: [], en: [] },
      bishop: { ar: ['بيشوب'], en: [] }, // an English word: only the Arabic is derived
      jordan: { ar: [], en: [] },
      'jordan-place': { ar: [], en: [] },
      seed: { ar: [], en: [] },
    });
  });
});
