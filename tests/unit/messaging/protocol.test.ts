import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { answerMessage, type Handlers, readReply, sendToBackground, serve } from '@/lib/messaging/messenger';
import {
  analysisProtocol,
  backgroundProtocol,
  offscreenProtocol,
  type PageReport,
} from '@/lib/messaging/protocol';
import { WAKE_MESSAGE, wakeBackground } from '@/lib/messaging/wake';
import { notesHandlers } from '@/lib/store/notes-service';
import { readerDictionaryHandlers } from '@/lib/store/reader-dictionary-service';
import { badgeText } from '@/lib/ui/badge';
import { useUiLanguage } from '../ui/fake-i18n';

describe('toolbar badge', () => {
  it('shows nothing for no entities and caps large counts', () => {
    expect(badgeText(0)).toBe('');
    expect(badgeText(7)).toBe('7');
    expect(badgeText(150)).toBe('99+');
    expect(badgeText(Number.NaN)).toBe('');
  });
});

const REPORT: PageReport = {
  status: 'ready',
  url: 'https://news.example/a',
  title: 'A',
  entities: [{ id: 'iran', type: 'place', names: { ar: 'إيران', en: 'Iran' }, count: 3, firstSeen: 0 }],
  timings: { extractMs: 1, matchMs: 2, paintMs: 3 },
};

function contentHandlers(): Handlers<typeof analysisProtocol> {
  return {
    'get-page-report': () => REPORT,
    analyse: () => {
      throw new Error('Readability failed');
    },
    'toggle-site': async () => REPORT,
    step: vi.fn(({ direction }) => ({ entityId: 'iran', position: direction === 1 ? 2 : 1, total: 3 })),
    'show-card': () => null,
  };
}

const sender = {};

describe('serving a protocol', () => {
  it('answers a well-formed request with the handler’s value', async () => {
    const handlers = contentHandlers();
    const answer = answerMessage(
      analysisProtocol,
      handlers,
      { type: 'step', data: { direction: 1 } },
      sender,
    );
    expect(await answer).toEqual({ ok: true, value: { entityId: 'iran', position: 2, total: 3 } });
    expect(await answerMessage(analysisProtocol, handlers, { type: 'get-page-report' }, sender)).toEqual({
      ok: true,
      value: REPORT,
    });
  });

  it('refuses a malformed payload with an error naming the field, without calling the handler', async () => {
    const handlers = contentHandlers();
    const bad = await answerMessage(
      analysisProtocol,
      handlers,
      { type: 'step', data: { direction: 2 } },
      sender,
    );
    expect(bad).toMatchObject({ ok: false, error: expect.stringMatching(/^step: direction: /) });
    const wrongType = await answerMessage(
      analysisProtocol,
      handlers,
      { type: 'step', data: { direction: 1, entityId: 5 } },
      sender,
    );
    expect(wrongType).toMatchObject({ ok: false, error: expect.stringContaining('entityId') });
    expect(handlers.step).not.toHaveBeenCalled();
    const count = await answerMessage(
      backgroundProtocol,
      {
        'entity-count': () => undefined,
        'extract-article': () => null,
        wake: async () => {},
        'match-article': async () => ({ ids: [], types: [], spans: '' }),
        'describe-entities': async () => [],
        ...notesHandlers(() => Promise.reject(new Error('not opened'))),
        ...readerDictionaryHandlers(() => Promise.reject(new Error('not opened'))),
      },
      { type: 'entity-count', data: { count: '3' } },
      sender,
    );
    expect(count).toMatchObject({ ok: false, error: expect.stringContaining('count') });
  });

  it('answers the wake-up the page sends before its content script runs, which skips the messenger', async () => {
    fakeBrowser.reset();
    const woken = vi.fn(async () => {});
    const stop = new AbortController();
    serve(
      backgroundProtocol,
      {
        'entity-count': () => undefined,
        'extract-article': () => null,
        wake: woken,
        'match-article': async () => ({ ids: [], types: [], spans: '' }),
        'describe-entities': async () => [],
        ...notesHandlers(() => Promise.reject(new Error('not opened'))),
        ...readerDictionaryHandlers(() => Promise.reject(new Error('not opened'))),
      },
      stop.signal,
    );
    const sent = vi.spyOn(fakeBrowser.runtime, 'sendMessage');
    wakeBackground();
    expect(sent).toHaveBeenCalledWith(WAKE_MESSAGE);
    const deliver = fakeBrowser.runtime.onMessage.trigger as (...args: unknown[]) => Promise<unknown[]>;
    const sendResponse = vi.fn();
    await deliver(WAKE_MESSAGE, sender, sendResponse);
    await vi.waitFor(() => expect(sendResponse).toHaveBeenCalledWith({ ok: true, value: undefined }));
    expect(woken).toHaveBeenCalled();
    stop.abort();
  });

  it('turns a failing handler into an error reply instead of throwing', async () => {
    const answer = answerMessage(analysisProtocol, contentHandlers(), { type: 'analyse' }, sender);
    expect(await answer).toEqual({ ok: false, error: 'analyse: Readability failed' });
  });

  it('leaves messages of other protocols (and junk) to other receivers', () => {
    const handlers = contentHandlers();
    expect(answerMessage(analysisProtocol, handlers, { type: 'delete-everything' }, sender)).toBeUndefined();
    expect(
      answerMessage(analysisProtocol, handlers, { type: 'entity-count', data: {} }, sender),
    ).toBeUndefined();
    expect(answerMessage(analysisProtocol, handlers, 'get-page-report', sender)).toBeUndefined();
    expect(answerMessage(analysisProtocol, handlers, { type: 'toString' }, sender)).toBeUndefined();
  });

  it('listens on the extension’s message channel until its signal aborts', async () => {
    fakeBrowser.reset();
    const stop = new AbortController();
    serve(analysisProtocol, contentHandlers(), stop.signal);
    // The fake's types leave out sendResponse, which it passes on like the browsers do.
    const deliver = fakeBrowser.runtime.onMessage.trigger as (...args: unknown[]) => Promise<unknown[]>;
    const sendResponse = vi.fn();
    const [keepOpen] = await deliver({ type: 'get-page-report' }, sender, sendResponse);
    expect(keepOpen).toBe(true);
    await vi.waitFor(() => expect(sendResponse).toHaveBeenCalledWith({ ok: true, value: REPORT }));
    stop.abort();
    expect(await deliver({ type: 'get-page-report' }, sender, sendResponse)).toEqual([]);
  });
});

describe('reading a reply', () => {
  it('passes a well-formed answer through', () => {
    expect(readReply(analysisProtocol, 'get-page-report', { ok: true, value: REPORT })).toEqual({
      ok: true,
      value: REPORT,
    });
    expect(readReply(analysisProtocol, 'step', { ok: true, value: null })).toEqual({ ok: true, value: null });
  });

  it('reports a missing, malformed or failed answer as an error', () => {
    useUiLanguage('en');
    expect(readReply(analysisProtocol, 'get-page-report', undefined)).toEqual({
      ok: false,
      error: 'get-page-report: Hashiya did not answer. Try again; if it keeps happening, reload the page.',
    });
    const malformed = readReply(analysisProtocol, 'get-page-report', {
      ok: true,
      value: { ...REPORT, status: 'finished' },
    });
    expect(malformed).toMatchObject({ ok: false, error: expect.stringContaining('status') });
    expect(readReply(analysisProtocol, 'analyse', { ok: false, error: 'analyse: boom' })).toEqual({
      ok: false,
      error: 'analyse: boom',
    });
  });
});

describe('a big page’s article read elsewhere', () => {
  const RUNS = {
    meta: { title: 'عنوان', byline: null, excerpt: null, siteName: null, lang: 'ar' },
    runCount: 12,
    kept: [{ run: 3, length: 40, ends: 'قطعت أل…فورا.' }],
  };

  it('passes well-formed runs through and refuses runs that could point anywhere', () => {
    expect(readReply(offscreenProtocol, 'read-article-html', { ok: true, value: RUNS })).toEqual({
      ok: true,
      value: RUNS,
    });
    const negative = { ...RUNS, kept: [{ run: -1, length: 40, ends: '' }] };
    expect(readReply(backgroundProtocol, 'extract-article', { ok: true, value: negative })).toMatchObject({
      ok: false,
      error: expect.stringContaining('kept.0.run'),
    });
  });

  it('refuses a request that is not a page’s HTML before any handler runs', async () => {
    const read = vi.fn(() => null);
    const reply = await answerMessage(
      offscreenProtocol,
      { 'read-article-html': read },
      { type: 'read-article-html', data: { html: 42 } },
      sender,
    );
    expect(reply).toMatchObject({ ok: false, error: expect.stringContaining('html') });
    expect(read).not.toHaveBeenCalled();
  });
});

describe('a request that reaches nobody', () => {
  it('says so in the reader’s words and language, not the browser’s', async () => {
    for (const [locale, words] of [
      ['en', /^save-note: Hashiya could not be reached \(it may have just been updated\)\. Reload the page/],
      ['ar', /^save-note: تعذّر الوصول إلى حاشية/],
    ] as const) {
      useUiLanguage(locale);
      vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockRejectedValue(
        new Error('Could not establish connection. Receiving end does not exist.'),
      );
      const reply = await sendToBackground(backgroundProtocol, 'list-tags', undefined);
      expect(reply.ok).toBe(false);
      if (!reply.ok) {
        expect(reply.error.replace(/^list-tags/, 'save-note')).toMatch(words);
        expect(reply.error).not.toMatch(/Receiving end/);
      }
      vi.restoreAllMocks();
    }
  });
});
