import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileMatcher, entityForms, nisbaRoot } from '../../../lib/entities/matcher';
import type { Entity, MentionKind } from '../../../lib/entities/types';
import { TEST_DICTIONARY as DICT, entity } from './test-dictionary';

const matcher = compileMatcher(DICT);

/** [matched text, entity id, kind] for each mention, in order. */
function found(text: string): [string, string, MentionKind][] {
  return matcher.match(text).map((m) => [text.slice(m.start, m.end), m.entityId, m.kind]);
}

/** Only the matched texts. */
const spans = (text: string): string[] => found(text).map(([s]) => s);

describe('names and aliases', () => {
  it('finds Arabic and English names and aliases', () => {
    expect(found('قطعت ألبانيا العلاقات مع إيران')).toEqual([
      ['ألبانيا', 'albania', 'name'],
      ['إيران', 'iran', 'name'],
    ]);
    expect(found('Albania cut ties with Iran and NATO')).toEqual([
      ['Albania', 'albania', 'name'],
      ['Iran', 'iran', 'name'],
      ['NATO', 'nato', 'name'],
    ]);
    expect(found('أعضاء الناتو وحلف الأطلسي')).toEqual([
      ['الناتو', 'nato', 'alias'],
      ['حلف الأطلسي', 'nato', 'alias'],
    ]);
  });

  it('matches whatever the diacritics, hamza and alef forms', () => {
    expect(spans('زار اِيران وايران وإِيرَانَ')).toEqual(['اِيران', 'ايران', 'إِيرَانَ']);
    expect(spans('حلف شمال الاطلسي')).toEqual(['حلف شمال الاطلسي']);
    expect(spans('ايدي راما')).toEqual(['ايدي راما']);
  });

  it('covers a diacritised name whole, final harakat included', () => {
    const text = 'إِيرَانَ';
    expect(matcher.match(text)).toEqual([{ start: 0, end: text.length, entityId: 'iran', kind: 'name' }]);
    expect(spans('إيـــران')).toEqual(['إيـــران']);
  });

  it('prefers the longest form: كوبا رانسوم وير over كوبا', () => {
    expect(found('مجموعة «كوبا رانسوم وير» و كوبا')).toEqual([
      ['كوبا رانسوم وير', 'cuba-ransomware', 'name'],
      ['كوبا', 'cuba', 'name'],
    ]);
    expect(found('كوبا رانسوم')).toEqual([['كوبا', 'cuba', 'name']]);
  });

  it('prefers the longest form: مجلس الأمن القومي الأمريكي over مجلس الأمن', () => {
    expect(found('وقال مجلس الامن القومي الأمريكي')).toEqual([
      ['مجلس الامن القومي الأمريكي', 'us-nsc', 'name'],
    ]);
    expect(found('مجلس الأمن الدولي')).toEqual([['مجلس الأمن', 'unsc', 'name']]);
    expect(found('مجلس الأمن القومي')).toEqual([['مجلس الأمن', 'unsc', 'name']]);
  });

  it('does not match part of a multi-word name', () => {
    expect(found('الأمم المتحدة')).toEqual([]);
    expect(found('المتحدة')).toEqual([]);
    expect(found('مجلس النواب')).toEqual([]);
    expect(found('شمال الأطلسي')).toEqual([]);
  });

  it('does not join words across punctuation or a paragraph break', () => {
    expect(found('الولايات، المتحدة')).toEqual([]);
    expect(found('الولايات\n\nالمتحدة')).toEqual([]);
    expect(found('الولايات\u2029المتحدة')).toEqual([]);
    expect(found('مجلس الأمن. القومي الأمريكي')).toEqual([
      ['مجلس الأمن', 'unsc', 'name'],
      ['الأمريكي', 'united-states', 'demonym'],
    ]);
  });

  it('does not match a name inside a longer word, or a word containing a name', () => {
    expect(found('إيرانستان')).toEqual([]);
    expect(found('كوباني')).toEqual([]); // Kobani: not a nisba of Cuba (كوبي)
    expect(found('Ramayana and Iranistan')).toEqual([]);
    expect(found('طهرانجلس')).toEqual([]);
  });
});

describe('clitics', () => {
  it('peels و ف ب ك ل off a first word and leaves them out of the highlight', () => {
    expect(found('العلاقات بين ألبانيا وإيران')).toEqual([
      ['ألبانيا', 'albania', 'name'],
      ['إيران', 'iran', 'name'],
    ]);
    expect(spans('فإيران بإيران لإيران كإيران وبإيران فلإيران')).toEqual([
      'إيران',
      'إيران',
      'إيران',
      'إيران',
      'إيران',
      'إيران',
    ]);
    expect(spans('ولمجلس الأمن')).toEqual(['مجلس الأمن']);
  });

  it('reads لل as ل + ال with the alef dropped, leaving only the preposition out: ل|لولايات المتحدة', () => {
    const text = 'حليفة للولايات المتحدة';
    const [m] = matcher.match(text);
    expect(m?.entityId).toBe('united-states');
    expect(text.slice(m?.start, m?.end)).toBe('لولايات المتحدة');
    expect(spans('وللولايات المتحدة')).toEqual(['لولايات المتحدة']);
    expect(spans('للناتو')).toEqual(['لناتو']);
    expect(spans('للإيرانيين')).toEqual(['لإيرانيين']);
  });

  it('reads لل before a lam word as ل + the article merged: للاذقية = ل + اللاذقية', () => {
    expect(found('في اللاذقية وللاذقية')).toEqual([
      ['اللاذقية', 'latakia', 'name'],
      ['لاذقية', 'latakia', 'name'],
    ]);
  });

  it('keeps a written article in the highlight: والولايات، بالناتو', () => {
    expect(spans('والولايات المتحدة')).toEqual(['الولايات المتحدة']);
    expect(spans('بالناتو وبالناتو')).toEqual(['الناتو', 'الناتو']);
  });

  it('never strips ال to reach a bare name', () => {
    expect(found('الإيران')).toEqual([]);
    expect(found('والإيران بالإيران للإيران')).toEqual([]);
    expect(found('الطهران')).toEqual([]);
  });

  it('prefers the word itself when its first letter only looks like a clitic', () => {
    expect(found('بيروت')).toEqual([['بيروت', 'beirut', 'name']]);
    expect(found('لبنان')).toEqual([['لبنان', 'lebanon', 'name']]);
    expect(spans('وبيروت ولبنان للبنان')).toEqual(['بيروت', 'لبنان', 'لبنان']);
  });

  it('does not strip to a remainder shorter than three letters', () => {
    expect(found('قم')).toEqual([['قم', 'qom', 'name']]);
    expect(found('وقم بقم')).toEqual([]);
  });

  it('peels clitics off the first word only', () => {
    expect(found('حلف وشمال الأطلسي')).toEqual([]);
    expect(found('الولايات والمتحدة')).toEqual([]);
  });

  it('does not peel clitics off Latin words', () => {
    expect(found('biran liran')).toEqual([]);
  });
});

describe('plain words (Dictionary.words)', () => {
  const lyon = entity('lyon', 'place', 'ليون', 'Lyon', { nisba: false });
  const texts = (m: ReturnType<typeof compileMatcher>, text: string) =>
    m.match(text).map((x) => [text.slice(x.start, x.end), x.entityId]);

  it('reads a plain word as a word, alone or behind a clitic, and leaves the name to its own spelling', () => {
    const text = 'عشرة بليون دولار وبليون آخر، وفاز ليون ثم لليون';
    expect(texts(compileMatcher({ version: 1, entities: [lyon] }), text)).toEqual([
      ['ليون', 'lyon'],
      ['ليون', 'lyon'],
      ['ليون', 'lyon'],
      ['ليون', 'lyon'],
    ]);
    expect(texts(compileMatcher({ version: 1, entities: [lyon], words: ['بليون'] }), text)).toEqual([
      ['ليون', 'lyon'],
      ['ليون', 'lyon'],
    ]);
  });

  it('reads a word that folds to a name as a word only where the text spells it so', () => {
    const yemen = entity('yemen', 'place', 'اليمن', 'Yemen');
    const m = compileMatcher({ version: 1, entities: [yemen], words: ['اليمنى'] });
    expect(texts(m, 'رفع يده اليمنى ثم اليُمنى')).toEqual([]);
    expect(texts(m, 'قال المسؤول اليمني والْيَمَنِيّ')).toEqual([
      ['اليمني', 'yemen'],
      ['الْيَمَنِيّ', 'yemen'],
    ]);
    // Without the word, the right hand is Yemeni.
    expect(texts(compileMatcher({ version: 1, entities: [yemen] }), 'يده اليمنى')).toEqual([
      ['اليمنى', 'yemen'],
    ]);
  });

  it('reads a plain phrase that opens with a name as prose, behind a clitic too, and the name elsewhere', () => {
    const muscat = entity('muscat', 'place', 'مسقط', 'Muscat', { nisba: false });
    const m = compileMatcher({ version: 1, entities: [muscat], words: ['مسقط رأسه'] });
    expect(texts(m, 'عاد إلى مسقط رأسه ودفن بمسقط رأسه')).toEqual([]);
    expect(texts(m, 'وصل إلى مسقط ثم رأسه على مسقط، رأسه')).toEqual([
      ['مسقط', 'muscat'],
      ['مسقط', 'muscat'],
    ]);
    expect(texts(compileMatcher({ version: 1, entities: [muscat] }), 'مسقط رأسه')).toEqual([
      ['مسقط', 'muscat'],
    ]);
  });

  it('goes on from a plain word into a longer name', () => {
    const fund = entity('billion-fund', 'organisation', 'بليون كابيتال', 'Billion Capital');
    const longer = compileMatcher({ version: 1, entities: [lyon, fund], words: ['بليون'] });
    expect(texts(longer, 'عشرة بليون وشركة بليون كابيتال')).toEqual([['بليون كابيتال', 'billion-fund']]);
  });
});

describe('demonyms', () => {
  it('derives the nisba of places with all endings', () => {
    for (const w of ['إيراني', 'إيرانية', 'إيرانيون', 'إيرانيين', 'إيرانيان', 'إيرانيات']) {
      expect(found(w)).toEqual([[w, 'iran', 'demonym']]);
    }
  });

  it('drops a final alef: ألبانيا → ألباني; الالباني is a demonym', () => {
    expect(found('رئيس الوزراء الالباني')).toEqual([['الالباني', 'albania', 'demonym']]);
    expect(found('ألبانيون')).toEqual([['ألبانيون', 'albania', 'demonym']]);
    expect(found('كوبي')).toEqual([['كوبي', 'cuba', 'demonym']]);
  });

  it('takes the article and clitics in front', () => {
    expect(found('السفارة الإيرانية')).toEqual([['الإيرانية', 'iran', 'demonym']]);
    expect(spans('والإيرانيون وبالإيرانية')).toEqual(['الإيرانيون', 'الإيرانية']);
  });

  it('uses the irregular demonyms with the same endings', () => {
    expect(found('الحكومة الأمريكية والمسؤولين الأميركيين')).toEqual([
      ['الأمريكية', 'united-states', 'demonym'],
      ['الأميركيين', 'united-states', 'demonym'],
    ]);
    expect(found('أمريكي')).toEqual([['أمريكي', 'united-states', 'demonym']]);
  });

  it('matches English demonyms and their plurals', () => {
    expect(found('Iranian officials and Albanians met Americans')).toEqual([
      ['Iranian', 'iran', 'demonym'],
      ['Albanians', 'albania', 'demonym'],
      ['Americans', 'united-states', 'demonym'],
    ]);
  });

  it('takes no nisba used as a given name, before بن or ابن (كوبي بن علي is a man, not Cuban)', () => {
    expect(found('قال كوبي بن علي وإيراني ابن خالد إن الوفد الإيراني وصل.')).toEqual([
      ['الإيراني', 'iran', 'demonym'],
    ]);
  });

  it('takes no nisba as a given name after بن, ابن or بنت, nor after a title (الأمير تركي is a man, not Turkish)', () => {
    expect(
      found('قال فيصل بن إيراني والأمير إيراني وللأستاذ إيراني إن الوفد الإيراني وصل، ثم تحدث مسؤول إيراني.'),
    ).toEqual([
      ['الإيراني', 'iran', 'demonym'],
      ['إيراني', 'iran', 'demonym'],
    ]);
    // A definite subject before an indefinite nisba is a sentence (the perpetrator is Iranian).
    expect(found('المنفذ إيراني الجنسية')).toEqual([['إيراني', 'iran', 'demonym']]);
  });

  it('takes no place right after a title with its article: it is a given name (الملكة صوفيا is a queen, not the city)', () => {
    expect(found('استقبلت الملكة ألبانيا والأمير ألبانيا وللشيخ ألبانيا الوفد.')).toEqual([]);
    // Not a title with its article right before: a title in construct (queen of), a word between, no title.
    expect(found('ملكة ألبانيا، والملكة في ألبانيا، والوفد ألبانيا.')).toEqual([
      ['ألبانيا', 'albania', 'name'],
      ['ألبانيا', 'albania', 'name'],
      ['ألبانيا', 'albania', 'name'],
    ]);
    // A demonym after a royal title agrees with it: the king is Albanian.
    expect(found('قال الملك الألباني')).toEqual([['الألباني', 'albania', 'demonym']]);
  });

  it("takes no nisba after a kunya: it is the man's laqab (أبو حمزة الإيراني is a man, not Iranian)", () => {
    expect(found('قال أبو حمزة الإيراني وابو محمد الإيراني إن الوفد الإيراني وصل.')).toEqual([
      ['الإيراني', 'iran', 'demonym'],
    ]);
  });

  it("takes no nisba right after a given name the dictionary's people share: it is the family name", () => {
    const person = (id: string, ar: string, aliases: string[] = []) =>
      entity(id, 'person', ar, id, { aliases: { ar: aliases, en: [] } });
    const people = compileMatcher({
      version: 1,
      entities: [
        ...DICT.entities,
        person('faisal-a', 'فيصل الأول'),
        person('faisal-b', 'فيصل القاسم'),
        person('john-a', 'جون كيري'),
        person('john-b', 'جون بولتون'),
        // One person, however many of his names it opens.
        person('lone', 'كيشور ماهبوباني', ['كيشور محبوباني']),
        // Opens two names but names a place alone: no given name.
        entity('cuba-given', 'person', 'كوبا الأول', 'Cuba I'),
        entity('cuba-given-2', 'person', 'كوبا الثاني', 'Cuba II'),
      ],
    });
    const lit = (text: string) => people.match(text).map((m) => text.slice(m.start, m.end));
    expect(lit('قال فيصل الإيراني وجون إيراني إن الوفد الإيراني وصل.')).toEqual(['الإيراني']);
    // One person's first word, a word that names a place, and a title with its article are no given name.
    expect(lit('قال كيشور الإيراني إن كوبا الإيرانية والرئيس الإيراني')).toEqual([
      'الإيراني',
      'كوبا',
      'الإيرانية',
      'الإيراني',
    ]);
    // Only right after it, and itself behind no clitic but و: not across a comma, nor after ل.
    expect(lit('التقى فيصل، الإيراني وفيصل والإيراني ولفيصل الإيراني')).toEqual([
      'الإيراني',
      'الإيراني',
      'الإيراني',
    ]);
  });

  it('does not generate broken plurals: الألبان is dairy, not Albania', () => {
    expect(found('منتجات الألبان')).toEqual([]);
    expect(found('ألبان')).toEqual([]);
    expect(found('والألبان')).toEqual([]);
  });

  it('generates demonyms for places only', () => {
    expect(found('مانديانتي الناتوي')).toEqual([]);
    expect(entityForms(DICT.entities[8] as Entity).some((f) => f.kind === 'demonym')).toBe(false);
  });

  it('derives nisba roots', () => {
    expect(nisbaRoot('ألبانيا')).toBe('ألبان');
    expect(nisbaRoot('إيران')).toBe('إيران');
    expect(nisbaRoot('السعودية')).toBe('سعود');
    expect(nisbaRoot('العراق')).toBe('عراق');
    expect(nisbaRoot('كوبا')).toBe('كوب');
    expect(nisbaRoot('الولايات المتحدة')).toBeNull();
    expect(nisbaRoot('مالي')).toBeNull();
  });
});

describe('surnames', () => {
  it('does not count a surname before the full name', () => {
    expect(found('قال راما')).toEqual([]);
    expect(found('the epic Rama')).toEqual([]);
  });

  it('counts a surname once the full name appeared earlier in the text', () => {
    expect(found('قال ايدي راما... ثم قال راما')).toEqual([
      ['ايدي راما', 'edi-rama', 'name'],
      ['راما', 'edi-rama', 'surname'],
    ]);
    expect(found('Edi Rama said. Later Rama added')).toEqual([
      ['Edi Rama', 'edi-rama', 'name'],
      ['Rama', 'edi-rama', 'surname'],
    ]);
  });

  it("leaves a Latin surname that is part of another person's name: a given name before it, a name going on after it", () => {
    // Stella Kim and Lee Sang-min are other people than the Kim and the Lee just named in full.
    expect(
      spans(
        'Edi Rama spoke. Then Prime Minister Rama, Mr. Rama and Rama left; Stella Rama and Rama Sang-min stayed.',
      ),
    ).toEqual(['Edi Rama', 'Rama', 'Rama', 'Rama']);
    expect(found('Edi Rama spoke. In Rama’s words, the Rama government fell.').map(([t]) => t)).toEqual([
      'Edi Rama',
      'Rama',
      'Rama',
    ]);
  });

  it('counts a surname after an alias, with clitics', () => {
    expect(found('جون هولتكوست، وقال هولتكويست')).toEqual([
      ['جون هولتكوست', 'john-hultquist', 'alias'],
      ['هولتكويست', 'john-hultquist', 'surname'],
    ]);
  });

  it('forgets the full name between calls', () => {
    expect(found('John Hultquist')).toHaveLength(1);
    expect(found('Hultquist')).toEqual([]);
  });

  it('gives a shared surname to the person named most recently', () => {
    const two = compileMatcher({
      version: 1,
      entities: [
        entity('ali', 'person', 'علي خامنئي', 'Ali Khamenei', { surnames: { ar: ['خامنئي'], en: [] } }),
        entity('mojtaba', 'person', 'مجتبى خامنئي', 'Mojtaba Khamenei', {
          surnames: { ar: ['خامنئي'], en: [] },
        }),
      ],
    });
    const ids = (t: string): string[] => two.match(t).map((m) => `${m.entityId}:${m.kind}`);
    expect(ids('خامنئي')).toEqual([]);
    expect(ids('مجتبى خامنئي ثم علي خامنئي ثم خامنئي')).toEqual(['mojtaba:name', 'ali:name', 'ali:surname']);
    expect(ids('علي خامنئي ثم مجتبى خامنئي ثم خامنئي')).toEqual([
      'ali:name',
      'mojtaba:name',
      'mojtaba:surname',
    ]);
    expect(ids('ثم خامنئي')).toEqual([]);
  });

  it('counts only names earlier in the text, not later ones', () => {
    expect(found('Rama met Edi Rama')).toEqual([['Edi Rama', 'edi-rama', 'name']]);
  });
});

describe('English', () => {
  it('is accent-insensitive and takes capitals, but a name written in lower case is a word', () => {
    expect(spans('IRAN iran Durres DURRËS durrës')).toEqual(['IRAN', 'Durres', 'DURRËS']);
  });

  it("leaves a possessive 's out of the span", () => {
    expect(found("Mandiant's report")).toEqual([['Mandiant', 'mandiant', 'name']]);
    expect(found('Mandiant’s report')).toEqual([['Mandiant', 'mandiant', 'name']]);
    expect(spans('Edi Rama’s government')).toEqual(['Edi Rama']);
  });

  it('matches hyphenated names written with hyphen or space', () => {
    expect(found('the Mujahedin-e Khalq group')).toEqual([['Mujahedin-e Khalq', 'mek', 'name']]);
    expect(found('the Mujahedin e Khalq group')).toEqual([['Mujahedin e Khalq', 'mek', 'name']]);
    expect(spans('Mujahedin‑e‑Khalq')).toEqual(['Mujahedin‑e‑Khalq']);
  });

  it('matches a name with a possessive inside it, but not across a possessive otherwise', () => {
    expect(found('the People’s Mojahedin Organization of Iran')).toEqual([
      ['People’s Mojahedin Organization of Iran', 'mek', 'alias'],
    ]);
    expect(found("the People's Mojahedin Organization of Iranians")).toEqual([
      ['Iranians', 'iran', 'demonym'],
    ]);
  });

  it('matches short acronyms in capitals only: US is not "us"', () => {
    expect(found('the US and the MEK')).toEqual([
      ['US', 'united-states', 'alias'],
      ['MEK', 'mek', 'alias'],
    ]);
    expect(found('tell us about mek')).toEqual([]);
    expect(spans('the U.S. said')).toEqual(['U.S']);
  });

  it('matches Arabic aliases construct forms', () => {
    expect(spans('منظمة «مجاهدي خلق» ومجاهدو خلق')).toEqual(['مجاهدي خلق', 'مجاهدو خلق']);
  });
});

describe('mentions', () => {
  it('are sorted, non-overlapping and inside the text', () => {
    const text = 'وإيران وألبانيا والولايات المتحدة Iran، NATO «الناتو» كوبا رانسوم وير';
    const ms = matcher.match(text);
    expect(ms.length).toBe(7);
    for (let k = 0; k < ms.length; k++) {
      const m = ms[k];
      if (!m) continue;
      expect(m.start).toBeGreaterThanOrEqual(0);
      expect(m.end).toBeLessThanOrEqual(text.length);
      expect(m.start).toBeLessThan(m.end);
      if (k > 0) expect(m.start).toBeGreaterThanOrEqual(ms[k - 1]?.end ?? 0);
    }
  });

  it('returns nothing for empty or name-free text', () => {
    expect(matcher.match('')).toEqual([]);
    expect(matcher.match('... ، ؛')).toEqual([]);
    expect(matcher.match('كان الجو جميلا')).toEqual([]);
  });

  it('looks entities up by id', () => {
    expect(matcher.entity('iran')?.names.en).toBe('Iran');
    expect(matcher.entity('nope')).toBeUndefined();
    expect(matcher.entities).toHaveLength(DICT.entities.length);
  });

  it('compiles an empty dictionary', () => {
    expect(compileMatcher({ version: 1, entities: [] }).match('إيران')).toEqual([]);
  });

  it('picks the better kind when two entities share a form', () => {
    const shared = compileMatcher({
      version: 1,
      entities: [
        entity('a', 'person', 'سمير كوبا', 'Samir Cuba', { surnames: { ar: ['كوبا'], en: [] } }),
        entity('cuba', 'place', 'كوبا', 'Cuba'),
      ],
    });
    expect(shared.match('كوبا').map((m) => [m.entityId, m.kind])).toEqual([['cuba', 'name']]);
  });
});

describe('the seed story', () => {
  // vitest runs from the project root (import.meta.url is not a file: URL under happy-dom).
  const story = readFileSync(resolve(process.cwd(), 'corpus/000_8bc69fdfd68826f6.txt'), 'utf8');
  const mentions = found(story);
  const count = (id: string, kind?: MentionKind): number =>
    mentions.filter(([, e, k]) => e === id && (!kind || k === kind)).length;

  it('finds وإيران as إيران', () => {
    expect(story).toContain('ألبانيا وإيران');
    expect(found('وتشهد العلاقات بين ألبانيا وإيران توترا')).toEqual([
      ['ألبانيا', 'albania', 'name'],
      ['إيران', 'iran', 'name'],
    ]);
  });

  it('finds للولايات المتحدة without the preposition ل', () => {
    expect(mentions).toContainEqual(['لولايات المتحدة', 'united-states', 'name']);
  });

  it('finds الالباني as a demonym of Albania', () => {
    expect(mentions).toContainEqual(['الالباني', 'albania', 'demonym']);
  });

  it('finds the people, surnames after full names', () => {
    expect(count('edi-rama', 'name')).toBe(1);
    expect(count('edi-rama', 'surname')).toBe(1);
    expect(count('john-hultquist', 'name')).toBe(1);
    expect(count('john-hultquist', 'surname')).toBe(1);
  });

  it('finds the organisations and groups', () => {
    expect(count('mandiant')).toBe(2);
    expect(count('nato')).toBe(2);
    expect(count('mek', 'alias')).toBe(1);
    expect(count('cuba-ransomware')).toBe(1);
    expect(count('cuba')).toBe(0);
    expect(count('us-nsc')).toBe(1);
    expect(count('unsc')).toBe(0);
  });

  it('finds the places and their demonyms', () => {
    expect(count('albania', 'name')).toBe(6);
    expect(count('iran', 'name')).toBe(5); // إيران ×3, وإيران, بإيران
    expect(count('tirana')).toBe(3);
    expect(count('tehran')).toBe(1);
    expect(count('durres')).toBe(1);
    expect(count('united-states', 'name')).toBe(5);
    expect(count('united-states', 'demonym')).toBe(2);
    expect(count('iran', 'demonym')).toBe(9);
  });
});

describe('line breaks inside a name', () => {
  const m = compileMatcher({
    version: 1,
    entities: [
      {
        id: 'edi-rama',
        type: 'person',
        names: { ar: 'إيدي راما', en: 'Edi Rama' },
        aliases: { ar: ['ايدي راما'], en: [] },
        demonyms: { ar: [], en: [] },
        surnames: { ar: ['راما'], en: ['Rama'] },
        description: { ar: '', en: '' },
        source: 'test',
      },
    ],
  });
  const texts = (text: string) => m.match(text).map((x) => [text.slice(x.start, x.end), x.kind]);

  it('crosses one line break, as HTML source and hard-wrapped text put them anywhere', () => {
    expect(texts('Prime Minister Edi\n          Rama said')).toEqual([['Edi\n          Rama', 'name']]);
    expect(texts('قال ايدي\r\nراما')).toEqual([['ايدي\r\nراما', 'name']]);
  });

  it('never crosses a blank line or the block separator between paragraphs', () => {
    expect(texts('Edi\n\nRama')).toEqual([]);
    expect(texts('Edi\u2029Rama')).toEqual([]);
  });
});

describe('ambiguity: one form, several entities (DESIGN.md §3)', () => {
  // Dictionary order is the source preference: the country comes before the city.
  const m = compileMatcher({
    version: 1,
    entities: [
      entity('oman', 'place', 'عمان', 'Oman', { aliases: { ar: ['سلطنة عمان'], en: ['Sultanate of Oman'] } }),
      entity('tunisia', 'place', 'تونس', 'Tunisia'),
      entity('amman', 'place', 'عمان', 'Amman', {
        aliases: { ar: ['العاصمة الأردنية عمان'], en: [] },
        nisba: false,
      }),
      entity('tunis', 'place', 'تونس', 'Tunis', { aliases: { ar: ['العاصمة تونس'], en: [] }, nisba: false }),
      entity('hama', 'place', 'حماة', 'Hama', { nisba: false }),
    ],
  });
  const ids = (text: string) => m.match(text).map((x) => [text.slice(x.start, x.end), x.entityId]);

  it('falls back on the source preference when nothing else tells', () => {
    expect(ids('وصل الوفد إلى عمان')).toEqual([['عمان', 'oman']]);
    expect(ids('وصل الوفد إلى تونس')).toEqual([['تونس', 'tunisia']]);
  });

  it('takes the entity already named in full earlier in the text', () => {
    expect(ids('في العاصمة الأردنية عمان اجتماع، وغادر الوفد عمان مساء')).toEqual([
      ['العاصمة الأردنية عمان', 'amman'],
      ['عمان', 'amman'],
    ]);
    expect(ids('زار سلطنة عمان ثم عاد إلى عمان')).toEqual([
      ['سلطنة عمان', 'oman'],
      ['عمان', 'oman'],
    ]);
  });

  it('reads cue words before the name as part of a longer form', () => {
    expect(ids('وصل إلى العاصمة تونس')).toEqual([['العاصمة تونس', 'tunis']]);
    expect(ids('وصل إلى سلطنة عمان')).toEqual([['سلطنة عمان', 'oman']]);
  });

  it('makes no nisba for a city: حماة does not make حماية (protection) a mention', () => {
    expect(ids('المواطنون العمانيون في حماة يطلبون الحماية')).toEqual([
      ['العمانيون', 'oman'],
      ['حماة', 'hama'],
    ]);
  });
});

describe('precision guard: names that are also ordinary words', () => {
  const m = compileMatcher({
    version: 1,
    entities: [
      entity('jordan', 'place', 'الأردن', 'Jordan', { guarded: ['Jordan'] }),
      entity('chad', 'place', 'تشاد', 'Chad', { guarded: ['Chad'] }),
      entity('mali', 'place', 'مالي', 'Mali', { guarded: ['مالي', 'Mali'] }),
      entity('turkiye', 'place', 'تركيا', 'Türkiye', {
        aliases: { ar: [], en: ['Turkey'] },
        guarded: ['Turkey'],
      }),
      entity('amal-movement', 'group', 'حركة أمل', 'Amal Movement', {
        aliases: { ar: ['أمل'], en: ['Amal'] },
        guarded: ['أمل', 'Amal'],
      }),
      entity('tyre', 'place', 'صور', 'Tyre', {
        aliases: { ar: ['مدينة صور'], en: [] },
        guarded: ['صور'],
        nisba: false,
      }),
    ],
  });
  const ids = (text: string) => m.match(text).map((x) => [text.slice(x.start, x.end), x.entityId]);

  it('finds capitalised English names standing alone, after a function word or at a sentence start', () => {
    expect(ids('Troops crossed into Jordan on Monday.')).toEqual([['Jordan', 'jordan']]);
    expect(ids('In Chad, the army said. Mali and Turkey disagreed.')).toEqual([
      ['Chad', 'chad'],
      ['Mali', 'mali'],
      ['Turkey', 'turkiye'],
    ]);
  });

  it('leaves English near misses alone: lower case, or part of a longer capitalised name', () => {
    expect(ids('We ate turkey. A hanging chad. Michael Jordan scored; Jordan Peterson spoke.')).toEqual([]);
    expect(ids('Chad Smith plays drums, and Amal Clooney spoke.')).toEqual([]);
  });

  it('guards a Latin name every time, even after the entity was named: capitals tell', () => {
    expect(ids('Troops crossed into Jordan. Michael Jordan scored. In Turkey we ate turkey.')).toEqual([
      ['Jordan', 'jordan'],
      ['Turkey', 'turkiye'],
    ]);
  });

  it('leaves a guarded name alone before "of" and a capital: the start of a longer name', () => {
    expect(ids('The Jordan of Nazareth Trust and the Chad of Lake Province met.')).toEqual([]);
    // Lower case after "of", or the name after "of" itself, are no longer name.
    expect(ids('the borders of Jordan, all of Chad, most of Mali; Turkey of all places')).toEqual([
      ['Jordan', 'jordan'],
      ['Chad', 'chad'],
      ['Mali', 'mali'],
      ['Turkey', 'turkiye'],
    ]);
  });

  it('finds a guarded name before a party or an office, as US news writes a state (a Chad Republican)', () => {
    expect(
      ids(
        'said Senator Smith, a Chad Democrat; two Jordan Republicans, Mali Governor Keita and Chad Gov. Deby agreed.',
      ),
    ).toEqual([
      ['Chad', 'chad'],
      ['Jordan', 'jordan'],
      ['Mali', 'mali'],
      ['Chad', 'chad'],
    ]);
    // A name after it that is no party or office still makes a person's name.
    expect(ids('Chad Democratson and Jordan Governs spoke; Michael Jordan Republic.')).toEqual([]);
  });

  it('finds an Arabic ordinary-word form only after another form of the entity named it', () => {
    expect(ids('قال رئيس حركة أمل إن أمل لن تشارك')).toEqual([
      ['حركة أمل', 'amal-movement'],
      ['أمل', 'amal-movement'],
    ]);
    expect(ids('قصفت الطائرات مدينة صور، وفي صور دمار كبير')).toEqual([
      ['مدينة صور', 'tyre'],
      ['صور', 'tyre'],
    ]);
  });

  it('leaves Arabic near misses alone: hope, pictures, financial', () => {
    expect(ids('يحدوها أمل كبير، ونشرت صور الدمار، في تقرير مالي')).toEqual([]);
    expect(ids('وفي مالي انقلاب')).toEqual([]); // without the country named otherwise, مالي is "financial"
  });
});

describe('a possessive between two words of a name', () => {
  const m = compileMatcher({
    version: 1,
    entities: [
      entity('nyt', 'organisation', 'نيويورك تايمز', 'The New York Times', {
        aliases: { ar: [], en: ['New York Times'] },
      }),
      entity('new-york', 'place', 'نيويورك', 'New York'),
      entity('times-square', 'place', 'تايمز سكوير', 'Times Square'),
      entity('iran', 'place', 'إيران', 'Iran'),
      entity('iran-foreign-ministry', 'government', 'وزارة الخارجية الإيرانية', 'Iranian Foreign Ministry', {
        aliases: { ar: [], en: ["Iran's Foreign Ministry"] },
      }),
    ],
  });
  const spansOf = (text: string) => m.match(text).map((x) => [text.slice(x.start, x.end), x.entityId]);

  it("is crossed only where the name itself has one: New York's Times Square is no newspaper", () => {
    expect(spansOf("Crowds filled New York's Times Square and New York’s Times Square.")).toEqual([
      ['New York', 'new-york'],
      ['Times Square', 'times-square'],
      ['New York', 'new-york'],
      ['Times Square', 'times-square'],
    ]);
    expect(spansOf("The New York Times and the Netherlands' Times")).toEqual([['The New York Times', 'nyt']]);
  });

  it('is crossed where the name has one, and the name is found without it too', () => {
    expect(spansOf("Iran's Foreign Ministry, Iran’s foreign ministry and the Iran Foreign Ministry")).toEqual(
      [
        ["Iran's Foreign Ministry", 'iran-foreign-ministry'],
        ['Iran’s foreign ministry', 'iran-foreign-ministry'],
        ['Iran Foreign Ministry', 'iran-foreign-ministry'],
      ],
    );
  });
});

describe('English names are written as names', () => {
  const m = compileMatcher({
    version: 1,
    entities: [
      entity('the-times', 'organisation', 'التايمز', 'The Times'),
      entity('iran-foreign-ministry', 'government', 'وزارة الخارجية الإيرانية', 'Iranian Foreign Ministry', {
        aliases: { ar: [], en: ["Iran's Foreign Ministry"] },
      }),
      entity('ain-defla', 'place', 'عين الدفلى', 'Aïn Defla'),
      entity('ines-arrimadas', 'person', 'إينيس أريماداس', 'Inés Arrimadas'),
    ],
  });
  const spansOf = (text: string) => m.match(text).map((x) => text.slice(x.start, x.end));

  it('takes a lower-case word inside a name, as agencies write ministries', () => {
    expect(spansOf("Iran's foreign ministry said, and the Iranian Foreign Ministry agreed.")).toEqual([
      "Iran's foreign ministry",
      'Iranian Foreign Ministry',
    ]);
  });

  it('does not take a name written as ordinary words after a function word', () => {
    expect(spansOf('The Times reported that the times were hard. The times changed.')).toEqual(['The Times']);
  });

  it('reads a first word with an accented letter whole, not as a function word (Aïn is no "A", Inés no "In")', () => {
    expect(spansOf('Floods hit Aïn Defla, and Inés Arrimadas spoke.')).toEqual([
      'Aïn Defla',
      'Inés Arrimadas',
    ]);
    expect(spansOf('AÏN DEFLA; aïn defla.')).toEqual(['AÏN DEFLA']);
  });
});
