import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { matcherFromFile } from '../../../lib/entities/dictionary-tables';
import { compileMatcher, type Matcher } from '../../../lib/entities/matcher';
import {
  BuildError,
  buildAndWrite,
  buildDictionary,
  firstInvalidUtf8,
  formatReport,
} from '../../../scripts/lib/build-dictionary';

const ROOT = resolve('.');
const CORPUS = join(ROOT, 'corpus');
const SHIPPED = join(ROOT, 'lib/generated/dictionary.json');
const SEED = readFileSync(join(CORPUS, '000_8bc69fdfd68826f6.txt'), 'utf8');
const ENTITIES = readFileSync(join(CORPUS, 'entities.txt'), 'utf8');

const temps: string[] = [];
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A temporary corpus folder with the given files (name → text or bytes). */
function corpus(files: Record<string, string | Uint8Array>): string {
  const dir = mkdtempSync(join(tmpdir(), 'hashiya-corpus-'));
  temps.push(dir);
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

async function rejection(promise: Promise<unknown>): Promise<BuildError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(BuildError);
  return error as BuildError;
}

describe('the checked-in dictionary', () => {
  it('is what the builder produces from corpus/ now', async () => {
    const { json } = await buildDictionary({ corpusDir: CORPUS });
    const shipped = readFileSync(SHIPPED, 'utf8');
    // Not toBe(): a 100 kB diff helps nobody; say what to do instead.
    expect(
      shipped === json,
      'lib/generated/dictionary.json is stale: run `npm run dictionary` and commit the result',
    ).toBe(true);
  });

  it('holds every entity once, source by source (the preference order), sorted by id within each', () => {
    const dict = JSON.parse(readFileSync(SHIPPED, 'utf8')) as {
      version: number;
      entities: { id: string; source: string }[];
    };
    expect(dict.version).toBe(1);
    const ids = dict.entities.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    // The curated world files form one layer.
    const layerOf = (source: string): string =>
      /^corpus\/world\/[^/]+\.txt$/.test(source) ? 'corpus/world/' : source;
    const layers = [...new Set(dict.entities.map((e) => layerOf(e.source)))];
    expect(layers.slice(0, 2)).toEqual(['corpus/entities.txt', 'corpus/world/']);
    for (const layer of layers) {
      const run = dict.entities.filter((e) => layerOf(e.source) === layer).map((e) => e.id);
      const first = ids.indexOf(run[0] ?? '');
      expect(ids.slice(first, first + run.length), `${layer} is one run`).toEqual(run);
      expect(run, layer).toEqual([...run].sort());
    }
    expect(Object.keys(dict.entities[0] ?? {})).toEqual([
      'id',
      'type',
      'names',
      'aliases',
      'demonyms',
      'surnames',
      'description',
      'source',
    ]);
  });
});

describe('buildDictionary', () => {
  it('is deterministic: same input, byte-identical output, whatever the entity order in the source', async () => {
    const blocks = ENTITIES.split(/\n(?=\[)/);
    const header = blocks.shift() ?? '';
    const reversed = [header, ...blocks.reverse().map((b) => `${b.trimEnd()}\n`)].join('\n');
    const a = await buildDictionary({ corpusDir: corpus({ 'entities.txt': ENTITIES, 'seed.txt': SEED }) });
    const b = await buildDictionary({ corpusDir: corpus({ 'entities.txt': ENTITIES, 'seed.txt': SEED }) });
    const c = await buildDictionary({ corpusDir: corpus({ 'entities.txt': reversed, 'seed.txt': SEED }) });
    expect(b.json).toBe(a.json);
    expect(c.json).toBe(a.json);
    expect(a.json.endsWith('}\n')).toBe(true);
    expect(a.json).not.toMatch(/20\d\d-\d\d-\d\dT/); // no timestamps
  });

  it('tells each entity the forms it shares and with whom, for the card', async () => {
    const shared = `${ENTITIES}
[oman-test]
type: place
name.ar: سلطنة عمان
name.en: Oman Test
alias.ar: عمان
description.ar: دولة
description.en: A country

[amman-test]
type: place
name.ar: عمان
name.en: Amman Test
description.ar: مدينة
description.en: A city
`;
    const { dictionary, json, report } = await buildDictionary({
      corpusDir: corpus({ 'entities.txt': shared, 'seed.txt': SEED }),
    });
    expect(report.shared).toContainEqual({ form: 'عمان', ids: ['amman-test', 'oman-test'] });
    const byId = new Map(dictionary.entities.map((e) => [e.id, e]));
    expect(byId.get('oman-test')?.shared).toEqual({ عمان: ['amman-test'] });
    expect(byId.get('amman-test')?.shared).toEqual({ عمان: ['oman-test'] });
    expect(byId.get('edi-rama')?.shared).toBeUndefined();
    expect(JSON.parse(json).entities.find((e: { id: string }) => e.id === 'amman-test').shared).toEqual({
      عمان: ['oman-test'],
    });
  });

  it('reports per-entity counts and surface forms, unseen forms and candidates', async () => {
    const extra = 'وقالت شركة كراودسترايك إن الهجوم معقد. وأكدت شركة كراودسترايك ذلك.';
    const { report } = await buildDictionary({
      corpusDir: corpus({
        'entities.txt': ENTITIES,
        'seed.txt': SEED,
        'dropped-by-user.txt': extra,
        'x.md': 'ignored',
      }),
    });
    expect(report.files.map((f) => f.split('/').pop())).toEqual(['dropped-by-user.txt', 'seed.txt']);
    const tirana = report.entities.find((e) => e.id === 'tirana');
    expect(tirana).toEqual({ id: 'tirana', count: 3, forms: [{ text: 'تيرانا', count: 3 }] });
    const iran = report.entities.find((e) => e.id === 'iran');
    expect(iran?.forms[0]).toEqual({ text: 'إيران', count: 5 });
    expect(report.unseen).toContainEqual({ id: 'nato', form: 'الناتو', field: 'alias' });
    expect(report.unseen).not.toContainEqual(
      expect.objectContaining({ id: 'nato', form: 'حلف شمال الأطلسي' }),
    );
    // أمريكي is met as الأمريكية; أميركي is not in the story.
    expect(report.unseen).not.toContainEqual(expect.objectContaining({ form: 'أمريكي' }));
    expect(report.unseen).toContainEqual({ id: 'united-states', form: 'أميركي', field: 'demonym' });
    // The corpus has no English: English forms are not reported as missing.
    expect(report.unchecked).toEqual(['en']);
    expect(report.unseen).not.toContainEqual(expect.objectContaining({ form: 'NATO' }));
    expect(report.candidates[0]).toEqual({ text: 'كراودسترايك', count: 2, cues: ['context'] });
    const text = formatReport(report, 22);
    expect(text).toContain('كراودسترايك');
    expect(text).toMatch(/tirana\s+3\s+تيرانا ×3/);
  });

  it('adds the curated extra forms to entities of any layer, surnames only to people', async () => {
    const dir = corpus({ 'entities.txt': ENTITIES, 'seed.txt': SEED });
    mkdirSync(join(dir, 'world'));
    const extras = (lines: string) => writeFileSync(join(dir, 'world', 'country-extras.tsv'), lines);
    extras('# comment\nalbania\talias.ar\tألبانيا الشقيقة|البانيا\nedi-rama\tsurname.en\tRamaj\n');
    const byId = new Map(
      (await buildDictionary({ corpusDir: dir })).dictionary.entities.map((e) => [e.id, e]),
    );
    // A form the entity already has, once folded (البانيا = ألبانيا), is not added twice.
    expect(byId.get('albania')?.aliases.ar).toContain('ألبانيا الشقيقة');
    expect(byId.get('albania')?.aliases.ar).not.toContain('البانيا');
    expect(byId.get('edi-rama')?.surnames.en).toEqual(['Rama', 'Ramaj']);
    expect(byId.get('edi-rama')?.aliases.en).not.toContain('Ramaj');
    extras('albania\tsurname.ar\tألباني\n');
    const error = await rejection(buildDictionary({ corpusDir: dir }));
    expect(error.message).toMatch(/country-extras\.tsv:1: surnames are for people only/);
  });

  it('reads the plain words as words in the JSON and in the tables, and stops on a bad one with file:line', async () => {
    const dir = corpus({ 'entities.txt': ENTITIES, 'seed.txt': SEED });
    mkdirSync(join(dir, 'lists'));
    const plain = (lines: string) => writeFileSync(join(dir, 'lists', 'plain-words.txt'), lines);
    // A made-up word for the test: ل + تيرانا read as a word of its own.
    plain('# comment\nلتيرانا\n');
    const result = await buildDictionary({ corpusDir: dir });
    expect(result.dictionary.words).toEqual(['لتيرانا']);
    expect(JSON.parse(result.json).words).toEqual(['لتيرانا']);
    const text = 'وصل لتيرانا ثم ولتيرانا ثم إلى تيرانا';
    const spans = (m: Matcher) => m.match(text).map((x) => text.slice(x.start, x.end));
    expect(spans(compileMatcher(result.dictionary))).toEqual(['تيرانا']);
    expect(spans(matcherFromFile(result.tables.slice().buffer, result.entries.slice().buffer))).toEqual([
      'تيرانا',
    ]);
    // Without the list the clitic reading names Tirana three times.
    plain('');
    expect(spans(compileMatcher((await buildDictionary({ corpusDir: dir })).dictionary))).toHaveLength(3);

    plain('لتيرانا\n\nلتيرانا\n');
    expect((await rejection(buildDictionary({ corpusDir: dir }))).message).toMatch(
      /plain-words\.txt:3: "لتيرانا" is listed already, line 1/,
    );
    plain('# a name\nتيرانا\n');
    expect((await rejection(buildDictionary({ corpusDir: dir }))).message).toMatch(
      /plain-words\.txt:2: "تيرانا" is a form of tirana/,
    );
    plain('في\tتيرانا\n');
    expect((await rejection(buildDictionary({ corpusDir: dir }))).message).toMatch(
      /plain-words\.txt:1: "في\tتيرانا" has other space than one between words/,
    );
  });

  it('stops on an id two curated world files both use, naming both (one entity was silently lost)', async () => {
    const dir = corpus({ 'entities.txt': ENTITIES, 'seed.txt': SEED });
    mkdirSync(join(dir, 'world'));
    const block = (type: string, ar: string, en: string) =>
      `# header\n\n[petra]\ntype: ${type}\nname.ar: ${ar}\nname.en: ${en}\ndescription.ar: وصف\ndescription.en: A description\n`;
    writeFileSync(join(dir, 'world', 'media.txt'), block('organisation', 'بترا', 'Petra News Agency'));
    writeFileSync(join(dir, 'world', 'places.txt'), block('place', 'البتراء', 'Petra'));
    const error = await rejection(buildDictionary({ corpusDir: dir }));
    expect(error.message).toMatch(/places\.txt:3: duplicate id "petra": .*media\.txt:3 has it too/);
  });

  it('stops on a malformed curated entry with file:line, and writes nothing', async () => {
    const broken = ENTITIES.replace('type: place\nname.ar: تيرانا', 'type: city\nname.ar: تيرانا');
    const line = broken.split('\n').indexOf('type: city') + 1;
    const dir = corpus({ 'entities.txt': broken, 'seed.txt': SEED });
    const out = join(dir, 'out', 'dictionary.json');
    const error = await rejection(buildAndWrite({ corpusDir: dir, out }));
    expect(error.message).toMatch(new RegExp(`entities\\.txt:${line}: unknown type "city"`));
    expect(existsSync(out)).toBe(false);

    // An existing dictionary is left exactly as it was.
    mkdirSync(join(dir, 'out'));
    writeFileSync(out, 'previous');
    await rejection(buildAndWrite({ corpusDir: dir, out }));
    expect(readFileSync(out, 'utf8')).toBe('previous');
  });

  it('stops on an invalid UTF-8 corpus file, naming the file and line', async () => {
    const bytes = Buffer.concat([
      Buffer.from('سطر أول\nسطر ثان '),
      Buffer.from([0xd8]), // half of an Arabic letter
      Buffer.from(' بقية\n'),
    ]);
    const dir = corpus({ 'entities.txt': ENTITIES, 'a.txt': SEED, 'latin1.txt': bytes });
    const out = join(dir, 'dictionary.json');
    const error = await rejection(buildAndWrite({ corpusDir: dir, out }));
    expect(error.message).toMatch(/latin1\.txt:2: not valid UTF-8 \(byte 0xD8 at byte offset 28\)/);
    expect(existsSync(out)).toBe(false);
  });

  it('stops on an unreadable corpus file, naming it', async () => {
    const dir = corpus({ 'entities.txt': ENTITIES });
    symlinkSync(join(dir, 'nowhere'), join(dir, 'gone.txt'));
    const error = await rejection(buildDictionary({ corpusDir: dir }));
    expect(error.message).toMatch(/gone\.txt: cannot read the file \(no such file or folder\)/);
    const missing = await rejection(buildDictionary({ corpusDir: join(dir, 'absent') }));
    expect(missing.message).toMatch(/absent.*: cannot read the file/);
  });

  // Its speed is a bench figure (scripts/bench-matcher.ts, runCorpusBuildBench), not a timed test.
  it('counts every mention in a 10 MB corpus', async () => {
    const english =
      'Albania cut ties with Iran, Prime Minister Edi Rama said, after an attack that Microsoft blamed on ' +
      'Tehran. President Joe Biden said the United States would act.\n';
    const files: Record<string, string> = { 'entities.txt': ENTITIES };
    const part = `${SEED}\n${english.repeat(10)}`;
    const perFile = Math.ceil((2.5 * 1024 * 1024) / Buffer.byteLength(part));
    for (let k = 0; k < 4; k++) files[`part${k}.txt`] = part.repeat(perFile);
    const dir = corpus(files);
    const { report } = await buildDictionary({ corpusDir: dir });
    const bytes = Object.values(files).reduce((n, t) => n + Buffer.byteLength(t), 0);
    expect(bytes).toBeGreaterThan(10 * 1024 * 1024);
    expect(report.entities.find((e) => e.id === 'tirana')?.count).toBe(3 * 4 * perFile);
  }, 60_000);
});

describe('firstInvalidUtf8', () => {
  it('finds the first byte that does not start a well-formed sequence', () => {
    const enc = new TextEncoder();
    expect(firstInvalidUtf8(enc.encode('إيران Iran 😀'))).toBe(enc.encode('إيران Iran 😀').length);
    expect(firstInvalidUtf8(Uint8Array.from([0x41, 0xc0, 0x80]))).toBe(1); // overlong
    expect(firstInvalidUtf8(Uint8Array.from([0x41, 0xed, 0xa0, 0x80]))).toBe(1); // surrogate
    expect(firstInvalidUtf8(Uint8Array.from([0xd8, 0xa5, 0xd8]))).toBe(2); // cut short
  });
});

describe('npm run dictionary (the command)', () => {
  const run = (...args: string[]) =>
    spawnSync('npx', ['tsx', 'scripts/build-dictionary.ts', ...args], { cwd: ROOT, encoding: 'utf8' });

  it('--check exits 1 on a stale dictionary and 0 on a fresh one; writes with --out', () => {
    const out = join(corpus({ 'dictionary.json': '{}\n' }), 'dictionary.json');
    const stale = run('--corpus', CORPUS, '--out', out, '--check');
    expect(stale.status).toBe(1);
    expect(stale.stderr).toMatch(/stale: run `npm run dictionary`/);
    const built = run('--corpus', CORPUS, '--out', out);
    expect(built.status).toBe(0);
    expect(built.stdout).toMatch(/Entities found in the corpus/);
    expect(built.stdout).toMatch(/Entities per source and type/);
    expect(readFileSync(out, 'utf8')).toBe(readFileSync(SHIPPED, 'utf8'));
    expect(run('--corpus', CORPUS, '--out', out, '--check').status).toBe(0);
  }, 60_000);

  it('exits 1 with file:line on bad input', () => {
    const dir = corpus({ 'entities.txt': `${ENTITIES}\n[tirana]\ntype: place\n` });
    const result = run('--corpus', dir, '--out', join(dir, 'd.json'));
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/entities\.txt:\d+: duplicate id "tirana"/);
    expect(existsSync(join(dir, 'd.json'))).toBe(false);
  }, 60_000);
});
