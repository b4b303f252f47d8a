/** The background's one entry for messages: a complete table, sender checks, failures as words. */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createBackground } from '../../utils/background';
import { createRouter } from '../../utils/router';
import { startRun } from '../../utils/run';
import { tabRuns } from '../../utils/storage/items';
import { FakePlatform } from './authoring-service/fakes';
import { contentScript, EXTENSION_ID, extensionPage, ROUTER_OPTIONS } from './harness/background';
import { installFrench } from './popup/harness';
import { practiceGuide } from './run/practice-guide';

const TAB = 12;
let route: ReturnType<typeof createRouter>;

beforeEach(async () => {
  fakeBrowser.reset();
  await installFrench();
  route = createBackground({ bundledGuides: [practiceGuide], now: () => 1_000, platform: new FakePlatform() }).router(ROUTER_OPTIONS);
});

describe('the router', () => {
  it('answers a value from the handler of the request type', async () => {
    expect(await route({ type: 'guide:get', guideId: practiceGuide.id }, extensionPage())).toMatchObject({
      ok: true,
      value: { id: practiceGuide.id },
    });
  });

  it('says an unknown type in words, including a prototype key, and never throws', async () => {
    for (const type of ['run:jump', 'constructor', '__proto__', 'toString', undefined]) {
      expect(await route({ type }, extensionPage())).toEqual({ ok: false, error: `unknown request: ${type}` });
    }
    expect(await route(null, extensionPage())).toMatchObject({ ok: false });
  });

  it('refuses another extension, a page request from a content script, and a content request from a page', async () => {
    expect(await route({ type: 'run:paused' }, { ...extensionPage(), id: 'someone-else' })).toMatchObject({ ok: false });
    expect(await route({ type: 'run:paused' }, contentScript(TAB))).toMatchObject({
      ok: false,
      error: expect.stringMatching(/not allowed/),
    });
    expect(await route({ type: 'run:current' }, extensionPage())).toMatchObject({ ok: false, error: expect.stringMatching(/not allowed/) });
    expect(await route({ type: 'run:current' }, { id: EXTENSION_ID, url: 'https://exemple.gouv.fr/' })).toMatchObject({ ok: false });
  });

  it('moves only its own tab’s run for a content script, whatever tab it names', async () => {
    await tabRuns.of(TAB).set(startRun(practiceGuide, 'advisor', 1));
    await tabRuns.of(TAB + 1).set(startRun(practiceGuide, 'advisor', 1));
    const answer = await route({ type: 'run:event', tabId: TAB + 1, event: { type: 'answer', choice: 1 } }, contentScript(TAB));
    expect(answer).toMatchObject({ ok: true, value: { currentId: 'register-link' } });
    expect((await tabRuns.of(TAB + 1).get())?.currentId).toBe('has-account');
    expect((await tabRuns.of(TAB).get())?.currentId).toBe('register-link');
  });

  it('answers an unknown guide as a value the popup can say, not a run', async () => {
    expect(await route({ type: 'run:start', tabId: TAB, guideId: 'disparu', mode: 'advisor', level: 'guided' }, extensionPage())).toEqual({
      ok: true,
      value: { ok: false, problem: 'unknown-guide' },
    });
    expect(await tabRuns.of(TAB).get()).toBeNull();
  });

  it('turns a handler’s failure into words', async () => {
    const failing = createRouter(
      { 'run:paused': { from: 'any', handle: async () => Promise.reject(new Error('disque plein')) } } as never,
      ROUTER_OPTIONS,
    );
    expect(await failing({ type: 'run:paused' }, extensionPage())).toEqual({ ok: false, error: 'disque plein' });
  });
});
