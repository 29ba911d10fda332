// One note as the store keeps it, for tests: a yellow note on «إيدي راما»; each test changes what it needs.
import type { AnnotationRecord } from '@/lib/notes/model';

export function sampleNote(changes: Partial<AnnotationRecord> = {}): AnnotationRecord {
  return {
    id: '00000000-0000-4000-8000-000000000001',
    articleId: 'https://news.example/a',
    quote: { type: 'TextQuoteSelector', exact: 'إيدي راما', prefix: '', suffix: '' },
    position: { type: 'TextPositionSelector', start: 0, end: 9 },
    colour: 'yellow',
    note: 'كلمة مصورة',
    tags: [],
    entityIds: [],
    created: '2026-01-01T00:00:00.000Z',
    modified: '2026-01-01T00:00:00.000Z',
    ...changes,
  };
}
