import { describe, expect, it } from 'vitest';
import type { Span } from '../../../lib/entities/candidates';
import type { ReaderEntry } from '../../../lib/reader-dictionary/model';
import {
  dismissedKeys,
  type Proposal,
  ProposalTally,
  proposalKey,
  proposeEntities,
  textSlices,
} from '../../../lib/reader-dictionary/proposals';

const NONE: ReadonlySet<string> = new Set();
const propose = (text: string, mentions: Span[] = [], dismissed = NONE): Proposal[] =>
  proposeEntities(text, mentions, dismissed);
const forms = (text: string, mentions: Span[] = []): string[] => propose(text, mentions).map((p) => p.form);

/** Every occurrence of `part` in `text`, as the matcher would have found it. */
function spansOf(text: string, part: string): Span[] {
  const out: Span[] = [];
  for (let at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1))
    out.push({ start: at, end: at + part.length });
  return out;
}

const AR = [
  'افتتح رئيس البلدية بلال حمدان مرفأ جديدا للصيادين في مدينة شكودر أمس.',
  'وقال حمدان إن حزب النهضة الساحلي يدعم المشروع.',
  'والتقى الوفد ببلال حمدان في مقر البلدية، ثم زار مدينة شكودر مرة أخرى.',
  'وأكد بلال حمدان أن العمل سيبدأ قريبا.',
].join('\u2029');

describe('proposals — Arabic', () => {
  it('proposes names after titles, speakers and cues, with counts and suggested types', () => {
    expect(propose(AR)).toEqual([
      // «وقال حمدان» counts as the full name the page also writes.
      { form: 'بلال حمدان', count: 3, type: 'person' },
      { form: 'شكودر', count: 2, type: 'place' },
      { form: 'حزب النهضة الساحلي', count: 1, type: 'group' },
    ]);
  });

  it('leaves cue words followed by common nouns and adjectives', () => {
    const near = [
      'وقال مسؤول إن الوضع هادئ.',
      'وقالت مصادر إن الاجتماع تأجل.',
      'وصل الوفد إلى مدينة كبيرة في الشمال.',
      'وأعلنت شركة أمريكية عن استثمار.',
      'وانتقد حزب سياسي القرار.',
      'وتعطلت حركة المرور في مركز المدينة.',
      'وقال وزير سابق إن القرار خاطئ.',
      'ونقل مجلس محلي الشكوى.',
      'وتسكن العائلة في منطقة سكنية.',
    ].join(' ');
    expect(forms(near)).toEqual([]);
  });

  it('still takes names that look like those near misses', () => {
    // A feminine cue agrees with ية, not ي (سوني is a name); a person's name may end in ي (حمدي);
    // a short word after a masculine cue is no adjective (دبي).
    expect(forms('وقالت شركة سوني إن الجهاز جاهز.')).toEqual(['سوني']);
    expect(forms('وقال الوزير حمدي إن القرار نهائي.')).toEqual(['حمدي']);
    expect(forms('وأعلن بنك دبي أن أرباحه ارتفعت.')).toEqual(['بنك دبي']);
  });
});

const EN = [
  'Harbour Opens After Two Years Of Works',
  'Mayor Bilal Hamdan opened the new harbour on Monday.',
  'Yesterday Bilal Hamdan said the market would follow, and officials agreed.',
  'Officials said the works took two years. The harbour serves local fishermen, Hamdan said.',
  'A delegation came from Shkoder to meet Bilal Hamdan and the Coastal Fishermen Union.',
].join('\u2029');

describe('proposals — English', () => {
  it('proposes capitalised names with counts and types, trimming sentence-opening words', () => {
    expect(propose(EN)).toEqual([
      { form: 'Bilal Hamdan', count: 4, type: 'person' },
      { form: 'Shkoder', count: 1, type: 'place' },
      { form: 'Coastal Fishermen Union', count: 1, type: 'organisation' },
    ]);
  });

  it('leaves headline-style capitals and sentence-initial capitals of common words', () => {
    const text = [
      'Harbour Opens After Two Years Of Works',
      'Local Officials said the harbour opened. Many local people and officials came.',
    ].join('\u2029');
    expect(forms(text)).toEqual([]);
  });

  it('counts a surname written alone as the one full name that ends with it, never as one of two', () => {
    expect(propose('Mayor Bilal Hamdan spoke. Later Hamdan said the port was open.')).toEqual([
      { form: 'Bilal Hamdan', count: 2, type: 'person' },
    ]);
    // Two people share the surname: it stays apart, as the reader may mean either.
    expect(
      forms('Mayor Bilal Hamdan met the lawyer Sara Hamdan. Later Hamdan said the port was open.'),
    ).toEqual(['Bilal Hamdan', 'Sara Hamdan', 'Hamdan']);
  });

  it('keeps a name that only ever opens sentences when the page never writes its words in lower case', () => {
    expect(forms('Sara Khatib opened it. Sara Khatib spoke. People came.')).toEqual(['Sara Khatib']);
  });

  it('never joins words across a block break', () => {
    expect(forms('the mayor met Sara\u2029Khatib Street was closed')).toEqual(['Sara', 'Khatib Street']);
  });
});

describe('proposals — what the page and the reader already know', () => {
  it('leaves forms the matcher found, here or elsewhere on the page', () => {
    const text = 'Prime Minister Edi Rama met Bilal Hamdan. Later Rama said so, and Rama left.';
    const rama = spansOf(text, 'Edi Rama').concat(spansOf(text, 'Rama').slice(1, 2));
    rama.sort((a, b) => a.start - b.start);
    // The second "Rama" was matched (a surname after the full name); the third was not, but it is
    // the form of a known mention, so it is not proposed either.
    expect(forms(text, rama)).toEqual(['Bilal Hamdan']);
    expect(forms(text)).toContain('Edi Rama');
  });

  it('leaves dismissed forms, compared folded (hamza, diacritics, case)', () => {
    const dismissed = new Set([proposalKey('بلال حمدان'), proposalKey('SHKODER')]);
    // The surname alone goes with the dismissed full name.
    expect(propose(AR, [], dismissed).map((p) => p.form)).toEqual(['شكودر', 'حزب النهضة الساحلي']);
    expect(propose(EN, [], dismissed).map((p) => p.form)).not.toContain('Shkoder');
    expect(proposalKey('بِلال حمدان')).toBe(proposalKey('بلال  حمدان'));
    expect(proposalKey('أحمد')).toBe(proposalKey('احمد'));
  });
});

describe('proposals — slices', () => {
  it('cuts at block breaks, then sentence ends, then spaces, never inside a word', () => {
    const text = `${'a'.repeat(50)}\u2029${'Word one. '.repeat(10)}${'x '.repeat(40)}`;
    const slices = textSlices(text, 60);
    expect(slices[0]).toEqual({ start: 0, end: 51 });
    expect(slices.map((s) => text.slice(s.start, s.end)).join('')).toBe(text);
    for (const s of slices) {
      expect(s.end - s.start).toBeLessThanOrEqual(60);
      expect(/\w/.test(text[s.end] ?? ' ') && /\w/.test(text[s.end - 1] ?? ' ')).toBe(false);
    }
    expect(textSlices('')).toEqual([{ start: 0, end: 0 }]);
  });

  it('finds the same proposals slice by slice as at once', () => {
    const long = Array.from({ length: 40 }, (_, i) => (i % 2 ? AR : EN)).join('\u2029');
    const mentions = spansOf(long, 'Shkoder');
    const whole = new ProposalTally(long, mentions);
    whole.add({ start: 0, end: long.length });
    const sliced = new ProposalTally(long, mentions);
    const slices = textSlices(long, 500);
    expect(slices.length).toBeGreaterThan(20);
    for (const slice of slices) sliced.add(slice);
    expect(sliced.result(NONE)).toEqual(whole.result(NONE));
    expect(sliced.result(NONE).slice(0, 2)).toEqual([
      { form: 'Bilal Hamdan', count: 80, type: 'person' },
      { form: 'بلال حمدان', count: 60, type: 'person' },
    ]);
  });
});

describe('dismissedKeys', () => {
  it('are the live dismissed entries, folded like proposals; other entries are left', () => {
    const dismissed = (n: number, form: string, deleted?: string): ReaderEntry => ({
      kind: 'dismissed',
      id: `1c8d2f3b-4e5a-4b6c-9d7e-8f9a0b1c2d${n}0`,
      form,
      created: '2026-03-01T10:00:00.000Z',
      modified: '2026-03-01T10:00:00.000Z',
      ...(deleted ? { deleted } : {}),
    });
    const suppression: ReaderEntry = {
      kind: 'suppression',
      id: '0b7c3d1e-5f6a-4b8c-9d0e-1f2a3b4c5d30',
      entityId: 'tehran',
      form: 'طهران',
      site: null,
      created: '2026-03-01T10:00:00.000Z',
      modified: '2026-03-01T10:00:00.000Z',
    };
    const keys = dismissedKeys([
      dismissed(1, 'بِلال حمدان'),
      dismissed(2, 'Shkoder', '2026-03-02T10:00:00.000Z'),
      dismissed(3, 'Coastal  Union'),
      suppression,
    ]);
    expect([...keys]).toEqual(['بلال حمدان', 'coastal union']);
  });
});
