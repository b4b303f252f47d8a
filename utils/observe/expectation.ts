import { assertNever } from '../assert-never';
import { doneWhenOf } from '../guide/graph';
import type { ActionStep } from '../guide/schema';

/**
 * What counts as done for a step, and the decision on one observed event.
 * Pure: the DOM side (`observe.ts`) reduces each event to `EventFacts`, a few
 * booleans, so that no value typed by the person ever reaches this code.
 */

export type Expectation =
  /** A trusted click on the target or inside it (or its form sent, for a submit button). */
  | { kind: 'click' }
  /** The field left (change, focusout) not empty. */
  | { kind: 'fill' }
  /** A change on a select with a real option chosen, or on a radio of the target's group. */
  | { kind: 'choose' }
  /** A change that leaves the checkbox checked. */
  | { kind: 'check' }
  /** A change with at least one file. */
  | { kind: 'pick-file' }
  /** Arriving on `page` (the background sees navigation, not this observer). */
  | { kind: 'page'; page?: string }
  /** Only "C'est fait". */
  | { kind: 'manual' };

export type StepForExpectation = Pick<ActionStep, 'action' | 'doneWhen' | 'target' | 'donePage'>;

export function expectation(step: StepForExpectation): Expectation {
  const doneWhen = doneWhenOf(step);
  if (doneWhen === 'page') return { kind: 'page', page: step.donePage };
  if (doneWhen === 'manual') return { kind: 'manual' };
  switch (step.action) {
    case 'read':
      return { kind: 'manual' };
    case 'go-to-page':
      return { kind: 'page', page: step.donePage };
    case 'click':
    case 'fill':
    case 'choose':
    case 'check':
    case 'pick-file':
      return { kind: step.action };
    default:
      return assertNever(step.action);
  }
}

/** One event, as little as the decision needs. Never a value. */
export interface EventFacts {
  /** The event type: `click`, `change`, `focusout`, `submit`, `input`… */
  type: string;
  /** Made by the person (`event.isTrusted`), not by a script. */
  trusted: boolean;
  /** It concerns the target: on it or inside it, a radio of its group, or the form of a submit target sent. */
  onTarget: boolean;
  /** The control it came from is not empty: text present, box checked, file picked, real option chosen. */
  filled: boolean;
}

/**
 * Whether this event completes the step. Typing alone (`input`) never does:
 * the guide would move on at the first letter, while the person still types.
 */
export function isStepDone(expected: Expectation, facts: EventFacts): boolean {
  if (!facts.trusted || !facts.onTarget) return false;
  switch (expected.kind) {
    case 'click':
      return facts.type === 'click' || facts.type === 'submit';
    case 'fill':
      return (facts.type === 'change' || facts.type === 'focusout') && facts.filled;
    case 'choose':
    case 'check':
    case 'pick-file':
      return facts.type === 'change' && facts.filled;
    // Arriving on a page is seen by the background, and "C'est fait" by the bubble: no event here completes them.
    case 'page':
    case 'manual':
      return false;
    default:
      return assertNever(expected);
  }
}
