import { describe, expect, it } from 'vitest';
import { nameFilter } from '@/lib/ui/find';

describe('finding a name', () => {
  const iran = ['إيران', 'Iran'];
  it('folds Arabic spelling variants and Latin case', () => {
    expect(nameFilter('ايران')(iran)).toBe(true);
    expect(nameFilter('IRAN')(iran)).toBe(true);
    expect(nameFilter('ران')(iran)).toBe(true);
  });
  it('rejects names that do not contain the query', () => {
    expect(nameFilter('عراق')(iran)).toBe(false);
  });
  it('keeps everything for an empty query', () => {
    expect(nameFilter('  ')(iran)).toBe(true);
  });
});
