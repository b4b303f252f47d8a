import { describe, expect, it } from 'vitest';
import {
  extensionSuite,
  messagesOf,
  PRACTICE_GUIDE_ID,
  PRACTICE_GUIDE_ITEM,
  PRACTICE_START_PAGE,
  practiceGuide,
  practiceSitesSuite,
  WAIT_MS,
  withExtensionApi,
} from './harness';
import { eventsWithoutHelp } from './playback/runs';

/**
 * "Mes progrès" in Chromium: two runs of the practice guide finished through
 * the real background are kept, and less help is then suggested — on the
 * progress page and on the popup's start screen. The runs are moved on with
 * the events the overlay and the side panel send (`run:event`); following the
 * person on the site itself is the other end-to-end tests' part.
 */

describe('progress that stays with the person (Chromium)', () => {
  const sites = practiceSitesSuite();
  const suite = extensionSuite('chromium');
  const guide = practiceGuide();

  it('keeps two finished runs, then suggests less help on « Mes progrès » and on the start screen', async () => {
    const { ext } = suite;
    const progress = suite.track(await ext.openExtensionPage('progress.html'));
    await progress.waitForSelector('.progress-page .empty', { timeout: WAIT_MS });
    const t = await messagesOf(progress);

    const events = eventsWithoutHelp(guide, sites.guided);
    for (let i = 0; i < 2; i++) {
      // The run lives on the progress page's own tab: no site, no content script in the way.
      const status = await withExtensionApi(
        progress,
        async (api, guideId, events) => {
          const tabId = (await api.tabs.getCurrent())?.id;
          await api.runtime.sendMessage({ type: 'run:start', tabId, guideId, mode: 'alone', level: 'guided' });
          let run: { status?: string } | null = null;
          for (const event of events)
            run =
              ((await api.runtime.sendMessage({ type: 'run:event', tabId, event })) as { value?: { status?: string } | null }).value ??
              null;
          return run?.status;
        },
        PRACTICE_GUIDE_ID,
        events,
      );
      expect(status, `run ${i + 1}`).toBe('finished');
    }

    // The page follows storage: the count and the suggestion appear without a reload.
    const report = `li.guide-progress[data-guide-id="${PRACTICE_GUIDE_ID}"]`;
    const completed = t('progress.completed', ['2'], 2);
    await progress
      .waitForFunction(
        (selector, text) => document.querySelector(`${selector} .completed`)?.textContent === text,
        { timeout: WAIT_MS },
        report,
        completed,
      )
      .catch(async (error) => {
        const shown = await progress.evaluate(() => document.querySelector('main')?.textContent);
        throw new Error(`${error}\npage : ${shown}\nstockage : ${JSON.stringify(await ext.storage()).slice(0, 3000)}`);
      });
    const suggestion = t('progress.suggestion', ['2', t('progress.at.guided'), t('popup.level.onDemand')]);
    expect(await progress.$eval(`${report} .suggestion`, (el) => el.textContent)).toBe(suggestion);
    expect(await progress.$eval(`${report} h2`, (el) => [el.textContent, el.getAttribute('lang')])).toEqual([guide.title, guide.lang]);

    // Kept: ids, levels, counts, times — the help lists are empty, nothing was typed anywhere.
    const stored = (await ext.storage()).progress as {
      v: number;
      guides: Record<string, { completions: { level: string; help: string[]; byHand: string[] }[] }>;
    };
    expect(stored.v).toBe(1);
    expect(stored.guides[PRACTICE_GUIDE_ID]?.completions).toEqual([
      expect.objectContaining({ level: 'guided', help: [], byHand: [] }),
      expect.objectContaining({ level: 'guided', help: [], byHand: [] }),
    ]);

    // The popup's start screen offers the same, and the person may take it.
    const site = suite.track(await ext.newPage('site with no guide'));
    await site.goto(`${sites.unguided}${PRACTICE_START_PAGE}`, { waitUntil: 'load' });
    const popup = suite.track(await ext.openPopup(site));
    await popup.locator(`${PRACTICE_GUIDE_ITEM} button.start`).setTimeout(WAIT_MS).click();
    await popup.waitForSelector('.start-screen .suggestion p', { timeout: WAIT_MS });
    expect(await popup.$eval('.start-screen .suggestion p', (el) => el.textContent)).toBe(suggestion);
    expect(await popup.$eval('input[name="start-level"]:checked', (el) => (el as HTMLInputElement).value)).toBe('guided');
    await popup.locator('.start-screen .try-level').setTimeout(WAIT_MS).click();
    await popup.waitForSelector('input[name="start-level"][value="on-demand"]:checked', { timeout: WAIT_MS });
  });

  it('opens « Mes progrès » and the memo sheet of a guide from the popup, in new tabs', async () => {
    const { ext } = suite;
    const site = suite.track(await ext.newPage('site with no guide'));
    await site.goto(`${sites.unguided}${PRACTICE_START_PAGE}`, { waitUntil: 'load' });

    const popup = suite.track(await ext.openPopup(site));
    const memoTab = ext.browser.waitForTarget((target) => target.url() === `${ext.origin}/memo.html?guide=${PRACTICE_GUIDE_ID}`, {
      timeout: WAIT_MS,
    });
    await popup.locator(`${PRACTICE_GUIDE_ITEM} .memo-link a`).setTimeout(WAIT_MS).click();
    const memo = suite.track(await (await memoTab).asPage());
    await memo.waitForSelector('.memo h1', { timeout: WAIT_MS });
    expect(await memo.$eval('.memo h1', (el) => el.textContent)).toBe(guide.title);

    const again = suite.track(await ext.openPopup(site));
    const progressTab = ext.browser.waitForTarget((target) => target.url() === `${ext.origin}/progress.html`, { timeout: WAIT_MS });
    await again.locator('.popup-footer a.progress-link').setTimeout(WAIT_MS).click();
    const progress = suite.track(await (await progressTab).asPage());
    await progress.waitForSelector('.progress-page h1', { timeout: WAIT_MS });
  });
});
