// Forms several entities are written in (عمان: Oman and Amman; Clinton). The matcher picks one
// (DESIGN.md §3); the card names the others ("also: …"), from the table the builder writes into
// each entity (Entity.shared).

import { foldText } from '../text/fold';
import { tokenWords } from '../text/tokenize';
import type { Entity } from './types';

/** A form as the matcher sees it: folded, then reduced to its words (punctuation separates words). */
export function formKey(form: string): string {
  return tokenWords(foldText(form)).join(' ');
}

/** The Arabic article or a clitic lam that absorbed it (للجزائر is read ل + لجزائر). */
const LEADING_ARTICLE = /^(?:ال|ل)/;

/**
 * The ids of the other entities written like this mention of `entity` (its text as on the page,
 * clitics already left out by the matcher), in the builder's order; empty when the form is its own.
 */
export function otherEntitiesNamed(entity: Entity, mentionText: string): readonly string[] {
  const shared = entity.shared;
  if (!shared) return [];
  const key = formKey(mentionText);
  const exact = shared[key];
  if (exact) return exact;
  const bare = key.replace(LEADING_ARTICLE, '');
  for (const [form, ids] of Object.entries(shared)) {
    if (form.replace(LEADING_ARTICLE, '') === bare) return ids;
  }
  return [];
}
