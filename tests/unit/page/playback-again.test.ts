/**
 * A run after a run in the same tab, over the real background (through the
 * real router, over the fake browser's storage) and the real overlay script:
 * the background puts a new copy of the overlay in the tab at each start or
 * resume, the new copy stops the old one, and only the new one shows its
 * bubble — the old one never puts its host back, even when an answer it was
 * still waiting for arrives after it stopped (issue 14's merge regression).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ARRIVED } from '../../../components/page/arrival';
import { startPageContext } from '../../../components/page/context';
import { createPageHost, OVERLAY_HOST } from '../../../components/page/host';
import { startPlayback } from '../../../components/playback/playback';
import { createBackground } from '../../../utils/background';
import { createRouter } from '../../../utils/router';
import { FakePlatform } from '../authoring-service/fakes';
import { asker, contentScript, ROUTER_OPTIONS } from '../harness/background';
import { useLocale } from '../i18n/locale';
import { guide, T0 } from '../progress/fixtures';

const TAB = 7;
const OTHER_TAB = 8;
const QUESTION = 'Avez-vous déjà un compte ?';

/** The background's platform whose `injectPlayback` runs a new copy of the overlay script in this document, as the browser would. */
class PagePlatform extends FakePlatform {
  /** The tab this document is. */
  tabId = TAB;
  override async injectPlayback(tabId: number) {
    await super.injectPlayback(tabId);
    if (tabId !== this.tabId) return;
    // What entrypoints/playback.content does (open root: the test reads it, as the e2e harness does).
    const ctx = startPageContext('playback', { alive: () => true });
    startPlayback(createPageHost({ name: OVERLAY_HOST, css: '', mode: 'open', signal: ctx.signal }), ctx);
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
  (globalThis as { [ARRIVED]?: string })[ARRIVED] = location.href;
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

  it('started again while the first is still shown: the new copy alone shows it', async () => {
    await start();
    await waitForBubble(QUESTION);
    await start();
    await waitForBubble(QUESTION);
    // Long enough for a stopped copy's late answer and its announcement delay.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(hosts()).toHaveLength(1);
  });

  it('resumed after a pause: the bubble shows the step where the run was', async () => {
    await start();
    await waitForBubble(QUESTION);
    await background.runs.pauseTab(TAB);
    await waitForNoHost();
    await ask({ type: 'run:resume', tabId: TAB, guideId: guide.id });
    await waitForBubble(QUESTION);
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
