import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createRunService } from '../utils/run/service';
import { RunStore } from '../utils/run/store';
import bundledGuides from 'virtual:cac-catalogue';
import type { Request } from '../utils/messages';

// The background owns the catalogue and the runs; views ask it and read runs from storage.
export default defineBackground(() => {
  const store = new RunStore();
  const service = createRunService({ guides: async () => bundledGuides, store, now: () => Date.now() });

  browser.runtime.onMessage.addListener((message, sender) => service.handle(message as Request, sender.tab?.id));
  // A closed tab keeps its unfinished run for "Reprendre"; after a restart, tab ids are new.
  browser.tabs.onRemoved.addListener((tabId) => void service.serial(tabId, () => store.pauseTab(tabId)));
  browser.runtime.onStartup.addListener(() => void store.pauseAll());
});
