/**
 * Recording on a logged-in account, in real Chromium and Firefox ESR: the
 * practice account's request (identity, address, then a « Récapitulatif »
 * page that greets the person by name, shows back what was typed, lists the
 * household's children, offers « Modifier l’adresse … » and links to a
 * dossier whose number and e-mail are in the path). The trainer records it
 * with canary values. The draft, the editor page and its export (Chromium,
 * where the editor's tab can be told), the saved guide and the whole
 * extension storage (local and session) hold none of them, nor any of
 * the account's data; and the recap page's targets are still found, on
 * another person's recap page, by the real overlay. The editor's review lists
 * every fact of the recorded targets, says what was withheld, and a fact made
 * personal by editing holds the export back until the trainer confirms it.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNT } from '../../scripts/practice-recap';
import { looksPersonal } from '../../utils/authoring/privacy';
import type { ActionStep, Guide } from '../../utils/guide/schema';
import {
  axeViolations,
  type BrowserKind,
  type ExtensionBrowser,
  launchWithExtension,
  messagesOf,
  type PracticeSites,
  sendMessage,
  startPracticeSites,
  WAIT_MS,
} from './harness';

const START = '/espace/demande/identite/';
const BAR = 'cote-a-cote-recorder';
/** What the trainer types: each must be nowhere in what the extension keeps. */
const TYPED = {
  givenName: 'Canarette',
  familyName: 'Canarimartin',
  street: '7 impasse Canariville 64999 Canarbourg',
  tel: '07 98 76 54 32',
};
/** What the account shows without being typed. */
const SHOWN = [
  ACCOUNT.dossier,
  ACCOUNT.email,
  ACCOUNT.allocataire,
  ACCOUNT.nir,
  '123 456 78',
  'Lucas',
  'Emma',
  '02/04/2015',
  ...ACCOUNT.children.map((child) => child.value),
];
/** What the trainer types in the editor: an e-mail in a page's address, which the review marks. */
const PERSONAL_EMAIL = 'jeanne.martin@example.org';
const CANARIES = [...Object.values(TYPED), 'Canariville', 'Canarbourg', '0798765432', ...SHOWN];

let sites: PracticeSites;

beforeAll(async () => {
  sites = await startPracticeSites();
});

afterAll(async () => {
  await sites?.close();
});

type Api = {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  storage: {
    local: {
      get(keys: null | string): Promise<Record<string, unknown>>;
      onChanged: { addListener(listener: (changes: Record<string, { newValue?: unknown }>) => void): void };
    };
    session?: { get(keys: null): Promise<Record<string, unknown>> };
  };
  tabs: { query(query: object): Promise<{ id?: number; url?: string }[]> };
};

/** Everything the extension keeps: `storage.local` and `storage.session`. */
function everything(page: Page): Promise<{ local: unknown; session: unknown }> {
  return page.evaluate(async () => {
    const api = ((globalThis as unknown as { browser?: Api; chrome?: Api }).browser ?? (globalThis as unknown as { chrome: Api }).chrome)!;
    return { local: await api.storage.local.get(null), session: api.storage.session ? await api.storage.session.get(null) : null };
  });
}

function expectNoCanary(text: string, where: string) {
  for (const canary of CANARIES) expect(text, `${where} : ${canary}`).not.toContain(canary);
}

/** Every text a target kept, for the shape check. */
function targetTexts(guide: Guide): string[] {
  return guide.steps.flatMap((item) =>
    item.kind === 'step' && item.target
      ? Object.entries(item.target)
          .filter(([key, value]) => typeof value === 'string' && key !== 'cssPath')
          .map(([, value]) => value as string)
      : [],
  );
}

describe.each<BrowserKind>(['chromium', 'firefox'])('%s: recording on a page full of someone’s data', (kind) => {
  let ext: ExtensionBrowser;
  let draft: Guide | undefined;
  const opened: Page[] = [];

  async function open(url: string, label: string): Promise<Page> {
    const page = await ext.newPage(label);
    opened.push(page);
    await page.goto(url, { waitUntil: 'load' });
    return page;
  }

  async function control(): Promise<Page> {
    const page = await ext.openExtensionPage('popup.html');
    opened.push(page);
    return page;
  }

  /** Fills the two forms with trusted input and arrives on the recap page; `recording`: waits for the bar on each page first. */
  async function goThrough(page: Page, values: typeof TYPED, recording: boolean) {
    const ready = async () => {
      if (recording) await page.waitForSelector(`${BAR} >>> .bar`, { timeout: WAIT_MS });
    };
    await ready();
    await page.type('#given-name', values.givenName);
    await page.type('#family-name', values.familyName);
    let next = page.waitForNavigation({ waitUntil: 'load', timeout: WAIT_MS });
    await page.click('button[type=submit]');
    await next;
    await ready();
    await page.type('#street-address', values.street);
    await page.type('#tel', values.tel);
    next = page.waitForNavigation({ waitUntil: 'load', timeout: WAIT_MS });
    await page.click('button[type=submit]');
    await next;
    await ready();
    await page.waitForSelector('#enfants');
  }

  afterEach(async () => {
    await Promise.all(opened.splice(0).map((page) => page.close().catch(() => undefined)));
    expect(ext.errors.takeUnexpected(), 'errors of the extension').toEqual([]);
  });

  afterAll(async () => {
    await ext?.close();
  });

  it('records the request with canary values, and keeps none of them nor anything of the account', async () => {
    ext = await launchWithExtension(kind);
    const page = await open(`${sites.guided}${START}`, 'identity page');
    const popup = await ext.openPopup(page);
    opened.push(popup);
    await popup.locator('section.recorder button.record-start').setTimeout(WAIT_MS).click();
    await page.waitForSelector(`${BAR} >>> .bar`, { timeout: WAIT_MS });
    await popup.close().catch(() => undefined);
    await page.bringToFront();

    await goThrough(page, TYPED, true);
    // On the recap page: a child of the household, « Modifier l’adresse … », the declaration box, the dossier link.
    await page.click('label[for=enfant-2]');
    await page.click('button[aria-label^="Modifier"]');
    await page.click('label[for=mention-cnil]');
    const storagePage = await control();
    await storagePage.evaluate(() => {
      const scope = globalThis as unknown as { browser?: Api; chrome?: Api; incoming?: unknown };
      (scope.browser ?? scope.chrome)!.storage.local.onChanged.addListener((changes) => {
        if (changes['editor:incoming']?.newValue) scope.incoming = changes['editor:incoming'].newValue;
      });
    });
    // The link leaves the page: the recording follows it; wait until its step is kept.
    await page.bringToFront();
    const left = page.waitForNavigation({ waitUntil: 'load', timeout: WAIT_MS });
    await page.click('a.fr-link');
    await left;
    await storagePage.waitForFunction(
      async () => {
        const api = ((globalThis as unknown as { browser?: Api; chrome?: Api }).browser ??
          (globalThis as unknown as { chrome: Api }).chrome)!;
        const recording = (await api.storage.local.get('recording')).recording as { draft?: { action: string }[] } | undefined;
        return (recording?.draft?.length ?? 0) >= 10;
      },
      { timeout: WAIT_MS, polling: 100 },
    );

    // « Arrêter » on the bar: the draft opens in the editor (Chromium tells each tab's address: it is read there).
    const editorOpened =
      kind === 'chromium'
        ? ext.browser.waitForTarget((target) => target.url().includes('editor.html?draft=1'), { timeout: WAIT_MS })
        : null;
    await page.bringToFront();
    await page.click(`${BAR} >>> button`);
    const incoming = (await (
      await storagePage.waitForFunction(() => (globalThis as { incoming?: unknown }).incoming ?? false, { timeout: WAIT_MS, polling: 100 })
    ).jsonValue()) as { guide: Guide };
    draft = incoming.guide;

    const steps = draft.steps.filter((item): item is ActionStep => item.kind === 'step');
    expect(steps.map((step) => step.action)).toEqual([
      'fill',
      'fill',
      'click',
      'fill',
      'fill',
      'click',
      'choose',
      'click',
      'check',
      'click',
    ]);
    const byPage = (page: string) => steps.filter((step) => step.page?.includes(page));
    const recap = byPage('recapitulatif');
    expect(recap.map((step) => step.instruction)).toEqual([
      'Choisissez l’enfant concerné dans la liste «\u00a0Enfant concerné\u00a0».',
      'Cliquez sur «\u00a0Modifier l’adresse\u00a0».',
      'Cochez la case «\u00a0J’atteste sur l’honneur l’exactitude des informations\u00a0».',
      'Cliquez sur «\u00a0Voir les pièces du dossier\u00a0».',
    ]);
    expect(recap[3]?.target?.href).toBe('/espace/dossier/*/pieces');
    expect(recap[0]?.target?.withheld).toEqual(['text']);
    expect(draft.id).toMatch(/^guide-enregistre-127-0-0-1-\d{4}-\d{2}-\d{2}$/);
    expect(draft.steps.at(-1)).toMatchObject({ kind: 'end', message: expect.any(String) });

    const draftText = JSON.stringify(draft);
    expectNoCanary(draftText, 'brouillon');
    expect(draftText).not.toMatch(/\d{5}/);
    for (const text of targetTexts(draft)) expect(looksPersonal(text), text).toBe(false);

    if (editorOpened) {
      const editor = await (await editorOpened).asPage();
      opened.push(editor);
      await editor.waitForFunction(() => document.body?.textContent?.includes('Modifier l’adresse'), { timeout: WAIT_MS, polling: 100 });
      const t = await messagesOf(editor);
      // The review: every step open, every fact of every target listed, none marked, the withheld ones said.
      await editor.click('button.open-all');
      await editor.waitForSelector('.review-facts li', { timeout: WAIT_MS });
      const review = await editor.evaluate(() => ({
        facts: document.querySelectorAll('.review-facts li').length,
        marked: document.querySelectorAll('.review-facts li.personal').length,
        withheld: [...document.querySelectorAll('.review-facts li.withheld .fact-withheld')].map((note) => note.textContent),
      }));
      expect(review.facts).toBeGreaterThan(steps.length);
      expect(review.marked).toBe(0);
      expect(review.withheld.length).toBeGreaterThan(0);
      for (const note of review.withheld) expect(note).toBe(t('editor.review.reason.withheld'));
      const shown = await editor.evaluate(() =>
        [
          document.documentElement.outerHTML,
          ...[...document.querySelectorAll('input, textarea')].map((field) => (field as HTMLInputElement).value),
        ].join('\n'),
      );
      expectNoCanary(shown, 'éditeur');
      // « Exporter »: the file handed to the download link (caught as the Blob it is made from).
      await editor.evaluate(() => {
        const create = URL.createObjectURL.bind(URL);
        const seen = window as unknown as { exported?: Promise<string> };
        URL.createObjectURL = (blob: Blob | MediaSource) => {
          if (blob instanceof Blob) seen.exported = blob.text();
          return create(blob);
        };
      });
      // A fact made personal by editing (an e-mail in the first step's page): the export waits for the trainer's answer.
      await editor.click('#f-steps-0-page');
      await editor.keyboard.down('Control');
      await editor.keyboard.press('a');
      await editor.keyboard.up('Control');
      await editor.keyboard.type(`/espace/demande/${PERSONAL_EMAIL}`);
      await editor.waitForSelector('.review-facts li.personal[data-fact="page"]', { timeout: WAIT_MS });
      await editor.click('button.export');
      await editor.waitForSelector('section.review-confirm', { timeout: WAIT_MS });
      // The panel takes the focus once drawn (Preact's effects run after the paint): waited for, not read at once.
      await editor.waitForFunction(() => document.activeElement?.id === 'review-title', { timeout: WAIT_MS });
      expect(await editor.$$eval('section.review-confirm .review-fact', (facts) => facts.length)).toBe(1);
      await editor.click('section.review-confirm .review-proceed');
      await editor.waitForSelector('section.review-confirm .review-missing', { timeout: WAIT_MS });
      expect(await editor.evaluate(() => (window as unknown as { exported?: unknown }).exported ?? null)).toBeNull();
      expect(await axeViolations(editor)).toEqual([]);
      await editor.click('section.review-confirm input.not-personal');
      await editor.click('section.review-confirm .review-proceed');
      const file = (await (
        await editor.waitForFunction(() => (window as unknown as { exported?: Promise<string> }).exported ?? false, {
          timeout: WAIT_MS,
          polling: 100,
        })
      ).jsonValue()) as string;
      expect(file).toContain(draft.id);
      expect(file).toContain(PERSONAL_EMAIL);
      expect(await editor.$('section.review-confirm')).toBeNull();
      expectNoCanary(file, 'export');
      expect(file).not.toMatch(/\d{5}/);
    }

    // Saved as one of « Mes guides »: the saved guide and all the storage, local and session.
    expect(await sendMessage(storagePage, { type: 'userGuides:save', guide: draft, origin: 'recorded' })).toEqual({
      ok: true,
      id: draft.id,
    });
    const kept = JSON.stringify(await everything(storagePage));
    expect(kept).toContain(draft.id);
    expectNoCanary(kept, 'stockage');
  });

  it('finds the recap page’s targets again on another person’s recap page', async () => {
    expect(draft, 'the draft of the previous test').toBeDefined();
    const page = await open(`${sites.guided}${START}`, 'identity page');
    await goThrough(
      page,
      { givenName: 'Paulette', familyName: 'Durandeau', street: '5 avenue des Tilleuls 33000 Bordeaux', tel: '06 11 22 33 44' },
      false,
    );
    const view = await control();
    const tabId = await view.evaluate(async (url: string) => {
      const api = ((globalThis as unknown as { browser?: Api; chrome?: Api }).browser ??
        (globalThis as unknown as { chrome: Api }).chrome)!;
      return (await api.tabs.query({})).find((tab) => tab.url === url)?.id ?? null;
    }, page.url());
    expect(tabId).not.toBeNull();
    const recap = (draft?.steps ?? []).filter((item): item is ActionStep => item.kind === 'step' && !!item.page?.includes('recapitulatif'));
    expect(recap).toHaveLength(4);
    await page.bringToFront();
    for (const step of recap) {
      const result = await sendMessage(view, { type: 'target:test', tabId, target: step.target, instruction: step.instruction });
      expect(result, step.instruction).toEqual({ status: 'found' });
    }
    const kept = JSON.stringify(await everything(view));
    expectNoCanary(kept, 'stockage');
    for (const other of ['Paulette', 'Durandeau', 'Tilleuls']) expect(kept).not.toContain(other);
  });
});
