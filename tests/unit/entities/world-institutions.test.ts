// Universities and the branches of armed forces in the shipped dictionary, on sentences written
// like today's news in both languages, and the near misses: the place inside an institution's name
// must not light up on its own, and the bare words (the air force, the navy, الجيش) name no one.
import { describe, expect, it } from 'vitest';
import { found } from './shipped-dictionary';

describe('universities', () => {
  it('finds the universities an English report quotes, names and acronyms', () => {
    expect(
      found(
        'Experts at UNSW, the University of Western Australia and the National University of Singapore agreed with colleagues at Peking University, Tsinghua and the University of Toronto.',
      ),
    ).toEqual([
      ['UNSW', 'university-of-new-south-wales'],
      ['University of Western Australia', 'university-of-western-australia'],
      ['National University of Singapore', 'national-university-of-singapore'],
      ['Peking University', 'peking-university'],
      ['Tsinghua', 'tsinghua-university'],
      ['University of Toronto', 'university-of-toronto'],
    ]);
  });

  it('finds Arabic university names behind clitics', () => {
    expect(
      found(
        'وقال أستاذ في جامعة سيدني إن باحثين من جامعة سول الوطنية ولجامعة دمشق وبجامعة طوكيو والجامعة الأردنية شاركوا.',
      ),
    ).toEqual([
      ['جامعة سيدني', 'university-of-sydney'],
      ['جامعة سول الوطنية', 'seoul-national-university'],
      ['جامعة دمشق', 'damascus-university'],
      ['جامعة طوكيو', 'university-of-tokyo'],
      ['الجامعة الأردنية', 'university-of-jordan'],
    ]);
  });

  it('does not light up the place inside a university name', () => {
    expect(
      found(
        'A professor at the University of Western Australia and a lecturer at the University of Cape Town spoke at King’s College London.',
      ),
    ).toEqual([
      ['University of Western Australia', 'university-of-western-australia'],
      ['University of Cape Town', 'university-of-cape-town'],
      ['King’s College London', 'kings-college-london'],
    ]);
    expect(found('درس في جامعة كيب تاون ثم في جامعة ولاية أوهايو.')).toEqual([
      ['جامعة كيب تاون', 'university-of-cape-town'],
      ['جامعة ولاية أوهايو', 'ohio-state-university'],
    ]);
  });

  it('does not light up a place or its adjective inside the name of a body it does not know', () => {
    // The place is part of the body's name, and so is a place within it (Pacific).
    expect(
      found(
        'The Canadian Wheat Board and the Russian Weather Service said so, as Santa Fe Pacific Gold Corp rose at Rangoon University.\n-- Moscow Newsroom +7095 941 8520',
      ),
    ).toEqual([]);
    // Or ends it after "of", or comes before it with its abbreviation's dot.
    expect(
      found(
        'Students marched to the University of Yangon; the Florida Supreme Court ruled, the U.S. Municipal Desk said, the Rubber Board of India agreed, and rangers of the New Zealand Department of Conservation came.',
      ),
    ).toEqual([]);
    expect(
      found(
        'A bank in Florida, the court of Florida, the Prime Minister of India, the people of Yangon and U.S. officials.',
      ),
    ).toEqual([
      ['Florida', 'florida'],
      ['Florida', 'florida'],
      ['India', 'india'],
      ['Yangon', 'yangon'],
      ['U.S', 'united-states'],
    ]);
    // Near misses: a body the dictionary knows; a place before a common noun, an office or a
    // place's people; a body's word that is not capitalised.
    expect(
      found(
        'British Airways flew from Moscow to the Canadian border; Russian Foreign Minister Sergei Lavrov met Canadian party leaders and a Moscow university group.',
      ),
    ).toEqual([
      ['British Airways', 'british-airways'],
      ['Moscow', 'moscow'],
      ['Canadian', 'canada'],
      ['Russian', 'russia'],
      ['Sergei Lavrov', 'sergei-lavrov'],
      ['Canadian', 'canada'],
      ['Moscow', 'moscow'],
    ]);
  });

  it('leaves "a Sydney university" to the city: prose, not the University of Sydney', () => {
    expect(found('Researchers at a Sydney university and at the University of Sydney said so.')).toEqual([
      ['Sydney', 'sydney'],
      ['University of Sydney', 'university-of-sydney'],
    ]);
  });

  it('does not take the bare word for a university', () => {
    expect(found('The university said the college and the institute would close.')).toEqual([]);
    expect(found('وقالت الجامعة إن الكلية والمعهد سيغلقان، في رؤية جامعة للإصلاح.')).toEqual([]);
  });
});

describe('branches of the armed forces', () => {
  it('finds air forces and navies by the demonym forms the press writes, in any case', () => {
    expect(
      found(
        'The Indonesian air force said jets of the Royal Australian Air Force and the Republic of Singapore Air Force joined, as Russian Aerospace Forces struck and the PLA Navy and the Egyptian Navy sailed.',
      ),
    ).toEqual([
      ['Indonesian air force', 'indonesian-air-force'],
      ['Royal Australian Air Force', 'australian-air-force'],
      ['Republic of Singapore Air Force', 'singapore-air-force'],
      ['Russian Aerospace Forces', 'russian-air-force'],
      ['PLA Navy', 'pla-navy'],
      ['Egyptian Navy', 'egyptian-navy'],
    ]);
  });

  it('finds Arabic air forces, navies and coast guards behind clitics', () => {
    expect(
      found(
        'وأعلن سلاح الجو السوري والقوات الجوية الملكية السعودية وبالبحرية الإيرانية وخفر السواحل الليبي انتهاء التدريبات.',
      ),
    ).toEqual([
      ['سلاح الجو السوري', 'syrian-air-force'],
      ['القوات الجوية الملكية السعودية', 'saudi-air-force'],
      ['البحرية الإيرانية', 'iranian-navy'],
      ['خفر السواحل الليبي', 'libyan-coast-guard'],
    ]);
    // لل is ل + ال: the highlight starts after the ل.
    expect(found('وللقوات الجوية المصرية دور.')).toEqual([['لقوات الجوية المصرية', 'egyptian-air-force']]);
  });

  it('gives the branch, not the country, where the country only names it', () => {
    const ids = found('The Indonesian Air Force, سلاح الجو العراقي and the Turkish Navy').map(([, id]) => id);
    expect(ids).toEqual(['indonesian-air-force', 'iraqi-air-force', 'turkish-navy']);
    expect(ids).not.toContain('indonesia');
  });

  it("gives a branch named without its country to the story's country, never a word in lower case", () => {
    expect(
      found(
        'The air force said the navy and the army would help, and the coast guard and the national guard stood by.',
      ),
    ).toEqual([]);
    // الجيش "the army" and البحرية "naval" alone are words of any story; the branches' names are not.
    expect(found('قال الجيش إن القوات الجوية والبحرية وسلاح الجو وخفر السواحل نفذت ضربات.')).toEqual([
      ['القوات الجوية', 'air-force'],
      ['سلاح الجو', 'air-force'],
      ['خفر السواحل', 'coast-guard'],
    ]);
  });
});
