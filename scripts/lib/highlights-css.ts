// A Vite plugin that turns `import 'virtual:hashiya-highlights.css'` into the ::highlight rules
// generated from lib/entities/type-styles.ts and lib/notes/note-styles.ts, so the stylesheet can
// never disagree with the colours the popup and the card show. It ships as the content script's manifest stylesheet, which a page's
// Content-Security-Policy cannot block.
import type { Plugin } from 'vite';
import { highlightRules } from '../../lib/entities/type-styles.ts';
import { draftHighlightRule, noteHighlightRules } from '../../lib/notes/note-styles.ts';
import { HIGHLIGHT_PREFIX } from '../../lib/page/paint.ts';

export const HIGHLIGHTS_CSS_ID = 'virtual:hashiya-highlights.css';
const RESOLVED_ID = `\0${HIGHLIGHTS_CSS_ID}`;

export function highlightsCss(): Plugin {
  return {
    name: 'hashiya-highlights-css',
    resolveId: (id) => (id === HIGHLIGHTS_CSS_ID ? RESOLVED_ID : undefined),
    load: (id) =>
      id === RESOLVED_ID
        ? highlightRules(HIGHLIGHT_PREFIX) +
          noteHighlightRules(HIGHLIGHT_PREFIX) +
          draftHighlightRule(HIGHLIGHT_PREFIX)
        : undefined,
  };
}
