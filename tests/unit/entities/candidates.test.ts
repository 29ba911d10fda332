import { describe, expect, it } from 'vitest';
import { type Candidate, CandidateTally, findCandidates, type Span } from '../../../lib/entities/candidates';

const texts = (text: string, matched: Span[] = []): string[] =>
  findCandidates(text, matched).map((c) => c.text);

/** The span of the n-th occurrence of `part` in `text`, as the dictionary would have matched it. */
function spanOf(text: string, part: string, n = 0): Span {
  let at = -1;
  for (let k = 0; k <= n; k++) at = text.indexOf(part, at + 1);
  if (at < 0) throw new Error(`"${part}" not in text`);
  return { start: at, end: at + part.length };
}

describe('findCandidates — Arabic cues', () => {
  it('takes an institution whose name starts with the context word', () => {
    expect(texts('ونقلت وكالة الأنباء الفرنسية عن مصدر.')).toEqual(['وكالة الأنباء الفرنسية']);
    // The clitic و stays outside the candidate.
    const [c] = findCandidates('وانتهى العمل بحلف وارسو عام 1991.', []);
    expect(c?.text).toBe('حلف وارسو');
  });

  it('takes the name after a company or city cue, not the cue', () => {
    expect(texts('وقالت شركة كراودسترايك إن الهجوم معقد.')).toEqual(['كراودسترايك']);
    expect(texts('وصلت إلى مدينة شكودر تضررت أمس.')).toEqual(['شكودر']);
  });

  it('skips an indefinite adjective after the cue (مجموعة إجرامية)', () => {
    expect(texts('اتهمت مجموعة إجرامية بشن الهجوم.')).toEqual([]);
  });

  it('finds a person after a title and the words of the office', () => {
    expect(texts('وقال وزير الخارجية الإيراني حسين أمير عبد اللهيان إن القرار خاطئ.')).toEqual([
      'حسين أمير عبد اللهيان',
    ]);
  });

  it('finds a speaker after a verb of saying', () => {
    expect(texts('وقال ناصر كنعاني المتحدث باسم الخارجية إن القرار خاطئ.')).toEqual(['ناصر كنعاني']);
  });

  it('tells على (a stop word) from علي (a name)', () => {
    expect(texts('وقال علي خامنئي على الهواء.')).toEqual(['علي خامنئي']);
  });

  it('takes short quoted names and leaves long quotations and phrases', () => {
    expect(texts('أعلنت مجموعة تدعى «العدالة للوطن» مسؤوليتها.')).toEqual(['العدالة للوطن']);
    expect(texts('ووصفه بأنه «الطائش وغير المسؤول».')).toEqual([]);
    expect(texts('وقال: «قررت الحكومة قطع العلاقات الدبلوماسية على الفور».')).toEqual([]);
  });
});

describe('findCandidates — English', () => {
  it('takes capitalised runs, without titles and sentence capitals', () => {
    expect(
      texts('President Joe Biden met Prime Minister Edi Rama. The Foreign Ministry of Albania agreed.'),
    ).toEqual(['Joe Biden', 'Edi Rama', 'Foreign Ministry of Albania']);
  });

  it('keeps "of" inside a name but not at its end, and stops at a possessive', () => {
    expect(texts("A report by Microsoft's Threat Intelligence Center said so.")).toEqual([
      'Microsoft',
      'Threat Intelligence Center',
    ]);
    expect(texts('He came from Tirana of course.')).toEqual(['Tirana']);
  });

  it('leaves a single capitalised word that only opens a sentence', () => {
    expect(texts('People said so. Officials agreed: Tirana was calm.')).toEqual([]);
    expect(texts('Two people from Tirana said so.')).toEqual(['Tirana']);
  });

  it('counts a span found by two cues once', () => {
    expect(texts('A group called "Homeland Justice" claimed it.')).toEqual(['Homeland Justice']);
  });
});

describe('findCandidates — matched spans', () => {
  it('proposes nothing the dictionary already matched', () => {
    const text =
      'وقالت شركة مانديانت الأمريكية إن مجموعة «كوبا رانسوم وير» وراء الهجوم. A report by Mandiant said so.';
    const matched = [spanOf(text, 'مانديانت'), spanOf(text, 'الأمريكية'), spanOf(text, 'كوبا رانسوم وير')];
    expect(texts(text, [...matched, spanOf(text, 'Mandiant')])).toEqual([]);
    expect(texts(text, matched)).toEqual(['Mandiant']);
  });

  it('cuts a name at a matched word', () => {
    const text = 'ونقل مجلس الأمن القومي الأمريكي بيانا.';
    expect(texts(text, [spanOf(text, 'الأمريكي')])).toEqual(['مجلس الأمن القومي']);
    expect(texts(text, [spanOf(text, 'مجلس الأمن القومي الأمريكي')])).toEqual([]);
  });

  it('returns offsets into the original text, diacritics included', () => {
    const text = 'وقالت شركةُ كْراودسترايك إن الهجوم معقد.';
    const [c] = findCandidates(text, []);
    expect(c).toMatchObject({ text: 'كْراودسترايك', cue: 'context' });
    expect(text.slice(c?.start, c?.end)).toBe(c?.text);
  });
});

describe('CandidateTally', () => {
  it('ranks by frequency, folds spellings together and shows the most frequent spelling', () => {
    const tally = new CandidateTally();
    const c = (text: string, cue: Candidate['cue'] = 'context'): Candidate => ({
      start: 0,
      end: 0,
      text,
      cue,
    });
    tally.add([c('كراودسترايك'), c('Joe Biden', 'capitalised'), c('كراودسترايك', 'quoted')]);
    tally.add([c('Joe Biden', 'capitalised'), c('JOE BIDEN', 'capitalised'), c('شكودر')]);
    expect(tally.ranked()).toEqual([
      { text: 'Joe Biden', count: 3, cues: ['capitalised'] },
      { text: 'كراودسترايك', count: 2, cues: ['context', 'quoted'] },
      { text: 'شكودر', count: 1, cues: ['context'] },
    ]);
  });
});
