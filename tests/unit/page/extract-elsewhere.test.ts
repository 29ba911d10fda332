import { describe, expect, it, vi } from 'vitest';
import type { ArticleRuns } from '@/lib/page/extract';
import { type OffscreenApi, offscreenReader, readArticleHtml } from '@/lib/page/extract-elsewhere';

const HTML = `<!doctype html><html lang="ar"><head><title>ألبانيا تقطع علاقاتها مع إيران</title></head><body>
  <nav><a href="/">إيران</a></nav><article><h1>ألبانيا تقطع علاقاتها مع إيران</h1>
  ${Array.from({ length: 5 }, (_, i) => `<p>الفقرة ${i}: قطعت ألبانيا أمس العلاقات الدبلوماسية مع إيران وطردت دبلوماسييها بعد إلقاء اللوم على طهران في هجوم إلكتروني.</p>`).join('')}
  </article><script>document.title = 'x'</script></body></html>`;

function fakeOffscreen() {
  let open = false;
  const api: OffscreenApi = {
    createDocument: vi.fn(async () => {
      if (open) throw new Error('Only a single offscreen document may be created.');
      open = true;
    }),
    closeDocument: vi.fn(async () => {
      open = false;
    }),
  };
  return { api, isOpen: () => open };
}

describe('reading a big page’s article apart from it', () => {
  it('reads the article from the page’s HTML without running its scripts', () => {
    const runs = readArticleHtml(HTML);
    expect(runs?.meta.lang).toBe('ar');
    expect(runs?.meta.title).toBe('ألبانيا تقطع علاقاتها مع إيران'); // the page's script never ran
    expect(runs?.kept.length).toBeGreaterThanOrEqual(5);
    expect(readArticleHtml('<html><body></body></html>')).toBeNull();
  });

  it('opens the offscreen document once, reads one page at a time, and closes it when idle', async () => {
    vi.useFakeTimers();
    try {
      const { api, isOpen } = fakeOffscreen();
      let reading = 0;
      let most = 0;
      const ask = vi.fn(async (html: string): Promise<ArticleRuns | null> => {
        most = Math.max(most, ++reading);
        await new Promise((resolve) => setTimeout(resolve, 10));
        reading--;
        return readArticleHtml(html);
      });
      const read = offscreenReader(api, 'chrome-extension://x/offscreen.html', ask, 1000);
      const both = Promise.all([read(HTML), read(HTML)]);
      await vi.advanceTimersByTimeAsync(50);
      const [a, b] = await both;
      expect(a?.kept).toEqual(b?.kept);
      expect(api.createDocument).toHaveBeenCalledTimes(1);
      expect(most).toBe(1);
      expect(isOpen()).toBe(true);
      await vi.advanceTimersByTimeAsync(1000);
      expect(api.closeDocument).toHaveBeenCalledTimes(1);
      expect(isOpen()).toBe(false);
      // The next big page opens it again.
      const again = read(HTML);
      await vi.advanceTimersByTimeAsync(20);
      expect(await again).not.toBeNull();
      expect(api.createDocument).toHaveBeenCalledTimes(2);
    } finally {
      vi.useRealTimers();
    }
  });

  it('uses a document a restarted background left open, and recovers from a failed open', async () => {
    const { api } = fakeOffscreen();
    await api.createDocument({ url: 'x', reasons: ['DOM_PARSER'], justification: 'left open' });
    const read = offscreenReader(api, 'x', async (html) => readArticleHtml(html));
    expect(await read(HTML)).not.toBeNull();

    const failing: OffscreenApi = {
      createDocument: vi.fn().mockRejectedValueOnce(new Error('disk full')).mockResolvedValue(undefined),
      closeDocument: vi.fn(async () => {}),
    };
    const retrying = offscreenReader(failing, 'x', async (html) => readArticleHtml(html));
    await expect(retrying(HTML)).rejects.toThrow('disk full');
    expect(await retrying(HTML)).not.toBeNull();
  });
});
