/**
 * The bundled FranceConnect guide, end to end (Chromium and Firefox ESR), on
 * the FranceConnect practice pages (scripts/practice-franceconnect.ts): its
 * sites rewritten to the practice server in this test only, it is played from
 * the service's login page — the DSFR FranceConnect button — through the
 * account choice, a provider's login page and the consent page, to
 * « Continuer sur … ». The person acts with trusted input only; the targets
 * written from documentation are found and ringed on the practice pages; the
 * text-only step is done with « C'est fait »; nothing typed is kept.
 */
import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { FC_PAGES, FC_SERVICE } from '../../scripts/practice-franceconnect';
import { readGuides } from '../../utils/catalogue/build';
import type { Guide, GuideItem } from '../../utils/guide/schema';
import type { Run } from '../../utils/run';
import { type BrowserKind, extensionSuite, messages, practiceSitesSuite, storageIn, waitForState } from './harness';
import { clickAsPerson, typeAsPerson } from './playback/gestures';
import { clickBubbleButton, readOverlay, waitForBubbleText, waitForSpotlightOn } from './playback/overlay';
import { startSavedGuide } from './playback/start';

const bundled = readGuides().find((guide) => guide.id === 'franceconnect-se-connecter');
if (!bundled) throw new Error('the FranceConnect guide is not bundled');

/** The bundled guide, its sites rewritten to the practice server (this test only), as one of « Mes guides ». */
const GUIDE: Guide = { ...structuredClone(bundled), id: 'franceconnect-entrainement', sites: ['http://127.0.0.1/*'] };

function item(id: string): GuideItem {
  const found = GUIDE.steps.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no item ${id}`);
  return found;
}
const instruction = (id: string) => {
  const step = item(id);
  if (step.kind !== 'step') throw new Error(`${id} is not a step`);
  return step.instruction;
};
const question = (id: string) => {
  const asked = item(id);
  if (asked.kind !== 'question') throw new Error(`${id} is not a question`);
  return asked;
};

/** What the person types on the provider's page: it must be nowhere in the extension's storage afterwards. */
const TYPED = { username: 'camille.exemple-7731@exemple.fr', password: 'Secret-Mot-De-Passe-4412' };

const sites = practiceSitesSuite();

describe.each<BrowserKind>(['chromium', 'firefox'])('%s: se connecter avec FranceConnect, on the practice pages', (kind) => {
  const suite = extensionSuite(kind);

  const runIn = async (control: Page, tabId: number) =>
    ((await storageIn(control, `run:${tabId}`))[`run:${tabId}`] as Run | undefined) ?? null;

  it('plays from the service’s FranceConnect button to « Continuer sur … », each documented target ringed on its page', async () => {
    const page = suite.track(await suite.ext.newPage('service login page'));
    await page.goto(`${sites.guided}${FC_PAGES.login}`, { waitUntil: 'load' });
    await page.waitForSelector('html[data-fr-js="true"]');

    const { control, tabId } = await startSavedGuide(suite, page, GUIDE);

    // « Avez-vous déjà un compte… ? » — yes.
    const account = question('compte-existant');
    const asked = await waitForBubbleText(page, account.question);
    const t = await messages(asked.lang ?? 'fr');
    expect(asked.choices).toEqual(account.choices.map((choice) => choice.label));
    await clickBubbleButton(page, account.choices[0]?.label as string);

    // The DSFR FranceConnect button, found by its class and its words, ringed; the person presses it.
    await waitForBubbleText(page, instruction('bouton-franceconnect'));
    const button = await waitForSpotlightOn(page, 'button.fr-connect');
    expect(button.state.missing).toBeNull();
    await clickAsPerson(page, 'button.fr-connect');

    // FranceConnect's account choice: the question lists today's providers; the person says Ameli.fr, then presses its tile.
    await page.waitForFunction((path) => location.pathname === path, {}, FC_PAGES.choice);
    const providers = question('quel-compte');
    const choice = await waitForBubbleText(page, providers.question);
    expect(choice.choices).toEqual([
      'impots.gouv.fr',
      'Ameli.fr',
      'L’Identité Numérique La Poste',
      'MSA (Mutualité sociale agricole)',
      'France Identité',
      'Yris',
    ]);
    await clickBubbleButton(page, 'Ameli.fr');
    await waitForBubbleText(page, instruction('choisir-ameli'));
    await waitForSpotlightOn(page, 'button[value="ameli"]');
    await clickAsPerson(page, 'button[value="ameli"]');

    // The provider's page: a text-only step (nothing to ring). The person logs in there, then says « C'est fait ».
    await page.waitForFunction((path) => location.pathname === path, {}, FC_PAGES.provider('ameli'));
    const provider = await waitForBubbleText(page, instruction('identifiants-ameli'));
    expect(provider.spot).toBe(false);
    await typeAsPerson(page, '#username', TYPED.username);
    await typeAsPerson(page, '#password', TYPED.password);
    await clickAsPerson(page, 'form button[type="submit"]');
    await page.waitForFunction((path) => location.pathname === path, {}, FC_PAGES.consent);
    // Still the same step on the next page: only the person says it is done.
    await waitForBubbleText(page, instruction('identifiants-ameli'));
    await clickBubbleButton(page, t('overlay.done'));

    // The consent page: the name to check (ringed heading, « C'est fait »), the consent box, « Continuer sur … ».
    await waitForBubbleText(page, instruction('verifier-nom'));
    await waitForSpotlightOn(page, 'main h1');
    await clickBubbleButton(page, t('overlay.done'));
    await waitForBubbleText(page, instruction('accepter'));
    await waitForSpotlightOn(page, '#consent');
    await clickAsPerson(page, '#consent');
    await waitForBubbleText(page, instruction('continuer'));
    const continuer = await waitForSpotlightOn(page, 'form button.fr-btn--lg');
    expect(continuer.state.missing).toBeNull();
    expect(await page.$eval('form button.fr-btn--lg', (b) => b.textContent)).toBe(`Continuer sur ${FC_SERVICE}`);
    await clickAsPerson(page, 'form button.fr-btn--lg');

    // Back on the service, logged in: the run is over, by the path the person took.
    const finished = await waitForState(
      'le parcours va au bout',
      () => runIn(control, tabId),
      (run) => run?.status === 'finished',
    );
    expect(finished?.currentId).toBe('fin');
    expect(finished?.history.map((visit) => visit.id)).toEqual([
      'compte-existant',
      'bouton-franceconnect',
      'quel-compte',
      'choisir-ameli',
      'identifiants-ameli',
      'verifier-nom',
      'accepter',
      'continuer',
    ]);
    // The run ends on the click itself; the service's page comes after.
    await page.waitForFunction((path) => location.pathname === path, {}, FC_PAGES.loggedIn);
    const end = item('fin');
    await waitForBubbleText(page, end.kind === 'end' ? (end.message as string) : '');
    expect((await readOverlay(page)).dialog).toBe(true);

    // Nothing the person typed was kept by the extension.
    const stored = JSON.stringify(await storageIn(control));
    expect(stored).not.toContain(TYPED.username);
    expect(stored).not.toContain(TYPED.password);
  });
});
