/**
 * Where progress lives: the `progressItem` of extension storage, on this
 * machine only. The background is its only writer (a finished run, and the
 * deletions and imports that « Mes progrès » asks for), so that writes are
 * applied one after the other; the page reads and follows the same item.
 */
import type { Guide } from '../guide/schema';
import type { Handlers, ProgressRequest } from '../messages';
import type { Run } from '../run/run';
import { serial } from '../serial';
import { progressItem } from '../storage/schema-items';
import { type ImportProblem, type Progress, readFile, type StoredRead } from './format';
import { forgetGuide, mergeProgress, recordFinishedRun } from './record';

export type ImportResult = { ok: true; added: number } | { ok: false; problem: ImportProblem | 'newer-here' };

const inOrder = <T>(task: () => Promise<T>) => serial(progressItem.key, task);

export class ProgressStore {
  read(): Promise<StoredRead> {
    return progressItem.get();
  }

  /**
   * Applies `change` to the stored progress. Progress written by a newer
   * version is left as it is (`ok: false`): rather keep it than lose it.
   */
  update(change: (progress: Progress) => Progress): Promise<StoredRead> {
    return inOrder(async (): Promise<StoredRead> => {
      const read = await this.read();
      if (!read.ok) return read;
      const next = change(read.progress);
      if (next !== read.progress || read.dropped > 0) await progressItem.set(next);
      return { ok: true, progress: next, dropped: 0 };
    });
  }

  async recordFinished(guide: Guide, run: Run, now: number): Promise<void> {
    await this.update((progress) => recordFinishedRun(progress, guide, run, now));
  }

  async forget(guideId: string): Promise<void> {
    await this.update((progress) => forgetGuide(progress, guideId));
  }

  /** Deletes everything, whatever its version. */
  forgetAll(): Promise<void> {
    return inOrder(() => progressItem.remove());
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

export interface ProgressServiceOptions {
  /** « Supprimer tous mes progrès » also forgets what else tells of the person's past runs (the paused ones). */
  forgetAlso?: () => Promise<unknown>;
}

export function createProgressService(store: ProgressStore, now: () => number, { forgetAlso }: ProgressServiceOptions = {}) {
  const handlers: Handlers<ProgressRequest['type']> = {
    'progress:forget': {
      from: 'extension',
      handle: async (request) => {
        await store.forget(request.guideId);
        return { ok: true };
      },
    },
    'progress:forgetAll': {
      from: 'extension',
      handle: async () => {
        await store.forgetAll();
        await forgetAlso?.();
        return { ok: true };
      },
    },
    'progress:import': {
      from: 'extension',
      handle: (request) => store.importText(request.text),
    },
  };
  return {
    handlers,
    /**
     * A run reached its end: add it to the progress. Never throws — progress
     * is a help, a failure to note it must not stop the run.
     */
    async recordFinished(guide: Guide, run: Run): Promise<void> {
      try {
        await store.recordFinished(guide, run, now());
      } catch {
        // Nothing to tell the person mid-procedure; the run itself is saved.
      }
    },
  };
}
