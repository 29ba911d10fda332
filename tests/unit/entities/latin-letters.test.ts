// English news writes Łódź as Lodz, Wałęsa as Walesa, Kılıçdaroğlu as Kilicdaroglu: the letters
// whose mark no decomposition strips (ı ł ø đ) fold to their plain letter (lib/text/fold.ts), so
// a name curated with them is found written without them, and the other way round.
import { describe, expect, it } from 'vitest';
import { found } from './shipped-dictionary';

describe('names with ı, ł, ø and đ', () => {
  it('are found as English news writes them, without the marks', () => {
    expect(
      found('Lech Walesa met Jaroslaw Kaczynski in Wroclaw, then flew from Lodz to Elazig and Sirnak.'),
    ).toEqual([
      ['Lech Walesa', 'lech-walesa'],
      ['Jaroslaw Kaczynski', 'jaroslaw-kaczynski'],
      ['Wroclaw', 'wroclaw'],
      ['Lodz', 'lodz'],
      ['Elazig', 'elazig'],
      ['Sirnak', 'sirnak'],
    ]);
    expect(found('Kemal Kilicdaroglu and Jonas Gahr Store spoke; Martin Odegaard scored.')).toEqual([
      ['Kemal Kilicdaroglu', 'kemal-kilicdaroglu'],
      ['Jonas Gahr Store', 'jonas-gahr-store'],
      ['Martin Odegaard', 'martin-odegaard'],
    ]);
  });

  it('and as written with them where the source has the plain spelling (the ASCII aliases the sources listed are gone)', () => {
    expect(found('Adıyaman, Balıkesir, Kadıköy and Reyhanlı')).toEqual([
      ['Adıyaman', 'adiyaman'],
      ['Balıkesir', 'balikesir'],
      ['Kadıköy', 'kadikoy'],
      ['Reyhanlı', 'reyhanli'],
    ]);
  });
});
