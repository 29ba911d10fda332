// Everything the content script does on one page, free of extension APIs so it can be tested:
// analyse when asked, paint what the settings allow, step through mentions, re-analyse (bounded)
// when the article changes after load.

import { countEntities } from '../entities/count';
import type { PartialMatch } from '../entities/dictionary';
import type { Matcher } from '../entities/matcher';
import { highlightGroup } from '../entities/type-styles';
import type { EntityType, Mention } from '../entities/types';
import type { NotesTimings, PageReport, PageStatus } from '../messaging/protocol';
import { isActiveOn, type Settings } from '../settings/settings';
import { ligatureSafeSpan } from '../text/ligature';
import { rangesFromSortedOffsets, type TextModel } from '../text/text-model';
import { type ArticleRuns, articleFromRuns, type ExtractedArticle, extractArticle } from './extract';
import { type IdleDeadlineLike, idleScheduler } from './idle';
import { indexMentions, type MentionIndex, type PlacedMention } from './mention-index';
import { measurePage, withinBounds } from './page-size';
import type { Painter } from './paint';
import {
  drawnBoxes,
  FIRST_PART_MIN_REST,
  firstPartEnd,
  screenBand,
  spansWithin,
  textNearScreen,
} from './screen-text';

/** How long the focus flash stays on a mention the reader jumped to. */
export const FLASH_MS = 1600;

export interface SessionTimings {
  extractMs: number;
  matchMs: number;
  paintMs: number;
  /** The longest single task of the analysis. */
  longestTaskMs?: number;
  firstFrameMs?: number;
  /**
   * An article with more than MENTIONS_AT_ONCE mentions: the work (matching, ranges, painting) before
   * the mentions on the reader's screen were painted; the others are painted in idle time.
   */
  firstScreenMs?: number;
  /** The text offsets of that first screen's mentions (none found on screen: the article's start). */
  firstScreen?: { start: number; end: number };
  /** Fetching the shipped dictionary and viewing its tables, once per page (started with the script). */
  dictionaryMs?: number;
  /**
   * How long the analysis then waited for it, or for the mentions found apart from the page, the
   * article already extracted (see prepare()).
   */
  dictionaryWaitMs?: number;
  /** The article's mentions were found apart from the page (by the background's matcher)... */
  matchedApart?: boolean;
  /** ...which took this long of the wait... */
  matchedApartMs?: number;
  /**
   * ...for this many characters of the text, the first part (a long article: lib/page/screen-text.ts
   * firstPartEnd), the rest asked for once the reader's screen was painted.
   */
  firstPartChars?: number;
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
/**
 * An article with more mentions than this has those on and near the reader's screen painted in the
 * analysis's task, and the others MENTIONS_PER_TASK at a time in the browser's idle time, so the page
 * is not held up by highlights nobody sees yet (4,050 on the 313,000-character article).
 */
export const MENTIONS_AT_ONCE = 1000;
export const MENTIONS_PER_TASK = 1000;
/** An idle slice still runs this long after it was asked for, on a page that is never idle. */
const IDLE_TIMEOUT_MS = 100;
/** Another slice is painted in the same idle task while the page stays idle longer than this. */
const IDLE_SLICE_MS = 12;

export interface PageSessionOptions {
  doc: Document;
  /**
   * `typeOf`, where the matcher has it, tells a mention's type without reading its entity's entry
   * (the shipped dictionary's file: DESIGN.md §7); painting needs nothing else of the entity.
   */
  matcher: Matcher & {
    typeOf?(id: string): EntityType | undefined;
    /** match(text) gave only the mentions before `until` so far (ShippedMatcher.partialFor). */
    partialFor?(text: string): PartialMatch | undefined;
  };
  painter: Painter;
  settings: Settings;
  /** Scrolls a mention into view; injected so tests and reduced-motion users can differ. */
  reveal?: (mention: PlacedMention) => void;
  now?: () => number;
  /**
   * Runs a task later (default: when the page is idle, or after IDLE_TIMEOUT_MS), telling it how
   * long the page stays idle (none: one slice of work); injected so tests can step through them.
   */
  schedule?: (task: (deadline?: IdleDeadlineLike) => void) => void;
  /**
   * The offsets of the article's text on or near the reader's screen, or null (default: read from
   * the page's layout, lib/page/screen-text.ts).
   */
  screenText?: (model: TextModel) => { start: number; end: number } | null;
  /**
   * Finds the article in a copy of the page's HTML parsed apart from the page (the background or an
   * offscreen document), for pages with more than LOCAL_EXTRACTION_MAX_CHARS of text. Without it,
   * or when it fails, every page is extracted on the page.
   */
  extractElsewhere?: (html: string) => Promise<ArticleRuns | null>;
  /** Defaults LONG_ARTICLE_CHARS, LOCAL_EXTRACTION_MAX_CHARS, MENTIONS_AT_ONCE and MENTIONS_PER_TASK; smaller in tests. */
  longArticleChars?: number;
  localExtractionMaxChars?: number;
  mentionsAtOnce?: number;
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
        this.continueInTasks(article, { extractMs, matchMs: 0, paintMs: 0, longestTaskMs: extractMs });
        return this.status;
      }
      this.matchAndPaint(article, { extractMs, matchMs: 0, paintMs: 0, longestTaskMs: extractMs }, t0);
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

  /**
   * Where the prepared article's text worth matching first ends: past the reader's screen, at a
   * block break (lib/page/screen-text.ts firstPartEnd); its length when it is all worth it.
   */
  preparedFirstPartEnd(): number | undefined {
    const model = this.prepared?.article?.model;
    if (!model) return undefined;
    // A short article is not split: no layout is read for it.
    if (model.text.length <= FIRST_PART_MIN_REST) return model.text.length;
    return firstPartEnd(model.text, this.screenText(model)?.end ?? null);
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
    const { painter } = this.options;
    this.settle?.(); // an analysis still running in tasks is superseded
    this.generation++;
    try {
      const t0 = this.now();
      this.current = null;
      if (article.model.text.length > (this.options.longArticleChars ?? LONG_ARTICLE_CHARS)) {
        painter.clear();
        this.index = indexMentions([]);
        this.paintedIndex = this.index;
        this.status = 'working';
        this.continueInTasks(article, {
          ...withoutFirstScreen(this.lastTimings),
          extractMs: 0,
          longestTaskMs: 0,
        });
        return this.status;
      }
      this.matchAndPaint(
        article,
        { ...withoutFirstScreen(this.lastTimings), extractMs: 0, longestTaskMs: 0 },
        t0,
      );
    } catch (error) {
      this.fail(error);
    }
    return this.status;
  }

  /**
   * Matches the article (extracted in this task, from `taskStart`) and paints its mentions: all at
   * once, or the reader's screen first when there are more than MENTIONS_AT_ONCE (paintScreenFirst).
   */
  private matchAndPaint(article: ExtractedArticle, base: SessionTimings, taskStart: number): void {
    const now = this.now;
    const t1 = now();
    const { mentions, partial } = this.match(article);
    if (partial || mentions.length > (this.options.mentionsAtOnce ?? MENTIONS_AT_ONCE)) {
      this.status = 'working';
      this.beginSettling();
      const timings = { ...base, matchMs: now() - t1, paintMs: 0 };
      this.paintScreenFirst(article, mentions, partial, timings, taskStart);
      return;
    }
    const placed = this.place(article, mentions);
    const t2 = now();
    this.index = indexMentions(placed);
    this.status = 'ready';
    this.paint();
    const t3 = now();
    this.lastTimings = {
      ...withoutFirstScreen(base),
      matchMs: t2 - t1,
      paintMs: t3 - t2,
      longestTaskMs: Math.max(t3 - taskStart, base.longestTaskMs ?? 0),
    };
  }

  private get now(): () => number {
    return this.options.now ?? (() => performance.now());
  }

  /**
   * The article's mentions (sorted by start; place() widens their spans): all of them, or, where
   * the matcher has only a first part so far, those before its end and `partial`, which asks for
   * the rest.
   */
  private match(article: ExtractedArticle): { mentions: Mention[]; partial?: PartialMatch } {
    const { matcher } = this.options;
    const { text } = article.model;
    const partial = matcher.partialFor?.(text);
    const mentions = matcher.match(text);
    if (!partial) return { mentions };
    // Other matchers (packs, the reader's entries) found theirs in the whole text.
    return { mentions: mentions.filter((m) => m.end <= partial.until), partial };
  }

  /**
   * The mentions with their types and (static) ranges in the page, their spans widened so a painted
   * edge never splits a glyph: the clitic lam of لأمريكا is drawn with its alef (lib/text/ligature.ts).
   * Done a slice at a time, so a long article's first screen widens only its own mentions.
   */
  private place(article: ExtractedArticle, found: readonly Mention[]): PlacedMention[] {
    const { text } = article.model;
    // Most spans need no widening: they are kept as they are, with no object made for them.
    const mentions = found.map((m) => {
      const span = ligatureSafeSpan(text, m.start, m.end);
      return span.start === m.start && span.end === m.end ? m : { ...m, ...span };
    });
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
   * A long article after its extraction: matched in a task of its own, then painted the reader's
   * screen first (paintScreenFirst). An analysis or reset that comes meanwhile stops these tasks.
   */
  private continueInTasks(article: ExtractedArticle, base: SessionTimings): void {
    const generation = this.generation;
    const schedule = this.options.schedule ?? idleSlices;
    this.beginSettling();
    schedule(() => {
      if (generation !== this.generation) return;
      const t = this.now();
      try {
        const { mentions, partial } = this.match(article);
        const timings = { ...base, matchMs: this.now() - t, paintMs: 0 };
        this.paintScreenFirst(article, mentions, partial, timings, t);
      } catch (error) {
        this.fail(error);
      }
    });
  }

  /**
   * Paints, in this task, the mentions on and near the reader's screen (lib/page/screen-text.ts;
   * the article's first ones where the layout tells nothing), then the others MENTIONS_PER_TASK at a
   * time in idle tasks: those after the screen, then those before it. With `partial`, `mentions` are
   * those of the text's first part only: the rest are asked for in an idle task, and painted when
   * they come. The screen's mentions answer the pointer at once; all of them are steppable, and the
   * analysis settles, once all are placed. An analysis or reset that comes meanwhile stops these tasks.
   */
  private paintScreenFirst(
    article: ExtractedArticle,
    mentions: readonly Mention[],
    partial: PartialMatch | undefined,
    timings: SessionTimings,
    taskStart: number,
  ): void {
    const now = this.now;
    const generation = this.generation;
    const settingsAtStart = this.options.settings;
    const schedule = this.options.schedule ?? idleSlices;
    const perTask = this.options.mentionsPerTask ?? MENTIONS_PER_TASK;
    const t = now();
    this.options.painter.clear();
    this.index = indexMentions([]);
    const screen = this.screenText(article.model);
    const near = screen ? spansWithin(mentions, screen.start, screen.end) : { from: 0, to: 0 };
    const from = near.from;
    const to = Math.min(
      screen ? Math.min(near.to, from + (this.options.mentionsAtOnce ?? MENTIONS_AT_ONCE)) : perTask,
      mentions.length,
    );
    const placed: PlacedMention[] = [];
    const paintSlice = (all: readonly Mention[], a: number, b: number): PlacedMention[] => {
      const started = now();
      const slice = this.place(article, all.slice(a, b));
      for (const mention of slice) placed.push(mention);
      const visible = this.active ? slice.filter((m) => this.isVisible(m)) : [];
      this.options.painter.add(paintGroups(visible, this.options.settings.highlightStyle));
      timings.paintMs += now() - started;
      return visible;
    };
    this.paintedIndex = indexMentions(paintSlice(mentions, from, to));
    timings.firstScreenMs = timings.matchMs + (now() - t);
    timings.firstScreen = screen ?? { start: 0, end: mentions[to - 1]?.end ?? 0 };
    timings.longestTaskMs = Math.max(timings.longestTaskMs ?? 0, now() - taskStart);
    this.lastTimings = timings;
    const finish = () => {
      this.index = indexMentions(placed);
      this.status = 'ready';
      // Settings changed meanwhile: the slices before were painted with the old ones.
      if (this.options.settings !== settingsAtStart) this.paint();
      else this.paintedIndex = this.indexPainted(this.active ? this.visibleMentions() : []);
      this.lastTimings = { ...this.lastTimings, ...timings };
      this.settle?.();
    };
    // The others, a slice per task at least; more while the page stays idle, so a browser that
    // repaints between tasks (Firefox, on a very long page) is not made to repaint once per slice.
    // The whole text's mentions begin with the first part's: [from, to) are painted already.
    const paintOthers = (all: readonly Mention[]): void => {
      const slices: [number, number][] = [];
      for (let i = to; i < all.length; i += perTask) slices.push([i, Math.min(i + perTask, all.length)]);
      for (let i = 0; i < from; i += perTask) slices.push([i, Math.min(i + perTask, from)]);
      let next = 0;
      const paintNext = (): void =>
        schedule((deadline) => {
          if (generation !== this.generation) return;
          const started = now();
          try {
            do {
              const [a, b] = slices[next++] as [number, number];
              paintSlice(all, a, b);
            } while (next < slices.length && (deadline?.timeRemaining() ?? 0) > IDLE_SLICE_MS);
          } catch (error) {
            this.fail(error);
            return;
          }
          timings.longestTaskMs = Math.max(timings.longestTaskMs ?? 0, now() - started);
          if (next < slices.length) paintNext();
          else finish();
        });
      if (slices.length > 0) paintNext();
      else finish();
    };
    if (!partial) {
      paintOthers(mentions);
      return;
    }
    // The rest's trip (the whole text sent, its mentions read back) waits for the page to be idle.
    schedule(() => {
      if (generation !== this.generation) return;
      partial
        .rest()
        .then((apart) => {
          if (generation !== this.generation) return;
          const started = now();
          const all = this.match(article);
          if (all.partial) throw new Error('the rest of the mentions did not come');
          timings.matchMs += now() - started + (apart?.pageMs ?? 0);
          paintOthers(all.mentions);
        })
        .catch((error: unknown) => {
          if (generation === this.generation) this.fail(error);
        });
    });
  }

  /** The offsets of the article's text on or near the reader's screen, or null when unknown. */
  private screenText(model: TextModel): { start: number; end: number } | null {
    const { doc, screenText } = this.options;
    try {
      if (screenText) return screenText(model);
      const win = doc.defaultView;
      return win ? textNearScreen(model, screenBand(win), drawnBoxes(doc)) : null;
    } catch {
      return null; // a page whose layout cannot be read: its article's start comes first
    }
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
          this.continueInTasks(article, {
            extractMs: sendMs + pairMs,
            matchMs: 0,
            paintMs: 0,
            longestTaskMs: Math.max(sendMs, pairMs),
            extractedApart: result !== 'mismatch',
          });
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

  /** Reports a failure met before the analysis could start (its dictionary unreadable). */
  failBeforeAnalysis(error: unknown): void {
    this.dropPrepared();
    this.fail(error);
  }

  private fail(error: unknown): void {
    this.reset('error');
    this.error = error instanceof Error ? error.message : String(error);
    this.settle?.(); // an analysis in tasks ends here
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

/** A long article's slices: run when the page is idle, or after IDLE_TIMEOUT_MS on a page that never is. */
const idleSlices = idleScheduler(globalThis, IDLE_TIMEOUT_MS);

/** Timings without the first screen's figures, which only an analysis painting that way sets. */
function withoutFirstScreen(timings: SessionTimings): SessionTimings {
  const { firstScreenMs: _ms, firstScreen: _offsets, ...rest } = timings;
  return rest;
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
