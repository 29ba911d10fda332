// Typed messages between the extension's parts. Content scripts never open IndexedDB (DESIGN.md §2).
import type { EntityType } from '../entities/types';

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
  /** What the last analysis cost, in ms (for `npm run bench` and curious readers). */
  timings?: {
    extractMs: number;
    matchMs: number;
    paintMs: number;
    /** From the content script's start to the first frame drawn after the first paint. */
    firstFrameMs?: number;
  };
}

/** Requests a content script answers. */
export type ContentRequest =
  /** → PageSummary */
  | { type: 'get-summary' }
  /** Analyse even if the page doesn't look like an article. → PageSummary */
  | { type: 'analyse' }
  /** Jump to the next/previous mention (of one entity, or any). → StepResult | null */
  | { type: 'step'; direction: 1 | -1; entityId?: string }
  /** Switch highlighting on this page's site on or off (keyboard command). → PageSummary */
  | { type: 'toggle-site' };

export interface StepResult {
  entityId: string;
  /** 1-based position among the entity's mentions. */
  position: number;
  total: number;
}

export function isContentRequest(value: unknown): value is ContentRequest {
  if (typeof value !== 'object' || value === null) return false;
  const message = value as { type?: unknown; direction?: unknown; entityId?: unknown };
  switch (message.type) {
    case 'get-summary':
    case 'analyse':
    case 'toggle-site':
      return true;
    case 'step':
      return (
        (message.direction === 1 || message.direction === -1) &&
        (message.entityId === undefined || typeof message.entityId === 'string')
      );
    default:
      return false;
  }
}

/** Content script → background: the badge count for the sender's tab. */
export interface PageSummaryNotice {
  type: 'page-summary';
  count: number;
}

export function isPageSummaryNotice(value: unknown): value is PageSummaryNotice {
  if (typeof value !== 'object' || value === null) return false;
  const notice = value as { type?: unknown; count?: unknown };
  return notice.type === 'page-summary' && typeof notice.count === 'number';
}
