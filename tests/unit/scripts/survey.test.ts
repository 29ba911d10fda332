import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Dictionary } from '../../../lib/entities/types';
import { entityFinder } from '../../../scripts/lib/entities-cli';
import { formatSurvey, survey } from '../../../scripts/lib/survey';

const dictionary = JSON.parse(readFileSync('lib/generated/dictionary.json', 'utf8')) as Dictionary;
const find = entityFinder(dictionary);

describe('survey of news pages', () => {
  it('counts the pages with a highlight and the median mentions and entities per page', () => {
    const s = survey([
      find('a.txt', 'Iran and Albania broke off relations; Iran blamed Washington.'),
      find('b.txt', 'The weather was mild and the market was quiet all week.'),
      find('c.txt', 'وقالت ألبانيا إن إيران شنت الهجوم، وأيدت الولايات المتحدة ذلك.'),
    ]);
    expect(s.withAny).toBe(2);
    expect(s.pages.map((p) => p.mentions)).toEqual([4, 0, 3]);
    expect(s.pages.map((p) => p.entities)).toEqual([3, 0, 3]);
    expect(s.pages[0]?.byType.place).toBe(4);
    expect(s.medianMentions).toBe(3);
    expect(s.medianEntities).toBe(3);
  });

  it('prints a row per page and the totals', () => {
    const text = formatSurvey(survey([find('a.txt', 'Iran said so.'), find('b.txt', 'Nothing here.')]));
    expect(text).toMatch(/^a\.txt\s+1\s+1\s/m);
    expect(text).toMatch(/^b\.txt\s+0\s+0\s/m);
    expect(text).toContain('pages with a highlight: 1 of 2; median per page: 0.5 mentions of 0.5 entities');
  });
});
