import { afterEach, describe, expect, it, vi } from 'vitest';
import { countText, typeLabel } from '@/lib/ui/i18n';
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
