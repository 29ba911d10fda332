// The tags of a note being written or edited: each tag a chip with a remove button, and a field
// completed from the reader's own tags (lib/notes/tags.ts). ↑/↓ choose a suggestion, Enter or a
// comma adds the tag, Backspace in an empty field takes the last one off, Escape closes the
// suggestions (and only them). Used by the selection toolbar and the side panel's Notes view.
import type { Ref } from 'preact';
import { useState } from 'preact/hooks';
import { suggestTags, takeTypedTags, withTag } from '@/lib/notes/tags';
import { t } from '@/lib/ui/i18n';
import { CloseIcon } from './icons';

export interface TagFieldProps {
  /** The field's id (its label's `for`); its suggestions' ids derive from it. */
  id: string;
  tags: readonly string[];
  /** The tag being typed, not added yet (the form adds it when saving). */
  typed: string;
  onChange: (tags: string[], typed: string) => void;
  /** The reader's tags, for completion. */
  knownTags: readonly string[];
  /** Enter with nothing typed: the form's save. */
  onSubmit: () => void;
  disabled?: boolean;
  inputRef?: Ref<HTMLInputElement>;
}

export function TagField(props: TagFieldProps) {
  const { id, tags, typed, onChange, disabled } = props;
  const [active, setActive] = useState(-1);
  const suggestions = typed.trim() !== '' ? suggestTags(props.knownTags, typed, tags) : [];
  const listId = `${id}-suggestions`;

  const addTag = (raw: string) => {
    onChange(withTag(tags, raw), '');
    setActive(-1);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.isComposing) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (suggestions.length === 0) return;
      event.preventDefault();
      // -1 (the typed text) and each suggestion in turn, round and round.
      const step = event.key === 'ArrowDown' ? 1 : -1;
      const n = suggestions.length + 1;
      setActive((i) => ((i + 1 + step + n) % n) - 1);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const pick = suggestions[active];
      if (pick !== undefined) addTag(pick);
      else if (typed.trim() !== '') addTag(typed);
      else props.onSubmit();
    } else if (event.key === ',' || event.key === '،') {
      event.preventDefault();
      addTag(typed);
    } else if (event.key === 'Backspace' && typed === '' && tags.length > 0) {
      onChange(tags.slice(0, -1), '');
    } else if (event.key === 'Escape' && suggestions.length > 0) {
      // Closes the suggestions, not the form around the field.
      event.preventDefault();
      event.stopPropagation();
      onChange([...tags], '');
      setActive(-1);
    }
  };

  return (
    <div class="tag-field">
      <div class="tags">
        {tags.map((tag) => (
          <span key={tag} class="tag">
            <bdi dir="auto">{tag}</bdi>
            <button
              type="button"
              class="icon remove-tag"
              title={t('toolbarRemoveTag', tag)}
              aria-label={t('toolbarRemoveTag', tag)}
              disabled={disabled}
              onClick={() =>
                onChange(
                  tags.filter((x) => x !== tag),
                  typed,
                )
              }
            >
              <CloseIcon />
            </button>
          </span>
        ))}
        <input
          ref={props.inputRef}
          id={id}
          name="tags"
          dir="auto"
          type="text"
          role="combobox"
          autocomplete="off"
          aria-autocomplete="list"
          aria-expanded={suggestions.length > 0}
          aria-controls={listId}
          aria-activedescendant={active >= 0 && suggestions[active] ? `${listId}-${active}` : undefined}
          value={typed}
          placeholder={tags.length === 0 ? t('toolbarTagsPlaceholder') : ''}
          disabled={disabled}
          onInput={(e) => {
            const next = takeTypedTags(tags, e.currentTarget.value);
            onChange(next.tags, next.typed);
            setActive(-1);
          }}
          onKeyDown={onKeyDown}
        />
      </div>
      {suggestions.length > 0 && (
        <div class="suggestions" id={listId} role="listbox" aria-label={t('toolbarTagSuggestions')}>
          {suggestions.map((tag, i) => (
            <div
              key={tag}
              tabIndex={-1}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              dir="auto"
              onMouseDown={(e) => {
                e.preventDefault();
                addTag(tag);
              }}
            >
              {tag}
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
