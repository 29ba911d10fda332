import { describe, expect, it } from 'vitest';
import { badgeText, isPageSummaryNotice } from '@/lib/badge';

describe('toolbar badge', () => {
  it('shows nothing for no entities and caps large counts', () => {
    expect(badgeText(0)).toBe('');
    expect(badgeText(7)).toBe('7');
    expect(badgeText(150)).toBe('99+');
    expect(badgeText(Number.NaN)).toBe('');
  });
  it('accepts only well-formed notices', () => {
    expect(isPageSummaryNotice({ type: 'page-summary', count: 3 })).toBe(true);
    expect(isPageSummaryNotice({ type: 'page-summary', count: '3' })).toBe(false);
    expect(isPageSummaryNotice(null)).toBe(false);
  });
});
