import { useState } from 'preact/hooks';
import type { Entity } from '@/lib/entities/types';
import {
  draftFromEntity,
  draftFromText,
  type EntityDraft,
  entryFromDraft,
} from '@/lib/reader-dictionary/form';
import type { NewReaderEntry, ReaderEntry, ReaderEntryKind } from '@/lib/reader-dictionary/model';
import { nameFilter } from '@/lib/ui/find';
import { t, typeLabel, uiNameLanguage } from '@/lib/ui/i18n';
import { ReaderEntityForm } from '../ReaderEntityForm';
import { TypeMark } from '../TypeMark';

/** What the section asks of the background; each answers an error in words, or null when it committed. */
export interface ReaderDictionaryActions {
  save(entry: NewReaderEntry): Promise<string | null>;
  remove(id: string): Promise<string | null>;
  undoRemove(id: string): Promise<string | null>;
}

const GROUPS: { kind: ReaderEntryKind; heading: () => string }[] = [
  { kind: 'entity', heading: () => t('readerEntities') },
  { kind: 'override', heading: () => t('readerCorrections') },
  { kind: 'suppression', heading: () => t('readerSuppressions') },
  { kind: 'dismissed', heading: () => t('readerDismissed') },
];

/** The words a row of the list shows, and the forms it is searched by. */
function describe(
  entry: ReaderEntry,
  entityOf: (id: string) => Entity | undefined,
): { title: string; detail: string; forms: string[] } {
  const first = uiNameLanguage();
  const nameOf = (id: string) => entityOf(id)?.names[first] || entityOf(id)?.names.ar || id;
  switch (entry.kind) {
    case 'entity': {
      const forms = [entry.names.ar, entry.names.en, ...entry.aliases.ar, ...entry.aliases.en].filter(
        Boolean,
      );
      return {
        title: entry.names[first] || forms[0] || '',
        detail: entry.description[first] || entry.description.ar || entry.description.en,
        forms,
      };
    }
    case 'override': {
      const spellings = [...entry.aliases.ar, ...entry.aliases.en];
      const parts = [
        entry.type ? t('readerShownAs', typeLabel(entry.type, 'singular')) : '',
        spellings.length > 0 ? t('readerSpellings', spellings.join('، ')) : '',
      ].filter(Boolean);
      return {
        title: nameOf(entry.entityId),
        detail: parts.join(' · '),
        forms: [nameOf(entry.entityId), ...spellings],
      };
    }
    case 'suppression':
      return {
        title: entry.form,
        detail: `${t('readerNotEntity', nameOf(entry.entityId))} · ${entry.site ? t('readerOnSite', entry.site) : t('readerEverywhere')}`,
        forms: [entry.form, nameOf(entry.entityId)],
      };
    case 'dismissed':
      return { title: entry.form, detail: '', forms: [entry.form] };
  }
}

/**
 * Everything the reader taught the dictionary, searchable (folded like the matcher): their entities
 * (add, edit), corrections, suppressions and dismissed proposals, each deletable with Undo.
 */
export function ReaderDictionarySection({
  entries,
  entityOf,
  actions,
}: {
  entries: readonly ReaderEntry[];
  entityOf: (id: string) => Entity | undefined;
  actions: ReaderDictionaryActions;
}) {
  const [query, setQuery] = useState('');
  /** The entity being edited (its id), 'new' for the add form, or null. */
  const [editing, setEditing] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  /** Entries deleted from this page, kept in the list with Undo. */
  const [deleted, setDeleted] = useState<ReaderEntry[]>([]);
  const matches = nameFilter(query);

  const save = async (draft: EntityDraft, id?: string) => {
    const entry = entryFromDraft(draft, id);
    if ('problem' in entry) return setProblem(t('readerNeedsName'));
    const error = await actions.save(entry);
    setProblem(error);
    if (!error) setEditing(null);
  };
  const remove = async (entry: ReaderEntry) => {
    const error = await actions.remove(entry.id);
    if (error) return setProblem(error);
    setDeleted((list) => [...list, entry]);
  };
  const undo = async (entry: ReaderEntry) => {
    const error = await actions.undoRemove(entry.id);
    if (error) return setProblem(error);
    setDeleted((list) => list.filter((e) => e.id !== entry.id));
  };

  const live = new Set(entries.map((e) => e.id));
  const all = [...entries, ...deleted.filter((e) => !live.has(e.id))];
  const shown = all.filter((entry) => matches(describe(entry, entityOf).forms));
  return (
    <>
      <p class="muted">{t('readerIntro')}</p>
      <div class="filters">
        <label class="search">
          <span class="visually-hidden">{t('readerSearch')}</span>
          <input
            type="search"
            data-reader-search
            value={query}
            placeholder={t('readerSearch')}
            onInput={(e) => setQuery(e.currentTarget.value)}
          />
        </label>
        {editing !== 'new' && (
          <button
            type="button"
            class="primary"
            data-action="add-entity"
            onClick={() => {
              setProblem(null);
              setEditing('new');
            }}
          >
            {t('readerAdd')}
          </button>
        )}
      </div>
      {editing === 'new' && (
        <ReaderEntityForm
          initial={draftFromText('')}
          problem={problem}
          onSave={(d) => void save(d)}
          onCancel={() => setEditing(null)}
          onEdit={() => setProblem(null)}
        />
      )}
      {problem && editing === null && (
        <p class="form-problem" role="alert">
          {problem}
        </p>
      )}
      {all.length === 0 ? (
        <p data-empty>{t('readerNone')}</p>
      ) : shown.length === 0 ? (
        <p role="status">{t('readerNoMatch')}</p>
      ) : (
        GROUPS.map(({ kind, heading }) => {
          const rows = shown.filter((entry) => entry.kind === kind);
          if (rows.length === 0) return null;
          return (
            <section key={kind} class="reader-group" data-reader-group={kind}>
              <h3>{heading()}</h3>
              <ul class="plain-list rows">
                {rows.map((entry) => {
                  const isDeleted = !live.has(entry.id);
                  if (entry.kind === 'entity' && editing === entry.id)
                    return (
                      <li key={entry.id} data-reader-entry={entry.id}>
                        <ReaderEntityForm
                          initial={draftFromEntity(entry)}
                          problem={problem}
                          onSave={(d) => void save(d, entry.id)}
                          onCancel={() => setEditing(null)}
                          onEdit={() => setProblem(null)}
                        />
                      </li>
                    );
                  const { title, detail } = describe(entry, entityOf);
                  const type =
                    entry.kind === 'entity'
                      ? entry.type
                      : entry.kind === 'override'
                        ? (entry.type ?? entityOf(entry.entityId)?.type)
                        : undefined;
                  return (
                    <li
                      key={entry.id}
                      class="row"
                      data-reader-entry={entry.id}
                      data-deleted={isDeleted || undefined}
                    >
                      {type && <TypeMark type={type} />}
                      <span class="reader-text">
                        <bdi class="entity-name">{title}</bdi>
                        {detail && (
                          <span class="muted reader-detail" dir="auto">
                            {detail}
                          </span>
                        )}
                      </span>
                      {isDeleted ? (
                        <span class="reader-actions" role="status">
                          <span class="muted">{t('readerDeleted')}</span>
                          <button
                            type="button"
                            class="link"
                            data-action="undo"
                            onClick={() => void undo(entry)}
                          >
                            {t('undo')}
                          </button>
                        </span>
                      ) : (
                        <span class="reader-actions">
                          {entry.kind === 'entity' && (
                            <button
                              type="button"
                              class="link"
                              data-action="edit"
                              onClick={() => {
                                setProblem(null);
                                setEditing(entry.id);
                              }}
                            >
                              {t('readerEdit')}
                            </button>
                          )}
                          <button
                            type="button"
                            class="link"
                            data-action="delete"
                            onClick={() => void remove(entry)}
                          >
                            {t('readerDelete')}
                          </button>
                        </span>
                      )}
                    </li>
                  );
                })}
              </ul>
            </section>
          );
        })
      )}
    </>
  );
}
