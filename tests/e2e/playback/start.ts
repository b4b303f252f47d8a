// Starting the practice guide as the advisor does: from the popup, with the start screen's choices.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'puppeteer-core';
import { expect } from 'vitest';
import { parseGuideText } from '../../../utils/guide/parse';
import type { Guide } from '../../../utils/guide/schema';
import type { Run } from '../../../utils/run';
import {
  type ExtensionBrowser,
  type ExtensionSuite,
  messages,
  openPracticePage,
  PRACTICE_GUIDE_ID,
  PRACTICE_GUIDE_ITEM,
  practiceGuide,
  sendMessage,
  type Translate,
  tabIdOf,
  WAIT_MS,
} from '../harness';
import { clickBubbleButton, waitForBubbleText, waitForSpotlightOn } from './overlay';
import { FIRST_TARGET, PRACTICE_QUESTION } from './person';
import { forgetPausedRuns, latestRun } from './runs';

/**
 * The practice guide started on `page` (already on its first page) from the
 * popup, and its question answered « not yet » with the bubble's button:
 * the run is at its first step. Returns the tab id and the overlay's messages.
 */
export async function beginPractice(ext: ExtensionBrowser, page: Page): Promise<{ tabId: number; t: Translate }> {
  // The overlay's host comes with the first thing shown: until then the page is only loaded (DSFR set it up).
  await page.waitForSelector('html[data-fr-js="true"]', { timeout: WAIT_MS });
  const tabId = await startFromPopup(ext, page);
  const { question, noAccount } = PRACTICE_QUESTION;
  const asked = await waitForBubbleText(page, question.question);
  await clickBubbleButton(page, noAccount.label);
  const first = practiceGuide().steps.find((item) => item.id === noAccount.next);
  if (first?.kind === 'step') await waitForBubbleText(page, first.instruction);
  return { tabId, t: await messages(asked.lang ?? 'fr') };
}

/**
 * The practice guide begun on a new tab of the suite (`site`: a base URL of the
 * practice sites), at `viewport` if given, once at its first step with the
 * spotlight on its target.
 */
export async function practiceAtFirstStep(
  suite: ExtensionSuite,
  site: string,
  viewport?: { width: number; height: number },
): Promise<{ page: Page; tabId: number; t: Translate }> {
  const page = await openPracticePage(suite, site, async (p) => viewport && (await p.setViewport(viewport)));
  const { tabId, t } = await beginPractice(suite.ext, page);
  await waitForSpotlightOn(page, FIRST_TARGET);
  return { page, tabId, t };
}

/** What the start screen is left with, or set to: the mode and the level of help. */
export interface StartChoice {
  mode?: Run['mode'];
  level?: Run['level'];
}

/**
 * Starts the practice guide on `page` as the advisor does it: the popup,
 * « Commencer » on the guide, then « C'est parti ». With no `choice`, the start
 * screen's defaults must be in force (advisor, guided); with one, its radios
 * are clicked (trusted clicks). `onStartScreen` sees the popup's start screen
 * just before « C'est parti » (the screenshots take it). Leaves `page` in
 * front; returns the tab id of the run.
 */
export async function startFromPopup(
  ext: ExtensionBrowser,
  page: Page,
  choice?: StartChoice,
  hooks: { onList?(popup: Page): Promise<void>; onStartScreen?(popup: Page): Promise<void> } = {},
): Promise<number> {
  await forgetPausedRuns(ext, page);
  const popup = await ext.openPopup(page);
  try {
    const guideItem = PRACTICE_GUIDE_ITEM;
    // The run of a tab closed at the very end of the previous test may have been set aside just after.
    const offered = await popup.waitForSelector(`${guideItem} button.start, ${guideItem} button.restart`, { timeout: WAIT_MS });
    if (await offered?.evaluate((button) => button.classList.contains('restart'))) {
      await popup.close();
      return startFromPopup(ext, page, choice, hooks);
    }
    await hooks.onList?.(popup);
    await popup.locator(`${guideItem} button.start`).setTimeout(WAIT_MS).click();
    await popup.waitForSelector('.start-screen ul.checklist.prepare', { timeout: WAIT_MS });
    if (choice?.mode) await popup.locator(`.start-screen input[name="start-mode"][value="${choice.mode}"]`).setTimeout(WAIT_MS).click();
    if (choice?.level) await popup.locator(`.start-screen input[name="start-level"][value="${choice.level}"]`).setTimeout(WAIT_MS).click();
    const wanted = { mode: choice?.mode ?? 'advisor', level: choice?.level ?? 'guided' };
    const chosen = await popup.evaluate(() => ({
      mode: document.querySelector<HTMLInputElement>('.start-screen input[name="start-mode"]:checked')?.value ?? null,
      level: document.querySelector<HTMLInputElement>('.start-screen input[name="start-level"]:checked')?.value ?? null,
    }));
    if (chosen.mode !== wanted.mode || chosen.level !== wanted.level) {
      throw new Error(`Réglages inattendus sur l’écran de départ : ${JSON.stringify(chosen)}, attendu ${JSON.stringify(wanted)}`);
    }
    await hooks.onStartScreen?.(popup);
    await popup.locator('.start-screen button.go').setTimeout(WAIT_MS).click();
    await popup.waitForSelector(`section.started[data-guide-id="${PRACTICE_GUIDE_ID}"]`, { timeout: WAIT_MS });
  } finally {
    await popup.close().catch(() => undefined);
  }
  await page.bringToFront();
  return (await latestRun(ext, page)).tabId;
}

/** A guide of `tests/e2e/fixtures/`, read and checked as an import would. */
export function fixtureGuide(file: string): Guide {
  const parsed = parseGuideText(readFileSync(resolve(import.meta.dirname, '../fixtures', file), 'utf8'));
  if (!parsed.ok) throw new Error(`${file} is refused: ${JSON.stringify(parsed)}`);
  return parsed.guide;
}

/**
 * `guide` saved as one of « my guides » and started in `page`'s tab, advisor and guided, by the
 * background's own messages (the popup's flow is other tests' business). Leaves `page` in front (a
 * tab in the background gets no animation frames, and the overlay follows on those); returns the
 * extension page that sent the messages and the tab id.
 */
export async function startSavedGuide(suite: ExtensionSuite, page: Page, guide: Guide): Promise<{ control: Page; tabId: number }> {
  const control = suite.track(await suite.ext.openExtensionPage('popup.html'));
  expect(await sendMessage(control, { type: 'userGuides:save', guide, origin: 'imported' })).toEqual({ ok: true, id: guide.id });
  const tabId = await tabIdOf(control, page);
  await sendMessage(control, { type: 'run:start', tabId, guideId: guide.id, mode: 'advisor', level: 'guided' });
  await page.bringToFront();
  return { control, tabId };
}
