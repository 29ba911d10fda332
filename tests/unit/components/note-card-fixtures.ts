// A note placed on a page and a note card's actions that always succeed, for the note card layer's tests.
import type { NoteCardActions } from '@/components/note-card-layer';
import type { AnnotationRecord } from '@/lib/notes/model';
import type { PlacedNote } from '@/lib/page/notes-layer';

/** `note` placed over «إيدي راما» in a sentence added to the body. */
export function placedNote(note: AnnotationRecord): PlacedNote {
  const text = document.createTextNode('وقال رئيس الوزراء إيدي راما في كلمة مصورة');
  document.body.append(text);
  const range = document.createRange();
  range.setStart(text, 19);
  range.setEnd(text, 28);
  return { note, start: 0, end: 9, range };
}

/** Actions that answer ok with `note`; `onHidden` counts in `hidden.count`. */
export function quietActions(note: AnnotationRecord, hidden = { count: 0 }): NoteCardActions {
  return {
    update: async () => ({ ok: true, value: note }),
    delete: async () => ({ ok: true, value: note }),
    undoDelete: async () => ({ ok: true, value: note }),
    listTags: async () => [],
    takeOff: () => {},
    putBack: () => {},
    changed: () => {},
    showEntity: () => {},
    onHidden: () => {
      hidden.count++;
    },
  };
}
