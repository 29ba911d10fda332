// `npm run survey -- FILE...`: what a new reader sees on a set of real news pages — on how many the
// shipped dictionary highlights anything, and how much (the issue that grew the dictionary began
// with "something highlighted on 10 of 19 pages, mostly one to five words"). No gold tags needed:
// precision is measured on the gold sets (npm run coverage).
import { ENTITY_TYPES, type EntityType } from '../../lib/entities/types';
import type { CliResult } from './entities-cli';

export interface PageSurvey {
  file: string;
  mentions: number;
  entities: number;
  byType: Record<EntityType, number>;
}

export interface Survey {
  pages: PageSurvey[];
  /** Pages with at least one highlighted mention. */
  withAny: number;
  medianMentions: number;
  medianEntities: number;
}

export function survey(results: readonly CliResult[]): Survey {
  const pages = results.map((r) => {
    const byType = Object.fromEntries(ENTITY_TYPES.map((t) => [t, 0])) as Record<EntityType, number>;
    for (const m of r.mentions) byType[m.entity.type]++;
    return {
      file: r.file,
      mentions: r.mentions.length,
      entities: new Set(r.mentions.map((m) => m.entity.id)).size,
      byType,
    };
  });
  return {
    pages,
    withAny: pages.filter((p) => p.mentions > 0).length,
    medianMentions: median(pages.map((p) => p.mentions)),
    medianEntities: median(pages.map((p) => p.entities)),
  };
}

function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

export function formatSurvey(s: Survey): string {
  const rows = [['page', 'mentions', 'entities', ...ENTITY_TYPES]];
  for (const p of s.pages)
    rows.push([
      p.file,
      String(p.mentions),
      String(p.entities),
      ...ENTITY_TYPES.map((t) => String(p.byType[t])),
    ]);
  const widths = (rows[0] as string[]).map((_, c) => Math.max(...rows.map((r) => (r[c] as string).length)));
  const lines = rows.map((r) =>
    r
      .map((cell, c) => (c === 0 ? cell.padEnd(widths[c] as number) : cell.padStart(widths[c] as number)))
      .join('  '),
  );
  lines.push(
    `pages with a highlight: ${s.withAny} of ${s.pages.length}; median per page: ${s.medianMentions} mentions of ${s.medianEntities} entities`,
  );
  return lines.join('\n');
}
