// Airlines and aerospace makers of the shipped world dictionary on sentences written like crash,
// strike and travel news: an airline named after its country is the airline, not the country,
// and the ordinary words among those names (swiss, spirit, frontier, indigo, الناس) stay plain.
import { describe, expect, it } from 'vitest';
import { found } from './shipped-dictionary';

describe('airlines and aerospace makers in the shipped world dictionary', () => {
  it('finds the airline, not the country, in an Arabic crash report with clitics', () => {
    expect(
      found(
        'أعلنت الخطوط الجوية الماليزية فقدان الاتصال بالطائرة، وقال مسؤول إن وللخطوط الجوية الماليزية سجلاً جيداً، فيما ألغت طيران آسيا رحلاتها.',
      ),
    ).toEqual([
      ['الخطوط الجوية الماليزية', 'malaysia-airlines'],
      ['لخطوط الجوية الماليزية', 'malaysia-airlines'],
      ['طيران آسيا', 'airasia'],
    ]);
    expect(
      found('ونقلت طائرة تابعة لطيران آسيا إندونيسيا ولغارودا إندونيسيا الركاب، وأعلنت إندونيسيا الحداد.'),
    ).toEqual([
      ['طيران آسيا إندونيسيا', 'indonesia-airasia'],
      ['غارودا إندونيسيا', 'garuda-indonesia'],
      ['إندونيسيا', 'indonesia'],
    ]);
  });

  it('finds the airline, not the country, in an English crash report', () => {
    expect(
      found(
        'Malaysia Airlines flight MH17 was shot down over Ukraine; AirAsia and Indonesia AirAsia cancelled flights while Garuda Indonesia resumed.',
      ),
    ).toEqual([
      ['Malaysia Airlines', 'malaysia-airlines'],
      ['Ukraine', 'ukraine'],
      ['AirAsia', 'airasia'],
      ['Indonesia AirAsia', 'indonesia-airasia'],
      ['Garuda Indonesia', 'garuda-indonesia'],
    ]);
    expect(
      found('Thai Airways, Japan Airlines (JAL) and Kenya Airways; Thai officials and Japan said.'),
    ).toEqual([
      ['Thai Airways', 'thai-airways'],
      ['Japan Airlines', 'japan-airlines'],
      ['JAL', 'japan-airlines'],
      ['Kenya Airways', 'kenya-airways'],
      ['Thai', 'thailand'],
      ['Japan', 'japan'],
    ]);
  });

  it('finds the Arab and African carriers of the Arabic press, and the country written alone', () => {
    expect(
      found(
        'أعلنت الخطوط الجوية الإثيوبية والخطوط الجوية الجزائرية والخطوط التونسية والسورية للطيران وأجنحة الشام وطيران الجزيرة استئناف رحلاتها إلى الجزائر وتونس.',
      ),
    ).toEqual([
      ['الخطوط الجوية الإثيوبية', 'ethiopian-airlines'],
      ['الخطوط الجوية الجزائرية', 'air-algerie'],
      ['الخطوط التونسية', 'tunisair'],
      ['السورية للطيران', 'syrian-air'],
      ['أجنحة الشام', 'cham-wings'],
      ['طيران الجزيرة', 'jazeera-airways'],
      ['الجزائر', 'algeria'],
      ['تونس', 'tunisia'],
    ]);
  });

  it('keeps Saudia and Yemenia apart from the countries their Arabic names share', () => {
    expect(
      found('قالت السعودية إن الخطوط الجوية السعودية وطيران ناس وطيران أديل ستسير رحلات إضافية.'),
    ).toEqual([
      ['السعودية', 'saudi-arabia'],
      ['الخطوط الجوية السعودية', 'saudia'],
      ['طيران ناس', 'flynas'],
      ['طيران أديل', 'flyadeal'],
    ]);
    expect(
      found('وقالت الخطوط الجوية اليمنية إن طيران اليمنية استأنف رحلاته، ورحبت الحكومة اليمنية.'),
    ).toEqual([
      ['الخطوط الجوية اليمنية', 'yemenia'],
      ['طيران اليمنية', 'yemenia'],
      ['اليمنية', 'yemen'],
    ]);
  });

  it('finds full airline names whose short form is a country, demonym, state or word', () => {
    expect(
      found(
        'A Swiss International Air Lines jet, a Spirit Airlines flight, an Alaska Airlines plane, Frontier Airlines and IndiGo were delayed; Air China and Air Canada too.',
      ),
    ).toEqual([
      ['Swiss International Air Lines', 'swiss-international-air-lines'],
      ['Spirit Airlines', 'spirit-airlines'],
      ['Alaska Airlines', 'alaska-airlines'],
      ['Frontier Airlines', 'frontier-airlines'],
      ['IndiGo', 'indigo-airline'],
      ['Air China', 'air-china'],
      ['Air Canada', 'air-canada'],
    ]);
  });

  it('finds the airline groups and the engine and aircraft makers of the news', () => {
    expect(
      found(
        'Lufthansa, Air France-KLM and International Airlines Group (IAG) blamed Pratt & Whitney, CFM International and GE Aerospace engines, as Embraer, Bombardier and Sukhoi waited.',
      ),
    ).toEqual([
      ['Lufthansa', 'lufthansa'],
      ['Air France-KLM', 'air-france-klm'],
      ['International Airlines Group', 'international-airlines-group'],
      ['IAG', 'international-airlines-group'],
      ['Pratt & Whitney', 'pratt-and-whitney'],
      ['CFM International', 'cfm-international'],
      ['GE Aerospace', 'ge-aerospace'],
      ['Embraer', 'embraer'],
      ['Bombardier', 'bombardier'],
      ['Sukhoi', 'sukhoi'],
    ]);
    // ATR is a short acronym: written in capitals it is the maker, "atr" in prose stays plain.
    expect(found('A Yeti Airlines ATR 72 crashed; the atr ratio fell.')).toEqual([
      ['Yeti Airlines', 'yeti-airlines'],
      ['ATR', 'atr'],
    ]);
    expect(found('تحطمت طائرة من طراز إيه تي آر 72 تابعة لطيران يتي.')).toEqual([
      ['إيه تي آر', 'atr'],
      ['طيران يتي', 'yeti-airlines'],
    ]);
  });

  it('keeps airlines apart from the country and the minister they are spelled like', () => {
    expect(
      found(
        'أسقطت إيران طائرة الخطوط الجوية الدولية الأوكرانية، وهبطت طائرة كوبا إيرلاينز في هافانا، وقالت كوبا إن شركة سيكورسكي سلمت المروحيات.',
      ),
    ).toEqual([
      ['إيران', 'iran'],
      ['الخطوط الجوية الدولية الأوكرانية', 'ukraine-international-airlines'],
      ['كوبا إيرلاينز', 'copa-airlines'],
      ['هافانا', 'havana'],
      ['كوبا', 'cuba'],
      ['شركة سيكورسكي', 'sikorsky'],
    ]);
    expect(
      found('Ukraine International Airlines flight PS752 fell near Tehran; a Copa Airlines jet left Cuba.'),
    ).toEqual([
      ['Ukraine International Airlines', 'ukraine-international-airlines'],
      ['Tehran', 'tehran'],
      ['Copa Airlines', 'copa-airlines'],
      ['Cuba', 'cuba'],
    ]);
  });

  it('leaves the ordinary words among airline names alone in both languages', () => {
    expect(
      found(
        'a swiss army knife, the spirit of cooperation, a frontier town, southwest winds, the indigo dye and a jet of blue water.',
      ),
    ).toEqual([]);
    // ناس alone is "people"; الطيران في آسيا is aviation in Asia, not AirAsia; Iberia alone is the
    // peninsula's old name, the airline is only "Iberia Airlines".
    expect(found('وتتجه أنظار الناس إلى الطيران في آسيا.')).toEqual([['آسيا', 'asia']]);
    expect(found('Rain fell across Iberia while Alaska froze.')).toEqual([['Alaska', 'alaska']]);
  });
});
