import { browser } from 'wxt/browser';

/**
 * The extension's own pages, opened in a new tab: from the popup or the side
 * panel, a plain link would not open a tab in every browser.
 */
const pageUrl = (path: `/${'memo' | 'progress' | 'settings'}.html${string}`) => browser.runtime.getURL(path);
const openPage = (url: string): Promise<unknown> => browser.tabs.create({ url });

/** The memo sheet of a guide: `memo.html?guide=<id>`. */
export const memoUrl = (guideId: string) => pageUrl(`/memo.html?guide=${encodeURIComponent(guideId)}`);
export const openMemo = (guideId: string) => openPage(memoUrl(guideId));

/** "Mes progrès". */
export const progressUrl = () => pageUrl('/progress.html');
export const openProgress = () => openPage(progressUrl());

/** "Réglages d'affichage". */
export const settingsUrl = () => pageUrl('/settings.html');
export const openSettings = () => openPage(settingsUrl());
