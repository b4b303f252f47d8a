/**
 * Finds the element that a recorded description points at, on today's page, in two steps:
 * 1. gather the candidates and score them (`./candidates`): cheap facts first, the expensive ones
 *    and a visibility check only for the promising ones; the scores alone give a decision (`decide`);
 * 2. the rules (`./rules`), tried in order, may overturn it: doubts raised by lookalikes, ties broken
 *    by section, rank or modifier class, a label reworded in its very place.
 * Rather silent than wrong: below the threshold, or too close to a second candidate, the answer is
 * "not found" or "ambiguous", never a guess.
 */
import { type SearchOptions, search } from './candidates';
import { duringOneCall } from './facts';
import { lookalikes } from './lookalikes';
import { answer, type Evidence } from './rules';
import type { LocateRoot } from './scopes';
import { decide, FOUND_THRESHOLD, MARGIN, MIN_EVIDENCE } from './score';
import type { TargetDescription } from './target';

// What other modules of the engine (and their tests) import from here.
export { countLookalikes } from './lookalikes';
export { consistentRewording } from './rewording';
export { collectScopes, isVisible, type LocateRoot } from './scopes';

export type LocateResult =
  | { status: 'found'; element: Element; confidence: number }
  | { status: 'ambiguous'; candidates: Element[] }
  /**
   * `outOfSight`: the best match is hidden where a control of the page shows it (a tab, a folded section);
   * `opener`: that control, when one is in sight (the tab, the accordion's button, the summary).
   */
  | { status: 'not-found'; outOfSight?: true; opener?: Element };

export interface LocateOptions extends SearchOptions {
  /** Tell twins apart by section, modifier classes or same-slot rewording (default true; `describe` counts twins without). */
  tieBreaks?: boolean;
}

/** Searches the root and gathers what the rules read. */
export function evidenceOf(d: TargetDescription, root: LocateRoot, options: LocateOptions = {}): Evidence {
  const threshold = options.threshold ?? FOUND_THRESHOLD;
  const margin = options.margin ?? MARGIN;
  const { scored, incomplete, gathered, hidden } = search(d, root, options);
  let namesakes: Element[] | undefined | null = null;
  return {
    d,
    scored,
    gathered,
    hidden,
    decision: decide(scored, { threshold, margin, minEvidence: MIN_EVIDENCE, incomplete }),
    threshold,
    margin,
    tieBreaks: !incomplete && options.tieBreaks !== false,
    // Lookalikes were counted on the whole page: compare only when the whole page is searched.
    alike: root.nodeType === 9 ? d.alike : undefined,
    namesakes: () => {
      if (namesakes === null) namesakes = lookalikes(d, gathered);
      return namesakes;
    },
  };
}

export function locate(d: TargetDescription, root: LocateRoot, options: LocateOptions = {}): LocateResult {
  // Visibility, names, contexts are read once per element for the whole call (`oncePerCall`, ./facts).
  return duringOneCall(() => answer(evidenceOf(d, root, options)));
}
