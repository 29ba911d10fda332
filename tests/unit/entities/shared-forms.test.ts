// Forms several entities share: the builder tells each entity who else is written that way, and
// the card names them ("also: …") for the mention the reader hovers — and only for that form.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileMatcher } from '../../../lib/entities/matcher';
import { otherEntitiesNamed } from '../../../lib/entities/shared-forms';
import type { Dictionary } from '../../../lib/entities/types';

const dictionary = JSON.parse(readFileSync('lib/generated/dictionary.json', 'utf8')) as Dictionary;
const matcher = compileMatcher(dictionary);

/** Each mention of `text` as [its text, the entity picked, the other entities it could be]. */
const alsoIn = (text: string) =>
  matcher.match(text).map((m) => {
    const entity = matcher.entity(m.entityId);
    if (!entity) throw new Error(m.entityId);
    const written = text.slice(m.start, m.end);
    return [written, m.entityId, otherEntitiesNamed(entity, written)];
  });

describe('the other entities a shared form names', () => {
  it('are named for a bare Arabic form the matcher had to pick for, after clitics too', () => {
    expect(alsoIn('وصل الوفد إلى عمان ثم غادر بعمان')).toEqual([
      ['عمان', 'oman', ['amman']],
      ['عمان', 'oman', ['amman']],
    ]);
    expect(alsoIn('وللجزائر وتونس')).toEqual([
      ['لجزائر', 'algeria', ['algiers']],
      ['تونس', 'tunisia', ['tunis']],
    ]);
  });

  it('follow the pick when the page named the other entity first', () => {
    expect(alsoIn('في العاصمة الأردنية عمان ... ثم عمان')).toEqual([
      ['العاصمة الأردنية عمان', 'amman', []],
      ['عمان', 'amman', ['oman']],
    ]);
  });

  it('are not named for a form of its own (Amman in English, سلطنة عمان, Hillary Clinton)', () => {
    expect(alsoIn('Amman and Oman; سلطنة عمان; Hillary Clinton')).toEqual([
      ['Amman', 'amman', []],
      ['Oman', 'oman', []],
      ['سلطنة عمان', 'oman', []],
      ['Hillary Clinton', 'hillary-clinton', []],
    ]);
    expect(alsoIn('Bill Clinton said Clinton would come')).toEqual([
      ['Bill Clinton', 'bill-clinton', []],
      ['Clinton', 'bill-clinton', ['hillary-clinton']],
    ]);
  });
});
