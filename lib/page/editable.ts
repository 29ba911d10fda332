// What the reader can type into. Its text is never article text: the extractor skips it and the
// change watcher ignores typing in it.

/** A textarea, or the host of an editable region (`contenteditable` other than "false"). */
export function isEditableElement(element: Element): boolean {
  if (element.tagName.toUpperCase() === 'TEXTAREA') return true;
  const editable = element.getAttribute('contenteditable');
  return editable !== null && editable !== 'false';
}

/** True when `node` is an editable element or inside one. */
export function isInsideEditable(node: Node): boolean {
  for (let el = node.nodeType === 1 ? (node as Element) : node.parentElement; el; el = el.parentElement) {
    if (isEditableElement(el)) return true;
  }
  return false;
}
