import { browser } from 'wxt/browser';

/** "Réglages d'affichage", an extension page. */
export const settingsUrl = () => browser.runtime.getURL('/settings.html');

export function openSettings(): Promise<unknown> {
  return browser.tabs.create({ url: settingsUrl() });
}
