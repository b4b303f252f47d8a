/**
 * Moving an item of the list by dragging its handle: the item under the
 * pointer shows where the dragged one would land (before or after it), and the
 * drop moves it. The keyboard's way is the item's move buttons and Alt+arrows.
 */
import { useRef, useState } from 'preact/hooks';
import { type DropSide, dropDestination, dropSide } from '../../utils/editor';
import type { StepItemProps } from './StepItem';

type Pointer = Pick<DragEvent, 'clientY' | 'currentTarget'>;

function sideOf(event: Pointer): DropSide {
  const box = (event.currentTarget as HTMLElement).getBoundingClientRect();
  return dropSide(event.clientY, box.top, box.height);
}

/** The drag handlers of the item at each index; `move` is called on a drop that moves an item. */
export function useItemDrag(keys: readonly string[], move: (from: number, to: number) => void): (index: number) => StepItemProps['drag'] {
  const dragFrom = useRef<number | null>(null);
  const [over, setOver] = useState<{ index: number; side: DropSide } | null>(null);

  return (index) => ({
    over: over?.index === index ? over.side : null,
    onStart(event, from) {
      dragFrom.current = from;
      if (event.dataTransfer) {
        event.dataTransfer.effectAllowed = 'move';
        // Firefox starts a drag only with some data.
        event.dataTransfer.setData('text/plain', keys[from] ?? '');
        const item = (event.currentTarget as HTMLElement).closest('li');
        if (item) event.dataTransfer.setDragImage(item, 16, 16);
      }
    },
    onEnd() {
      dragFrom.current = null;
      setOver(null);
    },
    onOver(event, at) {
      if (dragFrom.current === null) return;
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'move';
      const side = sideOf(event);
      if (over?.index !== at || over.side !== side) setOver({ index: at, side });
    },
    onDrop(event, at) {
      const from = dragFrom.current;
      dragFrom.current = null;
      setOver(null);
      if (from === null) return;
      event.preventDefault();
      const to = dropDestination(from, at, sideOf(event));
      if (to !== null) move(from, to);
    },
  });
}
