// What the overlay shows in the page (read from its open shadow root, as the page itself could), waits on it, and its buttons.
import type { Page } from 'puppeteer-core';
import { PAD } from '../../../components/overlay/geometry';
import { OVERLAY_HOST, WAIT_MS, waitForState, waitUntil } from '../harness';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface OverlayButton {
  text: string;
  disabled: boolean;
}

/** The overlay as shown in the page, read from the host's open shadow root. */
export interface OverlayState {
  /** The host element is in the document. */
  host: boolean;
  /** How many of our hosts are in the document: one at most (a stopped copy of the overlay leaves none). */
  hosts: number;
  /** Where the host sits: its parent's tag (`html`, or `dialog` while a modal is open). */
  hostParent: string | null;
  /** The language of the overlay's own texts (the browser's UI language). */
  lang: string | null;
  /** The bubble is shown. */
  dialog: boolean;
  /** The bubble's accessible description: the instruction, the question or the end message. */
  text: string | null;
  progress: string | null;
  /** The sentence shown when the target is missing or ambiguous. */
  missing: string | null;
  /** Buttons of the bubble's actions and choices, in order. */
  buttons: OverlayButton[];
  /** The question's choices. */
  choices: string[];
  /** The spotlight's SVG is drawn (only when a target is found). */
  spot: boolean;
  /** The ring around the target (the cut-out's box), in viewport pixels. */
  ring: Box | null;
  /** The ring is dotted: it is around the control that opens the closed part holding the target, not the target. */
  opener: boolean;
  /** The bubble's box in the viewport. */
  bubble: Box | null;
  /** End screen: the recap's lines and the "leave no trace" checklist's legend and items. */
  recap: string[];
  trace: { legend: string | null; items: string[] };
}

/** Reads the overlay of `page` (pure DOM reads inside the page, nothing written). */
export function readOverlay(page: Page): Promise<OverlayState> {
  return page.evaluate((hostName) => {
    const clean = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();
    const host = document.querySelector(hostName);
    const root = host?.shadowRoot ?? null;
    const dialog = root?.querySelector<HTMLElement>('[role=dialog]') ?? null;
    const described = dialog?.getAttribute('aria-describedby');
    const line = root?.querySelector('svg.spot .ring rect.line') ?? null;
    // The ring's own box (not its strokes, which Firefox counts in a box): its size, where its spotlight is moved to.
    const spot = root?.querySelector('svg.spot')?.getBoundingClientRect();
    const attr = (name: string) => Number(line?.getAttribute(name) ?? 0);
    const ringBox =
      spot && line?.hasAttribute('width')
        ? { x: spot.x + attr('x'), y: spot.y + attr('y'), width: attr('width'), height: attr('height') }
        : null;
    const rect = dialog?.getBoundingClientRect();
    return {
      host: !!host,
      hosts: document.querySelectorAll(hostName).length,
      hostParent: host?.parentElement?.localName ?? null,
      lang: root?.querySelector('.layer')?.getAttribute('lang') ?? null,
      dialog: !!dialog,
      text: described && root ? clean(root.getElementById(described)?.textContent) || null : null,
      progress: clean(dialog?.querySelector('.progress')?.textContent) || null,
      missing: clean(dialog?.querySelector('.missing')?.textContent) || null,
      buttons: [...(dialog?.querySelectorAll<HTMLButtonElement>('.actions button, .choices button') ?? [])].map((b) => ({
        text: clean(b.textContent),
        disabled: b.disabled,
      })),
      choices: [...(dialog?.querySelectorAll('.choices button') ?? [])].map((b) => clean(b.textContent)),
      spot: !!root?.querySelector('svg.spot'),
      // Where the ring is drawn in the viewport (it is moved there by a transform).
      ring: ringBox ? { x: ringBox.x, y: ringBox.y, width: ringBox.width, height: ringBox.height } : null,
      opener: !!root?.querySelector('svg.spot .ring.opener'),
      bubble: rect ? { x: rect.x, y: rect.y, width: rect.width, height: rect.height } : null,
      recap: [...(dialog?.querySelectorAll('ul.recap li') ?? [])].map((li) => clean(li.textContent)),
      trace: {
        legend: clean(dialog?.querySelector('fieldset.trace legend')?.textContent) || null,
        items: [...(dialog?.querySelectorAll('fieldset.trace label') ?? [])].map((label) => clean(label.textContent)),
      },
    };
  }, OVERLAY_HOST);
}

/** The box of the first element matching `selector` in the page's viewport; null when absent. */
export function boxOf(page: Page, selector: string): Promise<Box | null> {
  return page.evaluate((css) => {
    const element = document.querySelector(css);
    if (!element) return null;
    const r = element.getBoundingClientRect();
    return { x: r.x, y: r.y, width: r.width, height: r.height };
  }, selector);
}

/** Whether the ring is the target's box grown by the padding, within `tolerance` pixels. */
export function ringFits(ring: Box | null, target: Box | null, tolerance = 2): boolean {
  if (!ring || !target || target.width === 0 || target.height === 0) return false;
  return (
    Math.abs(ring.x - (target.x - PAD)) <= tolerance &&
    Math.abs(ring.y - (target.y - PAD)) <= tolerance &&
    Math.abs(ring.width - (target.width + 2 * PAD)) <= tolerance &&
    Math.abs(ring.height - (target.height + 2 * PAD)) <= tolerance
  );
}

/** Waits until the overlay shows what `check` wants, and returns it; on timeout the error shows the last state read. */
export function waitForOverlay(
  page: Page,
  what: string,
  check: (state: OverlayState) => boolean,
  timeout = WAIT_MS,
): Promise<OverlayState> {
  return waitForState(what, () => readOverlay(page), check, timeout);
}

/** Waits until the bubble shows `text` (an instruction, a question, an end message). */
export function waitForBubbleText(page: Page, text: string, timeout = WAIT_MS): Promise<OverlayState> {
  return waitForOverlay(page, `la bulle affiche « ${text} »`, (state) => state.dialog && state.text === text, timeout);
}

const sameBox = (a: Box | null, b: Box | null) =>
  !!a && !!b && Math.abs(a.x - b.x) < 0.5 && Math.abs(a.y - b.y) < 0.5 && a.width === b.width && a.height === b.height;

/**
 * Waits until the spotlight's ring is on the element `selector` (and the bubble
 * is shown), and the page has stopped moving: the overlay may bring the target
 * into view with a smooth scroll, and a person clicks once the page is still.
 */
export function waitForSpotlightOn(page: Page, selector: string, timeout = WAIT_MS): Promise<{ state: OverlayState; target: Box }> {
  let previous: Box | null = null;
  return waitUntil(
    `le projecteur est sur ${selector}`,
    async () => {
      const [state, target] = await Promise.all([readOverlay(page), boxOf(page, selector)]);
      const still = sameBox(previous, target);
      previous = target;
      return state.dialog && ringFits(state.ring, target) && target && still ? { state, target } : null;
    },
    { timeout, describe: async () => ({ overlay: await readOverlay(page), target: await boxOf(page, selector) }) },
  );
}

/** Whether a box lies wholly inside the page's viewport. */
export async function inViewport(page: Page, box: Box | null): Promise<boolean> {
  if (!box) return false;
  const size = await page.evaluate(() => ({ width: document.documentElement.clientWidth, height: document.documentElement.clientHeight }));
  return box.x >= 0 && box.y >= 0 && box.x + box.width <= size.width + 0.5 && box.y + box.height <= size.height + 0.5;
}

/**
 * Clicks a button of the bubble by its text, with trusted input: the person or
 * the advisor using our UI. Fails if there is no such button.
 */
export async function clickBubbleButton(page: Page, text: string): Promise<void> {
  const buttons = await page.$$(`${OVERLAY_HOST} >>> [role=dialog] button`);
  for (const button of buttons) {
    const label = await button.evaluate((b) => (b.textContent ?? '').replace(/\s+/g, ' ').trim());
    if (label === text) {
      await button.click();
      return;
    }
  }
  throw new Error(`Pas de bouton « ${text} » dans la bulle : ${JSON.stringify(await readOverlay(page))}`);
}

/**
 * Which element gets a real click at the centre of a bubble button: the
 * button itself (or its content) when nothing of the page covers it.
 */
export async function bubbleButtonIsHitTarget(page: Page, text: string): Promise<boolean> {
  return page.evaluate(
    (hostName, label) => {
      const root = document.querySelector(hostName)?.shadowRoot;
      const button = [...(root?.querySelectorAll<HTMLButtonElement>('[role=dialog] button') ?? [])].find(
        (b) => (b.textContent ?? '').replace(/\s+/g, ' ').trim() === label,
      );
      if (!button || !root) return false;
      const r = button.getBoundingClientRect();
      const hit = root.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
      return !!hit && (hit === button || button.contains(hit));
    },
    OVERLAY_HOST,
    text,
  );
}
