import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Dictionary } from '../../../lib/entities/types';
import { type CliResult, runEntities } from '../../../scripts/lib/entities-cli';

const ROOT = resolve('.');
const SEED_PATH = 'corpus/000_8bc69fdfd68826f6.txt';
const SEED = readFileSync(SEED_PATH, 'utf8');
const dictionary = JSON.parse(readFileSync('lib/generated/dictionary.json', 'utf8')) as Dictionary;

const dir = mkdtempSync(join(tmpdir(), 'hashiya-entities-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

// A news page: the story in an <article>, with a menu and a footer that name entities too.
const paragraphs = SEED.split('. ')
  .map((p) => `<p>${p}.</p>`)
  .join('\n');
const PAGE = `<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>ألبانيا تقطع علاقاتها مع إيران</title></head>
<body><nav><a href="/">الرئيسية</a> <a href="/w">أخبار واشنطن</a></nav>
<article><h1>ألبانيا تقطع علاقاتها مع إيران</h1>${paragraphs}</article>
<footer>مكتب واشنطن — جميع الحقوق محفوظة</footer></body></html>`;

async function run(files: string[]): Promise<{ code: number; out: CliResult[]; err: string[] }> {
  const out: CliResult[] = [];
  const err: string[] = [];
  const code = await runEntities(files, dictionary, {
    out: (line) => out.push(JSON.parse(line) as CliResult),
    err: (line) => err.push(line),
  });
  return { code, out, err };
}

describe('runEntities', () => {
  it('prints the mentions of a .txt file with offsets into its text', async () => {
    const { code, out, err } = await run([SEED_PATH]);
    expect(code).toBe(0);
    expect(err).toEqual([]);
    const [result] = out;
    expect(result?.file).toBe(SEED_PATH);
    expect(result?.mentions.length).toBeGreaterThanOrEqual(40);
    for (const m of result?.mentions ?? []) expect(SEED.slice(m.start, m.end)).toBe(m.text);
    expect(result?.mentions[0]).toEqual({
      start: 0,
      end: 6,
      text: 'تيرانا',
      kind: 'name',
      entity: { id: 'tirana', type: 'place', names: { ar: 'تيرانا', en: 'Tirana' } },
    });
  });

  it('removes a byte order mark; offsets are into the text after it', async () => {
    const path = file('bom.txt', `\uFEFFقالت ألبانيا`);
    const { out } = await run([path]);
    expect(out[0]?.mentions).toMatchObject([{ start: 5, end: 12, text: 'ألبانيا' }]);
  });

  it('reads the article of an HTML page through Readability, not its menu or footer', async () => {
    const path = file('page.html', PAGE);
    const { code, out } = await run([path]);
    expect(code).toBe(0);
    const ids = out[0]?.mentions.map((m) => m.entity.id) ?? [];
    expect(ids).toContain('edi-rama');
    expect(ids).toContain('mujahedin-e-khalq');
    expect(ids).not.toContain('washington');
  });

  it('reports missing, unreadable and article-less files, goes on with the others, and exits 2', async () => {
    const empty = file('empty.html', '<!doctype html><html><body><nav>menu</nav></body></html>');
    const latin1 = file('latin1.txt', Uint8Array.from([0x63, 0x61, 0x66, 0xe9]));
    const missing = join(dir, 'missing.txt');
    const { code, out, err } = await run([missing, SEED_PATH, empty, latin1, 'notes.pdf']);
    expect(code).toBe(2);
    expect(out.map((r) => r.file)).toEqual([SEED_PATH]);
    expect(err).toEqual([
      `entities: ${missing}: cannot read the file (no such file)`,
      `entities: ${empty}: no article found in the HTML`,
      `entities: ${latin1}: not valid UTF-8; save the file as UTF-8`,
      'entities: notes.pdf: unsupported file type; give a .txt or .html file',
    ]);
  });

  it('asks for files when given none', async () => {
    const { code, err } = await run([]);
    expect(code).toBe(2);
    expect(err[0]).toMatch(/usage: npm run entities -- FILE/);
  });
});

describe('npm run entities (the command)', () => {
  it('prints one JSON line per file and an error line per bad file', () => {
    const missing = join(dir, 'nope.txt');
    const result = spawnSync('npx', ['tsx', 'scripts/entities.ts', SEED_PATH, missing], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(result.status).toBe(2);
    const lines = result.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const parsed = JSON.parse(lines[0] ?? '') as CliResult;
    expect(parsed.file).toBe(SEED_PATH);
    expect(parsed.mentions.some((m) => m.entity.id === 'iran')).toBe(true);
    expect(result.stderr.trim()).toBe(`entities: ${missing}: cannot read the file (no such file)`);
  }, 60_000);
});
