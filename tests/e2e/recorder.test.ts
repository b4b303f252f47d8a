/**
 * The recorder in real browsers (Chromium and Firefox ESR), on the DSFR 1.14.4
 * login page of the practice site: the trainer starts recording from the
 * popup, types a username and a password and clicks « Se connecter » with
 * trusted input, and stops from the recording bar. The draft has the steps;
 * nothing typed is anywhere in the extension's storage. Then, in a fresh
 * profile, the draft saved as one of "my guides" is listed as the person's
 * own and played back to the end.
 */
import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import type { Guide } from '../../utils/guide/schema';
import {
  type BrowserKind,
  extensionSuite,
  OVERLAY_HOST,
  practiceSitesSuite,
  sendMessage,
  storageIn,
  WAIT_MS,
  waitForState,
  withExtensionApi,
} from './harness';

const LOGIN_PAGE = '/1.14.4/example/layout/page/login/1-default/index.html';
const TYPED_USER = 'jeanne.martin-7731';
const TYPED_SECRET = 'Tr3s-S3cret!e2e';
const BAR = 'cote-a-cote-recorder';

const sites = practiceSitesSuite();

/** The recording kept in storage, as read from an extension page (undefined once it has ended). */
async function recordingIn(page: Page): Promise<{ draft?: { action: string; sensitive: boolean }[] } | undefined> {
  return (await storageIn(page, 'recording')).recording as { draft?: { action: string; sensitive: boolean }[] } | undefined;
}

/** The tabs open, as the extension sees them. */
function tabsSeen(page: Page): Promise<{ id?: number; url?: string }[]> {
  return withExtensionApi(page, (api) => api.tabs.query({}));
}

describe.each<BrowserKind>(['chromium', 'firefox'])('%s: recording the DSFR login flow', (kind) => {
  const suite = extensionSuite(kind);
  let draft: Guide | undefined;

  async function open(url: string, label: string): Promise<Page> {
    const page = suite.track(await suite.ext.newPage(label));
    await page.goto(url, { waitUntil: 'load' });
    return page;
  }

  const extensionPage = async () => suite.track(await suite.ext.openExtensionPage('popup.html'));

  it('records with trusted input, keeps no typed value, and hands the draft to the editor', async () => {
    const { ext } = suite;
    const page = await open(`${sites.guided}${LOGIN_PAGE}`, 'login page');

    // « Enregistrer cette démarche » in the popup: it asks for the site (granted here), then starts.
    const popup = suite.track(await ext.openPopup(page));
    await popup.locator('section.recorder button.record-start').setTimeout(WAIT_MS).click();
    await page.waitForSelector(`${BAR} >>> .bar`, { timeout: WAIT_MS });
    await popup.close().catch(() => undefined);

    await page.bringToFront();
    await page.type('input[name=username]', TYPED_USER);
    await page.type('input[name=password]', TYPED_SECRET);
    const reloaded = page.waitForNavigation({ waitUntil: 'load', timeout: WAIT_MS });
    await page.click('button[type=submit]');
    await reloaded;

    const storagePage = await extensionPage();
    const recording = await waitForState(
      'les trois étapes enregistrées',
      () => recordingIn(storagePage),
      (value) => (value?.draft?.length ?? 0) >= 3,
    );
    expect(recording?.draft?.map((step) => [step.action, step.sensitive])).toEqual([
      ['fill', false],
      ['fill', true],
      ['click', false],
    ]);

    // The login page came back (the practice server answers the form with the same page):
    // the recording followed, and its bar counts the steps.
    await page.waitForFunction(
      (host: string) => /\b3\b/.test(document.querySelector(host)?.shadowRoot?.querySelector('[aria-live]')?.textContent ?? ''),
      { timeout: WAIT_MS, polling: 100 },
      BAR,
    );

    // « Arrêter » on the bar: the draft is handed to the editor, which opens in a new tab.
    // (The storage page opened since is in front: a page in the background gets no animation frame to click in.)
    await page.bringToFront();
    const tabsBefore = (await tabsSeen(storagePage)).length;
    // Chromium tells each tab's address; Firefox's driver shows extension pages as about:blank.
    const editorOpened =
      kind === 'chromium'
        ? ext.browser.waitForTarget((target) => target.url().includes('editor.html?draft=1'), { timeout: WAIT_MS })
        : waitForState(
            'un onglet de plus',
            () => tabsSeen(storagePage),
            (tabs) => tabs.length > tabsBefore,
          );
    // The editor may take the draft out of storage as soon as it opens: catch it as it is written.
    await withExtensionApi(storagePage, (api) => {
      api.storage.local.onChanged.addListener((changes) => {
        if (changes['editor:incoming']?.newValue) (globalThis as { incoming?: unknown }).incoming = changes['editor:incoming'].newValue;
      });
    });
    await page.click(`${BAR} >>> button`);
    const incoming = (await (
      await storagePage.waitForFunction(() => (globalThis as { incoming?: unknown }).incoming ?? false, { timeout: WAIT_MS, polling: 100 })
    ).jsonValue()) as { guide: Guide };
    const editorTarget = await editorOpened.catch(async (error) => {
      const urls = await Promise.all((await ext.browser.pages()).map((p) => p.url()));
      throw new Error(`Pas d’onglet de l’éditeur : ${error}\nonglets : ${urls.join(', ')}`);
    });
    await waitForState(
      'la fin de l’enregistrement',
      () => recordingIn(storagePage),
      (value) => value === undefined,
    );
    await page.waitForFunction((host: string) => document.querySelector(host) === null, { timeout: WAIT_MS }, BAR);

    draft = incoming.guide;
    expect(draft.status).toEqual({ state: 'draft' });
    expect(draft.sites).toEqual(['http://127.0.0.1/*']);
    expect(draft.steps.map((item) => (item.kind === 'step' ? item.action : item.kind))).toEqual(['fill', 'fill', 'click', 'end']);

    // The editor page shows the draft, and nothing typed (Chromium: Firefox's driver cannot tell which tab it is).
    if (editorTarget && 'asPage' in editorTarget) {
      const editor = suite.track(await editorTarget.asPage());
      await editor.waitForFunction(() => document.body?.innerText.includes('Se connecter'), { timeout: WAIT_MS, polling: 100 });
      const shown = await editor.evaluate(() =>
        [
          document.documentElement.outerHTML,
          ...[...document.querySelectorAll('input, textarea')].map((field) => (field as HTMLInputElement).value),
        ].join('\n'),
      );
      expect(shown).not.toContain(TYPED_USER);
      expect(shown).not.toContain(TYPED_SECRET);
    }

    const everything = JSON.stringify(await storageIn(storagePage));
    expect(everything).toContain('current-password'); // the draft is there…
    expect(everything).not.toContain(TYPED_USER); // …and nothing typed
    expect(everything).not.toContain(TYPED_SECRET);
    expect(JSON.stringify(draft)).not.toContain(TYPED_SECRET);
  });

  it('in a fresh profile, lists the saved draft as the person’s own and plays it back to the end', async () => {
    expect(draft, 'the draft of the previous test').toBeDefined();
    await suite.relaunch();

    const page = await open(`${sites.guided}${LOGIN_PAGE}`, 'login page');
    const control = await extensionPage();
    expect(await sendMessage(control, { type: 'userGuides:save', guide: draft, origin: 'imported' })).toEqual({ ok: true, id: draft?.id });
    const lists = await sendMessage<{ fitting: { id: string; own?: { origin: string } | null }[] }>(control, {
      type: 'catalogue:forPage',
      url: page.url(),
    });
    expect(lists.fitting.find((guide) => guide.id === draft?.id)).toMatchObject({ own: { origin: 'imported' }, verified: false });

    // Started on the page's tab (the popup's own flow is the foundation tests' business).
    // All tabs, then by address: Firefox's match patterns take no port.
    const tabId = (await tabsSeen(control)).find((tab) => tab.url === page.url())?.id ?? null;
    expect(tabId).not.toBeNull();
    await sendMessage(control, { type: 'run:start', tabId, guideId: draft?.id, mode: 'advisor', level: 'guided' });
    await page.bringToFront();
    await page.waitForSelector(`${OVERLAY_HOST} >>> [role=dialog]`, { visible: true, timeout: WAIT_MS }).catch(async (error) => {
      throw new Error(`Pas de bulle : ${error}\nstockage : ${JSON.stringify(await storageIn(control))}`);
    });

    await page.type('input[name=username]', TYPED_USER);
    await page.type('input[name=password]', TYPED_SECRET);
    // The person leaves the field (Tab): the step is done, and the bubble moves on to « Se connecter ».
    // (Clicking the button straight away leaves the field and clicks in one go: see the report on playback.)
    await page.keyboard.press('Tab');
    await page
      .waitForFunction(
        (host: string) => /Se connecter/.test(document.querySelector(host)?.shadowRoot?.querySelector('[role=dialog]')?.textContent ?? ''),
        { timeout: WAIT_MS, polling: 100 },
        OVERLAY_HOST,
      )
      .catch(async (error) => {
        const shadow = await page.$eval(OVERLAY_HOST, (element) => element.shadowRoot?.innerHTML.slice(-3000) ?? '(pas de shadow root)');
        throw new Error(`${error}\nshadow : ${shadow}\nstockage : ${JSON.stringify(await storageIn(control)).slice(0, 800)}`);
      });
    const reloaded = page.waitForNavigation({ waitUntil: 'load', timeout: WAIT_MS });
    await page.click('button[type=submit]');
    await reloaded;

    const finished = (all: Record<string, unknown>) =>
      Object.entries(all).some(([key, run]) => key.startsWith('run:') && (run as { status?: string } | null)?.status === 'finished');
    expect(finished(await waitForState('le guide va au bout', () => storageIn(control), finished))).toBe(true);
    const everything = JSON.stringify(await storageIn(control));
    expect(everything).not.toContain(TYPED_USER);
    expect(everything).not.toContain(TYPED_SECRET);
  });
});
