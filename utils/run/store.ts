/**
 * Where runs live: one run per tab (`tabRuns`), and runs left unfinished when
 * their tab closed or the browser stopped (`pausedRuns`, by guide id), so that
 * the popup can offer to resume them. Only the background writes here; the
 * views read and follow the same items.
 */
import { pausedRuns, tabRuns } from '../storage/items';
import type { Run } from './run';

export class RunStore {
  forTab(tabId: number): Promise<Run | null> {
    return tabRuns.of(tabId).get();
  }

  save(tabId: number, run: Run): Promise<void> {
    return tabRuns.of(tabId).set(run);
  }

  clearTab(tabId: number): Promise<void> {
    return tabRuns.of(tabId).remove();
  }

  async paused(): Promise<Record<string, Run>> {
    // A plain object with no prototype: a guide id such as `constructor` is only ever an own key.
    return Object.assign(Object.create(null) as Record<string, Run>, Object.fromEntries(await pausedRuns.all()));
  }

  /** The tab is gone: an unfinished run waits for "Reprendre" under its guide. */
  async pauseTab(tabId: number): Promise<void> {
    const run = await this.forTab(tabId);
    await this.clearTab(tabId);
    if (run && run.status === 'active') await pausedRuns.of(run.guideId).set(run);
  }

  /** After a browser restart tab ids mean nothing: every run becomes a paused one. */
  async pauseAll(): Promise<void> {
    for (const id of (await tabRuns.all()).keys()) if (/^\d+$/.test(id)) await this.pauseTab(Number(id));
  }

  /** Moves the paused run of a guide onto a tab; null when there is none. */
  async resume(guideId: string, tabId: number): Promise<Run | null> {
    const paused = pausedRuns.of(guideId);
    const run = await paused.get();
    if (!run) return null;
    await paused.remove();
    await this.save(tabId, run);
    return run;
  }

  dropPaused(guideId: string): Promise<void> {
    return pausedRuns.of(guideId).remove();
  }

  /** Paused runs not changed since `before` (epoch ms) are gone; answers how many. */
  async expirePaused(before: number): Promise<number> {
    let expired = 0;
    for (const [guideId, run] of await pausedRuns.all()) {
      if (run.updatedAt < before) {
        await this.dropPaused(guideId);
        expired++;
      }
    }
    return expired;
  }

  /** Every tab's run is gone; answers how many there were. */
  async clearAllTabs(): Promise<number> {
    const ids = [...(await tabRuns.all()).keys()];
    for (const id of ids) await tabRuns.of(id).remove();
    return ids.length;
  }

  /** Every paused run is gone; answers how many there were. */
  async clearAllPaused(): Promise<number> {
    const ids = [...(await pausedRuns.all()).keys()];
    for (const id of ids) await this.dropPaused(id);
    return ids.length;
  }
}
