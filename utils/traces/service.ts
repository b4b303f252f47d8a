/**
 * What Côte à côte keeps about the person — the runs of the tabs, the paused
 * runs, the progress — and the rules that keep it short-lived:
 *
 * - on a shared computer (« Poste partagé », `settings.sharedComputer`), nothing
 *   about a person outlives the run: no progress is noted, a closed tab's run
 *   is dropped rather than paused, and a browser start finds nothing;
 * - on a personal computer, paused runs expire after `PAUSED_TTL_MS`;
 * - anywhere, « Effacer les traces de Côte à côte » erases it all and says what
 *   it erased. « Mes guides » and the settings are the trainer's and the
 *   computer's, not the person's: they stay.
 */
import type { Handlers, TracesRequest } from '../messages';
import type { ProgressStore } from '../progress/store';
import type { RunStore } from '../run/store';
import { settingsItem } from '../storage/items';

/** A paused run older than this (since its last change) is gone: a week. */
export const PAUSED_TTL_MS = 7 * 24 * 60 * 60 * 1000;

/** What « Effacer les traces » erased, counted for the person. */
export interface ErasedTraces {
  /** Runs of open tabs (under way or finished). */
  runs: number;
  /** Runs waiting for « Reprendre ». */
  paused: number;
  /** Guides whose progress was kept. */
  progress: number;
}

export const isSharedComputer = async (): Promise<boolean> => (await settingsItem.get()).sharedComputer === true;

export function createTracesService(runs: RunStore, progress: ProgressStore) {
  async function erase(): Promise<ErasedTraces> {
    const read = await progress.read();
    const erased: ErasedTraces = {
      runs: await runs.clearAllTabs(),
      paused: await runs.clearAllPaused(),
      progress: read.ok ? Object.keys(read.progress.guides).length : 0,
    };
    await progress.forgetAll();
    return erased;
  }

  const handlers: Handlers<TracesRequest['type']> = {
    // The end screen in the page asks it too, not only the extension's pages.
    'traces:erase': { from: 'any', handle: erase },
  };

  return { handlers, erase };
}
