// The life of a test file's browsers and sites: launched before its tests, checked after each, closed at the end.
import type { Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { type ExtensionBrowser, launchWithExtension } from './browsers';
import type { BrowserKind } from './paths';
import { type PracticeSites, startPracticeSites } from './sites';

/** A browser with the extension for a describe block, and the pages its tests opened. */
export interface ExtensionSuite {
  readonly ext: ExtensionBrowser;
  /** Marks a page to close after the test; returns it. */
  track<P extends Page>(page: P): P;
  /** A fresh profile: the browser closed, and another launched with the extension newly installed. */
  relaunch(): Promise<ExtensionBrowser>;
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
    downloads,
  }: {
    launched?(ext: ExtensionBrowser): Promise<void>;
    closing?(): Promise<void>;
    shadowRoots?: ShadowRootMode;
    /** A folder where the browser saves downloads without asking. */
    downloads?: string;
  } = {},
): ExtensionSuite {
  let ext: ExtensionBrowser | undefined;
  const opened: Page[] = [];
  const launch = async () => {
    ext = await launchWithExtension(kind, { shadowRoots, downloads });
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
