import { describe, expect, it } from 'vitest';
import {
  axeViolations,
  type BrowserKind,
  extensionSuite,
  messages,
  OVERLAY_HOST,
  openPracticePage,
  PRACTICE_GUIDE_ITEM,
  practiceGuide,
  practiceSitesSuite,
  readable,
  WAIT_MS,
  waitUntil,
} from './harness';
import { clickBubbleButton, readOverlay, waitForBubbleText, waitForSpotlightOn } from './playback/overlay';
import { PRACTICE_QUESTION } from './playback/person';
import { forgetPausedRuns } from './playback/runs';
import { beginPractice } from './playback/start';

/**
 * axe-core (WCAG 2.2 A/AA rules and best practices) on what the person and
 * the advisor use during playback: the popup (guide list, start screen,
 * started), the side panel with a guide under way, and the bubble in the
 * page (question, step on its target, target missing, end screen), the
 * latter checked inside the overlay's open shadow root only: the practice
 * page's own markup is not ours.
 */

const guide = practiceGuide();

const sites = practiceSitesSuite();

describe.each<BrowserKind>(['chromium', 'firefox'])('%s: accessibility of the playback views (axe-core)', (kind) => {
  const suite = extensionSuite(kind);

  const practicePage = () => openPracticePage(suite, sites.guided);

  it('finds no violation in the popup: the guide list, the start screen, and once started', async () => {
    const page = await practicePage();
    await forgetPausedRuns(suite.ext, page);
    const popup = await suite.ext.openPopup(page);
    suite.track(popup);
    await popup.waitForSelector(`${PRACTICE_GUIDE_ITEM} button.start`, { timeout: WAIT_MS });
    expect(readable(await axeViolations(popup)), 'guide list').toEqual([]);

    await popup.locator(`${PRACTICE_GUIDE_ITEM} button.start`).setTimeout(WAIT_MS).click();
    // The start screen once the guide's "to have at hand" list is loaded.
    await popup.waitForSelector('.start-screen ul.checklist.prepare', { timeout: WAIT_MS });
    expect(readable(await axeViolations(popup)), 'start screen').toEqual([]);

    await popup.locator('.start-screen button.go').setTimeout(WAIT_MS).click();
    await popup.waitForSelector('section.started', { timeout: WAIT_MS });
    expect(readable(await axeViolations(popup)), 'started').toEqual([]);
  });

  it('finds no violation in the side panel with a guide under way', async () => {
    const page = await practicePage();
    const { tabId } = await beginPractice(suite.ext, page);
    const panel = await suite.ext.openExtensionPage(`sidepanel.html?tab=${tabId}`);
    suite.track(panel);
    const first = guide.steps[1];
    if (first?.kind !== 'step') throw new Error('la deuxième entrée du guide n’est pas une étape');
    // The panel shows the current step's instruction.
    await waitUntil('le panneau montre l’étape en cours', () =>
      panel.evaluate((text) => (document.body.textContent ?? '').includes(text), first.instruction),
    );
    expect(readable(await axeViolations(panel)), 'side panel').toEqual([]);
  });

  it('finds no violation in the bubble: a question, a step on its target, a missing target, the end', async () => {
    const page = await practicePage();
    await forgetPausedRuns(suite.ext, page);
    const popup = await suite.ext.openPopup(page);
    await popup.locator(`${PRACTICE_GUIDE_ITEM} button.start`).setTimeout(WAIT_MS).click();
    await popup.locator('.start-screen button.go').setTimeout(WAIT_MS).click();
    await popup.waitForSelector('section.started', { timeout: WAIT_MS });
    await popup.close().catch(() => undefined);
    await page.bringToFront();

    const overlayOnly = [[OVERLAY_HOST]];
    const { question, noAccount, hasAccount: yes } = PRACTICE_QUESTION;
    const t = await messages((await waitForBubbleText(page, question.question)).lang ?? 'fr');
    expect(readable(await axeViolations(page, overlayOnly)), 'question').toEqual([]);

    // A step on its target (the page dimmed around it), then the same step with its target gone.
    await clickBubbleButton(page, noAccount.label);
    await waitForSpotlightOn(page, '#username-8608');
    expect(readable(await axeViolations(page, overlayOnly)), 'step').toEqual([]);

    await page.evaluate(() => document.querySelector('#username-8608')?.closest('.fr-fieldset__element')?.remove());
    await waitUntil('la bulle dit que la cible manque', async () => (await readOverlay(page)).missing !== null);
    expect(readable(await axeViolations(page, overlayOnly)), 'missing target').toEqual([]);

    // The end screen: « Retour » to the question, whose other answer ends the guide at once.
    await clickBubbleButton(page, t('overlay.back'));
    await waitForBubbleText(page, question.question);
    await clickBubbleButton(page, yes.label);
    const end = guide.steps.find((item) => item.id === yes.next);
    if (end?.kind !== 'end') throw new Error('la réponse « oui » ne mène pas à une fin');
    const ended = await waitForBubbleText(page, end.message ?? '');
    expect(ended.trace.items.length).toBeGreaterThan(0);
    expect(readable(await axeViolations(page, overlayOnly)), 'end').toEqual([]);
  });
});
