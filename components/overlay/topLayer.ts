/**
 * Keeps the overlay above the page, whatever the page does:
 * - the layer is a manual popover, so it sits in the browser's top layer, above
 *   anything the page stacks with z-index (DSFR modals are `<dialog>` elements
 *   opened with an `open` attribute and a z-index: they stay below us);
 * - the last element shown in the top layer is drawn on top: after the page opens
 *   a modal dialog (`showModal()`) or a popover, the layer is shown again;
 * - a modal dialog makes the rest of the document inert (no click, no focus):
 *   while one is open, the overlay's host moves into it, and back afterwards.
 * Browsers without popovers keep the host's maximal z-index.
 */

const matches = (node: Node, selector: string) => {
  try {
    return (node as Element).matches(selector);
  } catch {
    return false;
  }
};
const isModal = (node: Node) => matches(node, ':modal');

export function keepOnTop(layer: HTMLElement): () => void {
  if (typeof layer.showPopover !== 'function') return () => {};
  const host = (layer.getRootNode() as ShadowRoot).host as Element | undefined;
  const home = host?.parentNode;
  /** The page's modal dialogs, in the order they opened. */
  let modals: Element[] = [];

  const raise = () => {
    try {
      if (matches(layer, ':popover-open')) layer.hidePopover();
      layer.showPopover();
    } catch {
      // Not connected any more: nothing to raise.
    }
  };

  const settle = () => {
    modals = modals.filter((m) => m.isConnected && isModal(m));
    const into = modals.at(-1) ?? (home?.isConnected ? home : document.documentElement);
    // Moving the host closes the popover: it is shown again just after.
    if (host && host.parentNode !== into) into.append(host);
    raise();
  };

  // Our own toggle events do not leave our shadow root: every one seen here is the page's.
  // (`<details>` sends toggle events too: only a popover that opened counts.)
  const onToggle = (e: Event) => {
    if ((e as ToggleEvent).newState === 'open' && matches(e.target as Node, ':popover-open')) raise();
  };

  const page = new MutationObserver((records) => {
    // The page may also remove an open dialog, our host with it.
    let change = !!host && !host.isConnected;
    for (const r of records) {
      const el = r.target as Element;
      if (r.type !== 'attributes' || el.localName !== 'dialog') continue;
      const known = modals.includes(el);
      if (isModal(el) ? !known && modals.push(el) : known) change = true;
    }
    if (change) settle();
  });

  layer.popover = 'manual';
  modals = [...document.querySelectorAll('dialog')].filter(isModal);
  settle();
  document.addEventListener('toggle', onToggle, true);
  page.observe(document.documentElement, { subtree: true, childList: true, attributes: true, attributeFilter: ['open'] });
  return () => {
    document.removeEventListener('toggle', onToggle, true);
    page.disconnect();
    if (host && home && host.parentNode !== home && home.isConnected) home.appendChild(host);
    try {
      layer.hidePopover();
    } catch {}
  };
}
