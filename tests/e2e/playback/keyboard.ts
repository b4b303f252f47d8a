// Where the focus is, whether it shows, and the keys a keyboard user presses to move it.
import type { Page } from 'puppeteer-core';
import { OVERLAY_HOST, waitForState } from '../harness';

/** The element that has the focus, found through open shadow roots (the overlay's). */
export interface FocusedElement {
  tag: string;
  id: string;
  classes: string;
  text: string;
  /** It lies in the overlay's shadow root. */
  inOverlay: boolean;
  /** It is the bubble itself (`[role=dialog]`). */
  bubble: boolean;
  /** `:focus-visible` applies: the browser shows the focus. */
  focusVisible: boolean;
  /** Computed focus indicators. */
  outlineStyle: string;
  outlineWidth: string;
  boxShadow: string;
}

/** Where the focus is in `page`, or null when nothing but the body has it. */
export function focusedElement(page: Page): Promise<FocusedElement | null> {
  return page.evaluate((hostName) => {
    let element: Element | null = document.activeElement;
    while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
    if (!element || element === document.body || element === document.documentElement) return null;
    const style = getComputedStyle(element);
    const root = element.getRootNode();
    return {
      tag: element.localName,
      id: element.id,
      classes: element.getAttribute('class') ?? '',
      text: (element.textContent ?? '').replace(/\s+/g, ' ').trim(),
      inOverlay: root instanceof ShadowRoot && root.host.localName === hostName,
      bubble: element.getAttribute('role') === 'dialog',
      focusVisible: element.matches(':focus-visible'),
      outlineStyle: style.outlineStyle,
      outlineWidth: style.outlineWidth,
      boxShadow: style.boxShadow,
    };
  }, OVERLAY_HOST);
}

/** Waits until the focus is where `check` wants it (null: on nothing but the body), and returns it. */
export function waitForFocus(page: Page, what: string, check: (focused: FocusedElement | null) => boolean): Promise<FocusedElement | null> {
  return waitForState(what, () => focusedElement(page), check);
}

/** Waits until the focus is on the bubble itself (after the shortcut, or after a step answered from the bubble). */
export function waitForFocusOnBubble(page: Page): Promise<FocusedElement> {
  return waitForFocus(page, 'le focus est sur la bulle', (focused) => focused?.bubble === true) as Promise<FocusedElement>;
}

/** Whether the focused element shows a focus indicator: an outline of some width, or a box shadow. */
export function showsFocus(focused: FocusedElement | null): boolean {
  if (!focused) return false;
  const outline = focused.outlineStyle !== 'none' && Number.parseFloat(focused.outlineWidth) > 0;
  return outline || (focused.boxShadow !== '' && focused.boxShadow !== 'none');
}

/** Whether the focus is on the element `selector` of the page (or, with `within`, inside it). */
export function focusIsOn(page: Page, selector: string, within = false): Promise<boolean> {
  return page.evaluate(
    (css, inside) => {
      const element = document.querySelector(css);
      const active = document.activeElement;
      return !!element && !!active && (active === element || (inside && element.contains(active)));
    },
    selector,
    within,
  );
}

type KeyInput = Parameters<Page['keyboard']['press']>[0];

/** Presses a key combination written `Alt+Shift+K` (or one key: `Tab`, `Space`…): modifiers held, the last key pressed. */
export async function pressKeys(page: Page, combination: string): Promise<void> {
  const keys = combination.split('+');
  const last = keys.pop() as string;
  const modifiers = keys as KeyInput[];
  for (const modifier of modifiers) await page.keyboard.down(modifier);
  // A letter by its physical key, so that `event.code` is `KeyK` whatever the modifiers; Space as
  // its character, the name both drivers know.
  const key = /^[A-Z]$/.test(last) ? `Key${last}` : last === 'Space' ? ' ' : last;
  await page.keyboard.press(key as KeyInput);
  for (const modifier of modifiers.reverse()) await page.keyboard.up(modifier);
}

/**
 * Presses `key` (Tab, Shift+Tab, an arrow…) until the focused element is the
 * one `wanted` accepts, as a keyboard user moves through a page; fails after
 * `max` presses with the elements met on the way.
 */
export async function pressUntilFocused(
  page: Page,
  key: string,
  what: string,
  wanted: (focused: FocusedElement) => boolean | Promise<boolean>,
  max = 40,
): Promise<FocusedElement> {
  const met: string[] = [];
  for (let presses = 0; presses < max; presses++) {
    await pressKeys(page, key);
    const focused = await focusedElement(page);
    if (focused && (await wanted(focused))) return focused;
    met.push(focused ? `${focused.tag}${focused.id ? `#${focused.id}` : ''} « ${focused.text.slice(0, 30)} »` : '(rien)');
  }
  throw new Error(`${what} : pas atteint en ${max} appuis sur ${key} ; parcouru : ${met.join(', ')}`);
}
