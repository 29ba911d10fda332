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

  it('writes "the" before a country that takes it (of the Netherlands, of the Philippines)', () => {
    expect(
      found(
        'The Ministry of Foreign Affairs of the Netherlands and the Ministry of Health of the Philippines, and the Netherlands’ Defence Ministry.',
      ).map(([text, id]) => [text, id]),
    ).toEqual([
      ['Ministry of Foreign Affairs of the Netherlands', 'netherlands-foreign-ministry'],
      ['Ministry of Health of the Philippines', 'philippines-health-ministry'],
      ['Netherlands’ Defence Ministry', 'netherlands-defence-ministry'],
    ]);
  });

  it('leaves the ordinary words of a ministry alone', () => {
    expect(found('the foreign ministry said; ministry of sound; العمل في الداخلية والخارجية صعب.')).toEqual(
      [],
    );
  });
});

describe('state bodies named without their country', () => {
  it('finds a bare Arabic body as a government body, behind clitics too', () => {
    expect(
      found(
        'وافق مجلس الوزراء على القرار، وصوّت البرلمان ومجلس الشيوخ عليه، وقالت المحكمة العليا إن النيابة العامة أخطأت. ونفذت القوات البحرية والقوات الجوية وسلاح الجو وهيئة الأركان المناورة.',
      ),
    ).toEqual([
      ['مجلس الوزراء', 'council-of-ministers'],
      ['البرلمان', 'parliament'],
      ['مجلس الشيوخ', 'senate'],
      ['المحكمة العليا', 'supreme-court'],
      ['النيابة العامة', 'public-prosecution'],
      ['القوات البحرية', 'navy'],
      ['القوات الجوية', 'air-force'],
      ['سلاح الجو', 'air-force'],
      ['هيئة الأركان', 'general-staff'],
    ]);
  });

  it("still gives a body named with its country to that country's", () => {
    expect(found('قال مجلس الشيوخ الأمريكي والبرلمان الأوروبي وسلاح الجو المصري ذلك.')).toEqual([
      ['مجلس الشيوخ الأمريكي', 'us-senate'],
      ['البرلمان الأوروبي', 'european-parliament'],
      ['سلاح الجو المصري', 'egyptian-air-force'],
    ]);
    expect(found('The US Senate, the European Parliament and the Royal Navy.').map(([, id]) => id)).toEqual([
      'us-senate',
      'european-parliament',
      'royal-navy',
    ]);
  });

  it('counts الدرك "the depth" only after the gendarmerie was named', () => {
    expect(found('هبطت العلاقات إلى الدرك الأسفل.')).toEqual([]);
    expect(found('انتشرت قوات الدرك في المدينة، وقال الدرك إن الوضع هادئ.')).toEqual([
      ['قوات الدرك', 'gendarmerie'],
      ['الدرك', 'gendarmerie'],
    ]);
  });

  it('finds a bare English body standing alone, capitalised', () => {
    expect(
      found(
        'The Senate passed it, the Supreme Court upheld it, and the Navy and the Coast Guard searched while Parliament sat.',
      ),
    ).toEqual([
      ['Senate', 'senate'],
      ['Supreme Court', 'supreme-court'],
      ['Navy', 'navy'],
      ['Coast Guard', 'coast-guard'],
      ['Parliament', 'parliament'],
    ]);
  });

  it('leaves a body alone inside a longer name the dictionary lacks, and in lower case', () => {
    expect(
      found(
        'The Kenya Navy rescued them; Navy SEALs landed; a navy blue coat; the senate of the university.',
      ),
    ).toEqual([['Kenya', 'kenya']]);
  });
});

describe('the Saudi press’s own bodies and regions', () => {
  it('finds the Shura council, bare ministries, the old name of the central bank and the regions', () => {
    expect(
      found(
        'ناقش مجلس الشورى تقرير وزارة الخدمة المدنية ووزارة الشؤون الإسلامية، وأعلنت مؤسسة النقد أرقامها في منطقة الرياض ومنطقة الجوف ومنطقة الباحة.',
      ),
    ).toEqual([
      ['مجلس الشورى', 'shura-council'],
      ['وزارة الخدمة المدنية', 'civil-service-ministry'],
      ['وزارة الشؤون الإسلامية', 'islamic-affairs-ministry'],
      ['مؤسسة النقد', 'saudi-central-bank'],
      ['منطقة الرياض', 'riyadh-region'],
      ['منطقة الجوف', 'al-jawf-region'],
      ['منطقة الباحة', 'al-bahah'],
    ]);
  });

  it('keeps a Shura council named with its country that country’s', () => {
    expect(found('قال مجلس الشورى السعودي ذلك.')).toEqual([['مجلس الشورى السعودي', 'saudi-shura-council']]);
  });
});
