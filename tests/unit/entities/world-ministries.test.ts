// Ministries named without their country (وزارة الداخلية, "the Foreign Ministry"): local news names
// its own government's ministries so. They are government bodies of the story's country, one entity
// per kind of ministry; a ministry named with its country is that country's, as before.
import { describe, expect, it } from 'vitest';
import { dictionary, found } from './shipped-dictionary';

describe('ministries named without their country', () => {
  it('finds a bare Arabic ministry as a government body, behind clitics too', () => {
    expect(
      found(
        'أعلنت وزارة الداخلية القبض على المتهمين، وقالت وزارة العمل إن مفتشيها زاروا المواقع، وأكد متحدث باسم وزارة التربية والتعليم ولوزارة الصحة ذلك.',
      ),
    ).toEqual([
      ['وزارة الداخلية', 'interior-ministry'],
      ['وزارة العمل', 'labour-ministry'],
      ['وزارة التربية والتعليم', 'education-ministry'],
      ['وزارة الصحة', 'health-ministry'], // the clitic ل stays out of the highlight,
    ]);
    expect(dictionary.entities.find((e) => e.id === 'interior-ministry')?.type).toBe('government');
  });

  it('finds a bare English ministry, in either spelling', () => {
    expect(
      found(
        'The Foreign Ministry summoned the envoy, and the Ministry of the Interior and the Defense Ministry said nothing.',
      ),
    ).toEqual([
      ['Foreign Ministry', 'foreign-ministry'],
      ['Ministry of the Interior', 'interior-ministry'],
      ['Defense Ministry', 'defence-ministry'],
    ]);
  });

  it("still gives a ministry named with its country to that country's ministry", () => {
    expect(found('وقالت وزارة الخارجية الإيرانية إن وزارة الدفاع الأمريكية أخطأت.')).toEqual([
      ['وزارة الخارجية الإيرانية', 'iran-foreign-ministry'],
      ['وزارة الدفاع الأمريكية', 'pentagon'],
    ]);
    expect(found("Iran's Foreign Ministry denied it.").map(([, id]) => id)).toEqual([
      'iran-foreign-ministry',
    ]);
  });

  it('leaves the ordinary words of a ministry alone', () => {
    expect(found('the foreign ministry said; ministry of sound; العمل في الداخلية والخارجية صعب.')).toEqual(
      [],
    );
  });
});
