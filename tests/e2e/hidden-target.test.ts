/**
 * A step's target in a part of the page the person has not opened (Chromium and Firefox ESR), on the
 * practice pages of scripts/practice-tabs.ts:
 * - the login page opens on « Particulier », while the step points at the « Se connecter » of
 *   « Professionnel ». The link of the same name in sight is another space's: the overlay does not
 *   ring it; it says the target is in a closed part of the page and rings, dotted, the tab that opens
 *   it, with the bubble off it. Once the person opens the tab (the site's own DSFR script shows its
 *   panel), the ring is on the right link, and the run follows the person's click on it;
 * - a link in a closed DSFR accordion, then one in a closed `<details>`, with nothing like them in
 *   sight: the accordion's button, then the summary, are ringed the same way, and opening them is not
 *   counted as the step;
 * - a trainer's check on the site (« Vérifier ce guide ») says « Dans une partie fermée » for the step
 *   in the closed accordion, then « Trouvé » once the trainer opens it and checks again.
 */
import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { TABS_PAGES } from '../../scripts/practice-tabs';
import type { Guide } from '../../utils/guide/schema';
import type { Run } from '../../utils/run';
import {
  type BrowserKind,
  extensionSuite,
  inExtensionPage,
  messages,
  messagesOf,
  practiceSitesSuite,
  sendMessage,
  storageIn,
  WAIT_MS,
  waitForState,
} from './harness';
import { covers } from './playback/bubble-room';
import { clickAsPerson } from './playback/gestures';
import { type OverlayState, waitForBubbleText, waitForSpotlightOn } from './playback/overlay';
import { fixtureGuide, startSavedGuide } from './playback/start';

/** The guide's steps, checked to be the steps and the end these tests walk through. */
function stepsOf(guide: Guide, count: number) {
  const steps = guide.steps.slice(0, count);
  const end = guide.steps[count];
  if (steps.some((s) => s.kind !== 'step') || end?.kind !== 'end' || !end.message)
    throw new Error(`${guide.id}: not ${count} steps and an end`);
  return { steps: steps.flatMap((s) => (s.kind === 'step' ? [s] : [])), endMessage: end.message };
}

const TABS = fixtureGuide('tabs-guide.json');
const CLOSED = fixtureGuide('closed-parts-guide.json');

const PRO_LINK = '#panel-professionnel a';
const PRO_TAB = '#tab-professionnel';
const ACCORDION_BUTTON = '.fr-accordion__btn';
const PASSWORD_LINK = `a[href="${TABS_PAGES.password}"]`;
const SUMMARY = 'details > summary';
const HELP_LINK = `a[href="${TABS_PAGES.help}"]`;

const sites = practiceSitesSuite();

const isVisible = (page: Page, selector: string) => page.$eval(selector, (el) => el.checkVisibility({ visibilityProperty: true }));

/**
 * The bubble says the step's target is in a closed part, and the dotted ring is on the control that
 * opens it (`opener`), with the bubble off it.
 */
async function expectOpenerRinged(page: Page, instruction: string, opener: string): Promise<OverlayState> {
  const { state, target } = await waitForSpotlightOn(page, opener);
  expect(state.text).toBe(instruction);
  expect(state.opener).toBe(true);
  const t = await messages(state.lang ?? 'fr');
  expect(state.missing).toBe(t('overlay.notFoundOpener'));
  expect(state.bubble && covers(state.bubble, target)).toBe(false);
  return state;
}

/**
 * The step's link out of sight: its opener ringed (`expectOpenerRinged`); the person opens the part
 * with a real click, and the plain ring goes to the link, the step unchanged.
 */
async function openedThenRinged(page: Page, instruction: string, opener: string, link: string): Promise<void> {
  expect(await isVisible(page, link)).toBe(false);
  await expectOpenerRinged(page, instruction, opener);
  await clickAsPerson(page, opener);
  const { state } = await waitForSpotlightOn(page, link);
  expect(state.opener).toBe(false);
  expect(state.missing).toBeNull();
  expect(state.text).toBe(instruction);
}

/** The tab's run, once it has the status `status`. */
const runReaches = (control: Page, tabId: number, status: Run['status']) =>
  waitForState(
    `le parcours est « ${status} »`,
    async () => ((await storageIn(control, `run:${tabId}`))[`run:${tabId}`] as Run | undefined) ?? null,
    (run) => run?.status === status,
  );

describe.each<BrowserKind>(['chromium', 'firefox'])('%s: a target in a part of the page not opened yet', (kind) => {
  const suite = extensionSuite(kind);

  /** A new tab on the practice login page, set up by its DSFR script. */
  async function loginPage(title: string): Promise<Page> {
    const page = suite.track(await suite.ext.newPage(title));
    await page.goto(`${sites.guided}${TABS_PAGES.start}`, { waitUntil: 'load' });
    await page.waitForSelector('html[data-fr-js="true"]');
    return page;
  }

  it('rings, dotted, the tab that opens it, not the link of the same name in sight; then the right link once the person opens the tab', async () => {
    const { steps, endMessage } = stepsOf(TABS, 1);
    const [step] = steps;
    if (!step) throw new Error('no step');
    const page = await loginPage('page de connexion à onglets');
    const { control, tabId } = await startSavedGuide(suite, page, TABS);

    // The page shows « Particulier »: its « Se connecter » is in sight, the professional one is not. The
    // person opens the tab: the site shows its panel, and the ring goes to the professional link.
    expect(await isVisible(page, '#panel-particulier a')).toBe(true);
    await openedThenRinged(page, step.instruction, PRO_TAB, PRO_LINK);
    expect(await isVisible(page, PRO_LINK)).toBe(true);

    // The person follows the link: the run goes to its end.
    await clickAsPerson(page, PRO_LINK);
    const finished = await runReaches(control, tabId, 'finished');
    expect(finished?.history.map((visit) => [visit.id, visit.how])).toEqual([[step.id, 'page']]);
    expect(page.url()).toBe(`${sites.guided}${TABS_PAGES.pro}`);
    await waitForBubbleText(page, endMessage);
  });

  it('rings the button of a closed accordion, then the summary of a closed <details>; opening them is not the step', async () => {
    const { steps, endMessage } = stepsOf(CLOSED, 2);
    const [inAccordion, inDetails] = steps;
    if (!inAccordion || !inDetails) throw new Error('no steps');
    const page = await loginPage('rubrique fermée');
    const { control, tabId } = await startSavedGuide(suite, page, CLOSED);

    await openedThenRinged(page, inAccordion.instruction, ACCORDION_BUTTON, PASSWORD_LINK);
    // Opening the accordion did not count as the step.
    const run = (await storageIn(control, `run:${tabId}`))[`run:${tabId}`] as Run | undefined;
    expect(run?.history).toEqual([]);

    await clickAsPerson(page, PASSWORD_LINK);
    await page.waitForFunction((path) => location.pathname === path, {}, TABS_PAGES.password);
    await openedThenRinged(page, inDetails.instruction, SUMMARY, HELP_LINK);

    await clickAsPerson(page, HELP_LINK);
    const finished = await runReaches(control, tabId, 'finished');
    expect(finished?.history.map((visit) => [visit.id, visit.how])).toEqual([
      [inAccordion.id, 'page'],
      [inDetails.id, 'page'],
    ]);
    await waitForBubbleText(page, endMessage);
  });

  it('a trainer’s check says the step is in a closed part, then found once the trainer opens it and checks again', async () => {
    const [inAccordion] = stepsOf(CLOSED, 2).steps;
    if (!inAccordion) throw new Error('no step');
    const site = await loginPage('site à vérifier');
    expect(
      await inExtensionPage(suite.ext, (p) => sendMessage(p, { type: 'userGuides:save', guide: CLOSED, origin: 'imported' })),
    ).toMatchObject({
      ok: true,
    });
    const editor = suite.track(await suite.ext.openExtensionPage('editor.html'));
    const t = await messagesOf(editor);
    const mine = `section.mine li[data-guide-id="${CLOSED.id}"] .edit-mine`;
    await editor.waitForSelector(mine, { timeout: WAIT_MS });
    await editor.click(mine);
    await editor.waitForSelector('.verify-start:not([disabled])', { timeout: WAIT_MS });
    await editor.click('.verify-start');
    await editor.waitForSelector(`.verify-walk[data-item-id="${inAccordion.id}"]`, { timeout: WAIT_MS });
    const outcome = (wanted: string) =>
      editor.waitForFunction(
        (w) => document.querySelector('.verify-walk .verify-outcome')?.textContent?.trim() === w,
        { timeout: WAIT_MS },
        wanted,
      );
    await outcome(t('verify.outcome.outOfSight'));
    // Out of sight is no miss: no « Montrer le bon élément », the trainer opens the part and checks again.
    expect(await editor.$('.verify-walk .verify-pick')).toBeNull();

    await site.bringToFront();
    await clickAsPerson(site, ACCORDION_BUTTON);
    await waitForSpotlightOn(site, PASSWORD_LINK);
    await editor.bringToFront();
    await editor.click('.verify-walk .verify-again');
    await outcome(t('verify.outcome.found'));
  });
});
