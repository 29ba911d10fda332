import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Matcher } from '@/lib/entities/matcher';
import { compileMatcher } from '@/lib/entities/matcher';
import type { Dictionary } from '@/lib/entities/types';
import { withReaderDictionary } from '@/lib/reader-dictionary/apply';
import { type ReaderEntry, readerEntityId } from '@/lib/reader-dictionary/model';

const shipped = compileMatcher(
  JSON.parse(readFileSync('lib/generated/dictionary.json', 'utf8')) as Dictionary,
);

const stamps = (n: number) => ({
  id: `0b7c3d1e-5f6a-4b8c-9d0e-1f2a3b4c5d${String(n).padStart(2, '0')}`,
  created: '2026-03-01T10:00:00.000Z',
  modified: `2026-03-01T10:00:${String(n).padStart(2, '0')}.000Z`,
});

const MAYOR: ReaderEntry = {
  ...stamps(1),
  kind: 'entity',
  type: 'person',
  names: { ar: 'بلال حمدان', en: 'Bilal Hamdan' },
  aliases: { ar: [], en: [] },
  description: { ar: 'رئيس بلدية', en: 'A mayor' },
};

/** Each mention as "entity:text". */
function found(matcher: Matcher, text: string): string[] {
  return matcher.match(text).map((m) => `${m.entityId}:${text.slice(m.start, m.end)}`);
}

describe('the reader’s dictionary on a page', () => {
  const mayor = readerEntityId(MAYOR.id);

  it('matches an entity the reader added with the Arabic rules: clitics, and the surname after the full name', () => {
    const matcher = withReaderDictionary(shipped, [MAYOR], 'news.example', compileMatcher);
    const text =
      'قال رئيس البلدية وبلال حمدان في إيران إن حمدان سيعود. Bilal Hamdan said Hamdan would return.';
    expect(found(matcher, text)).toEqual([
      `${mayor}:بلال حمدان`,
      'iran:إيران',
      `${mayor}:حمدان`,
      `${mayor}:Bilal Hamdan`,
      `${mayor}:Hamdan`,
    ]);
    expect(matcher.entity(mayor)?.source).toBe('reader');
    expect(matcher.entity(mayor)?.names.en).toBe('Bilal Hamdan');
    // Nothing of theirs: the same text as before.
    expect(found(withReaderDictionary(shipped, [], 'news.example', compileMatcher), text)).toEqual([
      'iran:إيران',
    ]);
  });

  it('wins over the dictionary where a reader entity and a shipped one overlap', () => {
    const airline: ReaderEntry = {
      ...stamps(2),
      kind: 'entity',
      type: 'organisation',
      names: { ar: 'طيران الأردن', en: '' },
      aliases: { ar: [], en: [] },
      description: { ar: '', en: '' },
    };
    const text = 'أعلنت طيران الأردن استئناف رحلاتها إلى الأردن';
    expect(found(shipped, text)).toEqual(['jordan:الأردن', 'jordan:الأردن']);
    expect(found(withReaderDictionary(shipped, [airline], '', compileMatcher), text)).toEqual([
      `${readerEntityId(airline.id)}:طيران الأردن`,
      'jordan:الأردن',
    ]);
  });

  it('applies a type correction and an added spelling to a shipped entity, without editing it', () => {
    const entries: ReaderEntry[] = [
      {
        ...stamps(3),
        kind: 'override',
        entityId: 'iran',
        type: 'government',
        aliases: { ar: [], en: ['Persia'] },
      },
    ];
    const matcher = withReaderDictionary(shipped, entries, '', compileMatcher);
    expect(matcher.entity('iran')?.type).toBe('government');
    expect(shipped.entity('iran')?.type).toBe('place');
    expect(found(matcher, 'Persia and Iran')).toEqual(['iran:Persia', 'iran:Iran']);
  });

  it('types a spelling the reader added from the dictionary’s tables alone, before its entries come', () => {
    // The shipped dictionary as a page has it just after its tables arrived: types, no entries.
    const tablesOnly = {
      match: (text: string) => shipped.match(text),
      entity: () => undefined,
      typeOf: (id: string) => shipped.entity(id)?.type,
      entities: [],
    };
    const spelling: ReaderEntry = {
      ...stamps(4),
      kind: 'override',
      entityId: 'iran',
      aliases: { ar: [], en: ['Persia'] },
    };
    const retyped: ReaderEntry = {
      ...stamps(5),
      kind: 'override',
      entityId: 'tehran',
      type: 'government',
      aliases: { ar: [], en: [] },
    };
    const matcher = withReaderDictionary(tablesOnly, [spelling, retyped], '', compileMatcher);
    const mentions = matcher.match('Persia, Iran and Tehran');
    expect(mentions.map((m) => [m.entityId, matcher.typeOf(m.entityId)])).toEqual([
      ['iran', 'place'],
      ['iran', 'place'],
      ['tehran', 'government'],
    ]);
  });

  it('suppresses a form of an entity on one site, or everywhere, and forgets a deleted suppression', () => {
    const onSports: ReaderEntry = {
      ...stamps(4),
      kind: 'suppression',
      entityId: 'jordan',
      form: 'Jordan',
      site: 'sports.example',
    };
    const text = 'The king of Jordan spoke in Amman.';
    const unsuppressed = found(shipped, text);
    expect(unsuppressed).toContain('jordan:Jordan');
    const withoutJordan = unsuppressed.filter((m) => m !== 'jordan:Jordan');
    expect(found(withReaderDictionary(shipped, [onSports], 'sports.example', compileMatcher), text)).toEqual(
      withoutJordan,
    );
    expect(found(withReaderDictionary(shipped, [onSports], 'news.example', compileMatcher), text)).toEqual(
      unsuppressed,
    );
    const everywhere: ReaderEntry = { ...onSports, site: null };
    expect(found(withReaderDictionary(shipped, [everywhere], 'news.example', compileMatcher), text)).toEqual(
      withoutJordan,
    );
    const deleted: ReaderEntry = { ...everywhere, deleted: '2026-03-02T10:00:00.000Z' };
    expect(found(withReaderDictionary(shipped, [deleted], 'news.example', compileMatcher), text)).toEqual(
      unsuppressed,
    );
  });

  it('compares a suppressed form folded, as the matcher does (hamza and diacritics)', () => {
    const entry: ReaderEntry = {
      ...stamps(5),
      kind: 'suppression',
      entityId: 'jordan',
      form: 'الاردن',
      site: null,
    };
    expect(found(withReaderDictionary(shipped, [entry], '', compileMatcher), 'وصل إلى الأردن')).toEqual([]);
  });
});
