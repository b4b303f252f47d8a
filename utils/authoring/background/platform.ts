/**
 * What the authoring service needs from the browser, behind one small
 * interface so that the service's logic is tested without a browser: tab
 * addresses, site permissions, putting the recorder or the overlay script
 * in a tab, messages to a tab, the editor page.
 *
 * Chrome (MV3) has `scripting`; Firefox (MV2) has `tabs.executeScript`.
 * Feature-detected, not sniffed.
 */
import { browser } from 'wxt/browser';
import { manifestOrigins } from '../../catalogue/manifest-origins';
import type { TabMessage } from '../../messages';

export interface AuthoringPlatform {
  /** The tab's address, when the browser tells it (it hides it on sites the extension may not enter). */
  tabUrl(tabId: number): Promise<string | undefined>;
  /** Whether the extension may run its scripts on a site (a match pattern). */
  hasSite(site: string): Promise<boolean>;
  /** Takes back the permission for a site (asked at run time): no guide needs it any more. */
  releaseSite(site: string): Promise<void>;
  /** Puts the recorder script in the tab's top frame. */
  injectRecorder(tabId: number): Promise<void>;
  /** Puts the playback script (the overlay) in the tab's top frame. */
  injectPlayback(tabId: number): Promise<void>;
  /** Puts the overlay with a trainer's tools (« Tester », « Vérifier ce guide ») in the tab's top frame, in place of the playback script. */
  injectTrainer(tabId: number): Promise<void>;
  sendToTab(tabId: number, message: TabMessage): Promise<unknown>;
  /** Sites the manifest asks for at install (the bundled guides'): never taken back. */
  manifestSites(): string[];
  /** Opens the editor on the draft left in `editor:incoming`. */
  openEditor(): Promise<void>;
}

export const RECORDER_FILE = 'content-scripts/recorder.js';
/** The overlay, put in a tab that has a run. */
export const PLAYBACK_FILE = 'content-scripts/playback.js';
/** The overlay with a trainer's tools, put in a tab when a trainer tests a target or verifies a guide there. */
export const TRAINER_FILE = 'content-scripts/trainer.js';
export const EDITOR_DRAFT_PAGE = '/editor.html?draft=1';

interface ScriptingApi {
  executeScript(injection: { target: { tabId: number }; files: string[] }): Promise<unknown>;
}

/** Firefox MV2. */
interface LegacyApis {
  tabs: { executeScript(tabId: number, details: { file: string }): Promise<unknown> };
}

function scripting(): ScriptingApi | undefined {
  const api = (browser as unknown as { scripting?: Partial<ScriptingApi> }).scripting;
  return typeof api?.executeScript === 'function' ? (api as ScriptingApi) : undefined;
}

const legacy = () => browser as unknown as LegacyApis;

async function inject(tabId: number, file: string): Promise<void> {
  const api = scripting();
  if (api) await api.executeScript({ target: { tabId }, files: [file] });
  else await legacy().tabs.executeScript(tabId, { file: `/${file}` });
}

export function browserPlatform(): AuthoringPlatform {
  return {
    async tabUrl(tabId) {
      try {
        return (await browser.tabs.get(tabId)).url || undefined;
      } catch {
        return undefined; // the tab is gone
      }
    },
    async hasSite(site) {
      try {
        return await browser.permissions.contains({ origins: [site] });
      } catch {
        return false; // not a pattern the browser accepts
      }
    },
    async releaseSite(site) {
      try {
        await browser.permissions.remove({ origins: [site] });
      } catch {
        // A site of the manifest (never removable) or not a pattern the browser accepts: nothing to take back.
      }
    },
    injectRecorder: (tabId) => inject(tabId, RECORDER_FILE),
    injectPlayback: (tabId) => inject(tabId, PLAYBACK_FILE),
    injectTrainer: (tabId) => inject(tabId, TRAINER_FILE),
    sendToTab: (tabId, message) => browser.tabs.sendMessage(tabId, message),
    manifestSites: manifestOrigins,
    async openEditor() {
      await browser.tabs.create({ url: browser.runtime.getURL(EDITOR_DRAFT_PAGE as never) });
    },
  };
}
