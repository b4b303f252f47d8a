import bundledGuides from 'virtual:cac-catalogue';
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createBackground } from '../utils/background';

// The background owns the catalogue, the runs, the progress and the recording; views ask it and follow storage.
export default defineBackground(() => {
  const background = createBackground({ bundledGuides, now: () => Date.now() });
  const route = background.router({ extensionId: browser.runtime.id, extensionBase: browser.runtime.getURL('/' as never) });

  browser.runtime.onMessage.addListener((message, sender) => route(message, sender));
  // A closed tab keeps its unfinished run for "Reprendre", and ends its recording; after a restart, tab ids are new.
  browser.tabs.onRemoved.addListener((tabId) => void background.onTabRemoved(tabId));
  browser.runtime.onStartup.addListener(() => void background.onStartup());
  // Chromium never says "startup" to an extension loaded from its command line (a kiosk's set-up on a public
  // computer, as the tests'): each start is an install, with the storage kept. A true first install has nothing to clean.
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'install') void background.onStartup();
  });
  // Arrivals on a page (no script of ours runs in a page without a run), and a recording following its tab from
  // page to page. The browser shows the address only on the sites the extension may enter.
  browser.tabs.onUpdated.addListener((tabId, changeInfo, tab) => void background.onTabUpdated(tabId, changeInfo, tab));
});
