/**
 * A step's target behind a tab the person has not opened (Chromium and Firefox ESR): the practice
 * login page of scripts/practice-tabs.ts opens on « Particulier », while the step points at the
 * « Se connecter » of « Professionnel ». The link of the same name in sight is another space's: the
 * overlay says the target is in a closed part of the page instead of ringing that one; once the person opens the
 * tab (the site's own DSFR script shows its panel), the ring is on the right link, and the run
 * follows the person's click on it.
 */
import { describe, expect, it } from 'vitest';
import { TABS_PAGES } from '../../scripts/practice-tabs';
import type { Run } from '../../utils/run';
import { type BrowserKind, extensionSuite, messages, practiceSitesSuite, storageIn, waitForState } from './harness';
import { clickAsPerson } from './playback/gestures';
import { waitForBubbleText, waitForOverlay, waitForSpotlightOn } from './playback/overlay';
import { fixtureGuide, startSavedGuide } from './playback/start';

const GUIDE = fixtureGuide('tabs-guide.json');
const STEP = GUIDE.steps[0];
const END = GUIDE.steps[1];
if (STEP?.kind !== 'step' || END?.kind !== 'end' || !END.message) throw new Error('the tabs guide is not a step and an end');
const END_MESSAGE = END.message;

const PRO_LINK = '#panel-professionnel a';
const PRO_TAB = '#tab-professionnel';

const sites = practiceSitesSuite();

describe.each<BrowserKind>(['chromium', 'firefox'])('%s: a target behind a tab not opened yet', (kind) => {
  const suite = extensionSuite(kind);

  it('rings neither the link of the same name in sight nor anything else, then the right one once the person opens its tab', async () => {
    const page = suite.track(await suite.ext.newPage('page de connexion à onglets'));
    await page.goto(`${sites.guided}${TABS_PAGES.start}`, { waitUntil: 'load' });
    await page.waitForSelector('html[data-fr-js="true"]');
    const { control, tabId } = await startSavedGuide(suite, page, GUIDE);

    // The page shows « Particulier »: its « Se connecter » is in sight, the professional one is not.
    expect(await page.$eval('#panel-particulier a', (a) => a.checkVisibility({ visibilityProperty: true }))).toBe(true);
    expect(await page.$eval(PRO_LINK, (a) => a.checkVisibility({ visibilityProperty: true }))).toBe(false);
    const missing = await waitForOverlay(
      page,
      'la bulle dit que la cible est introuvable',
      (state) => state.text === STEP.instruction && !!state.missing,
    );
    // It says where to look: in a part of the page still closed.
    const t = await messages(missing.lang ?? 'fr');
    expect(missing.missing).toBe(t('overlay.notFoundOutOfSight'));
    expect(missing.spot).toBe(false);
    expect(missing.ring).toBeNull();

    // The person opens the tab: the site shows its panel, and the ring goes to the professional link.
    await clickAsPerson(page, PRO_TAB);
    const { state: found } = await waitForSpotlightOn(page, PRO_LINK);
    expect(found.missing).toBeNull();
    expect(await page.$eval(PRO_LINK, (a) => a.checkVisibility({ visibilityProperty: true }))).toBe(true);

    // The person follows the link: the run goes to its end.
    await clickAsPerson(page, PRO_LINK);
    const finished = await waitForState(
      'le parcours va au bout',
      async () => ((await storageIn(control, `run:${tabId}`))[`run:${tabId}`] as Run | undefined) ?? null,
      (run) => run?.status === 'finished',
    );
    expect(finished?.history.map((visit) => [visit.id, visit.how])).toEqual([[STEP.id, 'page']]);
    expect(page.url()).toBe(`${sites.guided}${TABS_PAGES.pro}`);
    await waitForBubbleText(page, END_MESSAGE);
  });
});
