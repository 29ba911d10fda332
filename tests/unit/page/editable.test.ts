import { describe, expect, it } from 'vitest';
import { isEditableElement, isInsideEditable } from '@/lib/page/editable';

describe('editable regions', () => {
  it('knows what the reader can type into', () => {
    document.body.innerHTML = `
      <textarea id="t">إيران</textarea>
      <div id="empty" contenteditable="">a</div>
      <div id="on" contenteditable="true"><p id="inner">إيران <b id="deep">طهران</b></p></div>
      <div id="plain" contenteditable="plaintext-only">b</div>
      <div id="off" contenteditable="false"><p id="offInner">c</p></div>
      <p id="para">d</p>`;
    const byId = (id: string) => document.getElementById(id) as Element;
    for (const id of ['t', 'empty', 'on', 'plain']) expect(isEditableElement(byId(id)), id).toBe(true);
    for (const id of ['off', 'para', 'inner']) expect(isEditableElement(byId(id)), id).toBe(false);
    expect(isInsideEditable(byId('deep').firstChild as Node)).toBe(true);
    expect(isInsideEditable(byId('t').firstChild as Node)).toBe(true);
    expect(isInsideEditable(byId('offInner'))).toBe(false);
    expect(isInsideEditable(byId('para').firstChild as Node)).toBe(false);
  });
});
