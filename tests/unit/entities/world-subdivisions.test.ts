// The first-level subdivisions of the countries in the news (corpus/lists/subdivisions.txt, from the
// iso3166-2-db snapshot) on sentences written like today's news, in both languages: the republics,
// prefectures, states and provinces a reader meets, and the near misses left out on purpose (words a
// clitic makes of a name, given names and surnames, a city a reader knows better) that must stay as
// they are.
import { describe, expect, it } from 'vitest';
import { dictionary, found } from './shipped-dictionary';

describe('the subdivisions of the countries in the news', () => {
  it('has the regions of each country the news names, each described as its country', () => {
    const regionsOf = (country: string) =>
      dictionary.entities.filter(
        (e) => e.source.startsWith('iso3166-2-db') && e.description.en === `Region of ${country}`,
      ).length;
    expect(regionsOf('Japan')).toBeGreaterThanOrEqual(25);
    expect(regionsOf('Thailand')).toBeGreaterThanOrEqual(60);
    expect(regionsOf('Türkiye')).toBeGreaterThanOrEqual(28);
    expect(regionsOf('Brazil')).toBeGreaterThanOrEqual(20);
    expect(regionsOf('Nigeria')).toBeGreaterThanOrEqual(15);
    expect(regionsOf('Russia')).toBeGreaterThanOrEqual(20);
    const tuva = dictionary.entities.find((e) => e.id === 'tuva');
    expect(tuva?.names).toEqual({ ar: 'توفا', en: 'Tuva' });
    expect(tuva?.description.ar).toBe('منطقة إدارية في روسيا');
  });

  it("finds Russia's republics and regions in Arabic, behind a clitic, without the package's kind words", () => {
    expect(
      found(
        'اجتاحت حرائق الغابات ياقوتيا وتوفا وخقاسيا، وامتدت إلى زابايكالسكي، فيما أعلنت السلطات في سفيردلوفسك ولخانتي-مانسي حالة التأهب.',
      ),
    ).toEqual([
      ['ياقوتيا', 'sakha'],
      ['توفا', 'tuva'],
      ['خقاسيا', 'khakassia'],
      ['زابايكالسكي', 'zabaykalsky'],
      ['سفيردلوفسك', 'sverdlovsk'],
      ['خانتي-مانسي', 'khanty-mansi'],
    ]);
  });

  it("finds Russia's republics and regions in English", () => {
    expect(
      found(
        'Wildfires swept through Sakha, Tuva and Khakassia and reached Zabaykalsky Krai, while the governor of Sverdlovsk region declared an emergency in Khanty-Mansi.',
      ),
    ).toEqual([
      ['Sakha', 'sakha'],
      ['Tuva', 'tuva'],
      ['Khakassia', 'khakassia'],
      ['Zabaykalsky', 'zabaykalsky'],
      ['Sverdlovsk', 'sverdlovsk'],
      ['Khanty-Mansi', 'khanty-mansi'],
    ]);
  });

  it("finds Japan's prefectures in both languages", () => {
    expect(
      found('ضرب زلزال قوي سواحل آوموري وإيواته شمال اليابان، وصدرت تحذيرات من تسونامي في مياغي وبكاغوشيما.'),
    ).toEqual([
      ['آوموري', 'aomori'],
      ['إيواته', 'iwate'],
      ['اليابان', 'japan'],
      ['مياغي', 'miyagi'],
      ['كاغوشيما', 'kagoshima'],
    ]);
    expect(
      found(
        'A magnitude 7 earthquake struck off Aomori and Iwate, and tsunami warnings were issued for Miyagi, Ibaraki and Kagoshima prefectures.',
      ),
    ).toEqual([
      ['Aomori', 'aomori'],
      ['Iwate', 'iwate'],
      ['Miyagi', 'miyagi'],
      ['Ibaraki', 'ibaraki'],
      ['Kagoshima', 'kagoshima'],
    ]);
  });

  it("finds Iraq's and Nigeria's governorates and states in both languages", () => {
    expect(
      found('خرجت تظاهرات في ميسان وواسط جنوب العراق، وهاجم مسلحون قرى في كوجي وكوارة وآدماوة بنيجيريا.'),
    ).toEqual([
      ['ميسان', 'maysan'],
      ['واسط', 'wasit'],
      ['العراق', 'iraq'],
      ['كوجي', 'kogi'],
      ['كوارة', 'kwara'],
      ['آدماوة', 'adamawa'],
      ['نيجيريا', 'nigeria'],
    ]);
    expect(
      found(
        'Gunmen killed dozens in Kogi, Kwara and Adamawa states, while floods hit Anambra and Cross River.',
      ),
    ).toEqual([
      ['Kogi', 'kogi'],
      ['Kwara', 'kwara'],
      ['Adamawa', 'adamawa'],
      ['Anambra', 'anambra'],
      ['Cross River', 'cross-river'],
    ]);
  });

  it('finds the provinces of a border war in both languages', () => {
    expect(
      found('تبادل الجيشان التايلاندي والكمبودي القصف قرب سورين وبوريرام، ونزح السكان من سا كايو.'),
    ).toEqual([
      ['التايلاندي', 'thailand'],
      ['الكمبودي', 'cambodia'],
      ['سورين', 'surin'],
      ['بوريرام', 'buriram'],
      ['سا كايو', 'sa-kaeo'],
    ]);
    expect(
      found(
        'Thai and Cambodian troops traded fire near Surin and Buriram, and residents fled Sa Kaeo and Chanthaburi.',
      ),
    ).toEqual([
      ['Thai', 'thailand'],
      ['Cambodian', 'cambodia'],
      ['Surin', 'surin'],
      ['Buriram', 'buriram'],
      ['Sa Kaeo', 'sa-kaeo'],
      ['Chanthaburi', 'chanthaburi'],
    ]);
  });

  it('finds states and regions of Brazil, Somalia, Spain, Italy and Austria, the longest name first', () => {
    expect(
      found(
        'Floods in Pernambuco, Paraná and Santa Catarina; fires in Mato Grosso do Sul and Mato Grosso; al-Shabaab attacked Lower Juba, Hiran and Galguduud.',
      ),
    ).toEqual([
      ['Pernambuco', 'pernambuco'],
      ['Paraná', 'parana'],
      ['Santa Catarina', 'santa-catarina'],
      ['Mato Grosso do Sul', 'mato-grosso-do-sul'],
      ['Mato Grosso', 'mato-grosso'],
      ['al-Shabaab', 'al-shabaab'],
      ['Lower Juba', 'lower-juba'],
      ['Hiran', 'hiran'],
      ['Galguduud', 'galguduud'],
    ]);
    expect(
      found(
        'Heat records fell in Extremadura, Castile and León and Asturias, in Umbria and Liguria, in Tyrol and Lower Austria.',
      ),
    ).toEqual([
      ['Extremadura', 'extremadura'],
      ['Castile and León', 'castile-and-leon'],
      ['Asturias', 'asturias'],
      ['Umbria', 'umbria'],
      ['Liguria', 'liguria'],
      ['Tyrol', 'tyrol'],
      ['Lower Austria', 'lower-austria'],
    ]);
  });

  it('leaves alone the Arabic words a region would become behind a clitic, or already is', () => {
    // وفود "delegations" (فود Vaud), فترات "periods" (ترات Trat), تاهوا "they got lost" (Tahoua),
    // أمور "matters" (Amur), صباح/جوهر/قدح (Sabah, Johor, Kedah).
    expect(
      found('وصلت وفود الدول إلى القمة في فترات متقاربة، وتاهوا في الصحراء، وأمور كثيرة بقيت معلقة.'),
    ).toEqual([]);
    expect(found('صباح الخير، جوهر المسألة أن قدح القهوة لم يعد كما كان.')).toEqual([]);
    // سامسون is Samson (Samsun), إسبرطة Sparta (Isparta), الأردو Urdu (Ordu).
    expect(found('قصة سامسون ودليلة، وحروب إسبرطة، ومدارس الأردو.')).toEqual([]);
  });

  it('leaves the surname of a person named first to the person, not to a Russian republic', () => {
    expect(found('قال جيمس كومي إن كومي لن يشهد.')).toEqual([
      ['جيمس كومي', 'james-comey'],
      ['كومي', 'james-comey'],
    ]);
  });

  it('leaves given names, surnames and English words that are also regions alone', () => {
    expect(
      found('Coach Doc Rivers and singer Van Morrison watched Batman at a Delta hotel in Bay Ridge.'),
    ).toEqual([]);
    // Japanese surnames that are prefectures; Nagasaki is the city.
    expect(
      found('Director Hayao Miyazaki met the golfer Ryo Ishikawa and Vladimir Yamaguchi in Nagasaki.'),
    ).toEqual([['Nagasaki', 'nagasaki']]);
    expect(found('The King of Roi Et? No: the Vaud canton and the Trat port.')).toEqual([]);
  });

  it('reads the US states the press abbreviates in a dateline, and only the forms no word shares', () => {
    expect(
      found(
        'TEMPE, Ariz. 1996-12-06 - Officials in Tulsa, Okla., Trenton, N.J., and Lincoln, Nebr., said so.',
      ),
    ).toEqual([
      ['Ariz', 'arizona'],
      ['Tulsa', 'tulsa'],
      ['Okla', 'oklahoma'],
      ['Trenton', 'trenton'],
      ['N.J', 'new-jersey'],
      ['Nebr', 'nebraska'],
    ]);
    // Abbreviations that are names or words are left out: Kan (Naoto Kan), Conn, Ark, Ala, Minn.
    expect(found("Noah's Ark, Conn Smythe, Ala Hassan and Minn said; Kan agreed.")).toEqual([]);
  });
});
