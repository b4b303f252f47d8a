// The person's own clicks and typing on the page: trusted input only, where a person sees the element.
import type { Page } from 'puppeteer-core';
import { WAIT_MS } from '../harness';
import { readOverlay } from './overlay';

/**
 * Where a person can click on the element `selector`: its centre when nothing
 * covers it, else the first point of a grid over it that the element itself
 * receives (the bubble may lie over part of it). `covered`: the centre was not
 * the element's. Null when no point of it can be clicked.
 */
export function clickablePoint(page: Page, selector: string): Promise<{ x: number; y: number; covered: boolean } | null> {
  return page.evaluate((css) => {
    const element = document.querySelector(css);
    if (!element) return null;
    const r = element.getBoundingClientRect();
    const points: [number, number][] = [[0.5, 0.5]];
    for (const fy of [0.5, 0.25, 0.75]) for (const fx of [0.05, 0.15, 0.3, 0.5, 0.7, 0.85, 0.95]) points.push([fx, fy]);
    for (const [index, [fx, fy]] of points.entries()) {
      const x = r.x + r.width * fx;
      const y = r.y + r.height * fy;
      const hit = document.elementFromPoint(x, y);
      // A label's click reaches its control: clicking the label is clicking it.
      const reaches = !!hit && (hit === element || element.contains(hit) || (hit as HTMLLabelElement).control === element);
      if (reaches) return { x, y, covered: index > 0 };
    }
    return null;
  }, selector);
}

/** Points where the person had to click aside because something covered the element's centre (for the report). */
export const coveredClicks: string[] = [];

/** A trusted click where the person sees the element (it is first scrolled into view if needed, as puppeteer does). */
export async function clickAsPerson(page: Page, selector: string): Promise<void> {
  const handle = await page.waitForSelector(selector, { visible: true, timeout: WAIT_MS });
  // A person scrolls a little when what they must click is cut by the window's edge.
  await handle?.evaluate((element) => {
    const r = element.getBoundingClientRect();
    const de = document.documentElement;
    if (r.top < 0 || r.left < 0 || r.bottom > de.clientHeight || r.right > de.clientWidth) {
      element.scrollIntoView({ block: 'center', behavior: 'instant' });
    }
  });
  await handle?.dispose();
  const point = await clickablePoint(page, selector);
  if (!point) throw new Error(`${selector} : aucun point visible à cliquer (${JSON.stringify(await readOverlay(page))})`);
  if (point.covered) coveredClicks.push(`${selector} sur ${new URL(page.url()).pathname}`);
  await page.mouse.click(point.x, point.y);
}

/** Clicks in a field, types `text` as keystrokes, and leaves the field with Tab. */
export async function typeAsPerson(page: Page, selector: string, text: string): Promise<void> {
  await clickAsPerson(page, selector);
  await page.keyboard.type(text);
  await page.keyboard.press('Tab');
}
