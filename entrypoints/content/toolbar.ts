// The selection toolbar: selecting article text (mouse or keyboard) shows it beside the selection;
// the context menu and keyboard commands reach it through the background ('selection-note'). It
// saves through the background and says "saved" only once the background answered ok; a selection
// outside the article gets a message. Torn down by `signal`.

import type { SaveOutcome, ToolbarDraft, ToolbarStart } from '@/components/SelectionToolbar';
import { createToolbarLayer } from '@/components/selection-toolbar-layer';
import { sendToBackground, serve } from '@/lib/messaging/messenger';
import { backgroundProtocol, selectionProtocol } from '@/lib/messaging/protocol';
import { newRecordId } from '@/lib/notes/ids';
import { LIMIT } from '@/lib/notes/limits';
import { DRAFT_GROUP } from '@/lib/notes/note-styles';
import { newNoteRequest } from '@/lib/page/new-note';
import type { PageSession } from '@/lib/page/page-session';
import { createPainter, PRIORITY } from '@/lib/page/paint';
import { readSelection, selectionBoundaries } from '@/lib/page/selection';
import { isUiHost } from '@/lib/page/shadow-host';
import { lineBoxes } from '@/lib/page/toolbar-position';
import { nameInSelection } from '@/lib/reader-dictionary/form';
import type { NewReaderEntry } from '@/lib/reader-dictionary/model';
import { notesEnabled } from '@/lib/settings/settings';
import { rangeFromOffsets, type TextModel } from '@/lib/text/text-model';
import { t } from '@/lib/ui/i18n';

/** A keyboard selection settles for this long before the toolbar appears (Shift+arrow, word by word). */
const KEYBOARD_SETTLE_MS = 500;

/** `onShow`: the toolbar or its message came up (the entity card makes way). */
export function wireToolbar(session: PageSession, signal: AbortSignal, onShow: () => void): void {
  // The passage the toolbar is for: offsets in the model they were read from.
  let passage: { model: TextModel; start: number; end: number } | null = null;
  const draftPainter = createPainter(window, undefined, PRIORITY.notes);
  const layer = createToolbarLayer(document, () => {
    passage = null;
    draftPainter.clear();
  });

  const measure = (model: TextModel, start: number, end: number) => ({
    lines: () => lineBoxes(rangeFromOffsets(model, start, end)?.getClientRects() ?? []),
    dir: pageDirection(rangeFromOffsets(model, start, start + 1)?.startContainer ?? null),
  });
  const selectionAnchor = () => {
    const range = getSelection()?.rangeCount ? getSelection()?.getRangeAt(0) : null;
    return {
      lines: () => lineBoxes(range?.getClientRects() ?? []),
      dir: pageDirection(range?.startContainer ?? null),
    };
  };

  const save = async (draft: ToolbarDraft, id: string): Promise<SaveOutcome> => {
    const article = session.extracted;
    if (!passage || !article || article.model !== passage.model)
      return { ok: false, error: t('toolbarNoSelection') };
    const request = newNoteRequest(document, article, passage, session.mentions.all, draft, id);
    if (!request.ok)
      return {
        ok: false,
        error:
          request.reason === 'too-long' ? t('toolbarTooLong', String(LIMIT.exact)) : t('toolbarNoSelection'),
      };
    const reply = await sendToBackground(backgroundProtocol, 'save-note', {
      article: request.article,
      note: request.note,
    });
    if (!reply.ok) return { ok: false, error: reply.error.replace(/^save-note: /, '') };
    // The note is painted when the background says the article's notes changed; the selection
    // would only cover it (and clearing it is no reason to close the toolbar saying "saved").
    clearing = true;
    getSelection()?.removeAllRanges();
    return { ok: true };
  };

  // The entity is painted when the background tells every tab (this one too) that the reader's
  // dictionary changed (./reader-dictionary.ts).
  const saveEntity = async (entry: NewReaderEntry): Promise<SaveOutcome> => {
    const reply = await sendToBackground(backgroundProtocol, 'save-reader-entry', { entry });
    if (!reply.ok) return { ok: false, error: reply.error.replace(/^save-reader-entry: /, '') };
    clearing = true;
    getSelection()?.removeAllRanges();
    return { ok: true };
  };

  /** Shows what the current selection calls for; `start`/`focus` when the reader asked for it. */
  const respond = (start: ToolbarStart | null): 'opened' | 'outside' | 'none' => {
    // Notes off on this site (the per-site switch): no toolbar either.
    if (!notesEnabled(session.settings, location.hostname)) {
      if (layer.shown) layer.hide();
      return 'none';
    }
    const model = session.extracted?.model ?? null;
    const reading = readSelection(selectionBoundaries(getSelection()), model, isUiHost);
    if (reading.kind === 'outside') {
      onShow();
      layer.showMessage(selectionAnchor(), t('toolbarOutside'));
      return 'outside';
    }
    if (reading.kind === 'none' || !model) {
      if (start) {
        onShow();
        layer.showMessage(selectionAnchor(), t('toolbarNoSelection'));
      } else if (layer.shown && !layer.hasFocus) layer.hide();
      return 'none';
    }
    const same = passage?.model === model && passage.start === reading.start && passage.end === reading.end;
    if (same && layer.shown === 'toolbar' && !start) return 'opened';
    onShow();
    if (reading.end - reading.start > LIMIT.exact) {
      layer.showMessage(selectionAnchor(), t('toolbarTooLong', String(LIMIT.exact)));
      return 'outside';
    }
    const id = newRecordId();
    const name = nameInSelection(model.text.slice(reading.start, reading.end));
    layer.showToolbar(measure(model, reading.start, reading.end), {
      start: start ?? 'menu',
      focus: start !== null,
      knownTags: [],
      onSave: (draft) => save(draft, id),
      ...(name ? { entity: { text: name, onSave: saveEntity } } : {}),
    });
    passage = { model, start: reading.start, end: reading.end };
    // The passage stays marked while the reader types (the field takes the page's selection).
    const range = rangeFromOffsets(model, reading.start, reading.end);
    if (range && draftPainter.native) draftPainter.paint(new Map([[DRAFT_GROUP, [{ range }]]]));
    void sendToBackground(backgroundProtocol, 'list-tags').then((reply) => {
      if (reply.ok && passage?.start === reading.start) layer.update({ knownTags: reply.value });
    });
    return 'opened';
  };

  // Mouse selections: when the button comes up. Keyboard selections: once they settle.
  let pointerDown = false;
  let clearing = false;
  let settleTimer: ReturnType<typeof setTimeout> | undefined;
  // Clicks and keys in any of our in-page UI (the toolbar, the entity card) are not the page's.
  const fromPage = (event: Event) => !isUiHost(event.target);
  const listen = { capture: true, signal } as const;
  document.addEventListener(
    'pointerdown',
    (event) => {
      if (!fromPage(event) || event.button !== 0) return;
      pointerDown = true;
      if (layer.shown) layer.hide(); // a click elsewhere
    },
    listen,
  );
  document.addEventListener(
    'pointerup',
    (event) => {
      if (!pointerDown) return;
      pointerDown = false;
      if (!fromPage(event) || !session.extracted) return;
      clearTimeout(settleTimer);
      // The selection is final once the mouseup has been handled.
      setTimeout(() => respond(null), 0);
    },
    listen,
  );
  document.addEventListener(
    'selectionchange',
    () => {
      if (clearing) {
        clearing = false;
        return;
      }
      if (pointerDown || !session.extracted || layer.hasFocus) return;
      clearTimeout(settleTimer);
      settleTimer = setTimeout(() => respond(null), KEYBOARD_SETTLE_MS);
    },
    listen,
  );
  document.addEventListener(
    'keydown',
    (event) => {
      if (event.key === 'Escape' && layer.shown && fromPage(event)) layer.hide();
    },
    listen,
  );
  let scrollFrame = 0;
  window.addEventListener(
    'scroll',
    () => {
      if (!layer.shown || scrollFrame) return;
      scrollFrame = requestAnimationFrame(() => {
        scrollFrame = 0;
        layer.reposition();
      });
    },
    { passive: true, capture: true, signal },
  );

  serve(
    selectionProtocol,
    { 'selection-note': ({ action }) => respond(action === 'highlight' ? 'highlight' : 'note') },
    signal,
  );

  signal.addEventListener(
    'abort',
    () => {
      clearTimeout(settleTimer);
      cancelAnimationFrame(scrollFrame);
      layer.remove();
      draftPainter.clear();
    },
    { once: true },
  );
}

function pageDirection(node: Node | null): 'rtl' | 'ltr' {
  const element = node && (node.nodeType === 1 ? (node as Element) : node.parentElement);
  return element && getComputedStyle(element).direction === 'rtl' ? 'rtl' : 'ltr';
}
