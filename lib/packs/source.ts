// Reading a pack's source files: size first (a file over the limit is refused before it is read),
// then strict UTF-8, with the line of the first bad byte. Errors name the file and the line.

/** A source file too large to read: larger than any newsroom list or annotated corpus we expect. */
export const MAX_SOURCE_BYTES = 50 * 1024 * 1024;

/** What is wrong with a pack source, where: `file:line: reason` (or `file: reason`). */
export class PackSourceError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | undefined,
    readonly reason: string,
  ) {
    super(line === undefined ? `${file}: ${reason}` : `${file}:${line}: ${reason}`);
    this.name = 'PackSourceError';
  }
}

/** Throws when a file of `bytes` bytes is over the limit: call it on the file's size, before reading. */
export function checkSourceSize(file: string, bytes: number, limit = MAX_SOURCE_BYTES): void {
  if (bytes <= limit) return;
  const mb = (n: number) => (n / (1024 * 1024)).toFixed(n % (1024 * 1024) === 0 ? 0 : 1);
  throw new PackSourceError(
    file,
    undefined,
    `the file is ${mb(bytes)} MB, over the ${mb(limit)} MB limit; split it into smaller files`,
  );
}

const strict = new TextDecoder('utf-8', { fatal: true });

/** The file's text; invalid UTF-8 is an error naming the first line that holds a bad byte. */
export function decodeSource(file: string, bytes: Uint8Array): string {
  try {
    // A byte-order mark is not part of the first column's name.
    return strict.decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    let line = 1;
    let start = 0;
    for (let i = 0; i <= bytes.length; i++) {
      if (i < bytes.length && bytes[i] !== 0x0a) continue;
      try {
        strict.decode(bytes.subarray(start, i));
      } catch {
        break;
      }
      line++;
      start = i + 1;
    }
    throw new PackSourceError(
      file,
      line,
      'not valid UTF-8 text; save the file as UTF-8 (in a spreadsheet: "CSV UTF-8")',
    );
  }
}
