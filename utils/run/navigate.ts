import type { ActionStep, Guide, GuideItem } from '../guide/schema';

/** Small pure walks on a guide's items, for the run and the observer. Types only from the schema: no zod at runtime. */

export type DoneWhen = NonNullable<ActionStep['doneWhen']>;

export function itemById(guide: Pick<Guide, 'steps'>, id: string): GuideItem | undefined {
  return guide.steps.find((item) => item.id === id);
}

/**
 * Where a step leads: its `next`, else the following item of `steps`.
 * Undefined for a question (the answer decides), an end, or a last step without `next`.
 */
export function nextIdOf(guide: Pick<Guide, 'steps'>, item: GuideItem): string | undefined {
  if (item.kind !== 'step') return undefined;
  if (item.next !== undefined) return item.next;
  return guide.steps[guide.steps.indexOf(item) + 1]?.id;
}

/**
 * How a step counts as done when `doneWhen` is not given: the page for
 * `go-to-page`, "C'est fait" for `read`, the action on the target otherwise
 * (and "C'est fait" when there is no target to watch).
 */
export function doneWhenOf(step: Pick<ActionStep, 'action' | 'doneWhen' | 'target'>): DoneWhen {
  if (step.doneWhen) return step.doneWhen;
  if (step.action === 'go-to-page') return 'page';
  if (step.action === 'read') return 'manual';
  return step.target ? 'action' : 'manual';
}

/**
 * The items that follow `id` without a choice to make: next, next's next…,
 * stopping after the first question or end (what comes after depends on an
 * answer not given yet), at a dangling id, or when the path loops.
 */
export function itemsAhead(guide: Pick<Guide, 'steps'>, id: string): GuideItem[] {
  const ahead: GuideItem[] = [];
  const seen = new Set([id]);
  let item = itemById(guide, id);
  while (item) {
    const nextId = nextIdOf(guide, item);
    if (nextId === undefined || seen.has(nextId)) break;
    seen.add(nextId);
    item = itemById(guide, nextId);
    if (item) ahead.push(item);
  }
  return ahead;
}
