import bundledGuides from 'virtual:cac-catalogue';
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { browserPlatform } from '../utils/authoring/background/platform';
import { createAuthoringService, isAuthoringRequest } from '../utils/authoring/background/service';
import { createUserGuidesStore } from '../utils/authoring/background/user-store';
import type { Request } from '../utils/messages';
import { createRunService } from '../utils/run/service';
import { RunStore } from '../utils/run/store';

// The background owns the catalogue and the runs; views ask it and read runs from storage.
export default defineBackground(() => {
  const store = new RunStore();
  const bundledIds = new Set(bundledGuides.map((guide) => guide.id));
  const userGuides = createUserGuidesStore({ reservedIds: () => bundledIds });
  const service = createRunService({
    guides: async () => [...bundledGuides, ...(await userGuides.guides())],
    ownIds: () => userGuides.ids(),
    store,
    now: () => Date.now(),
  });
  const authoring = createAuthoringService({ platform: browserPlatform(), userGuides, now: () => Date.now() });

  browser.runtime.onMessage.addListener((message, sender) => {
    const request = message as Request;
    return isAuthoringRequest(request) ? authoring.handle(request, sender.tab?.id) : service.handle(request, sender.tab?.id);
  });
  // A closed tab keeps its unfinished run for "Reprendre"; after a restart, tab ids are new.
  browser.tabs.onRemoved.addListener((tabId) => void service.serial(tabId, () => store.pauseTab(tabId)));
  browser.runtime.onStartup.addListener(() => void store.pauseAll());
  // A recording follows its tab from page to page, and from site to site when allowed.
  browser.tabs.onUpdated.addListener((tabId, changeInfo, tab) => void authoring.onTabUpdated(tabId, changeInfo, tab));
  // The playback script runs on the sites of "my guides" that the person allowed, and on them only.
  browser.permissions.onAdded.addListener(() => void authoring.syncUserGuideScripts());
  browser.permissions.onRemoved.addListener(() => void authoring.syncUserGuideScripts());
  void authoring.syncUserGuideScripts();
});
