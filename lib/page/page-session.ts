// Everything the content script does on one page, free of extension APIs so it can be tested:
// analyse when asked, paint what the settings allow, step through mentions, re-analyse (bounded)
// when the article changes after load.

import { countEntities } from '../entities/count';
import type { Matcher } from '../entities/matcher';
import { highlightGroup } from '../entities/type-styles';
import type { PageReport, PageStatus } from '../messaging/protocol';
import { isActiveOn, type Settings } from '../settings/settings';
import { ligatureSafeSpan } from '../text/ligature';
import { rangesFromSortedOffsets } from '../text/text-model';
import { type ExtractedArticle, extractArticle } from './extract';
import { indexMentions, type MentionIndex, type PlacedMention } from './mention-index';
import type { Painter } from './paint';

/** How long the focus flash stays on a mention the reader jumped to. */
export const FLASH_MS = 1600;

export interface SessionTimings {
  extractMs: number;
  matchMs: number;
  paintMs: number;
  firstFrameMs?: number;
  /** Fetching and compiling the shipped dictionary, once per page. */
  dictionaryMs?: number;
}

export interface PageSessionOptions {
  doc: Document;
  matcher: Matcher;
  painter: Painter;
  settings: Settings;
  /** Scrolls a mention into view; injected so tests and reduced-motion users can differ. */
  reveal?: (mention: PlacedMention) => void;
  now?: () => number;
}

export class PageSession {
  private article: ExtractedArticle | null = null;
  private index: MentionIndex = indexMentions([]);
  /** The mentions painted now (visible ones, when highlighting is on), for hit-testing. */
  private paintedIndex: MentionIndex = indexMentions([]);
  private status: PageStatus = 'working';
  private error: string | undefined;
  private current: PlacedMention | null = null;
  private flashTimer: ReturnType<typeof setTimeout> | undefined;
  lastTimings: SessionTimings = { extractMs: 0, matchMs: 0, paintMs: 0 };

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

  /** Extracts, matches and paints. Never throws: failures become the 'error' status. */
  analyse(): PageStatus {
    const now = this.options.now ?? (() => performance.now());
    const { doc, matcher, painter } = this.options;
    try {
      painter.clear(); // the <mark> fallback must unwrap before Readability reads the page
      const t0 = now();
      const article = extractArticle(doc);
      const t1 = now();
      if (!article) {
        this.reset('no-article');
        this.lastTimings = { extractMs: t1 - t0, matchMs: 0, paintMs: 0 };
        return this.status;
      }
      const { text } = article.model;
      // Painted spans never split a glyph: the clitic lam of لأمريكا is drawn with its alef.
      const mentions = matcher.match(text).map((m) => ({ ...m, ...ligatureSafeSpan(text, m.start, m.end) }));
      const ranges = rangesFromSortedOffsets(article.model, mentions);
      const placed: PlacedMention[] = [];
      for (const [i, mention] of mentions.entries()) {
        const entity = matcher.entity(mention.entityId);
        const range = ranges[i];
        if (!entity || !range) continue;
        const { start, end, entityId, kind } = mention;
        placed.push({ start, end, entityId, kind, type: entity.type, range });
      }
      const t2 = now();
      this.article = article;
      this.index = indexMentions(placed);
      this.current = null;
      this.status = 'ready';
      this.error = undefined;
      this.paint();
      this.lastTimings = { extractMs: t1 - t0, matchMs: t2 - t1, paintMs: now() - t2 };
    } catch (error) {
      this.reset('error');
      this.error = error instanceof Error ? error.message : String(error);
    }
    return this.status;
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
    this.paintedIndex = indexMentions(visible);
    const groups = new Map<string, PlacedMention[]>();
    for (const mention of visible) {
      const group = highlightGroup(mention.type, settings.highlightStyle);
      const list = groups.get(group);
      if (list) list.push(mention);
      else groups.set(group, [mention]);
    }
    painter.paint(groups);
    if (this.current && settings.hiddenTypes.includes(this.current.type)) this.current = null;
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
    clearTimeout(this.flashTimer);
    this.options.painter.clear();
  }

  private reset(status: PageStatus): void {
    this.options.painter.clear();
    this.article = null;
    this.index = indexMentions([]);
    this.paintedIndex = this.index;
    this.current = null;
    this.status = status;
    this.error = undefined;
  }
}
