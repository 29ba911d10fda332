import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Anchorer } from '@/lib/anchoring/anchor';
import { describePassage } from '@/lib/anchoring/describe';

const WORDS = [
  'قال',
  'إيران',
  'ألبانيا',
  'الحكومة',
  'في',
  'بيان',
  'قطع',
  'العلاقات',
  'مع',
  'واشنطن',
  'the',
  'NATO',
];
const words = (min: number, max: number) =>
  fc.array(fc.constantFrom(...WORDS), { minLength: min, maxLength: max }).map((ws) => ws.join(' '));

describe('re-anchoring, for any text', () => {
  it('finds a passage again after text is inserted away from it, at its new place when its context is unique', () => {
    fc.assert(
      fc.property(
        words(5, 40),
        words(2, 8),
        words(5, 40),
        words(1, 20),
        fc.boolean(),
        (before, passage, after, inserted, insertBefore) => {
          const text = `${before} ${passage} ${after}`;
          const start = before.length + 1;
          const target = describePassage(text, start, start + passage.length);
          if (!target) return;
          const edited = insertBefore ? `${inserted}\u2029${text}` : `${text}\u2029${inserted}`;
          const newStart = start + (insertBefore ? inserted.length + 1 : 0);
          const anchor = new Anchorer(edited).anchor(target);
          expect(anchor).not.toBeNull();
          expect(edited.slice(anchor?.start, anchor?.end)).toBe(passage);
          const { prefix, exact, suffix } = target.quote;
          const whole = prefix + exact + suffix;
          if (edited.indexOf(whole) === edited.lastIndexOf(whole)) expect(anchor?.start).toBe(newStart);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never places a note outside the text, and places an unchanged one where it was', () => {
    fc.assert(
      fc.property(words(1, 30), fc.nat(), fc.nat(), words(0, 30), (text, a, b, other) => {
        const start = a % (text.length + 1);
        const end = start + (b % (text.length - start + 1));
        const target = describePassage(text, start, end);
        if (!target) return;
        expect(new Anchorer(text).anchor(target)).toMatchObject({
          start: target.position.start,
          end: target.position.end,
          method: 'position',
        });
        const anchor = new Anchorer(other).anchor(target);
        if (anchor) {
          expect(anchor.start).toBeGreaterThanOrEqual(0);
          expect(anchor.end).toBeLessThanOrEqual(other.length);
          expect(anchor.end).toBeGreaterThan(anchor.start);
        }
      }),
      { numRuns: 300 },
    );
  });
});
