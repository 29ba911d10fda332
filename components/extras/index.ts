// The in-page extras chunk: UI the reader opens rarely, with what it does (the corrections the
// card's "Correct…" makes), the anchoring of notes (only an article with notes needs it) and the
// matcher compiler (only a page with packs or the reader's entries does), kept out of the content
// script that every http(s) page loads and fetched from the package the first time it is needed
// (components/extras/load.tsx). Built by scripts/lib/extras-chunk.ts as one ES module with Preact
// taken from the content script (./preact-shared.ts); each component comes with its stylesheet,
// which its layer adds to the shadow root it is drawn in.

export { anchorAll } from '../../lib/anchoring/anchor';
export { pageMatcherFromFile } from '../../lib/entities/dictionary-tables';
export { compileMatcher } from '../../lib/entities/matcher';
export { createPageNotice } from '../../lib/page/page-notice';
export { addSpelling, changeType, suppress } from '../../lib/reader-dictionary/corrections';
export { CardCorrections } from '../CardCorrections';
export { default as cardCorrectionsCss } from '../card-corrections.css?inline';
export { NoteCard } from '../NoteCard';
export { default as noteCardCss } from '../note-card.css?inline';
export { default as readerEntityFormCss } from '../reader-entity-form.css?inline';
export { SelectionToolbar } from '../SelectionToolbar';
export { default as selectionToolbarCss } from '../selection-toolbar-ui.css?inline';
export { default as tagFieldCss } from '../tag-field.css?inline';
export { install } from './preact-shared';
