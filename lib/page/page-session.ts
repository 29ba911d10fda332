// Everything the content script does on one page, free of extension APIs so it can be tested:
// analyse when asked, paint what the settings allow, step through mentions, re-analyse (bounded)
// when the article changes after load.

import { countEntities } from '../entities/count';
import type { Matcher } from '../entities/matcher';
import { highlightGroup } from '../entities/type-styles';
import type { EntityType, Mention } from '../entities/types';
import type { NotesTimings, PageReport, PageStatus } from '../messaging/protocol';
import { isActiveOn, type Settings } from '../settings/settings';
import { ligatureSafeSpan } from '../text/ligature';
import { rangesFromSortedOffsets } from '../text/text-model';
import { type ArticleRuns, articleFromRuns, type ExtractedArticle, extractArticle } from './extract';
import { indexMentions, type MentionIndex, type PlacedMention } from './mention-index';
import { measurePage, withinBounds } from './page-size';
import type { Painter } from './paint';

/** How long the focus flash stays on a mention the reader jumped to. */
export const FLASH_MS = 1600;

export interface SessionTimings {
  extractMs: number;
  matchMs: number;
  paintMs: number;
  /** The longest single task of the analysis. */
  longestTaskMs?: number;
  firstFrameMs?: number;
  /** Fetching the shipped dictionary and viewing its tables, once per page (started with the script). */
  dictionaryMs?: number;
  /**
   * How long the analysis then waited for it, or for the mentions found apart from the page, the
   * article already extracted (see prepare()).
   */
  dictionaryWaitMs?: number;
  /** The article's mentions were found apart from the page (by the background's matcher)... */
  matchedApart?: boolean;
  /** ...which took this long of the wait. */
  matchedApartMs?: number;
  /** The article was read apart from the page (a very big page: see analyseElsewhere). */
  extractedApart?: boolean;
  /** The reader's notes found and painted after the analysis (entrypoints/content/notes.ts). */
  notes?: NotesTimings;
}

/**
 * An article longer than this is matched in a task of its own after extraction, then turned into
 * ranges and painted MENTIONS_PER_TASK at a time, a task each, so the page keeps drawing frames.
 */
export const LONG_ARTICLE_CHARS = 400_000;
/**
 * A page with more text than this is not given to Readability on the page: its parse is one task
 * that grows faster than the text (47 ms for the 313,000-character article, 0.5–1.3 s for 2.6
 * million characters). Its HTML goes to a document of the extension's own instead (extractElsewhere).
 */
export const LOCAL_EXTRACTION_MAX_CHARS = 1_000_000;
export const MENTIONS_PER_TASK = 5000;

export interface PageSessionOptions {
  doc: Document;
  /**
   * `typeOf`, where the matcher has it, tells a mention's type without reading its entity's entry
   * (the shipped dictionary's file: DESIGN.md §7); painting needs nothing else of the entity.
   */
  matcher: Matcher & { typeOf?(id: string): EntityType | undefined };
  painter: Painter;
  settings: Settings;
  /** Scrolls a mention into view; injected so tests and reduced-motion users can differ. */
  reveal?: (mention: PlacedMention) => void;
  now?: () => number;
  /** Runs a task later (default: setTimeout 0); injected so tests can step through them. */
  schedule?: (task: () => void) => void;
  /**
   * Finds the article in a copy of the page's HTML parsed apart from the page (the background or an
   * offscreen document), for pages with more than LOCAL_EXTRACTION_MAX_CHARS of text. Without it,
   * or when it fails, every page is extracted on the page.
   */
  extractElsewhere?: (html: string) => Promise<ArticleRuns | null>;
  /** Defaults LONG_ARTICLE_CHARS, LOCAL_EXTRACTION_MAX_CHARS and MENTIONS_PER_TASK; smaller in tests. */
  longArticleChars?: number;
  localExtractionMaxChars?: number;
  mentionsPerTask?: number;
}

export class PageSession {
  private article: ExtractedArticle | null = null;
  private index: MentionIndex = indexMentions([]);
  /** The mentions painted now (visible ones, when highlighting is on), for hit-testing. */
  private paintedIndex: MentionIndex = indexMentions([]);
  private status: PageStatus = 'working';
  private error: string | undefined;
  private current: PlacedMention | null = null;
  /** The reader asked for this page to be analysed, whatever its size. */
  private readerAsked = false;
  /** Bumped by every analysis and reset: the tasks of an older analysis stop when they see it. */
  private generation = 0;
  private settle: (() => void) | undefined;
  /** Resolves when the latest analysis has finished (a long article's takes several tasks). */
  settled: Promise<void> = Promise.resolve();
  private flashTimer: ReturnType<typeof setTimeout> | undefined;
  lastTimings: SessionTimings = { extractMs: 0, matchMs: 0, paintMs: 0 };
  /** The article prepare() extracted, while it may still be used: see takePrepared(). */
  private prepared: Prepared | null = null;

  constructor(private readonly options: PageSessionOptions) {}

  get settings(): Settings {
    return this.options.settings;
  }

  get mentions(): MentionIndex {
    return this.index;
  }

  /** The mentions painted now: what the pointer can be over. */
  get painted(): MentionIndex {
    return this.paintedIndex;
  }

  /** The article found by the last analysis (its text model, title, byline…), or null. */
  get extracted(): ExtractedArticle | null {
    return this.article;
  }

  /** The element holding the article, for the observer to tell whether a change touched it. */
  get articleRoot(): Node | null {
    return this.article?.model.root ?? null;
  }

  get hostname(): string {
    return this.options.doc.location?.hostname ?? '';
  }

  get active(): boolean {
    return isActiveOn(this.options.settings, this.hostname);
  }

  /**
   * Extracts, matches and paints. Never throws: failures become the 'error' status. Unless the
   * reader asked (`readerAsked`, remembered for later re-analyses of the page), a page past the
   * size bounds (lib/page/page-size.ts) gets the 'too-large' status and nothing costly is done.
   */
  analyse({ readerAsked = false }: { readerAsked?: boolean } = {}): PageStatus {
    const now = this.now;
    const { doc, painter } = this.options;
    if (readerAsked) this.readerAsked = true;
    this.settle?.(); // an analysis still running in tasks is superseded
    this.generation++;
    const prepared = this.takePrepared();
    try {
      painter.clear(); // the <mark> fallback must unwrap before Readability reads the page
      const t0 = now();
      if (!prepared) {
        if (!this.readerAsked && !withinBounds(measurePage(doc))) {
          this.reset('too-large');
          this.lastTimings = { extractMs: now() - t0, matchMs: 0, paintMs: 0 };
          return this.status;
        }
        const { extractElsewhere, localExtractionMaxChars = LOCAL_EXTRACTION_MAX_CHARS } = this.options;
        if (extractElsewhere && (doc.body?.textContent?.length ?? 0) > localExtractionMaxChars) {
          this.analyseElsewhere(extractElsewhere, t0);
          return this.status;
        }
      }
      const article = prepared ? prepared.article : extractArticle(doc);
      const t1 = now();
      const extractMs = prepared ? prepared.extractMs : t1 - t0;
      if (!article) {
        this.reset('no-article');
        this.lastTimings = { extractMs, matchMs: 0, paintMs: 0 };
        return this.status;
      }
      this.article = article;
      this.index = indexMentions([]);
      this.paintedIndex = this.index;
      this.current = null;
      this.error = undefined;
      if (article.model.text.length > (this.options.longArticleChars ?? LONG_ARTICLE_CHARS)) {
        this.status = 'working';
        this.continueInTasks(article, extractMs);
        return this.status;
      }
      const placed = this.place(article, this.match(article));
      const t2 = now();
      this.index = indexMentions(placed);
      this.status = 'ready';
      this.paint();
      const t3 = now();
      this.lastTimings = {
        extractMs,
        matchMs: t2 - t1,
        paintMs: t3 - t2,
        longestTaskMs: Math.max(t3 - t0, extractMs),
      };
    } catch (error) {
      this.fail(error);
    }
    return this.status;
  }

  /**
   * Extracts the article now, for the next analyse() to match and paint, while what matching needs
   * (the dictionary) is still on its way: the wait overlaps with Readability's work. analyse() uses
   * it only if no node or text of the page changed in between (a MutationObserver tells), else it
   * extracts again. Pages past the size bounds, or read apart from the page, are left to analyse().
   * Never throws: a failure here is met again, and reported, by analyse().
   */
  prepare(): void {
    this.dropPrepared();
    const now = this.now;
    const {
      doc,
      painter,
      extractElsewhere,
      localExtractionMaxChars = LOCAL_EXTRACTION_MAX_CHARS,
    } = this.options;
    try {
      painter.clear();
      if (!this.readerAsked && !withinBounds(measurePage(doc))) return;
      if (extractElsewhere && (doc.body?.textContent?.length ?? 0) > localExtractionMaxChars) return;
      const t0 = now();
      const article = extractArticle(doc);
      const prepared: Prepared = { article, extractMs: now() - t0, changed: false, changes: null };
      prepared.changes = new MutationObserver(() => {
        prepared.changed = true;
      });
      prepared.changes.observe(doc, { subtree: true, childList: true, characterData: true });
      this.prepared = prepared;
    } catch {
      this.dropPrepared();
    }
  }

  /** The text of the article prepare() extracted, or null when it extracted none. */
  get preparedText(): string | null {
    return this.prepared?.article?.model.text ?? null;
  }

  /** What prepare() extracted, if the page did not change since; it is used once either way. */
  private takePrepared(): Prepared | null {
    const prepared = this.prepared;
    this.prepared = null;
    if (!prepared) return null;
    const changed = prepared.changed || (prepared.changes?.takeRecords().length ?? 0) > 0;
    prepared.changes?.disconnect();
    return changed ? null : prepared;
  }

  private dropPrepared(): void {
    this.prepared?.changes?.disconnect();
    this.prepared = null;
  }

  /**
   * Matches the article the last analysis found again and repaints, without extracting it again
   * (the reader changed their dictionary). Without an article, nothing happens.
   */
  rematch(): PageStatus {
    const article = this.article;
    if (!article) return this.status;
    const now = this.now;
    const { painter } = this.options;
    this.settle?.(); // an analysis still running in tasks is superseded
    this.generation++;
    try {
      const t0 = now();
      this.current = null;
      if (article.model.text.length > (this.options.longArticleChars ?? LONG_ARTICLE_CHARS)) {
        painter.clear();
        this.index = indexMentions([]);
        this.paintedIndex = this.index;
        this.status = 'working';
        this.continueInTasks(article, 0);
        return this.status;
      }
      const placed = this.place(article, this.match(article));
      const t1 = now();
      this.index = indexMentions(placed);
      this.status = 'ready';
      this.paint();
      const t2 = now();
      this.lastTimings = {
        ...this.lastTimings,
        extractMs: 0,
        matchMs: t1 - t0,
        paintMs: t2 - t1,
        longestTaskMs: t2 - t0,
      };
    } catch (error) {
      this.fail(error);
    }
    return this.status;
  }

  private get now(): () => number {
    return this.options.now ?? (() => performance.now());
  }

  /** The article's mentions, their spans widened so a painted edge never splits a glyph. */
  private match(article: ExtractedArticle): Mention[] {
    const { text } = article.model;
    // The clitic lam of لأمريكا is drawn with its alef (lib/text/ligature.ts).
    // Most spans need no widening: they are kept as they are, with no object made for them.
    return this.options.matcher.match(text).map((m) => {
      const span = ligatureSafeSpan(text, m.start, m.end);
      return span.start === m.start && span.end === m.end ? m : { ...m, ...span };
    });
  }

  /** The mentions with their types and (static) ranges in the page. */
  private place(article: ExtractedArticle, mentions: readonly Mention[]): PlacedMention[] {
    const ranges = rangesFromSortedOffsets(article.model, mentions);
    const { matcher } = this.options;
    // Asked once per entity: an article names a few entities many times.
    const types = new Map<string, EntityType | undefined>();
    const typeOf = (id: string): EntityType | undefined => {
      if (types.has(id)) return types.get(id);
      const type = matcher.typeOf ? matcher.typeOf(id) : matcher.entity(id)?.type;
      types.set(id, type);
      return type;
    };
    const placed: PlacedMention[] = [];
    for (let i = 0; i < mentions.length; i++) {
      const mention = mentions[i] as Mention;
      const type = typeOf(mention.entityId);
      const range = ranges[i];
      if (!type || !range) continue;
      const { start, end, entityId, kind } = mention;
      placed.push({ start, end, entityId, kind, type, range });
    }
    return placed;
  }

  /**
   * A long article after its extraction: matching in one task, then ranges and painting
   * MENTIONS_PER_TASK at a time, each its own task. The mentions become hoverable and steppable
   * once all are placed; an analysis or reset that comes meanwhile stops these tasks.
   */
  private continueInTasks(article: ExtractedArticle, extractMs: number, longestTaskMs = extractMs): void {
    const now = this.now;
    const generation = this.generation;
    const schedule = this.options.schedule ?? ((task: () => void) => void setTimeout(task, 0));
    this.beginSettling();
    const timings = { extractMs, matchMs: 0, paintMs: 0, longestTaskMs };
    const placed: PlacedMention[] = [];
    const perTask = this.options.mentionsPerTask ?? MENTIONS_PER_TASK;
    let mentions: Mention[] = [];
    let next = 0;
    const finish = () => {
      this.index = indexMentions(placed);
      this.paintedIndex = this.indexPainted(this.active ? this.visibleMentions() : []);
      this.status = 'ready';
      // Keep what was recorded meanwhile (the dictionary load, the first frame) beside the tasks' figures.
      this.lastTimings = { ...this.lastTimings, ...timings };
      this.settle?.();
    };
    const task = (work: () => void) =>
      schedule(() => {
        if (generation !== this.generation) return;
        const t = now();
        try {
          work();
        } catch (error) {
          this.fail(error);
          this.settle?.();
          return;
        }
        const spent = now() - t;
        timings.longestTaskMs = Math.max(timings.longestTaskMs, spent);
        if (next < mentions.length) task(paintSlice);
        else finish();
      });
    const paintSlice = () => {
      const t = now();
      const slice = this.place(article, mentions.slice(next, next + perTask));
      next += perTask;
      placed.push(...slice);
      if (this.active)
        this.options.painter.add(
          paintGroups(
            slice.filter((m) => this.isVisible(m)),
            this.options.settings.highlightStyle,
          ),
        );
      timings.paintMs += now() - t;
    };
    task(() => {
      const t = now();
      mentions = this.match(article);
      timings.matchMs = now() - t;
    });
  }

  /**
   * A big page: its HTML goes to be parsed and read apart from the page (one cheap task here), and
   * the article found there is paired back with the page's text nodes in another. When that fails
   * (or the page changed meanwhile), it is extracted on the page after all: slower, never wrong.
   */
  private analyseElsewhere(
    extractElsewhere: (html: string) => Promise<ArticleRuns | null>,
    t0: number,
  ): void {
    const now = this.now;
    const { doc } = this.options;
    const generation = this.generation;
    this.article = null;
    this.index = indexMentions([]);
    this.paintedIndex = this.index;
    this.current = null;
    this.error = undefined;
    this.status = 'working';
    const done = this.beginSettling();
    const html = doc.documentElement.outerHTML;
    const sendMs = now() - t0;
    const onPage = () => extractArticle(doc);
    void extractElsewhere(html)
      .then(
        (found) => (found ? articleFromRuns(doc, found) : null),
        () => 'mismatch' as const,
      )
      .then((result) => {
        if (generation !== this.generation) return done();
        const t1 = now();
        try {
          const article = result === 'mismatch' ? onPage() : result;
          const pairMs = now() - t1;
          if (!article) {
            this.reset('no-article');
            this.lastTimings = { extractMs: sendMs + pairMs, matchMs: 0, paintMs: 0 };
            return done();
          }
          this.article = article;
          this.continueInTasks(article, sendMs + pairMs, Math.max(sendMs, pairMs));
          this.lastTimings = { ...this.lastTimings, extractedApart: result !== 'mismatch' };
          void this.settled.then(done);
        } catch (error) {
          this.fail(error);
          done();
        }
      });
  }

  /** A new `settled` promise; returns what resolves it. */
  private beginSettling(): () => void {
    let resolve = () => {};
    this.settled = new Promise((r) => {
      resolve = r;
    });
    this.settle = resolve;
    return resolve;
  }

  /** Marks the page as not looking like an article (nothing costly done). */
  skip(): void {
    this.reset('not-article');
  }

  updateSettings(settings: Settings): void {
    this.options.settings = settings;
    this.paint();
  }

  /** Paints the mentions the settings allow; nothing when highlighting is off for this site. */
  paint(): void {
    const { painter, settings } = this.options;
    if (!this.active) {
      painter.clear();
      this.paintedIndex = indexMentions([]);
      return;
    }
    const visible = this.visibleMentions();
    this.paintedIndex = this.indexPainted(visible);
    const groups = paintGroups(visible, settings.highlightStyle);
    painter.paint(groups);
    if (this.current && settings.hiddenTypes.includes(this.current.type)) this.current = null;
  }

  /** The index of these visible mentions: with nothing hidden (the usual case), the one there is. */
  private indexPainted(visible: PlacedMention[]): MentionIndex {
    return visible.length === this.index.all.length ? this.index : indexMentions(visible);
  }

  isVisible(mention: PlacedMention): boolean {
    const { hiddenTypes, hiddenEntities } = this.options.settings;
    return !hiddenTypes.includes(mention.type) && !hiddenEntities.includes(mention.entityId);
  }

  visibleMentions(): PlacedMention[] {
    return this.index.all.filter((m) => this.isVisible(m));
  }

  report(): PageReport {
    const { doc, matcher } = this.options;
    return {
      status: this.status,
      url: doc.location?.href ?? '',
      title: this.article?.title ?? doc.title,
      entities: countEntities(this.index.all, (id) => matcher.entity(id)),
      timings: this.lastTimings,
      ...(this.error ? { error: this.error } : {}),
    };
  }

  /**
   * Moves to the next or previous visible mention (of one entity, or of any), scrolls to it and
   * flashes it. Returns the mention and its position among its entity's mentions.
   */
  step(
    direction: 1 | -1,
    entityId?: string,
  ): { mention: PlacedMention; position: number; total: number } | null {
    if (!this.active) return null;
    const from = this.current && (!entityId || this.current.entityId === entityId) ? this.current : null;
    const next = this.paintedIndex.step(from, direction, entityId);
    if (!next) return null;
    this.current = next;
    this.options.reveal?.(next);
    this.flash(next);
    const ofEntity = this.index.ofEntity(next.entityId);
    return { mention: next, position: ofEntity.indexOf(next) + 1, total: ofEntity.length };
  }

  /** The mention last hovered or stepped to, if any. */
  get currentMention(): PlacedMention | null {
    return this.current;
  }

  /** Makes `mention` the current one (hovered), so stepping continues from it. */
  setCurrent(mention: PlacedMention | null): void {
    this.current = mention;
  }

  flash(mention: PlacedMention): void {
    const { painter } = this.options;
    clearTimeout(this.flashTimer);
    painter.focus(mention.range);
    this.flashTimer = setTimeout(() => painter.focus(null), FLASH_MS);
  }

  /** Puts back highlights the page cleared; cheap, so it can run on every hover, scroll or change. */
  restorePaint(): void {
    if (this.active && this.index.all.length > 0) this.options.painter.restore();
  }

  dispose(): void {
    this.dropPrepared();
    this.generation++;
    this.settle?.();
    clearTimeout(this.flashTimer);
    this.options.painter.clear();
  }

  private fail(error: unknown): void {
    this.reset('error');
    this.error = error instanceof Error ? error.message : String(error);
  }

  private reset(status: PageStatus): void {
    this.generation++;
    this.options.painter.clear();
    this.article = null;
    this.index = indexMentions([]);
    this.paintedIndex = this.index;
    this.current = null;
    this.status = status;
    this.error = undefined;
  }
}

/** An article extracted ahead of its analysis (PageSession.prepare). */
interface Prepared {
  article: ExtractedArticle | null;
  extractMs: number;
  /** Set when the page's nodes or text changed after the extraction. */
  changed: boolean;
  changes: MutationObserver | null;
}

/** Mentions by the highlight that paints them (one per type, or the reader's chosen style). */
function paintGroups(
  mentions: readonly PlacedMention[],
  style: Settings['highlightStyle'],
): Map<string, PlacedMention[]> {
  const groups = new Map<string, PlacedMention[]>();
  for (const mention of mentions) {
    const group = highlightGroup(mention.type, style);
    const list = groups.get(group);
    if (list) list.push(mention);
    else groups.set(group, [mention]);
  }
  return groups;
}
