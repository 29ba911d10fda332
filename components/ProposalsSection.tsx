import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { Span } from '@/lib/entities/candidates';
import { ENTITY_TYPES, type EntityType } from '@/lib/entities/types';
import { sendToBackground, sendToTab, serve } from '@/lib/messaging/messenger';
import { backgroundProtocol, contentProtocol, readerDictionaryNotices } from '@/lib/messaging/protocol';
import { idleScheduler } from '@/lib/page/idle';
import { draftFromText, entryFromDraft } from '@/lib/reader-dictionary/form';
import { PageProposals, type PageProposalsReport } from '@/lib/reader-dictionary/page-proposals';
import { dismissedKeys, type Proposal, proposalKey } from '@/lib/reader-dictionary/proposals';
import { countText, t, typeLabel } from '@/lib/ui/i18n';

/** After the reader's dictionary changed: when to read the page again (it matches again first). */
const AFTER_CHANGE_MS = [300, 1200];

// Open or closed, as the reader left it, across the panel's re-mounts (tab switches).
let lastOpen = false;

/**
 * "Possible entities": names on the page no dictionary knows yet, looked for here, in the panel's
 * idle time, in the article text the page sends (the page does none of this work). Closed by
 * default (a calm line with the count); each name can be added to the reader's dictionary with the
 * type it suggests (or another), which highlights it at once in every tab, or dismissed for good.
 * Never painted on the page.
 */
export function ProposalsSection({ tabId, pageStatus }: { tabId: number | undefined; pageStatus: string }) {
  const [report, setReport] = useState<PageProposalsReport | null>(null);
  const [open, setOpen] = useState(lastOpen);
  // Forms added or dismissed here: gone from the list at once, before the page has been read again.
  const [done, setDone] = useState<ReadonlySet<string>>(new Set());
  const [types, setTypes] = useState<ReadonlyMap<string, EntityType>>(new Map());
  const [busy, setBusy] = useState<string | null>(null);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const source = useRef<{ text: string; mentions: Span[] } | null>(null);
  const dismissed = useRef<ReadonlySet<string>>(new Set());
  const [finder] = useState(
    () =>
      new PageProposals({
        source: () => source.current,
        dismissed: () => dismissed.current,
        schedule: idleScheduler(),
        onReport: setReport,
      }),
  );
  useEffect(() => () => finder.stop(), [finder]);
  const generation = useRef(0);

  // Reads the page's article and the reader's dismissed names, then looks again from the start.
  const load = useCallback(async () => {
    if (tabId === undefined) return;
    const current = ++generation.current;
    const [article, entries] = await Promise.all([
      sendToTab(contentProtocol, tabId, 'article-text'),
      sendToBackground(backgroundProtocol, 'list-reader-entries'),
    ]);
    if (current !== generation.current) return; // a later read is under way
    source.current =
      article.ok && article.value.status === 'article'
        ? {
            text: article.value.text,
            mentions: article.value.mentions.map(([start, end]) => ({ start, end })),
          }
        : null;
    // Unreadable entries propose what was dismissed; the forms dismissed here stay hidden (`done`).
    dismissed.current = entries.ok ? dismissedKeys(entries.value) : new Set();
    finder.refresh();
  }, [tabId, finder]);

  useEffect(() => {
    void load();
  }, [load, pageStatus]);

  useEffect(() => {
    const stop = new AbortController();
    const timers: ReturnType<typeof setTimeout>[] = [];
    serve(
      readerDictionaryNotices,
      {
        'reader-dictionary-changed': () => {
          for (const ms of AFTER_CHANGE_MS) timers.push(setTimeout(() => void load(), ms));
        },
      },
      stop.signal,
    );
    return () => {
      stop.abort();
      for (const timer of timers) clearTimeout(timer);
    };
  }, [load]);

  if (!report || report.status === 'none') return null;
  const shown = report.proposals.filter((p) => !done.has(proposalKey(p.form)));
  const typeOf = (p: Proposal) => types.get(p.form) ?? p.type;

  const save = async (proposal: Proposal, how: 'add' | 'dismiss') => {
    const entry =
      how === 'add'
        ? entryFromDraft(draftFromText(proposal.form, typeOf(proposal)))
        : ({ kind: 'dismissed', form: proposal.form } as const);
    if ('problem' in entry) return;
    setBusy(proposal.form);
    const reply = await sendToBackground(backgroundProtocol, 'save-reader-entry', { entry });
    setBusy(null);
    if (!reply.ok) {
      setMessage({ text: t('proposalFailed', reply.error), error: true });
      return;
    }
    setDone((old) => new Set(old).add(proposalKey(proposal.form)));
    setMessage({
      text: t(how === 'add' ? 'proposalAdded' : 'proposalDismissed', proposal.form),
      error: false,
    });
  };

  return (
    <details
      class="proposals"
      data-proposals={report.status}
      data-slices={report.timings?.slices}
      data-idle-tasks={report.timings?.tasks}
      data-longest-task-ms={report.timings?.longestTaskMs.toFixed(1)}
      data-total-ms={report.timings?.totalMs.toFixed(1)}
      open={open}
      onToggle={(e) => {
        lastOpen = e.currentTarget.open;
        setOpen(lastOpen);
      }}
    >
      <summary>
        <span class="proposals-title">{t('proposalsHeading')}</span>
        {report.status === 'ready' && (
          <span class="proposals-count" data-proposals-count>
            {shown.length}
          </span>
        )}
      </summary>
      <p class="muted proposals-hint">{t('proposalsHint')}</p>
      {report.status === 'working' ? (
        <p class="muted" aria-busy="true">
          {t('proposalsWorking')}
        </p>
      ) : shown.length === 0 ? (
        <p class="muted" data-proposals-empty>
          {t('proposalsNone')}
        </p>
      ) : (
        <ul class="plain-list proposal-list">
          {shown.map((proposal) => (
            <li key={proposal.form} class="proposal" data-proposal={proposal.form}>
              <span class="proposal-name">
                <bdi dir="auto" class="proposal-form">
                  {proposal.form}
                </bdi>
                <span class="muted proposal-count">{countText('mentions', proposal.count)}</span>
              </span>
              <span class="proposal-actions">
                <select
                  data-field="type"
                  aria-label={t('proposalType', proposal.form)}
                  value={typeOf(proposal)}
                  onChange={(e) => {
                    const type = e.currentTarget.value as EntityType;
                    setTypes((old) => new Map(old).set(proposal.form, type));
                  }}
                >
                  {ENTITY_TYPES.map((type) => (
                    <option key={type} value={type}>
                      {typeLabel(type, 'singular')}
                    </option>
                  ))}
                </select>
                <button
                  type="button"
                  class="proposal-add"
                  data-action="add-proposal"
                  aria-label={t('proposalAddLabel', proposal.form)}
                  disabled={busy !== null}
                  onClick={() => void save(proposal, 'add')}
                >
                  {t('proposalAdd')}
                </button>
                <button
                  type="button"
                  class="link"
                  data-action="dismiss-proposal"
                  aria-label={t('proposalDismissLabel', proposal.form)}
                  disabled={busy !== null}
                  onClick={() => void save(proposal, 'dismiss')}
                >
                  {t('proposalDismiss')}
                </button>
              </span>
            </li>
          ))}
        </ul>
      )}
      {message && (
        <p class={message.error ? 'proposals-error' : 'muted'} role={message.error ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
    </details>
  );
}
