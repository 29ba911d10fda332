import { existsSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as v from 'valibot';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PackSchema } from '@/lib/packs/format';
import { MAX_SOURCE_BYTES } from '@/lib/packs/source';
import { runPackCli } from '../../../scripts/lib/pack-cli';

// Every file the command reads whole, so a test can tell that a file was refused before being read.
const reads = vi.hoisted(() => [] as string[]);
vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>();
  const readFile = ((path: Parameters<typeof real.readFile>[0], ...rest: unknown[]) => {
    reads.push(String(path));
    return (real.readFile as (...args: unknown[]) => Promise<unknown>)(path, ...rest);
  }) as typeof real.readFile;
  return { ...real, default: { ...real, readFile }, readFile };
});

const temps: string[] = [];
afterEach(() => {
  vi.restoreAllMocks();
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function folder(files: Record<string, string | Uint8Array>): string {
  const dir = mkdtempSync(join(tmpdir(), 'hashiya-pack-'));
  temps.push(dir);
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

/** Runs the command; returns its exit code and what it printed. */
async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((line: string) => void out.push(line));
  vi.spyOn(console, 'error').mockImplementation((line: string) => void err.push(line));
  const code = await runPackCli(args, new Date('2026-11-29T12:00:00Z'));
  vi.restoreAllMocks();
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const LIST =
  'type,name_ar,name_en,aliases,description_en\nperson,سارة الخطيب,Sara Khatib,الخطيب,Editor\nplace,,Springfield,,A town\n';
const CORPUS =
  'Sara\tB-PER\nKhatib\tI-PER\nvisited\tO\nTyre\tB-LOC\n\nHope\tB-PER\nsaid\tO\n\nthere\tO\nis\tO\nhope\tO\n\nhope\tO\n';

describe('npm run dictionary -- --pack', () => {
  it('writes a versioned pack from a list and a corpus, with provenance, and reports what the corpus lost', async () => {
    const dir = folder({ 'news.csv': LIST, 'tagged.conll': CORPUS });
    const out = join(dir, 'pack.json');
    const result = await run([
      '--pack',
      join(dir, 'news.csv'),
      join(dir, 'tagged.conll'),
      '--out',
      out,
      '--name',
      'Newsroom',
      '--licence',
      'CC-BY-4.0',
    ]);
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    expect(reads).toContain(join(dir, 'news.csv'));
    const pack = v.parse(PackSchema, JSON.parse(readFileSync(out, 'utf8')));
    expect(pack).toMatchObject({
      format: 'hashiya-pack',
      version: 1,
      name: 'Newsroom',
      licence: 'CC-BY-4.0',
      built: '2026-11-29',
    });
    expect(pack.entities.map((e) => [e.id, e.type, e.source])).toEqual([
      ['sara-khatib', 'person', 'news.csv:2'],
      ['springfield', 'place', 'news.csv:3'],
      ['tyre', 'place', 'tagged.conll:4, tagged LOC in 1 of 1 occurrence'],
    ]);
    expect(result.out).toContain('dropped "Hope"');
    expect(result.out).toContain('no clear majority: PER in 1 of 3 occurrences (untagged 2)');
    expect(result.out).toContain('left out "Sara Khatib"');
    expect(result.out).toContain('Wrote');
  });

  it.each([
    ['missing columns', 'a.csv', 'type,name_en\nperson,Sara\n', /a\.csv:1: missing column name_ar/],
    ['an unknown type', 'a.csv', 'type,name_ar,name_en\nanimal,,Cat\n', /a\.csv:2: unknown type "animal"/],
    [
      'I- without B-',
      'c.conll',
      'the\tO\nKhatib\tI-PER\n',
      /c\.conll:2: I-PER continues a name that was never started/,
    ],
    [
      'mismatched BIO types',
      'c.conll',
      'Bank\tB-ORG\nLebanon\tI-LOC\n',
      /c\.conll:2: I-LOC continues a ORG name/,
    ],
    [
      'bad encoding',
      'a.csv',
      new Uint8Array([
        ...new TextEncoder().encode('type,name_ar,name_en\nplace,'),
        0xc7,
        0xe1,
        0x2c,
        0x41,
        0x0a,
      ]),
      /a\.csv:2: not valid UTF-8/,
    ],
  ])(
    'stops on %s with file:line and writes nothing (an earlier pack stays as it was)',
    async (_what, name, content, message) => {
      const dir = folder({ [name]: content, 'pack.json': 'the earlier pack\n' });
      const result = await run(['--pack', join(dir, name), '--out', join(dir, 'pack.json')]);
      expect(result.code).toBe(1);
      expect(result.err).toMatch(message);
      expect(result.err).toContain('Nothing was written.');
      expect(readFileSync(join(dir, 'pack.json'), 'utf8')).toBe('the earlier pack\n');
    },
  );

  it('refuses a 100 MB file by its size, before reading it', async () => {
    const dir = folder({});
    const big = join(dir, 'huge.csv');
    // A sparse file: 100 MB long, nothing written to the disk.
    writeFileSync(big, '');
    truncateSync(big, 100 * 1024 * 1024);
    const result = await run(['--pack', big, '--out', join(dir, 'pack.json')]);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(
      /huge\.csv: the file is 100 MB, over the 50 MB limit; split it into smaller files/,
    );
    expect(existsSync(join(dir, 'pack.json'))).toBe(false);
    expect(MAX_SOURCE_BYTES).toBeLessThan(100 * 1024 * 1024);
    expect(reads).not.toContain(big);
  });

  it('answers a call without files with the usage (exit 2)', async () => {
    const result = await run(['--pack']);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/--pack needs at least one FILE/);
    expect(result.err).toMatch(/usage: npm run dictionary -- --pack FILE/);
  });
});
