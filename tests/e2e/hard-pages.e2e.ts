import type { E2eTest } from './harness.ts';

export const hardPageTests: E2eTest[] = [];
