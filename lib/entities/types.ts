// The shape of the entity dictionary the extension ships and of the mentions the matcher finds.
// This file is the contract between the dictionary builder (scripts/), the matcher (lib/) and the UI.

/** Entity types a news reader tells apart. Order is the display order. */
export const ENTITY_TYPES = ['person', 'organisation', 'government', 'group', 'place'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

export interface Entity {
  /** Stable id, lower-case ascii with hyphens, e.g. "edi-rama". Never reused for another entity. */
  id: string;
  type: EntityType;
  /** Canonical names as a reader would write them. */
  names: { ar: string; en: string };
  /** Other forms a reader meets: transliterations, short forms, construct plurals, English variants. */
  aliases: { ar: string[]; en: string[] };
  /** Places only: irregular adjectives the nisba rule cannot produce (أمريكي for the United States). */
  demonyms: { ar: string[]; en: string[] };
  /** People only: surnames counted alone once the full name occurred earlier in the same text. */
  surnames: { ar: string[]; en: string[] };
  /** One line describing the entity. */
  description: { ar: string; en: string };
  /** Where the entry comes from: a curated file (corpus/world/people.txt) or a data package with its licence. */
  source: string;
  /** When the description was last true, for offices people hold (YYYY-MM); absent when timeless. */
  asOf?: string;
  /** Places: false when no Arabic nisba is generated from the name (cities: حماة would give حماية). */
  nisba?: boolean;
  /** Forms of this entity that are also ordinary words (أمل, Jordan): matched only under the guard. */
  guarded?: string[];
  /**
   * Teams: the id of the league the team plays in. The team's guarded forms (its city's name, Boston)
   * count only on a page that names the team, its league or another of its teams.
   */
  league?: string;
  /**
   * Forms this entity shares with other entities, folded as the matcher reads them (formKey), each
   * with the others' ids: the card says "also: …" (lib/entities/shared-forms.ts).
   */
  shared?: Record<string, string[]>;
}

export interface Dictionary {
  version: 1;
  entities: Entity[];
  /**
   * Ordinary words that a clitic reading would split into a clitic and a name (بليون, a billion, is
   * no ب + Lyon; للحج, for the Hajj, no ل + Lahj): the matcher reads each as a word, never as a
   * name. corpus/lists/plain-words.txt.
   */
  words?: string[];
}

/** How a mention was recognised. */
export type MentionKind = 'name' | 'alias' | 'demonym' | 'surname';

/** A mention in a text: [start, end) are UTF-16 offsets into the original (unfolded) text. */
export interface Mention {
  start: number;
  end: number;
  entityId: string;
  kind: MentionKind;
}
