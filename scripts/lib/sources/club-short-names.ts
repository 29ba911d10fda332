// Match reports call a club by its short name once they have named it, or in a results line: "FC
// Barcelona … Barcelona won", «نادي برشلونة … فاز برشلونة», "Newcastle United … Newcastle", "Chelsea 2
// Everton 2". The curated files never give that name as a plain alias (corpus/world/sports.txt: "in
// Liverpool" is the city); the builder derives it here, guarded, from the club's name in each language.
// A guarded form counts for the club only where the club was named earlier on the page (or, in Latin
// letters, capitalised and alone); where it is also a city's name, the entity the page named wins and
// a place cue keeps the city (DESIGN.md §3, ambiguity), so a page that never names the club keeps the
// city. In Arabic the club also takes «فريق X», "team X", which says which is meant.
import type { Entity } from '../../../lib/entities/types';
import { formKey, formOwners } from '../entity-source';
import { DerivedAliases } from './derived-aliases';

/** What a club's English name may add to its short name: FC Porto, Valencia CF, Lille OSC. */
const CLUB_PREFIX = /^(?:1\. FC|FC|AFC|AC|AS|AJ|SC|SS|SSC|RC|US|OGC|CF|VfB|VfL|SV|Real|Atletico|Hellas)\s+/;
const CLUB_SUFFIX = /\s+(?:FC|AFC|CF|CFC|SC|AC|OSC|SCO|UD|Calcio|SV)$/;
/**
 * Words after the short name that are no club's mark alone (Leicester City, Newcastle United, Derby
 * County, Como 1907, but France 24), so they count only in the name of an entity its description
 * calls a club.
 */
const CLUB_WORD_EN = /\s+(?:United|City|County|Rovers|Athletic|Wanderers|Albion|Hotspur|Town|\d{2,4})$/;
const CLUB_WORD_AR = /\s+(?:يونايتد|سيتي|كاونتي|روفرز|أتلتيك|واندررز|ألبيون|هوتسبير|تاون)$/;
const ARABIC_CLUB = /^نادي\s+/;
/** A description that calls the entity a sports club (not the Paris Club of creditors, nor نادي الصحفيين). */
/** How cldr-cities.ts describes a capital. */
const CAPITAL = /^Capital of /;
const IS_CLUB = /\b(?:football|soccer|basketball|sports?) club\b/i;
/** A proper adjective's ending: Celtic FC's "Celtic" is as often the Celtic languages. */
const ADJECTIVE = /(?:ic|ian|ish|ese|ean)$/;
/** Shorter short names are words or initials (AS, US). */
const SHORTEST = 4;

/** The short name in a club's name, or undefined when the name has no club's mark to take off. */
function shortName(name: string, lang: 'ar' | 'en', isClub: boolean): string | undefined {
  // نادي is any club's word (نادي باريس, the creditors): only a sports club's name drops it.
  let bare = lang === 'en' ? name.replace(CLUB_PREFIX, '').replace(CLUB_SUFFIX, '') : name;
  if (bare === name && isClub)
    bare =
      lang === 'en'
        ? name.replace(CLUB_WORD_EN, '')
        : name.replace(ARABIC_CLUB, '').replace(CLUB_WORD_AR, '');
  bare = bare.trim();
  return bare !== name && bare.length >= SHORTEST ? bare : undefined;
}

/**
 * Adds to each club of `entities` the short name its name gives in each language («نادي X», "FC X",
 * "X CF", and for an entity described as a club "X United", "X City"…) as an alias, with «فريق X» in
 * Arabic (unguarded: it says which is meant), and returns the short names added, each as
 * `${clubId} ${form}`, for the builder to guard. A short
 * name is a city's (Barcelona, برشلونة) or no entity's (Chelsea, Napoli); it is left out where two
 * clubs share it (Madrid for Real and Atletico), where it is a capital's name or another kind of
 * entity's form, or where
 * it is no city's and an ordinary word: its folded key in `commonKeys`, or in Latin letters its lower
 * case in `englishWords` (Sporting, Arsenal), which a capital at a sentence's start would make a name,
 * or a proper adjective (Celtic).
 */
export function deriveClubShortNames(
  entities: Entity[],
  commonKeys: ReadonlySet<string>,
  englishWords: ReadonlySet<string>,
): Set<string> {
  const owners = formOwners(entities);
  const derived = new DerivedAliases();
  for (const club of entities) {
    if (club.type !== 'organisation') continue;
    const isClub = IS_CLUB.test(club.description.en);
    for (const lang of ['ar', 'en'] as const) {
      const form = shortName(club.names[lang], lang, isClub);
      if (form === undefined) continue;
      const key = formKey(form);
      const others = (owners.get(key) ?? []).filter((e) => e !== club);
      // A capital's name also stands for its government (الرياض، Paris): it stays the city's even on
      // a page that named Al-Riyadh SC or Paris FC.
      if (others.some((e) => e.type !== 'place' || CAPITAL.test(e.description.en))) continue;
      // A city's name stays the city's wherever the page did not name the club: a word only there
      // (valencia, the orange) is no risk.
      const word =
        commonKeys.has(key) ||
        (lang === 'en' && (englishWords.has(form.toLowerCase()) || ADJECTIVE.test(form)));
      if (others.length === 0 && word) continue;
      derived.add(`${lang} ${key}`, { entity: club, lang, form });
    }
  }
  const { kept, guarded } = derived.apply();
  for (const { entity, lang, form } of kept) {
    const team = `فريق ${form}`;
    if (lang === 'ar' && !entity.aliases.ar.some((a) => formKey(a) === formKey(team)))
      entity.aliases.ar.push(team);
  }
  return guarded;
}
