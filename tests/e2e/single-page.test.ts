/**
 * A single-page site, end to end (Chromium and Firefox ESR): the practice
 * « démarche » of scripts/practice-spa.ts moves from screen to screen with
 * `history.pushState`, never loading a page. The person presses the site's
 * buttons with trusted input; the run moves on at each change of address —
 * the last one during a step that has no target on its page (`go-to-page`),
 * which only an arrival on the new address can complete (the background hears
 * it from the browser's tab updates, utils/run/arrivals.ts) — and
 * the overlay, never reloaded, follows with the right step up to the end.
 */
import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { SPA_PAGES } from '../../scripts/practice-spa';
import type { Guide } from '../../utils/guide/schema';
import type { Run } from '../../utils/run';
import { type BrowserKind, extensionSuite, OVERLAY_HOST, practiceSitesSuite, storageIn, waitForState } from './harness';
import { boxOf, readOverlay, ringFits, waitForBubbleText, waitForOverlay } from './playback/overlay';
import { fixtureGuide, startSavedGuide } from './playback/start';

const GUIDE: Guide = fixtureGuide('single-page-guide.json');

/** The text the bubble shows for an item of the guide: a step's instruction, the end's message. */
function shownFor(id: string): string {
  const item = GUIDE.steps.find((candidate) => candidate.id === id);
  if (item?.kind === 'step') return item.instruction;
  if (item?.kind === 'end' && item.message) return item.message;
  throw new Error(`no text for ${id}`);
}

/** The site's button that moves on: the page's own markup, as the person sees it. */
const NEXT_BUTTON = '#screen button.fr-btn';

const sites = practiceSitesSuite();

describe.each<BrowserKind>(['chromium', 'firefox'])('%s: a single-page site that changes its address with pushState', (kind) => {
  const suite = extensionSuite(kind);

  /** The run of the tab, as the background keeps it in storage. */
  const runIn = async (control: Page, tabId: number) =>
    ((await storageIn(control, `run:${tabId}`))[`run:${tabId}`] as Run | undefined) ?? null;

  it('moves the run on at each pushState, also during a step with no target on the page, and the overlay follows without a reload', async () => {
    const page = suite.track(await suite.ext.newPage('single-page démarche'));
    await page.goto(`${sites.guided}${SPA_PAGES.start}`, { waitUntil: 'load' });

    const { control, tabId } = await startSavedGuide(suite, page, GUIDE);

    // Step 1 on its target, the site's « Commencer la demande ».
    await waitForBubbleText(page, shownFor('commencer'));
    const button = await boxOf(page, NEXT_BUTTON);
    await waitForOverlay(page, 'la cible entourée', (state) => ringFits(state.ring, button));
    // Anything a reload would lose: a mark in the page's own window, and the overlay's host element.
    await page.evaluate(() => {
      (window as { neverReloaded?: boolean }).neverReloaded = true;
    });
    const host = await page.$(OVERLAY_HOST);
    if (!host) throw new Error('no overlay host');

    // The person presses the site's button: the site pushes /etape-2 and draws its next screen.
    await page.click(NEXT_BUTTON);
    const atDocuments = await waitForState(
      'le parcours passe à l’étape « pieces »',
      () => runIn(control, tabId),
      (run) => run?.currentId === 'pieces',
    );
    expect(atDocuments?.history.map((visit) => [visit.id, visit.how])).toEqual([['commencer', 'page']]);
    expect(page.url()).toBe(`${sites.guided}${SPA_PAGES.documents}`);
    // The go-to-page step: its instruction as text, nothing highlighted (it has no target).
    const second = await waitForBubbleText(page, shownFor('pieces'));
    expect(second.spot).toBe(false);

    // « Continuer »: the site pushes /confirmation. Nothing on this page is the step's target, so no
    // watcher runs: only the arrival on the new address can move the run on.
    await page.click(NEXT_BUTTON);
    const finished = await waitForState(
      'le parcours va au bout',
      () => runIn(control, tabId),
      (run) => run?.status === 'finished',
    );
    expect(finished?.currentId).toBe('fin');
    expect(finished?.history.map((visit) => [visit.id, visit.how])).toEqual([
      ['commencer', 'page'],
      ['pieces', 'page'],
    ]);
    expect(page.url()).toBe(`${sites.guided}${SPA_PAGES.done}`);
    await waitForBubbleText(page, shownFor('fin'));

    // All along the same document: no reload, and the same overlay, still in the page.
    expect(await page.evaluate(() => (window as { neverReloaded?: boolean }).neverReloaded)).toBe(true);
    expect(await host.evaluate((element, name) => element.isConnected && document.querySelector(name) === element, OVERLAY_HOST)).toBe(
      true,
    );
    expect((await readOverlay(page)).dialog).toBe(true);
  });
});
