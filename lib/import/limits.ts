// What an imported file may hold. Generous for real notes, and small enough that a hostile file
// cannot make the library page or the store carry megabyte strings.

/** Files larger than this are refused before they are read. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

export const LIMIT = {
  id: 512,
  url: 8192,
  /** Title, site, byline, language. */
  label: 2000,
  excerpt: 10_000,
  /** The quoted passage. */
  exact: 20_000,
  /** Context around the passage (Hashiya writes ~32 characters). */
  context: 2000,
  note: 100_000,
  tag: 200,
  tags: 200,
  entities: 2000,
  /** Offsets in the page's text: more than any page holds. */
  offset: 100_000_000,
} as const;

/** The message for a file over the size limit, or null. */
export function importSizeError(bytes: number): string | null {
  if (bytes <= MAX_IMPORT_BYTES) return null;
  const mb = (bytes / (1024 * 1024)).toFixed(1);
  return `This file is ${mb} MB; Hashiya imports files up to ${MAX_IMPORT_BYTES / (1024 * 1024)} MB. Nothing was imported.`;
}

/** The UTF-8 size of a text, counted without copying it. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}
