import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { exportCsv } from '@/lib/export/csv';
import type { ExportFile } from '@/lib/export/file-name';
import { exportJsonLd, linkedReaderEntities } from '@/lib/export/jsonld';
import { exportMarkdown } from '@/lib/export/markdown';
import { importSizeError } from '@/lib/import/limits';
import { type ImportCounts, type ImportPreview, previewImport } from '@/lib/import/preview';
import { entityIndex, tagCounts } from '@/lib/library/entity-index';
import { groupHits, type LibraryFilters, LibraryIndex } from '@/lib/library/search';
import {
  dayRange,
  LIBRARY_MARKS,
  libraryRows,
  selectionRecords,
  siteCounts,
  touchedArticleIds,
} from '@/lib/library/view';
import { cleanArticleUrl } from '@/lib/notes/article-identity';
import { type AnnotationRecord, type ArticleRecord, NOTE_COLOURS, type NoteColour } from '@/lib/notes/model';
import type { ReaderEntry } from '@/lib/reader-dictionary/model';
import { downloadFile } from '@/lib/ui/download';
import { colourLabel, countText, type MessageKey, t } from '@/lib/ui/i18n';
import { SearchIcon } from '../icons';
import { LibraryList } from './LibraryList';

export interface LibraryRecords {
  articles: ArticleRecord[];
  annotations: AnnotationRecord[];
}

export interface LibraryPageProps {
  /** Every stored record (tombstones too: a backup keeps them). */
  load: () => Promise<LibraryRecords>;
  /** The newest notes (not deleted) and their articles: the first screen, shown before everything is read. */
  loadNewest: (limit: number) => Promise<LibraryRecords>;
  /** One article and all its notes as stored now (tombstones too). */
  loadArticle: (
    articleId: string,
  ) => Promise<{ article: ArticleRecord | undefined; annotations: AnnotationRecord[] }>;
  /** Every entry of the reader's dictionary, tombstones too (the backup carries them). */
  loadReaderEntries: () => Promise<ReaderEntry[]>;
  /**
   * Writes an import's records, notes and the reader's dictionary entries, in one transaction;
   * rejects with words a reader understands.
   */
  writeImport: (records: ImportPreview['toPut']) => Promise<void>;
  /** After an import committed: tell the other open views (and tabs, when the dictionary changed). */
  onImported: (articleIds: string[], readerDictionaryChanged: boolean) => void;
  /** Calls back with the article whose notes changed elsewhere; returns the unsubscribe. */
  watch: (onChange: (articleId: string) => void) => () => void;
  /** The entity's name in the UI language. */
  entityName: (id: string) => string;
  /** Called once, when the first screen of notes has been shown: work that can wait starts then. */
  onListed?: () => void;
  now?: () => Date;
}

type ExportFormat = 'jsonld' | 'md' | 'csv';
const EXPORTERS: Record<ExportFormat, typeof exportJsonLd> = {
  jsonld: exportJsonLd,
  md: exportMarkdown,
  csv: exportCsv,
};
const FORMAT_LABELS: Record<ExportFormat, MessageKey> = {
  jsonld: 'formatJsonLd',
  md: 'formatMarkdown',
  csv: 'formatCsv',
};

/**
 * Notes read first, newest first: more than a tall window shows (a 2,160-pixel screen holds 26 notes
 * of one article); each is one more article to read before the first screen.
 */
const FIRST_SCREEN = 32;

/** How many entities the filter list offers (the most noted). */
const ENTITY_CHOICES = 40;

interface Notice {
  kind: 'status' | 'error';
  text: string;
}

const articleIdOf = (url: string) => cleanArticleUrl(url) ?? url;

/** The library: every note across articles, searched and filtered, exported and imported. */
export function LibraryPage({
  load,
  loadNewest,
  loadArticle,
  loadReaderEntries,
  writeImport,
  onImported,
  watch,
  entityName,
  onListed,
  now = () => new Date(),
}: LibraryPageProps) {
  // One index for the page's life, changed in place; `version` counts its changes for the memos.
  const [index, setIndex] = useState<LibraryIndex | null>(null);
  const [version, setVersion] = useState(0);
  // False while the index holds only the first screen (the newest notes), until every record is read.
  const [complete, setComplete] = useState(false);
  // Articles changed before every record was read: read again once it has been.
  const changedWhileLoading = useRef<Set<string> | null>(new Set());
  const [query, setQuery] = useState('');
  const [tag, setTag] = useState('');
  const [colour, setColour] = useState('');
  const [site, setSite] = useState('');
  const [fromDay, setFromDay] = useState('');
  const [toDay, setToDay] = useState('');
  const [entityIds, setEntityIds] = useState<string[]>([]);
  const [format, setFormat] = useState<ExportFormat>('jsonld');
  const [notice, setNotice] = useState<Notice | null>(null);
  const [pending, setPending] = useState<{ fileName: string; preview: ImportPreview } | null>(null);
  const [dragging, setDragging] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);

  const showError = (error: unknown) =>
    setNotice({ kind: 'error', text: error instanceof Error ? error.message : String(error) });

  // The newest notes are shown first; everything is read once, behind them; after that a
  // 'notes-changed' re-reads only the article it names and changes the index in place (10,000
  // notes re-read and re-indexed per change cost seconds). Started as the first render is committed
  // (a layout effect), not a frame later as an effect would be: the first screen waits for this read.
  useLayoutEffect(() => {
    let current: LibraryIndex | null = null;
    const refresh = (articleId: string) => {
      const into = current;
      if (into === null) {
        changedWhileLoading.current?.add(articleId);
        return;
      }
      loadArticle(articleId).then(({ article, annotations }) => {
        // An import's own notes come back unchanged: nothing to list again.
        if (into.replaceArticle(articleId, article, annotations)) setVersion((v) => v + 1);
      }, showError);
    };
    const stop = watch(refresh);
    // One after the other: side by side, the first screen waited for the whole read (npm run bench).
    loadNewest(FIRST_SCREEN)
      .then(
        (records) => setIndex(new LibraryIndex(records.articles, records.annotations)),
        () => undefined, // the whole read reports the error
      )
      .then(load)
      .then((records) => {
        current = new LibraryIndex(records.articles, records.annotations);
        setIndex(current);
        setComplete(true);
        void current.buildIndexInBackground().then(() => performance.mark(LIBRARY_MARKS.indexed));
        for (const articleId of changedWhileLoading.current ?? []) refresh(articleId);
        changedWhileLoading.current = null;
      }, showError);
    return stop;
  }, []);

  // An effect runs after the browser painted the render: the notes are on screen by then.
  const listed = useRef(false);
  useEffect(() => {
    if (index !== null && !listed.current) {
      listed.current = true;
      performance.mark(LIBRARY_MARKS.listed);
      onListed?.();
    }
    if (complete) performance.mark(LIBRARY_MARKS.complete);
  }, [index, complete]);

  const live = useMemo(() => index?.all() ?? [], [index, version]);
  const tags = useMemo(() => tagCounts(live), [live]);
  const sites = useMemo(() => siteCounts(live, (id) => index?.article(id)), [live]);
  const entities = useMemo(() => entityIndex(live).slice(0, ENTITY_CHOICES), [live]);

  const filters: LibraryFilters = {
    ...(tag !== '' && { tags: [tag] }),
    ...(colour !== '' && { colours: [colour as NoteColour] }),
    ...(site !== '' && { sites: [site] }),
    ...dayRange(fromDay, toDay),
    ...(entityIds.length > 0 && { entityIds }),
  };
  const filterKey = JSON.stringify(filters);
  const hits = useMemo(() => index?.search(query, filters) ?? [], [index, version, query, filterKey]);
  const groups = useMemo(() => groupHits(hits), [hits]);
  const rows = useMemo(() => libraryRows(groups), [groups]);
  const filtered = query.trim() !== '' || filterKey !== '{}';

  const clearFilters = () => {
    setTag('');
    setColour('');
    setSite('');
    setFromDay('');
    setToDay('');
    setEntityIds([]);
  };

  /**
   * Exports these notes. The JSON-LD backup also carries the reader's dictionary: every entry for
   * everything, only the reader's entities the notes link to for a selection (linkedReaderEntities).
   */
  const save = (records: LibraryRecords, readerEntries: readonly ReaderEntry[] = []) => {
    const withEntries = format === 'jsonld' ? readerEntries : [];
    if (
      records.annotations.every((n) => n.deleted !== undefined) &&
      withEntries.every((e) => e.deleted !== undefined)
    ) {
      setNotice({ kind: 'status', text: t('exportNothing') });
      return;
    }
    const file: ExportFile =
      format === 'jsonld'
        ? exportJsonLd(records.articles, records.annotations, now(), withEntries)
        : EXPORTERS[format](records.articles, records.annotations, now());
    downloadFile(file);
    setNotice({ kind: 'status', text: t('exportDone', file.fileName) });
  };

  const readFile = async (file: File) => {
    setPending(null);
    const tooBig = importSizeError(file.size);
    if (tooBig !== null) {
      setNotice({ kind: 'error', text: tooBig });
      return;
    }
    setNotice({ kind: 'status', text: t('importReading') });
    try {
      const text = await file.text();
      const [stored, readerEntries] = await Promise.all([load(), loadReaderEntries()]);
      const preview = previewImport(text, { ...stored, readerEntries }, { articleIdOf, now: now() });
      if (!preview.ok) {
        setNotice({ kind: 'error', text: preview.error });
        return;
      }
      setNotice(null);
      setPending({ fileName: file.name, preview });
    } catch (error) {
      setNotice({
        kind: 'error',
        text: t('importFailed', error instanceof Error ? error.message : String(error)),
      });
    }
  };

  const confirmImport = async () => {
    if (pending === null) return;
    const { toPut } = pending.preview;
    setPending(null);
    try {
      await writeImport(toPut);
      setNotice({
        kind: 'status',
        text:
          toPut.readerEntries.length > 0
            ? t('importDoneWithDictionary', [
                String(toPut.annotations.length),
                String(toPut.readerEntries.length),
              ])
            : t('importDone', String(toPut.annotations.length)),
      });
      onImported(touchedArticleIds(toPut), toPut.readerEntries.length > 0);
      // What was written is known: it goes into the index as it is, without reading anything back
      // (or, before every record was read, once they have been).
      const pendingReads = changedWhileLoading.current;
      if (pendingReads !== null) for (const id of touchedArticleIds(toPut)) pendingReads.add(id);
      else if (index !== null) {
        for (const article of toPut.articles) index.putArticle(article);
        for (const note of toPut.annotations) index.putNote(note);
        setVersion((v) => v + 1);
      }
    } catch (error) {
      setNotice({
        kind: 'error',
        text: t('importFailed', error instanceof Error ? error.message : String(error)),
      });
    }
  };

  useEffect(() => {
    const over = (event: DragEvent) => {
      if (!event.dataTransfer?.types.includes('Files')) return;
      event.preventDefault();
      setDragging(true);
    };
    const leave = (event: DragEvent) => {
      if (event.relatedTarget === null) setDragging(false);
    };
    const drop = (event: DragEvent) => {
      event.preventDefault();
      setDragging(false);
      const file = event.dataTransfer?.files[0];
      if (file !== undefined) void readFile(file);
    };
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  });

  const articleCount = groups.length;
  return (
    <div class={`library${dragging ? ' library-dragging' : ''}`}>
      <header class="library-head">
        <span class="brand">
          <img src="/icon/48.png" width={28} height={28} alt="" />
          <h1>{t('libraryTitle')}</h1>
        </span>
        <p class="muted">{t('libraryIntro')}</p>
      </header>
      <div class="library-body">
        <aside class="library-side">
          <section aria-labelledby="filters-heading" class="library-box">
            <h2 id="filters-heading">{t('libraryFilters')}</h2>
            <label class="library-field">
              <span>{t('filterTag')}</span>
              <select data-filter="tag" value={tag} onChange={(e) => setTag(e.currentTarget.value)}>
                <option value="">{t('filterAny')}</option>
                {tags.map((x) => (
                  <option key={x.tag} value={x.tag} dir="auto">
                    {x.tag} ({x.notes})
                  </option>
                ))}
              </select>
            </label>
            <label class="library-field">
              <span>{t('filterColour')}</span>
              <select data-filter="colour" value={colour} onChange={(e) => setColour(e.currentTarget.value)}>
                <option value="">{t('filterAny')}</option>
                {NOTE_COLOURS.map((c) => (
                  <option key={c} value={c}>
                    {colourLabel(c)}
                  </option>
                ))}
              </select>
            </label>
            <label class="library-field">
              <span>{t('filterSite')}</span>
              <select data-filter="site" value={site} onChange={(e) => setSite(e.currentTarget.value)}>
                <option value="">{t('filterAny')}</option>
                {sites.map((x) => (
                  <option key={x.site} value={x.site}>
                    {x.site} ({x.notes})
                  </option>
                ))}
              </select>
            </label>
            <div class="library-dates">
              <label class="library-field">
                <span>{t('filterFrom')}</span>
                <input
                  type="date"
                  data-filter="from"
                  value={fromDay}
                  onChange={(e) => setFromDay(e.currentTarget.value)}
                />
              </label>
              <label class="library-field">
                <span>{t('filterTo')}</span>
                <input
                  type="date"
                  data-filter="to"
                  value={toDay}
                  onChange={(e) => setToDay(e.currentTarget.value)}
                />
              </label>
            </div>
            {entities.length > 0 && (
              <fieldset class="library-entities">
                <legend>{t('filterEntities')}</legend>
                <ul class="plain-list">
                  {entities.map((e) => {
                    const on = entityIds.includes(e.entityId);
                    return (
                      <li key={e.entityId}>
                        <button
                          type="button"
                          class="chip"
                          data-entity={e.entityId}
                          aria-pressed={on}
                          onClick={() =>
                            setEntityIds(
                              on ? entityIds.filter((x) => x !== e.entityId) : [...entityIds, e.entityId],
                            )
                          }
                        >
                          <bdi>{entityName(e.entityId)}</bdi> <span class="muted">{e.notes}</span>
                        </button>
                      </li>
                    );
                  })}
                </ul>
              </fieldset>
            )}
            {filterKey !== '{}' && (
              <button type="button" class="link" data-action="clear-filters" onClick={clearFilters}>
                {t('filterClear')}
              </button>
            )}
          </section>
          <section aria-labelledby="export-heading" class="library-box">
            <h2 id="export-heading">{t('exportHeading')}</h2>
            <label class="library-field">
              <span>{t('exportFormat')}</span>
              <select
                data-export="format"
                value={format}
                onChange={(e) => setFormat(e.currentTarget.value as ExportFormat)}
              >
                {(Object.keys(EXPORTERS) as ExportFormat[]).map((f) => (
                  <option key={f} value={f}>
                    {t(FORMAT_LABELS[f])}
                  </option>
                ))}
              </select>
            </label>
            <div class="library-actions">
              {filtered && complete && (
                <button
                  type="button"
                  class="secondary"
                  data-action="export-selection"
                  onClick={() => {
                    const records = selectionRecords(hits, (id) => index?.article(id));
                    if (format !== 'jsonld') save(records);
                    else
                      void loadReaderEntries().then(
                        (entries) => save(records, linkedReaderEntities(entries, records.annotations)),
                        showError,
                      );
                  }}
                >
                  {t('exportSelection')}
                </button>
              )}
              <button
                type="button"
                class="secondary"
                data-action="export-all"
                onClick={() =>
                  void Promise.all([load(), loadReaderEntries()]).then(
                    ([records, entries]) => save(records, entries),
                    showError,
                  )
                }
              >
                {t('exportAll')}
              </button>
            </div>
          </section>
          <section aria-labelledby="import-heading" class="library-box">
            <h2 id="import-heading">{t('importHeading')}</h2>
            <input
              ref={fileInput}
              type="file"
              class="visually-hidden"
              data-import="file"
              tabIndex={-1}
              aria-hidden="true"
              accept=".jsonld,.json,application/ld+json,application/json"
              onChange={(e) => {
                const file = e.currentTarget.files?.[0];
                e.currentTarget.value = '';
                if (file !== undefined) void readFile(file);
              }}
            />
            <button
              type="button"
              class="secondary"
              data-action="import"
              onClick={() => fileInput.current?.click()}
            >
              {t('importButton')}
            </button>
            <p class="muted library-hint">{t('importDrop')}</p>
          </section>
        </aside>
        <main class="library-main">
          <label class="search library-search">
            <SearchIcon />
            <span class="visually-hidden">{t('librarySearch')}</span>
            <input
              type="search"
              data-library="search"
              dir="auto"
              placeholder={t('librarySearch')}
              value={query}
              onInput={(e) => setQuery(e.currentTarget.value)}
            />
          </label>
          {notice !== null && (
            <p
              class={`library-notice library-notice-${notice.kind}`}
              role={notice.kind === 'error' ? 'alert' : 'status'}
              data-notice={notice.kind}
            >
              {notice.text}
            </p>
          )}
          {pending !== null && (
            <ImportDialog
              fileName={pending.fileName}
              preview={pending.preview}
              onConfirm={() => void confirmImport()}
              onCancel={() => setPending(null)}
            />
          )}
          {index === null || (!complete && live.length === 0) ? (
            <p class="muted">{t('libraryLoading')}</p>
          ) : live.length === 0 ? (
            <p class="muted" data-library="empty">
              {t('libraryEmpty')}
            </p>
          ) : (
            <>
              {complete ? (
                <p class="muted library-count" data-library="count" aria-live="polite">
                  {t('libraryShowing', [countText('notes', hits.length), String(articleCount)])}
                </p>
              ) : (
                <p class="muted library-count">{t('libraryLoading')}</p>
              )}
              {rows.length === 0 ? <p class="muted">{t('libraryNoMatch')}</p> : <LibraryList rows={rows} />}
            </>
          )}
        </main>
      </div>
      {dragging && (
        <div class="library-drop" aria-hidden="true">
          {t('importDropHere')}
        </div>
      )}
    </div>
  );
}

function ImportDialog({
  fileName,
  preview,
  onConfirm,
  onCancel,
}: {
  fileName: string;
  preview: ImportPreview;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const confirm = useRef<HTMLButtonElement>(null);
  useEffect(() => confirm.current?.focus(), []);
  const changes =
    preview.toPut.annotations.length + preview.toPut.articles.length + preview.toPut.readerEntries.length;
  const rows: [MessageKey, ImportCounts, string][] = [
    ['importRowArticles', preview.articles, 'articles'],
    ['importRowNotes', preview.notes, 'notes'],
  ];
  // Only a Hashiya backup can carry the reader's dictionary.
  if (preview.format === 'hashiya')
    rows.push(['importRowReaderEntries', preview.readerEntries, 'readerEntries']);
  const columns: [MessageKey, keyof ImportPreview['notes']][] = [
    ['importColumnNew', 'new'],
    ['importColumnUpdated', 'updated'],
    ['importColumnUnchanged', 'unchanged'],
    ['importColumnInvalid', 'invalid'],
  ];
  return (
    <section
      class="library-box library-preview"
      role="dialog"
      aria-labelledby="preview-heading"
      data-import="preview"
    >
      {/* The file's name isolated, so "hashiya-2026-11-29.jsonld" keeps its order in an Arabic sentence. */}
      <h2 id="preview-heading">{t('importPreviewTitle', `\u2068${fileName}\u2069`)}</h2>
      <table>
        <thead>
          <tr>
            <td />
            {columns.map(([label]) => (
              <th key={label} scope="col">
                {t(label)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map(([label, counts, key]) => (
            <tr key={key} data-counts={key}>
              <th scope="row">{t(label)}</th>
              {columns.map(([, column]) => (
                <td key={column} data-count={column}>
                  {counts[column]}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {preview.invalid.length > 0 && (
        <details>
          <summary>{t('importProblems')}</summary>
          <ul data-import="problems">
            {preview.invalid.slice(0, 200).map((p) => (
              <li key={`${p.item}:${p.reason}`} dir="auto">
                {p.item}: {p.reason}
              </li>
            ))}
          </ul>
        </details>
      )}
      {changes === 0 && <p class="muted">{t('importNothingNew')}</p>}
      <div class="library-actions">
        <button
          ref={confirm}
          type="button"
          class="primary"
          data-action="confirm-import"
          disabled={changes === 0}
          onClick={onConfirm}
        >
          {t('importConfirm')}
        </button>
        <button type="button" class="secondary" data-action="cancel-import" onClick={onCancel}>
          {t('importCancel')}
        </button>
      </div>
    </section>
  );
}
