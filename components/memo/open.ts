import { browser } from 'wxt/browser';

/** The memo sheet of a guide, an extension page: `memo.html?guide=<id>`. */
export const memoUrl = (guideId: string) => browser.runtime.getURL(`/memo.html?guide=${encodeURIComponent(guideId)}`);

/** Opens the memo sheet in a new tab (from the popup, a plain link would not open a tab everywhere). */
export function openMemo(guideId: string): Promise<unknown> {
  return browser.tabs.create({ url: memoUrl(guideId) });
}
