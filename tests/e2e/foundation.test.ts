// The practice build installed in both browsers: its background answers, its host lands on guided sites only, its popup starts a guide.
import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import {
  type BrowserKind,
  extensionSuite,
  firstItemText,
  guideListsOf,
  OVERLAY_HOST,
  overlayHostOf,
  PRACTICE_GUIDE_ID,
  PRACTICE_GUIDE_ITEM,
  PRACTICE_START_PAGE,
  practiceGuide,
  practiceSitesSuite,
  sendMessage,
  WAIT_MS,
  waitInOverlay,
  withExtensionApi,
} from './harness';

/** The popup's headings, by the language its page declares (the browser's UI language: English here, no French locale pack). */
const HEADINGS: Record<string, { fitting: string; others: string }> = {
  fr: { fitting: 'Guides pour cette page', others: 'Autres guides' },
  en: { fitting: 'Guides for this page', others: 'Other guides' },
};

const sites = practiceSitesSuite();

describe.each<BrowserKind>(['chromium', 'firefox'])('%s, with the practice build installed', (kind) => {
  const suite = extensionSuite(kind);

  /** A tab on `url`, loaded, closed after the test. */
  async function visit(url: string, label: string): Promise<Page> {
    const page = suite.track(await suite.ext.newPage(label));
    await page.goto(url, { waitUntil: 'load' });
    return page;
  }

  const popupFor = async (page: Page) => suite.track(await suite.ext.openPopup(page));

  it('loads the built extension, whose background answers', async () => {
    const { ext } = suite;
    if (kind === 'chromium') {
      expect(ext.serviceWorkerUrl).toBe(`${ext.origin}/background.js`);
    } else {
      const manifest = ext.manifest as { browser_specific_settings: { gecko: { id: string } } };
      expect(ext.extensionId).toBe(manifest.browser_specific_settings.gecko.id);
    }
    const page = suite.track(await ext.openExtensionPage('popup.html'));
    const lists = await sendMessage<{ fitting: { id: string }[]; others: { id: string }[] }>(page, {
      type: 'catalogue:forPage',
      url: null,
    });
    expect(lists.others.map((guide) => guide.id)).toContain(PRACTICE_GUIDE_ID);
    expect(lists.fitting).toEqual([]);
  });

  it('opens its popup from the keyboard: the browser has given it Alt+Shift+G', async () => {
    const page = suite.track(await suite.ext.openExtensionPage('popup.html'));
    const commands = await withExtensionApi(page, (api) => api.commands.getAll());
    const open = commands.find((command) => command.name === '_execute_action' || command.name === '_execute_browser_action');
    expect(open?.shortcut?.replace(/\s/g, '')).toBe('Alt+Shift+G');
  });

  it('puts nothing of its own in a page of a guide’s site while no guide is shown', async () => {
    const page = await visit(`${sites.guided}${PRACTICE_START_PAGE}`, 'practice page');
    // The page is loaded and its own scripts have run (DSFR marks <html data-fr-js="true">).
    await page.waitForSelector('html[data-fr-js="true"]', { timeout: WAIT_MS });
    expect(await overlayHostOf(page)).toEqual({ present: false, shadowRoot: null });
  });

  it('lists the practice guide for its page in the popup, and among the others elsewhere', async () => {
    const guided = await visit(`${sites.guided}${PRACTICE_START_PAGE}`, 'practice page');
    const onGuided = await guideListsOf(await popupFor(guided));
    const headings = HEADINGS[onGuided.lang];
    expect(headings, `langue du popup : ${onGuided.lang}`).toBeDefined();
    expect(onGuided.fitting.heading).toBe(headings?.fitting);
    expect(onGuided.others.heading).toBe(headings?.others);
    expect(onGuided.fitting.guideIds).toContain(PRACTICE_GUIDE_ID);
    expect(onGuided.others.guideIds).not.toContain(PRACTICE_GUIDE_ID);

    const elsewhere = await visit(`${sites.unguided}${PRACTICE_START_PAGE}`, 'page with no guide');
    const onElsewhere = await guideListsOf(await popupFor(elsewhere));
    expect(onElsewhere.fitting.guideIds).not.toContain(PRACTICE_GUIDE_ID);
    expect(onElsewhere.others.guideIds).toContain(PRACTICE_GUIDE_ID);
  });

  it('shows the guide’s first instruction in the page’s bubble after « Commencer »', async () => {
    const expected = firstItemText(practiceGuide());
    const elsewhere = await visit(`${sites.unguided}${PRACTICE_START_PAGE}`, 'page with no guide');
    await elsewhere.waitForSelector('html[data-fr-js="true"]', { timeout: WAIT_MS });
    const page = await visit(`${sites.guided}${PRACTICE_START_PAGE}`, 'practice page');
    await page.waitForSelector('html[data-fr-js="true"]', { timeout: WAIT_MS });
    expect(await page.$(OVERLAY_HOST), 'nothing of ours before the guide starts').toBeNull();

    // « Commencer » opens the start screen (what to have at hand, who is there, how much help); its
    // defaults are an advisor with the person, guided step by step; « C’est parti » starts the guide.
    const popup = await popupFor(page);
    await popup.locator(`${PRACTICE_GUIDE_ITEM} button.start`).setTimeout(WAIT_MS).click();
    await popup.locator('.start-screen form button[type=submit]').setTimeout(WAIT_MS).click();

    const bubble = await waitInOverlay(page, '[role=dialog]').catch(async (error) => {
      const popupText = await popup.evaluate(() => document.body.textContent).catch(() => '(popup fermé)');
      const shadow = await page.evaluate(
        (host) => document.querySelector(host)?.shadowRoot?.innerHTML.slice(-2000) ?? '(pas d’hôte ou pas de shadow root)',
        OVERLAY_HOST,
      );
      throw new Error(
        `Pas de bulle : ${error}\npopup : ${popupText}\nstockage : ${JSON.stringify(await suite.ext.storage())}\nshadow root : …${shadow}`,
      );
    });
    // The instruction is the bubble's accessible description: what a screen reader reads out too.
    const described = await bubble.evaluate((dialog) => {
      const id = dialog.getAttribute('aria-describedby');
      const root = dialog.getRootNode() as ShadowRoot;
      return id ? (root.getElementById(id)?.textContent?.trim() ?? null) : null;
    });
    expect(described).toBe(expected);
    // A site that no guide names gets nothing of ours, even while a guide is shown elsewhere.
    expect(await overlayHostOf(elsewhere)).toEqual({ present: false, shadowRoot: null });
  });
});
