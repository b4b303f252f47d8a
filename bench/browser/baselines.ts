/**
 * The baselines that the engine is compared with, run in the page (bundled by
 * the benchmark). Each one captures something on the "before" page and
 * resolves it on the "after" page.
 *
 * - finder: one CSS selector from @medv/finder with its default options.
 * - id: `getElementById` with the element's id at record time.
 * - recorder: a first-match selector list in the style of Chrome DevTools
 *   Recorder — `aria/<name>[role="…"]`, then the CSS selector, then an XPath
 *   (`//*[@id="…"]` when the element has an id, else a positional path). As
 *   the Recorder does, a selector is kept only when it resolves to the
 *   element itself at record time.
 */
import { finder } from '@medv/finder';
import { computeAccessibleName, getRole } from 'dom-accessibility-api';

export interface BaselineCapture {
  finder: string | null;
  id: string | null;
  recorder: string[];
}

export type BaselineName = 'finder' | 'id' | 'recorder';
export const BASELINES: BaselineName[] = ['finder', 'id', 'recorder'];

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

function cssOf(el: Element): string | null {
  try {
    return finder(el, { timeoutMs: 2000 });
  } catch {
    return null;
  }
}

function xpathOf(el: Element): string {
  const id = el.getAttribute('id');
  if (id && !id.includes('"')) return `//*[@id="${id}"]`;
  const steps: string[] = [];
  for (let node: Element | null = el; node && node.nodeType === 1; node = node.parentElement) {
    const tag = node.localName;
    const parent: Element | null = node.parentElement;
    if (!parent) {
      steps.unshift(tag);
      break;
    }
    const same = Array.from(parent.children).filter((c) => c.localName === tag);
    steps.unshift(same.length > 1 ? `${tag}[${same.indexOf(node) + 1}]` : tag);
  }
  return `/${steps.join('/')}`;
}

/** Elements with this role and accessible name, in document order. */
function ariaQuery(name: string, role: string, root: Document): Element[] {
  const found: Element[] = [];
  for (const el of Array.from(root.querySelectorAll('*'))) {
    if (getRole(el) !== role) continue;
    if (collapse(computeAccessibleName(el)) === name) found.push(el);
  }
  return found;
}

function ariaSelectorOf(el: Element): string | null {
  const role = getRole(el);
  const name = collapse(computeAccessibleName(el));
  if (!role || !name || name.includes('"') || name.includes(']')) return null;
  return `aria/${name}[role="${role}"]`;
}

/** First element that a Recorder-style selector matches, or null. */
export function resolveRecorderSelector(selector: string, root: Document = document): Element | null {
  if (selector.startsWith('aria/')) {
    const m = /^aria\/(.*)\[role="([^"]+)"\]$/.exec(selector);
    if (!m) return null;
    return ariaQuery(m[1] as string, m[2] as string, root)[0] ?? null;
  }
  if (selector.startsWith('xpath/')) {
    const r = root.evaluate(selector.slice(6), root, null, XPathResult.FIRST_ORDERED_NODE_TYPE, null);
    return (r.singleNodeValue as Element | null) ?? null;
  }
  try {
    return root.querySelector(selector);
  } catch {
    return null;
  }
}

export function captureBaselines(el: Element): BaselineCapture {
  const css = cssOf(el);
  const candidates = [ariaSelectorOf(el), css, `xpath/${xpathOf(el)}`].filter((s): s is string => !!s);
  return {
    finder: css,
    id: el.getAttribute('id') || null,
    recorder: candidates.filter((s) => resolveRecorderSelector(s) === el),
  };
}

/** What a baseline returns on the current page: one element, or null. */
export function resolveBaseline(name: BaselineName, capture: BaselineCapture, root: Document = document): Element | null {
  switch (name) {
    case 'finder':
      if (!capture.finder) return null;
      try {
        return root.querySelector(capture.finder);
      } catch {
        return null;
      }
    case 'id':
      return capture.id ? root.getElementById(capture.id) : null;
    case 'recorder':
      for (const s of capture.recorder) {
        const hit = resolveRecorderSelector(s, root);
        if (hit) return hit;
      }
      return null;
  }
}
