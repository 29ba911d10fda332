import { describe, expect, it } from 'vitest';
import {
  draftFromEntity,
  draftFromText,
  entryFromDraft,
  nameInSelection,
  splitForms,
} from '@/lib/reader-dictionary/form';
import type { ReaderEntity } from '@/lib/reader-dictionary/model';

describe('the entity form', () => {
  it('puts a selection in the name field of its script', () => {
    expect(draftFromText('  بلال\nحمدان ')).toMatchObject({ nameAr: 'بلال حمدان', nameEn: '' });
    expect(draftFromText('Bilal Hamdan', 'place')).toMatchObject({
      nameAr: '',
      nameEn: 'Bilal Hamdan',
      type: 'place',
    });
  });

  it('leaves out the quotes and punctuation a selection takes with a name, not an abbreviation’s full stop', () => {
    expect(draftFromText('«بلال حمدان»،').nameAr).toBe('بلال حمدان');
    expect(draftFromText(' "Bilal  Hamdan", ').nameEn).toBe('Bilal Hamdan');
    expect(draftFromText('(Hamdan).').nameEn).toBe('Hamdan');
    expect(draftFromText('Washington.').nameEn).toBe('Washington');
    expect(draftFromText('the U.S.').nameEn).toBe('the U.S.');
    expect(draftFromText('Dr. Who').nameEn).toBe('Dr. Who');
  });

  it('offers a selection as an entity only when it can be a name, not a passage', () => {
    expect(nameInSelection('«بلال حمدان»،')).toBe('بلال حمدان');
    expect(nameInSelection(' … ')).toBeNull();
    const sentence = 'قال رئيس البلدية إن المجلس سيجتمع غدا لمناقشة الميزانية الجديدة للعام المقبل';
    expect(nameInSelection(sentence)).toBeNull();
    expect(nameInSelection('x'.repeat(121))).toBeNull();
  });

  it('splits spellings on Latin and Arabic commas, semicolons and lines, once each', () => {
    expect(splitForms('حمدان، أبو بلال; Hamdan,\n Hamdan ,, ')).toEqual(['حمدان', 'أبو بلال', 'Hamdan']);
  });

  it('saves spellings in the language of their script, not repeating the names, and needs one name', () => {
    const entry = entryFromDraft({
      type: 'person',
      nameAr: ' بلال حمدان ',
      nameEn: '',
      aliases: 'بلال حمدان, أبو بلال, B. Hamdan',
      descriptionAr: 'رئيس بلدية ',
      descriptionEn: '',
    });
    expect(entry).toEqual({
      kind: 'entity',
      type: 'person',
      names: { ar: 'بلال حمدان', en: '' },
      aliases: { ar: ['أبو بلال'], en: ['B. Hamdan'] },
      description: { ar: 'رئيس بلدية', en: '' },
    });
    expect(entryFromDraft({ ...draftFromText(''), nameEn: '  ' })).toEqual({ problem: 'needs-name' });
  });

  it('round-trips an entity through the form, keeping its id for the edit', () => {
    const stored: ReaderEntity = {
      id: '0b7c3d1e-5f6a-4b8c-9d0e-1f2a3b4c5d6e',
      kind: 'entity',
      type: 'group',
      names: { ar: 'لواء الشمال', en: 'Northern Brigade' },
      aliases: { ar: ['اللواء'], en: ['the Brigade'] },
      description: { ar: 'جماعة مسلحة', en: 'An armed group' },
      created: '2026-03-01T10:00:00.000Z',
      modified: '2026-03-01T10:00:00.000Z',
    };
    const { created: _c, modified: _m, ...fields } = stored;
    expect(entryFromDraft(draftFromEntity(stored), stored.id)).toEqual(fields);
  });
});
