// Typed messages between the extension's parts. Content scripts never open IndexedDB (DESIGN.md §2).
import type { EntityType } from './entity-types';

/** One entity found on a page, with how often it occurs there. */
export interface EntityCount {
  id: string;
  type: EntityType;
  names: { ar: string; en: string };
  count: number;
  /** Order of first appearance on the page, 0-based. */
  firstSeen: number;
}

export type PageStatus =
  /** Still extracting or matching. */
  | 'working'
  /** Entities found and painted (possibly none). */
  | 'ready'
  /** The page does not look like an article; nothing costly was done. */
  | 'not-article'
  /** Readability found no article text. */
  | 'no-article'
  /** Something failed; `error` says what. */
  | 'error';

export interface PageSummary {
  status: PageStatus;
  url: string;
  title: string;
  entities: EntityCount[];
  error?: string;
}

/** Requests a content script answers. */
export type ContentRequest = { type: 'get-summary' } | { type: 'analyse' };

export function isContentRequest(value: unknown): value is ContentRequest {
  if (typeof value !== 'object' || value === null) return false;
  const type = (value as { type?: unknown }).type;
  return type === 'get-summary' || type === 'analyse';
}
