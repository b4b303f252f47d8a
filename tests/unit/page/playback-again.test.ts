/**
 * A run after a run in the same tab, over the real background (through the
 * real router, over the fake browser's storage) and the real overlay script:
 * the background puts the overlay in the tab at each start, resume or
 * arrival; a copy still running there stays the only one (it follows the new
 * run), a stopped copy never puts its host back, even when an answer it was
 * still waiting for arrives after it stopped (issue 14's merge regression).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startPageContext } from '../../../components/page/context';
import { OVERLAY_HOST } from '../../../components/page/host';
import { startOverlay } from '../../../components/playback/overlay-script';
import { createBackground } from '../../../utils/background';
import { createRouter } from '../../../utils/router';
import { FakePlatform } from '../authoring-service/fakes';
import { asker, contentScript, ROUTER_OPTIONS } from '../harness/background';
import { useLocale } from '../i18n/locale';
import { guide, T0 } from '../progress/fixtures';

const TAB = 7;
const OTHER_TAB = 8;
const QUESTION = 'Avez-vous déjà un compte ?';

/** The background's platform whose `injectPlayback` runs the overlay script in this document, as the browser would. */
class PagePlatform extends FakePlatform {
  /** The tab this document is. */
  tabId = TAB;
  override async injectPlayback(tabId: number) {
    await super.injectPlayback(tabId);
    if (tabId !== this.tabId) return;
    // What entrypoints/playback.content does (open root: the test reads it, as the e2e harness does).
    startOverlay('', { mode: 'open', alive: () => true });
  }
}

let platform: PagePlatform;
let background: ReturnType<typeof createBackground>;
let ask: ReturnType<typeof asker>;

const hosts = () => [...document.querySelectorAll(OVERLAY_HOST)];
const shownText = () => hosts().map((host) => host.shadowRoot?.textContent ?? '');

/** The bubble shows `text` in the one host of the page. */
async function waitForBubble(text: string) {
  await vi.waitFor(
    () => {
      expect(hosts()).toHaveLength(1);
      expect(shownText()[0]).toContain(text);
    },
    { timeout: 3_000 },
  );
}

async function waitForNoHost() {
  await vi.waitFor(() => expect(hosts()).toHaveLength(0), { timeout: 3_000 });
}

const start = (tabId = TAB) => ask({ type: 'run:start', tabId, guideId: guide.id, mode: 'alone', level: 'guided' });

beforeEach(async () => {
  fakeBrowser.reset();
  await useLocale('fr');
  platform = new PagePlatform();
  background = createBackground({ bundledGuides: [guide], now: () => T0, platform });
  ask = asker(() => background.table);
  // The overlay's messages reach the background as the content script of this document's tab.
  const route = createRouter(background.table, ROUTER_OPTIONS);
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (message: unknown) =>
    route(message, contentScript(platform.tabId, location.href))) as never);
});

afterEach(() => {
  // Stops the copy still running (as a reloaded extension would).
  startPageContext('playback', { alive: () => true }).invalidate();
  for (const host of hosts()) host.remove();
  vi.restoreAllMocks();
});

describe('a run after a run in the same tab', () => {
  it('closed from the popup or the side panel: the next run’s bubble shows its first step, in one host', async () => {
    await start();
    await waitForBubble(QUESTION);
    await ask({ type: 'run:close', tabId: TAB });
    await waitForNoHost();

    await start();
    await waitForBubble(QUESTION);
    expect(platform.injected.filter(({ tabId }) => tabId === TAB)).toHaveLength(2);
    // And a third time: nothing of the stopped copies comes back.
    await ask({ type: 'run:close', tabId: TAB });
    await waitForNoHost();
    await start();
    await waitForBubble(QUESTION);
  });

  it('started again while the first is still shown: the copy there alone shows it', async () => {
    await start();
    await waitForBubble(QUESTION);
    await start();
    await waitForBubble(QUESTION);
    // Long enough for a stopped copy's late answer and its announcement delay.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(hosts()).toHaveLength(1);
  });

  it('an arrival of the tab (a reload, a single-page change of address) keeps the copy already there, the only one', async () => {
    await start();
    await waitForBubble(QUESTION);
    const [host] = hosts();
    const url = location.href;
    await background.onTabUpdated(TAB, { status: 'loading' }, { status: 'loading', url });
    await background.onTabUpdated(TAB, { status: 'complete' }, { status: 'complete', url });
    expect(platform.injected.filter(({ tabId }) => tabId === TAB)).toHaveLength(2);
    await new Promise((resolve) => setTimeout(resolve, 300));
    // The same host element: the running copy was not replaced, nothing blinked.
    expect(hosts()).toEqual([host]);
    expect(shownText()[0]).toContain(QUESTION);
  });

  it('resumed after a pause: the bubble shows the step where the run was', async () => {
    await start();
    await waitForBubble(QUESTION);
    await background.runs.pauseTab(TAB);
    await waitForNoHost();
    await ask({ type: 'run:resume', tabId: TAB, guideId: guide.id });
    await waitForBubble(QUESTION);
  });

  it('a trainer’s copy takes the place of the person’s; the person’s overlay leaves a trainer’s copy running', async () => {
    await start();
    await waitForBubble(QUESTION);
    const [personHost] = hosts();
    const tools = vi.fn();
    expect(startOverlay('', { mode: 'open', alive: () => true, more: tools })).not.toBeNull();
    expect(tools).toHaveBeenCalledTimes(1);
    await waitForBubble(QUESTION);
    const [trainerHost] = hosts();
    expect(trainerHost).not.toBe(personHost);
    // A run's arrival or a new start brings the person's overlay: the trainer's copy stays, and keeps showing the run.
    expect(startOverlay('', { mode: 'open', alive: () => true })).toBeNull();
    await start();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(hosts()).toEqual([trainerHost]);
    expect(shownText()[0]).toContain(QUESTION);
  });

  it('a copy left by a reloaded extension does not count: the new one takes its place', async () => {
    let alive = true;
    expect(startOverlay('', { mode: 'open', alive: () => alive })).not.toBeNull();
    alive = false;
    expect(startOverlay('', { mode: 'open', alive: () => true })).not.toBeNull();
  });

  it('the person’s overlay listens to no message of a trainer’s (their tools come in their own script)', async () => {
    const listen = vi.spyOn(fakeBrowser.runtime.onMessage, 'addListener');
    await start();
    await waitForBubble(QUESTION);
    expect(listen).not.toHaveBeenCalled();
  });

  it('a run in another tab puts nothing in this one', async () => {
    await start();
    await waitForBubble(QUESTION);
    await ask({ type: 'run:close', tabId: TAB });
    await waitForNoHost();
    await start(OTHER_TAB);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(hosts()).toHaveLength(0);
    expect(platform.injected.at(-1)).toEqual({ tabId: OTHER_TAB, script: 'playback' });
  });
});
