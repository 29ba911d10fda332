import { expect } from 'vitest';
import { PackSourceError } from '@/lib/packs/source';

/** The PackSourceError a pack source gives: its message (file:line: reason). */
export function errorOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(PackSourceError);
    return (error as Error).message;
  }
  throw new Error('no error');
}
