// The shipped dictionary's cities, districts and city demonyms on sentences written like today's
// news, in both languages, and the near misses: city names that are also ordinary words or
// people's names must stay plain where they mean something else.
import { describe, expect, it } from 'vitest';
import { found } from './shipped-dictionary';

describe('cities and districts of the shipped dictionary', () => {
  it('finds the boroughs and suburbs of an English city report', () => {
    expect(
      found(
        'Police said the suspect lived in Queens and worked on Staten Island, while in London protesters marched from Hackney to Westminster and riots spread from Nanterre to Saint-Denis.',
      ),
    ).toEqual([
      ['Queens', 'queens'],
      ['Staten Island', 'staten-island'],
      ['London', 'london'],
      ['Hackney', 'hackney'],
      ['Westminster', 'westminster'],
      ['Nanterre', 'nanterre'],
      ['Saint-Denis', 'saint-denis'],
    ]);
  });

  it('finds the districts of an Arabic war report, behind clitics', () => {
    expect(
      found(
        'استهدفت غارة حارة حريك والغبيري وبرج حمود، وامتدت المعارك من الخرطوم بحري لأم درمان، فيما قصف الجيش القابون ومعضمية الشام، واقتحمت الشرطة بيت صفافا ووادي الجوز.',
      ),
    ).toEqual([
      ['حارة حريك', 'haret-hreik'],
      ['الغبيري', 'ghobeiry'],
      ['برج حمود', 'bourj-hammoud'],
      ['الخرطوم بحري', 'khartoum-north'],
      ['أم درمان', 'omdurman'],
      ['القابون', 'qaboun'],
      ['معضمية الشام', 'muadamiyat-al-sham'],
      ['بيت صفافا', 'beit-safafa'],
      ['وادي الجوز', 'wadi-al-joz'],
    ]);
    // الجميزة is also the sycamore: the Beirut district only as حي الجميزة.
    expect(
      found(
        'جلسوا تحت شجرة الجميزة، ثم تجولوا في حي الجميزة ومار مخايل، واشتبك مسلحون في باب التبانة وجبل محسن.',
      ),
    ).toEqual([
      ['حي الجميزة', 'gemmayzeh'],
      ['مار مخايل', 'mar-mikhael'],
      ['باب التبانة', 'bab-al-tabbaneh'],
      ['جبل محسن', 'jabal-mohsen'],
    ]);
  });

  it('finds the cities and frontline towns of English coverage', () => {
    expect(
      found(
        'Flights from Newark and Oakland were delayed; Leicester and Wolverhampton voted; Russian troops pushed towards Siversk and Kreminna, and drones hit Shebekino; settlers attacked Turmus Ayya and Sinjil.',
      ),
    ).toEqual([
      ['Newark', 'newark'],
      ['Oakland', 'oakland'],
      ['Leicester', 'leicester'],
      ['Wolverhampton', 'wolverhampton'],
      ['Russian', 'russia'],
      ['Siversk', 'siversk'],
      ['Kreminna', 'kreminna'],
      ['Shebekino', 'shebekino'],
      ['Turmus Ayya', 'turmus-ayya'],
      ['Sinjil', 'sinjil'],
    ]);
    // English coverage writes Turkish names without the dotless ı: Adiyaman is Adıyaman.
    expect(
      found(
        'Missiles struck Lutsk, Rivne and Ivano-Frankivsk; the quake hit Adiyaman and Iskenderun; clashes erupted in Chaman and Spin Boldak.',
      ),
    ).toEqual([
      ['Lutsk', 'lutsk'],
      ['Rivne', 'rivne'],
      ['Ivano-Frankivsk', 'ivano-frankivsk'],
      ['Adiyaman', 'adiyaman'],
      ['Iskenderun', 'iskenderun'],
      ['Chaman', 'chaman'],
      ['Spin Boldak', 'spin-boldak'],
    ]);
  });

  it('finds the cities and towns of Arabic coverage', () => {
    expect(
      found(
        'هاجم مستوطنون ترمسعيا وسنجل، وسقطت صواريخ على موديعين، وقصفت إسرائيل مصياف ومضايا، وضربت غارة ميناب.',
      ),
    ).toEqual([
      ['ترمسعيا', 'turmus-ayya'],
      ['سنجل', 'sinjil'],
      ['موديعين', 'modiin'],
      ['إسرائيل', 'israel'],
      ['مصياف', 'masyaf'],
      ['مضايا', 'madaya'],
      ['ميناب', 'minab'],
    ]);
    expect(found('قصف الطيران مدينة القائم ومدينة الطبقة وميناء ينبع والرستن وطفس.')).toEqual([
      ['مدينة القائم', 'qaim'],
      ['مدينة الطبقة', 'tabqa'],
      ['ميناء ينبع', 'yanbu'],
      ['الرستن', 'rastan'],
      ['طفس', 'tafas'],
    ]);
  });
});

describe('city demonyms', () => {
  it('finds the people of a city in English, and leaves the magazine its name', () => {
    expect(
      found(
        'New Yorkers and Londoners queued for hours, Gazans and Beirutis waited for aid, Muscovites and Angelenos shrugged, and The New Yorker ran the story.',
      ),
    ).toEqual([
      ['New Yorkers', 'new-york'],
      ['Londoners', 'london'],
      ['Gazans', 'gaza'],
      ['Beirutis', 'beirut'],
      ['Muscovites', 'moscow'],
      ['Angelenos', 'los-angeles'],
      ['The New Yorker', 'new-yorker'],
    ]);
  });

  it('finds the people of a city in Arabic, behind clitics', () => {
    expect(found('قال الغزيون إن المساعدات لا تكفي، وتضامن النيويوركيون مع المقدسيين وللبيروتيين.')).toEqual([
      ['الغزيون', 'gaza'],
      ['النيويوركيون', 'new-york'],
      ['المقدسيين', 'jerusalem'],
      ['لبيروتيين', 'beirut'], // لل is ل + ال: the highlight starts after the ل
    ]);
  });

  it('makes no demonym of words the city names are spelled like', () => {
    // غزى is "invaded"; البغدادي and المقدسي are surnames: only the plurals are Gaza's, Baghdad's, Jerusalem's.
    // (أبو محمد المقدسي is a person of the dictionary: found as him, never as Jerusalem.)
    const cities = new Set(['gaza', 'baghdad', 'jerusalem']);
    const arabic = found('غزى الجيش البلاد، وقال أبو محمد المقدسي ومحمد البغدادي إنهما غادرا.');
    expect(arabic.filter(([, id]) => cities.has(id as string))).toEqual([]);
    expect(arabic).toEqual([['أبو محمد المقدسي', 'abu-mohammed-al-maqdisi']]);
    expect(found('Baghdadi and Tehrani are surnames; a New Yorker cartoon ran.')).toEqual([]);
  });
});

describe('city names that are ordinary words or people’s names', () => {
  it('leaves English words and people alone', () => {
    expect(
      found(
        'A buffalo crossed the road; the hull of the boat split; he struck flint; the queens met; Austin and Jackson said Madison would stay; she bought a mobile phone in Reading glasses.',
      ),
    ).toEqual([]);
    // Capitalised but part of a longer name: Hull City the club, the Buffalo Bills the team, not the city.
    expect(found('Hull City beat the Buffalo Bills fans.')).toEqual([['Buffalo Bills', 'buffalo-bills']]);
  });

  it('reads a clitic before a two-letter first word only when the longer name follows', () => {
    expect(found('وصلت التعزيزات لأم درمان، وقال لأم خالد إن الطريق مقطوع.')).toEqual([
      ['أم درمان', 'omdurman'],
    ]);
  });

  it('still finds the guarded cities written alone as names', () => {
    expect(found('Residents of Flint and Buffalo were told to boil water, and Hull flooded.')).toEqual([
      ['Flint', 'flint'],
      ['Buffalo', 'buffalo'],
      ['Hull', 'hull'],
    ]);
  });

  it('leaves Arabic words alone, and finds the town once it was named in full', () => {
    // الباب the door, الخبر the news, القصير the short, البيرة beer, الهال cardamom, بيتا beta.
    expect(
      found('فتح الباب وقرأ الخبر عن الرجل القصير، وشرب البيرة مع القهوة بالهال، وجرب نسخة بيتا من التطبيق.'),
    ).toEqual([]);
    // الرطبة humid, ينبع springs, حديثة modern, الطبقة the class, السلمية peaceful, العلا the heights.
    expect(
      found(
        'كانت الأجواء الرطبة، وينبع الماء من مصادر حديثة، وقالت الطبقة الوسطى إن المظاهرات السلمية تسعى إلى العلا.',
      ),
    ).toEqual([]);
    expect(found('اقتحم الجيش بلدة بيتا جنوب نابلس، واندلعت مواجهات في بيتا.')).toEqual([
      ['بلدة بيتا', 'beita'],
      ['نابلس', 'nablus'],
      ['بيتا', 'beita'],
    ]);
    expect(found('قصفت الطائرات مدينة الباب ومدينة القصير ومدينة الخبر.')).toEqual([
      ['مدينة الباب', 'al-bab'],
      ['مدينة القصير', 'qusayr'],
      ['مدينة الخبر', 'khobar'],
    ]);
  });
});
