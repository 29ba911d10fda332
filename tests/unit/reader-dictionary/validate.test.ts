import { describe, expect, it } from 'vitest';
import { answerMessage } from '@/lib/messaging/messenger';
import { readerDictionaryProtocol } from '@/lib/reader-dictionary/validate';

const sender = { id: 'hashiya' };

/** What the background's messenger answers to a save from a (possibly hostile) page. */
async function save(entry: unknown): Promise<{ ok: boolean; error?: string }> {
  const reply = await answerMessage(
    readerDictionaryProtocol,
    {
      'save-reader-entry': async ({ entry: e }) => ({
        ...e,
        id: '0b7c3d1e-5f6a-4b8c-9d0e-1f2a3b4c5d6e',
        created: '2026-03-01T10:00:00.000Z',
        modified: '2026-03-01T10:00:00.000Z',
      }),
      'delete-reader-entry': async () => {
        throw new Error('unused');
      },
      'undo-delete-reader-entry': async () => {
        throw new Error('unused');
      },
      'list-reader-entries': async () => [],
    },
    { type: 'save-reader-entry', data: { entry } },
    sender,
  );
  return reply as { ok: boolean; error?: string };
}

const ENTITY = {
  kind: 'entity',
  type: 'person',
  names: { ar: 'بلال حمدان', en: '' },
  aliases: { ar: [], en: [] },
  description: { ar: '', en: '' },
};

describe('reader dictionary messages', () => {
  it('accepts each kind of entry', async () => {
    expect((await save(ENTITY)).ok).toBe(true);
    expect(
      (
        await save({
          kind: 'override',
          entityId: 'iran',
          type: 'government',
          aliases: { ar: [], en: ['Tehran govt'] },
        })
      ).ok,
    ).toBe(true);
    expect(
      (await save({ kind: 'suppression', entityId: 'jordan', form: 'Jordan', site: 'sports.example' })).ok,
    ).toBe(true);
    expect((await save({ kind: 'suppression', entityId: 'jordan', form: 'Jordan', site: null })).ok).toBe(
      true,
    );
    expect((await save({ kind: 'dismissed', form: 'Possible Name' })).ok).toBe(true);
  });

  it('refuses malformed entries with a clear reason, before the store sees them', async () => {
    const cases: [unknown, RegExp][] = [
      [{ ...ENTITY, names: { ar: ' ', en: '' } }, /no name in either language/],
      [{ ...ENTITY, type: 'city' }, /not one of the types/],
      [{ ...ENTITY, aliases: { ar: [''], en: [] } }, /an empty form/],
      [{ ...ENTITY, id: 'not-a-uuid' }, /not an entry id/],
      [{ ...ENTITY, names: { ar: 'x'.repeat(5000), en: '' } }, /longer than/],
      [{ kind: 'override', entityId: '<script>', aliases: { ar: [], en: [] } }, /not an entity id/],
      [{ kind: 'suppression', entityId: 'jordan', form: 'Jordan', site: 'a b/c' }, /not a hostname/],
      [{ kind: 'rename', form: 'x' }, /kind/],
    ];
    for (const [entry, reason] of cases) {
      const reply = await save(entry);
      expect(reply.ok, JSON.stringify(entry).slice(0, 80)).toBe(false);
      expect(reply.error).toMatch(reason);
    }
  });
});
