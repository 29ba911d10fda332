// The shipped world dictionary on sentences written like today's news, in both languages: what a
// reader should see highlighted, and ordinary words that must stay plain.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileMatcher, entityForms } from '../../../lib/entities/matcher';
import type { Dictionary } from '../../../lib/entities/types';

const dictionary = JSON.parse(readFileSync('lib/generated/dictionary.json', 'utf8')) as Dictionary;
const matcher = compileMatcher(dictionary);
const found = (text: string) => matcher.match(text).map((m) => [text.slice(m.start, m.end), m.entityId]);

describe('the shipped world dictionary', () => {
  it('has every kind of entity, each with its source', () => {
    const types = new Set(dictionary.entities.map((e) => e.type));
    expect([...types].sort()).toEqual(['government', 'group', 'organisation', 'person', 'place']);
    expect(dictionary.entities.length).toBeGreaterThan(1000);
    for (const e of dictionary.entities) expect(e.source, e.id).toMatch(/^(corpus\/|world-countries|CLDR)/);
    const people = dictionary.entities.filter(
      (e) => e.type === 'person' && e.source !== 'corpus/entities.txt',
    );
    for (const p of people) expect(p.asOf, p.id).toMatch(/^\d{4}-\d\d$/);
  });

  it('finds the places, bodies and people of an Arabic news paragraph', () => {
    expect(
      found(
        'قال وزير الخارجية الأمريكي ماركو روبيو في الدوحة إن وزارة الخارجية الإيرانية تلقت رسالة عبر سلطنة عمان، فيما أعلنت حماس وحزب الله موقفهما.',
      ),
    ).toEqual([
      ['الأمريكي', 'united-states'],
      ['ماركو روبيو', 'marco-rubio'],
      ['الدوحة', 'doha'],
      ['وزارة الخارجية الإيرانية', 'iran-foreign-ministry'],
      ['سلطنة عمان', 'oman'],
      ['حماس', 'hamas'],
      ['حزب الله', 'hezbollah'],
    ]);
  });

  it('finds the places, bodies and people of an English news paragraph', () => {
    expect(
      found(
        "Iran's Foreign Ministry told Reuters that Abbas Araghchi would meet the IAEA chief Rafael Grossi in Geneva, as the UN Security Council met in New York.",
      ),
    ).toEqual([
      ["Iran's Foreign Ministry", 'iran-foreign-ministry'],
      ['Reuters', 'reuters'],
      ['Abbas Araghchi', 'abbas-araghchi'],
      ['IAEA', 'iaea'],
      ['Rafael Grossi', 'rafael-grossi'],
      ['Geneva', 'geneva'],
      ['UN Security Council', 'un-security-council'],
      ['New York', 'new-york'],
    ]);
  });

  it('leaves ordinary words alone in both languages', () => {
    expect(found('نشرت صور الدمار، ويحدوها أمل كبير في تقرير مالي عن الحماية والفتح.')).toEqual([]);
    expect(
      found('We had turkey for dinner; a hanging chad; the times were hard; Michael Jordan scored.'),
    ).toEqual([]);
  });

  it('still finds every name and alias written alone (surnames and guarded forms aside)', () => {
    for (const e of dictionary.entities) {
      const guarded = new Set(e.guarded ?? []);
      for (const f of entityForms(e)) {
        if (f.kind === 'surname' || f.kind === 'demonym' || guarded.has(f.text)) continue;
        expect(matcher.match(f.text).length, `${e.id}: ${f.text}`).toBe(1);
      }
    }
  });
});
