import { describe, expect, it } from 'vitest';
import { givenNames } from '../../../lib/entities/given-names';
import { entity } from './test-dictionary';

describe('givenNames', () => {
  it("lists the first words of two people's Arabic names or more, aliases counted once a person", () => {
    const names = givenNames([
      entity('a', 'person', 'فيصل القاسم', 'Faisal al-Qassem'),
      entity('b', 'person', 'فيصل بن فرحان', 'Faisal bin Farhan', {
        aliases: { ar: ['فيصل الفرحان'], en: [] },
      }),
      entity('c', 'person', 'سعيد الكندي', 'Said al-Kindi', {
        aliases: { ar: ['سعيد محمد الكندي'], en: [] },
      }),
      // A place's name opening with the same word does not count.
      entity('d', 'place', 'سعيد بورسعيد', 'Said'),
    ]);
    expect(names).toEqual(['فيصل']);
  });

  it('leaves out titles with the article, kunyas, patronyms, compounds, short words and علي', () => {
    const pairs = ['الملك', 'أبو', 'ابن', 'عبد', 'لي', 'علي', 'أحمد'].flatMap((first) => [
      entity(`${first}-1`, 'person', `${first} الأول`, 'x'),
      entity(`${first}-2`, 'person', `${first} الثاني`, 'y'),
    ]);
    expect(givenNames(pairs)).toEqual(['أحمد']);
  });
});
