// The people of corpus/world/people.txt added by category (ministers, central bankers, heads of
// international bodies, business leaders, armed and political group leaders) on sentences written
// like today's news: found with their clitics, found by surname once the full name came, and left
// alone where a surname comes first or the words mean something else.
import { describe, expect, it } from 'vitest';
import { dictionary, found } from './shipped-dictionary';

const people = (text: string) =>
  found(text).filter(([, id]) => dictionary.entities.find((e) => e.id === id)?.type === 'person');

describe('people in the news, by category', () => {
  it('finds former leaders under both spellings Arabic news gives them, the father and the son apart', () => {
    expect(
      people(
        'وقال الأمين العام للأمم المتحدة كوفي أنان إن المنظمة ستساعد، وأضاف أنان أن الرئيس الأمريكي جورج بوش وعد بالدعم، ورد بوش بأن جورج بوش الأب زار المنطقة.',
      ),
    ).toEqual([
      ['كوفي أنان', 'kofi-annan'],
      ['أنان', 'kofi-annan'],
      ['جورج بوش', 'george-w-bush'],
      ['بوش', 'george-w-bush'],
      ['جورج بوش الأب', 'george-h-w-bush'],
    ]);
    // A surname alone, before any full name, is nobody's.
    expect(people('قال أنان إن بوش سيزور المنطقة')).toEqual([]);
  });

  it('finds group leaders in an Arabic report, with clitics and by surname after the full name', () => {
    expect(
      found(
        'وقال عضو المكتب السياسي لحماس عزت الرشق إن الحركة سلمت ردها، وأضاف الرشق أن الوسطاء في الدوحة تسلموا الرد، فيما نعت الحركة أيمن نوفل.',
      ),
    ).toEqual([
      ['حماس', 'hamas'],
      ['عزت الرشق', 'izzat-al-rishq'],
      ['الرشق', 'izzat-al-rishq'],
      ['الدوحة', 'doha'],
      ['أيمن نوفل', 'ayman-nofal'],
    ]);
    expect(
      people(
        'وأعلنت القيادة المركزية الأمريكية مقتل خالد باطرفي، ونعى التنظيم لباطرفي، وقال بيان إن سعد بن عاطف العولقي خلفه، وبخالد باطرفي انتهت مرحلة.',
      ),
    ).toEqual([
      ['خالد باطرفي', 'khalid-batarfi'],
      ['باطرفي', 'khalid-batarfi'],
      ['سعد بن عاطف العولقي', 'saad-al-awlaki'],
      ['خالد باطرفي', 'khalid-batarfi'],
    ]);
  });

  it('finds ministers and central bankers in Arabic, after وللوزير and with a clitic on the name', () => {
    expect(
      people(
        'وللوزير السابق بيرات ألبيرق علاقة مصاهرة مع أردوغان، وقد استقال ألبيرق عام 2020، كما التقى وزير الخارجية الأسبق ناصر جودة ولعزت الرشق.',
      ),
    ).toEqual([
      ['بيرات ألبيرق', 'berat-albayrak'],
      ['أردوغان', 'recep-tayyip-erdogan'],
      ['ألبيرق', 'berat-albayrak'],
      ['ناصر جودة', 'nasser-judeh'],
      ['عزت الرشق', 'izzat-al-rishq'],
    ]);
    expect(
      people(
        'وأكد محافظ بنك الكويت المركزي باسل الهارون ومحافظ مصرف قطر المركزي بندر بن محمد بن سعود آل ثاني أن الهارون سيحضر اجتماع الرياض.',
      ),
    ).toEqual([
      ['باسل الهارون', 'basel-al-haroon'],
      ['بندر بن محمد بن سعود آل ثاني', 'bandar-bin-mohammed-al-thani'],
      ['الهارون', 'basel-al-haroon'],
    ]);
  });

  it('finds business leaders in English, possessive and surname after the full name included', () => {
    expect(
      found(
        "Shell's chief executive Wael Sawan told investors in London that Sawan would not cut the dividend, while BP's Murray Auchincloss met Patrick Pouyanné of TotalEnergies.",
      ),
    ).toEqual([
      ['Shell', 'shell'],
      ['Wael Sawan', 'wael-sawan'],
      ['London', 'london'],
      ['Sawan', 'wael-sawan'],
      ['BP', 'bp'],
      ['Murray Auchincloss', 'murray-auchincloss'],
      ['Patrick Pouyanné', 'patrick-pouyanne'],
      ['TotalEnergies', 'totalenergies'],
    ]);
    expect(
      people(
        "Boeing's Kelly Ortberg and Airbus chief Guillaume Faury spoke in Paris; Ortberg said deliveries would rise.",
      ),
    ).toEqual([
      ['Kelly Ortberg', 'kelly-ortberg'],
      ['Guillaume Faury', 'guillaume-faury'],
      ['Ortberg', 'kelly-ortberg'],
    ]);
  });

  it('finds former ministers, heads of bodies and group leaders in English', () => {
    expect(
      people(
        "Al-Shabaab's former leader Ahmed Abdi Godane was killed in 2014; Godane had led the group since 2008. Mukhtar Robow later defected, and Yukiya Amano's successor at the IAEA praised Jean-Claude Trichet.",
      ),
    ).toEqual([
      ['Ahmed Abdi Godane', 'ahmed-abdi-godane'],
      ['Godane', 'ahmed-abdi-godane'],
      ['Mukhtar Robow', 'mukhtar-robow'],
      ['Yukiya Amano', 'yukiya-amano'],
      ['Jean-Claude Trichet', 'jean-claude-trichet'],
    ]);
  });

  it('leaves a surname alone when it comes before the full name, and ordinary words alone (Arabic)', () => {
    expect(
      people(
        'قال الرشق في بيان مقتضب، ونقل الطريق الطويل إلى الحدود عن المتحدث العسكري أن مخلوف والبيرق غادرا.',
      ),
    ).toEqual([]);
    // الهارون comes first: only the full name after it is found.
    expect(people('وقال الهارون إن باسل الهارون لن يسافر.')).toEqual([['باسل الهارون', 'basel-al-haroon']]);
  });

  it('leaves a surname alone when it comes before the full name, and ordinary words alone (English)', () => {
    expect(
      people(
        'Sawan and Ortberg were not named in full here, and the bishop walked by the lake with his cousin.',
      ),
    ).toEqual([]);
    // Bishop and Lake are words: the full names are found, the surnames alone never.
    expect(
      people(
        "Former foreign minister Julie Bishop and Anthony Lake, once Unicef's director, visited the lake; Bishop spoke first.",
      ),
    ).toEqual([
      ['Julie Bishop', 'julie-bishop'],
      ['Anthony Lake', 'anthony-lake'],
    ]);
  });
  it('gives a surname two presidents share to the one the article named (Bush, بوش)', () => {
    expect(found('Former President George H.W. Bush died on Friday. Bush was 94.')).toEqual([
      ['George H.W. Bush', 'george-h-w-bush'],
      ['Bush', 'george-h-w-bush'],
    ]);
    expect(found('George W. Bush spoke at the ranch; Bush said little.')).toEqual([
      ['George W. Bush', 'george-w-bush'],
      ['Bush', 'george-w-bush'],
    ]);
    expect(found('وقال جورج بوش الأب إن الحرب انتهت، وأضاف بوش أن')).toEqual([
      ['جورج بوش الأب', 'george-h-w-bush'],
      ['بوش', 'george-h-w-bush'],
    ]);
    // Neither named in full: a bush is a plant, بوش a family name.
    expect(found('The bush by the road burned. Bush Hall was full.')).toEqual([]);
  });

  it('gives a family name to the relative the article named, not to the famous one it did not', () => {
    expect(found('Michelle Obama opened the garden. Obama said children need it.')).toEqual([
      ['Michelle Obama', 'michelle-obama'],
      ['Obama', 'michelle-obama'],
    ]);
    expect(found('ظهر سيف الإسلام القذافي أمس، وقال القذافي إن')).toEqual([
      ['سيف الإسلام القذافي', 'saif-al-islam-gaddafi'],
      ['القذافي', 'saif-al-islam-gaddafi'],
    ]);
    // Both named: the famous one keeps the bare name (the article's subject, as a rule).
    expect(found('Donald Trump and his daughter Ivanka Trump arrived; Trump spoke first.')).toEqual([
      ['Donald Trump', 'donald-trump'],
      ['Ivanka Trump', 'ivanka-trump'],
      ['Trump', 'donald-trump'],
    ]);
    // Neither relative named: the famous one, as before.
    expect(found('Obama said it.')).toEqual([['Obama', 'barack-obama']]);
  });

  it('reads a longer name over the name inside it, and keeps ordinary words that look like surnames plain (Arabic)', () => {
    expect(
      people(
        'وقال وزير الدفاع السوري السابق علي محمود عباس إن الرئيس محمود عباس لم يرد، فيما التقى رافاييلي فيتو وزراء واستخدمت روسيا الفيتو.',
      ),
    ).toEqual([
      ['علي محمود عباس', 'ali-mahmoud-abbas'],
      ['محمود عباس', 'mahmoud-abbas'],
      ['رافاييلي فيتو', 'raffaele-fitto'],
    ]);
  });

  it('keeps ordinary words that look like surnames plain after the full name (English)', () => {
    expect(
      people(
        'James Clapper rang the bell; its clapper broke, and Clapper laughed. Julie Bishop met the bishop.',
      ),
    ).toEqual([
      ['James Clapper', 'james-clapper'],
      ['Julie Bishop', 'julie-bishop'],
    ]);
  });
});
