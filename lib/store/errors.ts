// What can go wrong with the notes database, in words a reader understands. Every failing write
// happens inside one transaction that is aborted, so nothing is ever half-written.

export type StoreErrorKind =
  /** The browser refused more storage (disk full or the extension's quota used up). */
  | 'quota'
  /** The database could not be opened or written for another reason (disk error, private mode…). */
  | 'unavailable'
  /** The database was written by a newer version of Hashiya. */
  | 'newer-version'
  /** The note to change does not exist (or no longer does). */
  | 'not-found';

/** What failed to be written or found: a note, or something the reader taught the dictionary. */
export type StoreSubject = 'note' | 'entry';

const MESSAGES: Record<StoreSubject, Record<StoreErrorKind, string>> = {
  note: {
    quota:
      'Your note was not saved: the browser has no more storage space for Hashiya. Free some disk space and try again.',
    unavailable: 'Your note was not saved: the browser could not write to Hashiya’s storage. Try again.',
    'newer-version':
      'Your notes were saved by a newer version of Hashiya. Update the extension to open them; nothing was changed.',
    'not-found': 'That note no longer exists; it may have been deleted in another tab.',
  },
  entry: {
    quota:
      'Not saved: the browser has no more storage space for Hashiya. Free some disk space and try again.',
    unavailable: 'Not saved: the browser could not write to Hashiya’s storage. Try again.',
    'newer-version':
      'Your dictionary changes were saved by a newer version of Hashiya. Update the extension to open them; nothing was changed.',
    'not-found': 'That dictionary change no longer exists; it may have been undone in another tab.',
  },
};

export class StoreError extends Error {
  override readonly name = 'StoreError';

  constructor(
    readonly kind: StoreErrorKind,
    readonly detail?: string,
    subject: StoreSubject = 'note',
  ) {
    super(MESSAGES[subject][kind]);
  }
}

function errorName(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'name' in error) return String(error.name);
  return '';
}

/** The StoreError for whatever IndexedDB threw (or a transaction's error when it aborted). */
export function toStoreError(error: unknown, cause?: unknown, subject: StoreSubject = 'note'): StoreError {
  if (error instanceof StoreError) return error;
  const names = [errorName(error), errorName(cause)];
  const detail = error instanceof Error ? error.message : String(error);
  if (names.includes('QuotaExceededError')) return new StoreError('quota', detail, subject);
  if (names.includes('VersionError')) return new StoreError('newer-version', detail, subject);
  return new StoreError('unavailable', detail, subject);
}
