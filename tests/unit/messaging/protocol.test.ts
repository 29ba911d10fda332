import { describe, expect, it } from 'vitest';
import { isContentRequest, isPageSummaryNotice } from '@/lib/messaging/protocol';
import { badgeText } from '@/lib/ui/badge';

describe('toolbar badge', () => {
  it('shows nothing for no entities and caps large counts', () => {
    expect(badgeText(0)).toBe('');
    expect(badgeText(7)).toBe('7');
    expect(badgeText(150)).toBe('99+');
    expect(badgeText(Number.NaN)).toBe('');
  });
});

describe('messages', () => {
  it('accepts only well-formed notices', () => {
    expect(isPageSummaryNotice({ type: 'page-summary', count: 3 })).toBe(true);
    expect(isPageSummaryNotice({ type: 'page-summary', count: '3' })).toBe(false);
    expect(isPageSummaryNotice(null)).toBe(false);
  });
  it('accepts only well-formed content requests', () => {
    expect(isContentRequest({ type: 'get-summary' })).toBe(true);
    expect(isContentRequest({ type: 'step', direction: -1, entityId: 'iran' })).toBe(true);
    expect(isContentRequest({ type: 'step', direction: 2 })).toBe(false);
    expect(isContentRequest({ type: 'step', direction: 1, entityId: 5 })).toBe(false);
    expect(isContentRequest({ type: 'delete-everything' })).toBe(false);
    expect(isContentRequest('get-summary')).toBe(false);
  });
});
