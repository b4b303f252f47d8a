/**
 * Which of a tab's updates, as the browser tells them to the background
 * (`tabs.onUpdated`), are arrivals on an address: a page that finished loading,
 * or a single-page site that changed its address once loaded. No script of ours
 * runs in a page of a guide's site without a run, so the background hears
 * arrivals here and nowhere else.
 *
 * Browsers differ in how they tell one arrival: Chromium may add a `complete`
 * after a single-page change of address, Firefox tells the address while the
 * page is still loading. Each arrival is told once: an address already told
 * for a tab is not told again until a new load starts there (a reload is an
 * arrival). The browser hides the address of a site the extension may not
 * enter (`tab.url` absent): nothing is told there.
 */
export interface TabChange {
  status?: string;
  url?: string;
}

export interface TabState {
  status?: string;
  url?: string;
}

export function createArrivals() {
  /** Tab id → the address last told since its last load started. Kept in memory: a restarted background tells again. */
  const told = new Map<number, string>();
  return {
    /** The address the tab arrived on with this update, or undefined when it is not an arrival. */
    arrivalOf(tabId: number, change: TabChange, tab: TabState): string | undefined {
      if (change.status === 'loading') told.delete(tabId);
      const loaded = change.status === 'complete' || (change.url !== undefined && tab.status === 'complete');
      const url = tab.url;
      if (!loaded || !url || told.get(tabId) === url) return undefined;
      told.set(tabId, url);
      return url;
    },
    forget(tabId: number): void {
      told.delete(tabId);
    },
  };
}
