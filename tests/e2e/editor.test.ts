import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { afterAll, describe, expect, it } from 'vitest';
import { parseGuide } from '../../utils/guide/parse';
import {
  axeViolations,
  type BrowserKind,
  extensionSuite,
  messagesOf,
  PRACTICE_GUIDE_ID,
  PRACTICE_START_PAGE,
  practiceGuide,
  practiceSitesSuite,
  WAIT_MS,
  waitUntil,
} from './harness';

/**
 * The editor in Chromium and Firefox, end to end: a trainer copies the bundled
 * practice guide, rewrites a text with the keyboard, tests a step's target on
 * the practice site's tab, exports the guide and imports the file in a fresh
 * profile, where it becomes one of "my guides", then removes it from there
 * (after saying yes). axe-core runs on the form and
 * on the import preview, with real layout and colours. The practice guide has
 * one fact shaped like someone's data (the example « nom@domaine.fr » in a
 * field's name): the review marks it, and the export, then the import, wait
 * until the trainer says it is not personal.
 *
 * Chromium's export is a real download (DevTools protocol). Firefox's driver
 * offers no download folder to the harness: there, the file is the Blob the
 * page hands to its download link, read as the page creates it.
 */

const NEW_TITLE = 'Créer mon compte d’essai';
const NEW_INSTRUCTION = 'Cliquez dans la case « Identifiant ». Tapez votre adresse e-mail.';
const COPY_ID = `${PRACTICE_GUIDE_ID}-copie`;

/** Replaces the text of a field by typing, as a person would (select all, then type). */
async function retype(page: Page, selector: string, text: string) {
  await page.click(selector);
  await page.keyboard.down('Control');
  await page.keyboard.press('a');
  await page.keyboard.up('Control');
  await page.keyboard.type(text);
}

/** The text of an element once it has one (other than `pending`, a text said while waiting). */
const textOf = (page: Page, selector: string, pending = '') =>
  page
    .waitForFunction(
      (s, p) => {
        const text = document.querySelector(s)?.textContent?.trim();
        return text && text !== p ? text : null;
      },
      { timeout: WAIT_MS },
      selector,
      pending,
    )
    .then((h) => h.jsonValue());

describe.each<BrowserKind>(['chromium', 'firefox'])('the guide editor (%s)', (kind) => {
  const sites = practiceSitesSuite();
  const suite = extensionSuite(kind);
  const downloads = mkdtempSync(join(tmpdir(), 'cote-a-cote-export-'));
  const exported = join(downloads, `${COPY_ID}.json`);

  afterAll(() => {
    rmSync(downloads, { recursive: true, force: true });
  });

  it('copies the practice guide, edits a text, tests a target and exports the file', async () => {
    const first = suite.ext;
    const site = await first.newPage('site');
    await site.goto(`${sites.guided}${PRACTICE_START_PAGE}`);

    const editor = await first.openExtensionPage('editor.html');
    const t = await messagesOf(editor);
    await editor.waitForSelector(`li[data-guide-id="${PRACTICE_GUIDE_ID}"] .copy-bundled`, { timeout: WAIT_MS });
    await editor.click(`li[data-guide-id="${PRACTICE_GUIDE_ID}"] .copy-bundled`);
    await editor.waitForSelector('#f-title', { timeout: WAIT_MS });
    expect(await editor.$eval('#f-id', (input) => (input as HTMLInputElement).value)).toBe(COPY_ID);

    await retype(editor, '#f-title', NEW_TITLE);
    await editor.click('li[data-item-id="identifiant"] .toggle');
    await editor.waitForSelector('#f-steps-1-instruction', { timeout: WAIT_MS });
    await retype(editor, '#f-steps-1-instruction', NEW_INSTRUCTION);
    expect(await textOf(editor, '.save-state')).toBe(t('editor.save.saved'));
    // Two sentences, one instruction each: no advice.
    expect(await editor.$('#f-steps-1-instruction-advice')).toBeNull();

    // The review: every fact of the target, the one shaped like an e-mail marked (its target starts open for that).
    const marked = 'li[data-item-id="identifiant"] .review-facts li.personal';
    expect(await editor.$eval('li[data-item-id="identifiant"] .target details', (details) => (details as HTMLDetailsElement).open)).toBe(
      true,
    );
    expect(await editor.$$eval(marked, (facts) => facts.map((fact) => fact.getAttribute('data-fact')))).toEqual(['name']);
    expect(await textOf(editor, `${marked} .fact-mark`)).toBe(`⚠ ${t('editor.target.personal', [t('editor.review.reason.email')])}`);
    expect(await editor.$$eval('li[data-item-id="identifiant"] .review-facts li', (facts) => facts.length)).toBeGreaterThan(5);

    // « Tester sur l'onglet »: the real overlay on the practice page, and the answer here.
    await editor.click('li[data-item-id="identifiant"] .test-target');
    expect(await textOf(editor, 'li[data-item-id="identifiant"] .test-result', t('editor.test.testing'))).toBe(t('editor.test.found'));

    // In a real browser, with layout and colours: no axe-core violation (contrast included).
    await editor.click('li[data-item-id="deja-un-compte"] .toggle');
    await editor.waitForSelector('#f-steps-0-choices-0-label', { timeout: WAIT_MS });
    expect(await axeViolations(editor)).toEqual([]);

    if (kind === 'chromium') {
      const session = await first.browser.target().createCDPSession();
      await session.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: downloads, eventsEnabled: true });
    } else {
      await editor.evaluate(() => {
        const create = URL.createObjectURL.bind(URL);
        const seen = window as unknown as { exported?: Promise<string> };
        URL.createObjectURL = (blob: Blob | MediaSource) => {
          if (blob instanceof Blob) seen.exported = blob.text();
          return create(blob);
        };
      });
    }
    await editor.click('button.export');
    // The marked fact holds the export back until it is answered: « Ce n'est pas une donnée personnelle ».
    await editor.waitForSelector('section.review-confirm', { timeout: WAIT_MS });
    // The panel takes the focus once drawn (Preact's effects run after the paint): waited for, not read at once.
    await editor.waitForFunction(() => document.activeElement?.id === 'review-title', { timeout: WAIT_MS });
    await editor.click('section.review-confirm .review-proceed');
    expect(await textOf(editor, 'section.review-confirm .review-missing')).toBe(t('editor.review.missing', ['1'], 1));
    await editor.waitForFunction(() => document.activeElement?.classList.contains('not-personal'), { timeout: WAIT_MS });
    expect(await axeViolations(editor)).toEqual([]);
    expect(existsSync(exported)).toBe(false);
    await editor.click('section.review-confirm input.not-personal');
    await editor.click('section.review-confirm .review-proceed');
    expect(await textOf(editor, '.notice')).toBe(t('editor.export.done', [`${COPY_ID}.json`]));
    if (kind === 'firefox') {
      const file = await editor.evaluate(() => (window as unknown as { exported?: Promise<string> }).exported ?? null);
      if (file === null) throw new Error('aucun fichier remis au lien de téléchargement');
      writeFileSync(exported, file);
    }
    const text = await waitUntil('le fichier exporté', async () => existsSync(exported) && readFileSync(exported, 'utf8'));
    const parsed = parseGuide(JSON.parse(text));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.guide).toMatchObject({ id: COPY_ID, title: NEW_TITLE, steps: expect.any(Array) });
    expect(parsed.guide.steps[1]).toMatchObject({ id: 'identifiant', instruction: NEW_INSTRUCTION });
    expect(parsed.guide.steps.length).toBe(practiceGuide().steps.length);
    expect(text).toBe(`${JSON.stringify(parsed.guide, null, 2)}\n`);
  });

  it('imports the exported file in a fresh profile', async () => {
    expect(existsSync(exported)).toBe(true);
    const fresh = await suite.relaunch();
    const editor = await fresh.openExtensionPage('editor.html');
    const t = await messagesOf(editor);
    await editor.waitForSelector('section.mine .empty', { timeout: WAIT_MS });
    const input = (await editor.waitForSelector('#import-file', { timeout: WAIT_MS })) as ElementHandle<HTMLInputElement> | null;
    if (!input) throw new Error('pas de champ pour choisir le fichier');
    await input.uploadFile(exported);
    expect(await textOf(editor, '.preview .preview-title')).toBe(NEW_TITLE);
    const count = practiceGuide().steps.length;
    expect(await textOf(editor, '.preview .preview-steps')).toBe(t('editor.import.stepCount', [String(count)], count));
    // What the review found, said before anything is saved; the save asks about it again.
    expect(await editor.$$eval('.preview .review-found-list li', (facts) => facts.length)).toBe(1);
    expect(await axeViolations(editor)).toEqual([]);
    await editor.click('.preview .import-confirm');
    await editor.waitForSelector('section.review-confirm input.not-personal', { timeout: WAIT_MS });
    expect(JSON.stringify((await fresh.storage()).userGuides ?? {})).not.toContain(COPY_ID);
    await editor.click('section.review-confirm input.not-personal');
    await editor.click('section.review-confirm .review-proceed');
    expect(await textOf(editor, '.saved [role="status"]')).toBe(t('editor.import.added', [NEW_TITLE]));
    expect(await textOf(editor, `section.mine li[data-guide-id="${COPY_ID}"] h3`)).toBe(NEW_TITLE);

    const stored = (await fresh.storage()).userGuides as {
      guides: Record<string, { guide: { title: string; steps: { instruction?: string }[] } }>;
    };
    expect(stored.guides[COPY_ID]?.guide.title).toBe(NEW_TITLE);
    expect(stored.guides[COPY_ID]?.guide.steps[1]?.instruction).toBe(NEW_INSTRUCTION);

    // Opened in the editor, it shows the edited text.
    await editor.click('.saved .edit-imported');
    await editor.waitForSelector('li[data-item-id="identifiant"] .toggle', { timeout: WAIT_MS });
    await editor.click('li[data-item-id="identifiant"] .toggle');
    await editor.waitForSelector('#f-steps-1-instruction', { timeout: WAIT_MS });
    expect(await editor.$eval('#f-steps-1-instruction', (t) => (t as HTMLTextAreaElement).value)).toBe(NEW_INSTRUCTION);

    // Back to the opening screen: the trainer removes it from « Mes guides », after saying yes.
    await editor.click('button.back');
    const mine = `section.mine li[data-guide-id="${COPY_ID}"]`;
    await editor.waitForSelector(`${mine} .remove-mine`, { timeout: WAIT_MS });
    await editor.click(`${mine} .remove-mine`);
    expect(await textOf(editor, `${mine} fieldset.confirm legend`)).toBe(t('editor.home.removeConfirm', [NEW_TITLE]));
    expect(await axeViolations(editor)).toEqual([]);
    expect(JSON.stringify((await fresh.storage()).userGuides ?? {})).toContain(COPY_ID);
    await editor.click(`${mine} .confirm-yes`);
    expect(await textOf(editor, 'header .status')).toBe(t('editor.home.removed', [NEW_TITLE]));
    await editor.waitForSelector('section.mine .empty', { timeout: WAIT_MS });
    expect(JSON.stringify((await fresh.storage()).userGuides ?? {})).not.toContain(COPY_ID);
    expect(await editor.evaluate(() => document.activeElement?.id)).toBe('mine-title');
  });
});
