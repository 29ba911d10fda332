// How large an imported file may be. What each record in it may hold is LIMIT
// (lib/notes/limits.ts), the same for imports and for the notes messages.

/** Files larger than this are refused before they are read. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

/**
 * A backup with more reader-dictionary entries than this is refused as damaged: far more than a
 * person teaches by hand (the shipped dictionary has ~30,000 entities), and every page matches
 * against the reader's entities.
 */
export const MAX_READER_ENTRIES = 50_000;

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
