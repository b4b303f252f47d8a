import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { emptyProgress, exportFile, type Progress, recordFinishedRun } from '../../../utils/progress';
import { createProgressService, ProgressStore } from '../../../utils/progress/store';
import { progressItem } from '../../../utils/storage/schema-items';
import { guide, play, T0 } from './fixtures';

const DAY = 86_400_000;
const stored = async () => (await fakeBrowser.storage.local.get(progressItem.key))[progressItem.key] as Progress | undefined;

beforeEach(() => {
  fakeBrowser.reset();
});

describe('the progress store (storage.local, key "progress")', () => {
  it('records finished runs, each once, even when reported at the same time', async () => {
    const store = new ProgressStore();
    const first = play({ startedAt: T0 });
    const second = play({ startedAt: T0 + DAY });
    await Promise.all([
      store.recordFinished(guide, first, 1),
      store.recordFinished(guide, second, 2),
      store.recordFinished(guide, first, 3),
    ]);
    const read = await store.read();
    expect(read.ok && read.progress.guides[guide.id]?.completions.map((c) => c.startedAt)).toEqual([T0, T0 + DAY]);
    expect(await stored()).toEqual(read.ok && read.progress);
  });

  it('leaves alone progress written by a newer version, but deletes it when asked', async () => {
    const newer = { v: 7, guides: { futur: { whatever: true } } };
    await fakeBrowser.storage.local.set({ [progressItem.key]: newer });
    const store = new ProgressStore();
    await store.recordFinished(guide, play(), 1);
    expect(await stored()).toEqual(newer);
    expect(await store.importText(exportFile(recordFinishedRun(emptyProgress(), guide, play(), 1), T0))).toEqual({
      ok: false,
      problem: 'newer-here',
    });
    expect(await stored()).toEqual(newer);
    await store.forgetAll();
    expect(await stored()).toBeUndefined();
  });

  it('imports a file into what is there; a bad file changes nothing', async () => {
    const store = new ProgressStore();
    await store.recordFinished(guide, play({ startedAt: T0 }), 1);
    const before = await stored();
    for (const bad of ['pas du JSON', '{"type":"autre"}', JSON.stringify({ type: 'cote-a-cote/progres', v: 1, guides: { x: 1 } })]) {
      expect((await store.importText(bad)).ok).toBe(false);
      expect(await stored()).toEqual(before);
    }
    const elsewhere = recordFinishedRun(emptyProgress(), guide, play({ startedAt: T0 + DAY }), 1);
    expect(await store.importText(exportFile(elsewhere, T0))).toEqual({ ok: true, added: 1 });
    expect(await store.importText(exportFile(elsewhere, T0))).toEqual({ ok: true, added: 0 });
    const read = await store.read();
    expect(read.ok && read.progress.guides[guide.id]?.completions).toHaveLength(2);
  });

  it('forgets one guide, or everything', async () => {
    const store = new ProgressStore();
    await store.recordFinished(guide, play(), 1);
    await store.recordFinished({ ...guide, id: 'autre' }, { ...play(), guideId: 'autre' }, 1);
    await store.forget(guide.id);
    const read = await store.read();
    expect(read.ok && Object.keys(read.progress.guides)).toEqual(['autre']);
    await store.forgetAll();
    expect(await stored()).toBeUndefined();
  });

  it('rewrites storage without a damaged entry once it changes', async () => {
    await fakeBrowser.storage.local.set({ [progressItem.key]: { v: 1, guides: { abime: 42 } } });
    const store = new ProgressStore();
    expect(await store.read()).toMatchObject({ ok: true, dropped: 1 });
    await store.recordFinished(guide, play(), 1);
    expect(Object.keys((await stored())?.guides ?? {})).toEqual([guide.id]);
  });
});

describe('the progress service (the background, only writer)', () => {
  const recordFinished = (g: typeof guide, run: ReturnType<typeof play>, now: number) =>
    createProgressService(new ProgressStore(), () => now).recordFinished(g, run);

  it('records into storage.local', async () => {
    await recordFinished(guide, play(), 1);
    expect((await stored())?.guides[guide.id]?.completions).toHaveLength(1);
  });

  it('never throws: a run must not fail because progress could not be written', async () => {
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
    await expect(recordFinished(guide, play({ startedAt: T0 + DAY }), 1)).resolves.toBeUndefined();
    vi.restoreAllMocks();
  });
});
