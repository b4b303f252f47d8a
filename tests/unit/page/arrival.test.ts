/**
 * The page script of a guide's site: it tells the real background (through the
 * real router, over the fake browser's storage) that its tab arrived, brings the
 * overlay only when the tab has a run, and adds nothing to the page. The
 * background puts the overlay in a tab when a run starts or resumes there.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ARRIVED, arrive } from '../../../components/page/arrival';
import { createBackground } from '../../../utils/background';
import { createRouter } from '../../../utils/router';
import { FakePlatform } from '../authoring-service/fakes';
import { asker, contentScript, ROUTER_OPTIONS } from '../harness/background';
import { guide, T0 } from '../progress/fixtures';

const TAB = 7;
const OTHER_TAB = 8;
let platform: FakePlatform;
let background: ReturnType<typeof createBackground>;
let ask: ReturnType<typeof asker>;

/** The page script's messages reach the background as the content script of `TAB`. */
function pageOfTab(tabId: number, url = 'https://exemple.gouv.fr/connexion') {
  const route = createRouter(background.table, ROUTER_OPTIONS);
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (message: unknown) =>
    route(message, contentScript(tabId, url))) as never);
  return url;
}

beforeEach(() => {
  fakeBrowser.reset();
  platform = new FakePlatform();
  background = createBackground({ bundledGuides: [guide], now: () => T0, platform });
  ask = asker(() => background.table);
  delete (globalThis as { [ARRIVED]?: string })[ARRIVED];
});
afterEach(() => vi.restoreAllMocks());

describe('a page of a guide’s site', () => {
  it('with no run in its tab: one question, no overlay, nothing added to the page', async () => {
    const url = pageOfTab(TAB);
    const listen = [vi.spyOn(window, 'addEventListener'), vi.spyOn(document, 'addEventListener')];
    const observe = vi.spyOn(MutationObserver.prototype, 'observe');
    const before = document.documentElement.outerHTML;
    await arrive({ url });
    expect(fakeBrowser.runtime.sendMessage).toHaveBeenCalledTimes(1);
    expect(platform.injected).toEqual([]);
    for (const spy of [...listen, observe]) expect(spy).not.toHaveBeenCalled();
    expect(document.documentElement.outerHTML).toBe(before);
  });

  it('with a run in its tab: tells its arrival once, then brings the overlay into its own tab', async () => {
    await ask({ type: 'run:start', tabId: TAB, guideId: guide.id, mode: 'alone', level: 'guided' });
    platform.injected.length = 0;
    const url = pageOfTab(TAB);
    await arrive({ url });
    expect(platform.injected).toEqual([{ tabId: TAB, script: 'playback' }]);
    // The overlay, put in the tab just after, does not tell the same arrival again.
    expect((globalThis as { [ARRIVED]?: string })[ARRIVED]).toBe(url);
  });

  it('a run in another tab brings nothing here', async () => {
    await ask({ type: 'run:start', tabId: OTHER_TAB, guideId: guide.id, mode: 'alone', level: 'guided' });
    platform.injected.length = 0;
    await arrive({ url: pageOfTab(TAB) });
    expect(platform.injected).toEqual([]);
  });

  it('says nothing and throws nothing when the background does not answer', async () => {
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockRejectedValue(new Error('Extension context invalidated.'));
    await expect(arrive({ url: 'https://exemple.gouv.fr/' })).resolves.toBeUndefined();
    expect(platform.injected).toEqual([]);
  });
});

describe('the background puts the overlay in a tab', () => {
  it('when a run starts or resumes there', async () => {
    await ask({ type: 'run:start', tabId: TAB, guideId: guide.id, mode: 'alone', level: 'guided' });
    expect(platform.injected).toEqual([{ tabId: TAB, script: 'playback' }]);
    await background.onTabRemoved(TAB);
    await ask({ type: 'run:resume', tabId: OTHER_TAB, guideId: guide.id });
    expect(platform.injected).toEqual([
      { tabId: TAB, script: 'playback' },
      { tabId: OTHER_TAB, script: 'playback' },
    ]);
  });

  it('starts the run all the same when the tab refuses scripts (a site the extension may not enter)', async () => {
    platform.failInjection = true;
    const started = await ask({ type: 'run:start', tabId: TAB, guideId: guide.id, mode: 'alone', level: 'guided' });
    expect(started.ok).toBe(true);
  });

  it('only into the asking page script’s own tab, and never for an extension page', async () => {
    await ask({ type: 'playback:load' }, TAB);
    expect(platform.injected).toEqual([{ tabId: TAB, script: 'playback' }]);
    await expect(ask({ type: 'playback:load' })).rejects.toThrow();
  });
});
