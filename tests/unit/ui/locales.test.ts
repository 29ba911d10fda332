import { describe, expect, it } from 'vitest';
import ar from '../../../public/_locales/ar/messages.json';
import en from '../../../public/_locales/en/messages.json';

type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
const placeholdersIn = (text: string) => [...text.matchAll(/\$([A-Z_]+)\$/g)].map((m) => m[1]).sort();

describe('UI strings', () => {
  it('has every English string in Arabic too, and nothing extra', () => {
    expect(Object.keys(ar).sort()).toEqual(Object.keys(en).sort());
  });

  it('uses the same placeholders in both languages, each one declared', () => {
    for (const [key, entry] of Object.entries(en as Messages)) {
      const arabic = (ar as Messages)[key];
      expect(arabic, key).toBeDefined();
      if (!arabic) continue;
      expect(placeholdersIn(arabic.message), key).toEqual(placeholdersIn(entry.message));
      for (const name of placeholdersIn(entry.message)) {
        expect(entry.placeholders?.[(name ?? '').toLowerCase()], `${key}: ${name}`).toBeDefined();
        expect(arabic.placeholders?.[(name ?? '').toLowerCase()], `${key}: ${name}`).toBeDefined();
      }
    }
  });

  it('writes the Arabic strings in Arabic', () => {
    for (const [key, entry] of Object.entries(ar as Messages)) {
      expect(entry.message, key).toMatch(/[\u0600-\u06FF]/);
    }
  });
});
