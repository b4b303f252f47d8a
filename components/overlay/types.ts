import type { StepView } from '../../utils/messages';

export type { StepView };

/**
 * What the overlay sends back. The first four are run events (`utils/run`);
 * `finish` is the "Terminer" button of the end screen.
 */
export type OverlayEvent =
  | { type: 'manual-done' }
  | { type: 'back' }
  | { type: 'answer'; choice: number }
  | { type: 'help'; kind: 'not-found' | 'show-me' | 'lost' }
  | { type: 'finish' };

/** Where the current step's target stands, as the locating engine last said. */
export type TargetState =
  | { status: 'searching' }
  | { status: 'found'; element: Element }
  | { status: 'ambiguous' }
  | { status: 'not-found' }
  /** The step has no target (read, go-to-page), or the item is a question or the end. */
  | { status: 'no-target' };

/** Counts shown on the end screen. */
export interface Recap {
  /** Steps the person went through. */
  done: number;
  /** Of which marked done with "C'est fait". */
  byHand: number;
  /** Times help was asked ("Je ne trouve pas"…). */
  help: number;
}

export interface OverlayProps {
  /** The current step of this tab's run; null: nothing is shown. */
  view: StepView | null;
  target: TargetState;
  onEvent: (event: OverlayEvent) => void;
  /** "Chercher à nouveau" after a target was not found (or several looked alike). */
  onSearchAgain: () => void;
  /** Shown on the end screen when given. */
  recap?: Recap;
}
