/**
 * What Côte à côte keeps about the person, on a shared computer and on a
 * personal one: the real background over the fake browser's storage, with its
 * clock in the test's hands.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createBackground } from '../../../utils/background';
import type { RunEvent } from '../../../utils/run';
import { saveSettings } from '../../../utils/settings/store';
import { pausedRuns, tabRuns } from '../../../utils/storage/items';
import { progressItem } from '../../../utils/storage/schema-items';
import { PAUSED_TTL_MS } from '../../../utils/traces/service';
import { FakePlatform } from '../authoring-service/fakes';
import { asker } from '../harness/background';
import { guide, T0 } from '../progress/fixtures';

const TAB = 7;
const OTHER_TAB = 8;
const DAY = 24 * 60 * 60 * 1000;
let now = T0;
let background: ReturnType<typeof createBackground>;
let ask: ReturnType<typeof asker>;

/** Everything kept in storage.local, but the settings (the computer's, not the person's). */
async function personData(): Promise<string[]> {
  const all = await fakeBrowser.storage.local.get(null);
  return Object.keys(all).filter((key) => key !== 'settings');
}

async function finishRun(tabId: number) {
  await ask({ type: 'run:start', tabId, guideId: guide.id, mode: 'alone', level: 'guided' });
  const events: RunEvent[] = [
    { type: 'answer', choice: 0 },
    { type: 'action-done', stepId: 'connexion' },
    { type: 'action-done', stepId: 'mot-de-passe' },
    { type: 'action-done', stepId: 'telecharger' },
    { type: 'manual-done' },
  ];
  let status: string | undefined;
  for (const event of events) {
    now += 60_000;
    status = (await ask({ type: 'run:event', tabId, event }))?.status;
  }
  expect(status).toBe('finished');
}

async function leaveRunUnfinished(tabId: number) {
  await ask({ type: 'run:start', tabId, guideId: guide.id, mode: 'alone', level: 'guided' });
  await ask({ type: 'run:event', tabId, event: { type: 'answer', choice: 0 } });
}

beforeEach(() => {
  fakeBrowser.reset();
  now = T0;
  background = createBackground({ bundledGuides: [guide], now: () => now, platform: new FakePlatform() });
  ask = asker(() => background.table);
});

describe('on a shared computer', () => {
  beforeEach(() => saveSettings({ sharedComputer: true }));

  it('keeps no progress, and « Terminer » takes the run off the tab', async () => {
    await finishRun(TAB);
    expect((await progressItem.get()).ok && (await progressItem.get())).toMatchObject({ progress: { guides: {} } });
    expect(await tabRuns.of(TAB).get()).not.toBeNull();
    await ask({ type: 'run:close' }, TAB);
    expect(await personData()).toEqual([]);
  });

  it('keeps no paused run when a tab closes', async () => {
    await leaveRunUnfinished(TAB);
    await background.onTabRemoved(TAB);
    expect(await personData()).toEqual([]);
    expect(await ask({ type: 'run:paused' })).toEqual({});
  });

  it('leaves nothing at the next browser start, whatever was left', async () => {
    await leaveRunUnfinished(TAB);
    // What an older version, or a personal session before the setting, left behind.
    await progressItem.set({ v: 1, guides: { [guide.id]: { title: guide.title, completions: [] } } } as never);
    const run = (await tabRuns.of(TAB).get())!;
    await pausedRuns.of('autre-guide').set({ ...run, guideId: 'autre-guide' });
    await background.onStartup();
    expect(await personData()).toEqual([]);
  });
});

describe('on a personal computer', () => {
  beforeEach(() => saveSettings({ sharedComputer: false }));

  it('keeps the progress and a closed tab’s run for « Reprendre », for a week', async () => {
    await finishRun(TAB);
    const read = await progressItem.get();
    expect(read.ok && read.progress.guides[guide.id]?.completions).toHaveLength(1);
    await leaveRunUnfinished(OTHER_TAB);
    await background.onTabRemoved(OTHER_TAB);
    expect(Object.keys(await ask({ type: 'run:paused' }))).toEqual([guide.id]);

    now += PAUSED_TTL_MS - DAY;
    expect(Object.keys(await ask({ type: 'run:paused' }))).toEqual([guide.id]);
    now += 2 * DAY;
    expect(await ask({ type: 'run:paused' })).toEqual({});
    expect(await ask({ type: 'run:resume', tabId: TAB, guideId: guide.id })).toBeNull();
  });

  it('lets a paused run expire across a browser start too', async () => {
    await leaveRunUnfinished(TAB);
    now += PAUSED_TTL_MS + DAY;
    await background.onStartup();
    expect(await pausedRuns.all()).toEqual(new Map());
  });

  it('« Terminer » also drops a paused run of the same guide', async () => {
    await leaveRunUnfinished(OTHER_TAB);
    await background.onTabRemoved(OTHER_TAB);
    await ask({ type: 'run:start', tabId: TAB, guideId: guide.id, mode: 'alone', level: 'guided' });
    await pausedRuns.of(guide.id).set((await tabRuns.of(TAB).get())!);
    await ask({ type: 'run:close', tabId: TAB });
    expect(await personData()).toEqual([]);
  });
});

describe('« Effacer les traces de Côte à côte »', () => {
  it('erases runs, paused runs and progress, says how many of each, and keeps the settings', async () => {
    await saveSettings({ sharedComputer: false, highContrast: true });
    await finishRun(TAB);
    await leaveRunUnfinished(OTHER_TAB + 1);
    await leaveRunUnfinished(OTHER_TAB);
    await background.onTabRemoved(OTHER_TAB);
    expect(await ask({ type: 'traces:erase' })).toEqual({ runs: 2, paused: 1, progress: 1 });
    expect(await personData()).toEqual([]);
    expect((await fakeBrowser.storage.local.get('settings')).settings).toMatchObject({ highContrast: true });
    expect(await ask({ type: 'traces:erase' })).toEqual({ runs: 0, paused: 0, progress: 0 });
  });

  it('is asked from the end screen in the page too', async () => {
    await finishRun(TAB);
    expect(await ask({ type: 'traces:erase' }, TAB)).toMatchObject({ runs: 1, progress: 1 });
  });
});

describe('« Supprimer tous mes progrès »', () => {
  it('forgets the paused runs too, not the runs of open tabs', async () => {
    await saveSettings({ sharedComputer: false });
    await finishRun(TAB);
    await leaveRunUnfinished(OTHER_TAB);
    await background.onTabRemoved(OTHER_TAB);
    await ask({ type: 'progress:forgetAll' });
    expect(await pausedRuns.all()).toEqual(new Map());
    expect(await tabRuns.of(TAB).get()).not.toBeNull();
    const read = await progressItem.get();
    expect(read.ok && read.progress.guides).toEqual({});
  });
});
