/**
 * The element that holds our UI in a page: a closed shadow root (a page script
 * cannot reach into it, and `element.shadowRoot` says null), in the page only
 * while something is shown, obeying the person's own input only.
 */
import { obeyPersonOnly } from './person-input';

/** The playback overlay's host element. */
export const OVERLAY_HOST = 'cote-a-cote-overlay';

export interface PageHost {
  /** The element in the page (not connected while hidden). */
  readonly host: HTMLElement;
  /** Our reference to the shadow root: the page has none. */
  readonly shadow: ShadowRoot;
  /** Where our UI renders. */
  readonly container: HTMLElement;
  /** Whether a node is ours: the host or anything in its shadow root. */
  contains(node: Node): boolean;
  /** Puts the host in the page (after <body>: above the page, out of its layout, and out of a modal trap on <body>). */
  attach(): void;
  /** Takes the host out of the page. */
  detach(): void;
}

export interface PageHostOptions {
  /** The host's tag name (a custom element name). */
  name: string;
  css: string;
  /** `open` only in practice builds, when the end-to-end harness asks (components/page/test-access.ts). */
  mode?: ShadowRootMode;
  signal?: AbortSignal;
  doc?: Document;
}

/** Key presses in our UI never reach the page's handlers. */
const ISOLATED = ['keydown', 'keyup', 'keypress'] as const;

export function createPageHost({ name, css, mode = 'closed', signal, doc = document }: PageHostOptions): PageHost {
  const host = doc.createElement(name);
  const shadow = host.attachShadow({ mode });
  const style = doc.createElement('style');
  // The page's styles stop at the host; ours are inside.
  style.textContent = `:host { all: initial !important; }\n${css}`;
  const container = doc.createElement('div');
  shadow.append(style, container);
  obeyPersonOnly(shadow, { signal });
  for (const type of ISOLATED) shadow.addEventListener(type, (event) => event.stopPropagation(), { signal });
  const detach = () => host.remove();
  signal?.addEventListener('abort', detach);
  return {
    host,
    shadow,
    container,
    contains: (node) => node === host || host.contains(node) || node.getRootNode() === shadow,
    attach() {
      // A host whose script stopped stays out of the page for good.
      if (!host.isConnected && !signal?.aborted) doc.documentElement.append(host);
    },
    detach,
  };
}
