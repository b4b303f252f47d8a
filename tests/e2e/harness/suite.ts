// The life of a test file's browsers and sites: launched before its tests, checked after each, closed at the end.
import type { Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { type ExtensionBrowser, type KeptProfile, keptProfile, launchWithExtension } from './browsers';
import type { BrowserKind } from './paths';
import { type PracticeSites, startPracticeSites } from './sites';

/** A browser with the extension for a describe block, and the pages its tests opened. */
export interface ExtensionSuite {
  readonly ext: ExtensionBrowser;
  /** Marks a page to close after the test; returns it. */
  track<P extends Page>(page: P): P;
  /** A fresh profile: the browser closed, and another launched with the extension newly installed. */
  relaunch(): Promise<ExtensionBrowser>;
  /**
   * Only with `keepProfile`: the browser killed as a crash stops it, then
   * started again on the same profile, as the next person at a shared computer finds it.
   */
  crashAndRestart(): Promise<ExtensionBrowser>;
}

/**
 * One browser with the extension for a describe block: launched before its
 * tests, each test's pages closed after it with the extension's errors checked,
 * closed at the end. `launched` and `closing` attach and detach what watches
 * the browser for the whole block (a network watch…).
 */
export function extensionSuite(
  kind: BrowserKind,
  {
    launched,
    closing,
    shadowRoots,
    keepProfile = false,
    downloads,
  }: {
    launched?(ext: ExtensionBrowser): Promise<void>;
    closing?(): Promise<void>;
    shadowRoots?: ShadowRootMode;
    /** The extension installed in a profile kept on disk, for `crashAndRestart` (a temporary add-on would not survive it). */
    keepProfile?: boolean;
    /** A folder where the browser saves downloads without asking. */
    downloads?: string;
  } = {},
): ExtensionSuite {
  let ext: ExtensionBrowser | undefined;
  let profile: KeptProfile | undefined;
  const opened: Page[] = [];
  const launch = async () => {
    if (keepProfile) profile ??= keptProfile(kind);
    ext = await launchWithExtension(kind, { shadowRoots, downloads, ...(profile ? { profile } : {}) });
    await launched?.(ext);
    return ext;
  };
  beforeAll(launch);
  afterEach(async () => {
    // A toolbar popup closes by itself when another tab takes the focus: closing it again is no error.
    await Promise.all(opened.splice(0).map((page) => page.close().catch(() => undefined)));
    expect(ext?.errors.takeUnexpected() ?? [], 'errors of the extension').toEqual([]);
  });
  afterAll(async () => {
    await closing?.();
    await ext?.close();
    profile?.remove();
  });
  return {
    get ext() {
      if (!ext) throw new Error('the browser is not launched yet');
      return ext;
    },
    track(page) {
      opened.push(page);
      return page;
    },
    async relaunch() {
      await closing?.();
      await ext?.close();
      ext = undefined;
      profile?.remove();
      profile = undefined;
      return launch();
    },
    async crashAndRestart() {
      if (!profile) throw new Error('crashAndRestart needs extensionSuite(kind, { keepProfile: true })');
      await closing?.();
      opened.splice(0);
      await ext?.crash();
      ext = undefined;
      return launch();
    },
  };
}

/** The practice sites of a test file: started before its tests, closed after them. */
export function practiceSitesSuite(): PracticeSites {
  let sites: PracticeSites | undefined;
  beforeAll(async () => {
    sites = await startPracticeSites();
  });
  afterAll(async () => {
    await sites?.close();
  });
  const started = () => {
    if (!sites) throw new Error('the practice sites are not started yet');
    return sites;
  };
  return {
    get guided() {
      return started().guided;
    },
    get unguided() {
      return started().unguided;
    },
    close: () => started().close(),
  };
}
