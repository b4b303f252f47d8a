/**
 * Idle means idle (issue 14), end to end in Chromium and Firefox ESR: a page of
 * a guide's site whose tab has no run gets nothing of ours — no element, and
 * no script run in it at all (the manifest declares none). The background
 * hears a tab's arrivals from the browser, and puts the overlay only in a tab
 * that has a run: a reload of that tab brings the overlay back by itself.
 */
import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import {
  type BrowserKind,
  builtManifest,
  extensionSuite,
  OVERLAY_HOST,
  openPracticePage,
  PRACTICE_START_PAGE,
  practiceGuide,
  practiceSitesSuite,
  tabIdOf,
  withExtensionApi,
} from './harness';
import { waitForBubbleText } from './playback/overlay';
import { PRACTICE_QUESTION } from './playback/person';
import { beginPractice } from './playback/start';

const sites = practiceSitesSuite();
/**
 * Whether the extension's isolated world in a tab holds the global our overlay keeps there
 * (components/page/context.ts), read by a script the test puts there from an extension page.
 */
function overlayRanIn(control: Page, tabId: number): Promise<boolean> {
  return withExtensionApi(
    control,
    async (api, id) => {
      const ext = api as unknown as {
        scripting?: { executeScript(o: { target: { tabId: number }; func: () => boolean }): Promise<{ result: boolean }[]> };
        tabs: { executeScript(tabId: number, o: { code: string }): Promise<boolean[]> };
      };
      if (ext.scripting) {
        const [first] = await ext.scripting.executeScript({
          target: { tabId: id },
          func: () => Symbol.for('cote-a-cote.context.playback') in globalThis,
        });
        return first?.result === true;
      }
      const [ran] = await ext.tabs.executeScript(id, { code: "Symbol.for('cote-a-cote.context.playback') in globalThis" });
      return ran === true;
    },
    tabId,
  );
}

/** Chromium: the JavaScript worlds of a page that belong to an extension (our isolated world, once a script of ours ran). */
async function extensionWorlds(page: Page): Promise<string[]> {
  const cdp = await page.createCDPSession();
  const origins: string[] = [];
  cdp.on('Runtime.executionContextCreated', ({ context }) => {
    if (context.origin.startsWith('chrome-extension://')) origins.push(`${context.name} ${context.origin}`);
  });
  // Enabling reports every world already there, before it answers.
  await cdp.send('Runtime.enable');
  await cdp.detach();
  return origins;
}

describe.each<BrowserKind>(['chromium', 'firefox'])('%s: a page of a guide’s site with no run', (kind) => {
  const suite = extensionSuite(kind);

  it('runs nothing of ours, while a reload of a tab with a run brings the overlay back by itself', async () => {
    expect(builtManifest(kind).content_scripts, 'no content script declared: nothing of ours runs in a page by itself').toBeUndefined();

    // A page of the guide's site, no run in its tab (its own address: tabs are told apart by address).
    const idle = await openPracticePage(suite, sites.guided);
    await idle.goto(`${sites.guided}${PRACTICE_START_PAGE}?onglet=sans-parcours`, { waitUntil: 'load' });

    // Another tab with a run, then reloaded: its arrival, heard by the background, brings the overlay back.
    const running = await openPracticePage(suite, sites.guided);
    await beginPractice(suite.ext, running);
    await running.reload({ waitUntil: 'load' });
    const first = practiceGuide().steps.find((item) => item.id === PRACTICE_QUESTION.noAccount.next);
    if (first?.kind !== 'step') throw new Error('the practice guide’s first step is not a step');
    await waitForBubbleText(running, first.instruction);

    // By now the background has long heard the idle tab's load: nothing of ours came into it.
    expect(await idle.$$eval(OVERLAY_HOST, (hosts) => hosts.length)).toBe(0);
    if (kind === 'chromium') expect(await extensionWorlds(idle), 'no world of our extension in the idle page').toEqual([]);
    const control = suite.track(await suite.ext.openExtensionPage('popup.html'));
    expect(await overlayRanIn(control, await tabIdOf(control, idle)), 'our isolated world in the idle tab: no overlay ever ran there').toBe(
      false,
    );
    expect(await overlayRanIn(control, await tabIdOf(control, running)), 'the same probe sees the overlay where a run is').toBe(true);
  });
});
