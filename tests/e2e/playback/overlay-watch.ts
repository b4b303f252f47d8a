// A log of every state in which the overlay showed something, however briefly: proof that nothing was shown.
import type { Page } from 'puppeteer-core';

/** What the overlay showed at one moment: the bubble (with its text) and/or the spotlight. */
export interface OverlaySighting {
  dialog: boolean;
  spot: boolean;
  text: string | null;
  page: string;
}

/**
 * Installed with `page.evaluateOnNewDocument`: watches the overlay's open
 * shadow root from the page's main world and logs in `sessionStorage` (kept
 * across the tab's pages on one origin) every state in which it shows a
 * bubble or a spotlight, however briefly. A test can then prove that nothing
 * was shown at a level of help where nothing should be, without waiting for an
 * absence. Reads only.
 */
export function installOverlayWatch(hostName: string): void {
  const KEY = '__cacE2eOverlaySeen';
  const clean = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();
  let last = '';
  const note = (root: ShadowRoot) => {
    const dialog = root.querySelector('[role=dialog]');
    const spot = root.querySelector('svg.spot');
    if (!dialog && !spot) {
      last = '';
      return;
    }
    const described = dialog?.getAttribute('aria-describedby');
    const text = described ? clean(root.getElementById(described)?.textContent) || null : null;
    const entry = { dialog: !!dialog, spot: !!spot, text, page: location.pathname };
    const key = JSON.stringify(entry);
    if (key === last) return;
    last = key;
    let seen: unknown[] = [];
    try {
      seen = JSON.parse(sessionStorage.getItem(KEY) ?? '[]') as unknown[];
    } catch {
      seen = [];
    }
    seen.push(entry);
    sessionStorage.setItem(KEY, JSON.stringify(seen));
  };
  const watched = new WeakSet<Element>();
  const attach = () => {
    const host = document.querySelector(hostName);
    const root = host?.shadowRoot;
    if (!host || !root || watched.has(host)) return;
    watched.add(host);
    new MutationObserver(() => note(root)).observe(root, { childList: true, subtree: true, characterData: true });
    note(root);
  };
  // The host is added by the content script after this runs; a new host (remount) is watched too.
  new MutationObserver(attach).observe(document, { childList: true, subtree: true });
  attach();
}

/** What the overlay watch logged in this tab, on the page's origin. */
export function overlaySightings(page: Page): Promise<OverlaySighting[]> {
  return page.evaluate(() => JSON.parse(sessionStorage.getItem('__cacE2eOverlaySeen') ?? '[]') as OverlaySighting[]);
}
