import { describe, expect, it } from 'vitest';
import type { ActionStep } from '../../utils/guide/schema';
import { type BrowserKind, extensionSuite, openPracticePage, practiceGuide, practiceSitesSuite, WAIT_MS, waitUntil } from './harness';
import { clickAsPerson, typeAsPerson } from './playback/gestures';
import {
  boxOf,
  bubbleButtonIsHitTarget,
  clickBubbleButton,
  inViewport,
  readOverlay,
  waitForBubbleText,
  waitForOverlay,
  waitForSpotlightOn,
} from './playback/overlay';
import { PRACTICE_QUESTION } from './playback/person';
import { runOfTab } from './playback/runs';
import { beginPractice, startFromPopup } from './playback/start';

/**
 * The overlay on real pages: what it shows when a step's target is missing,
 * and how its spotlight and bubble stay on the target while the page moves
 * (scroll, a fixed header, a scrolling box, the page's own modal dialog).
 */

const guide = practiceGuide();
const step = (id: string): ActionStep => {
  const item = guide.steps.find((candidate) => candidate.id === id);
  if (item?.kind !== 'step') throw new Error(`pas d’étape ${id} dans le guide d’entraînement`);
  return item;
};
const ADDRESS_PAGE = '/1.14.4/example/layout/page/register/2-steps/2c-address/index.html';
/** The address field's row (label, field, messages) on the DSFR 1.14.4 address page. */
const ADDRESS_ROW = '.fr-fieldset__element:has(> .fr-input-group > #address-8970)';

/**
 * Test code in the page (not the extension): on the address page, the address
 * field's row is taken out of the page as soon as the document is parsed,
 * before the content script runs, and kept to be put back later.
 */
function removeAddressRowOnLoad(row: string): void {
  if (!location.pathname.endsWith('/2c-address/index.html')) return;
  document.addEventListener('DOMContentLoaded', () => {
    const element = document.querySelector(row);
    if (!element?.parentElement) return;
    (window as unknown as { __cacRemoved: unknown }).__cacRemoved = { element, parent: element.parentElement, next: element.nextSibling };
    element.remove();
  });
}

const sites = practiceSitesSuite();

describe.each<BrowserKind>(['chromium', 'firefox'])('%s: the overlay on the page', (kind) => {
  const suite = extensionSuite(kind);

  it('says it cannot find a missing target, rings nothing, and finds it again once it is back', async () => {
    const page = await openPracticePage(suite, sites.guided, (p) => p.evaluateOnNewDocument(removeAddressRowOnLoad, ADDRESS_ROW));
    const { tabId, t } = await beginPractice(suite.ext, page);

    // The person goes ahead to the address page: the run follows to its first step, whose field is missing.
    const address = step('adresse');
    await page.goto(`${sites.guided}${ADDRESS_PAGE}`, { waitUntil: 'load' });
    expect(await page.$('#address-8970'), 'the test removed the field').toBeNull();
    const missing = await waitForOverlay(
      page,
      'la bulle dit que la cible est introuvable',
      (state) => state.text === address.instruction && !!state.missing,
    );
    expect(missing.missing).toBe(t('overlay.notFound'));
    expect(missing.buttons.map((b) => b.text)).toEqual(expect.arrayContaining([t('overlay.done'), t('overlay.searchAgain')]));
    expect(missing.buttons.map((b) => b.text)).not.toContain(t('overlay.cantFind'));
    // No ring, no dimmed page: nothing else is shown in its place.
    expect(missing.spot).toBe(false);
    expect(missing.ring).toBeNull();
    expect(await inViewport(page, missing.bubble), 'the bubble is in the window').toBe(true);
    expect((await runOfTab(suite.ext, tabId, page))?.currentId).toBe(address.id);

    // « Chercher à nouveau » while it is still missing: searched again, still nothing ringed.
    await clickBubbleButton(page, t('overlay.searchAgain'));
    const again = await waitForBubbleText(page, address.instruction);
    expect(again.missing).toBe(t('overlay.notFound'));
    expect(again.spot).toBe(false);

    // The field comes back (a page re-rendering its form): the watch finds it by itself.
    await page.evaluate(() => {
      const removed = (window as unknown as { __cacRemoved: { element: Element; parent: Element; next: Node | null } }).__cacRemoved;
      removed.parent.insertBefore(removed.element, removed.next);
    });
    const { state: found } = await waitForSpotlightOn(page, '#address-8970');
    expect(found.missing).toBeNull();
    expect(found.buttons.map((b) => b.text)).toContain(t('overlay.cantFind'));

    // And the step is followed on it: the person fills it, the next step shows by itself.
    await typeAsPerson(page, '#address-8970', '12 rue des Lilas');
    await waitForBubbleText(page, step('code-postal').instruction);
    expect((await runOfTab(suite.ext, tabId, page))?.history.at(-1)).toMatchObject({ id: address.id, how: 'done' });
  });

  it('after « Terminer », a new run in the same tab, without a reload, shows its first step in one overlay', async () => {
    const page = await openPracticePage(suite, sites.guided);
    const { tabId, t } = await beginPractice(suite.ext, page);
    const { question, noAccount, hasAccount } = PRACTICE_QUESTION;

    // Back to the question, to the answer that ends the guide, and « Terminer » on the end screen.
    await clickBubbleButton(page, t('overlay.back'));
    await waitForBubbleText(page, question.question);
    await clickBubbleButton(page, hasAccount.label);
    await waitForOverlay(page, 'the end screen', (state) => state.buttons.some((b) => b.text === t('overlay.finish')));
    await clickBubbleButton(page, t('overlay.finish'));
    await waitForOverlay(page, 'nothing of ours left in the page', (state) => state.hosts === 0);
    await waitUntil('the run left the tab', async () => (await runOfTab(suite.ext, tabId, page)) === null);

    // A new run in the same tab, the page not reloaded: the bubble shows its question, then its first step.
    expect(await startFromPopup(suite.ext, page)).toBe(tabId);
    const asked = await waitForBubbleText(page, question.question);
    expect(asked.hosts, 'one overlay in the page: the stopped copy put nothing back').toBe(1);
    await clickBubbleButton(page, noAccount.label);
    const first = step(noAccount.next);
    const shown = await waitForBubbleText(page, first.instruction);
    expect(shown.hosts).toBe(1);
  });

  it('keeps the spotlight on its target through a scroll, a fixed header, a scrolling box and the page’s modal', async () => {
    const page = await openPracticePage(suite, sites.guided);
    const { tabId, t } = await beginPractice(suite.ext, page);
    const target = '#username-8608';
    const first = await waitForSpotlightOn(page, target);

    /** The bubble is in the window and its « C'est fait » gets a click at its centre. */
    const bubbleUsable = async () => {
      const state = await readOverlay(page);
      return (await inViewport(page, state.bubble)) && (await bubbleButtonIsHitTarget(page, t('overlay.done')));
    };
    expect(await bubbleUsable()).toBe(true);

    // 1. The window scrolls (the harness scrolls, as a wheel would).
    await page.evaluate(() => window.scrollBy(0, 120));
    const scrolled = await waitForSpotlightOn(page, target);
    // Firefox scrolls by whole device pixels: within 2 px.
    expect(Math.abs(first.target.y - scrolled.target.y - 120), 'the target moved with the scroll').toBeLessThanOrEqual(2);
    expect(await bubbleUsable()).toBe(true);

    // 2. A fixed header of the page over the target: the ring stays on the target, drawn above the header.
    await page.evaluate(() => {
      const header = document.createElement('div');
      header.id = 'e2e-fixed-header';
      header.textContent = 'En-tête fixe';
      header.style.cssText = 'position:fixed;top:0;left:0;right:0;height:140px;background:#ddd;z-index:2000';
      document.body.append(header);
    });
    await page.evaluate((css) => {
      // Bring the target under the header.
      const r = document.querySelector(css)?.getBoundingClientRect();
      if (r) window.scrollBy(0, r.top - 60);
    }, target);
    const underHeader = await waitForSpotlightOn(page, target);
    expect(underHeader.target.y).toBeLessThan(140);
    expect(await bubbleUsable()).toBe(true);
    await page.evaluate(() => document.getElementById('e2e-fixed-header')?.remove());

    // 3. The form inside a small scrolling box, scrolled: the ring follows the box's scroll.
    await page.evaluate(() => {
      const form = document.getElementById('login-8612');
      if (!form?.parentElement) throw new Error('formulaire absent');
      const box = document.createElement('div');
      box.id = 'e2e-scroll-box';
      box.style.cssText = 'height:220px;overflow:auto;border:2px solid #000';
      form.parentElement.insertBefore(box, form);
      box.append(form);
      box.scrollIntoView({ block: 'start', behavior: 'instant' });
    });
    const inBox = await waitForSpotlightOn(page, target);
    await page.evaluate(() => {
      const box = document.getElementById('e2e-scroll-box');
      if (box) box.scrollTop += 60;
    });
    const boxScrolled = await waitForSpotlightOn(page, target);
    expect(Math.abs(inBox.target.y - boxScrolled.target.y - 60), 'the target moved with the box').toBeLessThanOrEqual(2);
    expect(await bubbleUsable()).toBe(true);

    // 4. The page's own modal (« Paramètres d'affichage »), opened by the person with its button.
    await clickAsPerson(page, '.fr-display-button');
    await page.waitForSelector('#fr-theme-modal.fr-modal--opened', { timeout: WAIT_MS });
    const withModal = await waitForSpotlightOn(page, target);
    expect(await boxOf(page, '#fr-theme-modal')).not.toBeNull();
    expect(withModal.state.dialog).toBe(true);
    expect(await waitUntil('la bulle est utilisable au-dessus de la modale', bubbleUsable)).toBe(true);
    // A trusted click on « C'est fait » reaches the bubble, not the modal.
    await clickBubbleButton(page, t('overlay.done'));
    await waitForBubbleText(page, step('mot-de-passe').instruction);
    expect((await runOfTab(suite.ext, tabId, page))?.history.at(-1)).toMatchObject({ id: 'identifiant', how: 'manual' });
    expect(await page.$('#fr-theme-modal.fr-modal--opened'), 'the modal stayed open: the click did not reach the page').not.toBeNull();
  });

  it('shows the bubble beside its target, not over it, in a laptop-sized window', async () => {
    const page = await openPracticePage(suite, sites.guided, (p) => p.setViewport({ width: 1366, height: 768 }));
    await beginPractice(suite.ext, page);
    for (const [id, target, act] of [
      ['identifiant', '#username-8608', () => typeAsPerson(page, '#username-8608', 'camille.martin@example.fr')],
      ['mot-de-passe', '#password-8609-input', () => typeAsPerson(page, '#password-8609-input', 'Un-mot-de-passe-2026!')],
      ['mention-cnil-1', '#checkbox-cnil-8610', () => clickAsPerson(page, 'label[for="checkbox-cnil-8610"]')],
    ] as const) {
      await waitForBubbleText(page, step(id).instruction);
      const { state, target: box } = await waitForSpotlightOn(page, target);
      const bubble = state.bubble;
      if (!bubble) throw new Error('pas de bulle');
      const overlap =
        Math.max(0, Math.min(bubble.x + bubble.width, box.x + box.width) - Math.max(bubble.x, box.x)) *
        Math.max(0, Math.min(bubble.y + bubble.height, box.y + box.height) - Math.max(bubble.y, box.y));
      expect(overlap, `bubble over the target of ${id}`).toBe(0);
      await act();
    }
  });
});
