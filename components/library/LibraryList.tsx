import { Fragment } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import {
  articleDirection,
  type LibraryRow,
  noteHref,
  oneLine,
  ROW_HEIGHT,
  rowTops,
  visibleRows,
} from '@/lib/library/view';
import { NOTE_COLOUR_HEX } from '@/lib/notes/note-styles';
import { countText, t, uiLocale } from '@/lib/ui/i18n';

const dayFormat = new Intl.DateTimeFormat(uiLocale(), { dateStyle: 'medium' });
const languageNames = new Intl.DisplayNames([uiLocale()], { type: 'language', fallback: 'code' });
/** "Arabic" / "العربية" for "ar"; the code itself when the browser does not know it. */
function languageName(code: string): string {
  if (code === '') return '';
  try {
    return languageNames.of(code) ?? code;
  } catch {
    return code; // not a well-formed language tag
  }
}
function day(iso: string): string {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? '' : dayFormat.format(time);
}

/**
 * The articles and their notes as one scrolling list that renders only the rows on screen (and a
 * few around them), so 10,000 notes cost what 30 do.
 */
export function LibraryList({ rows }: { rows: readonly LibraryRow[] }) {
  const scroller = useRef<HTMLDivElement>(null);
  const [view, setView] = useState({ top: 0, height: 800 });
  const tops = useMemo(() => rowTops(rows), [rows]);
  useEffect(() => {
    const el = scroller.current;
    if (el === null) return;
    // Not laid out (hidden, or a DOM without layout): as tall as a window.
    const measure = () => setView({ top: el.scrollTop, height: el.clientHeight || 800 });
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  // A new list (another search) starts at its top.
  useEffect(() => {
    if (scroller.current !== null) scroller.current.scrollTop = 0;
  }, [rows]);
  const { start, end } = visibleRows(tops, view.top, view.height);
  const shown: preact.JSX.Element[] = [];
  for (let i = start; i < end; i++) {
    const row = rows[i] as LibraryRow;
    shown.push(
      <li
        key={row.kind === 'article' ? `a:${row.article.id}` : `n:${row.hit.note.id}`}
        class={`library-row library-${row.kind}`}
        dir={articleDirection(row.kind === 'article' ? row.article : row.hit.article)}
        style={{ top: `${tops[i]}px`, height: `${ROW_HEIGHT[row.kind]}px` }}
      >
        {row.kind === 'article' ? <ArticleRow row={row} /> : <NoteRow row={row} />}
      </li>,
    );
  }
  return (
    <div
      ref={scroller}
      class="library-scroller"
      data-library="list"
      onScroll={(e) => setView({ top: e.currentTarget.scrollTop, height: e.currentTarget.clientHeight })}
    >
      <ul
        class="plain-list library-rows"
        aria-label={t('libraryListLabel')}
        style={{ height: `${tops[rows.length]}px` }}
      >
        {shown}
      </ul>
    </div>
  );
}

function ArticleRow({ row }: { row: Extract<LibraryRow, { kind: 'article' }> }) {
  const { article } = row;
  const facts = [
    article.site,
    day(article.created),
    languageName(article.lang),
    countText('notes', row.notes),
  ].filter((x) => x !== '');
  return (
    <div data-article={article.id}>
      <h3>
        <a href={article.url} target="_blank" rel="noreferrer" dir="auto" lang={article.lang || undefined}>
          {article.title.trim() === '' ? t('noteUntitled') : article.title}
        </a>
      </h3>
      <p class="muted library-facts">
        {facts.map((fact, i) => (
          <Fragment key={fact}>
            {i > 0 && <span aria-hidden="true">·</span>}
            <bdi>{fact}</bdi>
          </Fragment>
        ))}
      </p>
    </div>
  );
}

function NoteRow({ row }: { row: Extract<LibraryRow, { kind: 'note' }> }) {
  const { note, article } = row.hit;
  return (
    <a
      class="library-note"
      data-note={note.id}
      href={noteHref(article.url, note.id)}
      target="_blank"
      rel="noreferrer"
      title={t('noteOpen')}
    >
      <span class="library-swatch" style={{ background: NOTE_COLOUR_HEX[note.colour] }} aria-hidden="true" />
      <span class="library-note-text">
        <q dir="auto" lang={article.lang || undefined}>
          {oneLine(note.quote.exact)}
        </q>
        {note.note !== '' && <span dir="auto">{oneLine(note.note)}</span>}
        <span class="muted library-note-meta">
          <bdi>{day(note.created)}</bdi>
          {note.tags.map((tag) => (
            <bdi key={tag} class="library-tag">
              #{tag}
            </bdi>
          ))}
        </span>
      </span>
    </a>
  );
}
