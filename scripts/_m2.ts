import { readFileSync } from 'node:fs';
import { compileMatcher } from '../lib/entities/matcher';

const m = compileMatcher(JSON.parse(readFileSync('lib/generated/dictionary.json', 'utf8')));
const words = readFileSync(0, 'utf8')
  .split(/\s*[،\n]\s*/)
  .filter(Boolean);
const missing = words.filter((w) => {
  const f = m.match(`قال ${w} أمس`);
  return !(f.length === 1 && f[0]?.start === 4 && f[0]?.end === 4 + w.length);
});
console.log(missing.join('، '));
