import { describe, expect, it } from 'vitest';
import ar from '../../../public/_locales/ar/messages.json';
import en from '../../../public/_locales/en/messages.json';

type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
const placeholdersIn = (text: string) => [...text.matchAll(/\$([A-Z_]+)\$/g)].map((m) => m[1]).sort();

// Counted words have one message per plural category of each language ("mentions_one", "mentions_few"):
// English has two categories, Arabic six, so those keys differ between the files by design.
const PLURAL_KEY = /^(\w+)_(zero|one|two|few|many|other)$/;
const LOCALES = { en: en as Messages, ar: ar as Messages };
const singleKeys = (messages: Messages) => Object.keys(messages).filter((key) => !PLURAL_KEY.test(key));
const pluralWords = (messages: Messages) =>
  [...new Set(Object.keys(messages).flatMap((key) => PLURAL_KEY.exec(key)?.[1] ?? []))].sort();

describe('UI strings', () => {
  it('has every English string in Arabic too, and nothing extra', () => {
    expect(singleKeys(LOCALES.ar).sort()).toEqual(singleKeys(LOCALES.en).sort());
    expect(pluralWords(LOCALES.ar)).toEqual(pluralWords(LOCALES.en));
  });

  it.each(Object.keys(LOCALES) as (keyof typeof LOCALES)[])(
    '%s: each counted word has a message for exactly the plural categories of the language',
    (locale) => {
      const messages = LOCALES[locale];
      const categories = [...new Intl.PluralRules(locale).resolvedOptions().pluralCategories].sort();
      for (const word of pluralWords(messages)) {
        const have = Object.keys(messages)
          .filter((key) => PLURAL_KEY.exec(key)?.[1] === word)
          .map((key) => PLURAL_KEY.exec(key)?.[2])
          .sort();
        expect(have, word).toEqual(categories);
      }
    },
  );

  it('uses the same placeholders in both languages, each one declared', () => {
    for (const [key, entry] of Object.entries(LOCALES.en)) {
      if (PLURAL_KEY.test(key)) continue;
      const arabic = LOCALES.ar[key];
      expect(arabic, key).toBeDefined();
      if (!arabic) continue;
      expect(placeholdersIn(arabic.message), key).toEqual(placeholdersIn(entry.message));
    }
    for (const messages of Object.values(LOCALES))
      for (const [key, entry] of Object.entries(messages))
        for (const name of placeholdersIn(entry.message))
          expect(entry.placeholders?.[(name ?? '').toLowerCase()], `${key}: ${name}`).toBeDefined();
  });

  it('writes the Arabic strings in Arabic', () => {
    for (const [key, entry] of Object.entries(LOCALES.ar)) {
      expect(entry.message, key).toMatch(/[\u0600-\u06FF]/);
    }
  });
});
