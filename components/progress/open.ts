import { browser } from 'wxt/browser';

/** "Mes progrès", an extension page. */
export const progressUrl = () => browser.runtime.getURL('/progress.html');

export function openProgress(): Promise<unknown> {
  return browser.tabs.create({ url: progressUrl() });
}
