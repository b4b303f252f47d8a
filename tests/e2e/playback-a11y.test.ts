import type { Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  type BrowserKind,
  OVERLAY_HOST,
  PRACTICE_GUIDE_ID,
  PRACTICE_START_PAGE,
  type PracticeSites,
  practiceGuide,
  startPracticeSites,
  WAIT_MS,
} from './harness';
import {
  type AxeViolation,
  axeViolations,
  beginPractice,
  clickBubbleButton,
  extensionSuite,
  forgetPausedRuns,
  messages,
  readOverlay,
  waitForBubbleText,
  waitForSpotlightOn,
  waitUntil,
} from './playback/helpers';

/**
 * axe-core (WCAG 2.2 A/AA rules and best practices) on what the person and
 * the advisor use during playback: the popup (guide list, start screen,
 * started), the side panel with a guide under way, and the bubble in the
 * page (question, step on its target, target missing, end screen), the
 * latter checked inside the overlay's open shadow root only: the practice
 * page's own markup is not ours.
 */

const guide = practiceGuide();

/** Violations in a readable form for the failure message. */
const readable = (violations: AxeViolation[]) => violations.map((v) => `${v.id} (${v.impact}) : ${v.help} — ${JSON.stringify(v.targets)}`);

let sites: PracticeSites;

beforeAll(async () => {
  sites = await startPracticeSites();
});

afterAll(async () => {
  await sites?.close();
});

describe.each<BrowserKind>(['chromium', 'firefox'])('%s: accessibility of the playback views (axe-core)', (kind) => {
  const suite = extensionSuite(kind);

  async function practicePage(): Promise<Page> {
    const page = await suite.ext.newPage('practice page');
    suite.track(page);
    await page.goto(`${sites.guided}${PRACTICE_START_PAGE}`, { waitUntil: 'load' });
    await page.waitForSelector(OVERLAY_HOST, { timeout: WAIT_MS });
    return page;
  }

  it('finds no violation in the popup: the guide list, the start screen, and once started', async () => {
    const page = await practicePage();
    await forgetPausedRuns(suite.ext, page);
    const popup = await suite.ext.openPopup(page);
    suite.track(popup);
    const guideItem = `li.guide[data-guide-id="${PRACTICE_GUIDE_ID}"]`;
    await popup.waitForSelector(`${guideItem} button.start`, { timeout: WAIT_MS });
    expect(readable(await axeViolations(popup)), 'guide list').toEqual([]);

    await popup.locator(`${guideItem} button.start`).setTimeout(WAIT_MS).click();
    // The start screen once the guide's "to have at hand" list is loaded.
    await popup.waitForSelector('.start-screen ul.checklist.prepare', { timeout: WAIT_MS });
    expect(readable(await axeViolations(popup)), 'start screen').toEqual([]);

    await popup.locator('.start-screen button.go').setTimeout(WAIT_MS).click();
    await popup.waitForSelector('section.started', { timeout: WAIT_MS });
    expect(readable(await axeViolations(popup)), 'started').toEqual([]);
  });

  it('finds no violation in the side panel with a guide under way', async () => {
    const page = await practicePage();
    const { tabId } = await beginPractice(suite.ext, page, guide);
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
    await popup.locator(`li.guide[data-guide-id="${PRACTICE_GUIDE_ID}"] button.start`).setTimeout(WAIT_MS).click();
    await popup.locator('.start-screen button.go').setTimeout(WAIT_MS).click();
    await popup.waitForSelector('section.started', { timeout: WAIT_MS });
    await popup.close().catch(() => undefined);
    await page.bringToFront();

    const overlayOnly = [[OVERLAY_HOST]];
    const question = guide.steps[0];
    if (question?.kind !== 'question') throw new Error('le guide d’entraînement commence par une question');
    const t = await messages((await waitForBubbleText(page, question.question)).lang ?? 'fr');
    expect(readable(await axeViolations(page, overlayOnly)), 'question').toEqual([]);

    // A step on its target (the page dimmed around it), then the same step with its target gone.
    const noAccount = question.choices.find((choice) => choice.next !== 'fin-compte-existant');
    const yes = question.choices.find((choice) => choice.next === 'fin-compte-existant');
    if (!noAccount || !yes) throw new Error('réponses inattendues');
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
