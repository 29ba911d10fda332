// Where a highlight may begin and end in Arabic text without changing what the reader sees.
//
// Browsers draw a highlight boundary by splitting the text there: Chromium's ::highlight painting
// splits the text run, Firefox's <mark> fallback splits the element. A boundary between a lam and
// the alef after it (لا لأ لإ لآ, one ligature glyph) makes the alef vanish from the screen or
// breaks the ligature, and one between a letter and its diacritics detaches them. So a span's edges
// move outward until they fall between whole glyphs: the clitic lam of لأمريكا or ولإيران is drawn
// inside the highlight, with the alef it is fused with.

const LAM = 0x0644;

function isAlef(code: number): boolean {
  // ا أ إ آ ٱ, and the alef forms a lam fuses with.
  return code === 0x0627 || code === 0x0623 || code === 0x0625 || code === 0x0622 || code === 0x0671;
}

/** Arabic combining marks: harakat, shadda, sukun, superscript alef, Quranic marks. */
function isMark(code: number): boolean {
  return (code >= 0x064b && code <= 0x065f) || code === 0x0670 || (code >= 0x06d6 && code <= 0x06ed);
}

/** True when a boundary at `at` (between text[at - 1] and text[at]) would split a glyph. */
export function splitsGlyph(text: string, at: number): boolean {
  if (at <= 0 || at >= text.length) return false;
  const next = text.charCodeAt(at);
  if (isMark(next)) return true;
  if (!isAlef(next)) return false;
  let before = at - 1;
  while (before > 0 && isMark(text.charCodeAt(before))) before--;
  return text.charCodeAt(before) === LAM;
}

/** The smallest span around [start, end) whose edges split no glyph (a ligature, a letter and its marks). */
export function ligatureSafeSpan(text: string, start: number, end: number): { start: number; end: number } {
  let s = start;
  let e = end;
  while (s > 0 && splitsGlyph(text, s)) s--;
  while (e < text.length && splitsGlyph(text, e)) e++;
  return { start: s, end: e };
}
