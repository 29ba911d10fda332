import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEBOUNCE_MS, MAX_WAIT_MS, MIN_INTERVAL_MS, watchChanges } from '@/lib/page/change-watcher';
import { createShadowHost, HOST_ATTRIBUTE } from '@/lib/page/shadow-host';

const flushObservers = () => new Promise<void>((resolve) => queueMicrotask(resolve));

describe('change watcher', () => {
  let clock = 0;
  beforeEach(() => {
    vi.useFakeTimers();
    clock = 0;
    document.body.innerHTML = '<main><article><p>first</p></article></main><aside><p>ad</p></aside>'; // test markup
  });
  afterEach(() => vi.useRealTimers());

  function setup(cost = 5, onChange = () => {}) {
    const article = document.querySelector('article') as HTMLElement;
    // Costs time without saying so: the watcher must time it itself.
    const reanalyse = vi.fn(() => {
      clock += cost;
    });
    const watcher = watchChanges({
      target: document,
      isOwn: (node) => node.nodeType === 1 && (node as Element).hasAttribute(HOST_ATTRIBUTE),
      articleRoot: () => article,
      onChange,
      reanalyse,
      now: () => clock,
    });
    const advance = async (ms: number) => {
      await flushObservers();
      clock += ms;
      await vi.advanceTimersByTimeAsync(ms);
    };
    return { article, reanalyse, watcher, advance };
  }

  it('re-analyses once, after a quiet moment, when the article changes', async () => {
    const { article, reanalyse, advance } = setup();
    for (let i = 0; i < 5; i++) article.append(document.createElement('p'));
    await advance(DEBOUNCE_MS - 50);
    expect(reanalyse).not.toHaveBeenCalled();
    await advance(100);
    expect(reanalyse).toHaveBeenCalledTimes(1);
  });

  it('ignores changes outside the article and to its own UI', async () => {
    const { reanalyse, advance } = setup();
    document.querySelector('aside p')?.append('more ads');
    document.documentElement.append(createShadowHost(document, '', 'ltr').host);
    await advance(DEBOUNCE_MS * 3);
    expect(reanalyse).not.toHaveBeenCalled();
  });

  it('does not even watch what cannot change the article: a busy feed beside it costs nothing', async () => {
    const onChange = vi.fn();
    const { article, reanalyse, advance } = setup(5, onChange);
    const feed = document.querySelector('aside') as HTMLElement;
    for (let i = 0; i < 50; i++) feed.append(document.createElement('li'));
    ((feed.querySelector('p') as HTMLElement).firstChild as Text).appendData(' more');
    await advance(DEBOUNCE_MS * 3);
    expect(onChange).not.toHaveBeenCalled();
    expect(reanalyse).not.toHaveBeenCalled();
    // Content added beside the article (a child of one of its ancestors) still counts.
    article.after(document.createElement('section'));
    await advance(DEBOUNCE_MS + 10);
    expect(onChange).toHaveBeenCalledTimes(1);
    expect(reanalyse).toHaveBeenCalledTimes(1);
  });

  it('ignores the reader typing in an editable region inside the article', async () => {
    const { article, reanalyse, advance } = setup();
    const box = document.createElement('div');
    box.setAttribute('contenteditable', 'true');
    article.append(box);
    await advance(DEBOUNCE_MS * 3);
    reanalyse.mockClear();
    box.append('تعليق عن إيران');
    box.append(document.createElement('br'));
    await advance(DEBOUNCE_MS * 3);
    expect(reanalyse).not.toHaveBeenCalled();
  });

  it('re-analyses when the article is replaced', async () => {
    const { article, reanalyse, advance } = setup();
    article.remove();
    await advance(DEBOUNCE_MS + 10);
    expect(reanalyse).toHaveBeenCalledTimes(1);
  });

  it('re-analyses when the page takes its <body> out and puts it back', async () => {
    const { reanalyse, advance } = setup();
    const body = document.body;
    body.remove();
    document.documentElement.append(body);
    await advance(DEBOUNCE_MS + 10);
    expect(reanalyse).toHaveBeenCalledTimes(1);
  });

  it('follows the document when the page swaps in a new <body>, and keeps watching the new one', async () => {
    const { reanalyse, advance } = setup();
    const fresh = document.createElement('body');
    fresh.innerHTML = '<article><p>second</p></article>'; // test markup
    document.documentElement.replaceChild(fresh, document.body);
    await advance(DEBOUNCE_MS + 10);
    expect(reanalyse).toHaveBeenCalledTimes(1);
    await advance(MIN_INTERVAL_MS);
    fresh.querySelector('article')?.append(document.createElement('p'));
    await advance(DEBOUNCE_MS + 10);
    expect(reanalyse).toHaveBeenCalledTimes(2);
  });

  it('keeps an endlessly changing page to a bounded share of the time', async () => {
    const cost = 300; // an expensive page: at most one analysis per cost / 10 %
    const { article, reanalyse, advance } = setup(cost);
    for (let t = 0; t < 30_000; t += 100) {
      article.append(document.createElement('p'));
      await advance(100);
    }
    const runs = reanalyse.mock.calls.length;
    expect(runs).toBeGreaterThan(3);
    expect(runs * cost).toBeLessThanOrEqual(30_000 * 0.1 + cost);
  });

  it('never runs more often than the minimum interval on a cheap page', async () => {
    const { article, reanalyse, advance } = setup(1);
    for (let t = 0; t < 10_000; t += 50) {
      article.append(document.createElement('p'));
      await advance(50);
    }
    expect(reanalyse.mock.calls.length).toBeGreaterThanOrEqual(10_000 / MAX_WAIT_MS - 1);
    expect(reanalyse.mock.calls.length).toBeLessThanOrEqual(10_000 / MIN_INTERVAL_MS + 1);
  });

  it('stops when disconnected', async () => {
    const { article, reanalyse, watcher, advance } = setup();
    article.append(document.createElement('p'));
    watcher.disconnect();
    await advance(DEBOUNCE_MS * 3);
    expect(reanalyse).not.toHaveBeenCalled();
  });
});
