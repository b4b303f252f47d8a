import { browser } from 'wxt/browser';

/** The tab a view serves. */
export interface ServedTab {
  id: number;
  url: string | null;
  windowId: number | null;
}

/** `?tab=ID`: the view was opened in a tab (tests, Firefox) to serve that tab. */
export function tabParam(): number | null {
  const param = new URLSearchParams(location.search).get('tab');
  const id = param === null ? Number.NaN : Number(param);
  return Number.isInteger(id) && id >= 0 ? id : null;
}

function toServed(tab: { id?: number; url?: string; windowId?: number } | undefined): ServedTab | null {
  return tab?.id === undefined ? null : { id: tab.id, url: tab.url ?? null, windowId: tab.windowId ?? null };
}

export async function tabById(id: number): Promise<ServedTab | null> {
  return toServed(await browser.tabs.get(id));
}

/** The tab this view serves: `?tab=ID` when given, else the active tab of its window. */
export async function servedTab(): Promise<ServedTab | null> {
  const param = tabParam();
  if (param !== null) return tabById(param);
  return toServed((await browser.tabs.query({ active: true, currentWindow: true }))[0]);
}

interface PanelApis {
  sidePanel?: { open(options: { tabId?: number; windowId?: number }): Promise<void> };
  sidebarAction?: { open(): Promise<void> };
}

function panelApis(): PanelApis {
  // The polyfill passes unknown namespaces through; fall back on `chrome` in case it does not.
  const chromeApis = (globalThis as { chrome?: PanelApis }).chrome;
  const apis = browser as unknown as PanelApis;
  return { sidePanel: apis.sidePanel ?? chromeApis?.sidePanel, sidebarAction: apis.sidebarAction };
}

/** Whether this browser has a side panel (Chrome) or a sidebar (Firefox) to open. */
export function canOpenSidePanel(): boolean {
  const { sidePanel, sidebarAction } = panelApis();
  return typeof sidePanel?.open === 'function' || typeof sidebarAction?.open === 'function';
}

/**
 * Opens the side panel (Chrome) or the sidebar (Firefox). Both browsers want
 * a user gesture: call it synchronously from the click handler, before any await.
 */
export function openSidePanel(tabId: number): Promise<void> {
  const { sidePanel, sidebarAction } = panelApis();
  if (typeof sidePanel?.open === 'function') return sidePanel.open({ tabId });
  if (typeof sidebarAction?.open === 'function') return sidebarAction.open();
  return Promise.reject(new Error('no side panel'));
}

/** Closes the popup, unless it was opened in a tab to serve another one (tests, Firefox). */
export function closePopup(): void {
  if (tabParam() === null) window.close();
}
