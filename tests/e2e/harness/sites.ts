// The practice site served on this machine, and a tab opened on its first page with the overlay in place.
import type { Page } from 'puppeteer-core';
import { type PracticeServer, startPracticeServer } from '../../../scripts/practice-server';
import { WAIT_MS } from './browsers';
import { PRACTICE_START_PAGE } from './paths';
import type { ExtensionSuite } from './suite';

/**
 * The same practice site served twice on random ports: once on 127.0.0.1, one
 * of the practice guide's sites, and once on 127.0.0.2, another loopback
 * address that no guide names — "a site with no guide".
 */
export interface PracticeSites {
  /** Base URL on a site of the practice guide, e.g. `http://127.0.0.1:41234`. */
  guided: string;
  /** Base URL on a site that no guide names, e.g. `http://127.0.0.2:41235`. */
  unguided: string;
  close(): Promise<void>;
}

export async function startPracticeSites(): Promise<PracticeSites> {
  const servers: PracticeServer[] = [];
  try {
    servers.push(await startPracticeServer({ host: '127.0.0.1', port: 0 }));
    servers.push(await startPracticeServer({ host: '127.0.0.2', port: 0 }));
  } catch (error) {
    await Promise.all(servers.map((server) => server.close()));
    throw error;
  }
  const [guided, unguided] = servers as [PracticeServer, PracticeServer];
  return {
    guided: guided.url,
    unguided: unguided.url,
    close: async () => {
      await Promise.all(servers.map((server) => server.close()));
    },
  };
}

/**
 * A new tab of the suite on the practice guide's first page (`site`: a base URL
 * of the practice sites), once loaded and set up by its own script (DSFR). The
 * overlay's host is not there: it comes only with something to show. `prepare`
 * runs before the page loads (a viewport, a script installed on new documents…).
 */
export async function openPracticePage(suite: ExtensionSuite, site: string, prepare?: (page: Page) => Promise<unknown>): Promise<Page> {
  const page = suite.track(await suite.ext.newPage('practice page'));
  await prepare?.(page);
  await page.goto(`${site}${PRACTICE_START_PAGE}`, { waitUntil: 'load' });
  await page.waitForSelector('html[data-fr-js="true"]', { timeout: WAIT_MS });
  return page;
}
