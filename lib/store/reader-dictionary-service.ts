// The background's answers to the reader-dictionary messages (lib/reader-dictionary/validate.ts),
// on top of the store; payloads arrive already checked. Every committed change is told to
// `onChange`, so open tabs re-apply the reader's dictionary and open views list it again.
import type * as v from 'valibot';
import type { ReaderEntry } from '../reader-dictionary/model';
import type { readerDictionaryProtocol } from '../reader-dictionary/validate';
import type { NotesStore } from './notes-store';

type Protocol = typeof readerDictionaryProtocol;
export type ReaderDictionaryHandlers = {
  [K in keyof Protocol]: (data: v.InferOutput<Protocol[K][0]>) => Promise<v.InferOutput<Protocol[K][1]>>;
};

export function readerDictionaryHandlers(
  opened: () => Promise<NotesStore>,
  onChange: (entry: ReaderEntry) => void = () => {},
): ReaderDictionaryHandlers {
  const changed = async (write: Promise<ReaderEntry>): Promise<ReaderEntry> => {
    const entry = await write;
    onChange(entry);
    return entry;
  };
  const entries = async () => (await opened()).readerEntries;
  return {
    'save-reader-entry': async ({ entry }) => changed((await entries()).save(entry)),
    'delete-reader-entry': async ({ id }) => changed((await entries()).delete(id)),
    'undo-delete-reader-entry': async ({ id }) => changed((await entries()).restore(id)),
    'list-reader-entries': async () => (await entries()).live(),
  };
}
