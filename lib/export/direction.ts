// Which way a passage reads, for files opened outside Hashiya (Markdown viewers, spreadsheets).

const RTL_LETTER = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]/gu;
const LTR_LETTER = /[A-Za-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff]/gu;

/** U+200F RIGHT-TO-LEFT MARK: a strong right-to-left character that prints nothing. */
export const RLM = '\u200f';

/**
 * True when most letters of `text` are right-to-left (Arabic, Persian, Hebrew…). A passage such as
 * "CNN قالت إن…" begins with Latin letters, so the first-strong-character rule that `dir="auto"`
 * viewers apply would lay it out left to right: counting letters says what the reader sees.
 */
export function isRightToLeft(text: string): boolean {
  const rtl = text.match(RTL_LETTER)?.length ?? 0;
  if (rtl === 0) return false;
  return rtl >= (text.match(LTR_LETTER)?.length ?? 0);
}
