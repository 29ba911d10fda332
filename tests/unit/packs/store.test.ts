import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { PACK_FORMAT, PACK_VERSION, type Pack } from '@/lib/packs/format';
import { previewPackFile } from '@/lib/packs/preview';
import {
  installPack,
  listPacks,
  loadEnabledPacks,
  PACKS_BUDGET_BYTES,
  removePack,
  restorePack,
  setPackEnabled,
  watchPacks,
} from '@/lib/packs/store';
import { entity } from '../entities/test-dictionary';

const utf8 = (text: string) => new TextEncoder().encode(text);

function pack(name: string, count = 1, description = ''): Pack {
  return {
    format: PACK_FORMAT,
    version: PACK_VERSION,
    name,
    source: 'list.csv',
    licence: 'CC-BY-4.0',
    credit: 'The Newsroom',
    built: '2026-11-29',
    entities: Array.from({ length: count }, (_, i) => ({
      ...entity(`e-${i}`, i % 2 ? 'place' : 'person', '', `Name ${i}`),
      description: { ar: '', en: description },
      source: `list.csv:${i + 2}`,
    })),
  };
}

beforeEach(() => fakeBrowser.reset());

describe('installed packs (browser.storage.local)', () => {
  it('installs, lists with size and counts, switches, removes and restores a pack; watchers hear each change', async () => {
    const heard: string[] = [];
    const stop = watchPacks((packs) => heard.push(packs.map((p) => `${p.id}:${p.enabled}`).join(',')));
    const entry = await installPack(pack('Newsroom', 3));
    expect(entry).toMatchObject({
      id: 'newsroom',
      enabled: true,
      entities: 3,
      counts: { person: 2, place: 1 },
    });
    expect(entry.bytes).toBe(new TextEncoder().encode(JSON.stringify(pack('Newsroom', 3))).length);
    await installPack(pack('Research corpus'));
    expect((await listPacks()).map((p) => p.id)).toEqual(['newsroom', 'research-corpus']);

    await setPackEnabled('newsroom', false);
    expect((await loadEnabledPacks()).map((p) => p.entry.id)).toEqual(['research-corpus']);

    const removed = await removePack('newsroom');
    expect((await listPacks()).map((p) => p.id)).toEqual(['research-corpus']);
    if (!removed) throw new Error('nothing removed');
    await restorePack(removed);
    expect((await listPacks()).map((p) => [p.id, p.enabled])).toEqual([
      ['newsroom', false],
      ['research-corpus', true],
    ]);
    stop();
    expect(heard).toContain('newsroom:true');
    expect(heard).toContain('newsroom:false,research-corpus:true');
    expect(heard.at(-1)).toBe('newsroom:false,research-corpus:true');
  });

  it('a pack with the same name replaces the installed one, in its place', async () => {
    await installPack(pack('Newsroom', 1));
    await installPack(pack('Other'));
    await installPack(pack('Newsroom', 4));
    expect((await listPacks()).map((p) => [p.id, p.entities])).toEqual([
      ['newsroom', 4],
      ['other', 1],
    ]);
    const [loaded] = await loadEnabledPacks();
    expect(loaded?.pack.entities).toHaveLength(4);
  });

  it('refuses a pack over the room left, writing nothing', async () => {
    // Each entity takes over 1,000 bytes: 7 MB fit, 7 MB more do not.
    const entities = Math.ceil((7 * 1024 * 1024) / 1_000);
    await installPack(pack('Filler', entities, 'y'.repeat(1_000)));
    expect(PACKS_BUDGET_BYTES).toBeLessThan(14 * 1024 * 1024);
    await expect(installPack(pack('Big', entities, 'x'.repeat(1_000)))).rejects.toThrow(
      /over the 9\.0 MB packs may use/,
    );
    expect((await listPacks()).map((p) => p.id)).toEqual(['filler']);
  });
});

describe('previewing a picked file', () => {
  it('previews a built pack: name, counts per type, nothing wrong', () => {
    const preview = previewPackFile(
      'newsroom.json',
      utf8(JSON.stringify(pack('Newsroom', 3))),
      [],
      '2026-11-29',
    );
    expect(preview.problems).toEqual([]);
    expect(preview.pack?.name).toBe('Newsroom');
    expect(preview.counts).toMatchObject({ person: 2, place: 1, organisation: 0 });
  });

  it('lists what is wrong with a damaged pack, and offers nothing to install', () => {
    const damaged = pack('Newsroom', 2) as unknown as { entities: Record<string, unknown>[] };
    (damaged.entities[1] as Record<string, unknown>).type = 'city';
    const preview = previewPackFile('newsroom.json', utf8(JSON.stringify(damaged)), [], '2026-11-29');
    expect(preview.pack).toBeUndefined();
    expect(preview.problems).toEqual([
      'entities.1.type: the type is not one of person, organisation, government, group, place',
    ]);
    expect(previewPackFile('x.json', utf8('{"format": "other"'), [], '2026-11-29').problems[0]).toMatch(
      /^x\.json: not JSON/,
    );
    expect(previewPackFile('x.json', utf8('{"format": "other"}'), [], '2026-11-29').problems[0]).toMatch(
      /^format: not a Hashiya pack/,
    );
  });

  it('builds a CSV list or a CoNLL corpus into a pack, and reports a broken one with file:line', () => {
    const csv = previewPackFile(
      'Newsroom.csv',
      utf8('type,name_ar,name_en\nplace,,Springfield\n'),
      [],
      '2026-11-29',
    );
    expect(csv.problems).toEqual([]);
    expect(csv.pack).toMatchObject({
      name: 'Newsroom',
      licence: '',
      entities: [{ source: 'Newsroom.csv:2' }],
    });
    const conll = previewPackFile(
      'c.conll',
      utf8('Hope\tB-PER\n\nhope\tO\n\nTyre\tB-LOC\n'),
      [],
      '2026-11-29',
    );
    expect(conll.counts).toMatchObject({ place: 1, person: 0 });
    expect(conll.dropped).toBe(1);
    expect(previewPackFile('c.conll', utf8('the\tO\nKhatib\tI-PER\n'), [], '2026-11-29').problems).toEqual([
      "c.conll:2: I-PER continues a name that was never started: the name's first token needs B-PER",
    ]);
  });

  it('says when it replaces an installed pack of the same name', async () => {
    const entry = await installPack(pack('Newsroom'));
    const preview = previewPackFile(
      'n.json',
      utf8(JSON.stringify(pack('Newsroom', 2))),
      [entry],
      '2026-11-29',
    );
    expect(preview.plan?.replaces?.id).toBe('newsroom');
  });
});
