// What the fixture pages should produce: hand-counted mentions per entity (tests/fixtures/pages/
// <name>.expected.json) and each entity's type, read from the built dictionary when it exists,
// else from the curated source it is built from (corpus/entities.txt, through the builder's parser).

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ENTITY_TYPES, type EntityType } from '../../lib/entities/types.ts';
import { parseEntitySource } from '../../scripts/lib/entity-source.ts';

export const REPO_ROOT = join(import.meta.dirname, '..', '..');
export const PAGES_DIR = join(REPO_ROOT, 'tests', 'fixtures', 'pages');

export interface PageExpectation {
  /** Entity id → number of mentions in the article (headline, standfirst, body). */
  article: Record<string, number>;
  /** Entity names that appear outside the article and must never be highlighted. */
  outside: string[];
}

export function loadExpectation(page: string): PageExpectation {
  const file = join(PAGES_DIR, page.replace(/\.html$/, '.expected.json'));
  const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
  if (typeof parsed !== 'object' || parsed === null) throw new Error(`${file}: not a JSON object`);
  const { article, outside } = parsed as { article?: unknown; outside?: unknown };
  if (typeof article !== 'object' || article === null)
    throw new Error(`${file}: "article" must be an object`);
  const counts: Record<string, number> = {};
  for (const [id, count] of Object.entries(article)) {
    if (typeof count !== 'number' || !Number.isInteger(count) || count < 1) {
      throw new Error(`${file}: article.${id} must be a positive integer`);
    }
    counts[id] = count;
  }
  if (!Array.isArray(outside) || !outside.every((item): item is string => typeof item === 'string')) {
    throw new Error(`${file}: "outside" must be an array of strings`);
  }
  return { article: counts, outside };
}

function isEntityType(value: string): value is EntityType {
  return (ENTITY_TYPES as readonly string[]).includes(value);
}

let typesCache: Map<string, EntityType> | undefined;

/** Entity id → type, from lib/generated/dictionary.json, else corpus/entities.txt. */
export function entityTypes(): Map<string, EntityType> {
  if (typesCache) return typesCache;
  const types = new Map<string, EntityType>();
  const built = join(REPO_ROOT, 'lib', 'generated', 'dictionary.json');
  const source = join(REPO_ROOT, 'corpus', 'entities.txt');
  if (existsSync(built)) {
    const dictionary = JSON.parse(readFileSync(built, 'utf8')) as {
      entities?: { id: string; type: string }[];
    };
    for (const entity of dictionary.entities ?? []) {
      if (isEntityType(entity.type)) types.set(entity.id, entity.type);
    }
  } else if (existsSync(source)) {
    for (const entity of parseEntitySource(readFileSync(source, 'utf8'), source))
      types.set(entity.id, entity.type);
  } else {
    throw new Error('Neither lib/generated/dictionary.json nor corpus/entities.txt exists: no entity types.');
  }
  typesCache = types;
  return types;
}

/** Expected number of highlighted ranges per entity type for a page. */
export function expectedRangesPerType(expectation: PageExpectation): Map<EntityType, number> {
  const types = entityTypes();
  const perType = new Map<EntityType, number>();
  for (const [id, count] of Object.entries(expectation.article)) {
    const type = types.get(id);
    if (!type) throw new Error(`The fixture expects entity "${id}", which the dictionary does not have.`);
    perType.set(type, (perType.get(type) ?? 0) + count);
  }
  return perType;
}
