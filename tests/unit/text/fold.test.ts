import { describe, expect, it } from 'vitest';
import {
  FOLDED_AT_LOAD,
  fold,
  foldCodePoint,
  foldInto,
  foldText,
  foldUnits,
  MAX_EXPANSION,
  toOriginalSpan,
} from '../../../lib/text/fold';

const f = (s: string): string => fold(s).text;

describe('fold: Arabic', () => {
  it('deletes harakat, shadda, sukun, superscript alef and Quranic marks', () => {
    expect(f('إِيرَانَ')).toBe('ايران');
    expect(f('مُحَمَّدٌ')).toBe('محمد');
    expect(f('رَحْمٰن')).toBe('رحمن'); // U+0670 superscript alef
    expect(f('صلى\u0610الله')).toBe('صليالله');
    expect(f('الرَّحِيمِ\u06d6')).toBe('الرحيم');
  });

  it('deletes tatweel', () => {
    expect(f('إيـــران')).toBe('ايران');
  });

  it('deletes invisible format characters', () => {
    for (const c of [
      '\u200c',
      '\u200d',
      '\u200e',
      '\u200f',
      '\u061c',
      '\u202a',
      '\u202e',
      '\u2066',
      '\u2069',
    ]) {
      expect(f(`ايـ${c}ران`)).toBe('ايران');
    }
    expect(f('\ufeffإيران')).toBe('ايران');
    expect(f('Man\u00addiant')).toBe('mandiant'); // soft hyphen
  });

  it('turns ZWSP, NBSP and NNBSP into spaces', () => {
    expect(f('إيران\u200bطهران')).toBe('ايران طهران');
    expect(f('إيران\u00a0طهران')).toBe('ايران طهران');
    expect(f('إيران\u202fطهران')).toBe('ايران طهران');
  });

  it('folds alef variants to bare alef', () => {
    expect(f('أ إ آ ٱ ا')).toBe('ا ا ا ا ا');
    expect(f('ألبانيا')).toBe('البانيا');
    expect(f('ٱلله')).toBe('الله');
  });

  it('folds alef maqsura, ta marbuta and hamza seats', () => {
    expect(f('مصطفى')).toBe('مصطفي');
    expect(f('الإيرانية')).toBe('الايرانيه');
    expect(f('مؤتمر')).toBe('موتمر');
    expect(f('رئيس')).toBe('رييس');
  });

  it('folds Persian and Urdu letters', () => {
    expect(f('ی ک گ ھ ۀ ہ ە پ چ ڤ')).toBe('ي ك ك ه ه ه ه ب ج ف');
    expect(f('ایران')).toBe('ايران'); // Persian spelling with ی
  });

  it('folds Arabic-Indic and Persian digits to ASCII', () => {
    expect(f('٠١٢٣٤٥٦٧٨٩')).toBe('0123456789');
    expect(f('۰۱۲۳۴۵۶۷۸۹')).toBe('0123456789');
    expect(f('١٥ يوليو')).toBe('15 يوليو');
  });

  it('decomposes presentation forms, lam-alef into two letters', () => {
    expect(f('\ufefb')).toBe('لا'); // ﻻ
    expect(f('\ufef5')).toBe('لا'); // ﻵ lam with alef madda
    expect(f('\ufe8d\ufedf\ufe92\ufe8e\ufee7\ufef4\ufe8e')).toBe('البانيا'); // positional forms
    expect(f('\ufdf2')).toBe('الله'); // ﷲ
    expect(f('\ufb8f')).toBe('ك'); // keheh final form
    expect(f('\ufe76')).toBe(''); // isolated fatha form
    expect(f('\ufe77')).toBe(''); // medial fatha form (tatweel + fatha)
  });
});

describe('fold: Latin and others', () => {
  it('lower-cases and strips accents', () => {
    expect(f('Durrës')).toBe('durres');
    expect(f('ÉCOLE Ñandú')).toBe('ecole nandu');
    expect(f('İstanbul')).toBe('istanbul');
    expect(f('Durre\u0308s')).toBe('durres'); // combining diaeresis
    expect(f('ﬁne Ｉｒａｎ')).toBe('fine iran'); // ligature, full-width
  });

  it('folds the Latin letters that carry their mark inside them, as English news writes them', () => {
    // No decomposition strips these: Turkish dotless i, Polish l with stroke, Nordic o with
    // stroke, South Slavic d with stroke.
    expect(f('Kırıkkale')).toBe(f('Kirikkale'));
    expect(f('KIRIKKALE')).toBe(f('Kırıkkale'));
    expect(f('Łódź')).toBe(f('Lodz'));
    expect(f('Ødegaard Tromsø')).toBe(f('Odegaard Tromso'));
    expect(f('Đoković')).toBe(f('Dokovic'));
    // Each stays one unit, so offsets into the page's text are unchanged.
    expect(f('Kırıkkale').length).toBe('Kırıkkale'.length);
  });

  it('unifies apostrophes and hyphens', () => {
    expect(f('Mandiant’s')).toBe("mandiant's");
    expect(f('Mandiantʼs')).toBe("mandiant's");
    expect(f('Mujahedin‑e')).toBe('mujahedin-e');
  });

  it('keeps punctuation as is', () => {
    expect(f('«إيران»، طهران؛ لماذا؟')).toBe('«ايران»، طهران؛ لماذا؟');
  });

  it('folds astral letters and turns astral symbols into spaces', () => {
    expect(f('𝐈𝐫𝐚𝐧')).toBe('iran');
    expect(f('إيران😀طهران')).toBe('ايران طهران');
    expect(f('a\ud800b')).toBe('a b'); // lone high surrogate
    expect(f('a\udc00b')).toBe('a b'); // lone low surrogate
  });

  it('handles the empty string', () => {
    const r = fold('');
    expect(r.text).toBe('');
    expect(r.map.length).toBe(0);
  });
});

describe('fold: offset map', () => {
  it('maps each folded unit to its original offset', () => {
    const r = fold('إِيرَان');
    expect(r.text).toBe('ايران');
    expect([...r.map]).toEqual([0, 2, 3, 5, 6]);
  });

  it('maps every unit of an expansion to the source unit', () => {
    const r = fold('a\ufefbb');
    expect(r.text).toBe('aلاb');
    expect([...r.map]).toEqual([0, 1, 1, 2]);
  });

  it('maps an astral letter to its high surrogate', () => {
    const r = fold('x𝐈y');
    expect(r.text).toBe('xiy');
    expect([...r.map]).toEqual([0, 1, 3]);
  });

  it('has map length equal to the folded length', () => {
    const s = 'وَإِيرَانُ ﻻ ٢٠٢٢ Durrës';
    const r = fold(s);
    expect(r.map.length).toBe(r.text.length);
    expect(r.sourceLength).toBe(s.length);
  });
});

describe('toOriginalSpan', () => {
  it('takes in the trailing harakat of the last letter (إِيرَانَ whole)', () => {
    const s = 'إِيرَانَ';
    const r = fold(s);
    expect(toOriginalSpan(r, 0, r.text.length)).toEqual([0, s.length]);
  });

  it('takes in trailing harakat before a following word', () => {
    const s = 'زار إِيرَانَ أمس';
    const r = fold(s);
    const at = r.text.indexOf('ايران');
    const [a, b] = toOriginalSpan(r, at, at + 5);
    expect(s.slice(a, b)).toBe('إِيرَانَ');
  });

  it('starts at the first letter, leaving out the marks of a clitic before it', () => {
    const s = 'وَإِيرَانَ';
    const r = fold(s);
    expect(r.text).toBe('وايران');
    const [a, b] = toOriginalSpan(r, 1, 6);
    expect(s.slice(a, b)).toBe('إِيرَانَ');
  });

  it('does not skip leading format characters wrongly: the span begins at the letter', () => {
    const s = '\u200fإيران';
    const r = fold(s);
    expect(toOriginalSpan(r, 0, 5)).toEqual([1, 6]);
  });

  it('takes in a trailing tatweel and a trailing combining accent', () => {
    const s = 'ايرانـ و Durre\u0308s!';
    const r = fold(s);
    const [a, b] = toOriginalSpan(r, 0, 5);
    expect(s.slice(a, b)).toBe('ايرانـ');
    const at = r.text.indexOf('durres');
    const [c, d] = toOriginalSpan(r, at, at + 6);
    expect(s.slice(c, d)).toBe('Durre\u0308s');
  });

  it('takes a ligature whole when a span ends inside it', () => {
    const r = fold('x\ufefb');
    expect(r.text).toBe('xلا');
    expect(toOriginalSpan(r, 0, 2)).toEqual([0, 2]);
  });

  it('takes in the low surrogate of a final astral letter', () => {
    const s = '𝐈𝐫𝐚𝐧';
    const r = fold(s);
    expect(toOriginalSpan(r, 0, 4)).toEqual([0, 8]);
  });

  it('works without sourceLength (hand-made Folded)', () => {
    const r = fold('ايران');
    expect(toOriginalSpan({ text: r.text, map: r.map }, 0, 5)).toEqual([0, 5]);
  });
});

describe('fold variants agree', () => {
  const samples = ['إِيرَانَ', 'Durrës', 'a\ufefbb', 'x𝐈y', '', 'ألبانيا ٢٠٢٢ ﷲ', 'إيران😀'];

  it('foldText equals fold().text', () => {
    for (const s of samples) expect(foldText(s)).toBe(fold(s).text);
  });

  it('foldText returns the very string when nothing folds', () => {
    const s = 'ايران طهران';
    expect(foldText(s)).toBe(s);
  });

  it('foldInto and foldUnits give the same units', () => {
    for (const s of samples) {
      const out = new Uint16Array(s.length * MAX_EXPANSION + 1);
      const end = foldInto(s, out, 0);
      expect(String.fromCharCode(...out.subarray(0, end))).toBe(fold(s).text);
      const u = foldUnits(s);
      expect(String.fromCharCode(...u.units.subarray(0, u.length))).toBe(fold(s).text);
    }
  });

  it('foldInto appends at an offset, so a form can be folded piece by piece', () => {
    const out = new Uint16Array(64);
    const end = foldInto('ية', out, foldInto('إيران', out, foldInto('ال', out, 0)));
    expect(String.fromCharCode(...out.subarray(0, end))).toBe(f('الإيرانية'));
  });

  it('fold results do not share buffers between calls', () => {
    const a = fold('إيران');
    fold('طهران');
    expect(a.text).toBe('ايران');
    expect([...a.map]).toEqual([0, 1, 2, 3, 4]);
  });
});

describe('fold: the chars folded at load', () => {
  it('fold as foldCodePoint() folds them, decomposing and lower-casing', () => {
    let checked = 0;
    for (const [from, to] of FOLDED_AT_LOAD)
      for (let c = from; c <= to; c++) {
        expect([c, foldText(String.fromCharCode(c))]).toEqual([c, foldCodePoint(c)]);
        checked++;
      }
    expect(checked).toBeGreaterThan(200);
  });
});
