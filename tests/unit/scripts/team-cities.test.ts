// A league team's city, derived from its name and its description's league, and guarded: the matcher
// counts it only on a page that names the team, its league or another of its teams.
import { describe, expect, it } from 'vitest';
import type { Entity } from '../../../lib/entities/types';
import { deriveTeamCities } from '../../../scripts/lib/sources/team-cities';
import { entity } from '../entities/test-dictionary';

const described = (e: Entity, en: string): Entity => ({ ...e, description: { ar: '', en } });
const team = (id: string, ar: string, en: string, league: string): Entity =>
  described(entity(id, 'organisation', ar, en), `Basketball team of the ${league} based in the city`);

describe('deriveTeamCities', () => {
  it("gives each team its league and its city's name in both languages, guarded", () => {
    const entities = [
      entity('nba', 'organisation', 'الدوري الأمريكي لكرة السلة', 'NBA'),
      entity('nhl', 'organisation', 'دوري الهوكي', 'NHL', {
        aliases: { ar: [], en: ['National Hockey League'] },
      }),
      entity('boston', 'place', 'بوسطن', 'Boston'),
      team('boston-celtics', 'بوسطن سلتيكس', 'Boston Celtics', 'NBA'),
      team('boston-bruins', 'بوسطن بروينز', 'Boston Bruins', 'NHL'),
      team('toronto-maple-leafs', 'تورونتو مابل ليفس', 'Toronto Maple Leafs', 'NHL'),
      team('golden-state-warriors', 'غولدن ستايت ووريرز', 'Golden State Warriors', 'NBA'),
    ];
    expect([...deriveTeamCities(entities)].sort()).toEqual([
      'boston-bruins Boston',
      'boston-bruins بوسطن',
      'boston-celtics Boston',
      'boston-celtics بوسطن',
      'golden-state-warriors Golden State',
      'golden-state-warriors غولدن ستايت',
      'toronto-maple-leafs Toronto',
      'toronto-maple-leafs تورونتو',
    ]);
    expect(entities.map((e) => e.league)).toEqual([
      undefined,
      undefined,
      undefined,
      'nba',
      'nhl',
      'nhl',
      'nba',
    ]);
    expect(entities[3]?.aliases).toEqual({ ar: ['بوسطن'], en: ['Boston'] });
    expect(entities[2]?.aliases).toEqual({ ar: [], en: [] }); // the city is left as it was
  });

  it('gives no city two teams of one league share, nor one another kind of entity has, nor a league the dictionary lacks', () => {
    const entities = [
      entity('nhl', 'organisation', 'دوري الهوكي', 'NHL'),
      team('new-york-rangers', 'نيويورك رينجرز', 'New York Rangers', 'NHL'),
      team('new-york-islanders', 'نيويورك آيلاندرز', 'New York Islanders', 'NHL'),
      entity('minnesota-fund', 'organisation', 'صندوق مينيسوتا', 'Minnesota'),
      team('minnesota-wild', 'مينيسوتا وايلد', 'Minnesota Wild', 'NHL'),
      team('las-vegas-aces', 'لاس فيغاس إيسز', 'Las Vegas Aces', 'WNBA'),
    ];
    expect(deriveTeamCities(entities).size).toBe(1); // مينيسوتا, which no other entity has
    expect(entities[4]?.aliases).toEqual({ ar: ['مينيسوتا'], en: [] });
    expect(entities[1]?.aliases).toEqual({ ar: [], en: [] });
    expect(entities[5]?.league).toBeUndefined();
  });
});
