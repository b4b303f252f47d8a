import { itemById, nextItemId } from '../guide/graph';
import type { Guide, GuideItem } from '../guide/schema';

export { type DoneWhen, doneWhenOf, itemById } from '../guide/graph';

/**
 * Where a step leads: its `next`, else the following item of `steps`.
 * Undefined for a question (the answer decides), an end, or a last step without `next`.
 */
export function nextIdOf(guide: Pick<Guide, 'steps'>, item: GuideItem): string | undefined {
  return nextItemId(guide, item.id);
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
