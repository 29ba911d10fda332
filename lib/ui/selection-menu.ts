// The context menu's items on a selection: each runs the keyboard command of the same name
// (entrypoints/background.ts), so the menu and the keys take one path to the page's toolbar.
import type { MessageKey } from './i18n';

export const SELECTION_MENU: readonly {
  command: 'highlight-selection' | 'note-selection';
  title: MessageKey;
}[] = [
  { command: 'highlight-selection', title: 'menuHighlight' },
  { command: 'note-selection', title: 'menuAddNote' },
];
