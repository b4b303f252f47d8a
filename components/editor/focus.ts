/**
 * Where the focus goes in the editing form. After a change that rebuilds part
 * of the form (a move, a copy, a deletion, a step opened to show a problem),
 * the control to focus exists only once the form is rendered again: it is
 * named now and focused then.
 */
import { useLayoutEffect, useRef } from 'preact/hooks';

/** Focuses a field, opening the `<details>` it sits in. */
export function focusField(selector: string): void {
  const target = document.querySelector<HTMLElement>(selector);
  if (!target) return;
  for (let details = target.closest('details'); details; details = details.parentElement?.closest('details') ?? null) {
    if (!details.open && target.tagName !== 'SUMMARY') details.open = true;
  }
  target.focus();
}

/** A function that names the control to focus after the next render of the component that calls this hook. */
export function useFocusAfterRender(): (selector: string) => void {
  const pending = useRef<string | null>(null);
  useLayoutEffect(() => {
    const selector = pending.current;
    if (!selector) return;
    pending.current = null;
    focusField(selector);
  });
  return (selector: string) => {
    pending.current = selector;
  };
}

/** The selector of a control in an item's header (`li[data-key]`): its heading, a button's class… */
export function inItem(key: string, control: string): string {
  return `li[data-key="${key}"] ${control}`;
}
