// Where the extension's views are found: the overlay's host in a page, the popup's guide lists.
import type { Page } from 'puppeteer-core';
import { WAIT_MS } from './browsers';
import { PRACTICE_GUIDE_ID } from './paths';

/** The content script's UI host element: in the page only while something is shown (components/page/host.ts). */
export const OVERLAY_HOST = 'cote-a-cote-overlay';

/** The practice guide's entry in the extension's guide lists (the popup's, the editor's). */
export const PRACTICE_GUIDE_ITEM = `li.guide[data-guide-id="${PRACTICE_GUIDE_ID}"]`;

/**
 * Waits until `selector`, inside the overlay's shadow root, is visible. Polls on
 * every animation frame: puppeteer's default (a MutationObserver on the
 * document) does not see changes made inside a shadow root, so it would only
 * notice the bubble after some unrelated change of the page.
 */
export async function waitInOverlay(page: Page, selector: string) {
  const handle = await page.waitForSelector(`${OVERLAY_HOST} >>> ${selector}`, { visible: true, timeout: WAIT_MS });
  if (!handle) throw new Error(`${selector} introuvable dans ${OVERLAY_HOST}`);
  return handle;
}

/** Whether a page has the overlay host, and what its shadow root is (as the page itself sees it). */
export function overlayHostOf(page: Page): Promise<{ present: boolean; shadowRoot: 'open' | 'closed' | null }> {
  return page.evaluate((host) => {
    const element = document.querySelector(host);
    if (!element) return { present: false, shadowRoot: null };
    return { present: true, shadowRoot: element.shadowRoot ? element.shadowRoot.mode : null };
  }, OVERLAY_HOST);
}

/** A section of the popup: its heading as shown, and the ids of the guides listed under it. */
export interface GuideSection {
  heading: string;
  guideIds: string[];
}

/**
 * The popup's two lists, once loaded: "Guides pour cette page" (`fitting`) and
 * "Autres guides" (`others`), found by the heading that labels each section.
 */
export async function guideListsOf(popup: Page): Promise<{ lang: string; fitting: GuideSection; others: GuideSection }> {
  await popup.waitForSelector('section[aria-labelledby="others"] h2', { timeout: WAIT_MS });
  return popup.evaluate(() => {
    const section = (headingId: string) => {
      const element = document.querySelector(`section[aria-labelledby="${headingId}"]`);
      return {
        heading: document.getElementById(headingId)?.textContent?.trim() ?? '',
        guideIds: [...(element?.querySelectorAll<HTMLElement>('li.guide[data-guide-id]') ?? [])].map((li) => li.dataset.guideId ?? ''),
      };
    };
    return { lang: document.documentElement.lang, fitting: section('for-this-page'), others: section('others') };
  });
}
