import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Guide } from '../../utils/guide/schema';
import { generateKeyPair } from '../../utils/team-catalogue/keys';
import { publishCatalogue } from '../../utils/team-catalogue/publish';
import {
  type ExtensionBrowser,
  extensionSuite,
  messagesOf,
  openPracticePage,
  practiceGuide,
  practiceSitesSuite,
  sendMessage,
  storageIn,
  type Translate,
  tabIdOf,
  WAIT_MS,
  waitUntil,
} from './harness';
import type { BrowserKind } from './harness/paths';
import { clickBubbleButton, waitForBubbleText } from './playback/overlay';
import { PRACTICE_QUESTION } from './playback/person';

/**
 * Team catalogues in real browsers: a static server on the loopback address
 * plays the team's host. The advisor subscribes from the settings page with
 * real clicks; the guide appears in the popup and plays; version 2 (a changed
 * step) is taken by « Mettre à jour »; a tampered version 3, a replayed
 * version 1 and a stopped server are refused with their message, version 2
 * staying installed and playable. The server is the request witness: only
 * GETs of the catalogue's files, with no cookie and no referrer. A host that
 * never answers the index (past the practice build's time limit) and one that
 * answers a web page instead are refused too, version 1 still playing.
 */
const sites = practiceSitesSuite();

const TEAM = 'France Services de Tulle';
const GUIDE_ID = 'equipe-creer-un-compte';
const GUIDE_FILE = `guides/${GUIDE_ID}.json`;
const FOLDER = '/equipe/';

/** The practice guide as a team publishes it, its first step's instruction as given. */
function teamGuide(firstInstruction?: string): Guide {
  const guide = structuredClone(practiceGuide());
  guide.id = GUIDE_ID;
  guide.title = 'Créer un compte (guide de l’équipe)';
  if (firstInstruction) {
    const first = guide.steps.find((item) => item.id === PRACTICE_QUESTION.noAccount.next);
    if (first?.kind !== 'step') throw new Error('pas de première étape');
    first.instruction = firstInstruction;
    guide.version = '1.1.0';
  }
  return guide;
}

const firstInstruction = (guide: Guide) => {
  const first = guide.steps.find((item) => item.id === PRACTICE_QUESTION.noAccount.next);
  return first?.kind === 'step' ? first.instruction : '';
};

const V2_STEP = 'Écrivez votre adresse e-mail ici : celle que vous consultez le plus souvent.';

interface Seen {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
}

/**
 * How the host answers the index: the file; never (it holds the answer until
 * the extension gives up: slower than any time limit, without a fixed delay);
 * or a web page in its place (a portal's or an error page, with status 200).
 */
type IndexAnswer = 'file' | 'never' | 'html';

/** The team's host: static files under /equipe/, every request noted. */
class TeamHost {
  files = new Map<string, Uint8Array>();
  index: IndexAnswer = 'file';
  readonly seen: Seen[] = [];
  #server: Server | null = null;
  url = '';

  async start(port = 0) {
    this.#server = createServer((request, response) => {
      this.seen.push({ method: request.method ?? '', url: request.url ?? '', headers: request.headers });
      const path = (request.url ?? '').split('?')[0] ?? '';
      if (path === `${FOLDER}index.json` && this.index === 'never') return; // closed by the extension's abort, or by stop()
      if (path === `${FOLDER}index.json` && this.index === 'html') {
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<!doctype html><title>Portail</title><p>Bienvenue');
        return;
      }
      const bytes = path.startsWith(FOLDER) ? this.files.get(path.slice(FOLDER.length)) : undefined;
      if (!bytes) {
        response.writeHead(404, { 'content-type': 'text/html' }).end('<h1>Introuvable</h1>');
        return;
      }
      response.writeHead(200, { 'content-type': path.endsWith('.json') ? 'application/json' : 'text/plain' }).end(bytes);
    });
    await new Promise<void>((done) => this.#server?.listen(port, '127.0.0.1', done));
    const address = this.#server.address() as AddressInfo;
    this.url = `http://127.0.0.1:${address.port}${FOLDER}`;
  }

  async stop() {
    const server = this.#server;
    this.#server = null;
    server?.closeAllConnections();
    await new Promise<void>((done) => (server ? server.close(() => done()) : done()));
  }
}

const keys = await generateKeyPair();
const encoder = new TextEncoder();

async function publish(version: number, guide: Guide, tamper = false): Promise<Map<string, Uint8Array>> {
  const { files } = await publishCatalogue(
    [{ id: guide.id, version: guide.version, bytes: encoder.encode(JSON.stringify(guide, null, 2)) }],
    {
      name: TEAM,
      publisher: 'Marie, formatrice',
      version,
      publishedAt: `2026-12-0${version}`,
      sites: ['http://127.0.0.1/*', 'http://localhost/*'],
      secretKey: keys.secretKey,
    },
  );
  if (tamper) {
    const bytes = new Uint8Array(files.get(GUIDE_FILE) as Uint8Array);
    const at = new TextDecoder().decode(bytes).indexOf('guide de l’équipe');
    bytes[at] = 'G'.charCodeAt(0);
    files.set(GUIDE_FILE, bytes);
  }
  return files;
}

/** The guide started from the popup of `page`'s tab, its question answered: the bubble shows its first step. */
async function playFromPopup(ext: ExtensionBrowser, page: Page, t: Translate, expectedStep: string) {
  const popup = await ext.openPopup(page);
  try {
    const item = `li.guide[data-guide-id="${GUIDE_ID}"]`;
    const provenance = await popup.waitForSelector(`${item} p.team`, { timeout: WAIT_MS });
    expect(await provenance?.evaluate((p) => p.textContent)).toContain(t('popup.fromTeam', [TEAM, '']).split(',')[0] as string);
    await popup.locator(`${item} button.start`).setTimeout(WAIT_MS).click();
    const line = await popup.waitForSelector('.start-screen p.team', { timeout: WAIT_MS });
    expect(await line?.evaluate((p) => p.textContent)).toContain(TEAM);
    await popup.locator('.start-screen button.go').setTimeout(WAIT_MS).click();
    await popup.waitForSelector(`section.started[data-guide-id="${GUIDE_ID}"]`, { timeout: WAIT_MS });
  } finally {
    await popup.close().catch(() => undefined);
  }
  await page.bringToFront();
  await waitForBubbleText(page, PRACTICE_QUESTION.question.question);
  await clickBubbleButton(page, PRACTICE_QUESTION.noAccount.label);
  await waitForBubbleText(page, expectedStep);
}

/** The text the settings page says (status or alert) once it says `expected`. */
async function waitForSaid(settings: Page, expected: string): Promise<void> {
  await waitUntil(`the settings page says « ${expected} »`, () =>
    settings.evaluate(
      (text) =>
        [...document.querySelectorAll('.team-catalogues .status, .team-catalogues [role=alert]')].some((el) =>
          el.textContent?.includes(text),
        ),
      expected,
    ),
  );
}

const installedVersion = async (control: Page) =>
  ((await storageIn(control, 'teamCatalogues')).teamCatalogues as { catalogues: { version: number }[] } | undefined)?.catalogues[0]
    ?.version;

describe.each<BrowserKind>(['chromium', 'firefox'])('%s: team catalogues', (kind) => {
  const suite = extensionSuite(kind);
  const host = new TeamHost();
  beforeAll(() => host.start());
  afterAll(() => host.stop());

  it('subscribes, plays, updates, refuses a tampered or older version and a stopped host, keeping the last good one', async () => {
    host.files = await publish(1, teamGuide());
    const v1Step = firstInstruction(teamGuide());

    // Something of the person on this machine's sites: a cookie the catalogue's requests must not carry.
    const page = await openPracticePage(suite, sites.guided);
    await page.evaluate(() => {
      document.cookie = 'personne=camille; path=/';
    });

    const settings = suite.track(await suite.ext.openExtensionPage('settings.html#catalogues'));
    await settings.waitForSelector('#catalogue-address', { timeout: WAIT_MS });
    const t = await messagesOf(settings);
    await settings.type('#catalogue-address', host.url);
    await settings.type('#catalogue-key', keys.publicKey);
    await settings.click('.add-catalogue button[type=submit]');
    const preview = await settings.waitForSelector('.catalogue-preview', { timeout: WAIT_MS });
    expect(await preview?.evaluate((el) => el.textContent)).toContain('Créer un compte (guide de l’équipe)');
    expect(await installedVersion(settings), 'nothing added before « Ajouter »').toBeUndefined();
    await settings.click('.catalogue-preview button.add');
    await waitForSaid(settings, t('teams.added', [TEAM]));
    await settings.waitForSelector(`li.catalogue[data-catalogue="${host.url}"]`, { timeout: WAIT_MS });

    // The guide is in the popup, with where it comes from, and plays.
    await playFromPopup(suite.ext, page, t, v1Step);
    const tabId = await tabIdOf(settings, page);

    // While the person's run is on screen, nothing is downloaded.
    const before = host.seen.length;
    await settings.bringToFront();
    await settings.click(`li.catalogue button.update`);
    await waitForSaid(settings, t('teams.problem.runOnScreen', [TEAM]));
    expect(host.seen.length).toBe(before);
    await sendMessage(settings, { type: 'run:close', tabId });

    // Version 2: a changed step, taken by « Mettre à jour », and played.
    host.files = await publish(2, teamGuide(V2_STEP));
    await settings.click(`li.catalogue button.update`);
    await waitForSaid(settings, t('teams.updated', [TEAM, '']).split('(')[0] as string);
    await waitUntil('version 2 installed', async () => (await installedVersion(settings)) === 2);
    await playFromPopup(suite.ext, page, t, V2_STEP);
    await sendMessage(settings, { type: 'run:close', tabId });
    const good = await storageIn(settings, 'teamCatalogues');

    // A tampered version 3: refused by its hash, version 2 untouched.
    host.files = await publish(3, teamGuide('Une consigne changée en chemin.'), true);
    await settings.bringToFront();
    await settings.click(`li.catalogue button.update`);
    await waitForSaid(settings, t('teams.problem.hash', [TEAM, GUIDE_FILE]));

    // Version 1 again (validly signed, but older): refused.
    host.files = await publish(1, teamGuide());
    await settings.click(`li.catalogue button.update`);
    await waitForSaid(settings, t('teams.problem.rollback', [TEAM, '1', '2']));

    // The host stopped: a clear message, nothing lost.
    const port = new URL(host.url).port;
    await host.stop();
    await settings.click(`li.catalogue button.update`);
    await waitForSaid(settings, t('teams.problem.unreachable', [TEAM, 'index.json']));
    expect(await storageIn(settings, 'teamCatalogues'), 'version 2 exactly as installed').toEqual(good);

    // Version 2 still plays.
    await playFromPopup(suite.ext, page, t, V2_STEP);
    await sendMessage(settings, { type: 'run:close', tabId });
    await host.start(Number(port));

    // The witness: GETs of the catalogue's files only, no cookie, no referrer, nothing else.
    expect(host.seen.length).toBeGreaterThan(0);
    for (const seen of host.seen) {
      expect(seen.method).toBe('GET');
      expect([`${FOLDER}index.json`, `${FOLDER}index.json.sig`, `${FOLDER}${GUIDE_FILE}`]).toContain(seen.url);
      expect(seen.headers.cookie, 'no cookie').toBeUndefined();
      expect(seen.headers.referer, 'no referrer').toBeUndefined();
    }
    // The cookie was there to be sent: the site's own page has it.
    expect(await page.evaluate(() => document.cookie)).toContain('personne=camille');

    // Removing the catalogue removes its guide.
    host.seen.length = 0;
    await settings.bringToFront();
    await settings.click('li.catalogue button.remove');
    await settings.locator('li.catalogue button.confirm-yes').setTimeout(WAIT_MS).click();
    await waitForSaid(settings, t('teams.removed', [TEAM]));
    expect(await sendMessage(settings, { type: 'guide:get', guideId: GUIDE_ID })).toBeNull();
    expect(host.seen).toEqual([]);
  });

  it('refuses a host that answers too slowly or with a web page, naming the catalogue; the installed version still plays', async () => {
    host.index = 'file';
    host.files = await publish(1, teamGuide());
    const page = await openPracticePage(suite, sites.guided);
    const settings = suite.track(await suite.ext.openExtensionPage('settings.html#catalogues'));
    await settings.waitForSelector('#catalogue-address', { timeout: WAIT_MS });
    const t = await messagesOf(settings);
    await settings.type('#catalogue-address', host.url);
    await settings.type('#catalogue-key', keys.publicKey);
    await settings.click('.add-catalogue button[type=submit]');
    await settings.waitForSelector('.catalogue-preview button.add', { timeout: WAIT_MS });
    await settings.click('.catalogue-preview button.add');
    await waitForSaid(settings, t('teams.added', [TEAM]));
    const good = await storageIn(settings, 'teamCatalogues');
    expect(await installedVersion(settings)).toBe(1);

    // Version 2 is there, but the index never comes: refused once the time limit is past.
    host.files = await publish(2, teamGuide(V2_STEP));
    host.index = 'never';
    await settings.click('li.catalogue button.update');
    await waitForSaid(settings, t('teams.problem.timeout', [TEAM, 'index.json']));
    expect(await storageIn(settings, 'teamCatalogues'), 'version 1 exactly as installed').toEqual(good);

    // A web page in place of the index: refused for what it is.
    host.index = 'html';
    await settings.click('li.catalogue button.update');
    await waitForSaid(settings, t('teams.problem.html', [TEAM, 'index.json']));
    expect(await storageIn(settings, 'teamCatalogues'), 'version 1 exactly as installed').toEqual(good);

    // Version 1 still plays.
    await playFromPopup(suite.ext, page, t, firstInstruction(teamGuide()));
    await sendMessage(settings, { type: 'run:close', tabId: await tabIdOf(settings, page) });

    await settings.bringToFront();
    await settings.click('li.catalogue button.remove');
    await settings.locator('li.catalogue button.confirm-yes').setTimeout(WAIT_MS).click();
    await waitForSaid(settings, t('teams.removed', [TEAM]));
  });
});
