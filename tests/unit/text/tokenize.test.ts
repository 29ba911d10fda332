import { describe, expect, it } from 'vitest';
import { fold } from '../../../lib/text/fold';
import {
  HASH_SEED,
  hashKey,
  hashRange,
  isWordUnit,
  SEPARATORS_SET_AT_LOAD,
  TokenBuffers,
  tokenize,
  tokenizeUnits,
  tokenWords,
  wordKey,
} from '../../../lib/text/tokenize';

/** Words of an original text, as the matcher sees them. */
const words = (s: string): string[] => tokenWords(fold(s).text);

describe('tokenize: word boundaries', () => {
  it('splits Arabic on spaces and Arabic punctuation', () => {
    expect(words('قطعت ألبانيا، العلاقات؛ لماذا؟ «مجاهدي خلق»')).toEqual([
      'قطعت',
      'البانيا',
      'العلاقات',
      'لماذا',
      'مجاهدي',
      'خلق',
    ]);
  });

  it('splits on ASCII punctuation and quotes with no space around them', () => {
    expect(words('إيران,طهران.تيرانا"دوريس\'كوبا(الناتو)')).toEqual([
      'ايران',
      'طهران',
      'تيرانا',
      'دوريس',
      'كوبا',
      'الناتو',
    ]);
  });

  it('finds Arabic words where JavaScript \\b would not', () => {
    expect('إيران'.match(/\b\w+\b/g)).toBeNull();
    expect(words('إيران')).toEqual(['ايران']);
  });

  it('keeps digits in words and splits on line breaks', () => {
    expect(words('في ١٥ يوليو\nعام 2014')).toEqual(['في', '15', 'يوليو', 'عام', '2014']);
    expect(words('G20 F-16')).toEqual(['g20', 'f', '16']);
  });

  it('keeps letters of any script', () => {
    expect(words('Durrës Τίρανα Тирана 北京')).toEqual(['durres', 'τιρανα', 'тирана', '北京']);
  });

  it('treats ZWSP and NBSP as separators (after folding)', () => {
    expect(words('إيران\u200bطهران\u00a0تيرانا')).toEqual(['ايران', 'طهران', 'تيرانا']);
  });
});

describe('tokenize: English possessive and hyphens', () => {
  it("drops a possessive 's, straight or curly", () => {
    expect(words("Mandiant's analysts")).toEqual(['mandiant', 'analysts']);
    expect(words('Mandiant’s analysts')).toEqual(['mandiant', 'analysts']);
    expect(words("Rama's.")).toEqual(['rama']);
  });

  it("keeps an 's that starts a longer word, and other apostrophes separate words", () => {
    expect(words("Mandiant'sx")).toEqual(['mandiant', 'sx']);
    expect(words("O'Brien Sana'a")).toEqual(['o', 'brien', 'sana', 'a']);
    expect(words("students' union")).toEqual(['students', 'union']);
  });

  it('splits hyphenated names so hyphen and space give the same words', () => {
    expect(words('Mujahedin-e Khalq')).toEqual(words('Mujahedin e Khalq'));
    expect(words('Mujahedin‑e‑Khalq')).toEqual(['mujahedin', 'e', 'khalq']);
  });
});

describe('tokenize: positions and hashes', () => {
  it('gives [start, end) offsets in the folded text', () => {
    const text = fold('«إيران» و Iran').text;
    const t = tokenize(text);
    expect(t.count).toBe(3);
    expect(text.slice(t.starts[0], t.ends[0])).toBe('ايران');
    expect(text.slice(t.starts[1], t.ends[1])).toBe('و');
    expect(text.slice(t.starts[2], t.ends[2])).toBe('iran');
  });

  it('hashes a token like wordKey hashes the word', () => {
    const text = 'الولايات المتحده';
    const t = tokenize(text);
    expect(t.hashes[0]).toBe(wordKey('الولايات'));
    expect(t.hashes[1]).toBe(wordKey('المتحده'));
    expect(hashKey(hashRange('الولايات', 2, 8, hashRange('ال', 0, 2, HASH_SEED)))).toBe(wordKey('الولايات'));
  });

  it('reuses buffers across calls', () => {
    const buffers = new TokenBuffers();
    const units = new Uint16Array([0x627, 0x20, 0x628, 0x20, 0x62a]);
    expect(tokenizeUnits(units, 5, buffers).count).toBe(3);
    expect(tokenizeUnits(units, 1, buffers).count).toBe(1);
  });

  it('handles empty and separator-only text', () => {
    expect(tokenize('').count).toBe(0);
    expect(tokenize(' ،. ').count).toBe(0);
  });

  it('classifies units', () => {
    expect(isWordUnit('ا'.charCodeAt(0))).toBe(true);
    expect(isWordUnit('٣'.charCodeAt(0))).toBe(true);
    expect(isWordUnit('،'.charCodeAt(0))).toBe(false);
    expect(isWordUnit('«'.charCodeAt(0))).toBe(false);
    expect(isWordUnit('-'.charCodeAt(0))).toBe(false);
  });
});

describe('tokenize: the classes set at load', () => {
  it('are those of letters, digits and marks for ASCII, Arabic and news punctuation', () => {
    const wordChar = /[\p{L}\p{N}\p{M}]/u;
    const units = [...SEPARATORS_SET_AT_LOAD];
    for (let c = 0; c < 0x80; c++) units.push(c);
    for (let c = 0x0621; c <= 0x0669; c++) units.push(c);
    for (const c of units) expect([c, isWordUnit(c)]).toEqual([c, wordChar.test(String.fromCharCode(c))]);
  });
});
