// North American sports pages call a team by its city: "Boston beat New York 3-2", standings rows
// ("BOSTON 10 11 4"), schedules. Which team depends on the sport: on an NHL page Boston is the
// Bruins, on an NBA page the Celtics. The builder gives each team of a league its city's name as a
// guarded alias and records the league (Entity.league); the matcher counts the alias only on a page
// that names the team, its league or another of its teams, and there the team wins over the city
// (DESIGN.md §3, ambiguity). "in Boston" stays the city.
import type { Entity } from '../../../lib/entities/types';
import { formKey, formOwners } from '../entity-source';
import { DerivedAliases } from './derived-aliases';

/** How the curated descriptions name a team's league (corpus/world/sports.txt). */
const TEAM_OF = /\bteam of (?:the )?(NFL|NBA|NHL|Major League Baseball)\b/;
/** First words of two-word nicknames: Boston Red Sox, Toronto Maple Leafs, Portland Trail Blazers. */
const NICKNAME_FIRST = /^(?:Red|White|Blue|Maple|Golden|Trail)$/;

/**
 * Gives each team of `entities` that its description places in a league the dictionary has its
 * league's id and its city's name in each language (its name less the nickname) as an alias, and
 * returns the aliases added, each as `${teamId} ${form}`, for the builder to guard. Nothing is added
 * where two teams of one league share a city (New York, Los Angeles), or where the city's name is
 * another entity's but a place's.
 */
export function deriveTeamCities(entities: Entity[]): Set<string> {
  const leagues = new Map<string, string>();
  for (const e of entities)
    if (e.type === 'organisation') for (const f of [e.names.en, ...e.aliases.en]) leagues.set(f, e.id);
  const owners = formOwners(entities);
  const derived = new DerivedAliases();
  for (const team of entities) {
    const league = leagues.get(TEAM_OF.exec(team.description.en)?.[1] ?? '');
    if (team.type !== 'organisation' || league === undefined) continue;
    team.league = league;
    const words = team.names.en.split(' ');
    const nickname = NICKNAME_FIRST.test(words[words.length - 2] ?? '') ? 2 : 1;
    for (const lang of ['ar', 'en'] as const) {
      const name = team.names[lang].split(' ');
      if (name.length <= nickname) continue;
      const form = name.slice(0, -nickname).join(' ');
      const others = (owners.get(formKey(form)) ?? []).filter((e) => e !== team);
      if (others.some((e) => e.type !== 'place')) continue;
      derived.add(`${league} ${lang} ${formKey(form)}`, { entity: team, lang, form });
    }
  }
  return derived.apply().guarded;
}
