// The shipped dictionary (lib/generated/dictionary.json) for the tests of its world entities, and
// what its matcher finds in a sentence: each mention's text and entity id, in order.
import { readFileSync } from 'node:fs';
import { compileMatcher } from '../../../lib/entities/matcher';
import type { Dictionary } from '../../../lib/entities/types';

export const dictionary = JSON.parse(readFileSync('lib/generated/dictionary.json', 'utf8')) as Dictionary;
const matcher = compileMatcher(dictionary);

export const found = (text: string): string[][] =>
  matcher.match(text).map((m) => [text.slice(m.start, m.end), m.entityId]);
