// The "Possible entities" a tab's content script found on its page (lib/page/page-proposals.ts), as
// the side panel asks for them: the message, its schema and the report's shape. Both the content
// script and the side panel import this file; neither needs the finder's code for it.
import * as v from 'valibot';
import { ENTITY_TYPES } from '../entities/types';
import { LIMIT } from '../notes/limits';
import type { Proposal } from './proposals';

export const PROPOSAL_STATUSES = [
  /** No analysed article (or highlighting is off here): nothing to propose. */
  'none',
  /** Looking, in the page's idle time. */
  'working',
  'ready',
] as const;

export interface PageProposalsReport {
  status: (typeof PROPOSAL_STATUSES)[number];
  proposals: Proposal[];
  /** What the last search cost the page, in ms (for the README's figures and curious readers). */
  timings?: { totalMs: number; longestTaskMs: number; tasks: number; slices: number };
}

const ms = v.pipe(v.number(), v.finite(), v.minValue(0));
export const PageProposalsReportSchema: v.GenericSchema<PageProposalsReport> = v.object({
  status: v.picklist(PROPOSAL_STATUSES),
  proposals: v.pipe(
    v.array(
      v.object({
        form: v.pipe(v.string(), v.maxLength(LIMIT.label)),
        count: v.pipe(v.number(), v.safeInteger(), v.minValue(1)),
        type: v.picklist(ENTITY_TYPES),
      }),
    ),
    v.maxLength(1000),
  ),
  timings: v.optional(v.object({ totalMs: ms, longestTaskMs: ms, tasks: ms, slices: ms })),
});

/** Requests a tab's content script answers about proposals (spread into contentProtocol). */
export const proposalsProtocol = {
  'page-proposals': [v.undefined(), PageProposalsReportSchema],
} as const;
