import type { Guide } from '../guide/schema';
import { HELP_KINDS, type HelpKind, type Run, type Visit } from './run';

/** Views derived from a run: what the panel ticks, whether to show the spotlight, the end recap. */

/** The path actually taken to the current item: one ended visit per item, oldest first. */
export function trail(run: Run): Visit[] {
  return run.stack.map((index) => run.history[index]).filter((visit): visit is Visit => visit !== undefined);
}

export function canGoBack(run: Run): boolean {
  return run.status === 'active' && run.stack.length > 0;
}

/**
 * Whether the current step is shown with the spotlight: always when guided;
 * at the other levels, once the person asked ("Montre-moi", "Je ne trouve
 * pas", "Je suis perdu·e") — until the run moves to another item.
 */
export function spotlightOn(run: Run): boolean {
  return run.status === 'active' && (run.level === 'guided' || run.currentHelp.length > 0);
}

/** The end recap. Counts and ids only: nothing about the person. */
export interface Recap {
  finished: boolean;
  /** Steps on the path taken (questions apart). */
  steps: number;
  /** Done by the person's own action, or by reaching the page. */
  doneByPerson: number;
  /** Marked done with "C'est fait". */
  doneByHand: number;
  /** Gone past by going ahead to a later page. */
  skipped: number;
  questionsAnswered: number;
  /** Times "Retour" was used. */
  backs: number;
  /** Items where help was asked, each once, including visits later undone by "Retour". */
  helpAsked: number;
  /** Visits where each kind of help was asked. */
  helpByKind: Record<HelpKind, number>;
  /** Ids of the items where help was asked, in the guide's order. */
  helpIds: string[];
  /** Ids of the steps marked done by hand on the path taken, in the guide's order. */
  manualIds: string[];
  durationMs: number;
}

export function recap(guide: Guide, run: Run): Recap {
  const known = new Set(guide.steps.map((item) => item.id));
  const path = trail(run).filter((visit) => known.has(visit.id));
  const count = (how: Visit['how']) => path.filter((visit) => visit.how === how).length;
  const current = { id: run.currentId, help: run.currentHelp };
  const visits = [...run.history, current].filter((visit) => known.has(visit.id));
  const helpByKind = Object.fromEntries(HELP_KINDS.map((kind) => [kind, visits.filter((v) => v.help.includes(kind)).length])) as Record<
    HelpKind,
    number
  >;
  const helped = new Set(visits.filter((visit) => visit.help.length > 0).map((visit) => visit.id));
  const manual = new Set(path.filter((visit) => visit.how === 'manual').map((visit) => visit.id));
  const inGuideOrder = (ids: Set<string>) => guide.steps.map((item) => item.id).filter((id) => ids.has(id));
  return {
    finished: run.status === 'finished',
    steps: path.filter((visit) => visit.how !== 'answered').length,
    doneByPerson: count('done') + count('page'),
    doneByHand: count('manual'),
    skipped: count('skipped'),
    questionsAnswered: count('answered'),
    backs: run.history.filter((visit) => visit.how === 'back').length,
    helpAsked: helped.size,
    helpByKind,
    helpIds: inGuideOrder(helped),
    manualIds: inGuideOrder(manual),
    durationMs: Math.max(0, (run.finishedAt ?? run.updatedAt) - run.startedAt),
  };
}
