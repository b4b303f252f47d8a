import { matchesPage } from '../catalogue/sites';
import { doneWhenOf, itemById, nextItemId } from '../guide/graph';
import type { ActionStep, Guide, GuideItem } from '../guide/schema';
import { itemsAhead } from './navigate';
import { landing } from './played';
import {
  HELP_KINDS,
  HELP_LEVELS,
  type HelpKind,
  type HelpLevel,
  type Outcome,
  RUN_MODES,
  type Run,
  type RunMode,
  startRun,
  type Visit,
} from './run';

/**
 * What can happen to a run. `itemId`, when given, is the item the sender was
 * showing: the event is ignored if the run has moved on since (a double click
 * on "C'est fait" must not skip a step).
 */
export type RunEvent =
  /** The observer saw the expected action on the target of this step. */
  | { type: 'action-done'; stepId: string }
  /** The tab arrived on this URL. */
  | { type: 'page'; url: string }
  /** "C'est fait". */
  | { type: 'manual-done'; itemId?: string }
  /** "Retour". */
  | { type: 'back'; itemId?: string }
  /** A question's choice, by index. */
  | { type: 'answer'; choice: number; itemId?: string }
  /** "Je ne trouve pas", "Montre-moi", "Je suis perdu·e". */
  | { type: 'help'; kind: HelpKind; itemId?: string }
  | { type: 'set-mode'; mode: RunMode }
  | { type: 'set-level'; level: HelpLevel }
  /** Start the guide again from its first item, same mode and level. */
  | { type: 'restart' }
  | { type: 'abandon' };

interface Passed {
  id: string;
  how: Outcome;
  choice?: number;
}

/**
 * The run after `event`. Pure: never mutates `run`, and returns `run` itself
 * when the event does not apply (not the current step, run over, unknown id…),
 * so that the caller can skip writing to storage. Never throws.
 */
export function advance(guide: Guide, run: Run, event: RunEvent, now: number): Run {
  if (guide.id !== run.guideId) return run;
  if (event.type === 'restart') return startRun(guide, run.mode, now, run.level);
  if (run.status !== 'active') return run;
  const item = itemById(guide, run.currentId);
  if (!item) return run;
  if ('itemId' in event && event.itemId !== undefined && event.itemId !== item.id) return run;

  switch (event.type) {
    case 'action-done':
      if (item.kind !== 'step' || event.stepId !== item.id || doneWhenOf(item) !== 'action') return run;
      return forward(guide, run, [{ id: item.id, how: 'done' }], nextItemId(guide, item.id), now);

    case 'manual-done':
      // Any step can be marked done by hand: the observer may miss what the person did. A step that
      // runs a guide is only current when that guide is not installed: its text stands alone then.
      if (item.kind !== 'step' && item.kind !== 'guide') return run;
      return forward(guide, run, [{ id: item.id, how: 'manual' }], nextItemId(guide, item.id), now);

    case 'answer': {
      if (item.kind !== 'question' || !Number.isInteger(event.choice)) return run;
      const index = event.choice || 0; // -0 would not survive JSON as itself
      const choice = item.choices[index];
      if (!choice) return run;
      return forward(guide, run, [{ id: item.id, how: 'answered', choice: index }], choice.next, now);
    }

    case 'page':
      return arrive(guide, run, item, event.url, now);

    case 'back':
      return back(guide, run, now);

    case 'help':
      if (!HELP_KINDS.includes(event.kind) || run.currentHelp.includes(event.kind)) return run;
      return { ...run, currentHelp: [...run.currentHelp, event.kind], updatedAt: now };

    case 'set-mode':
      if (!RUN_MODES.includes(event.mode) || event.mode === run.mode) return run;
      return { ...run, mode: event.mode, updatedAt: now };

    case 'set-level':
      if (!HELP_LEVELS.includes(event.level) || event.level === run.level) return run;
      return { ...run, level: event.level, updatedAt: now };

    case 'abandon':
      return { ...run, status: 'abandoned', updatedAt: now, finishedAt: now };

    default:
      // Events come through messages: an unknown one is ignored, not trusted; the compiler still checks that every known one is handled.
      event satisfies never;
      return run;
  }
}

/**
 * Ends the visits of `passed` (the current item first, then the items skipped
 * over) and makes `nextId` current — entering the inner guide of a `guide`
 * item, or leaving an inner guide at its end for what follows it (`landing`).
 * A dangling `nextId` leaves the run where it is: rather stay than go nowhere.
 * No next at all finishes the run.
 */
function forward(guide: Guide, run: Run, passed: Passed[], nextId: string | undefined, now: number): Run {
  const landed = nextId === undefined ? undefined : landing(guide, nextId);
  if (landed && landed.id === undefined) return run;
  const history = run.history.slice();
  const stack = run.stack.slice();
  const answers = { ...run.answers };
  passed.forEach(({ id, how, choice }, index) => {
    const visit: Visit = { id, how, help: index === 0 ? run.currentHelp : [], level: run.level, at: now };
    if (choice !== undefined) {
      visit.choice = choice;
      answers[id] = choice;
    }
    stack.push(history.length);
    history.push(visit);
  });
  const moved: Run = { ...run, history, stack, answers, currentHelp: [], updatedAt: now };
  // A last step without `next` (the validator refuses it, but guides change) ends the run where it is.
  if (!landed?.id) return { ...moved, status: 'finished', finishedAt: now };
  moved.currentId = landed.id;
  return landed.finished ? { ...moved, status: 'finished', finishedAt: now } : moved;
}

function completedByPage(step: ActionStep, url: URL): boolean {
  return doneWhenOf(step) === 'page' && step.donePage !== undefined && matchesPage(step.donePage, url);
}

/**
 * Arrival on a page. It completes the current step when it is the step's
 * `donePage`; on the current step's own page nothing moves (a reload). Else,
 * when it is the page of a later step along the path (up to the next
 * question), the person went ahead: the step just before that one is done by
 * reaching its next step's page, the ones before it are recorded as skipped.
 * A page that matches nothing leaves the run as it is.
 */
function arrive(guide: Guide, run: Run, item: GuideItem, rawUrl: string, now: number): Run {
  if (item.kind !== 'step') return run;
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return run;
  }
  if (completedByPage(item, url)) return forward(guide, run, [{ id: item.id, how: 'page' }], nextItemId(guide, item.id), now);
  // A step without `page` can happen anywhere, so it says nothing here: look ahead.
  if (item.page !== undefined && matchesPage(item.page, url)) return run;

  const behind: ActionStep[] = [item];
  for (const later of itemsAhead(guide, item.id)) {
    if (later.kind !== 'step') break;
    if (later.page !== undefined && matchesPage(later.page, url)) {
      const passed = behind.map(({ id }, i): Passed => ({ id, how: i === behind.length - 1 ? 'page' : 'skipped' }));
      return forward(guide, run, passed, later.id, now);
    }
    if (completedByPage(later, url)) {
      const passed = behind.map(({ id }): Passed => ({ id, how: 'skipped' }));
      return forward(guide, run, [...passed, { id: later.id, how: 'page' }], nextItemId(guide, later.id), now);
    }
    behind.push(later);
  }
  return run;
}

/** "Retour": back to the item before, on the path actually taken. Going back to a question undoes its answer. */
function back(guide: Guide, run: Run, now: number): Run {
  const top = run.stack[run.stack.length - 1];
  const previous = top === undefined ? undefined : run.history[top];
  if (!previous || !itemById(guide, previous.id)) return run;
  const left: Visit = { id: run.currentId, how: 'back', help: run.currentHelp, level: run.level, at: now };
  const answers = { ...run.answers };
  delete answers[previous.id];
  return {
    ...run,
    currentId: previous.id,
    currentHelp: [],
    history: [...run.history, left],
    stack: run.stack.slice(0, -1),
    answers,
    updatedAt: now,
  };
}
