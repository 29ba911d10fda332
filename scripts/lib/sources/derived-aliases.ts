// A short form the builder derives for an entity (a club's city, a team's city) becomes its alias only
// where no other entity of the same kind derived it too: Madrid for Real and Atletico, New York for
// two NHL teams, gives neither anything.
import type { Entity } from '../../../lib/entities/types';
import { formKey } from '../entity-source';

export interface DerivedAlias {
  entity: Entity;
  lang: 'ar' | 'en';
  form: string;
}

/** Candidates grouped by the key that must be theirs alone (a form, or a league and a form). */
export class DerivedAliases {
  private readonly byKey = new Map<string, DerivedAlias[]>();

  add(key: string, candidate: DerivedAlias): void {
    const list = this.byKey.get(key);
    if (list === undefined) this.byKey.set(key, [candidate]);
    else list.push(candidate);
  }

  /**
   * Adds each candidate alone under its key as an alias of its entity (unless the entity has the
   * form already) and returns those candidates, with the aliases added as `${id} ${form}`, for the
   * builder to guard.
   */
  apply(): { kept: DerivedAlias[]; guarded: Set<string> } {
    const kept: DerivedAlias[] = [];
    const guarded = new Set<string>();
    for (const list of this.byKey.values()) {
      if (list.length !== 1) continue;
      const candidate = list[0] as DerivedAlias;
      const { entity, lang, form } = candidate;
      kept.push(candidate);
      const aliases = entity.aliases[lang];
      if (aliases.some((a) => formKey(a) === formKey(form))) continue;
      aliases.push(form);
      guarded.add(`${entity.id} ${form}`);
    }
    return { kept, guarded };
  }
}
