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
  // A recording follows its tab from page to page, and from site to site when allowed.
  browser.tabs.onUpdated.addListener((tabId, changeInfo, tab) => void background.authoring.onTabUpdated(tabId, changeInfo, tab));
  // The playback script runs on the sites of "my guides" that the person allowed, and on them only.
  browser.permissions.onAdded.addListener(() => void background.authoring.syncUserGuideScripts());
  browser.permissions.onRemoved.addListener(() => void background.authoring.syncUserGuideScripts());
  void background.authoring.syncUserGuideScripts();
});
