// The forms an entity is written in: names, aliases, demonyms (the Arabic nisba family generated
// for places) and surnames, each with the kind of mention it yields.

import { ALEF_LAM } from './clitics';
import type { Entity, MentionKind } from './types';

/** A form to index and what it yields. */
export interface Form {
  text: string;
  kind: MentionKind;
}

/** Receives a form as up to three pieces (prefix + core + suffix), so demonyms need no concatenation. */
export type FormSink = (kind: MentionKind, core: string, prefix?: string, suffix?: string) => void;

const NISBA_ENDINGS = ['ي', 'ية', 'يون', 'يين', 'يان', 'يات'];

/** Removes harakat and tatweel so the ending rules see letters only. */
function bareArabic(s: string): string {
  return s.replace(/[\u0610-\u061a\u0640\u064b-\u065f\u0670\u06d6-\u06ed]/g, '').trim();
}

/**
 * The nisba root of a one-word place name: the article dropped, then a final ا / ة (and a ي
 * before it) dropped — ألبانيا → ألبان, إيران → إيران, السعودية → سعود. Null when no nisba is made.
 */
export function nisbaRoot(nameAr: string): string | null {
  let stem = bareArabic(nameAr);
  if (stem === '' || /\s/.test(stem)) return null; // multi-word places take irregular demonyms
  // The article is written with a plain alef (ألبانيا starts with a hamza alef, not with ال).
  if ((stem.startsWith('ال') || stem.startsWith('ٱل')) && stem.length > 4) stem = stem.slice(2);
  const last = stem.slice(-1);
  if (last === 'ا' || last === 'ة') {
    stem = stem.slice(0, -1);
    if (stem.endsWith('ي')) stem = stem.slice(0, -1);
  } else if (last === 'ي' || last === 'ى') {
    return null; // مالي: the nisba would be the name itself, its feminine a common word
  }
  return stem.length >= 2 ? stem : null;
}

/** The nisba family of a root: six endings, each with and without the article. No broken plurals. */
function emitNisba(root: string, emit: FormSink): void {
  for (const ending of NISBA_ENDINGS) {
    emit('demonym', root, '', ending);
    emit('demonym', root, ALEF_LAM, ending);
  }
}

/** Arabic demonyms of a place: the generated nisba plus the curated irregulars, each inflected. */
function emitArabicDemonyms(entity: Entity, emit: FormSink): void {
  const root = entity.nisba === false ? null : nisbaRoot(entity.names.ar);
  if (root) emitNisba(root, emit);
  for (const irregular of entity.demonyms.ar) {
    const bare = bareArabic(irregular);
    // أمريكي → أمريك + endings; a form not ending in ي is kept as given, with the article.
    if (bare.endsWith('ي') && bare.length > 2) emitNisba(bare.slice(0, -1), emit);
    else if (bare !== '') {
      emit('demonym', bare);
      emit('demonym', bare, ALEF_LAM);
    }
  }
}

const ABD_SPACED = /(^|\s)عبد\s+ال(?=\S)/g;
const ABD_JOINED = /(^|\s)عبدال(?=\S\S)/g;

/**
 * The other spellings of a name with an عبد compound, one word or two as the press writes it
 * (عبد العزيز / عبدالعزيز, عبد الله / عبدالله): every compound joined, every one apart.
 */
export function abdSpellings(form: string): string[] {
  if (!form.includes('عبد')) return []; // most names: no regular expression run (compile time)
  const joined = form.replace(ABD_SPACED, '$1عبدال');
  const apart = form.replace(ABD_JOINED, '$1عبد ال');
  return [...new Set([joined, apart])].filter((spelling) => spelling !== form);
}

/** An Arabic name, alias or surname, and its other عبد spellings. */
function emitArabic(kind: MentionKind, form: string, emit: FormSink): void {
  emit(kind, form);
  for (const spelling of abdSpellings(form)) emit(kind, spelling);
}

/** Every form of `entity` with its kind, in pieces. */
export function emitForms(entity: Entity, emit: FormSink): void {
  emitArabic('name', entity.names.ar, emit);
  emit('name', entity.names.en);
  for (const a of entity.aliases.ar) emitArabic('alias', a, emit);
  for (const a of entity.aliases.en) emit('alias', a);
  if (entity.type === 'place') {
    emitArabicDemonyms(entity, emit);
    // English demonyms and their -s plurals (Iranian, Iranians).
    for (const d of entity.demonyms.en) {
      emit('demonym', d);
      if (!/s$/i.test(d)) emit('demonym', d, '', 's');
    }
  }
  if (entity.type === 'person') {
    for (const s of entity.surnames.ar) emitArabic('surname', s, emit);
    for (const s of entity.surnames.en) emit('surname', s);
  }
}

/** Every form that names `entity`, with its kind (for tests, tools and the benchmark). */
export function entityForms(entity: Entity): Form[] {
  const forms: Form[] = [];
  emitForms(entity, (kind, core, prefix = '', suffix = '') => {
    const text = prefix + core + suffix;
    if (text.trim() !== '') forms.push({ text, kind });
  });
  return forms;
}

/** Whether a UTF-16 unit is a Latin capital: A–Z, or À–Þ (not ×). */
export const isLatinCapital = (c: number): boolean =>
  (c >= 0x41 && c <= 0x5a) || (c >= 0xc0 && c <= 0xde && c !== 0xd7);

/** Whether a form's first letter is a Latin capital (English names: Jordan, The Times). */
export function startsCapitalised(form: string): boolean {
  return isLatinCapital(form.charCodeAt(0));
}

/** US, UN, MEK, U.S.: at most three Latin letters, all capitals, nothing else but punctuation. */
export function isShortAcronym(form: string): boolean {
  let letters = 0;
  for (let i = 0; i < form.length; i++) {
    const c = form.charCodeAt(i);
    if (c >= 0x41 && c <= 0x5a) letters++;
    else if ((c >= 0x61 && c <= 0x7a) || c > 0x7f) return false;
  }
  return letters > 0 && letters <= 3;
}
