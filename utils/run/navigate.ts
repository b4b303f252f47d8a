import { itemById, nextItemId } from '../guide/graph';
import type { Guide, GuideItem } from '../guide/schema';

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
    const nextId = nextItemId(guide, item.id);
    if (nextId === undefined || seen.has(nextId)) break;
    seen.add(nextId);
    item = itemById(guide, nextId);
    if (item) ahead.push(item);
  }
  return ahead;
}
