// A log of every pointer, mouse and wheel event of a tab: a keyboard-only journey must leave it empty.
import type { Page } from 'puppeteer-core';

const POINTER_LOG_KEY = '__cacE2ePointerLog';

/** One pointer or mouse event seen by the pointer log. */
export interface PointerEntry {
  type: string;
  trusted: boolean;
  target: string;
  page: string;
}

/**
 * Installed with `page.evaluateOnNewDocument` (or evaluated at once in a page
 * opened by the browser, such as the popup): logs in `sessionStorage` every
 * pointer, mouse and wheel event, trusted or not, whatever world made it. A
 * keyboard-only journey must leave it empty.
 */
export function installPointerLog(): void {
  const KEY = '__cacE2ePointerLog';
  const scope = window as unknown as { __cacE2ePointerLog?: boolean };
  if (scope.__cacE2ePointerLog) return;
  scope.__cacE2ePointerLog = true;
  const types = ['pointerdown', 'pointerup', 'pointermove', 'mousedown', 'mouseup', 'mousemove', 'contextmenu', 'wheel', 'auxclick'];
  for (const type of types) {
    window.addEventListener(
      type,
      (event) => {
        const node = event.composedPath()[0] as Element | null;
        let log: unknown[] = [];
        try {
          log = JSON.parse(sessionStorage.getItem(KEY) ?? '[]') as unknown[];
        } catch {
          log = [];
        }
        log.push({ type, trusted: event.isTrusted, target: node?.localName ?? String(node), page: location.pathname });
        sessionStorage.setItem(KEY, JSON.stringify(log));
      },
      { capture: true },
    );
  }
}

/** What the pointer log recorded in this tab, on the page's origin. */
export function pointerLog(page: Page): Promise<PointerEntry[]> {
  return page.evaluate((key) => JSON.parse(sessionStorage.getItem(key) ?? '[]') as PointerEntry[], POINTER_LOG_KEY);
}

/**
 * Proves that the pointer log of `page` hears an event (an untrusted
 * `pointermove` dispatched by the test), then clears it. Returns the types heard.
 */
export function pointerLogCanary(page: Page): Promise<string[]> {
  return page.evaluate((key) => {
    document.body.dispatchEvent(new PointerEvent('pointermove', { bubbles: true }));
    const heard = (JSON.parse(sessionStorage.getItem(key) ?? '[]') as { type: string }[]).map((entry) => entry.type);
    sessionStorage.removeItem(key);
    return heard;
  }, POINTER_LOG_KEY);
}
