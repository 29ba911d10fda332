// UI strings come from public/_locales (English and Arabic), following the browser's language.
import { browser } from 'wxt/browser';
import type { EntityType } from '../entities/types';

export type MessageKey = keyof typeof import('../../public/_locales/en/messages.json');

export function t(key: MessageKey, substitutions?: string | string[]): string {
  return browser.i18n.getMessage(key, substitutions) || key;
}

/** The UI language's writing direction, for extension pages and in-page UI. */
export function uiDirection(): 'rtl' | 'ltr' {
  return browser.i18n.getUILanguage().toLowerCase().startsWith('ar') ? 'rtl' : 'ltr';
}

/** Sets an extension page's language and direction to the browser's UI language. */
export function applyUiLanguage(doc: Document = document): void {
  doc.documentElement.lang = browser.i18n.getUILanguage();
  doc.documentElement.dir = uiDirection();
}

/** Which of an entity's names to show first. */
export function uiNameLanguage(): 'ar' | 'en' {
  return uiDirection() === 'rtl' ? 'ar' : 'en';
}

const TYPE_LABELS: Record<EntityType, MessageKey> = {
  person: 'typePerson',
  organisation: 'typeOrganisation',
  government: 'typeGovernment',
  group: 'typeGroup',
  place: 'typePlace',
};

export function typeLabel(type: EntityType): string {
  return t(TYPE_LABELS[type]);
}
