import { useEffect, useRef, useState } from 'preact/hooks';
import { ENTITY_TYPES } from '@/lib/entities/types';
import type { EntityDraft } from '@/lib/reader-dictionary/form';
import { t, typeLabel } from '@/lib/ui/i18n';

/**
 * The fields of an entity the reader adds or edits. Saving is the caller's (it goes through the
 * background); `problem` is what the caller says went wrong, shown under the fields.
 */
export function ReaderEntityForm({
  initial,
  problem,
  onSave,
  onCancel,
  onEdit,
  focus,
}: {
  initial: EntityDraft;
  problem: string | null;
  onSave: (draft: EntityDraft) => void;
  onCancel: () => void;
  /** The reader changed a field (a problem shown is then out of date). */
  onEdit: () => void;
  /** The field that takes the keyboard focus when the form opens (opened from the page's toolbar). */
  focus?: keyof EntityDraft;
}) {
  const [draft, setDraft] = useState(initial);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (focus) form.current?.querySelector<HTMLElement>(`[data-field="${focus}"]`)?.focus();
  }, []);
  const set = (field: keyof EntityDraft) => (event: { currentTarget: { value: string } }) => {
    setDraft({ ...draft, [field]: event.currentTarget.value });
    onEdit();
  };
  const text = (field: keyof EntityDraft, label: string, dir: 'rtl' | 'ltr' | 'auto') => (
    <label class="form-field">
      <span>{label}</span>
      <input type="text" dir={dir} data-field={field} value={draft[field]} onInput={set(field)} />
    </label>
  );
  return (
    <form
      ref={form}
      class="entity-form"
      data-entity-form
      onSubmit={(event) => {
        event.preventDefault();
        onSave(draft);
      }}
    >
      <label class="form-field">
        <span>{t('readerFieldType')}</span>
        <select data-field="type" value={draft.type} onChange={set('type')}>
          {ENTITY_TYPES.map((type) => (
            <option key={type} value={type}>
              {typeLabel(type, 'singular')}
            </option>
          ))}
        </select>
      </label>
      {text('nameAr', t('readerFieldNameAr'), 'rtl')}
      {text('nameEn', t('readerFieldNameEn'), 'ltr')}
      {text('aliases', t('readerFieldAliases'), 'auto')}
      {text('descriptionAr', t('readerFieldDescriptionAr'), 'rtl')}
      {text('descriptionEn', t('readerFieldDescriptionEn'), 'ltr')}
      {problem && (
        <p class="form-problem" role="alert">
          {problem}
        </p>
      )}
      <div class="form-actions">
        <button type="submit" class="primary" data-action="save-entity">
          {t('readerSave')}
        </button>
        <button type="button" class="link" data-action="cancel" onClick={onCancel}>
          {t('readerCancel')}
        </button>
      </div>
    </form>
  );
}
