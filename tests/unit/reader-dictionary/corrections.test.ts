import { readFileSync } from 'node:fs';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { compileMatcher } from '@/lib/entities/matcher';
import type { Dictionary, Entity } from '@/lib/entities/types';
import { withReaderDictionary } from '@/lib/reader-dictionary/apply';
import { addSpelling, type Correction, changeType, suppress } from '@/lib/reader-dictionary/corrections';
import { READER_SOURCE, type ReaderEntry, readerEntityId } from '@/lib/reader-dictionary/model';
import { NewReaderEntrySchema } from '@/lib/reader-dictionary/validate';

const shipped = compileMatcher(
  JSON.parse(readFileSync('lib/generated/dictionary.json', 'utf8')) as Dictionary,
);
const entity = (id: string): Entity => {
  const found = shipped.entity(id);
  if (!found) throw new Error(`no ${id} in the shipped dictionary`);
  return found;
};

const ID = (n: number) => `0b7c3d1e-5f6a-4b8c-9d0e-1f2a3b4c5d${String(n).padStart(2, '0')}`;
const TIME = '2026-03-01T10:00:00.000Z';

/** A tiny store: applies a correction's change (or undo) the way the background's store does. */
function apply(entries: ReaderEntry[], change: Correction['change']): ReaderEntry[] {
  if (change.kind === 'save') {
    expect(v.safeParse(NewReaderEntrySchema, change.entry).success, 'a valid message').toBe(true);
    const record = { ...change.entry, created: TIME, modified: TIME } as ReaderEntry;
    return [...entries.filter((e) => e.id !== change.entry.id), record];
  }
  return entries.map((e) => {
    if (e.id !== change.id) return e;
    if (change.kind === 'delete') return { ...e, deleted: TIME };
    const { deleted: _d, ...rest } = e;
    return rest as ReaderEntry;
  });
}

function found(entries: ReaderEntry[], text: string, site = 'news.example'): string[] {
  const matcher = withReaderDictionary(shipped, entries, site, compileMatcher);
  return matcher
    .match(text)
    .map((m) => `${m.entityId}:${matcher.entity(m.entityId)?.type}:${text.slice(m.start, m.end)}`);
}

describe('corrections from the card', () => {
  it('"change type for me" stores one override of the shipped entity, repaints with the type, and Undo takes it back', () => {
    const iran = entity('iran');
    const correction = changeType([], iran, iran.type, 'organisation', ID(1));
    expect(correction?.change).toEqual({
      kind: 'save',
      entry: {
        id: ID(1),
        kind: 'override',
        entityId: 'iran',
        type: 'organisation',
        aliases: { ar: [], en: [] },
      },
    });
    let entries = apply([], correction?.change ?? { kind: 'delete', id: '' });
    expect(found(entries, 'زار إيران')).toEqual(['iran:organisation:إيران']);
    // Another type keeps the same override (one row per corrected entity), Undo restores the first.
    const again = changeType(entries, { ...iran, type: 'organisation' }, iran.type, 'group', ID(2));
    expect(again?.change.kind === 'save' && again.change.entry.id).toBe(ID(1));
    entries = apply(entries, again?.change ?? { kind: 'delete', id: '' });
    expect(found(entries, 'زار إيران')).toEqual(['iran:group:إيران']);
    entries = apply(entries, again?.undo ?? { kind: 'delete', id: '' });
    expect(found(entries, 'زار إيران')).toEqual(['iran:organisation:إيران']);
    entries = apply(entries, correction?.undo ?? { kind: 'delete', id: '' });
    expect(found(entries, 'زار إيران')).toEqual(['iran:place:إيران']);
  });

  it('choosing the dictionary’s type again takes the reader’s type away; the same type is nothing to do', () => {
    const iran = entity('iran');
    expect(changeType([], iran, 'place', 'place', ID(1))).toBeNull();
    const entries = apply(
      [],
      changeType([], iran, 'place', 'group', ID(1))?.change ?? { kind: 'delete', id: '' },
    );
    const back = changeType(entries, { ...iran, type: 'group' }, 'place', 'place', ID(2));
    expect(back).toEqual({ change: { kind: 'delete', id: ID(1) }, undo: { kind: 'restore', id: ID(1) } });
  });

  it('the reader’s own entity is edited itself, never overridden', () => {
    const mine: ReaderEntry = {
      id: ID(5),
      created: TIME,
      modified: TIME,
      kind: 'entity',
      type: 'person',
      names: { ar: 'بلال حمدان', en: '' },
      aliases: { ar: [], en: [] },
      description: { ar: '', en: '' },
    };
    const asEntity = withReaderDictionary(shipped, [mine], 'x', compileMatcher).entity(readerEntityId(ID(5)));
    expect(asEntity?.source).toBe(READER_SOURCE);
    const correction = changeType([mine], asEntity as Entity, undefined, 'organisation', ID(6));
    expect(correction?.change).toMatchObject({
      kind: 'save',
      entry: { id: ID(5), kind: 'entity', type: 'organisation' },
    });
    expect(correction?.undo).toMatchObject({ kind: 'save', entry: { id: ID(5), type: 'person' } });
    const spelled = addSpelling([mine], asEntity as Entity, 'أبو بلال', ID(7));
    expect(spelled?.change).toMatchObject({ entry: { id: ID(5), aliases: { ar: ['أبو بلال'], en: [] } } });
  });

  it('"not this entity here" on one site leaves the form highlighted on others; everywhere takes it away everywhere', () => {
    const site = suppress('tehran', ' طهران ', 'news.example', ID(1));
    expect(site?.change).toEqual({
      kind: 'save',
      entry: { id: ID(1), kind: 'suppression', entityId: 'tehran', form: 'طهران', site: 'news.example' },
    });
    expect(site?.undo).toEqual({ kind: 'delete', id: ID(1) });
    const entries = apply([], site?.change ?? { kind: 'delete', id: '' });
    expect(found(entries, 'وصل من طهران', 'news.example')).toEqual([]);
    expect(found(entries, 'وصل من طهران', 'other.example')).toEqual(['tehran:place:طهران']);
    const everywhere = apply(
      [],
      suppress('tehran', 'طهران', null, ID(2))?.change ?? { kind: 'delete', id: '' },
    );
    expect(found(everywhere, 'وصل من طهران', 'other.example')).toEqual([]);
    expect(suppress('tehran', '  ', null, ID(3))).toBeNull();
  });

  it('"add this spelling to…" makes the mention’s form an alias of another entity, filed by its script; Undo removes it', () => {
    const iran = entity('iran');
    const text = 'قالت الجمهورية الفارسية اليوم';
    expect(found([], text)).toEqual([]);
    const correction = addSpelling([], iran, 'الجمهورية الفارسية', ID(1));
    expect(correction?.change).toEqual({
      kind: 'save',
      entry: {
        id: ID(1),
        kind: 'override',
        entityId: 'iran',
        aliases: { ar: ['الجمهورية الفارسية'], en: [] },
      },
    });
    let entries = apply([], correction?.change ?? { kind: 'delete', id: '' });
    expect(found(entries, text)).toEqual(['iran:place:الجمهورية الفارسية']);
    // A second spelling joins the same override, an English one under en; a known one is nothing to do.
    const second = addSpelling(entries, iran, 'Persia', ID(2));
    expect(second?.change).toMatchObject({
      entry: { id: ID(1), aliases: { ar: ['الجمهورية الفارسية'], en: ['Persia'] } },
    });
    entries = apply(entries, second?.change ?? { kind: 'delete', id: '' });
    expect(addSpelling(entries, iran, 'persia', ID(3))).toBeNull();
    entries = apply(entries, second?.undo ?? { kind: 'delete', id: '' });
    entries = apply(entries, correction?.undo ?? { kind: 'delete', id: '' });
    expect(found(entries, text)).toEqual([]);
  });

  it('a form the dictionary gives one entity goes to the entity the reader named, with the type of that entity', () => {
    // عمان alone is Oman; the reader says this one is Amman.
    const amman = entity('amman');
    expect(found([], 'وصل إلى عمان')).toEqual(['oman:place:عمان']);
    const entries = apply([], addSpelling([], amman, 'عمان', ID(1))?.change ?? { kind: 'delete', id: '' });
    expect(found(entries, 'وصل إلى عمان')).toEqual(['amman:place:عمان']);
    expect(addSpelling(entries, amman, 'عُمان', ID(2))).toBeNull();
  });
});
