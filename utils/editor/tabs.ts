/**
 * « Tester sur l'onglet »: which tab the editor tests a target on. The trainer
 * has the site open next to the editor: the most recently used tab of the
 * window that is not one of the extension's pages (nor the editor itself).
 */

export interface TabInfo {
  id?: number;
  url?: string;
  active?: boolean;
  lastAccessed?: number;
  title?: string;
}

/** Browser pages where no extension can show anything. */
const BROWSER_PAGES = /^(chrome|edge|brave|about|moz-extension|chrome-extension|view-source|devtools|chrome-untrusted):/i;

/**
 * The tab to test on, or undefined. A tab whose address the browser hides (a
 * site the extension may not enter yet) is kept: the answer then says so.
 */
export function pickTestTab(tabs: readonly TabInfo[], ownOrigin: string, selfTabId?: number): TabInfo | undefined {
  const candidates = tabs.filter(
    (tab) =>
      tab.id !== undefined &&
      tab.id !== selfTabId &&
      !(tab.url !== undefined && (tab.url.startsWith(ownOrigin) || BROWSER_PAGES.test(tab.url))),
  );
  return candidates
    .map((tab, order) => ({ tab, order }))
    .sort(
      (a, b) =>
        (b.tab.lastAccessed ?? -1) - (a.tab.lastAccessed ?? -1) ||
        Number(b.tab.active ?? false) - Number(a.tab.active ?? false) ||
        b.order - a.order,
    )[0]?.tab;
}
