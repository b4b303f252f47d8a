import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import {
  type ExtensionSuite,
  extensionSuite,
  messagesOf,
  OVERLAY_HOST,
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
 * extension's storage; a tab closed mid-run leaves no paused run either; a
 * browser killed mid-run (a crash, a power cut, the plug pulled at closing
 * time) starts again on the same profile with nothing about the person. On a
 * personal computer the same restart keeps the run for « Reprendre » (so the
 * erasure above is the shared computer's doing, not a lost profile), and
 * « Effacer les traces » — on the end screen in the page, and in the settings —
 * erases it all and says what it erased. The extension is installed in a
 * profile kept on disk, as a person's is (tests/e2e/harness/browsers.ts).
 */
const sites = practiceSitesSuite();

/** The keys of storage.local that tell of a person: runs, paused runs, progress. */
const personKeys = async (control: Page) =>
  Object.keys(await storageIn(control)).filter((key) => /^(run:|paused:|progress$|damaged:)/.test(key));

/** The « Poste partagé » box of the settings page set to `shared` with the person's click, and saved. */
async function setSharedComputer(settings: Page, shared: boolean): Promise<void> {
  await settings.waitForSelector('#shared-computer', { timeout: WAIT_MS });
  if ((await settings.$eval('#shared-computer', (box) => (box as HTMLInputElement).checked)) !== shared) {
    await settings.click('#shared-computer');
  }
  await waitUntil(`the shared computer saved as ${shared}`, async () => {
    const saved = (await storageIn(settings, 'settings')).settings as { sharedComputer?: boolean } | undefined;
    return (saved?.sharedComputer === true) === shared;
  });
}

/** A run of the practice guide started on a new practice tab and moved `steps` events on (all of them: to its end). */
async function runOnNewTab(suite: ExtensionSuite, control: Page, steps = Number.POSITIVE_INFINITY) {
  const page = await openPracticePage(suite, sites.guided);
  const tabId = await tabIdOf(control, page);
  await sendMessage(control, { type: 'run:start', tabId, guideId: PRACTICE_GUIDE_ID, mode: 'alone', level: 'guided' });
  let status: string | undefined = 'active';
  for (const event of eventsWithoutHelp(practiceGuide(), sites.guided).slice(0, steps))
    status = (await sendMessage<{ status?: string } | null>(control, { type: 'run:event', tabId, event }))?.status;
  return { page, tabId, status };
}

/** What the erase buttons say they erased, read from a live region once it speaks. */
const erasedSaid = (page: Page, read: () => Promise<string | null | undefined>) =>
  waitUntil('what was erased, said', async () => (await read()) || null, { describe: () => page.content() });

describe.each<BrowserKind>(['chromium', 'firefox'])('%s: a shared computer', (kind) => {
  const suite = extensionSuite(kind, { keepProfile: true });

  it('keeps nothing of the person once « Terminer » is pressed, nor after a tab closed mid-run', async () => {
    const settings = suite.track(await suite.ext.openExtensionPage('settings.html'));
    await setSharedComputer(settings, true);
    const t = await messagesOf(settings);

    // A whole run on the site, moved on with the events the overlay sends; « Terminer » pressed by the person.
    const { page, tabId, status } = await runOnNewTab(suite, settings);
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
    const { page: other, tabId: otherTab } = await runOnNewTab(suite, settings, 0);
    await waitUntil('the run started', async () => (await personKeys(settings)).includes(`run:${otherTab}`));
    await other.close();
    await waitUntil('the closed tab’s run gone', async () => (await personKeys(settings)).length === 0, {
      describe: () => storageIn(settings),
    });
    expect(await sendMessage(settings, { type: 'run:paused' })).toEqual({});
  });

  it('a browser killed mid-run starts again on the same profile with nothing about the person', async () => {
    let control = suite.track(await suite.ext.openExtensionPage('settings.html'));
    await setSharedComputer(control, true);
    const { tabId } = await runOnNewTab(suite, control, 3);
    expect(await personKeys(control)).toEqual([`run:${tabId}`]);

    await suite.crashAndRestart();
    control = suite.track(await suite.ext.openExtensionPage('settings.html'));
    // The profile survived (the setting is there), and the browser start erased what the crash left.
    expect(((await storageIn(control, 'settings')).settings as { sharedComputer?: boolean }).sharedComputer).toBe(true);
    await waitUntil('nothing about the person after the restart', async () => (await personKeys(control)).length === 0, {
      describe: () => storageIn(control),
    });
    expect(await sendMessage(control, { type: 'run:paused' })).toEqual({});
  });

  it('on a personal computer: the end screen erases the traces and says so; a restart keeps the run paused until « Effacer les traces »', async () => {
    let control = suite.track(await suite.ext.openExtensionPage('settings.html'));
    await setSharedComputer(control, false);
    const t = await messagesOf(control);

    // A finished run: the progress is kept, the end screen shows; its « Effacer les traces » asks once, then erases it all.
    const { page, tabId, status } = await runOnNewTab(suite, control);
    expect(status).toBe('finished');
    await page.bringToFront();
    await waitForOverlay(page, 'the end screen', (state) => state.buttons.some((b) => b.text === t('overlay.finish')));
    expect((await personKeys(control)).sort()).toEqual(['progress', `run:${tabId}`]);
    await clickBubbleButton(page, t('traces.erase'));
    await waitForOverlay(page, 'the question', (state) => state.buttons.some((b) => b.text === t('traces.yes')));
    await clickBubbleButton(page, t('traces.yes'));
    const said = await erasedSaid(page, () =>
      page.$eval(`${OVERLAY_HOST} >>> .erase-status`, (status) => status.textContent?.trim()).catch(() => null),
    );
    expect(said).toBe(t('traces.erased', ['1', '0', '1']));
    expect(await personKeys(control)).toEqual([]);
    // The end screen stays with what was said, until « Terminer » takes it away.
    const end = await waitForOverlay(page, 'the end screen kept', (state) => state.buttons.some((b) => b.text === t('overlay.finish')));
    expect(end.trace.items).toContain(t('overlay.traceOurs'));
    await clickBubbleButton(page, t('overlay.finish'));
    await waitUntil('the bubble gone', async () => !(await page.$(OVERLAY_HOST)));
    expect(await personKeys(control)).toEqual([]);

    // A run under way when the browser is killed: after the restart it waits for « Reprendre »…
    const under = await runOnNewTab(suite, control, 3);
    expect(await personKeys(control)).toEqual([`run:${under.tabId}`]);
    await suite.crashAndRestart();
    control = suite.track(await suite.ext.openExtensionPage('settings.html'));
    await waitUntil(
      'the run paused by the browser start',
      async () => {
        const keys = await personKeys(control);
        return keys.length === 1 && keys[0] === `paused:${PRACTICE_GUIDE_ID}`;
      },
      { describe: () => storageIn(control) },
    );
    // …until « Effacer les traces » in the settings, which says what went. The storage is read before the
    // page has drawn: wait for the button itself.
    await control.waitForSelector('.erase-traces button.erase', { visible: true, timeout: WAIT_MS });
    await control.click('.erase-traces button.erase');
    await control.waitForSelector('.erase-traces .confirm-yes', { timeout: WAIT_MS });
    await control.click('.erase-traces .confirm-yes');
    const settingsSaid = await erasedSaid(control, () => control.$eval('.erase-status', (status) => status.textContent?.trim()));
    expect(settingsSaid).toBe(t('traces.erased', ['0', '1', '0']));
    expect(await personKeys(control)).toEqual([]);
  });
});
