/**
 * Keeps the overlay in the browser's top layer, above everything the page can
 * stack with z-index, and above a modal dialog (`showModal()`) or a popover that
 * the page opens later: the last element shown in the top layer is drawn on top,
 * so the overlay is shown again after each of them.
 * Browsers without popovers keep the host's maximal z-index.
 */
export function keepOnTop(layer: HTMLElement): () => void {
  if (typeof layer.showPopover !== 'function') return () => {};
  const raise = () => {
    try {
      if (layer.matches(':popover-open')) layer.hidePopover();
      layer.showPopover();
    } catch {
      // Not connected any more: nothing to raise.
    }
  };
  const matches = (el: Element, selector: string) => {
    try {
      return el.matches(selector);
    } catch {
      return false;
    }
  };
  const isModal = (node: Node) => matches(node as Element, ':modal');
  const isOpenPopover = (el: Element) => matches(el, ':popover-open');
  // Our own toggle events do not leave our shadow root: every one seen here is the page's.
  // (`<details>` sends toggle events too: only a popover that opened counts.)
  const onToggle = (e: Event) => {
    if ((e as ToggleEvent).newState === 'open' && isOpenPopover(e.target as Element)) raise();
  };
  const dialogs = new MutationObserver((records) => {
    if (records.some((r) => isModal(r.target))) raise();
  });
  layer.popover = 'manual';
  raise();
  document.addEventListener('toggle', onToggle, true);
  dialogs.observe(document.documentElement, { subtree: true, attributes: true, attributeFilter: ['open'] });
  return () => {
    document.removeEventListener('toggle', onToggle, true);
    dialogs.disconnect();
    try {
      layer.hidePopover();
    } catch {}
  };
}
