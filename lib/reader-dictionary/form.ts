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

const ARABIC_LETTER = /[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff]/;

/** A draft whose name is `text`, in the field of its script (the other left for the reader). */
export function draftFromText(text: string, type: EntityType = 'person'): EntityDraft {
  const name = text.replace(/\s+/g, ' ').trim();
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
