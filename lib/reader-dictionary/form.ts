// The entity form's fields (the options page today, the page's "Add as entity" later) and their
// conversion to and from the reader's dictionary entries. Framework-free, so it is tested alone.
import type { EntityType } from '../entities/types';
import type { NewReaderEntry, ReaderEntity } from './model';

export interface EntityDraft {
  type: EntityType;
  nameAr: string;
  nameEn: string;
  /** Other spellings, separated by commas (Latin or Arabic) or new lines. */
  aliases: string;
  descriptionAr: string;
  descriptionEn: string;
}

/** A letter of the Arabic script: which language a spelling is filed under. */
export const ARABIC_LETTER = /[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff]/;
/** Quotes, brackets and sentence punctuation a drag over a name takes with it. */
const EDGE_PUNCTUATION = /^[\s"'«»“”„‘’()[\]{},،;؛:!?؟…]+|[\s"'«»“”„‘’()[\]{},،;؛:!?؟…]+$/gu;

/** `text` as a name: one space between words, without the punctuation at its edges (a final full stop too, unless it ends an abbreviation such as "U.S."). */
function nameFromText(text: string): string {
  const name = text.replace(/\s+/g, ' ').replace(EDGE_PUNCTUATION, '');
  return /(^|\s)[^\s.]+\.$/u.test(name) ? name.slice(0, -1).replace(EDGE_PUNCTUATION, '') : name;
}

/** A selection longer than this (characters, or words) is a passage, not a name: no "Add as entity". */
export const NAME_SELECTION_MAX = { chars: 120, words: 10 };

/** The name a selection offers as an entity, or null when it is no name (empty, a passage). */
export function nameInSelection(text: string): string | null {
  const name = nameFromText(text);
  if (name === '' || name.length > NAME_SELECTION_MAX.chars) return null;
  return name.split(' ').length > NAME_SELECTION_MAX.words ? null : name;
}

/** A draft whose name is `text` (a selection), in the field of its script (the other left for the reader). */
export function draftFromText(text: string, type: EntityType = 'person'): EntityDraft {
  const name = nameFromText(text);
  const arabic = ARABIC_LETTER.test(name);
  return {
    type,
    nameAr: arabic ? name : '',
    nameEn: arabic ? '' : name,
    aliases: '',
    descriptionAr: '',
    descriptionEn: '',
  };
}

export function draftFromEntity(entry: ReaderEntity): EntityDraft {
  return {
    type: entry.type,
    nameAr: entry.names.ar,
    nameEn: entry.names.en,
    aliases: [...entry.aliases.ar, ...entry.aliases.en].join(', '),
    descriptionAr: entry.description.ar,
    descriptionEn: entry.description.en,
  };
}

/** The spellings in a comma- or line-separated field, trimmed, once each. */
export function splitForms(text: string): string[] {
  const out: string[] = [];
  for (const part of text.split(/[,،;؛\n]/)) {
    const form = part.replace(/\s+/g, ' ').trim();
    if (form !== '' && !out.includes(form)) out.push(form);
  }
  return out;
}

/** The entry a draft saves as (`id`: the entity it edits), or why it cannot be saved. */
export function entryFromDraft(draft: EntityDraft, id?: string): NewReaderEntry | { problem: 'needs-name' } {
  const nameAr = draft.nameAr.replace(/\s+/g, ' ').trim();
  const nameEn = draft.nameEn.replace(/\s+/g, ' ').trim();
  if (nameAr === '' && nameEn === '') return { problem: 'needs-name' };
  const aliases = splitForms(draft.aliases).filter((form) => form !== nameAr && form !== nameEn);
  return {
    ...(id ? { id } : {}),
    kind: 'entity',
    type: draft.type,
    names: { ar: nameAr, en: nameEn },
    aliases: {
      ar: aliases.filter((form) => ARABIC_LETTER.test(form)),
      en: aliases.filter((form) => !ARABIC_LETTER.test(form)),
    },
    description: { ar: draft.descriptionAr.trim(), en: draft.descriptionEn.trim() },
  };
}
