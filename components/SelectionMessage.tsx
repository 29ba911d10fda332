import { CloseButton } from './CloseButton';

/** A message in place of the selection toolbar: a selection outside the article, nothing selected. */
export function SelectionMessage(props: { text: string; onClose: () => void }) {
  return (
    <div class="toolbar message" role="status" data-toolbar="message">
      <p class="notice">{props.text}</p>
      <CloseButton onClose={props.onClose} />
    </div>
  );
}
