/**
 * Where progress lives: `browser.storage.local`, key `progress`, on this
 * machine only. The background adds a finished run; "Mes progrès" reads it,
 * deletes it, exports and imports it. Writes of one context are applied one
 * after the other (read, change, write).
 */
import { browser } from 'wxt/browser';
import type { Guide } from '../guide/schema';
import type { Run } from '../run/run';
import { type ImportProblem, type Progress, readFile, readStored, type StoredRead } from './format';
import { forgetGuide, mergeProgress, recordFinishedRun } from './record';

export const PROGRESS_KEY = 'progress';

type Area = Pick<typeof browser.storage.local, 'get' | 'set' | 'remove'>;

export type ImportResult = { ok: true; added: number } | { ok: false; problem: ImportProblem | 'newer-here' };

export class ProgressStore {
  #queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly area: Area = browser.storage.local) {}

  async read(): Promise<StoredRead> {
    return readStored((await this.area.get(PROGRESS_KEY))[PROGRESS_KEY]);
  }

  /**
   * Applies `change` to the stored progress. Progress written by a newer
   * version is left as it is (`ok: false`): rather keep it than lose it.
   */
  update(change: (progress: Progress) => Progress): Promise<StoredRead> {
    const task = async (): Promise<StoredRead> => {
      const read = await this.read();
      if (!read.ok) return read;
      const next = change(read.progress);
      if (next !== read.progress || read.dropped > 0) await this.area.set({ [PROGRESS_KEY]: next });
      return { ok: true, progress: next, dropped: 0 };
    };
    const next = this.#queue.then(task, task);
    this.#queue = next.catch(() => undefined);
    return next;
  }

  async recordFinished(guide: Guide, run: Run, now: number): Promise<void> {
    await this.update((progress) => recordFinishedRun(progress, guide, run, now));
  }

  async forget(guideId: string): Promise<void> {
    await this.update((progress) => forgetGuide(progress, guideId));
  }

  /** Deletes everything, whatever its version. */
  async forgetAll(): Promise<void> {
    const task = () => this.area.remove(PROGRESS_KEY);
    const next = this.#queue.then(task, task);
    this.#queue = next.catch(() => undefined);
    await next;
  }

  /** Adds an exported file's progress to this machine's; a bad file changes nothing. */
  async importText(text: string): Promise<ImportResult> {
    const file = readFile(text);
    if (!file.ok) return file;
    let added = 0;
    const result = await this.update((progress) => {
      const merged = mergeProgress(progress, file.progress);
      added = merged.added;
      return merged.progress;
    });
    return result.ok ? { ok: true, added } : { ok: false, problem: 'newer-here' };
  }
}

let shared: ProgressStore | undefined;

/**
 * For the background, once a run reaches its end: adds it to the progress.
 * Never throws — progress is a help, a failure to note it must not stop the run.
 */
export async function recordFinished(guide: Guide, run: Run, now: number): Promise<void> {
  try {
    shared ??= new ProgressStore();
    await shared.recordFinished(guide, run, now);
  } catch {
    // Nothing to tell the person mid-procedure; the run itself is saved.
  }
}
