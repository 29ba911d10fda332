// The small dictionary of the matcher's unit tests, also the bench's fallback when no built
// dictionary is around: the seed story's entities plus names that look like clitics.
import type { Dictionary, Entity, EntityType } from '../../../lib/entities/types';

export function entity(
  id: string,
  type: EntityType,
  ar: string,
  en: string,
  extra: Partial<Pick<Entity, 'aliases' | 'demonyms' | 'surnames' | 'guarded' | 'nisba'>> = {},
): Entity {
  return {
    id,
    type,
    names: { ar, en },
    aliases: extra.aliases ?? { ar: [], en: [] },
    demonyms: extra.demonyms ?? { ar: [], en: [] },
    surnames: extra.surnames ?? { ar: [], en: [] },
    description: { ar: '', en: '' },
    source: 'test',
    ...(extra.guarded ? { guarded: extra.guarded } : {}),
    ...(extra.nisba === false ? { nisba: false } : {}),
  };
}

export const TEST_DICTIONARY: Dictionary = {
  version: 1,
  entities: [
    entity('albania', 'place', 'ألبانيا', 'Albania', { demonyms: { ar: [], en: ['Albanian'] } }),
    entity('iran', 'place', 'إيران', 'Iran', { demonyms: { ar: [], en: ['Iranian'] } }),
    entity('tehran', 'place', 'طهران', 'Tehran'),
    entity('tirana', 'place', 'تيرانا', 'Tirana'),
    entity('united-states', 'place', 'الولايات المتحدة', 'United States', {
      aliases: { ar: ['أمريكا', 'أميركا'], en: ['US', 'U.S.'] },
      demonyms: { ar: ['أمريكي', 'أميركي'], en: ['American'] },
    }),
    entity('nato', 'organisation', 'حلف شمال الأطلسي', 'NATO', {
      aliases: { ar: ['الناتو', 'حلف الأطلسي'], en: [] },
    }),
    entity('edi-rama', 'person', 'إيدي راما', 'Edi Rama', { surnames: { ar: ['راما'], en: ['Rama'] } }),
    entity('john-hultquist', 'person', 'جون هولتكويست', 'John Hultquist', {
      aliases: { ar: ['جون هولتكوست'], en: [] },
      surnames: { ar: ['هولتكويست'], en: ['Hultquist'] },
    }),
    entity('mandiant', 'organisation', 'مانديانت', 'Mandiant'),
    entity('mek', 'group', 'منظمة مجاهدي خلق', 'Mujahedin-e Khalq', {
      aliases: { ar: ['مجاهدي خلق', 'مجاهدو خلق'], en: ['MEK', "People's Mojahedin Organization of Iran"] },
    }),
    entity('cuba-ransomware', 'group', 'كوبا رانسوم وير', 'Cuba Ransomware'),
    entity('cuba', 'place', 'كوبا', 'Cuba'),
    entity('us-nsc', 'government', 'مجلس الأمن القومي الأمريكي', 'US National Security Council'),
    entity('unsc', 'organisation', 'مجلس الأمن', 'UN Security Council'),
    entity('durres', 'place', 'دوريس', 'Durrës'),
    // Names whose first letter looks like a clitic, and a name too short to take one.
    entity('beirut', 'place', 'بيروت', 'Beirut'),
    entity('lebanon', 'place', 'لبنان', 'Lebanon'),
    entity('qom', 'place', 'قم', 'Qom'),
    entity('latakia', 'place', 'اللاذقية', 'Latakia'),
  ],
};
