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
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Guide } from '../../utils/guide/schema';
import { type BrowserKind, type ExtensionBrowser, launchWithExtension, type PracticeSites, startPracticeSites, WAIT_MS } from './harness';

const LOGIN_PAGE = '/1.14.4/example/layout/page/login/1-default/index.html';
const TYPED_USER = 'jeanne.martin-7731';
const TYPED_SECRET = 'Tr3s-S3cret!e2e';
const BAR = 'cote-a-cote-recorder';

type Stored = Record<string, unknown>;

let sites: PracticeSites;

beforeAll(async () => {
  sites = await startPracticeSites();
});

afterAll(async () => {
  await sites?.close();
});

/** Sends a request to the background from an extension page, as the views do. */
function ask<T>(page: Page, request: unknown): Promise<T> {
  return page.evaluate((message) => {
    type Api = { runtime: { sendMessage(message: unknown): Promise<unknown> } };
    const scope = globalThis as unknown as { browser?: Api; chrome?: Api };
    return (scope.browser ?? scope.chrome)!.runtime.sendMessage(message);
  }, request) as Promise<T>;
}

/** Conditions on a stored value that a test waits for (extension pages forbid eval: no predicate as text). */
type Condition = 'three steps' | 'absent';

/** Waits, from an extension page, until the stored value at `key` meets `condition`; returns it. */
async function waitForStored(page: Page, key: string, condition: Condition, what: string): Promise<unknown> {
  try {
    const handle = await page.waitForFunction(
      async (storageKey: string, wanted: Condition) => {
        type Api = { storage: { local: { get(key: string): Promise<Record<string, unknown>> } } };
        const scope = globalThis as unknown as { browser?: Api; chrome?: Api };
        const value = (await (scope.browser ?? scope.chrome)!.storage.local.get(storageKey))[storageKey] as
          | { draft?: unknown[] }
          | undefined;
        const met = wanted === 'three steps' ? Array.isArray(value?.draft) && value.draft.length >= 3 : value === undefined;
        return met ? (value ?? 'absent') : false;
      },
      { timeout: WAIT_MS, polling: 100 },
      key,
      condition,
    );
    return handle.jsonValue();
  } catch (error) {
    throw new Error(`${what} : ${error}\nstockage : ${JSON.stringify(await page.evaluate(dump))}`);
  }
}

/** How many tabs are open, as the extension sees it. */
function tabCount(page: Page): Promise<number> {
  return page.evaluate(async () => {
    type Api = { tabs: { query(query: object): Promise<unknown[]> } };
    const scope = globalThis as unknown as { browser?: Api; chrome?: Api };
    return (await (scope.browser ?? scope.chrome)!.tabs.query({})).length;
  });
}

/** Everything in the extension's storage.local, read in an extension page. */
function dump(): Promise<Stored> {
  type Api = { storage: { local: { get(keys: null): Promise<Record<string, unknown>> } } };
  const scope = globalThis as unknown as { browser?: Api; chrome?: Api };
  return (scope.browser ?? scope.chrome)!.storage.local.get(null);
}

describe.each<BrowserKind>(['chromium', 'firefox'])('%s: recording the DSFR login flow', (kind) => {
  let ext: ExtensionBrowser;
  let draft: Guide | undefined;
  const opened: Page[] = [];

  async function open(url: string, label: string): Promise<Page> {
    const page = await ext.newPage(label);
    opened.push(page);
    await page.goto(url, { waitUntil: 'load' });
    return page;
  }

  async function extensionPage(): Promise<Page> {
    const page = await ext.openExtensionPage('popup.html');
    opened.push(page);
    return page;
  }

  afterEach(async () => {
    await Promise.all(opened.splice(0).map((page) => page.close().catch(() => undefined)));
    expect(ext.errors.takeUnexpected(), 'errors of the extension').toEqual([]);
  });

  afterAll(async () => {
    await ext?.close();
  });

  it('records with trusted input, keeps no typed value, and hands the draft to the editor', async () => {
    ext = await launchWithExtension(kind);
    const page = await open(`${sites.guided}${LOGIN_PAGE}`, 'login page');

    // « Enregistrer cette démarche » in the popup: it asks for the site (granted here), then starts.
    const popup = await ext.openPopup(page);
    opened.push(popup);
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
    const recording = (await waitForStored(storagePage, 'recording', 'three steps', 'les trois étapes enregistrées')) as {
      draft: { action: string; sensitive: boolean }[];
    };
    expect(recording.draft.map((step) => [step.action, step.sensitive])).toEqual([
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
    const tabsBefore = await tabCount(storagePage);
    // Chromium tells each tab's address; Firefox's driver shows extension pages as about:blank.
    const editorOpened =
      kind === 'chromium'
        ? ext.browser.waitForTarget((target) => target.url().includes('editor.html?draft=1'), { timeout: WAIT_MS })
        : storagePage.waitForFunction(
            async (count: number) => {
              type Api = { tabs: { query(query: object): Promise<unknown[]> } };
              const scope = globalThis as unknown as { browser?: Api; chrome?: Api };
              return (await (scope.browser ?? scope.chrome)!.tabs.query({})).length > count;
            },
            { timeout: WAIT_MS, polling: 100 },
            tabsBefore,
          );
    // The editor may take the draft out of storage as soon as it opens: catch it as it is written.
    await storagePage.evaluate(() => {
      type Api = {
        storage: { local: { onChanged: { addListener(listener: (changes: Record<string, { newValue?: unknown }>) => void): void } } };
      };
      const scope = globalThis as unknown as { browser?: Api; chrome?: Api; incoming?: unknown };
      (scope.browser ?? scope.chrome)!.storage.local.onChanged.addListener((changes) => {
        if (changes['editor:incoming']?.newValue) scope.incoming = changes['editor:incoming'].newValue;
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
    await waitForStored(storagePage, 'recording', 'absent', 'la fin de l’enregistrement');
    await page.waitForFunction((host: string) => document.querySelector(host) === null, { timeout: WAIT_MS }, BAR);

    draft = incoming.guide;
    expect(draft.status).toEqual({ state: 'draft' });
    expect(draft.sites).toEqual(['http://127.0.0.1/*']);
    expect(draft.steps.map((item) => (item.kind === 'step' ? item.action : item.kind))).toEqual(['fill', 'fill', 'click', 'end']);

    // The editor page shows the draft, and nothing typed (Chromium: Firefox's driver cannot tell which tab it is).
    if (editorTarget && 'asPage' in editorTarget) {
      const editor = await editorTarget.asPage();
      opened.push(editor);
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

    const everything = JSON.stringify(await storagePage.evaluate(dump));
    expect(everything).toContain('current-password'); // the draft is there…
    expect(everything).not.toContain(TYPED_USER); // …and nothing typed
    expect(everything).not.toContain(TYPED_SECRET);
    expect(JSON.stringify(draft)).not.toContain(TYPED_SECRET);
  });

  it('in a fresh profile, lists the saved draft as the person’s own and plays it back to the end', async () => {
    expect(draft, 'the draft of the previous test').toBeDefined();
    await ext.close();
    ext = await launchWithExtension(kind);

    const page = await open(`${sites.guided}${LOGIN_PAGE}`, 'login page');
    const control = await extensionPage();
    expect(await ask(control, { type: 'userGuides:save', guide: draft, origin: 'imported' })).toEqual({ ok: true, id: draft?.id });
    const lists = await ask<{ fitting: { id: string; own?: boolean }[] }>(control, { type: 'catalogue:forPage', url: page.url() });
    expect(lists.fitting.find((guide) => guide.id === draft?.id)).toMatchObject({ own: true });

    // Started on the page's tab (the popup's own flow is the foundation tests' business).
    const tabId = await control.evaluate(async (url: string) => {
      // All tabs, then by address: Firefox's match patterns take no port.
      type Api = { tabs: { query(query: object): Promise<{ id?: number; url?: string }[]> } };
      const scope = globalThis as unknown as { browser?: Api; chrome?: Api };
      return (await (scope.browser ?? scope.chrome)!.tabs.query({})).find((tab) => tab.url === url)?.id ?? null;
    }, page.url());
    expect(tabId).not.toBeNull();
    await ask(control, { type: 'run:start', tabId, guideId: draft?.id, mode: 'advisor', level: 'guided' });
    await page.bringToFront();
    await page.waitForSelector('cote-a-cote-overlay >>> [role=dialog]', { visible: true, timeout: WAIT_MS }).catch(async (error) => {
      throw new Error(`Pas de bulle : ${error}\nstockage : ${JSON.stringify(await control.evaluate(dump))}`);
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
        'cote-a-cote-overlay',
      )
      .catch(async (error) => {
        const shadow = await page.$eval(
          'cote-a-cote-overlay',
          (element) => element.shadowRoot?.innerHTML.slice(-3000) ?? '(pas de shadow root)',
        );
        throw new Error(`${error}\nshadow : ${shadow}\nstockage : ${JSON.stringify(await control.evaluate(dump)).slice(0, 800)}`);
      });
    const reloaded = page.waitForNavigation({ waitUntil: 'load', timeout: WAIT_MS });
    await page.click('button[type=submit]');
    await reloaded;

    const finished = await control
      .waitForFunction(
        async () => {
          type Api = { storage: { local: { get(keys: null): Promise<Record<string, { status?: string; guideId?: string }>> } } };
          const scope = globalThis as unknown as { browser?: Api; chrome?: Api };
          const all = await (scope.browser ?? scope.chrome)!.storage.local.get(null);
          return Object.entries(all).some(([key, run]) => key.startsWith('run:') && run?.status === 'finished');
        },
        { timeout: WAIT_MS, polling: 100 },
      )
      .then(
        () => true,
        async (error) => {
          throw new Error(`Le guide n’est pas allé au bout : ${error}\nstockage : ${JSON.stringify(await control.evaluate(dump))}`);
        },
      );
    expect(finished).toBe(true);
    const everything = JSON.stringify(await control.evaluate(dump));
    expect(everything).not.toContain(TYPED_USER);
    expect(everything).not.toContain(TYPED_SECRET);
  });
});
