// UI strings come from public/_locales (English and Arabic), following the browser's language.
import { browser } from 'wxt/browser';
import type { EntityType } from '../entities/types';
import type { NoteColour } from '../notes/model';

export type MessageKey = keyof typeof import('../../public/_locales/en/messages.json');

export function t(key: MessageKey, substitutions?: string | string[]): string {
  return browser.i18n.getMessage(key, substitutions) || key;
}

/** The browser's UI language, e.g. "ar" or "en-GB". */
export function uiLocale(): string {
  return browser.i18n.getUILanguage();
}

/** The UI language's writing direction, for extension pages and in-page UI. */
export function uiDirection(): 'rtl' | 'ltr' {
  return uiLocale().toLowerCase().startsWith('ar') ? 'rtl' : 'ltr';
}

/** Sets an extension page's language and direction to the browser's UI language. */
export function applyUiLanguage(doc: Document = document): void {
  doc.documentElement.lang = uiLocale();
  doc.documentElement.dir = uiDirection();
}

/**
 * An "as of" month (YYYY-MM, as dictionary sources write it) in the UI language's words: "June
 * 2025", "يونيو 2025". In Arabic text "2025-06" is laid out right to left as "06-2025" and breaks
 * at its hyphen. Anything that is no such month is shown as given.
 */
export function monthLabel(month: string, locale: string = uiLocale()): string {
  const parts = /^(\d{4})-(\d{2})$/.exec(month);
  const index = parts ? Number(parts[2]) - 1 : -1;
  if (!parts || index < 0 || index > 11) return month;
  return monthFormat(locale).format(Date.UTC(Number(parts[1]), index, 1));
}

/** One formatter per locale: making one costs far more than formatting, and the options page lists 100 rows at a time. */
const monthFormats = new Map<string, Intl.DateTimeFormat>();
function monthFormat(locale: string): Intl.DateTimeFormat {
  let format = monthFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', timeZone: 'UTC' });
    monthFormats.set(locale, format);
  }
  return format;
}

/** Which of an entity's names to show first. */
export function uiNameLanguage(): 'ar' | 'en' {
  return uiDirection() === 'rtl' ? 'ar' : 'en';
}

/** Words counted with plural forms: one message per CLDR plural category of each language. */
export type CountedWord = 'mentions' | 'names' | 'notes';

/**
 * "1 mention", "52 mentions", "إشارتان", "52 إشارة": the message `<word>_<category>` for the plural
 * category Intl.PluralRules gives `count` in the UI language. Arabic has six categories, English two;
 * tests/unit/ui/locales.test.ts checks that each language has a message for each of its own.
 */
export function countText(word: CountedWord, count: number, locale: string = uiLocale()): string {
  const category = new Intl.PluralRules(locale).select(count);
  // Arabic-only categories (zero, two, few, many) are not keys of the English file the type reads.
  const key = `${word}_${category}` as MessageKey;
  return browser.i18n.getMessage(key, String(count)) || t(`${word}_other`, String(count));
}

const TYPE_LABELS: Record<EntityType, { plural: MessageKey; singular: MessageKey }> = {
  person: { plural: 'typePerson', singular: 'typeSingularPerson' },
  organisation: { plural: 'typeOrganisation', singular: 'typeSingularOrganisation' },
  government: { plural: 'typeGovernment', singular: 'typeSingularGovernment' },
  group: { plural: 'typeGroup', singular: 'typeSingularGroup' },
  place: { plural: 'typePlace', singular: 'typeSingularPlace' },
};

/** "Places" for a heading over several, "Place" for one entity (the card). */
export function typeLabel(type: EntityType, number: 'plural' | 'singular' = 'plural'): string {
  return t(TYPE_LABELS[type][number]);
}

const COLOUR_LABELS: Record<NoteColour, MessageKey> = {
  yellow: 'colourYellow',
  green: 'colourGreen',
  blue: 'colourBlue',
  pink: 'colourPink',
  purple: 'colourPurple',
};

/** A note colour's name ("Yellow", "أصفر"). */
export function colourLabel(colour: NoteColour): string {
  return t(COLOUR_LABELS[colour]);
}
