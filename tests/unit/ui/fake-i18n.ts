// browser.i18n for unit tests: the real message files, resolved as the browsers do (named
// placeholders → $1, $2…), in the UI language the test chooses. WXT's fake browser has no i18n.
import { vi } from 'vitest';
import { browser } from 'wxt/browser';
import ar from '../../../public/_locales/ar/messages.json';
import en from '../../../public/_locales/en/messages.json';

type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
const FILES: Record<'ar' | 'en', Messages> = { ar, en };

export function resolveMessage(locale: 'ar' | 'en', key: string, substitutions?: string | string[]): string {
  const entry = FILES[locale][key] ?? FILES.en[key];
  if (!entry) return '';
  const values =
    substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
  return entry.message.replace(/\$([A-Za-z_]+)\$/g, (_, name: string) => {
    const content = entry.placeholders?.[name.toLowerCase()]?.content ?? '';
    return content.replace(/\$(\d)/g, (__, n: string) => values[Number(n) - 1] ?? '');
  });
}

/** Makes browser.i18n answer in `locale` until the test's mocks are restored. */
export function useUiLanguage(locale: 'ar' | 'en'): void {
  vi.spyOn(browser.i18n, 'getUILanguage').mockReturnValue(locale);
  vi.spyOn(browser.i18n, 'getMessage').mockImplementation(((key: string, substitutions?: string | string[]) =>
    resolveMessage(locale, key, substitutions)) as typeof browser.i18n.getMessage);
}
