import { browser } from 'wxt/browser';

/**
 * The extension's own pages, opened in a new tab: from the popup or the side
 * panel, a plain link would not open a tab in every browser.
 */
type PagePath = `/${'memo' | 'progress' | 'settings'}.html${string}`;
const pageUrl = (path: PagePath) => browser.runtime.getURL(path);
const openPage = (path: PagePath): Promise<unknown> => browser.tabs.create({ url: browser.runtime.getURL(path) });
const memoPath = (guideId: string): PagePath => `/memo.html?guide=${encodeURIComponent(guideId)}`;

/** The memo sheet of a guide: `memo.html?guide=<id>`. */
export const memoUrl = (guideId: string) => pageUrl(memoPath(guideId));
export const openMemo = (guideId: string) => openPage(memoPath(guideId));

/** "Mes progrès". */
export const progressUrl = () => pageUrl('/progress.html');
export const openProgress = () => openPage('/progress.html');

/** "Réglages d'affichage". */
export const settingsUrl = () => pageUrl('/settings.html');
export const openSettings = () => openPage('/settings.html');

/** « Catalogues d'équipe », a section of the settings page. */
export const teamCataloguesUrl = () => pageUrl('/settings.html#catalogues');
export const openTeamCatalogues = () => openPage('/settings.html#catalogues');
