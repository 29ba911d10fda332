import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Dictionary, Entity } from '@/lib/entities/types';
import { entityFinder, nameFilter } from '@/lib/ui/find';

describe('finding a name', () => {
  const iran = ['إيران', 'Iran'];
  it('folds Arabic spelling variants and Latin case', () => {
    expect(nameFilter('ايران')(iran)).toBe(true);
    expect(nameFilter('IRAN')(iran)).toBe(true);
    expect(nameFilter('ران')(iran)).toBe(true);
  });
  it('rejects names that do not contain the query', () => {
    expect(nameFilter('عراق')(iran)).toBe(false);
  });
  it('keeps everything for an empty query', () => {
    expect(nameFilter('  ')(iran)).toBe(true);
  });
});

describe('entityFinder (the card’s "Add this spelling to…" search)', () => {
  const dictionary = JSON.parse(readFileSync('lib/generated/dictionary.json', 'utf8')) as Dictionary;
  const ids = (found: readonly Entity[]) => found.map((e) => e.id);

  it('folds Arabic as the matcher does: hamza seats, diacritics, tatweel find the name', () => {
    const find = entityFinder(() => dictionary.entities);
    expect(ids(find('ايران', 3))[0]).toBe('iran');
    expect(ids(find('إِيـــرَان', 3))[0]).toBe('iran');
    expect(ids(find('الاردن', 3))[0]).toBe('jordan');
    expect(ids(find('IRAN', 3))[0]).toBe('iran');
  });

  it('ranks a whole name over a name’s start, a word’s start and the inside of a name; names before other spellings', () => {
    const entities: Entity[] = [
      { ...sample('a-inside'), names: { ar: '', en: 'Bigamal Centre' } },
      { ...sample('b-word'), names: { ar: '', en: 'Port Gamal' } },
      { ...sample('c-start'), names: { ar: '', en: 'Gamal Abdel Nasser' } },
      { ...sample('d-alias'), names: { ar: '', en: 'Someone' }, aliases: { ar: [], en: ['Gamal'] } },
      { ...sample('e-whole'), names: { ar: '', en: 'Gamal' } },
      { ...sample('f-none'), names: { ar: '', en: 'Other' } },
    ];
    expect(ids(entityFinder(() => entities)('gamal'))).toEqual([
      'e-whole',
      'd-alias',
      'c-start',
      'b-word',
      'a-inside',
    ]);
  });

  it('leaves out the entity named in `skip`, reads no entity before the first search, and finds nothing for nothing', () => {
    let reads = 0;
    const find = entityFinder(() => {
      reads++;
      return dictionary.entities;
    });
    expect(find('   ')).toEqual([]);
    expect(reads).toBe(0);
    expect(ids(find('ايران', 5, 'iran'))).not.toContain('iran');
    expect(ids(find('طهران', 1))).toEqual(['tehran']);
  });

  it('finds what arrived after its first search (a page reads the whole dictionary only then)', () => {
    let entities: Entity[] = [{ ...sample('found-here'), names: { ar: '', en: 'Gamal Street' } }];
    const find = entityFinder(() => entities);
    expect(ids(find('gamal'))).toEqual(['found-here']);
    entities = [...entities, { ...sample('arrived'), names: { ar: '', en: 'Gamal' } }];
    expect(ids(find('gamal'))).toEqual(['arrived', 'found-here']);
  });
});

function sample(id: string): Entity {
  return {
    id,
    type: 'place',
    names: { ar: '', en: '' },
    aliases: { ar: [], en: [] },
    demonyms: { ar: [], en: [] },
    surnames: { ar: [], en: [] },
    description: { ar: '', en: '' },
    source: 'test',
  };
}
