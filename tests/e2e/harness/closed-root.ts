// Our UI in a closed shadow root, reached as the person reaches it (never as the page could): for pressing its buttons.
import type { ElementHandle, Page } from 'puppeteer-core';
import { BidiElementHandle } from 'puppeteer-core/internal/bidi/ElementHandle.js';
import type { BrowserKind } from './paths';
import { OVERLAY_HOST } from './views';
import { waitUntil } from './wait';

/**
 * A button of our UI (the overlay, unless `host` names another host) by its
 * accessible name, found where the page cannot look: Chromium's accessibility
 * tree (`aria/`), or in Firefox the closed shadow root that WebDriver BiDi
 * gives the driver (the page's own `element.shadowRoot` is null). Press it
 * with `click()`: trusted input.
 */
export function ourButton(page: Page, kind: BrowserKind, name: string, host = OVERLAY_HOST): Promise<ElementHandle<Element>> {
  return waitUntil(`« ${name} » in ${host}`, async () => {
    if (kind === 'chromium') return page.$(`aria/${name}[role="button"]`);
    const element = await page.$(host);
    if (!element) return null;
    const remote = (element as unknown as BidiElementHandle).remoteValue() as { value?: { shadowRoot?: unknown } };
    const shadow = remote.value?.shadowRoot;
    if (!shadow) return null;
    const root = BidiElementHandle.from(shadow as never, (element as unknown as { realm: never }).realm);
    for (const button of await root.$$('button')) {
      const label = await button.evaluate((b) => (b.getAttribute('aria-label') ?? b.textContent ?? '').replace(/\s+/g, ' ').trim());
      if (label === name && (await button.isVisible())) return button as unknown as ElementHandle<Element>;
    }
    return null;
  });
}
