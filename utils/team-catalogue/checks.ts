/**
 * The last check of each team catalogue (when, and what came of it), kept
 * apart from the catalogues themselves: a refused download writes here only,
 * so the installed catalogue is never touched by a failure.
 */
import type { CatalogueProblem } from './verify';

/** What can stop a download or an update, beyond the catalogue's own problems. */
export type TeamProblem =
  | CatalogueProblem
  /** The address is not a web address. */
  | { kind: 'address' }
  /** A person's run is on screen: no request is made then. */
  | { kind: 'run-on-screen' }
  /** A catalogue with this address is already there. */
  | { kind: 'already' }
  /** No catalogue at this address (removed meanwhile). */
  | { kind: 'unknown' }
  /** What was checked changed before it was added: check again. */
  | { kind: 'changed' };

export interface CatalogueCheck {
  /** Epoch ms. */
  at: number;
  outcome: 'updated' | 'up-to-date' | 'refused';
  problem?: TeamProblem;
}

export type CatalogueChecks = Record<string, CatalogueCheck>;

const OUTCOMES = new Set(['updated', 'up-to-date', 'refused']);

/** Each entry read on its own; anything odd is dropped (it is only a note). */
export function readChecks(raw: unknown): CatalogueChecks {
  const out: CatalogueChecks = Object.create(null);
  if (typeof raw !== 'object' || raw === null) return out;
  for (const [url, value] of Object.entries(raw)) {
    if (typeof value !== 'object' || value === null) continue;
    const { at, outcome, problem } = value as Record<string, unknown>;
    if (typeof at !== 'number' || typeof outcome !== 'string' || !OUTCOMES.has(outcome)) continue;
    const check: CatalogueCheck = { at, outcome: outcome as CatalogueCheck['outcome'] };
    if (typeof problem === 'object' && problem !== null && typeof (problem as { kind?: unknown }).kind === 'string') {
      check.problem = problem as TeamProblem;
    }
    out[url] = check;
  }
  return out;
}
