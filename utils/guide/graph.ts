/**
 * Small pure walks on a guide's items, shared by validation, the run and the
 * observer. Types only from the schema: no zod at run time.
 */
import type { Action, ActionStep, Guide, GuideItem } from './schema';

export type DoneWhen = NonNullable<ActionStep['doneWhen']>;

/**
 * What each action is, for the rules that depend on it: whether it needs a
 * target (to show and to observe), and how its step counts as done when
 * `doneWhen` is not given. A new action must be described here.
 */
const ACTION_RULES = {
  click: { target: true, doneWhen: 'action' },
  fill: { target: true, doneWhen: 'action' },
  choose: { target: true, doneWhen: 'action' },
  check: { target: true, doneWhen: 'action' },
  'pick-file': { target: true, doneWhen: 'action' },
  read: { target: false, doneWhen: 'manual' },
  'go-to-page': { target: false, doneWhen: 'page' },
} as const satisfies Record<Action, { target: boolean; doneWhen: DoneWhen }>;

/** Actions that need a target to show and to observe. */
export const ACTIONS_WITH_TARGET: ReadonlySet<Action> = /* @__PURE__ */ new Set(
  (Object.keys(ACTION_RULES) as Action[]).filter((action) => ACTION_RULES[action].target),
);

/** Index of the item with this id in `steps`, or -1. */
export function itemIndex(guide: Pick<Guide, 'steps'>, id: string): number {
  return guide.steps.findIndex((item) => item.id === id);
}

/** The item with this id, or undefined. */
export function itemById(guide: Pick<Guide, 'steps'>, id: string): GuideItem | undefined {
  return guide.steps.find((item) => item.id === id);
}

/**
 * Where an action step (or a step that runs another guide, once that guide is
 * over) leads: its `next`, or else the following item of `steps`. Undefined
 * for a question (it depends on the answer), an end, an unknown id, or a last
 * step without `next`.
 */
export function nextItemId(guide: Pick<Guide, 'steps'>, itemId: string): string | undefined {
  const index = itemIndex(guide, itemId);
  const item = guide.steps[index];
  if (item?.kind !== 'step' && item?.kind !== 'guide') return undefined;
  return item.next ?? guide.steps[index + 1]?.id;
}

/** The ids of the guides this guide runs (items of kind `guide`), each once, in order. */
export function innerGuideIds(guide: Pick<Guide, 'steps'>): string[] {
  return [...new Set(guide.steps.flatMap((item) => (item.kind === 'guide' ? [item.guide] : [])))];
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
  const byDefault: DoneWhen = ACTION_RULES[step.action].doneWhen;
  return byDefault === 'action' && !step.target ? 'manual' : byDefault;
}
