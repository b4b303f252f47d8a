/**
 * Follows a target while the page changes: calls back with the first result,
 * then each time the result changes (the target appears, is replaced by a copy
 * after a re-render, disappears). One MutationObserver per root (the root, and
 * the open shadow roots and same-origin frames found so far); at most one
 * `locate()` per animation frame.
 */
import { collectScopes, type LocateOptions, type LocateResult, type LocateRoot, locate } from './locate';
import type { TargetDescription } from './target';

export interface WatchOptions extends LocateOptions {
  /** Mutations on nodes for which this returns true are ignored (our own overlay host). */
  ignore?: (node: Node) => boolean;
}

const OBSERVED_ATTRIBUTES = [
  'class',
  'style',
  'hidden',
  'aria-hidden',
  'inert',
  'open',
  'id',
  'name',
  'type',
  'role',
  'aria-label',
  'aria-labelledby',
  'aria-expanded',
  'href',
  'value',
  'placeholder',
  'disabled',
];

export function sameResult(a: LocateResult | undefined, b: LocateResult): boolean {
  if (!a || a.status !== b.status) return false;
  if (a.status === 'found' && b.status === 'found') return a.element === b.element;
  if (a.status === 'ambiguous' && b.status === 'ambiguous')
    return a.candidates.length === b.candidates.length && a.candidates.every((c, i) => c === b.candidates[i]);
  if (a.status === 'not-found' && b.status === 'not-found') return !a.outOfSight === !b.outOfSight && a.opener === b.opener;
  return true;
}

export function watch(
  description: TargetDescription,
  root: LocateRoot,
  callback: (result: LocateResult) => void,
  options: WatchOptions = {},
): () => void {
  const win = ((root as Document).defaultView ?? (root as Node).ownerDocument?.defaultView ?? globalThis) as Window & typeof globalThis;
  const ignore = options.ignore;
  let last: LocateResult | undefined;
  // Cancels the run scheduled for the next frame; undefined when none is.
  let cancel: (() => void) | undefined;
  let stopped = false;
  const observed = new Set<Node>();

  const observer = new MutationObserver((records) => {
    if (stopped) return;
    if (ignore && records.every((r) => ignore(r.target))) return;
    schedule();
  });

  const observe = (r: Node) => {
    if (observed.has(r)) return;
    observed.add(r);
    observer.observe(r, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: OBSERVED_ATTRIBUTES });
  };

  const run = () => {
    cancel = undefined;
    if (stopped) return;
    // Shadow roots and frames that appeared since the last run are observed too.
    for (const s of collectScopes(root, options)) observe(s.root);
    const result = locate(description, root, options);
    if (sameResult(last, result)) return;
    last = result;
    callback(result);
  };

  function schedule() {
    if (cancel) return;
    if (typeof win.requestAnimationFrame === 'function') {
      const id = win.requestAnimationFrame(run);
      cancel = () => win.cancelAnimationFrame(id);
    } else {
      const id = setTimeout(run, 16);
      cancel = () => clearTimeout(id);
    }
  }

  // A same-origin frame that finishes loading changes no attribute of our roots: its load event says so.
  const onLoad = (e: Event) => {
    const t = e.target as Element | null;
    if (t && (t.localName === 'iframe' || t.localName === 'frame')) schedule();
  };
  root.addEventListener('load', onLoad, true);

  run();

  return () => {
    stopped = true;
    root.removeEventListener('load', onLoad, true);
    observer.disconnect();
    observed.clear();
    cancel?.();
    cancel = undefined;
  };
}
