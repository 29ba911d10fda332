// A club's short name, derived from its name in each language and guarded: the bare city of «نادي X»,
// "FC X", "X CF", and of a sports club's "X United" or "X City"; or a short name no entity has.
import { describe, expect, it } from 'vitest';
import type { Entity } from '../../../lib/entities/types';
import { deriveClubShortNames } from '../../../scripts/lib/sources/club-short-names';
import { entity } from '../entities/test-dictionary';

const described = (e: Entity, en: string): Entity => ({ ...e, description: { ar: '', en } });
const club = (id: string, ar: string, en: string): Entity =>
  described(entity(id, 'organisation', ar, en), 'English football club');
const city = (id: string, ar: string, en: string, description = 'City in Spain'): Entity =>
  described(entity(id, 'place', ar, en), description);
const derive = (entities: Entity[], words: string[] = []) =>
  deriveClubShortNames(entities, new Set(), new Set(words));

describe('deriveClubShortNames', () => {
  it("gives a club its city's names, guarded, and «فريق X»", () => {
    const entities = [
      city('barcelona', 'برشلونة', 'Barcelona'),
      entity('fc-barcelona', 'organisation', 'نادي برشلونة', 'FC Barcelona'),
      city('lille', 'ليل', 'Lille', 'City in France'),
      entity('lille-osc', 'organisation', 'نادي ليل', 'Lille OSC'),
    ];
    // Without a description, «نادي X» is any club's word: only the English mark counts.
    expect([...derive(entities)].sort()).toEqual(['fc-barcelona Barcelona', 'lille-osc Lille']);
    const clubs = [
      city('barcelona', 'برشلونة', 'Barcelona'),
      described(
        entity('fc-barcelona', 'organisation', 'نادي برشلونة', 'FC Barcelona'),
        'Spanish football club',
      ),
    ];
    expect([...derive(clubs)].sort()).toEqual(['fc-barcelona Barcelona', 'fc-barcelona برشلونة']);
    expect(clubs[1]?.aliases).toEqual({ ar: ['برشلونة', 'فريق برشلونة'], en: ['Barcelona'] });
    // The city itself is left as it was.
    expect(clubs[0]?.aliases).toEqual({ ar: [], en: [] });
  });

  it('takes off United, City, County from a sports club only, in both languages', () => {
    const entities = [
      city('newcastle', 'نيوكاسل', 'Newcastle', 'City in the United Kingdom'),
      club('newcastle-united', 'نيوكاسل يونايتد', 'Newcastle United'),
      club('derby-county', 'ديربي كاونتي', 'Derby County'),
      entity('kansas-city-fed', 'organisation', 'بنك كانساس', 'Kansas City'), // no club
    ];
    expect([...derive(entities)].sort()).toEqual([
      'derby-county Derby',
      'derby-county ديربي',
      'newcastle-united Newcastle',
      'newcastle-united نيوكاسل',
    ]);
    expect(entities[3]?.aliases).toEqual({ ar: [], en: [] });
  });

  it('derives each language on its own: the city of one name need not be the other', () => {
    const entities = [
      city('milan', 'ميلانو', 'Milan', 'City in Italy'),
      described(entity('ac-milan', 'organisation', 'نادي ميلان', 'AC Milan'), 'Italian football club'),
      city('seville', 'إشبيلية', 'Seville'),
      described(entity('sevilla-fc', 'organisation', 'نادي إشبيلية', 'Sevilla FC'), 'Spanish football club'),
    ];
    expect([...derive(entities)].sort()).toEqual([
      'ac-milan Milan',
      'ac-milan ميلان',
      'sevilla-fc Sevilla',
      'sevilla-fc إشبيلية',
    ]);
  });

  it('gives nothing where two clubs share the name, a capital has it, another kind of entity has it, or it is a word', () => {
    const entities = [
      city('madrid', 'مدريد', 'Madrid', 'Capital of Spain'),
      club('real-madrid', 'ريال مدريد', 'Real Madrid'),
      club('atletico-madrid', 'أتلتيكو مدريد', 'Atletico Madrid'),
      city('riyadh', 'الرياض', 'Riyadh', 'Capital of Saudi Arabia'),
      club('al-riyadh-sc', 'نادي الرياض', 'Al-Riyadh SC'),
      entity('paris-club', 'organisation', 'نادي باريس', 'Paris Club'), // the creditors, no club
      club('sporting-cp', 'نادي سبورتنغ', 'Sporting CP'),
      entity('sporting-news', 'organisation', 'سبورتنغ', 'Sporting News'),
      club('arsenal-fc', 'أرسنال', 'Arsenal FC'),
      described(entity('france-24', 'organisation', 'فرانس 24', 'France 24'), 'French news channel'),
    ];
    // Al-Riyadh is no city's name in English (the city is Riyadh): the club keeps that one.
    expect([...derive(entities, ['arsenal', 'sporting'])]).toEqual(['al-riyadh-sc Al-Riyadh']);
    for (const e of entities)
      if (e.id !== 'al-riyadh-sc') expect(e.aliases, e.id).toEqual({ ar: [], en: [] });
  });

  it('gives a club a short name no entity has, unless it is an ordinary word', () => {
    const entities = [
      club('chelsea-fc', 'نادي تشيلسي', 'Chelsea FC'),
      club('arsenal-fc', 'نادي أرسنال', 'Arsenal FC'),
    ];
    expect([...derive(entities, ['arsenal'])].sort()).toEqual([
      'arsenal-fc أرسنال',
      'chelsea-fc Chelsea',
      'chelsea-fc تشيلسي',
    ]);
  });
});
