import { describe, expect, it } from 'vitest';
import { CLEAR_MAJORITY, entitiesFromCorpus, readConll } from '@/lib/packs/conll';
import { errorOf } from './source-error';

/** Sentences as "token/TAG token/TAG", one per array item, as CoNLL lines. */
const conll = (...sentences: string[]) =>
  `${sentences
    .map((s) =>
      s
        .split(' ')
        .map((pair) => pair.replace(/\/(?=[^/]*$)/, '\t'))
        .join('\n'),
    )
    .join('\n\n')}\n`;

const verdicts = (text: string) => entitiesFromCorpus(readConll(text, 'c.conll')).verdicts;

describe('pack corpora (CoNLL/BIO)', () => {
  it('builds entities from tagged spans, with the corpus counts as provenance', () => {
    const text = `-DOCSTART- -X- O O\n\n# a comment\n${conll('وزار/O الرئيس/O جوزيف/B-PER عون/I-PER بيروت/B-LOC', 'Joseph/B-PER Aoun/I-PER spoke/O ./O')}`;
    const { entities } = entitiesFromCorpus(readConll(text, 'news.conll'));
    expect(entities.map((e) => [e.type, e.names, e.source])).toEqual([
      ['person', { ar: 'جوزيف عون', en: '' }, 'news.conll:6, tagged PER in 1 of 1 occurrence'],
      ['place', { ar: 'بيروت', en: '' }, 'news.conll:8, tagged LOC in 1 of 1 occurrence'],
      ['person', { ar: '', en: 'Joseph Aoun' }, 'news.conll:10, tagged PER in 1 of 1 occurrence'],
    ]);
  });

  it('stops on I- without B- (after O and at a sentence start), with file:line', () => {
    expect(errorOf(() => readConll(conll('the/O Aoun/I-PER'), 'c.conll'))).toBe(
      "c.conll:2: I-PER continues a name that was never started: the name's first token needs B-PER",
    );
    expect(errorOf(() => readConll(conll('Joseph/B-PER', 'Aoun/I-PER'), 'c.conll'))).toMatch(
      /^c\.conll:3: I-PER continues a name/,
    );
  });

  it('stops on an I- whose type differs from the name it continues', () => {
    expect(errorOf(() => readConll(conll('Bank/B-ORG of/I-ORG Lebanon/I-LOC'), 'c.conll'))).toBe(
      'c.conll:3: I-LOC continues a ORG name (started on line 1): one name has one type, so this is B-LOC or I-ORG',
    );
  });

  it('stops on tags it cannot read: BIOES, an unknown type, a line without a tag', () => {
    expect(errorOf(() => readConll('Aoun\tS-PER\n', 'c.conll'))).toMatch(
      /^c\.conll:1: "S-PER" is a BIOES tag/,
    );
    expect(errorOf(() => readConll('Aoun\tB-PERS0N\n', 'c.conll'))).toMatch(
      /^c\.conll:1: "B-PERS0N" is not a BIO tag/,
    );
    expect(errorOf(() => readConll('x O\nAoun\tB-ANIMAL\n', 'c.conll'))).toMatch(
      /^c\.conll:2: unknown type "ANIMAL"/,
    );
    expect(errorOf(() => readConll('x O\nAoun\n', 'c.conll'))).toMatch(/^c\.conll:2: "Aoun" has no tag/);
    expect(errorOf(() => readConll('x O\nAoun PER\n', 'c.conll'))).toMatch(
      /^c\.conll:2: "PER" is not a BIO tag/,
    );
  });

  it('keeps a span tagged in a clear majority of its occurrences, untagged ones counted', () => {
    expect(CLEAR_MAJORITY).toBeCloseTo(2 / 3);
    // Hope: tagged PER once, the ordinary word three times: dropped. Apple: 2 of 3: kept.
    const text = conll(
      'Hope/B-PER Khalil/O said/O',
      'there/O is/O hope/O',
      'hope/O remains/O',
      'Hope/O ./O',
      'Apple/B-ORG sued/O',
      'Apple/B-ORG won/O',
      'an/O apple/O',
    );
    const byText = new Map(verdicts(text).map((v) => [v.text, v]));
    expect(byText.get('Hope')).toMatchObject({
      kept: false,
      tagged: 1,
      untagged: 3,
      occurrences: 4,
      reason: 'no clear majority: PER in 1 of 4 occurrences (untagged 3)',
    });
    expect(byText.get('Apple')).toMatchObject({
      kept: true,
      tagged: 2,
      occurrences: 3,
      reason: 'ORG in 2 of 3 occurrences',
    });
    expect(entitiesFromCorpus(readConll(text, 'c.conll')).entities.map((e) => e.names.en)).toEqual(['Apple']);
  });

  it('drops a span split between types, and one whose only type is MISC, saying why', () => {
    const text = conll(
      'Jordan/B-PER scored/O',
      'Jordan/B-PER won/O',
      'Jordan/B-LOC said/O',
      'Jordan/B-LOC and/O',
      'Jordan/B-LOC too/O',
      'Arabic/B-MISC news/O',
    );
    const byText = new Map(verdicts(text).map((v) => [v.text, v]));
    expect(byText.get('Jordan')).toMatchObject({
      kept: false,
      reason: 'no clear majority: LOC in 3 of 5 occurrences (also tagged PER 2)',
    });
    expect(byText.get('Arabic')).toMatchObject({
      kept: false,
      reason: 'tagged MISC, which is no Hashiya type',
    });
  });

  it('does not count a span inside a longer name as an untagged occurrence', () => {
    const text = conll(
      'Washington/B-LOC is/O',
      'the/O Washington/B-ORG Post/I-ORG wrote/O',
      'Washington/B-LOC again/O',
    );
    const byText = new Map(verdicts(text).map((v) => [v.text, v]));
    expect(byText.get('Washington')).toMatchObject({ kept: true, tagged: 2, occurrences: 2, untagged: 0 });
    expect(byText.get('Washington Post')).toMatchObject({ kept: true });
  });

  it("counts occurrences with the matcher's folding (hamza, case): ايران untagged counts against إيران", () => {
    const text = conll('إيران/B-LOC قالت/O', 'ايران/O لم/O', 'ايران/O لا/O');
    expect(verdicts(text)[0]).toMatchObject({ text: 'إيران', kept: false, tagged: 1, untagged: 2 });
  });
});
