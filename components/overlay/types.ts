import type { StepView } from '../../utils/messages';
import type { RunEvent } from '../../utils/run';
import type { Settings } from '../../utils/settings/settings';

export type { StepView };

/**
 * What the overlay sends back: the run events of its buttons, each with the id
 * of the item it showed (a late double click is then ignored by `advance`), and
 * `finish`, the "Terminer" button of the end screen (the run is already finished
 * there: the content script decides what it closes), and `keep-end`, said just
 * before the end screen's « Effacer les traces » erases this very run: the end
 * screen stays, with what was erased, until « Terminer ».
 */
export type OverlayEvent =
  | (Extract<RunEvent, { type: 'manual-done' | 'back' | 'answer' | 'help' }> & { itemId: string })
  | { type: 'finish'; itemId: string }
  | { type: 'keep-end'; itemId: string };

/** Where the current step's target stands, as the locating engine last said. */
export type TargetState =
  | { status: 'searching' }
  | { status: 'found'; element: Element }
  | { status: 'ambiguous' }
  /**
   * `outOfSight`: in a part of the page still closed (a tab, a folded section): the person may open it;
   * `opener`: the control that opens it, ringed in place of the target (opening it is not the step).
   */
  | { status: 'not-found'; outOfSight?: boolean; opener?: Element }
  /** The step has no target (read, go-to-page), or the item is a question or the end. */
  | { status: 'no-target' };

export interface OverlayProps {
  /**
   * The current step of this tab's run; null: nothing is shown. With
   * `view.spotlight` false (levels "on demand" and "autonomous" until help is
   * asked) steps and questions show nothing either; the end screen always shows.
   */
  view: StepView | null;
  target: TargetState;
  /**
   * The next step's target, when it is on this page too: the bubble leaves it clear, so that the person sees
   * where they go next. Nothing is drawn on it.
   */
  nextTarget?: Element | null;
  onEvent: (event: OverlayEvent) => void;
  /** "Chercher à nouveau" after a target was not found (or several looked alike). */
  onSearchAgain: () => void;
  /** Display and reading settings (text size, contrast, motion, auto-read); the defaults when omitted. */
  settings?: Settings;
}
