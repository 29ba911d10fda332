// The shipped dictionary's file name in the extension package (shared by the build config and the loader).
export const DICTIONARY_FILE = 'dictionary.json';
