import { afterEach, describe, expect, it, vi } from 'vitest';
import { countText, monthLabel, typeLabel } from '@/lib/ui/i18n';
import { useUiLanguage } from './fake-i18n';

afterEach(() => vi.restoreAllMocks());

describe('counts with plural forms', () => {
  it('English: one mention, many mentions', () => {
    useUiLanguage('en');
    expect([0, 1, 2, 52].map((n) => countText('mentions', n))).toEqual([
      '0 mentions',
      '1 mention',
      '2 mentions',
      '52 mentions',
    ]);
    expect(countText('names', 1)).toBe('1 name');
  });

  it('Arabic: the six forms (zero, one, two, 3–10, 11–99, 100+)', () => {
    useUiLanguage('ar');
    expect([0, 1, 2, 3, 10, 11, 52, 100, 103].map((n) => countText('mentions', n))).toEqual([
      'لا إشارات',
      'إشارة واحدة',
      'إشارتان',
      '3 إشارات',
      '10 إشارات',
      '11 إشارة',
      '52 إشارة',
      '100 إشارة',
      '103 إشارات',
    ]);
    expect([2, 5, 14].map((n) => countText('names', n))).toEqual(['اسمان', '5 أسماء', '14 اسمًا']);
  });
});

describe('type labels', () => {
  it('are singular for one entity and plural for a group', () => {
    useUiLanguage('en');
    expect(typeLabel('place', 'singular')).toBe('Place');
    expect(typeLabel('place')).toBe('Places');
    useUiLanguage('ar');
    expect(typeLabel('government', 'singular')).toBe('هيئة حكومية');
    expect(typeLabel('government')).toBe('هيئات حكومية');
  });
});

describe('"as of" months', () => {
  it('are written out in the UI language, not as YYYY-MM (which Arabic lays out as 06-2025)', () => {
    expect(monthLabel('2025-06', 'en')).toBe('June 2025');
    expect(monthLabel('2024-12', 'en-GB')).toBe('December 2024');
    const arabic = monthLabel('2025-06', 'ar');
    expect(arabic).toContain('يونيو');
    expect(arabic).not.toContain('-');
  });

  it('follow the browser language by default', () => {
    useUiLanguage('ar');
    expect(monthLabel('2025-01')).toContain('يناير');
  });

  it('leave anything that is no month as it is', () => {
    expect(monthLabel('2025-13', 'en')).toBe('2025-13');
    expect(monthLabel('mid-2025', 'en')).toBe('mid-2025');
  });
});
