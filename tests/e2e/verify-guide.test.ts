import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { parseGuide } from '../../utils/guide/parse';
import type { Guide } from '../../utils/guide/schema';
import {
  axeViolations,
  type BrowserKind,
  extensionSuite,
  inExtensionPage,
  messagesOf,
  PRACTICE_START_PAGE,
  practiceSitesSuite,
  sendMessage,
  storageIn,
  type Translate,
  tabIdOf,
  WAIT_MS,
  waitUntil,
} from './harness';
import { clickAsPerson, typeAsPerson } from './playback/gestures';
import { clickBubbleButton, waitForBubbleText, waitForOverlay, waitForSpotlightOn } from './playback/overlay';
import { runOfTab } from './playback/runs';

/**
 * « Vérifier ce guide sur le site », end to end in Chromium and Firefox: a
 * guide recorded on the DSFR 1.9.3 example pages, with two steps broken on
 * purpose (a field whose label no longer exists, a text that is gone), is
 * checked by a trainer on the DSFR 1.14.4 pages. The trainer does the
 * procedure in the site's tab (trusted clicks and keys); the editor says each
 * step's outcome. The trainer re-points the field with one click on the site
 * and rewrites the other step's instruction; at the end the guide is saved
 * verified, with its new version, and its printable report lists both fixes.
 * Then the guide plays to its end on the same pages, as a person would do it.
 */

const GUIDE = JSON.parse(readFileSync(resolve(import.meta.dirname, 'fixtures/verify-guide.json'), 'utf8')) as Guide;
const IDENTITY_PAGE = PRACTICE_START_PAGE.replace('2a-login', '2b-identity');
const NEW_TEXT = 'Lisez le haut de la page. Il dit quelles cases remplir.';

/** Replaces the text of a field by typing, as a person would (select all, then type). */
async function retype(page: Page, selector: string, text: string) {
  await page.click(selector);
  await page.keyboard.down('Control');
  await page.keyboard.press('a');
  await page.keyboard.up('Control');
  await page.keyboard.type(text);
}

/** The text of an element once it is one of `wanted`. */
function textBecomes(page: Page, selector: string, wanted: readonly string[]): Promise<string> {
  return page
    .waitForFunction(
      (s, w) => {
        const text = document.querySelector(s)?.textContent?.trim() ?? '';
        return w.includes(text) ? text : null;
      },
      { timeout: WAIT_MS },
      selector,
      wanted,
    )
    .then((handle) => handle.jsonValue() as Promise<string>);
}

/** The editor's walk is at the item `id`, and says the outcome of its step (one of `outcomes`). */
async function outcomeAt(editor: Page, id: string, outcomes: readonly string[]): Promise<string> {
  await editor.waitForSelector(`.verify-walk[data-item-id="${id}"]`, { timeout: WAIT_MS });
  return textBecomes(editor, '.verify-walk .verify-outcome', outcomes);
}

/** The form was sent: the tab shows the identity page, set up by its own script. */
async function onIdentityPage(page: Page) {
  await waitUntil('la page « identité »', async () => new URL(page.url()).pathname === IDENTITY_PAGE);
  await page.waitForSelector('input[name="family-name"]', { timeout: WAIT_MS });
  await page.waitForSelector('html[data-fr-js="true"]', { timeout: WAIT_MS });
}

/** Moves the walk on, from the editor. */
async function next(editor: Page) {
  await editor.bringToFront();
  await editor.click('.verify-walk .verify-next');
}

describe.each<BrowserKind>(['chromium', 'firefox'])('checking a guide on the site (%s)', (kind) => {
  const sites = practiceSitesSuite();
  const suite = extensionSuite(kind);

  it('re-points one step, rewrites another, saves the guide verified with its report, and the guide then plays to its end', async () => {
    const ext = suite.ext;
    const site = suite.track(await ext.newPage('site'));
    await site.setViewport({ width: 1280, height: 1000 });
    await site.goto(`${sites.guided}${PRACTICE_START_PAGE}`, { waitUntil: 'load' });
    await site.waitForSelector('html[data-fr-js="true"]', { timeout: WAIT_MS });

    // The guide recorded on 1.9.3 is one of « Mes guides » (as after an import), opened in the editor.
    const savedFirst = await inExtensionPage(ext, (page) =>
      sendMessage(page, { type: 'userGuides:save', guide: GUIDE, origin: 'imported' }),
    );
    expect(savedFirst).toMatchObject({ ok: true });
    const editor = suite.track(await ext.openExtensionPage('editor.html'));
    const t: Translate = await messagesOf(editor);
    await editor.waitForSelector(`section.mine li[data-guide-id="${GUIDE.id}"] .edit-mine`, { timeout: WAIT_MS });
    await editor.click(`section.mine li[data-guide-id="${GUIDE.id}"] .edit-mine`);
    await editor.waitForSelector('.verify-start:not([disabled])', { timeout: WAIT_MS });
    const misses = [t('verify.outcome.notFound'), t('verify.outcome.ambiguous')];
    const found = [t('verify.outcome.found')];

    // Step 1: the label « Adresse électronique » no longer exists on 1.14.4.
    await editor.click('.verify-start');
    const first = await outcomeAt(editor, 'identifiant', [...misses, ...found]);
    expect(misses, 'the field recorded on 1.9.3 is not found on 1.14.4').toContain(first);
    // The focus is on the step's heading: the keyboard and the screen reader follow the walk.
    await editor.waitForFunction(() => document.activeElement?.classList.contains('verify-where'), { timeout: WAIT_MS });
    expect(await axeViolations(editor)).toEqual([]);

    // « Montrer le bon élément »: one click on the field in the site's tab.
    await editor.click('.verify-walk .verify-pick');
    await editor.waitForSelector('.verify-picking', { timeout: WAIT_MS });
    await site.bringToFront();
    await clickAsPerson(site, 'input[name="username"]');
    await editor.bringToFront();
    await editor.waitForSelector('.verify-walk .verify-fixes li[data-fix="repointed"]', { timeout: WAIT_MS });
    expect(await textBecomes(editor, '.verify-walk .verify-outcome', found)).toBe(found[0]);
    // The overlay shows the step on its new target, on the site.
    await site.bringToFront();
    await waitForSpotlightOn(site, 'input[name="username"]');
    await site.keyboard.type('essai.verification@exemple.fr');

    // Steps 2 and 3 are still right: the trainer fills the password and sends the form.
    await next(editor);
    expect(await outcomeAt(editor, 'mot-de-passe', [...misses, ...found])).toBe(found[0]);
    await site.bringToFront();
    await typeAsPerson(site, 'input[name="password"]', 'Un-mot-de-passe-d-essai-42!');
    await next(editor);
    expect(await outcomeAt(editor, 'valider-identifiant', [...misses, ...found])).toBe(found[0]);
    await site.bringToFront();
    await clickAsPerson(site, 'form button[type="submit"]');
    await onIdentityPage(site);

    // Step 4: the text is gone. The trainer rewrites the instruction; an empty one is refused as the editor refuses it.
    await next(editor);
    const fourth = await outcomeAt(editor, 'lire-consigne', [...misses, ...found]);
    expect(misses).toContain(fourth);
    await editor.click('.verify-walk .verify-rewrite');
    await editor.waitForSelector('#verify-instruction', { timeout: WAIT_MS });
    await retype(editor, '#verify-instruction', ' ');
    await editor.click('.verify-rewrite-keep');
    await editor.waitForSelector('#verify-instruction-problems li', { timeout: WAIT_MS });
    expect(await editor.$eval('#verify-instruction', (area) => area.getAttribute('aria-invalid'))).toBe('true');
    await retype(editor, '#verify-instruction', NEW_TEXT);
    await editor.click('.verify-rewrite-keep');
    await editor.waitForSelector('.verify-walk .verify-fixes li[data-fix="rewritten"]', { timeout: WAIT_MS });
    expect(await editor.$eval('.verify-walk .verify-text', (p) => p.textContent)).toBe(NEW_TEXT);

    // Step 5, then the end.
    await next(editor);
    expect(await outcomeAt(editor, 'nom', [...misses, ...found])).toBe(found[0]);
    await site.bringToFront();
    await typeAsPerson(site, 'input[name="family-name"]', 'Essai');
    await next(editor);
    await editor.waitForSelector('.verify-walk[data-item-id="fin"] .verify-finish', { timeout: WAIT_MS });
    await editor.click('.verify-finish');
    // A fact that looks like someone's data (the field's hint « nom@domaine.fr ») is asked about before the save.
    const review = await editor.waitForSelector('section.review-confirm, .verify-finished', { timeout: WAIT_MS });
    if (await review?.evaluate((node) => node.matches('section.review-confirm'))) {
      for (const box of await editor.$$('section.review-confirm input.not-personal')) await box.click();
      await editor.click('section.review-confirm .review-proceed');
    }
    await textBecomes(editor, '.notice', [t('editor.mine.saved', [GUIDE.title])]);

    // The guide kept in « Mes guides »: verified against the site's host, today, version 1.1.0, with both fixes.
    const stored = (await storageIn(editor, 'userGuides')).userGuides as { guides: Record<string, { guide: unknown }> };
    const parsed = parseGuide(stored.guides[GUIDE.id]?.guide);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const saved = parsed.guide;
    expect(saved.version).toBe('1.1.0');
    expect(saved.status).toMatchObject({ state: 'verified', against: '127.0.0.1', on: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    const byId = (id: string) => saved.steps.find((item) => item.id === id);
    expect(byId('identifiant')).toMatchObject({ target: { tag: 'input', nameAttr: 'username' } });
    expect(JSON.stringify(byId('identifiant'))).not.toContain('essai.verification');
    expect(byId('lire-consigne')).toMatchObject({ instruction: NEW_TEXT });
    expect(JSON.stringify(saved)).not.toContain('Un-mot-de-passe');

    // The printable report: the site, the date, every step's outcome, the two fixes.
    const link = await editor.$eval('.verify-finished a.verify-report', (a) => (a as HTMLAnchorElement).getAttribute('href'));
    expect(link).toBe(`/report.html?guide=${GUIDE.id}`);
    const report = suite.track(await ext.openExtensionPage(`report.html?guide=${GUIDE.id}`));
    await report.waitForSelector('table.report-steps', { timeout: WAIT_MS });
    expect(await report.$eval('.report-site', (li) => li.textContent)).toBe(t('report.site', ['127.0.0.1']));
    expect(await report.$eval('.count-repointed', (dd) => dd.textContent)).toBe('1');
    expect(await report.$eval('.count-rewritten', (dd) => dd.textContent)).toBe('1');
    const rows = await report.$$eval('tr.report-line', (trs) =>
      trs.map((tr) => ({
        id: tr.getAttribute('data-item-id'),
        outcome: tr.getAttribute('data-outcome'),
        fixes: [...tr.querySelectorAll('li[data-fix]')].map((li) => li.getAttribute('data-fix')),
      })),
    );
    expect(rows).toEqual([
      { id: 'identifiant', outcome: expect.stringMatching(/^(not-found|ambiguous)$/), fixes: ['repointed'] },
      { id: 'mot-de-passe', outcome: 'found', fixes: [] },
      { id: 'valider-identifiant', outcome: 'found', fixes: [] },
      { id: 'lire-consigne', outcome: expect.stringMatching(/^(not-found|ambiguous)$/), fixes: ['rewritten'] },
      { id: 'nom', outcome: 'found', fixes: [] },
      { id: 'fin', outcome: null, fixes: [] },
    ]);
    expect(await axeViolations(report)).toEqual([]);

    // The verified guide plays to its end on the 1.14.4 pages: the person does each step.
    const person = suite.track(await ext.newPage('person'));
    // Tall enough that every field of the form is in view: the person clicks without scrolling.
    await person.setViewport({ width: 1280, height: 1000 });
    await person.goto(`${sites.guided}${PRACTICE_START_PAGE}`, { waitUntil: 'load' });
    await person.waitForSelector('html[data-fr-js="true"]', { timeout: WAIT_MS });
    const tabId = await tabIdOf(report, person);
    // In front before the run starts: a tab in the background gets no animation frames, and the overlay follows on those.
    await person.bringToFront();
    expect(await sendMessage(report, { type: 'run:start', tabId, guideId: GUIDE.id, mode: 'advisor', level: 'guided' })).toMatchObject({
      ok: true,
    });
    await waitForSpotlightOn(person, 'input[name="username"]');
    await typeAsPerson(person, 'input[name="username"]', 'essai.verification@exemple.fr');
    await waitForSpotlightOn(person, 'input[name="password"]');
    await typeAsPerson(person, 'input[name="password"]', 'Un-mot-de-passe-d-essai-42!');
    await waitForSpotlightOn(person, 'form button[type="submit"]');
    await clickAsPerson(person, 'form button[type="submit"]');
    await onIdentityPage(person);
    // The rewritten step: its text is enough on its own; « C'est fait » moves on.
    await waitForBubbleText(person, NEW_TEXT);
    await clickBubbleButton(person, t('overlay.done'));
    await waitForSpotlightOn(person, 'input[name="family-name"]');
    await typeAsPerson(person, 'input[name="family-name"]', 'Essai');
    await waitForOverlay(person, 'la fin du guide', (state) => state.dialog && state.text === 'C’est fini : votre identifiant est choisi.');
    const run = await waitUntil('le parcours est fini', async () => {
      const current = await runOfTab(ext, tabId, person);
      return current?.status === 'finished' ? current : null;
    });
    expect(run.history.map((visit) => visit.id)).toEqual(['identifiant', 'mot-de-passe', 'valider-identifiant', 'lire-consigne', 'nom']);
  });
});
