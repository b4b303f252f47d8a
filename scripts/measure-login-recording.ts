/**
 * What a trainer gets when recording the DSFR 1.14.4 login flow, in real
 * Chromium with the practice build of the extension (a private copy of it, as
 * the e2e harness does): start recording from the popup, type an identifiant
 * and a password, tick « Se souvenir de moi », click « Se connecter » (trusted
 * input, as a person would), stop from the recording bar, and read the draft
 * handed to the editor (`editor:incoming`).
 *
 * Prints: the wall-clock time from « start recording » to « draft ready »; the
 * draft's steps; the plain-language assistant's advice (`checkGuide`); whether
 * the draft validates with `parseGuide`. Not a test: it measures and tells.
 *
 *   npx tsx scripts/measure-login-recording.ts
 */
import type { Page } from 'puppeteer-core';
import { type ExtensionBrowser, launchWithExtension, type PracticeSites, startPracticeSites, WAIT_MS } from '../tests/e2e/harness';
import { checkGuide } from '../utils/authoring/plain-language';
import { parseGuide } from '../utils/guide/parse';
import type { Guide } from '../utils/guide/schema';

const LOGIN_PAGE = '/1.14.4/example/layout/page/login/1-default/index.html';
// Made-up values, only typed into the practice page: the recorder must keep none of them.
const TYPED_USER = 'jeanne.martin@example.fr';
const TYPED_SECRET = 'Tr3s-S3cret!mesure';
const BAR = 'cote-a-cote-recorder';

/** Milliseconds since `from`, rounded. */
const since = (from: number): string => `${(performance.now() - from).toFixed(0)} ms`;

/** Waits, from an extension page, until the recording's draft has a click on « Se connecter »; returns the action list. */
async function waitForSubmitRecorded(page: Page): Promise<string[]> {
  const handle = await page.waitForFunction(
    async () => {
      type Api = { storage: { local: { get(key: string): Promise<Record<string, unknown>> } } };
      const scope = globalThis as unknown as { browser?: Api; chrome?: Api };
      const value = (await (scope.browser ?? scope.chrome)!.storage.local.get('recording')).recording as
        | { draft?: { action: string; instruction: string }[] }
        | undefined;
      const draft = value?.draft ?? [];
      const done = draft.some((step) => step.action === 'click' && step.instruction.includes('Se connecter'));
      return done ? draft.map((step) => step.action) : false;
    },
    { timeout: WAIT_MS, polling: 50 },
  );
  return (await handle.jsonValue()) as string[];
}

async function main(): Promise<void> {
  let sites: PracticeSites | undefined;
  let ext: ExtensionBrowser | undefined;
  try {
    sites = await startPracticeSites();
    ext = await launchWithExtension('chromium');
    const page = await ext.newPage('login page');
    await page.goto(`${sites.guided}${LOGIN_PAGE}`, { waitUntil: 'load' });
    // « Enregistrer cette démarche » in the popup.
    const popup = await ext.openPopup(page);
    const startButton = popup.locator('section.recorder button.record-start').setTimeout(WAIT_MS);
    await startButton.wait();
    const t0 = performance.now();
    await startButton.click();
    await page.waitForSelector(`${BAR} >>> .bar`, { timeout: WAIT_MS });
    const barShown = since(t0);
    await popup.close().catch(() => undefined);

    // The person's actions.
    await page.bringToFront();
    const tActions = performance.now();
    await page.type('input[name=username]', TYPED_USER);
    await page.type('input[name=password]', TYPED_SECRET);
    const remember = await page.$('input[name=remember]');
    let rememberTicked = false;
    if (remember) {
      // DSFR draws the box on the label: a person clicks « Se souvenir de moi ».
      const id = await remember.evaluate((input) => input.id);
      await page.click(`label[for="${id}"]`);
      rememberTicked = await remember.evaluate((input) => (input as HTMLInputElement).checked);
    }
    const reloaded = page.waitForNavigation({ waitUntil: 'load', timeout: WAIT_MS });
    await page.click('button[type=submit]');
    await reloaded;
    const actionsTime = since(tActions);
    const storagePage = await ext.openExtensionPage('popup.html');
    // Opened after the popup, as in the e2e test (the toolbar popup would not take the click otherwise).
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

    const recordedActions = await waitForSubmitRecorded(storagePage);
    // The recording followed to the reloaded page: its bar is back.
    await page.waitForSelector(`${BAR} >>> .bar`, { timeout: WAIT_MS });

    // « Arrêter » on the bar (the page must be in front to get animation frames).
    await page.bringToFront();
    const tStop = performance.now();
    await page.click(`${BAR} >>> button`);
    const incoming = (await (
      await storagePage.waitForFunction(() => (globalThis as { incoming?: unknown }).incoming ?? false, { timeout: WAIT_MS, polling: 20 })
    ).jsonValue()) as { guide: Guide; at: number };
    const total = since(t0);
    const stopToDraft = since(tStop);
    const draft = incoming.guide;

    console.log('== Enregistrement de la connexion DSFR 1.14.4 (Chromium, version d’entraînement) ==');
    console.log(`« Se souvenir de moi » présent : ${remember ? 'oui' : 'non'} ; coché : ${rememberTicked ? 'oui' : 'non'}`);
    console.log(`Actions enregistrées pendant la démarche : ${recordedActions.join(', ')}`);
    console.log('\n-- (1) Temps (horloge murale) --');
    console.log(`clic « Enregistrer » → barre affichée : ${barShown}`);
    console.log(`actions de la personne (saisie + clics + rechargement) : ${actionsTime}`);
    console.log(`clic « Arrêter » → brouillon prêt (editor:incoming) : ${stopToDraft}`);
    console.log(`TOTAL clic « Enregistrer » → brouillon prêt : ${total}`);

    console.log('\n-- (2) Brouillon --');
    console.log(`id : ${draft.id} | titre : ${draft.title} | statut : ${JSON.stringify(draft.status)}`);
    console.log(`résumé : ${draft.summary}`);
    console.log(
      `sites : ${JSON.stringify(draft.sites)} | durée : ${draft.durationMinutes} min | prepare : ${JSON.stringify(draft.prepare)}`,
    );
    draft.steps.forEach((item, i) => {
      if (item.kind === 'step') {
        console.log(`steps[${i}] ${item.id} | ${item.action} | sensible : ${item.sensitive} | page : ${item.page ?? '(toute page)'}`);
        console.log(`   instruction : ${item.instruction}`);
        if (item.why) console.log(`   why : ${item.why}`);
        if (item.advisorTip) console.log(`   advisorTip : ${item.advisorTip}`);
        const target = item.target as Record<string, unknown> | undefined;
        if (target) console.log(`   cible : ${JSON.stringify(target)}`);
      } else if (item.kind === 'end') {
        console.log(`steps[${i}] ${item.id} | end | message : ${item.message ?? '(aucun)'}`);
      } else if (item.kind === 'guide') {
        console.log(`steps[${i}] ${item.id} | guide ${item.guide} : ${item.instruction}`);
      } else {
        console.log(`steps[${i}] ${item.id} | question : ${item.question}`);
      }
    });

    console.log('\n-- (3) Conseils de l’assistant de langage clair (checkGuide) --');
    const advice = checkGuide(draft);
    if (advice.length === 0) console.log('aucun conseil');
    for (const text of advice) {
      for (const one of text.advice) {
        console.log(`${text.path} [${one.rule}] ${one.message}${one.suggestion ? ` (suggestion : ${one.suggestion})` : ''}`);
      }
    }

    console.log('\n-- (4) Validation parseGuide --');
    const parsed = parseGuide(draft);
    if (parsed.ok) console.log('valide');
    else for (const problem of parsed.problems) console.log(`problème : ${problem.message}`);

    const leaked = JSON.stringify(incoming).includes(TYPED_USER) || JSON.stringify(incoming).includes(TYPED_SECRET);
    console.log(`\nValeur tapée dans le brouillon : ${leaked ? 'OUI (fuite !)' : 'non'}`);
    const errors = ext.errors.takeUnexpected();
    console.log(`Erreurs de l’extension : ${errors.length === 0 ? 'aucune' : JSON.stringify(errors)}`);
  } finally {
    await ext?.close().catch(() => undefined);
    await sites?.close().catch(() => undefined);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
