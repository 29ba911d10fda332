// `npm run coverage [-- --dictionary FILE] [--gold DIR] [--details]`: recall and precision of the
// entities tagger on hand-tagged news pages (scripts/lib/coverage.ts), per language and type: those
// in tests/gold/news, or in DIR (tests/gold/held-out: pages tagged after the dictionary was written,
// never used to write it); --details lists each page's missed gold mentions and wrong finds.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { Dictionary } from '../lib/entities/types';
import { formatCoverage, measureCoverage } from './lib/coverage';

const { values } = parseArgs({
  options: {
    dictionary: { type: 'string', default: 'lib/generated/dictionary.json' },
    gold: { type: 'string', default: 'tests/gold/news' },
    details: { type: 'boolean', default: false },
  },
  strict: true,
});
const dictionary = JSON.parse(readFileSync(values.dictionary, 'utf8')) as Dictionary;
console.log(formatCoverage(await measureCoverage(values.gold, dictionary), values.details));
