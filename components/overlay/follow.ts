/**
 * Follows a target on the page: one `update` call whenever the target may have
 * moved or changed size (scroll in any scroll container, window resize, DOM
 * changes, transitions), at most once per animation frame for DOM changes.
 * The overlay's own DOM lives in a shadow root, which the page observers do not
 * see, so writing the overlay never triggers another update.
 */
import type { Box, Size } from './geometry';

/** The element's box in this window's viewport, crossing same-origin frames. */
export function viewportBox(el: Element): Box {
  const r = el.getBoundingClientRect();
  let x = r.left;
  let y = r.top;
  let win = el.ownerDocument.defaultView;
  while (win && win !== window) {
    const frame = win.frameElement;
    if (!frame) break;
    const f = frame.getBoundingClientRect();
    x += f.left + frame.clientLeft;
    y += f.top + frame.clientTop;
    win = frame.ownerDocument.defaultView;
  }
  return { x, y, width: r.width, height: r.height };
}

/** The layout viewport without scroll bars (the box that `position: fixed` uses). */
export function viewportSize(): Size {
  const de = document.compatMode === 'BackCompat' ? document.body : document.documentElement;
  return { width: de?.clientWidth || innerWidth, height: de?.clientHeight || innerHeight };
}

/** The documents from the target's up to ours: a scroll or a change in any of them can move it. */
function documentsOf(el: Element): Document[] {
  const docs = [el.ownerDocument];
  let win = el.ownerDocument.defaultView;
  while (win && win !== window && win.frameElement) {
    docs.push(win.frameElement.ownerDocument);
    win = win.frameElement.ownerDocument.defaultView;
  }
  return docs;
}

export function follow(reference: Element, floating: Element | null, update: () => void): () => void {
  let frame = 0;
  const schedule = () => {
    frame ||= requestAnimationFrame(() => {
      frame = 0;
      update();
    });
  };
  const opts = { capture: true, passive: true };
  const docs = documentsOf(reference);
  const resize = new ResizeObserver(() => update());
  const mutations = new MutationObserver(schedule);
  resize.observe(reference);
  if (floating) resize.observe(floating);
  for (const doc of docs) {
    // Scroll events do not bubble, but a capturing listener sees those of every scroll container.
    doc.addEventListener('scroll', update, opts);
    doc.addEventListener('transitionend', schedule, opts);
    doc.addEventListener('animationend', schedule, opts);
    resize.observe(doc.documentElement);
    mutations.observe(doc.documentElement, { subtree: true, childList: true, attributes: true, characterData: true });
    const f = doc.defaultView?.frameElement;
    if (f && doc !== document) resize.observe(f);
  }
  addEventListener('resize', update, opts);
  update();
  return () => {
    cancelAnimationFrame(frame);
    resize.disconnect();
    mutations.disconnect();
    for (const doc of docs) {
      doc.removeEventListener('scroll', update, opts);
      doc.removeEventListener('transitionend', schedule, opts);
      doc.removeEventListener('animationend', schedule, opts);
    }
    removeEventListener('resize', update, opts);
  };
}
