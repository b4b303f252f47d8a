/**
 * Small pure walks on a guide's items, shared by validation, the run and the
 * observer. Types only from the schema: no zod at run time.
 */
import type { ActionStep, Guide, GuideItem } from './schema';

export type DoneWhen = NonNullable<ActionStep['doneWhen']>;

/** Actions that need a target to show and to observe. */
export const ACTIONS_WITH_TARGET: ReadonlySet<ActionStep['action']> = new Set(['click', 'fill', 'choose', 'check', 'pick-file']);

/** Index of the item with this id in `steps`, or -1. */
export function itemIndex(guide: Pick<Guide, 'steps'>, id: string): number {
  return guide.steps.findIndex((item) => item.id === id);
}

/** The item with this id, or undefined. */
export function itemById(guide: Pick<Guide, 'steps'>, id: string): GuideItem | undefined {
  return guide.steps.find((item) => item.id === id);
}

/**
 * Where an action step leads: its `next`, or else the following item of
 * `steps`. Undefined for a question (it depends on the answer), an end, an
 * unknown id, or a last step without `next`.
 */
export function nextItemId(guide: Pick<Guide, 'steps'>, itemId: string): string | undefined {
  const index = itemIndex(guide, itemId);
  const item = guide.steps[index];
  if (item?.kind !== 'step') return undefined;
  return item.next ?? guide.steps[index + 1]?.id;
}

/** Every id an item can lead to: its next (explicit or implicit), or each choice's next. */
export function successorIds(guide: Pick<Guide, 'steps'>, itemId: string): string[] {
  const item = itemById(guide, itemId);
  if (!item) return [];
  if (item.kind === 'question') return [...new Set(item.choices.map((choice) => choice.next))];
  const next = nextItemId(guide, itemId);
  return next === undefined ? [] : [next];
}

/**
 * How a step counts as done when `doneWhen` is not given: arriving on the page
 * for `go-to-page`, the "C'est fait" button for `read`, the action on the
 * target otherwise (and the button when there is no target).
 */
export function doneWhenOf(step: Pick<ActionStep, 'action' | 'doneWhen' | 'target'>): DoneWhen {
  if (step.doneWhen) return step.doneWhen;
  if (step.action === 'go-to-page') return 'page';
  if (step.action === 'read') return 'manual';
  return step.target ? 'action' : 'manual';
}
