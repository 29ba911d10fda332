// Sport in the shipped dictionary (corpus/world/sports.txt): clubs, leagues, federations and
// athletes found in sentences written like match reports, in both languages, and the near misses
// a reader must not see lit up: a club's city, Arabic club names that are ordinary words, English
// words that are also nicknames, and athletes' surnames that are ordinary words.
import { describe, expect, it } from 'vitest';
import { formKey } from '../../../lib/entities/shared-forms';
import { dictionary, found } from './shipped-dictionary';

const SPORTS = 'corpus/world/sports.txt';
const sports = dictionary.entities.filter((e) => e.source === SPORTS);

describe('sport in the shipped dictionary', () => {
  it('has clubs, leagues and federations as organisations and athletes as dated people', () => {
    const clubs = sports.filter((e) => e.description.en.endsWith('football club'));
    const people = sports.filter((e) => e.type === 'person');
    expect(clubs.length).toBeGreaterThan(150);
    expect(people.length).toBeGreaterThan(140);
    expect(new Set(sports.map((e) => e.type))).toEqual(new Set(['organisation', 'person']));
    for (const p of people) expect(p.asOf, p.id).toMatch(/^\d{4}-\d\d$/);
  });

  it('shares a form only with a place that keeps it until the page names the club or the league', () => {
    // A place's name outranks a club's alias, and the entity the page named wins: River Plate, and
    // a club's city, which the builder gives the club guarded (scripts/lib/sources/club-short-names.ts);
    // a league team's city, shared with the teams of other leagues (scripts/lib/sources/team-cities.ts).
    const byId = new Map(dictionary.entities.map((e) => [e.id, e]));
    const shared = sports.flatMap((e) =>
      Object.entries(e.shared ?? {}).map(([form, ids]) => ({ e, form, ids })),
    );
    expect(shared.length).toBeGreaterThan(16);
    for (const { e, form, ids } of shared) {
      const others = ids.map((id) => byId.get(id));
      expect(others.filter((o) => o?.type === 'place').length, `${e.id}: ${form}`).toBeLessThanOrEqual(1);
      for (const o of others)
        if (o?.type !== 'place')
          expect([o?.id, o?.league !== undefined && e.league !== undefined]).toEqual([o?.id, true]);
      if (e.id !== 'river-plate') expect(e.guarded?.map(formKey), `${e.id}: ${form}`).toContain(form);
    }
    expect(found('The River Plate was calm. CA River Plate won, and River Plate celebrated.')).toEqual([
      ['River Plate', 'rio-de-la-plata'],
      ['CA River Plate', 'river-plate'],
      ['River Plate', 'river-plate'],
    ]);
  });

  it('finds the clubs and players of a Saudi and Gulf match report, clitics and all', () => {
    expect(
      found(
        'وتعادل الهلال السعودي مع نادي الشباب السعودي، وسجل سالم الدوسري هدفا للهلال السعودي قبل أن يسجل الدوسري مجددا، فيما فاز نادي الاتفاق على الفيحاء السعودي وخسر نادي الجزيرة الإماراتي أمام العربي القطري.',
      ),
    ).toEqual([
      ['الهلال السعودي', 'al-hilal'],
      ['نادي الشباب السعودي', 'al-shabab-fc'],
      ['سالم الدوسري', 'salem-al-dawsari'],
      ['لهلال السعودي', 'al-hilal'],
      ['الدوسري', 'salem-al-dawsari'],
      ['نادي الاتفاق', 'al-ettifaq'],
      ['الفيحاء السعودي', 'al-fayha'],
      ['نادي الجزيرة الإماراتي', 'al-jazira-club'],
      ['العربي القطري', 'al-arabi-sc'],
    ]);
  });

  it('finds the leagues, clubs, coaches and federations of a Spanish and North African report', () => {
    expect(
      found(
        'وفي الدوري الإسباني فاز ريال بيتيس وأوساسونا، وتعادل نادي إشبيلية مع نادي فالنسيا، وسجل أشرف حكيمي لباريس سان جيرمان، بينما قاد وليد الركراكي منتخب المغرب وتوج الرجاء البيضاوي على نهضة بركان ووفاق سطيف وشبيبة القبائل.',
      ),
    ).toEqual([
      ['الدوري الإسباني', 'la-liga'],
      ['ريال بيتيس', 'real-betis'],
      ['أوساسونا', 'ca-osasuna'],
      ['نادي إشبيلية', 'sevilla-fc'],
      ['نادي فالنسيا', 'valencia-cf'],
      ['أشرف حكيمي', 'achraf-hakimi'],
      ['باريس سان جيرمان', 'psg'],
      ['وليد الركراكي', 'walid-regragui'],
      ['المغرب', 'morocco'],
      ['الرجاء البيضاوي', 'raja-casablanca'],
      ['نهضة بركان', 'rs-berkane'],
      ['وفاق سطيف', 'es-setif'],
      ['شبيبة القبائل', 'js-kabylie'],
    ]);
    expect(
      found(
        'وقال مدرب الأهلي المصري إن لاعبه إمام عاشور جاهز، وأعلنت الجامعة الملكية المغربية لكرة القدم والاتحاد الجزائري لكرة القدم عن مباراة ودية.',
      ),
    ).toEqual([
      ['الأهلي المصري', 'al-ahly'],
      ['إمام عاشور', 'emam-ashour'],
      ['الجامعة الملكية المغربية لكرة القدم', 'moroccan-football-federation'],
      ['الاتحاد الجزائري لكرة القدم', 'algerian-football-federation'],
    ]);
  });

  it('finds the clubs, leagues and athletes of English sports pages', () => {
    expect(
      found(
        'Nottingham Forest beat Crystal Palace, Brighton & Hove Albion drew with Wolverhampton Wanderers, and Bukayo Saka scored twice for Arsenal as Declan Rice watched; Saka and Rice later spoke.',
      ),
    ).toEqual([
      ['Nottingham Forest', 'nottingham-forest'],
      ['Crystal Palace', 'crystal-palace-fc'],
      ['Brighton & Hove Albion', 'brighton-hove-albion'],
      ['Wolverhampton Wanderers', 'wolverhampton-wanderers'],
      ['Bukayo Saka', 'bukayo-saka'],
      ['Arsenal', 'arsenal-fc'],
      ['Declan Rice', 'declan-rice'],
      ['Saka', 'bukayo-saka'],
      ['Rice', 'declan-rice'],
    ]);
    expect(
      found(
        'In the Bundesliga, Eintracht Frankfurt beat VfB Stuttgart, while SSC Napoli and Atalanta drew in Serie A and Aryna Sabalenka beat Coco Gauff; Sabalenka and Gauff hugged. Lando Norris and Oscar Piastri met the FIA.',
      ),
    ).toEqual([
      ['Bundesliga', 'bundesliga'],
      ['Eintracht Frankfurt', 'eintracht-frankfurt'],
      ['VfB Stuttgart', 'vfb-stuttgart'],
      ['SSC Napoli', 'ssc-napoli'],
      ['Atalanta', 'atalanta'],
      ['Serie A', 'serie-a'],
      ['Aryna Sabalenka', 'aryna-sabalenka'],
      ['Coco Gauff', 'coco-gauff'],
      ['Sabalenka', 'aryna-sabalenka'],
      ['Gauff', 'coco-gauff'],
      ['Lando Norris', 'lando-norris'],
      ['Oscar Piastri', 'oscar-piastri'],
      ['FIA', 'fia'],
    ]);
  });

  it('reads a city as its club where a result names the sides, in both languages', () => {
    // No club named in full on these pages: the score, the result's verb say which is meant.
    expect(found('Barcelona 2 Valencia 1. Porto beat Benfica, and Liverpool drew with Everton.')).toEqual([
      ['Barcelona', 'fc-barcelona'],
      ['Valencia', 'valencia-cf'],
      ['Porto', 'fc-porto'],
      ['Benfica', 'benfica'],
      ['Liverpool', 'liverpool-fc'],
      ['Everton', 'everton-fc'],
    ]);
    expect(found('وفاز برشلونة على ضيفه، وتعادل فالنسيا.')).toEqual([
      ['برشلونة', 'fc-barcelona'],
      ['فالنسيا', 'valencia-cf'],
    ]);
    // Near misses: a year, a number of years, a place word, no result word: the city.
    expect(
      found(
        'The Barcelona 2024 summit opened in Valencia 2 days late; Porto hosts it next, and Liverpool agreed.',
      ),
    ).toEqual([
      ['Barcelona', 'barcelona'],
      ['Valencia', 'valencia'],
      ['Porto', 'porto'],
      ['Liverpool', 'liverpool'],
    ]);
    // A number that counts something is no score: "3 times", «3 مرات».
    expect(found('He visited Barcelona 3 times; زار فالنسيا 3 مرات.')).toEqual([
      ['Barcelona', 'barcelona'],
      ['فالنسيا', 'valencia'],
    ]);
    expect(found('وصل الوفد إلى برشلونة، وأعلنت فالنسيا خطة جديدة.')).toEqual([
      ['برشلونة', 'barcelona'],
      ['فالنسيا', 'valencia'],
    ]);
  });

  it('knows the Scottish and second-tier English clubs of the results pages, and leaves their cities places', () => {
    expect(
      found(
        'Southampton 2 Watford 1. Stoke City beat Coventry City, Kilmarnock drew with Motherwell; Billy Dodds (Aberdeen) scored and Sheffield Wednesday lost.',
      ),
    ).toEqual([
      ['Southampton', 'southampton-fc'],
      ['Watford', 'watford-fc'],
      ['Stoke City', 'stoke-city'],
      ['Coventry City', 'coventry-city'],
      ['Kilmarnock', 'kilmarnock-fc'],
      ['Motherwell', 'motherwell-fc'],
      ['Aberdeen', 'aberdeen-fc'],
      ['Sheffield Wednesday', 'sheffield-wednesday'],
    ]);
    expect(found('وفاز ستوك سيتي على كارديف سيتي، وخسر سوانزي سيتي أمام ساوثهامبتون.')).toEqual([
      ['ستوك سيتي', 'stoke-city'],
      ['كارديف سيتي', 'cardiff-city'],
      ['سوانزي سيتي', 'swansea-city'],
      ['ساوثهامبتون', 'southampton-fc'],
    ]);
    // Near misses: no club named, no result: the cities.
    expect(found('The Aberdeen harbour and the Southampton docks; flights to Middlesbrough.')).toEqual([
      ['Aberdeen', 'aberdeen'],
      ['Southampton', 'southampton'],
      ['Middlesbrough', 'middlesbrough'],
    ]);
  });

  it("reads a city as its club after an Arabic result and its link, before «صفر», and in a fixture's brackets", () => {
    expect(
      found('وفاز ليفربول على فالنسيا، وخسر أرسنال أمام بورتو، وتعادل سلتيك مع برشلونة، بعد فوزه على بورتو.'),
    ).toEqual([
      ['ليفربول', 'liverpool-fc'],
      ['فالنسيا', 'valencia-cf'],
      ['أرسنال', 'arsenal-fc'],
      ['بورتو', 'fc-porto'],
      ['سلتيك', 'celtic-fc'],
      ['برشلونة', 'fc-barcelona'],
      ['بورتو', 'fc-porto'],
    ]);
    expect(found('النتائج: فالنسيا صفر - 2 ريال مدريد.')).toEqual([
      ['فالنسيا', 'valencia-cf'],
      ['ريال مدريد', 'real-madrid'],
    ]);
    expect(found('وسجلت فالنسيا صفر إصابات جديدة.')).toEqual([['فالنسيا', 'valencia']]);
    // A group's results: each side's country in brackets.
    expect(
      found('أرسنال (إنجلترا) - بورتو (البرتغال) 2 - صفر. Liverpool (England) - Porto (Portugal).'),
    ).toEqual([
      ['أرسنال', 'arsenal-fc'],
      ['إنجلترا', 'england'],
      ['بورتو', 'fc-porto'],
      ['البرتغال', 'portugal'],
      ['Liverpool', 'liverpool-fc'],
      ['England', 'england'],
      ['Porto', 'fc-porto'],
      ['Portugal', 'portugal'],
    ]);
    // Near misses: a dateline's agency in brackets, a link with no result before it, a zero that
    // is no score, a place after a result's link in prose.
    expect(
      found(
        'برشلونة (رويترز) - قال مسؤولون إن الاجتماع مع فالنسيا تأجل. وصل صفر إلى بورتو، وتغلب على الأزمة في ليفربول.',
      ),
    ).toEqual([
      ['برشلونة', 'barcelona'],
      ['رويترز', 'reuters'],
      ['فالنسيا', 'valencia'],
      ['بورتو', 'porto'],
      ['ليفربول', 'liverpool'],
    ]);
  });

  it("reads a city as its club beside a player's or a supporter's role and in a squad list, in both languages", () => {
    expect(
      found('The attack on Porto captain Jorge Costa angered Valencia fans; Liverpool players trained.'),
    ).toEqual([
      ['Porto', 'fc-porto'],
      ['Valencia', 'valencia-cf'],
      ['Liverpool', 'liverpool-fc'],
    ]);
    expect(found('وقال لاعب برشلونة إن حارس مرمى فالنسيا أصيب.')).toEqual([
      ['برشلونة', 'fc-barcelona'],
      ['فالنسيا', 'valencia-cf'],
    ]);
    // A squad list gives each player's club in brackets.
    expect(
      found('Midfielders - Rui Barros (Porto), Luis Figo (Barcelona), Vitor Baia (Valencia, Spain).'),
    ).toEqual([
      ['Porto', 'fc-porto'],
      ['Luis Figo', 'luis-figo'],
      ['Barcelona', 'fc-barcelona'],
      ['Valencia', 'valencia-cf'],
      ['Spain', 'spain'],
    ]);
    expect(found('The summit (Barcelona, 2024) and the talks (Porto) ended.')).toEqual([
      ['Barcelona', 'barcelona'],
      ['Porto', 'porto'],
    ]);
    // Near misses: a city's officials, residents and voters, and a protest against it.
    expect(
      found('The Porto mayor met Valencia residents; Liverpool voters and sanctions against Barcelona.'),
    ).toEqual([
      ['Porto', 'porto'],
      ['Valencia', 'valencia'],
      ['Liverpool', 'liverpool'],
      ['Barcelona', 'barcelona'],
    ]);
    expect(found('وقال رئيس بلدية برشلونة إن سكان فالنسيا غاضبون.')).toEqual([
      ['برشلونة', 'barcelona'],
      ['فالنسيا', 'valencia'],
    ]);
  });

  it('names no place in a results line or a league table whose clubs it does not know', () => {
    // The rows' names stand for their sides, and Hashiya knows no club of theirs: no place is lit up.
    expect(
      found(
        'EAST DIVISION\nW L T PTS\nBOSTON 10 11 4 24\nOTTAWA 7 11 6 20\nHull 2 Dundee 1.\nJapan 2 Syria 1',
      ),
    ).toEqual([]);
    // A page's blocks are apart by the text model's separator, not a line feed.
    expect(
      found('Scottish results\u2029Inverness 2 Dundee 1\u2029Inverness 2-1 Dundee\u2029Then the cup.'),
    ).toEqual([['Scottish', 'scotland']]);
    // Arabic has no capitals to tell the other side: a score with both goals tells the line.
    expect(found('نتائج السبت:\nحمص 2-1 حماة\nحماة 0 - 3 حمص')).toEqual([]);
    // Near misses: a national side within a sentence, which the news counts as its country; a
    // dateline's date, a year, a count, a unit, an agreement's name; Arabic.
    expect(
      found(
        'Japan beat Syria 2-1. BOSTON 1996-12-06.\nBOSTON\nThe 2 Dundee clubs. In 2024 Leeds\n Ottawa 2025 budget; Leeds 3 times; Dundee 5 km; Cardiff 2.5 million; «مينسك 2»، وبعد الفوز على نيوزيلندا 1-0.',
      ),
    ).toEqual([
      ['Japan', 'japan'],
      ['Syria', 'syria'],
      ['BOSTON', 'boston'],
      ['BOSTON', 'boston'],
      ['Dundee', 'dundee'],
      ['Leeds', 'leeds'],
      ['Ottawa', 'ottawa'],
      ['Leeds', 'leeds'],
      ['Dundee', 'dundee'],
      ['Cardiff', 'cardiff'],
      ['مينسك', 'minsk'],
      ['نيوزيلندا', 'new-zealand'],
    ]);
  });

  it("reads a city as its league's team on a page that names the league or one of its teams", () => {
    // NHL results and standings call the teams by their cities: the league on the page says which.
    expect(
      found(
        'NHL ICE HOCKEY - STANDINGS.\nNEW YORK 1996-12-07\nBOSTON 10 11 4 24\nPittsburgh 5 WASHINGTON 3\nBoston beat Buffalo in Boston on Friday.',
      ),
    ).toEqual([
      ['NHL', 'nhl'],
      ['ICE', 'ice'], // known limit: the agency's acronym in the heading
      ['NEW YORK', 'new-york'], // a dateline is the city
      ['BOSTON', 'boston-bruins'],
      ['Pittsburgh', 'pittsburgh-penguins'],
      ['WASHINGTON', 'washington-capitals'],
      ['Boston', 'boston-bruins'],
      ['Buffalo', 'buffalo-sabres'],
      ['Boston', 'boston'], // "in Boston"
    ]);
    // Another sport, another team; a team named makes its league's page; Arabic too.
    expect(found('NBA: Boston beat New York 101-99.')).toEqual([
      ['NBA', 'nba'],
      ['Boston', 'boston-celtics'],
      ['New York', 'new-york-knicks'],
    ]);
    expect(found('The Dallas Cowboys beat Green Bay 24-10.')).toEqual([
      ['Dallas Cowboys', 'dallas-cowboys'],
      ['Green Bay', 'green-bay-packers'],
    ]);
    expect(found('في دوري NBA فاز بوسطن على نيويورك، وفي بوسطن احتفل المشجعون.')).toEqual([
      ['NBA', 'nba'],
      ['بوسطن', 'boston-celtics'],
      ['نيويورك', 'new-york-knicks'],
      ['بوسطن', 'boston'],
    ]);
    // Near misses: no league on the page, even with a score; a city two teams of the league share.
    expect(found('Boston 3 Buffalo 2 in the cup. Boston said. Washington said.')).toEqual([
      ['Buffalo', 'buffalo'],
      ['Boston', 'boston'],
      ['Washington', 'washington'],
    ]);
    // A place's officials after its name keep the place, on a league's page too.
    expect(
      found(
        'The Dallas Cowboys lost. Minnesota Governor Tim Walz said Minnesota won; the NBA heard the Boston mayor.',
      ),
    ).toEqual([
      ['Dallas Cowboys', 'dallas-cowboys'],
      ['Minnesota', 'minnesota'],
      ['Tim Walz', 'tim-walz'],
      ['Minnesota', 'minnesota-vikings'],
      ['NBA', 'nba'],
      ['Boston', 'boston'],
    ]);
    expect(found('NBA: Los Angeles beat Boston.')).toEqual([
      ['NBA', 'nba'],
      ['Los Angeles', 'los-angeles'],
      ['Boston', 'boston-celtics'],
    ]);
  });

  it("reads a club's short name as the club in a report, and no proper adjective", () => {
    expect(
      found(
        'Premier league\nChelsea 2 Everton 2\nNewcastle United won. Newcastle lead, after a 2-0 win over Barcelona; Parma (14) v Atalanta (15). The Celtic languages.',
      ),
    ).toEqual([
      ['Premier league', 'premier-league'],
      ['Chelsea', 'chelsea-fc'],
      ['Everton', 'everton-fc'],
      ['Newcastle United', 'newcastle-united'],
      ['Newcastle', 'newcastle-united'],
      ['Barcelona', 'fc-barcelona'],
      ['Parma', 'parma-calcio'],
      ['Atalanta', 'atalanta'],
    ]);
    // Near misses: the city of a club the page did not name; a win over a country.
    expect(found('Newcastle lead the region. After a 2-0 win over Japan.')).toEqual([
      ['Newcastle', 'newcastle'],
      ['Japan', 'japan'],
    ]);
  });

  it("names no place in a side's longer name in a table's row, nor a visiting side in a schedule", () => {
    // A side's name may hold more words and its country: the country stays, the city is the side's.
    expect(
      found(
        'Group A\nStefanel Milan (Italy) 9 6 3 15\nSparta Rotterdam 19 6 3 10 21 25 21\nSV 1860 Munich 17 4 6 7 25 31 18\nTAMPA BAY 8 15 2 69 81 18\nPartizan Belgrade (Serbia) 78 Kinder Bologna (Italy) 70',
      ),
    ).toEqual([
      ['Italy', 'italy'],
      ['Serbia', 'serbia'],
      ['Italy', 'italy'],
    ]);
    // "VISITOR AT HOST": the host's name is where the match is played.
    expect(
      found('FRIDAY, DECEMBER 6\nPITTSBURGH AT BOSTON\nMONTREAL AT CHICAGO\nOTTAWA AT EDMONTON'),
    ).toEqual([
      ['BOSTON', 'boston'],
      ['CHICAGO', 'chicago'],
      ['EDMONTON', 'edmonton'],
    ]);
    // Near misses: a headline with AT on its own, a sentence's words before a place at a line's
    // start ("In"), a count after a place, a place before a longer name in prose.
    expect(
      found(
        'PROTEST AT CAIRO MOSQUE\nIn Gaza 12 Palestinians were killed.\nDELHI AT NIGHT\nVisitors to Rotterdam 2 weeks ago heard Munich Mayor Reiter.',
      ),
    ).toEqual([
      ['CAIRO', 'cairo'],
      ['Gaza', 'gaza'],
      ['Palestinians', 'palestine'],
      ['DELHI', 'delhi'],
      ['Rotterdam', 'rotterdam'],
      ['Munich', 'munich'],
    ]);
  });

  it("names no city before a country's masculine nisba: a club is meant, the nisba stays its country's", () => {
    // A city takes the feminine (مدينة ليون الفرنسية); the masculine agrees with the club.
    expect(found('حقق ليون الفرنسي فوزه الثاني، وزار الوفد مدينة ليون الفرنسية.')).toEqual([
      ['الفرنسي', 'france'],
      ['ليون', 'lyon'],
      ['الفرنسية', 'france'],
    ]);
    // Near misses: a region's name of two words, a country's name; a feminine nisba.
    expect(found('كان شمال أفريقيا الروماني غنيا، وبيروت اللبنانية مدينة.')).toEqual([
      ['شمال أفريقيا', 'north-africa'],
      ['الروماني', 'romania'],
      ['بيروت', 'beirut'],
      ['اللبنانية', 'lebanon'],
    ]);
  });

  it("names no place in a club's name that puts a word before its city, in both languages", () => {
    // Clubs the dictionary does not know give nothing; one it knows is found whole.
    expect(found('Dynamo Kiev beat Steaua Bucharest, Athletic Bilbao drew with Maccabi Haifa.')).toEqual([
      ['Athletic Bilbao', 'athletic-bilbao'],
    ]);
    expect(found('وفاز دينامو كييف على ستيوا بوخارست، وخسر أتليتكو مدريد أمام ايك اثينا.')).toEqual([]);
    expect(found('وفاز دينامو كييف على ستيوا بوخارست، وتعادل أتلتيك بيلباو مع لوكوموتيف موسكو.')).toEqual([
      ['أتلتيك بيلباو', 'athletic-bilbao'],
    ]);
    // Near misses: the word elsewhere in the sentence, or not right before the city.
    expect(
      found('Rapid growth in Kabul; The Athletic in London; Sporting events in Madrid; فاز الفريق في موسكو.'),
    ).toEqual([
      ['Kabul', 'kabul'],
      ['London', 'london'],
      ['Madrid', 'madrid'],
      ['موسكو', 'moscow'],
    ]);
  });

  it("leaves a club's city its own name, in both languages", () => {
    expect(
      found(
        'Valencia CF lost in Valencia, Sevilla FC won in Seville, and Liverpool FC fans marched in the city of Liverpool.',
      ),
    ).toEqual([
      ['Valencia CF', 'valencia-cf'],
      ['Valencia', 'valencia'],
      ['Sevilla FC', 'sevilla-fc'],
      ['Seville', 'seville'],
      ['Liverpool FC', 'liverpool-fc'],
      ['Liverpool', 'liverpool'],
    ]);
    // The club takes the masculine nisba (نادي فالنسيا … فالنسيا الإسباني); a port or a city does not.
    expect(
      found(
        'وفاز نادي فالنسيا في مدينة فالنسيا الإسبانية، ورست السفينة في ميناء هامبورغ الألماني قبل أن يفوز نادي هامبورغ.',
      ),
    ).toEqual([
      ['نادي فالنسيا', 'valencia-cf'],
      ['فالنسيا', 'valencia'],
      ['الإسبانية', 'spain'],
      ['هامبورغ', 'hamburg'],
      ['الألماني', 'germany'],
      ['نادي هامبورغ', 'hamburger-sv'],
    ]);
  });

  it('leaves Arabic club names that are ordinary words to the prose', () => {
    expect(
      found('قدم الهلال الأحمر مساعدات، وبعد النصر في المعركة عاد الشباب إلى التعاون مع الاتحاد الأوروبي.'),
    ).toEqual([
      ['الهلال الأحمر', 'red-crescent'],
      ['الاتحاد الأوروبي', 'european-union'],
    ]);
    // Saudi youth, the Saudi-Iranian agreement, Saudi firmness, the north of Qatar, the royal army.
    expect(
      found(
        'تعزز الاتفاق السعودي الإيراني، ويعمل الشباب السعودي بروح الحزم السعودي في التعاون الخليجي، وزار الوفد الشمال القطري، وأعلن الجيش الملكي المغربي حالة التأهب.',
      ),
    ).toEqual([
      ['السعودي', 'saudi-arabia'],
      ['الإيراني', 'iran'],
      ['السعودي', 'saudi-arabia'],
      ['السعودي', 'saudi-arabia'],
      ['الخليجي', 'persian-gulf'], // the Gulf's adjective, as Saudi's is Saudi Arabia's
      ['القطري', 'qatar'],
      ['المغربي', 'morocco'],
    ]);
  });

  it('leaves English words that are also club nicknames or athletes’ surnames to the prose', () => {
    expect(
      found(
        'The wolves and their spurs; a united front and the Celtic languages; park rangers ate rice; she lost her keys; a flick of the wrist.',
      ),
    ).toEqual([]);
    // A surname alone counts only after the full name on the page.
    expect(found('Rice said Keys and Norris would fly. Madison Keys won; Keys thanked Declan Rice.')).toEqual(
      [
        ['Madison Keys', 'madison-keys'],
        ['Keys', 'madison-keys'],
        ['Declan Rice', 'declan-rice'],
      ],
    );
  });
});
