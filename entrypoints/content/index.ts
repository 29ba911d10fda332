// Wires the page session (lib/page/page-session) to the browser. Each piece takes the context (or
// its AbortSignal) and tears itself down through it when the extension is updated or unloaded.
import { isProbablyReaderable } from '@mozilla/readability';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { loadExtras } from '@/components/extras/load';
import { shippedMatcher } from '@/lib/entities/dictionary';
import { backgroundChannel } from '@/lib/messaging/channel';
import { replyValue, sendToBackground } from '@/lib/messaging/messenger';
import { backgroundProtocol } from '@/lib/messaging/protocol';
import { withPacks } from '@/lib/packs/matcher';
import { loadEnabledPacks } from '@/lib/packs/store';
import { PageSession } from '@/lib/page/page-session';
import { createPainter } from '@/lib/page/paint';
import { scrollToRange } from '@/lib/page/scroll';
import { withReaderEntries } from '@/lib/reader-dictionary/page-matcher';
import { DEFAULT_SETTINGS, loadSettings } from '@/lib/settings/settings';
import { wireAnalysis } from './analysis';
import { wireCard } from './card';
import { wireMessages } from './messages';
import { wireNoteCard } from './note-card';
import { wireNotes } from './notes';
import { wirePacks } from './packs';
import { wireReaderDictionary } from './reader-dictionary';
import { wireSettings } from './settings';
import { wireToolbar } from './toolbar';
import 'virtual:hashiya-highlights.css';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  async main(ctx) {
    const startedAt = performance.now();
    // The shipped dictionary and the reader's switched-on packs (lib/packs), loaded together, with
    // what the reader taught it in front (lib/reader-dictionary): reader, then packs, then shipped.
    // The shipped dictionary's matching is done by the background where it answers (DESIGN.md §7).
    // Its three asks go over one port, opened by the first (lib/messaging/channel.ts).
    const background = backgroundChannel(backgroundProtocol);
    // A page with an open port may not be kept for the back button.
    addEventListener('pagehide', () => background.close(), { signal: ctx.signal });
    ctx.onInvalidated(() => background.close());
    // The page's own matcher (where the background cannot answer) comes with the in-page extras.
    const shipped = shippedMatcher(async () => (await loadExtras()).pageMatcherFromFile, {
      warm: async () => replyValue(await background.send('wake')),
      match: async (text) => replyValue(await background.send('match-article', { text })),
      describe: async (ids) => replyValue(await background.send('describe-entities', { ids })),
    });
    // Packs and the reader's entries are compiled by the in-page extras chunk, loaded only for them.
    const loadCompiler = async () => (await loadExtras()).compileMatcher;
    const packs = withPacks(shipped, loadEnabledPacks, loadCompiler);
    const matcher = withReaderEntries(
      packs,
      async () => replyValue(await sendToBackground(backgroundProtocol, 'list-reader-entries')),
      location.hostname,
      loadCompiler,
    );
    // On a page that looks like an article the background's matcher is woken first thing (and the
    // packs and reader's entries read), so that they are ready while the script wires itself, the
    // settings are read and the article extracted: only what is left is waited for.
    const readerable = isProbablyReaderable(document);
    if (readerable) matcher.preload();
    const painter = createPainter();
    const session = new PageSession({
      doc: document,
      matcher,
      painter,
      // The stored settings arrive below; until then the session only answers "working".
      settings: DEFAULT_SETTINGS,
      // A very big page's article is read apart from the page, so the page keeps drawing frames.
      extractElsewhere: async (html) =>
        replyValue(await sendToBackground(backgroundProtocol, 'extract-article', { html })),
      reveal: (mention) => scrollToRange(mention.range),
    });

    const notes = wireNotes(session, ctx.signal);
    // A page that cleared CSS.highlights (its own search) gets ours back at the next hover or scroll.
    const restorePaint = () => {
      session.restorePaint();
      notes.layer.restore();
    };
    // Where a note lies over a name, the note card answers the hover (and leads to the entity card).
    const card = wireCard(session, matcher, restorePaint, ctx.signal, (x, y) => noteCard.covers(x, y));
    const noteCard = wireNoteCard(session, notes, card, matcher, ctx.signal);
    const analysis = wireAnalysis(ctx, session, painter, card, matcher, notes, (node) =>
      noteCard.isHost(node),
    );
    wireMessages(session, analysis, card, noteCard, matcher, ctx.signal);
    wireSettings(session, analysis, card, notes, ctx.signal);
    wireToolbar(session, ctx.signal, () => card.hide());
    wirePacks(packs, analysis, ctx.signal);
    wireReaderDictionary(matcher, session, analysis, ctx.signal);
    // Registered last, so the pieces above stop before the highlights are cleared.
    ctx.onInvalidated(() => session.dispose());

    // Listeners are in place before this first await, so an early popup gets "working", not silence.
    session.updateSettings(await loadSettings().catch(() => DEFAULT_SETTINGS));
    if (ctx.isInvalid) return;
    if (readerable) {
      await analysis.runWhenLoaded();
      // Highlights are drawn with the next frame; record when that happened, for `npm run bench`.
      requestAnimationFrame(() =>
        setTimeout(() => {
          session.lastTimings = { ...session.lastTimings, firstFrameMs: performance.now() - startedAt };
        }),
      );
    } else session.skip();
  },
});
