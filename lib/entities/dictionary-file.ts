// The shipped dictionary's files (shared by the build config, the builder and the loader): the
// compiled matcher tables and the entries they name, which the extension ships
// (dictionary-tables.ts), and the JSON they are compiled from, which tools and tests read.
export const DICTIONARY_FILE = 'dictionary.bin';
export const DICTIONARY_ENTRIES_FILE = 'dictionary-entries.json';
export const DICTIONARY_SOURCE = 'lib/generated/dictionary.json';
export const DICTIONARY_TABLES = `lib/generated/${DICTIONARY_FILE}`;
export const DICTIONARY_ENTRIES = `lib/generated/${DICTIONARY_ENTRIES_FILE}`;
