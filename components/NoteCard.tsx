// The card over a hovered note: the reader's note and tags, Edit and Delete. It shows the reader's
// own words, so it is only ever mounted in a closed shadow root (components/note-card-layer.tsx).
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { LIMIT } from '@/lib/notes/limits';
import { type AnnotationRecord, NOTE_COLOURS, type NoteColour } from '@/lib/notes/model';
import type { NoteDraft } from '@/lib/notes/note-edit';
import { NOTE_COLOUR_HEX } from '@/lib/notes/note-styles';
import { withTag } from '@/lib/notes/tags';
import { type MessageKey, t } from '@/lib/ui/i18n';
import { CloseIcon } from './icons';
import { TagField } from './TagField';

export type NoteCardState =
  | { kind: 'view'; error?: string }
  /** `focus`: the editor takes the focus as it opens (from Edit; not when a hover brings a draft back). */
  | { kind: 'edit'; draft: NoteDraft; saving: boolean; error?: string; focus?: boolean }
  | { kind: 'deleted'; error?: string };

/** An entity named inside the note's passage: one line on the card, and a way to its own card. */
export interface NoteCardEntity {
  id: string;
  name: string;
  type: string;
}

export interface NoteCardProps {
  note: AnnotationRecord;
  state: NoteCardState;
  entities: readonly NoteCardEntity[];
  /** Every tag the reader uses, for suggestions while editing. */
  allTags: readonly string[];
  onEdit: () => void;
  onDraft: (draft: NoteDraft) => void;
  onSave: (draft: NoteDraft) => void;
  onCancel: () => void;
  onDelete: () => void;
  onUndo: () => void;
  onClose: () => void;
  /** `keyboard`: the button was pressed from the keyboard (the entity card then takes the focus). */
  onEntity: (id: string, keyboard: boolean) => void;
}

const COLOUR_LABELS: Record<NoteColour, MessageKey> = {
  yellow: 'colourYellow',
  green: 'colourGreen',
  blue: 'colourBlue',
  pink: 'colourPink',
  purple: 'colourPurple',
};

// Buttons of a card opened by the pointer keep the page's focus where it was.
const keepFocus = (event: MouseEvent) => event.preventDefault();

export function NoteCard(props: NoteCardProps) {
  const { note, state } = props;
  const close = (
    <button
      type="button"
      class="icon close"
      title={t('cardClose')}
      aria-label={t('cardClose')}
      onMouseDown={keepFocus}
      onClick={props.onClose}
    >
      <CloseIcon />
    </button>
  );
  const colour = state.kind === 'edit' ? state.draft.colour : note.colour;
  const head = (
    <div class="card-head">
      <span class="type">
        <span class="note-dot" style={{ background: NOTE_COLOUR_HEX[colour] }} aria-hidden="true" />
        {t('noteCardLabel')}
      </span>
      {close}
    </div>
  );
  if (state.kind === 'deleted')
    return (
      <div class="card note-card" role="dialog" aria-label={t('noteCardLabel')} data-state="deleted">
        <div class="card-head">
          <p class="notice" role="status">
            {t('noteDeleted')}
          </p>
          {close}
        </div>
        {state.error && (
          <p class="note-error" role="alert">
            {state.error}
          </p>
        )}
        <button type="button" class="text-button" data-action="undo" onClick={props.onUndo}>
          {t('undo')}
        </button>
      </div>
    );
  if (state.kind === 'edit')
    return (
      <div class="card note-card" role="dialog" aria-label={t('noteCardLabel')} data-state="edit">
        {head}
        <NoteEditor {...props} state={state} />
      </div>
    );
  return (
    <div class="card note-card" role="dialog" aria-label={t('noteCardLabel')} data-state="view">
      {head}
      {note.note ? (
        <p class="note-text" dir="auto" data-note-text>
          {note.note}
        </p>
      ) : (
        <p class="note-empty">{t('noteNoText')}</p>
      )}
      {note.tags.length > 0 && (
        <ul class="note-tags" aria-label={t('noteTagsLabel')}>
          {note.tags.map((tag) => (
            <li key={tag} class="tag">
              <bdi dir="auto">{tag}</bdi>
            </li>
          ))}
        </ul>
      )}
      {props.entities.length > 0 && (
        <div class="note-entities">
          <span class="note-entities-label">{t('noteInPassage')}</span>
          {props.entities.map((entity) => (
            <button
              key={entity.id}
              type="button"
              class="entity-link"
              data-entity={entity.id}
              title={t('noteAboutEntity', entity.name)}
              onMouseDown={keepFocus}
              onClick={(event) => props.onEntity(entity.id, event.detail === 0)}
            >
              <bdi dir="auto">{entity.name}</bdi>
              <span class="entity-type"> · {entity.type}</span>
            </button>
          ))}
        </div>
      )}
      {state.error && (
        <p class="note-error" role="alert">
          {state.error}
        </p>
      )}
      <div class="card-foot note-actions">
        <button type="button" class="text-button" data-action="edit" onClick={props.onEdit}>
          {t('noteEdit')}
        </button>
        <button
          type="button"
          class="text-button"
          data-action="delete"
          onMouseDown={keepFocus}
          onClick={props.onDelete}
        >
          {t('noteDelete')}
        </button>
      </div>
    </div>
  );
}

function NoteEditor(props: NoteCardProps & { state: Extract<NoteCardState, { kind: 'edit' }> }) {
  const { draft, saving, error, focus } = props.state;
  const [typedTag, setTypedTag] = useState('');
  const textRef = useRef<HTMLTextAreaElement>(null);
  // As the editor is drawn, not after the next frame: Edit's button is gone by then, and keys typed
  // meanwhile (on a busy page that frame comes late) would go to the page instead of the note.
  useLayoutEffect(() => {
    if (focus) textRef.current?.focus();
  }, [focus]);
  const update = (change: Partial<NoteDraft>) => props.onDraft({ ...draft, ...change });
  /** The draft with the half-typed tag added, as saving it means. */
  const final = (): NoteDraft => ({ ...draft, tags: withTag(draft.tags, typedTag) });
  return (
    <form
      class="note-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (!saving) props.onSave(final());
      }}
    >
      <label class="field-label" for="note-text">
        {t('noteTextLabel')}
      </label>
      <textarea
        id="note-text"
        ref={textRef}
        dir="auto"
        rows={4}
        maxLength={LIMIT.note}
        value={draft.note}
        onInput={(event) => update({ note: event.currentTarget.value })}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && !saving) {
            event.preventDefault();
            props.onSave(final());
          }
        }}
      />
      <label class="field-label" for="note-tag">
        {t('noteTagsLabel')}
      </label>
      <TagField
        id="note-tag"
        tags={draft.tags}
        typed={typedTag}
        onChange={(tags, typed) => {
          update({ tags });
          setTypedTag(typed);
        }}
        knownTags={props.allTags}
        onSubmit={() => {
          if (!saving) props.onSave(final());
        }}
        disabled={saving}
      />
      <fieldset class="note-colours">
        <legend class="field-label">{t('noteColourLabel')}</legend>
        {NOTE_COLOURS.map((option) => (
          <label key={option} class="swatch" data-swatch={option} title={t(COLOUR_LABELS[option])}>
            <input
              type="radio"
              name="note-colour"
              value={option}
              data-colour={option}
              checked={draft.colour === option}
              aria-label={t(COLOUR_LABELS[option])}
              onChange={() => update({ colour: option })}
            />
            <span class="swatch-dot" style={{ background: NOTE_COLOUR_HEX[option] }} aria-hidden="true" />
          </label>
        ))}
      </fieldset>
      {error && (
        <p class="note-error" role="alert">
          {error}
        </p>
      )}
      <div class="card-foot note-actions">
        <button type="submit" class="primary" data-action="save" disabled={saving}>
          {saving ? t('noteSaving') : t('noteSave')}
        </button>
        <button type="button" class="text-button" data-action="cancel" onClick={props.onCancel}>
          {t('noteCancel')}
        </button>
      </div>
    </form>
  );
}
