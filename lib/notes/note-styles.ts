// The reader's highlight colours. Notes are painted over entity highlights (a higher Custom
// Highlight priority), with a translucent tint and no text decoration of their own, so a name's
// entity underline still shows through a note. The colours were chosen so the page's text keeps
// ≥ 4.5:1 contrast on light and dark pages and the five stay apart under the three colour-vision
// deficiencies (tests/unit/notes/note-styles.test.ts). The content script's ::highlight rules are
// generated from these values at build time, with the entity rules (scripts/lib/highlights-css.ts).
import { translucent } from '../entities/type-styles';
import { NOTE_COLOURS, type NoteColour } from './model';

export const NOTE_COLOUR_HEX: Record<NoteColour, string> = {
  yellow: '#f5d000',
  green: '#2fbf71',
  blue: '#3d8bff',
  pink: '#ff5fa8',
  purple: '#8b3fd4',
};

/** Opacity of a note's tint: the page's own text colour stays readable through it. */
export const NOTE_ALPHA = 0.35;

/** The highlight group (the name after the painter's prefix) of a colour: `note-yellow`… */
export function noteGroup(colour: NoteColour): string {
  return `note-${colour}`;
}

/** The note colour a highlight group paints, if it is a note group. */
export function colourOfNoteGroup(group: string): NoteColour | undefined {
  const colour = group.startsWith('note-') ? group.slice('note-'.length) : '';
  return (NOTE_COLOURS as readonly string[]).includes(colour) ? (colour as NoteColour) : undefined;
}

/**
 * The highlight group of the passage the selection toolbar is open for: the field the reader types
 * in takes the page's selection, so the passage keeps the selection's look meanwhile.
 */
export const DRAFT_GROUP = 'draft';

/** `::highlight(PREFIXnote-colour)` rules: the tint alone, so an entity's underline stays visible. */
export function noteHighlightRules(prefix: string): string {
  return `${NOTE_COLOURS.map(
    (colour) =>
      `::highlight(${prefix}${noteGroup(colour)}) {\n` +
      `  background-color: ${translucent(NOTE_COLOUR_HEX[colour], NOTE_ALPHA)};\n}`,
  ).join('\n')}\n`;
}

/** The draft's rule: the system's selection colours, as if the passage were still selected. */
export function draftHighlightRule(prefix: string): string {
  return `::highlight(${prefix}${DRAFT_GROUP}) {\n  background-color: Highlight;\n  color: HighlightText;\n}\n`;
}
