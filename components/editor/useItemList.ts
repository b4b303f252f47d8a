/**
 * The guide's list of items as the trainer works on it: which items are open,
 * and the commands of each item's header — open or close, move up or down,
 * duplicate, delete — and the buttons that add one. Each command says what it
 * did and puts the focus where the trainer can go on.
 */
import { useState } from 'preact/hooks';
import { i18n } from '#i18n';
import {
  addItem,
  duplicateItem,
  type ItemKind,
  initiallyOpen,
  moveControlAfter,
  moveDestination,
  moveItem,
  neighbourAfterRemove,
  removeItem,
  toggled,
} from '../../utils/editor';
import type { Say } from './announce';
import { inItem } from './focus';
import { itemName, kindLabel } from './labels';
import type { ItemCommand } from './StepItem';
import type { Session } from './session';

export interface ItemList {
  open: ReadonlySet<string>;
  openItem(key: string): void;
  openAll(): void;
  closeAll(): void;
  command(which: ItemCommand, index: number): void;
  add(kind: ItemKind): void;
  /** Moves an item (by its buttons, its keys or a drop) and says so. */
  move(from: number, to: number): void;
}

export interface ItemListOptions {
  session: Pick<Session, 'copy' | 'apply'>;
  say: Say;
  focusLater(selector: string): void;
}

export function useItemList({ session, say, focusLater }: ItemListOptions): ItemList {
  const { copy, apply } = session;
  const [open, setOpen] = useState<Set<string>>(() => initiallyOpen(copy.keys));
  const newKey = () => `k${copy.nextKey}`;

  function move(from: number, to: number) {
    apply((c) => moveItem(c, from, to), i18n.t('editor.change.move', [itemName(from)]));
    say(i18n.t('editor.item.moved', [itemName(from), itemName(to)]));
  }

  function command(which: ItemCommand, index: number) {
    const key = copy.keys[index];
    if (key === undefined) return;
    const name = itemName(index);
    switch (which) {
      case 'toggle':
        setOpen(toggled(open, key));
        return;
      case 'up':
      case 'down': {
        const to = moveDestination(which, index, copy.guide.steps.length);
        if (to === null) return;
        move(index, to);
        // The focus stays on the control used: the toggle, or the move button still enabled.
        const active = document.activeElement;
        const fromToggle = active instanceof HTMLElement && active.classList.contains('toggle');
        focusLater(inItem(key, fromToggle ? '.toggle' : `.move-${moveControlAfter(which, to, copy.guide.steps.length)}`));
        return;
      }
      case 'duplicate': {
        const added = newKey();
        apply((c) => duplicateItem(c, index), i18n.t('editor.change.duplicate', [name]));
        if (open.has(key)) setOpen(new Set([...open, added]));
        focusLater(inItem(added, 'h3'));
        say(i18n.t('editor.item.duplicated', [name, itemName(index + 1)]));
        return;
      }
      case 'remove': {
        const neighbour = neighbourAfterRemove(copy.keys, index);
        apply((c) => removeItem(c, index), i18n.t('editor.change.remove', [name]));
        focusLater(neighbour ? inItem(neighbour, 'h3') : '#steps-title');
        say(i18n.t('editor.item.removed', [name]));
        return;
      }
    }
  }

  function add(kind: ItemKind) {
    const added = newKey();
    apply((c) => addItem(c, kind), i18n.t('editor.change.add', [kindLabel(kind)]));
    setOpen(new Set([...open, added]));
    focusLater(inItem(added, 'h3'));
  }

  return {
    open,
    openItem: (key) => setOpen(new Set([...open, key])),
    openAll: () => setOpen(new Set(copy.keys)),
    closeAll: () => setOpen(new Set()),
    command,
    add,
    move,
  };
}
