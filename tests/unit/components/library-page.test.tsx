import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { LibraryPageProps, LibraryRecords } from '@/components/library/LibraryPage';
import { exportJsonLd, type HashiyaCollection } from '@/lib/export/jsonld';
import { TERM } from '@/lib/export/vocabulary';
import type { AnnotationRecord } from '@/lib/notes/model';
import { NOTE_COLOUR_HEX } from '@/lib/notes/note-styles';
import { downloadFile } from '@/lib/ui/download';
import { article, note, readerEntries, readerNote } from '../library/sample-library';
import { useUiLanguage } from '../ui/fake-i18n';

// The files the page would download, kept instead.
vi.mock('@/lib/ui/download', () => ({ downloadFile: vi.fn() }));

// The list formats dates in the UI language when its module loads: choose it first.
let LibraryPage: typeof import('@/components/library/LibraryPage').LibraryPage;
beforeAll(async () => {
  useUiLanguage('en');
  ({ LibraryPage } = await import('@/components/library/LibraryPage'));
});

afterEach(() => {
  document.body.innerHTML = '';
});

const A = article({ id: 'https://a.example/1', url: 'https://a.example/1', title: 'Albania' });
const B = article({
  id: 'https://b.example/1',
  url: 'https://b.example/1',
  title: 'Brussels',
  site: 'b.example',
});
const n = (i: number, articleId: string, exact: string, day: string): AnnotationRecord =>
  note({
    id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    articleId,
    quote: { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
    created: `2026-11-${day}T10:00:00.000Z`,
    modified: `2026-11-${day}T10:00:00.000Z`,
  });

/** A store the page reads through its props: what it holds, and every read it was asked for. */
function fakeStore(records: LibraryRecords) {
  let stored = records;
  let notify: (articleId: string) => void = () => undefined;
  const reads: string[] = [];
  const props: LibraryPageProps = {
    load: vi.fn(async () => {
      reads.push('all');
      return stored;
    }),
    loadNewest: vi.fn(async (limit: number) => {
      reads.push(`newest ${limit}`);
      const annotations = stored.annotations
        .filter((x) => x.deleted === undefined)
        .sort((a, b) => b.created.localeCompare(a.created))
        .slice(0, limit);
      return {
        articles: stored.articles.filter((a) => annotations.some((x) => x.articleId === a.id)),
        annotations,
      };
    }),
    loadArticle: vi.fn(async (articleId: string) => {
      reads.push(`article ${articleId}`);
      return {
        article: stored.articles.find((a) => a.id === articleId),
        annotations: stored.annotations.filter((x) => x.articleId === articleId),
      };
    }),
    loadReaderEntries: async () => [],
    writeImport: async () => undefined,
    onImported: () => undefined,
    watch: (onChange) => {
      notify = onChange;
      return () => undefined;
    },
    entityName: (id) => id,
  };
  return {
    props,
    reads,
    change(next: LibraryRecords, articleId: string) {
      stored = next;
      notify(articleId);
    },
  };
}

async function settle(): Promise<void> {
  // The reads resolve in microtasks; effects run after them.
  for (let i = 0; i < 5; i++) await act(() => new Promise((resolve) => setTimeout(resolve, 0)));
}

/** The store's whole read, held back until `release` is called (it answers with what was stored when it started). */
function heldLoad(load: LibraryPageProps['load']): { load: LibraryPageProps['load']; release: () => void } {
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  return {
    load: async () => {
      const snapshot = await load();
      await held;
      return snapshot;
    },
    release: () => release(),
  };
}

const quotes = (root: HTMLElement) => [...root.querySelectorAll('[data-note] q')].map((q) => q.textContent);

describe('the library page', () => {
  it('shows the newest notes, then every note; a change elsewhere re-reads only its article', async () => {
    useUiLanguage('en');
    const first = n(1, A.id, 'first on A', '01');
    const onB = n(2, B.id, 'on B', '02');
    const second = n(3, A.id, 'second on A', '03');
    const store = fakeStore({ articles: [A, B], annotations: [first, onB, second] });
    const root = document.createElement('div');
    document.body.append(root);
    render(<LibraryPage {...store.props} />, root);
    await settle();
    expect(store.reads).toEqual(['newest 32', 'all']);
    // By article, the one with the newest note first.
    expect(quotes(root)).toEqual(['second on A', 'first on A', 'on B']);
    expect(root.querySelector('[data-library="count"]')?.textContent).toBe('3 notes in 2 articles');

    // A note added to B, one on A edited and the other deleted: the page reads B, then A, alone.
    const added = n(4, B.id, 'new on B', '04');
    store.change({ articles: [A, B], annotations: [first, onB, second, added] }, B.id);
    await settle();
    expect(quotes(root)).toEqual(['new on B', 'on B', 'second on A', 'first on A']);
    const edited = {
      ...second,
      quote: { ...second.quote, exact: 'second on A, edited' },
      modified: '2026-11-05T00:00:00.000Z',
    };
    const deleted = { ...first, deleted: '2026-11-05T00:00:00.000Z' };
    store.change({ articles: [A, B], annotations: [deleted, onB, edited, added] }, A.id);
    await settle();
    expect(quotes(root)).toEqual(['new on B', 'on B', 'second on A, edited']);
    expect(store.reads).toEqual(['newest 32', 'all', `article ${B.id}`, `article ${A.id}`]);
    expect(root.querySelector('[data-library="count"]')?.textContent).toBe('3 notes in 2 articles');
  });

  it('says once, when the newest notes are on screen (before every record is read), that work which can wait may start', async () => {
    useUiLanguage('en');
    const store = fakeStore({
      articles: [A, B],
      annotations: [n(1, A.id, 'older', '01'), n(2, B.id, 'newer', '02')],
    });
    const { load, release } = heldLoad(store.props.load);
    const shownWhenListed: (string | null)[][] = [];
    const root = document.createElement('div');
    document.body.append(root);
    render(
      <LibraryPage {...store.props} load={load} onListed={() => shownWhenListed.push(quotes(root))} />,
      root,
    );
    await settle();
    expect(shownWhenListed).toEqual([['newer', 'older']]);
    release();
    await settle();
    store.change({ articles: [A, B], annotations: [n(1, A.id, 'older', '01')] }, B.id);
    await settle();
    expect(quotes(root)).toEqual(['older']);
    expect(shownWhenListed).toHaveLength(1);
  });

  it('a change heard before every record was read is read again after', async () => {
    useUiLanguage('en');
    const before = n(1, A.id, 'before', '01');
    const store = fakeStore({ articles: [A], annotations: [before] });
    const { load, release } = heldLoad(store.props.load);
    const root = document.createElement('div');
    document.body.append(root);
    // The whole read answers with what was stored when it started, after the change was heard.
    render(<LibraryPage {...store.props} load={load} />, root);
    await settle();
    store.change({ articles: [A], annotations: [before, n(2, A.id, 'during', '02')] }, A.id);
    release();
    await settle();
    expect(quotes(root)).toEqual(['during', 'before']);
    expect(store.reads).toEqual(['newest 32', 'all', `article ${A.id}`]);
  });
});

describe('the library page and the reader’s dictionary', () => {
  const linking = {
    ...readerNote(),
    articleId: A.id,
    quote: { ...readerNote().quote, exact: 'Bilal Hamdan spoke' },
  };
  const other = n(9, A.id, 'nothing linked here', '02');
  const mount = async (props: Partial<LibraryPageProps> = {}) => {
    const store = fakeStore({ articles: [A], annotations: [linking, other] });
    const root = document.createElement('div');
    document.body.append(root);
    render(<LibraryPage {...store.props} loadReaderEntries={async () => readerEntries()} {...props} />, root);
    await settle();
    return root;
  };
  const downloaded = () => {
    const file = vi.mocked(downloadFile).mock.lastCall?.[0];
    if (file === undefined) throw new Error('nothing downloaded');
    return JSON.parse(file.text) as HashiyaCollection;
  };

  it('the backup of everything holds every entry; a JSON-LD export of the notes shown, only the reader’s entities they link to', async () => {
    useUiLanguage('en');
    const root = await mount();
    await act(() => (root.querySelector('[data-action="export-all"]') as HTMLButtonElement).click());
    await settle();
    expect(downloaded()[TERM.readerEntries]).toEqual(readerEntries());

    const search = root.querySelector('[data-library="search"]') as HTMLInputElement;
    search.value = 'Bilal';
    await act(() => {
      search.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await settle();
    expect(quotes(root)).toEqual(['Bilal Hamdan spoke']);
    await act(() => (root.querySelector('[data-action="export-selection"]') as HTMLButtonElement).click());
    await settle();
    expect(downloaded().total).toBe(1);
    expect(downloaded()[TERM.readerEntries]?.map((e) => e.id)).toEqual([readerEntries()[0]?.id]);
  });

  it('an import previews the dictionary’s entries, writes them with the notes and tells the open tabs', async () => {
    useUiLanguage('en');
    const written: unknown[] = [];
    const told: [string[], boolean][] = [];
    const root = await mount({
      loadReaderEntries: async () => [],
      writeImport: async (records) => {
        written.push(records);
      },
      onImported: (ids, changed) => told.push([ids, changed]),
    });
    const backup = exportJsonLd([A], [linking, other], new Date('2026-11-29T12:00:00Z'), readerEntries());
    const input = root.querySelector('[data-import="file"]') as HTMLInputElement;
    Object.defineProperty(input, 'files', {
      value: [new File([backup.text], backup.fileName)],
      configurable: true,
    });
    await act(() => {
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await settle();
    const row = [...root.querySelectorAll('[data-counts="readerEntries"] [data-count]')].map(
      (c) => c.textContent,
    );
    expect(row).toEqual([String(readerEntries().length), '0', '0', '0']);
    expect(root.querySelector('[data-counts="readerEntries"] th')?.textContent).toBe('Your dictionary');
    await act(() => (root.querySelector('[data-action="confirm-import"]') as HTMLButtonElement).click());
    await settle();
    expect(written).toHaveLength(1);
    expect((written[0] as { readerEntries: unknown[] }).readerEntries).toHaveLength(readerEntries().length);
    expect(told).toEqual([[[], true]]);
    expect(root.querySelector('[data-notice="status"]')?.textContent).toBe(
      `Imported: 0 new or updated notes and ${readerEntries().length} entries of your dictionary.`,
    );
  });
});

describe('the library list', () => {
  it('marks each note with the colour it is painted in on the page (one source: NOTE_COLOUR_HEX)', async () => {
    useUiLanguage('en');
    const colours = ['yellow', 'green', 'blue', 'pink', 'purple'] as const;
    const notes = colours.map((colour, i) => ({ ...n(i + 1, A.id, colour, `0${i + 1}`), colour }));
    const store = fakeStore({ articles: [A], annotations: notes });
    const root = document.createElement('div');
    document.body.append(root);
    render(<LibraryPage {...store.props} />, root);
    await settle();
    const shown = [...root.querySelectorAll<HTMLElement>('[data-note]')].map((row) => ({
      quote: row.querySelector('q')?.textContent,
      swatch: row.querySelector<HTMLElement>('.library-swatch')?.style.background,
    }));
    expect(shown).toEqual(
      [...colours].reverse().map((colour) => ({ quote: colour, swatch: NOTE_COLOUR_HEX[colour] })),
    );
  });
});
