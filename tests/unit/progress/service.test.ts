import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createBackground } from '../../../utils/background';
import type { Progress } from '../../../utils/progress';
import type { RunEvent } from '../../../utils/run';
import { progressItem } from '../../../utils/storage/schema-items';
import { FakePlatform } from '../authoring-service/fakes';
import { asker } from '../harness/background';
import { guide, T0 } from './fixtures';

/** The background's run service records a run into progress once it reaches its end — once. */
const TAB = 7;
let now = T0;
const service = () => {
  const background = createBackground({ bundledGuides: [guide], now: () => now, platform: new FakePlatform() });
  return asker(() => background.table);
};
const stored = async () => (await fakeBrowser.storage.local.get(progressItem.key))[progressItem.key] as Progress | undefined;

async function send(ask: ReturnType<typeof service>, event: RunEvent) {
  now += 60_000;
  return ask({ type: 'run:event', tabId: TAB, event });
}

beforeEach(() => {
  fakeBrowser.reset();
  now = T0;
});

describe('the run service and progress', () => {
  it('records a run when it finishes, and only then', async () => {
    const runs = service();
    await runs({ type: 'run:start', tabId: TAB, guideId: guide.id, mode: 'alone', level: 'on-demand' });
    await send(runs, { type: 'answer', choice: 0 });
    await send(runs, { type: 'help', kind: 'show-me' });
    await send(runs, { type: 'action-done', stepId: 'connexion' });
    await send(runs, { type: 'action-done', stepId: 'mot-de-passe' });
    await send(runs, { type: 'action-done', stepId: 'telecharger' });
    expect(await stored()).toBeUndefined();
    const last = await send(runs, { type: 'manual-done' });
    expect(last?.status).toBe('finished');
    expect((await stored())?.guides[guide.id]?.completions).toEqual([
      { startedAt: T0, at: now, level: 'on-demand', guideVersion: '1.2.0', steps: 4, help: ['connexion'], byHand: [] },
    ]);
    // Events after the end change nothing, and record nothing again.
    await send(runs, { type: 'manual-done' });
    expect((await stored())?.guides[guide.id]?.completions).toHaveLength(1);
  });

  it('does not record a run that is stopped', async () => {
    const runs = service();
    await runs({ type: 'run:start', tabId: TAB, guideId: guide.id, mode: 'alone', level: 'guided' });
    await send(runs, { type: 'answer', choice: 0 });
    await send(runs, { type: 'action-done', stepId: 'connexion' });
    expect((await send(runs, { type: 'abandon' }))?.status).toBe('abandoned');
    expect(await stored()).toBeUndefined();
  });
});
