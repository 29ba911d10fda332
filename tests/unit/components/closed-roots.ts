// Closed shadow roots, caught as our layers attach them: a page could never reach them; a test can.
import { vi } from 'vitest';

/** Every shadow root attached from now on (until the test's mocks are restored), in order. */
export function catchRoots(): ShadowRoot[] {
  const roots: ShadowRoot[] = [];
  const attach = HTMLElement.prototype.attachShadow;
  vi.spyOn(HTMLElement.prototype, 'attachShadow').mockImplementation(function (this: HTMLElement, init) {
    const root = attach.call(this, init);
    roots.push(root);
    return root;
  });
  return roots;
}
