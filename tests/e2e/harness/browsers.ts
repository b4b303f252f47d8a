// Debian's Chromium and Firefox ESR launched by puppeteer-core with a private copy of the practice build installed.
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { OPEN_SHADOW_KEY } from '../../../components/page/open-shadow-key';
import { ExtensionErrors } from './console';
import { type ExtensionApi, inExtensionPage, storageIn, withExtensionApi } from './extension-pages';
import { type BrowserKind, type BuildSnapshot, EXECUTABLES, snapshotBuild } from './paths';

/** How long a condition may take in a page before a test fails (a loaded 2-core CI machine). */
export const WAIT_MS = 20_000;

/** A real browser with the practice build of the extension installed, as a person would have it. */
export interface ExtensionBrowser {
  kind: BrowserKind;
  browser: Browser;
  /** The id `installExtension` returned: Chromium's extension id, Firefox's add-on (gecko) id. */
  extensionId: string;
  /** Origin of the extension's own pages: `chrome-extension://<id>` or `moz-extension://<uuid>`. */
  origin: string;
  /** The manifest of the build that the browser loaded. */
  manifest: Record<string, unknown>;
  /** Errors of the extension, recorded on every page opened through this object. */
  errors: ExtensionErrors;
  /** Chromium: whether the extension's service worker target is running. Firefox: null (not exposed). */
  serviceWorkerUrl: string | null;
  /** A new tab whose errors coming from the extension are recorded. */
  newPage(label?: string): Promise<Page>;
  /** An extension page (e.g. `popup.html`) opened in a tab. */
  openExtensionPage(path: string): Promise<Page>;
  /**
   * The popup, serving the tab of `page`. Chromium: the real toolbar popup,
   * opened by triggering the extension's action with `page` active. Firefox's
   * driver cannot trigger it: `popup.html?tab=<id>` opened in a tab.
   */
  openPopup(page: Page): Promise<Page>;
  /** What the extension keeps in `storage.local` (runs…): for diagnostics of a failed test. */
  storage(): Promise<Record<string, unknown>>;
  close(): Promise<void>;
  /** The browser stopped as a crash or a power cut stops it: killed, so nothing of the extension runs at its end. */
  crash(): Promise<void>;
}

/**
 * A profile kept on disk across launches, with the extension installed in it
 * as a person's browser has it (not as a temporary add-on): a browser launched
 * again on it finds the extension and its storage, and the extension gets its
 * browser-start event. `remove` deletes the profile and its build snapshot.
 */
export interface KeptProfile {
  kind: BrowserKind;
  dir: string;
  build: BuildSnapshot;
  /** Firefox: the internal UUID pinned for the add-on, the same at every launch. */
  uuid: string;
  remove(): void;
}

export function keptProfile(kind: BrowserKind): KeptProfile {
  const build = snapshotBuild(kind);
  const dir = mkdtempSync(join(tmpdir(), `cote-a-cote-e2e-profile-${kind}-`));
  return {
    kind,
    dir,
    build,
    uuid: randomUUID(),
    remove: () => {
      rmSync(dir, { recursive: true, force: true });
      build.remove();
    },
  };
}

export interface LaunchOptions {
  shadowRoots?: ShadowRootMode;
  /** A folder where the browser saves downloads without asking (an extension page's download link). */
  downloads?: string;
  /** A profile kept on disk, for a browser started again on it (see `keptProfile`). */
  profile?: KeptProfile;
}

export async function launchWithExtension(
  kind: BrowserKind,
  { shadowRoots = 'open', downloads, profile }: LaunchOptions = {},
): Promise<ExtensionBrowser> {
  if (profile && profile.kind !== kind) throw new Error(`profile of ${profile.kind} given to ${kind}`);
  const ext = await (kind === 'chromium' ? launchChromium({ downloads, profile }) : launchFirefox({ downloads, profile }));
  // Our shadow roots are closed to pages. The practice build opens them when asked, so that the tests read and
  // press our UI with the driver's selectors; tests/e2e/hostile-page.test.ts keeps them closed, as a store build does.
  if (shadowRoots === 'open') {
    await inExtensionPage(ext, (page) =>
      withExtensionApi(page, (api, key) => api.storage.local.set({ [key]: true }), OPEN_SHADOW_KEY),
    ).catch(async (error: unknown) => {
      await ext.close();
      throw error;
    });
  }
  return ext;
}

/**
 * Launches a browser on a build's snapshot and sets it up; `close` closes the
 * browser and removes the snapshot (unless a kept profile owns it), as does a
 * failure on the way.
 */
async function onSnapshot(
  build: BuildSnapshot,
  kept: boolean,
  launch: () => Promise<Browser>,
  setUp: (browser: Browser) => Promise<Omit<ExtensionBrowser, 'close' | 'crash'>>,
): Promise<ExtensionBrowser> {
  const removeBuild = () => {
    if (!kept) build.remove();
  };
  const browser = await launch().catch((error: unknown) => {
    removeBuild();
    throw error;
  });
  const close = async () => {
    await browser.close();
    removeBuild();
  };
  const crash = async () => {
    const child = browser.process();
    if (!child) throw new Error('no browser process to stop');
    const exited = new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) resolve();
      else child.once('exit', () => resolve());
    });
    child.kill('SIGKILL');
    await exited;
    await browser.disconnect().catch(() => undefined);
    removeBuild();
  };
  try {
    return { ...(await setUp(browser)), close, crash };
  } catch (error) {
    await close();
    throw error;
  }
}

async function launchChromium({ downloads, profile }: Omit<LaunchOptions, 'shadowRoots'>): Promise<ExtensionBrowser> {
  const build = profile?.build ?? snapshotBuild('chromium');
  const launch = () =>
    puppeteer.launch({
      executablePath: EXECUTABLES.chromium,
      headless: true,
      pipe: true,
      enableExtensions: true,
      // No call to the (closed) network. The UI is English: Debian's Chromium has no other locale installed.
      args: [
        '--no-sandbox',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        // A kept profile loads the extension at each start, as an installed one is (CDP's install lasts one launch).
        ...(profile ? [`--load-extension=${build.dir}`, `--disable-extensions-except=${build.dir}`] : []),
      ],
      ...(profile ? { userDataDir: profile.dir } : {}),
    });
  return onSnapshot(build, !!profile, launch, async (browser) => {
    if (downloads) {
      const session = await browser.target().createCDPSession();
      await session.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: downloads });
    }
    const extensionId = profile
      ? new URL(
          (
            await browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith('chrome-extension://'), {
              timeout: WAIT_MS,
            })
          ).url(),
        ).host
      : await browser.installExtension(build.dir);
    const origin = `chrome-extension://${extensionId}`;
    const errors = new ExtensionErrors(origin);
    const workerTarget = await browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith(`${origin}/`), {
      timeout: WAIT_MS,
    });
    const worker = await workerTarget.worker();
    if (worker) errors.watchWorker(worker, 'service worker');

    const newPage = async (label = 'page', extensionPage = false) => {
      const page = await browser.newPage();
      errors.watchPage(page, label, extensionPage);
      return page;
    };
    return {
      kind: 'chromium',
      browser,
      extensionId,
      origin,
      manifest: build.manifest,
      errors,
      serviceWorkerUrl: workerTarget.url(),
      newPage,
      openExtensionPage: async (path) => {
        const page = await newPage(path, true);
        await page.goto(`${origin}/${path}`);
        return page;
      },
      openPopup: async (page) => {
        const extension = (await browser.extensions()).get(extensionId);
        if (!extension) throw new Error(`Extension ${extensionId} absente de Chromium.`);
        await page.bringToFront();
        const opened = browser.waitForTarget((t) => t.url().startsWith(`${origin}/popup.html`), { timeout: WAIT_MS });
        await page.triggerExtensionAction(extension);
        const popup = await (await opened).asPage();
        errors.watchPage(popup, 'popup', true);
        return popup;
      },
      storage: async () => {
        if (!worker) return {};
        return worker.evaluate(() => (globalThis as unknown as { chrome: ExtensionApi }).chrome.storage.local.get(null));
      },
    };
  });
}

async function launchFirefox({ downloads, profile }: Omit<LaunchOptions, 'shadowRoots'>): Promise<ExtensionBrowser> {
  const build = profile?.build ?? snapshotBuild('firefox');
  const manifest = build.manifest as { browser_specific_settings?: { gecko?: { id?: string } } };
  const geckoId = manifest.browser_specific_settings?.gecko?.id;
  if (!geckoId) {
    if (!profile) build.remove();
    throw new Error('La version Firefox n’a pas d’identifiant (browser_specific_settings.gecko.id, wxt.config.ts).');
  }
  // Firefox gives each install a random internal UUID; pinning it tells us the extension's origin.
  const uuid = profile?.uuid ?? randomUUID();
  if (profile) {
    // Installed in the profile as a person's add-on is (a "proxy file" naming the unpacked build: Firefox ESR
    // takes it unsigned), not as a temporary add-on, which is gone at the next start with its storage.
    mkdirSync(join(profile.dir, 'extensions'), { recursive: true });
    writeFileSync(join(profile.dir, 'extensions', geckoId), build.dir);
  }
  const launch = () =>
    puppeteer.launch({
      browser: 'firefox',
      executablePath: EXECUTABLES.firefox,
      headless: true,
      // WebDriver BiDi refuses to navigate a tab to a moz-extension:// page without this flag.
      args: ['--remote-allow-system-access'],
      extraPrefsFirefox: {
        'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: uuid }),
        // Uncaught errors of the extension's pages on stdout (see ExtensionErrors.watchFirefoxOutput).
        'devtools.console.stdout.content': true,
        ...(profile ? { 'xpinstall.signatures.required': false, 'extensions.autoDisableScopes': 0, 'extensions.enabledScopes': 15 } : {}),
        // Downloads saved in the test's folder, without a dialog.
        ...(downloads && {
          'browser.download.dir': downloads,
          'browser.download.folderList': 2,
          'browser.download.useDownloadDir': true,
          'browser.download.always_ask_before_handling_new_types': false,
          'browser.helperApps.neverAsk.saveToDisk': 'application/zip,application/json',
        }),
      },
      ...(profile ? { userDataDir: profile.dir } : {}),
    });
  return onSnapshot(build, !!profile, launch, async (browser) => {
    const origin = `moz-extension://${uuid}`;
    const errors = new ExtensionErrors(origin);
    const output = browser.process();
    if (output?.stdout) errors.watchFirefoxOutput(output.stdout, 'firefox');
    if (output?.stderr) errors.watchFirefoxOutput(output.stderr, 'firefox');
    const extensionId = profile ? geckoId : await browser.installExtension(build.dir);
    const newPage = async (label = 'page', extensionPage = false) => {
      const page = await browser.newPage();
      errors.watchPage(page, label, extensionPage);
      return page;
    };
    /**
     * Firefox's driver sees a tab start loading a moz-extension:// page but never
     * reports its load: wait for the document of the extension's origin instead.
     */
    const goToExtensionPage = async (page: Page, path: string) => {
      await page.goto(`${origin}/${path}`, { waitUntil: [] });
      await page.waitForFunction(
        (href) => location.href === href && document.readyState === 'complete',
        { timeout: WAIT_MS },
        `${origin}/${path}`,
      );
    };
    return {
      kind: 'firefox',
      browser,
      extensionId,
      origin,
      manifest: build.manifest,
      errors,
      serviceWorkerUrl: null,
      newPage,
      openExtensionPage: async (path) => {
        const page = await newPage(path, true);
        await goToExtensionPage(page, path);
        return page;
      },
      openPopup: async (page) => {
        // Ask the extension which tab `page` is: the active tab of the popup tab's window once `page` is in front.
        const popup = await newPage('popup', true);
        await goToExtensionPage(popup, 'popup.html');
        await page.bringToFront();
        const tabId = await popup.evaluate(async () => {
          const api = (globalThis as unknown as { browser: ExtensionApi }).browser;
          const self = await api.tabs.getCurrent();
          const [active] = await api.tabs.query({ active: true, windowId: self?.windowId });
          return active?.id !== undefined && active.id !== self?.id ? active.id : null;
        });
        if (tabId === null) throw new Error('Onglet de la page introuvable depuis l’extension.');
        await goToExtensionPage(popup, `popup.html?tab=${tabId}`);
        await popup.bringToFront();
        return popup;
      },
      storage: async () => {
        const page = await newPage('storage', true);
        try {
          await goToExtensionPage(page, 'popup.html');
          return await storageIn(page);
        } finally {
          await page.close();
        }
      },
    };
  });
}
