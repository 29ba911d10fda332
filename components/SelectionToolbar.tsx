import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { NOTE_COLOURS, type NoteColour } from '@/lib/notes/model';
import { NOTE_COLOUR_HEX } from '@/lib/notes/note-styles';
import { withTag } from '@/lib/notes/tags';
import { draftFromText, type EntityDraft, entryFromDraft } from '@/lib/reader-dictionary/form';
import type { NewReaderEntry } from '@/lib/reader-dictionary/model';
import { colourLabel, t } from '@/lib/ui/i18n';
import { CloseButton } from './CloseButton';
import { ReaderEntityForm } from './ReaderEntityForm';
import { TagField } from './TagField';

export interface ToolbarDraft {
  colour: NoteColour;
  note: string;
  tags: string[];
}

export type SaveOutcome = { ok: true } | { ok: false; error: string };

/** How the toolbar opens: its buttons; straight into the note field; or saving a highlight at once. */
export type ToolbarStart = 'menu' | 'note' | 'highlight';

export interface SelectionToolbarProps {
  dir: 'ltr' | 'rtl';
  start: ToolbarStart;
  /** Focus the first control (opened from the keyboard or a menu, not by a mouse selection). */
  focus: boolean;
  /** The reader's tags, for completion. */
  knownTags: readonly string[];
  /** Resolves once the background answered: ok only when the note was committed. */
  onSave: (draft: ToolbarDraft) => Promise<SaveOutcome>;
  /** The colour chosen while writing (the page shows the passage in it meanwhile). */
  onColour?: (colour: NoteColour) => void;
  /**
   * The selected text, offered as "Add as entity" (absent: not offered, e.g. a whole passage), and
   * the save of the entity the reader makes of it (ok only once the background committed it).
   */
  entity?: { text: string; onSave: (entry: NewReaderEntry) => Promise<SaveOutcome> };
  onClose: () => void;
  /** The toolbar changed size: place it again. */
  onResize: () => void;
}

// Mouse clicks on the toolbar's buttons keep the page's selection (and focus) where they are.
const keepFocus = (event: MouseEvent) => event.preventDefault();

type Phase = 'menu' | 'note' | 'saving' | 'saved' | 'failed';

/**
 * The selection toolbar: five highlight colours and "Add note"; the note view adds a text field and
 * tags with completion from the reader's own. Shows "saved" only once the background said so; a
 * failure says what went wrong and keeps everything typed.
 */
export function SelectionToolbar(props: SelectionToolbarProps) {
  const [phase, setPhase] = useState<Phase>(props.start === 'note' ? 'note' : 'menu');
  const [editing, setEditing] = useState(props.start === 'note');
  const [colour, setColour] = useState<NoteColour>('yellow');
  const [note, setNote] = useState('');
  const [tags, setTags] = useState<string[]>([]);
  const [typed, setTyped] = useState('');
  const [error, setError] = useState('');
  /** The "Add as entity" form is open, with the draft it opened with. */
  const [entityDraft, setEntityDraft] = useState<EntityDraft | null>(null);
  const [entityName, setEntityName] = useState('');
  const root = useRef<HTMLDivElement>(null);
  const noteField = useRef<HTMLTextAreaElement>(null);
  const saving = phase === 'saving';

  const save = async (draft: ToolbarDraft) => {
    if (saving) return;
    setPhase('saving');
    setError('');
    const outcome = await props.onSave(draft);
    if (outcome.ok) setPhase('saved');
    else {
      setError(outcome.error);
      setPhase('failed');
    }
  };
  const saveDraft = () =>
    save({ colour, note: note.trim(), tags: typed.trim() ? withTag(tags, typed) : tags });

  // Once, when opened.
  useEffect(() => {
    if (props.start === 'highlight') void save({ colour: 'yellow', note: '', tags: [] });
    else if (props.start === 'note') noteField.current?.focus();
    else if (props.focus) root.current?.querySelector<HTMLElement>('button')?.focus();
  }, []);
  useLayoutEffect(() => props.onResize());
  useEffect(() => {
    if (phase !== 'saved') return;
    const timer = setTimeout(props.onClose, 1500);
    return () => clearTimeout(timer);
  }, [phase, props.onClose]);

  const openNote = () => {
    setEditing(true);
    setPhase('note');
    // The field exists after this render.
    setTimeout(() => noteField.current?.focus());
  };
  const openEntity = () => {
    if (props.entity) setEntityDraft(draftFromText(props.entity.text));
  };
  const saveEntity = async (draft: EntityDraft) => {
    if (saving || !props.entity) return;
    const entry = entryFromDraft(draft);
    if ('problem' in entry) {
      setError(t('readerNeedsName'));
      setPhase('failed');
      return;
    }
    setEntityName(draft.nameAr.trim() || draft.nameEn.trim());
    setPhase('saving');
    setError('');
    const outcome = await props.entity.onSave(entry);
    if (outcome.ok) setPhase('saved');
    else {
      // The background's words end a sentence before "What you wrote is still here".
      setError(t('toolbarSaveFailed', /[.!?؟]$/.test(outcome.error) ? outcome.error : `${outcome.error}.`));
      setPhase('failed');
    }
  };
  const pickColour = (c: NoteColour) => {
    if (!editing) {
      void save({ colour: c, note: '', tags: [] });
      return;
    }
    setColour(c);
    props.onColour?.(c);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    // The page's own shortcuts never see what the reader types here.
    event.stopPropagation();
    if (event.key === 'Escape') {
      event.preventDefault();
      props.onClose();
    }
  };
  const onNoteKey = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      void saveDraft();
    }
  };
  if (phase === 'saved')
    return (
      <div class="toolbar" role="status" data-toolbar="saved">
        <p class="notice">
          {entityDraft
            ? t('toolbarEntitySaved', entityName)
            : editing
              ? t('toolbarNoteSaved')
              : t('toolbarHighlightSaved')}
        </p>
      </div>
    );

  if (entityDraft)
    return (
      <div
        ref={root}
        class="toolbar editing entity"
        role="dialog"
        aria-label={t('toolbarAddEntity')}
        data-toolbar={phase === 'saving' ? 'saving' : 'entity'}
        onKeyDown={onKeyDown}
        onKeyUp={stop}
        onKeyPress={stop}
      >
        <div class="row">
          <p class="title">{t('toolbarAddEntity')}</p>
          <CloseButton onClose={props.onClose} />
        </div>
        <ReaderEntityForm
          initial={entityDraft}
          focus={entityDraft.nameAr ? 'nameAr' : 'nameEn'}
          problem={phase === 'failed' ? error : null}
          onSave={(draft) => void saveEntity(draft)}
          onCancel={props.onClose}
          onEdit={() => {
            if (phase === 'failed') setPhase('menu');
          }}
        />
        {saving && (
          <p class="notice" role="status">
            {t('toolbarSaving')}
          </p>
        )}
      </div>
    );

  return (
    <div
      ref={root}
      class={editing ? 'toolbar editing' : 'toolbar'}
      role="dialog"
      aria-label={t('toolbarLabel')}
      data-toolbar={phase}
      onKeyDown={onKeyDown}
      onKeyUp={stop}
      onKeyPress={stop}
    >
      <div class="row">
        <fieldset class="swatches" aria-label={editing ? t('toolbarColour') : t('toolbarHighlight')}>
          {NOTE_COLOURS.map((c) => (
            <button
              key={c}
              type="button"
              class="swatch"
              data-colour={c}
              title={colourLabel(c)}
              aria-label={colourLabel(c)}
              aria-pressed={editing ? c === colour : undefined}
              disabled={saving}
              style={`--swatch: ${NOTE_COLOUR_HEX[c]}`}
              onMouseDown={keepFocus}
              onClick={() => pickColour(c)}
            />
          ))}
        </fieldset>
        {!editing && (
          <button
            type="button"
            class="text-button add-note"
            data-action="add-note"
            disabled={saving}
            onMouseDown={keepFocus}
            onClick={openNote}
          >
            {t('toolbarAddNote')}
          </button>
        )}
        {!editing && props.entity && (
          <button
            type="button"
            class="text-button add-entity"
            data-action="add-entity"
            disabled={saving}
            onMouseDown={keepFocus}
            onClick={openEntity}
          >
            {t('toolbarAddEntity')}
          </button>
        )}
        <CloseButton onClose={props.onClose} />
      </div>
      {editing && (
        <div class="fields">
          <label class="field">
            <span class="label">{t('toolbarNoteLabel')}</span>
            <textarea
              ref={noteField}
              dir="auto"
              rows={3}
              value={note}
              placeholder={t('toolbarNotePlaceholder')}
              disabled={saving}
              onInput={(e) => setNote(e.currentTarget.value)}
              onKeyDown={onNoteKey}
            />
          </label>
          <div class="field">
            <label class="label" for="hashiya-tag-input">
              {t('toolbarTagsLabel')}
            </label>
            <TagField
              id="hashiya-tag-input"
              tags={tags}
              typed={typed}
              onChange={(nextTags, nextTyped) => {
                setTags(nextTags);
                setTyped(nextTyped);
              }}
              knownTags={props.knownTags}
              onSubmit={() => void saveDraft()}
              disabled={saving}
            />
          </div>
          <div class="actions">
            <button type="button" class="primary" data-action="save" disabled={saving} onClick={saveDraft}>
              {saving ? t('toolbarSaving') : t('toolbarSave')}
            </button>
            <button type="button" class="text-button" data-action="cancel" onClick={props.onClose}>
              {t('toolbarCancel')}
            </button>
          </div>
        </div>
      )}
      {!editing && saving && (
        <p class="notice" role="status">
          {t('toolbarSaving')}
        </p>
      )}
      {phase === 'failed' && (
        <p class="error" role="alert" data-toolbar-error>
          {t('toolbarSaveFailed', error)}
        </p>
      )}
    </div>
  );
}

const stop = (event: KeyboardEvent) => event.stopPropagation();
