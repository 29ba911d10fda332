// The other English spelling of a body's name (Organisation, Defence, Centre, Programme), added by
// the builder as an alias unless another entity has that form.
import { describe, expect, it } from 'vitest';
import { addOtherSpellings } from '../../../scripts/lib/sources/english-spellings';
import { found } from '../entities/shipped-dictionary';
import { entity } from '../entities/test-dictionary';

describe('addOtherSpellings', () => {
  it('gives a name and its aliases their other spelling, each word of it', () => {
    const entities = [
      entity('who', 'organisation', 'منظمة الصحة العالمية', 'World Health Organization'),
      entity('wfp', 'organisation', 'برنامج الأغذية العالمي', 'World Food Programme'),
      entity('mod', 'government', 'وزارة الدفاع', 'Ministry of Defence', {
        aliases: { ar: [], en: ['Defence Programme Centre'] },
      }),
    ];
    expect(addOtherSpellings(entities)).toBe(4);
    expect(entities.map((e) => e.aliases.en)).toEqual([
      ['World Health Organisation'],
      ['World Food Program'],
      ['Defence Programme Centre', 'Ministry of Defense', 'Defense Program Center'],
    ]);
  });

  it('adds no form another entity has, and nothing to a name without such a word', () => {
    const entities = [
      entity('labor-center', 'organisation', 'مركز العمل', 'Labor Center'),
      entity('labor-centre', 'organisation', 'مركز آخر', 'Labor Centre'),
      entity('un', 'organisation', 'الأمم المتحدة', 'United Nations'),
      // A word inside another word is no such word.
      entity('centerville', 'place', 'سنترفيل', 'Centerville'),
    ];
    expect(addOtherSpellings(entities)).toBe(0);
    expect(entities.map((e) => e.aliases.en)).toEqual([[], [], [], []]);
  });

  it('lets the shipped dictionary read the British spelling of bodies named in the American one', () => {
    expect(
      found(
        'The World Health Organisation and the World Trade Organisation met the Palestine Liberation Organisation.',
      ),
    ).toEqual([
      ['World Health Organisation', 'who'],
      ['World Trade Organisation', 'wto'],
      ['Palestine Liberation Organisation', 'plo'],
    ]);
  });
});
