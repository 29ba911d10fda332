import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import {
  DEFAULT_SETTINGS,
  isActiveOn,
  loadSettings,
  normaliseSettings,
  notesEnabled,
  saveSettings,
  toggledForSite,
  watchSettings,
  withEntity,
  withNotesOnSite,
  withSite,
  withType,
} from '@/lib/settings/settings';

describe('settings', () => {
  beforeEach(() => fakeBrowser.reset());

  it('starts with highlighting on everywhere and every type shown', async () => {
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
    expect(isActiveOn(DEFAULT_SETTINGS, 'example.com')).toBe(true);
  });

  it('switches a site off and on again without touching other sites', () => {
    const off = withSite(withSite(DEFAULT_SETTINGS, 'a.example', false), 'b.example', false);
    expect(isActiveOn(off, 'a.example')).toBe(false);
    const on = withSite(off, 'a.example', true);
    expect(isActiveOn(on, 'a.example')).toBe(true);
    expect(isActiveOn(on, 'b.example')).toBe(false);
  });

  it('the global switch wins over every site', () => {
    expect(isActiveOn({ ...DEFAULT_SETTINGS, enabled: false }, 'example.com')).toBe(false);
  });

  it('the keyboard toggle turns highlighting here off, and on again whichever switch had turned it off', () => {
    const off = toggledForSite(DEFAULT_SETTINGS, 'a.example');
    expect(isActiveOn(off, 'a.example')).toBe(false);
    expect(isActiveOn(toggledForSite(off, 'a.example'), 'a.example')).toBe(true);
    const globallyOff = { ...DEFAULT_SETTINGS, enabled: false };
    const on = toggledForSite(globallyOff, 'a.example');
    expect(isActiveOn(on, 'a.example')).toBe(true);
  });

  it('turns notes off on one site, whatever the entity highlighting there', () => {
    expect(notesEnabled(DEFAULT_SETTINGS, 'a.example')).toBe(true);
    const off = withNotesOnSite(withNotesOnSite(DEFAULT_SETTINGS, 'b.example', false), 'a.example', false);
    expect(off.notesOffSites).toEqual(['a.example', 'b.example']);
    expect(notesEnabled(off, 'a.example')).toBe(false);
    expect(notesEnabled(off, 'c.example')).toBe(true);
    // Highlighting and notes are separate switches.
    expect(isActiveOn(off, 'a.example')).toBe(true);
    expect(notesEnabled(withSite(DEFAULT_SETTINGS, 'a.example', false), 'a.example')).toBe(true);
    expect(notesEnabled(withNotesOnSite(off, 'a.example', true), 'a.example')).toBe(true);
    expect(normaliseSettings({ notesOffSites: ['a.example', 4, null] }).notesOffSites).toEqual(['a.example']);
  });

  it('hides and shows types and single entities', () => {
    const hidden = withEntity(withType(DEFAULT_SETTINGS, 'place', false), 'iran', false);
    expect(hidden.hiddenTypes).toEqual(['place']);
    expect(hidden.hiddenEntities).toEqual(['iran']);
    expect(withType(hidden, 'place', true).hiddenTypes).toEqual([]);
  });

  it('persists and tells listeners at once', async () => {
    const seen: boolean[] = [];
    const stop = watchSettings((s) => seen.push(s.enabled));
    await saveSettings({ ...DEFAULT_SETTINGS, enabled: false });
    expect((await loadSettings()).enabled).toBe(false);
    expect(seen).toEqual([false]);
    stop();
  });

  it('ignores malformed stored values instead of failing', () => {
    expect(normaliseSettings('nonsense')).toEqual(DEFAULT_SETTINGS);
    expect(
      normaliseSettings({ enabled: 'yes', hiddenTypes: ['place', 'planet', 3], disabledSites: [null] }),
    ).toEqual({
      ...DEFAULT_SETTINGS,
      hiddenTypes: ['place'],
    });
  });

  it('keeps the settings stored before storage was versioned', async () => {
    // What every release so far wrote: the bare object under 'settings', with no version mark.
    const before = {
      enabled: true,
      disabledSites: ['a.example'],
      hiddenTypes: ['place', 'planet'],
      hiddenEntities: ['iran'],
    };
    await fakeBrowser.storage.local.set({ settings: before });
    // The versioned item checks what is stored when it is defined, as on the extension's start.
    vi.resetModules();
    const fresh = await import('@/lib/settings/settings');
    // Fields added since (highlightStyle, notesOffSites) read as their defaults: no migration needed.
    expect(await fresh.loadSettings()).toEqual({
      ...before,
      hiddenTypes: ['place'],
      highlightStyle: 'colour',
      notesOffSites: [],
    });
    await fresh.saveSettings(fresh.withSite(await fresh.loadSettings(), 'b.example', false));
    const stored = await fakeBrowser.storage.local.get(null);
    expect(stored.settings).toEqual({
      ...before,
      hiddenTypes: ['place'],
      disabledSites: ['a.example', 'b.example'],
      highlightStyle: 'colour',
      notesOffSites: [],
    });
    expect((stored.settings$ as { v?: number } | undefined)?.v ?? 1).toBe(1);
  });
});
