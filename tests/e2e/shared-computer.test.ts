import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import {
  extensionSuite,
  messagesOf,
  openPracticePage,
  PRACTICE_GUIDE_ID,
  practiceGuide,
  practiceSitesSuite,
  sendMessage,
  storageIn,
  tabIdOf,
  WAIT_MS,
  waitUntil,
} from './harness';
import type { BrowserKind } from './harness/paths';
import { clickBubbleButton, waitForOverlay } from './playback/overlay';
import { eventsWithoutHelp } from './playback/runs';

/**
 * « Poste partagé » in real browsers: chosen on the settings page with a real
 * click, then a run of the practice guide finished on the site, « Terminer »
 * pressed in the bubble — and nothing about the person is left in the
 * extension's storage; a tab closed mid-run leaves no paused run either. (A
 * browser restart, which erases whatever a crash left, is the unit tests'
 * part: these browsers cannot restart with the extension installed.)
 */
const sites = practiceSitesSuite();

/** The keys of storage.local that tell of a person: runs, paused runs, progress. */
const personKeys = async (control: Page) =>
  Object.keys(await storageIn(control)).filter((key) => /^(run:|paused:|progress$|damaged:)/.test(key));

describe.each<BrowserKind>(['chromium', 'firefox'])('%s: a shared computer', (kind) => {
  const suite = extensionSuite(kind);

  it('keeps nothing of the person once « Terminer » is pressed, nor after a tab closed mid-run', async () => {
    const settings = suite.track(await suite.ext.openExtensionPage('settings.html'));
    await settings.waitForSelector('#shared-computer', { timeout: WAIT_MS });
    await settings.click('#shared-computer');
    await waitUntil('the shared computer saved', async () => {
      const saved = (await storageIn(settings, 'settings')).settings as { sharedComputer?: boolean } | undefined;
      return saved?.sharedComputer === true;
    });
    const t = await messagesOf(settings);

    // A whole run on the site, moved on with the events the overlay sends; « Terminer » pressed by the person.
    const page = await openPracticePage(suite, sites.guided);
    const tabId = await tabIdOf(settings, page);
    await sendMessage(settings, { type: 'run:start', tabId, guideId: PRACTICE_GUIDE_ID, mode: 'alone', level: 'guided' });
    let status: string | undefined;
    for (const event of eventsWithoutHelp(practiceGuide(), sites.guided))
      status = (await sendMessage<{ status?: string } | null>(settings, { type: 'run:event', tabId, event }))?.status;
    expect(status).toBe('finished');
    await page.bringToFront();
    const end = await waitForOverlay(page, 'the end screen', (state) => state.buttons.some((b) => b.text === t('overlay.finish')));
    // The checklist names our own traces.
    expect(end.trace.items).toContain(t('overlay.traceOurs'));
    expect(await personKeys(settings), 'no progress kept, only the run of the open tab').toEqual([`run:${tabId}`]);
    await clickBubbleButton(page, t('overlay.finish'));
    await waitUntil('the run gone with « Terminer »', async () => (await personKeys(settings)).length === 0, {
      describe: () => storageIn(settings),
    });

    // A tab closed in the middle of a run: no paused run is kept for « Reprendre ». (Tabs are found by address: one at a time.)
    await page.close();
    const other = await openPracticePage(suite, sites.guided);
    const otherTab = await tabIdOf(settings, other);
    await sendMessage(settings, { type: 'run:start', tabId: otherTab, guideId: PRACTICE_GUIDE_ID, mode: 'alone', level: 'guided' });
    await waitUntil('the run started', async () => (await personKeys(settings)).includes(`run:${otherTab}`));
    await other.close();
    await waitUntil('the closed tab’s run gone', async () => (await personKeys(settings)).length === 0, {
      describe: () => storageIn(settings),
    });
    expect(await sendMessage(settings, { type: 'run:paused' })).toEqual({});
  });
});
