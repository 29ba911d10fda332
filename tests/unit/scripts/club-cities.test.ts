// The bare city a club is named after, derived as the club's guarded alias (and «فريق X») only where
// both its names are «نادي X» and "FC X"/"X CF"… for a place X of the dictionary, and one club only.
import { describe, expect, it } from 'vitest';
import { deriveClubCities } from '../../../scripts/lib/sources/club-cities';
import { entity } from '../entities/test-dictionary';

describe('deriveClubCities', () => {
  it("gives a club its city's names, guarded, and «فريق X»", () => {
    const entities = [
      entity('barcelona', 'place', 'برشلونة', 'Barcelona'),
      entity('fc-barcelona', 'organisation', 'نادي برشلونة', 'FC Barcelona'),
      entity('lille', 'place', 'ليل', 'Lille'),
      entity('lille-osc', 'organisation', 'نادي ليل', 'Lille OSC'),
    ];
    const guarded = deriveClubCities(entities);
    expect(entities[1]?.aliases).toEqual({ ar: ['برشلونة', 'فريق برشلونة'], en: ['Barcelona'] });
    expect(entities[3]?.aliases).toEqual({ ar: ['ليل', 'فريق ليل'], en: ['Lille'] });
    expect([...guarded].sort()).toEqual([
      'fc-barcelona Barcelona',
      'fc-barcelona برشلونة',
      'lille-osc Lille',
      'lille-osc ليل',
    ]);
    // The city itself is left as it was.
    expect(entities[0]?.aliases).toEqual({ ar: [], en: [] });
  });

  it('gives nothing where the names do not say so, or two clubs share the city', () => {
    const entities = [
      entity('hamburg', 'place', 'هامبورغ', 'Hamburg'),
      entity('hamburger-sv', 'organisation', 'نادي هامبورغ', 'Hamburger SV'), // not "Hamburg"
      entity('milan', 'place', 'ميلانو', 'Milan'),
      entity('ac-milan', 'organisation', 'نادي ميلان', 'AC Milan'), // not the city's Arabic name
      entity('sevilla', 'place', 'إشبيلية', 'Seville'),
      entity('sevilla-fc', 'organisation', 'نادي إشبيلية', 'Sevilla FC'),
      entity('madrid', 'place', 'مدريد', 'Madrid'),
      entity('cf-madrid', 'organisation', 'نادي مدريد', 'CF Madrid'),
      entity('madrid-fc', 'organisation', 'نادي مدريد', 'Madrid FC'), // a second club of one city
      entity('paris-club', 'organisation', 'نادي باريس', 'Paris Club'), // the creditors, no club
      entity('paris', 'place', 'باريس', 'Paris'),
    ];
    expect(deriveClubCities(entities).size).toBe(0);
    for (const e of entities) expect(e.aliases, e.id).toEqual({ ar: [], en: [] });
  });
});
