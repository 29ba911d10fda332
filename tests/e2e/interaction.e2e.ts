import type { E2eTest } from './harness.ts';

export const interactionTests: E2eTest[] = [];
