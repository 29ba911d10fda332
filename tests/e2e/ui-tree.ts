// Our in-page UI as the browsers' automation protocols see it, closed shadow roots included: a page
// script cannot reach into a closed root, so the tests read it the way DevTools does (Chromium: the
// DevTools protocol's DOM.getDocument with pierce; Firefox: WebDriver BiDi's node serialisation with
// includeShadowTree "all"). Nothing in the shipped extension helps: no test-only door.

/** One node of the page, as either protocol describes it. */
export interface UiNode {
  /** Lower-case element name; '' for text and other nodes. */
  tag: string;
  attrs: Record<string, string>;
  /** A text node's text. */
  text?: string;
  children: UiNode[];
  /** An element's shadow root, open or closed. */
  shadow?: { mode: string; children: UiNode[] };
  /** The protocol's handle on the node (CDP backendNodeId, BiDi sharedId), for clicking it. */
  ref: string | number;
}

/** Every element with the in-page UI host attribute, and what its shadow root holds. */
export function uiHosts(roots: readonly UiNode[]): UiNode[] {
  const out: UiNode[] = [];
  const visit = (node: UiNode) => {
    if ('data-hashiya-ui' in node.attrs) out.push(node);
    for (const child of node.children) visit(child);
  };
  for (const root of roots) visit(root);
  return out;
}

/** Elements under `node` (its shadow root included) matching a tiny selector: `tag`, `[a]`, `[a="v"]`, or both. */
export function queryUi(node: UiNode, selector: string): UiNode[] {
  const match = /^([a-z0-9-]*)((?:\[[a-z-]+(?:="[^"]*")?\])*)$/i.exec(selector.trim());
  if (!match) throw new Error(`unsupported selector ${selector}`);
  const tag = (match[1] ?? '').toLowerCase();
  const attrs = [...(match[2] ?? '').matchAll(/\[([a-z-]+)(?:="([^"]*)")?\]/gi)].map((m) => ({
    name: m[1] ?? '',
    value: m[2],
  }));
  const out: UiNode[] = [];
  const visit = (n: UiNode) => {
    if (
      n.tag !== '' &&
      (tag === '' || n.tag === tag) &&
      attrs.every((a) => a.name in n.attrs && (a.value === undefined || n.attrs[a.name] === a.value))
    )
      out.push(n);
    for (const child of n.shadow?.children ?? []) visit(child);
    for (const child of n.children) visit(child);
  };
  visit(node);
  return out;
}

/** The text under `node`, shadow root included. */
export function uiText(node: UiNode): string {
  return (
    (node.text ?? '') +
    (node.shadow?.children ?? []).map(uiText).join('') +
    node.children.map(uiText).join('')
  );
}

/**
 * The words the reader sees in our closed shadow roots (the toolbar's and the note card's messages):
 * their text nodes, style sheets left out, white space collapsed.
 */
export function closedUiText(hosts: readonly UiNode[]): string {
  const texts: string[] = [];
  const visit = (n: UiNode) => {
    if (n.tag === 'style') return;
    if (n.text !== undefined) texts.push(n.text);
    for (const child of n.shadow?.children ?? []) visit(child);
    for (const child of n.children) visit(child);
  };
  for (const host of hosts)
    if (host.shadow?.mode === 'closed') for (const child of host.shadow.children) visit(child);
  return texts.join(' ').replace(/\s+/g, ' ').trim();
}

// ── Chromium: DevTools protocol DOM nodes ──

export interface CdpNode {
  nodeType: number;
  localName?: string;
  nodeValue?: string;
  backendNodeId: number;
  attributes?: string[];
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
  shadowRootType?: string;
}

export function fromCdp(node: CdpNode): UiNode {
  const attrs: Record<string, string> = {};
  const list = node.attributes ?? [];
  for (let i = 0; i + 1 < list.length; i += 2) attrs[list[i] as string] = list[i + 1] as string;
  const shadowRoot = node.shadowRoots?.[0];
  return {
    tag: node.nodeType === 1 ? (node.localName ?? '') : '',
    attrs,
    ...(node.nodeType === 3 ? { text: node.nodeValue ?? '' } : {}),
    children: (node.children ?? []).map(fromCdp),
    ...(shadowRoot
      ? {
          shadow: {
            mode: shadowRoot.shadowRootType ?? '',
            children: (shadowRoot.children ?? []).map(fromCdp),
          },
        }
      : {}),
    ref: node.backendNodeId,
  };
}

// ── Firefox: WebDriver BiDi serialised nodes ──

export interface BidiNode {
  type: string;
  sharedId?: string;
  value?: {
    nodeType: number;
    localName?: string;
    nodeValue?: string;
    attributes?: Record<string, string>;
    children?: BidiNode[];
    shadowRoot?: BidiNode | null;
    mode?: string;
  };
}

export function fromBidi(node: BidiNode): UiNode {
  const value = node.value;
  const shadowRoot = value?.shadowRoot?.value;
  return {
    tag: value?.nodeType === 1 ? (value.localName ?? '') : '',
    attrs: value?.attributes ?? {},
    ...(value?.nodeType === 3 ? { text: value.nodeValue ?? '' } : {}),
    children: (value?.children ?? []).map(fromBidi),
    ...(shadowRoot
      ? { shadow: { mode: shadowRoot.mode ?? '', children: (shadowRoot.children ?? []).map(fromBidi) } }
      : {}),
    ref: node.sharedId ?? '',
  };
}
