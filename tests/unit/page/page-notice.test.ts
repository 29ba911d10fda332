// The notice on the page (a note a library link named is not on the page): Hashiya's words as plain
// text in a shadow host of its own, gone with its button, Escape or after NOTICE_MS.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createPageNotice, NOTICE_ATTRIBUTE, NOTICE_MS } from '@/lib/page/page-notice';

const hosts = () => [...document.querySelectorAll(`[${NOTICE_ATTRIBUTE}]`)];
const shown = () => hosts()[0]?.shadowRoot?.querySelector('.notice');

afterEach(() => vi.useRealTimers());

describe('page notice', () => {
  it('shows the message as text, one at a time, and is told apart as our own UI', () => {
    const notice = createPageNotice(document, 'rtl', 'إغلاق');
    notice.show('<img src=x onerror=alert(1)>');
    notice.show('لم يعد نص هذه الملاحظة في الصفحة.');
    expect(hosts()).toHaveLength(1);
    expect(shown()?.textContent).toContain('لم يعد نص هذه الملاحظة في الصفحة.');
    expect(shown()?.querySelector('img')).toBeNull();
    expect(shown()?.getAttribute('role')).toBe('status');
    expect(shown()?.parentElement?.dir).toBe('rtl');
    expect(notice.isHost(hosts()[0])).toBe(true);
    expect(notice.isHost(document.body)).toBe(false);
    shown()?.querySelector('button')?.click();
    expect(hosts()).toHaveLength(0);
  });

  it('goes away with Escape, or by itself after a while', () => {
    vi.useFakeTimers();
    const notice = createPageNotice(document, 'ltr', 'Close');
    notice.show('This note’s passage is no longer on the page.');
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    expect(hosts()).toHaveLength(0);
    notice.show('again');
    vi.advanceTimersByTime(NOTICE_MS - 1);
    expect(hosts()).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(hosts()).toHaveLength(0);
  });
});
