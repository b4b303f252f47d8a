/**
 * Where runs live: `browser.storage.local`, one run per tab (`run:<tabId>`),
 * and runs left unfinished when their tab closed or the browser stopped
 * (`paused:<guideId>`), so that the popup can offer to resume them. Only the
 * background writes here; the views read and listen.
 */
import { browser } from 'wxt/browser';
import { pausedKey, runKey } from '../messages';
import type { Run } from './index';

type Area = Pick<typeof browser.storage.local, 'get' | 'set' | 'remove'>;

export class RunStore {
  constructor(private readonly area: Area = browser.storage.local) {}

  async forTab(tabId: number): Promise<Run | null> {
    const key = runKey(tabId);
    return ((await this.area.get(key))[key] as Run | undefined) ?? null;
  }

  async save(tabId: number, run: Run): Promise<void> {
    await this.area.set({ [runKey(tabId)]: run });
  }

  async clearTab(tabId: number): Promise<void> {
    await this.area.remove(runKey(tabId));
  }

  async paused(): Promise<Record<string, Run>> {
    const all = await this.area.get(null);
    const paused: Record<string, Run> = {};
    for (const [key, value] of Object.entries(all)) {
      if (key.startsWith('paused:')) paused[key.slice('paused:'.length)] = value as Run;
    }
    return paused;
  }

  /** The tab is gone: an unfinished run waits for "Reprendre" under its guide. */
  async pauseTab(tabId: number): Promise<void> {
    const run = await this.forTab(tabId);
    await this.clearTab(tabId);
    if (run && run.status === 'active') await this.area.set({ [pausedKey(run.guideId)]: run });
  }

  /** After a browser restart tab ids mean nothing: every run becomes a paused one. */
  async pauseAll(): Promise<void> {
    const all = await this.area.get(null);
    for (const key of Object.keys(all)) {
      const tabId = /^run:(\d+)$/.exec(key)?.[1];
      if (tabId) await this.pauseTab(Number(tabId));
    }
  }

  /** Moves the paused run of a guide onto a tab; null when there is none. */
  async resume(guideId: string, tabId: number): Promise<Run | null> {
    const key = pausedKey(guideId);
    const run = ((await this.area.get(key))[key] as Run | undefined) ?? null;
    if (!run) return null;
    await this.area.remove(key);
    await this.save(tabId, run);
    return run;
  }

  async dropPaused(guideId: string): Promise<void> {
    await this.area.remove(pausedKey(guideId));
  }
}
