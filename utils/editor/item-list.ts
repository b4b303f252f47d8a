/**
 * What the guide's list of items decides without a page: which items are open
 * at first, where a moved item lands and which control keeps the focus, which
 * item takes the focus after a deletion, where a dragged item is dropped.
 */

/** Lists longer than this open closed: the trainer opens the steps they work on. */
export const OPEN_ALL_UP_TO = 8;

/** The items open when the guide is opened: all of a short list, none of a long one. */
export function initiallyOpen(keys: readonly string[]): Set<string> {
  return new Set(keys.length <= OPEN_ALL_UP_TO ? keys : []);
}

/** The set with the key added if it was not there, removed if it was. */
export function toggled(open: ReadonlySet<string>, key: string): Set<string> {
  const next = new Set(open);
  if (next.has(key)) next.delete(key);
  else next.add(key);
  return next;
}

export type MoveDirection = 'up' | 'down';

/** Where the item at `index` goes with « Monter » or « Descendre »; null at that end of the list. */
export function moveDestination(direction: MoveDirection, index: number, length: number): number | null {
  const to = direction === 'up' ? index - 1 : index + 1;
  return to < 0 || to >= length ? null : to;
}

/**
 * The move button that keeps the focus after a move: the one used, unless the
 * item is now at that end of the list, where it is disabled — then the other.
 */
export function moveControlAfter(direction: MoveDirection, to: number, length: number): MoveDirection {
  if (direction === 'up') return to === 0 ? 'down' : 'up';
  return to === length - 1 ? 'up' : 'down';
}

/** The item that takes the focus when the one at `index` is deleted: the next one, else the one before; none in an emptied list. */
export function neighbourAfterRemove(keys: readonly string[], index: number): string | undefined {
  return keys[index + 1] ?? keys[index - 1];
}

export type DropSide = 'before' | 'after';

/** Which half of an item the pointer is over: its top half drops before it, its bottom half after it. */
export function dropSide(pointerY: number, top: number, height: number): DropSide {
  return pointerY < top + height / 2 ? 'before' : 'after';
}

/** Where the item dragged from `from` lands when dropped on a side of the item at `at`; null when it does not move. */
export function dropDestination(from: number, at: number, side: DropSide): number | null {
  let to = side === 'before' ? at : at + 1;
  // The dragged item leaves its place first: everything after it moves up by one.
  if (from < to) to -= 1;
  return to === from ? null : to;
}
