// Stands in for components/extras/import-chunk.ts in unit tests (vitest.config.ts aliases it):
// happy-dom cannot import the built chunk from an extension URL, so the chunk's entry is imported
// from source. The browsers load the built chunk in the end-to-end tests.
import type { ExtrasModule } from '@/components/extras/import-chunk';

export function importExtras(): Promise<ExtrasModule> {
  return import('@/components/extras/index');
}
