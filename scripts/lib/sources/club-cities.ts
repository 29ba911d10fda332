// A football club named after its city (FC Barcelona, نادي برشلونة) is called by the bare city
// name once the match report has named it: "Barcelona won", «فاز برشلونة». The club never takes the
// city name as a plain alias (corpus/world/sports.txt: "in Liverpool" is the city). It takes it
// guarded, as the builder derives it here: the form then counts for the club only where the club was
// named earlier on the page (or, in Latin letters, capitalised and alone), and where both could be
// meant the entity the page named wins (DESIGN.md §3, ambiguity), so a page that never names the club
// keeps the city. In Arabic the club also takes «فريق X», "team X", which says which is meant.
import type { Entity } from '../../../lib/entities/types';
import { formKey } from '../entity-source';

/** What a club's English name may add to its city's: FC Porto, Valencia CF, Lille OSC, Como 1907. */
const CLUB_PREFIX = /^(?:1\. FC|FC|AFC|AC|AS|AJ|SC|SS|SSC|RC|US|OGC|CF|VfB|VfL|SV)\s+/;
const CLUB_SUFFIX = /\s+(?:FC|AFC|CF|CFC|SC|AC|OSC|SCO|UD|Calcio|SV|\d{2,4})$/;
const ARABIC_CLUB = /^نادي\s+(.+)$/;

/** The city name in a club's English name, or undefined when the name is not of that kind. */
function cityInEnglish(name: string): string | undefined {
  const bare = name.replace(CLUB_PREFIX, '').replace(CLUB_SUFFIX, '');
  return bare !== name && bare.trim() !== '' ? bare.trim() : undefined;
}

/**
 * Adds to each club of `entities` whose names are «نادي X» and "FC X" (or "X CF"…) for a place X of
 * `entities` (its Arabic and English names) the city's two names and «فريق X» as aliases, and returns
 * the city names added, each as `${clubId} ${form}`, for the builder to guard. A city two clubs are
 * named after (none in the sources today) gives neither of them anything.
 */
export function deriveClubCities(entities: Entity[]): Set<string> {
  const places = new Map<string, Entity>();
  for (const e of entities)
    if (e.type === 'place')
      for (const name of [e.names.ar, e.names.en]) if (name !== '') places.set(formKey(name), e);
  const clubsOf = new Map<Entity, { club: Entity; ar: string; en: string }[]>();
  for (const e of entities) {
    if (e.type !== 'organisation') continue;
    const ar = ARABIC_CLUB.exec(e.names.ar)?.[1]?.trim();
    const en = cityInEnglish(e.names.en);
    if (ar === undefined || en === undefined) continue;
    const place = places.get(formKey(ar));
    if (!place || places.get(formKey(en)) !== place) continue;
    clubsOf.set(place, [...(clubsOf.get(place) ?? []), { club: e, ar, en }]);
  }
  const guarded = new Set<string>();
  for (const clubs of clubsOf.values()) {
    if (clubs.length !== 1) continue;
    const [{ club, ar, en }] = clubs as [{ club: Entity; ar: string; en: string }];
    const has = (list: readonly string[], form: string) => list.some((f) => formKey(f) === formKey(form));
    for (const form of [ar, `فريق ${ar}`]) if (!has(club.aliases.ar, form)) club.aliases.ar.push(form);
    if (!has(club.aliases.en, en)) club.aliases.en.push(en);
    guarded.add(`${club.id} ${ar}`);
    guarded.add(`${club.id} ${en}`);
  }
  return guarded;
}
