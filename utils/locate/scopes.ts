/**
 * Where a search looks: the root, every open shadow root and every same-origin frame beneath it —
 * and whether an element there can be seen at all.
 */

import { oncePerCall } from './facts';

export type LocateRoot = Document | ShadowRoot | Element;

export interface Scope {
  root: LocateRoot;
  inFrame: boolean;
}

/**
 * What every search of a root needs and a full walk gives: shadow hosts, elements with an explicit
 * role, frames. Kept between searches while nothing changed: a MutationObserver marks it stale (its
 * pending records are read synchronously, so a change made just before a search counts), and it is
 * rebuilt at least every second anyway (a shadow root attached later to an element already in place
 * makes no mutation record).
 */
interface ScopeIndex {
  hosts: Element[];
  roles: ArrayLike<Element>;
  frames: Element[];
  at: number;
  stale: boolean;
  observer?: MutationObserver;
}
const indexes = new WeakMap<Node, ScopeIndex>();
const INDEX_TTL_MS = 1000;

export function scopeIndexOf(root: LocateRoot): ScopeIndex {
  const time = Date.now();
  const ix = indexes.get(root);
  if (ix && !ix.stale && !ix.observer?.takeRecords().length && time - ix.at < INDEX_TTL_MS && ix.observer) return ix;
  const hosts: Element[] = [];
  const all: ArrayLike<Element> = 'getElementsByTagName' in root ? root.getElementsByTagName('*') : root.querySelectorAll('*');
  for (let i = 0; i < all.length; i++) if ((all[i] as Element).shadowRoot) hosts.push(all[i] as Element);
  const fresh: ScopeIndex = {
    hosts,
    roles: root.querySelectorAll('[role]'),
    frames: Array.from(root.querySelectorAll('iframe,frame')),
    at: time,
    stale: false,
    observer: ix?.observer,
  };
  if (!fresh.observer) {
    const doc = (root as Node).ownerDocument ?? (root as Document);
    const MO = doc.defaultView?.MutationObserver;
    if (MO) {
      fresh.observer = new MO(() => {
        const cur = indexes.get(root);
        if (cur) cur.stale = true;
      });
      fresh.observer.observe(root, { childList: true, subtree: true, attributes: true, attributeFilter: ['role'] });
    }
  }
  indexes.set(root, fresh);
  return fresh;
}

/** The root plus every open shadow root and same-origin frame document beneath it. */
export function collectScopes(root: LocateRoot, opts: { shadow?: boolean; frames?: boolean } = {}, inFrame = false): Scope[] {
  const out: Scope[] = [{ root, inFrame }];
  const add = (r: LocateRoot, f: boolean) => {
    for (const s of collectScopes(r, opts, f)) out.push(s);
  };
  const ix = scopeIndexOf(root);
  if (opts.shadow !== false) {
    for (const h of ix.hosts) {
      const sr = h.shadowRoot;
      if (sr) add(sr, inFrame);
    }
    if ((root as Element).shadowRoot) add((root as Element).shadowRoot as ShadowRoot, inFrame);
  }
  if (opts.frames !== false) {
    for (const f of ix.frames) {
      let doc: Document | null = null;
      try {
        doc = (f as HTMLIFrameElement).contentDocument; // null or throws when cross-origin
      } catch {
        doc = null;
      }
      if (doc?.documentElement) add(doc, true);
    }
  }
  return out;
}

/** Hidden by attribute, by style, or cut off from assistive technologies. Works without layout (happy-dom). */
export const isVisible = oncePerCall(function isVisible(el: Element): boolean {
  if (el.closest('[hidden],[aria-hidden="true"],[inert]')) return false;
  if (el.localName === 'input' && (el as HTMLInputElement).type === 'hidden') return false;
  const check = (el as Element & { checkVisibility?: (o?: object) => boolean }).checkVisibility;
  if (typeof check === 'function') {
    try {
      return check.call(el, { visibilityProperty: true });
    } catch {
      /* fall through to styles */
    }
  }
  const win = el.ownerDocument.defaultView;
  if (!win) return true;
  for (let n: Element | null = el; n; n = n.parentElement ?? ((n.getRootNode() as ShadowRoot).host || null)) {
    const cs = win.getComputedStyle(n);
    if (cs.display === 'none' || (n === el && cs.visibility === 'hidden')) return false;
  }
  return true;
});

/**
 * The closed part of the page that hides `el` and that a control shows when the person uses it: a tab
 * panel, a region named by another element's `aria-controls` (an accordion, a disclosure), a closed
 * `<details>`. Null for a copy hidden by the layout (a menu for small screens): nothing on the page opens it.
 */
export function closedPart(el: Element): Element | null {
  let controlled: Map<string, Element[]> | undefined;
  for (let a: Element | null = el; a; a = a.parentElement) {
    if (isVisible(a)) return a !== el && a.localName === 'details' && !(a as HTMLDetailsElement).open ? a : null;
    if (a.getAttribute('role') === 'tabpanel') return a;
    controlled ??= controlsIn(el.getRootNode());
    if (a.id && controlled.has(a.id)) return a;
  }
  return null;
}

/**
 * The control in sight that opens `part` (a closed part, `closedPart`): a `<details>`' summary, else
 * the tab or button whose `aria-controls` names it, or that labels it. A control itself in a closed
 * part (a tab inside another tab's panel): the control that opens that one first. Null when none is in sight.
 */
export function openerOf(part: Element, depth = 0): Element | null {
  const root = part.getRootNode() as Document;
  const controls =
    part.localName === 'details'
      ? [part.querySelector(':scope > summary') ?? part]
      : [
          ...((part.id && controlsIn(root).get(part.id)) || []),
          ...(part.getAttribute('aria-labelledby')?.split(/\s+/) ?? []).flatMap((id) => (id && root.getElementById?.(id)) || []),
        ];
  for (const c of controls) if (isVisible(c)) return c;
  for (const c of controls) {
    const outer = depth < 3 ? closedPart(c) : null;
    if (outer) return openerOf(outer, depth + 1);
  }
  return null;
}

/** The elements whose `aria-controls` names each id, in a root: read once per `locate` call. */
const controlsIn = oncePerCall((root: Node): Map<string, Element[]> => {
  const byId = new Map<string, Element[]>();
  for (const c of (root as ParentNode).querySelectorAll('[aria-controls]'))
    for (const id of c.getAttribute('aria-controls')?.split(/\s+/) ?? []) if (id) byId.set(id, [...(byId.get(id) ?? []), c]);
  return byId;
});
