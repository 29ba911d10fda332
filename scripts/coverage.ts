// `npm run coverage [-- --dictionary FILE] [--gold DIR] [--conll FILE] [--details]`: recall and
// precision of the entities tagger on hand-tagged news pages (scripts/lib/coverage.ts), per language
// and type: those in tests/gold/news, or in DIR (tests/gold/held-out: pages tagged after the
// dictionary was written, never used to write it); or on a tagged corpus in CoNLL/BIO form
// (scripts/lib/coverage-conll.ts: people, organisations, places). --details lists the misses and
// wrong finds.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { Dictionary } from '../lib/entities/types';
import { readConll } from '../lib/packs/conll';
import { decodeSource, PackSourceError } from '../lib/packs/source';
import { formatCoverage, measureCoverage } from './lib/coverage';
import { formatConllCoverage, measureConllCoverage } from './lib/coverage-conll';
import { readSourceFile } from './lib/pack-cli';

const { values } = parseArgs({
  options: {
    dictionary: { type: 'string', default: 'lib/generated/dictionary.json' },
    gold: { type: 'string', default: 'tests/gold/news' },
    conll: { type: 'string' },
    details: { type: 'boolean', default: false },
  },
  strict: true,
});
const dictionary = JSON.parse(readFileSync(values.dictionary, 'utf8')) as Dictionary;
if (values.conll !== undefined) {
  try {
    // Read as a pack's source is: size limit, strict UTF-8, file:line in every message.
    const file = await readSourceFile(values.conll);
    const sentences = readConll(decodeSource(file.name, file.bytes), file.name);
    console.log(formatConllCoverage(measureConllCoverage(sentences, dictionary), values.details));
  } catch (error) {
    if (!(error instanceof PackSourceError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
} else console.log(formatCoverage(await measureCoverage(values.gold, dictionary), values.details));
