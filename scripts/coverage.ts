// `npm run coverage [-- --dictionary FILE] [--details]`: recall and precision of the entities tagger on the
// hand-tagged news pages in tests/gold/news (scripts/lib/coverage.ts), per language and type;
// --details lists each page's missed gold mentions and wrong finds.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { Dictionary } from '../lib/entities/types';
import { formatCoverage, measureCoverage } from './lib/coverage';

const { values } = parseArgs({
  options: {
    dictionary: { type: 'string', default: 'lib/generated/dictionary.json' },
    details: { type: 'boolean', default: false },
  },
  strict: true,
});
const dictionary = JSON.parse(readFileSync(values.dictionary, 'utf8')) as Dictionary;
console.log(formatCoverage(await measureCoverage('tests/gold/news', dictionary), values.details));
