import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readConll } from '@/lib/packs/conll';
import {
  conllDocuments,
  formatConllCoverage,
  measureConllCoverage,
} from '../../../scripts/lib/coverage-conll';
import { TEST_DICTIONARY } from '../entities/test-dictionary';

/** A CoNLL/BIO corpus from "token/TAG" words, one sentence per string; '-DOCSTART-' starts a document. */
function conll(...sentences: string[]): string {
  return sentences
    .map((s) =>
      s === '-DOCSTART-'
        ? '-DOCSTART- O\n'
        : `${s
            .split(' ')
            .map((w) => w.replace(/\/(?=[^/]*$)/, ' '))
            .join('\n')}\n`,
    )
    .join('\n');
}

const CORPUS = conll(
  '-DOCSTART-',
  'Prime/O Minister/O Edi/B-PER Rama/I-PER said/O Albania/B-LOC cut/O ties/O with/O Iran/B-LOC ./O',
  'The/O Iranian/B-MISC embassy/O in/O Tirana/B-LOC ,/O Mandiant/B-ORG said/O ,/O and/O Cuba/B-ORG lost/O 2-1/O ./O',
  '-DOCSTART-',
  // Named by his surname alone in a new document: a reader who opens this story sees no full name.
  'Rama/B-PER met/O John/B-PER Hultquist/I-PER in/O Durrës/B-LOC with/O American/O officials/O ./O',
);

describe('coverage on a CoNLL/BIO corpus', () => {
  it('joins each document back into text with its spans where the tokens are', () => {
    const documents = conllDocuments(readConll(CORPUS, 'c.conll'));
    expect(documents).toHaveLength(2);
    const [first] = documents;
    expect(first?.text).toBe(
      'Prime Minister Edi Rama said Albania cut ties with Iran.\n' +
        'The Iranian embassy in Tirana, Mandiant said, and Cuba lost 2-1.',
    );
    expect(first?.spans.map((s) => [first.text.slice(s.start, s.end), s.kind])).toEqual([
      ['Edi Rama', 'person'],
      ['Albania', 'place'],
      ['Iran', 'place'],
      ['Iranian', null],
      ['Tirana', 'place'],
      ['Mandiant', 'organisation'],
      ['Cuba', 'organisation'],
    ]);
  });

  it('counts found spans by kind, leaves a find over MISC or an untagged demonym out, and keeps documents apart', () => {
    const r = measureConllCoverage(readConll(CORPUS, 'c.conll'), TEST_DICTIONARY);
    expect(r.documents).toBe(2);
    // Rama alone in the second document counts for nothing.
    expect(r.tally.person).toEqual({ gold: 3, found: 2, mentions: 2, right: 2 });
    expect(r.tally.place).toEqual({ gold: 4, found: 4, mentions: 5, right: 4 });
    expect(r.tally.organisation).toEqual({ gold: 2, found: 1, mentions: 1, right: 1 });
    expect(r.tally.all).toEqual({ gold: 9, found: 7, mentions: 8, right: 7 });
    expect(r.overOtherTags).toBe(1); // Iranian, tagged MISC
    expect(r.untaggedDemonyms).toBe(1); // American, left untagged: an adjective, not the place
    expect([...r.wrong.keys()]).toEqual(['place: Cuba → cuba']); // a team named after its country
    expect([...r.missed.keys()].sort()).toEqual(['organisation: Cuba', 'person: Rama']);
    const table = formatConllCoverage(r, true);
    expect(table).toMatch(/all\s+9\s+7\s+0\.78\s+8\s+7\s+0\.88/);
    expect(table).toContain('1  place: Cuba → cuba');
    expect(table).toContain('1 mentions over spans of other tags (MISC…), 1 demonyms over untagged words');
  });

  it('lets a surname count after the full name in the same document', () => {
    const oneDocument = CORPUS.replace(/-DOCSTART- O\n\n(?=Rama)/, '');
    const r = measureConllCoverage(readConll(oneDocument, 'c.conll'), TEST_DICTIONARY);
    expect(r.documents).toBe(1);
    expect(r.tally.person.found).toBe(3);
  });

  it('says what is wrong with a file it cannot read or parse, with its line, and exits 1', () => {
    const dir = mkdtempSync(join(tmpdir(), 'coverage-conll-'));
    try {
      const broken = join(dir, 'broken.conll');
      writeFileSync(broken, 'Aoun I-PER\n');
      const run = (file: string) =>
        spawnSync('npx', ['tsx', 'scripts/coverage.ts', '--conll', file], { encoding: 'utf8' });
      const parsed = run(broken);
      expect(parsed.status).toBe(1);
      expect(parsed.stderr.trim()).toBe(
        `${broken}:1: I-PER continues a name that was never started: the name's first token needs B-PER`,
      );
      const missing = run(join(dir, 'none.conll'));
      expect(missing.status).toBe(1);
      expect(missing.stderr.trim()).toMatch(/none\.conll: cannot read the file \(ENOENT/);
      expect(missing.stderr).not.toMatch(/ at /); // a sentence, not a stack trace
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
