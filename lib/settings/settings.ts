// The reader's switches. Kept in browser.storage.local (extension origin, readable by content
// scripts, and storage.onChanged tells every open tab at once).
import { ENTITY_TYPES, type EntityType } from '../entities/types';
import { readLocal, watchLocal, writeLocal } from './local-storage';

export interface Settings {
  /** Highlighting everywhere. */
  enabled: boolean;
  /** Hostnames where highlighting is off. */
  disabledSites: string[];
  /** Entity types not painted. */
  hiddenTypes: EntityType[];
  /** Single entities the reader hid ("hide this entity"). */
  hiddenEntities: string[];
  /** 'colour': tinted background and underline; 'quiet': the underline alone. */
  highlightStyle: HighlightStyle;
  /**
   * Hostnames where the reader turned notes off: no note painted, no note card, no selection
   * toolbar there (the notes stay stored). Independent of entity highlighting.
   */
  notesOffSites: string[];
}

export const HIGHLIGHT_STYLES = ['colour', 'quiet'] as const;
export type HighlightStyle = (typeof HIGHLIGHT_STYLES)[number];

export const DEFAULT_SETTINGS: Settings = {
  enabled: true,
  disabledSites: [],
  hiddenTypes: [],
  hiddenEntities: [],
  highlightStyle: 'colour',
  notesOffSites: [],
};

/** Reads stored settings, keeping only well-formed values (storage may hold an older shape). */
export function normaliseSettings(value: unknown): Settings {
  if (typeof value !== 'object' || value === null) return { ...DEFAULT_SETTINGS };
  const raw = value as Record<string, unknown>;
  const strings = (list: unknown): string[] =>
    Array.isArray(list) ? list.filter((item): item is string => typeof item === 'string') : [];
  return {
    enabled: typeof raw.enabled === 'boolean' ? raw.enabled : DEFAULT_SETTINGS.enabled,
    disabledSites: strings(raw.disabledSites),
    hiddenTypes: strings(raw.hiddenTypes).filter((t): t is EntityType =>
      (ENTITY_TYPES as readonly string[]).includes(t),
    ),
    hiddenEntities: strings(raw.hiddenEntities),
    highlightStyle: (HIGHLIGHT_STYLES as readonly unknown[]).includes(raw.highlightStyle)
      ? (raw.highlightStyle as HighlightStyle)
      : DEFAULT_SETTINGS.highlightStyle,
    notesOffSites: strings(raw.notesOffSites),
  };
}

/** Highlighting is on for this site: on globally and not switched off for the site. */
export function isActiveOn(settings: Settings, hostname: string): boolean {
  return settings.enabled && !settings.disabledSites.includes(hostname);
}

export function withSite(settings: Settings, hostname: string, on: boolean): Settings {
  const others = settings.disabledSites.filter((site) => site !== hostname);
  return { ...settings, disabledSites: on ? others : [...others, hostname].sort() };
}

/**
 * The keyboard toggle: highlighting here goes off if it is on, and on if it is off, whichever
 * switch (site or global) had turned it off.
 */
export function toggledForSite(settings: Settings, hostname: string): Settings {
  if (isActiveOn(settings, hostname)) return withSite(settings, hostname, false);
  return withSite({ ...settings, enabled: true }, hostname, true);
}

/** Notes are shown (painted, their card, the selection toolbar) on this site. */
export function notesEnabled(settings: Settings, hostname: string): boolean {
  return !settings.notesOffSites.includes(hostname);
}

export function withNotesOnSite(settings: Settings, hostname: string, on: boolean): Settings {
  const others = settings.notesOffSites.filter((site) => site !== hostname);
  return { ...settings, notesOffSites: on ? others : [...others, hostname].sort() };
}

export function withType(settings: Settings, type: EntityType, shown: boolean): Settings {
  const others = settings.hiddenTypes.filter((t) => t !== type);
  return { ...settings, hiddenTypes: shown ? others : [...others, type] };
}

export function withEntity(settings: Settings, id: string, shown: boolean): Settings {
  const others = settings.hiddenEntities.filter((e) => e !== id);
  return { ...settings, hiddenEntities: shown ? others : [...others, id].sort() };
}

/**
 * Where the settings are stored. What is there is read as unknown, since storage may hold an older
 * or damaged shape: normaliseSettings is the validator. Version 1 is the shape every release so far
 * wrote under `settings` ({enabled, disabledSites, hiddenTypes, hiddenEntities}, no version mark;
 * `highlightStyle` and `notesOffSites` were added later without a new version, since
 * normaliseSettings gives a missing field its default). A change of shape raises the version (in
 * `settings$`, WXT's convention, local-storage.ts) and migrates on read, with a test that reads the
 * shape before it.
 */
const SETTINGS_KEY = 'settings';

export async function loadSettings(): Promise<Settings> {
  return normaliseSettings((await readLocal(SETTINGS_KEY)) ?? DEFAULT_SETTINGS);
}

export async function saveSettings(settings: Settings): Promise<void> {
  await writeLocal({ [SETTINGS_KEY]: settings });
}

/** Calls `listener` whenever any part of the extension changes the settings. Returns an unsubscribe. */
export function watchSettings(listener: (settings: Settings) => void): () => void {
  return watchLocal(SETTINGS_KEY, (value) => listener(normaliseSettings(value ?? DEFAULT_SETTINGS)));
}
