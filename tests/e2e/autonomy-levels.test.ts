import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { itemById } from '../../utils/guide/graph';
import type { ActionStep, GuideItem } from '../../utils/guide/schema';
import type { HelpLevel, Run } from '../../utils/run';
import {
  type BrowserKind,
  extensionSuite,
  messages,
  OVERLAY_HOST,
  openPracticePage,
  practiceGuide,
  practiceSitesSuite,
  type Translate,
  waitUntil,
} from './harness';
import { pressKeys } from './playback/keyboard';
import { installActionRecorder, recorderLog } from './playback/never-act';
import {
  clickBubbleButton,
  type OverlayState,
  readOverlay,
  waitForBubbleText,
  waitForOverlay,
  waitForSpotlightOn,
} from './playback/overlay';
import { installOverlayWatch, overlaySightings } from './playback/overlay-watch';
import { clickInPanel, openRunPanel, type PanelState, readPanel, waitForPanel } from './playback/panel';
import { expectedOutcome, PERSON, PRACTICE_QUESTION, pathFrom, textOf } from './playback/person';
import { runOfTab } from './playback/runs';
import { beginPractice, startFromPopup } from './playback/start';

/**
 * The three levels of help of the autonomy scale, end to end (the guided level
 * alone is playback-journey's): at « Autonome avec guidage en cas de besoin »
 * and « Autonome » the page shows nothing while the person works and the side
 * panel carries the procedure, yet the run follows the person's own actions to
 * the end; « Montre-moi » brings the spotlight on request; the level can be
 * changed mid-run; and alone, « Je suis perdu·e » brings the bubble back and
 * offers to go back one step.
 */

const guide = practiceGuide();
const { question, noAccount, noAccountIndex } = PRACTICE_QUESTION;
const { steps, end } = pathFrom(noAccount.next);
const endText = textOf(end);
/** The panel's choice button of « pas encore de compte ». */
const NO_ACCOUNT_BUTTON = `section.now fieldset.choices button.choice:nth-child(${noAccountIndex + 1})`;

const LEVEL_KEYS: Record<HelpLevel, string> = {
  guided: 'popup.level.guided',
  'on-demand': 'popup.level.onDemand',
  autonomous: 'popup.level.autonomous',
};

/** How the panel's list marks a step once done: seen done or reached by page, or « C'est fait ». */
const tickOf = (step: ActionStep) => (expectedOutcome(step) === 'manual' ? 'manual' : 'done');

function stepNamed(id: string): ActionStep {
  const item = itemById(guide, id);
  if (item?.kind !== 'step') throw new Error(`pas d’étape ${id}`);
  return item;
}

function personFor(step: ActionStep) {
  const person = PERSON[step.id];
  if (!person) throw new Error(`pas de geste prévu pour l’étape ${step.id}`);
  return person;
}

/** The item after `step` on the path « pas encore de compte ». */
function nextOf(step: ActionStep): GuideItem {
  const index = steps.indexOf(step);
  return steps[index + 1] ?? end;
}

const showsNothing = (overlay: OverlayState) => !overlay.dialog && !overlay.spot;
const nothingShown = async (page: Page) => showsNothing(await readOverlay(page));

const sites = practiceSitesSuite();

describe.each<BrowserKind>(['chromium', 'firefox'])('%s: the levels of help and « Je suis perdu·e »', (kind) => {
  const suite = extensionSuite(kind);

  /** The practice guide's first page, with the watches on what the overlay shows and on what is not the person's doing. */
  const practicePage = () =>
    openPracticePage(suite, sites.guided, async (page) => {
      await page.evaluateOnNewDocument(installActionRecorder);
      await page.evaluateOnNewDocument(installOverlayWatch, OVERLAY_HOST);
    });

  async function panelFor(tabId: number, page: Page): Promise<{ panel: Page; t: Translate }> {
    const panel = suite.track(await openRunPanel(suite.ext, tabId, page));
    return { panel, t: await messages((await readPanel(panel)).lang || 'fr') };
  }

  /** The panel shows `item` as the current one (or the end reached). */
  const panelOn = (panel: Page, item: GuideItem) =>
    waitForPanel(panel, `${item.id} en cours`, (state) =>
      item.kind === 'end' ? state.finished && state.current === null : state.current === item.id && state.now === textOf(item),
    );

  /** The person does `step` with the mouse and keyboard; a step nobody can see done takes « C'est fait » in the panel. */
  async function doStep(page: Page, panel: Page | null, step: ActionStep): Promise<void> {
    const person = personFor(step);
    if (person.act) await person.act(page);
    else if (panel) await clickInPanel(panel, 'section.now button.done', page);
    else throw new Error(`${step.id} : « C'est fait » attendu sans panneau`);
  }

  /**
   * The whole guide at a level where the page shows nothing by itself: the
   * question answered in the panel, every step done by the person, the list
   * ticked as they go. `showMeOn`: the step where « Montre-moi » is asked.
   */
  async function wholeGuideWithoutBubble(level: Exclude<HelpLevel, 'guided'>, showMeOn: string | null): Promise<void> {
    const page = await practicePage();
    const tabId = await startFromPopup(suite.ext, page, { level });
    const { panel, t } = await panelFor(tabId, page);

    // The question is asked in the panel, with its choices as buttons; the page shows nothing.
    const asked = await panelOn(panel, question);
    expect(asked.choices).toEqual(question.choices.map((choice) => choice.label));
    expect(asked.summary).toBe(`${t('popup.mode.advisor')} · ${t(LEVEL_KEYS[level])}`);
    expect(asked.level).toBe(level);
    expect(await nothingShown(page), 'no bubble for the question').toBe(true);
    await clickInPanel(panel, NO_ACCOUNT_BUTTON, page);

    for (const [index, step] of steps.entries()) {
      const person = personFor(step);
      const next = nextOf(step);
      const shown = await panelOn(panel, step);
      // The whole procedure is listed: the answer, the steps done (ticked), this one, what follows.
      expect(shown.lines).toEqual([
        { id: question.id, state: 'answered' },
        ...steps.map((s, i) => ({ id: s.id, state: i < index ? tickOf(s) : i === index ? 'current' : 'ahead' })),
        { id: end.id, state: 'ahead' },
      ]);
      expect(await nothingShown(page), `no bubble nor spotlight on the page at ${step.id}`).toBe(true);
      if (level === 'on-demand') expect(shown.showMe, `« Montre-moi » offered at ${step.id}`).toBe(step.target !== undefined);

      if (step.id === showMeOn) {
        // « Montre-moi »: the bubble and the spotlight come, on this step's target.
        await clickInPanel(panel, 'section.now button.show-me', page);
        const { state } = await waitForSpotlightOn(page, person.target);
        expect(state.text).toBe(step.instruction);
        await waitForPanel(panel, 'la consigne de « Montre-moi »', (s) => s.notice === t('sidepanel.showMeHelp'));
        expect((await runOfTab(suite.ext, tabId, page))?.currentHelp).toEqual(['show-me']);
      }

      await doStep(page, panel, step);
      // The run moves on by itself when the person acted: nobody pressed « C'est fait ».
      await panelOn(panel, next);
      if (step.id === showMeOn) {
        // The help was for that step only: the next one shows nothing again.
        await waitForOverlay(page, `plus de bulle ni de projecteur après ${step.id}`, showsNothing);
      }
    }

    // The end shows on the page at every level (it holds the "leave no trace" checklist), and the list is all ticked.
    const ended = await waitForBubbleText(page, endText);
    expect(ended.spot).toBe(false);
    const last: PanelState = await readPanel(panel);
    expect(last.lines).toEqual([
      { id: question.id, state: 'answered' },
      ...steps.map((s) => ({ id: s.id, state: tickOf(s) })),
      { id: end.id, state: 'done' },
    ]);

    const run = (await runOfTab(suite.ext, tabId, page)) as Run;
    expect(run.status).toBe('finished');
    expect(run.history.map((visit) => visit.level)).toEqual(run.history.map(() => level));
    expect(run.history.map((visit) => [visit.id, visit.how])).toEqual([
      [question.id, 'answered'],
      ...steps.map((step) => [step.id, expectedOutcome(step)]),
    ]);
    expect(Object.fromEntries(run.history.map((visit) => [visit.id, visit.help]))).toEqual(
      Object.fromEntries([question, ...steps].map((item) => [item.id, item.id === showMeOn ? ['show-me'] : []])),
    );

    // Over the whole run the page showed the bubble only where asked and at the end, and never acted.
    const sightings = await overlaySightings(page);
    const texts = [...new Set(sightings.map((s) => s.text))];
    const showMeText = showMeOn ? stepNamed(showMeOn).instruction : null;
    expect(texts.sort()).toEqual([endText, ...(showMeText ? [showMeText] : [])].sort());
    expect(sightings.filter((s) => s.spot).every((s) => s.text === showMeText)).toBe(true);
    if (showMeText) expect(sightings.some((s) => s.spot && s.dialog && s.text === showMeText)).toBe(true);
    const log = await recorderLog(page);
    expect(log.untrusted, 'events not made by the person').toEqual([]);
    expect(
      log.calls.filter((call) => !call.stack.includes(`${sites.guided}/`)),
      'calls not made by the page’s own scripts',
    ).toEqual([]);
  }

  it('« Autonome avec guidage en cas de besoin »: the whole guide from the panel, « Montre-moi » on one step', { timeout: 240_000 }, () =>
    wholeGuideWithoutBubble('on-demand', 'nom'),
  );

  it('« Autonome »: the whole guide with the checklist only, ticked as the person goes', { timeout: 240_000 }, () =>
    wholeGuideWithoutBubble('autonomous', null),
  );

  it('switches the level mid-run: the page follows at once, each visit keeps the level it ended at', { timeout: 240_000 }, async () => {
    const page = await practicePage();
    const { tabId, t } = await beginPractice(suite.ext, page);
    const [identifiant, motDePasse, cnil1, cnil2, valider] = steps.slice(0, 5) as ActionStep[];
    if (!identifiant || !motDePasse || !cnil1 || !cnil2 || !valider) throw new Error('chemin trop court');

    // Guided (the defaults): two steps on their target.
    for (const step of [identifiant, motDePasse]) {
      await waitForSpotlightOn(page, personFor(step).target);
      await doStep(page, null, step);
      await waitForBubbleText(page, textOf(nextOf(step)));
    }
    const { panel } = await panelFor(tabId, page);
    await panelOn(panel, cnil1);
    await waitForSpotlightOn(page, personFor(cnil1).target);

    const setLevel = async (level: HelpLevel) => {
      await clickInPanel(panel, `input[name="panel-level"][value="${level}"]`, page);
      await waitForPanel(
        panel,
        `niveau ${level}`,
        (s) => s.level === level && s.summary === `${t('popup.mode.advisor')} · ${t(LEVEL_KEYS[level])}`,
      );
      expect((await runOfTab(suite.ext, tabId, page))?.level).toBe(level);
    };

    // On demand: the bubble and the spotlight leave the page; the person goes on alone.
    await setLevel('on-demand');
    await waitForOverlay(page, 'la bulle et le projecteur quittent la page', showsNothing);
    await doStep(page, null, cnil1);
    await panelOn(panel, cnil2);
    expect(await nothingShown(page)).toBe(true);

    // Autonomous: still nothing on the page.
    await setLevel('autonomous');
    expect(await nothingShown(page)).toBe(true);
    await doStep(page, null, cnil2);
    await panelOn(panel, valider);
    expect(await nothingShown(page)).toBe(true);

    // Back to guided: the current step's bubble and spotlight are back.
    await setLevel('guided');
    await waitForBubbleText(page, valider.instruction);
    await waitForSpotlightOn(page, personFor(valider).target);
    await doStep(page, null, valider);
    await waitForBubbleText(page, textOf(nextOf(valider)));

    const run = (await runOfTab(suite.ext, tabId, page)) as Run;
    expect(run.history.map((visit) => [visit.id, visit.how, visit.level])).toEqual([
      [question.id, 'answered', 'guided'],
      [identifiant.id, 'done', 'guided'],
      [motDePasse.id, 'done', 'guided'],
      [cnil1.id, 'done', 'on-demand'],
      [cnil2.id, 'done', 'autonomous'],
      [valider.id, 'page', 'guided'],
    ]);
    // Only the levels that show nothing hid the bubble: it showed for every guided item, never for the others.
    const texts = new Set((await overlaySightings(page)).map((s) => s.text));
    for (const item of [question, identifiant, motDePasse, cnil1, valider, nextOf(valider)]) expect(texts).toContain(textOf(item));
    expect(texts).not.toContain(cnil2.instruction);
  });

  it('alone: larger text, no advisor tip, and « Je suis perdu·e » brings the bubble back and offers to go back', {
    timeout: 240_000,
  }, async () => {
    const page = await practicePage();
    const tabId = await startFromPopup(suite.ext, page, { mode: 'alone' });
    const { panel, t } = await panelFor(tabId, page);
    const [identifiant, motDePasse] = steps as ActionStep[];
    if (!identifiant || !motDePasse) throw new Error('chemin trop court');

    // Guided alone: the question in the bubble, answered there.
    await waitForBubbleText(page, question.question);
    await clickBubbleButton(page, noAccount.label);
    await waitForSpotlightOn(page, personFor(identifiant).target);
    const textSize = () =>
      page.evaluate((host) => {
        const root = document.querySelector(host)?.shadowRoot;
        const layer = root?.querySelector('.layer');
        const text = root?.querySelector('[role=dialog] .text');
        return {
          scale: layer ? getComputedStyle(layer).getPropertyValue('--cac-scale').trim() : null,
          fontSize: text ? Number.parseFloat(getComputedStyle(text).fontSize) : 0,
        };
      }, OVERLAY_HOST);
    const alone = await textSize();
    expect(alone.scale, 'text at 125 % alone').toBe('1.25');
    // No tip for an advisor who is not there (this step has one).
    const first = await panelOn(panel, identifiant);
    expect(identifiant.advisorTip).toBeTruthy();
    expect(first.advisorTip).toBe(false);
    expect(first.summary).toBe(`${t('popup.mode.alone')} · ${t('popup.level.guided')}`);
    expect(first.lost).toBe(true);

    // One step done, then the bubble hidden with Escape from inside it (Alt+Shift+K brings the focus there).
    await doStep(page, null, identifiant);
    await waitForBubbleText(page, motDePasse.instruction);
    await waitForSpotlightOn(page, personFor(motDePasse).target);
    await pressKeys(page, 'Alt+Shift+K');
    await waitUntil('le focus est dans la bulle', () =>
      page.evaluate((host) => {
        const root = document.querySelector(host)?.shadowRoot;
        return !!root?.activeElement?.closest('[role=dialog]');
      }, OVERLAY_HOST),
    );
    await page.keyboard.press('Escape');
    await waitForOverlay(page, 'la bulle est masquée', (state) => !state.dialog);
    expect((await panelOn(panel, motDePasse)).lostBack, 'no offer to go back before « Je suis perdu·e »').toBe(false);

    // « Je suis perdu·e » in the panel: the bubble is back on the target, the help is recorded, going back is offered.
    await clickInPanel(panel, 'section.now button.lost', page);
    const { state } = await waitForSpotlightOn(page, personFor(motDePasse).target);
    expect(state.text).toBe(motDePasse.instruction);
    expect(state.buttons.map((b) => b.text)).toContain(t('overlay.lostBack'));
    expect(
      await page.$eval(`${OVERLAY_HOST} >>> [role=dialog] .lost`, (note) => (note.textContent ?? '').replace(/\s+/g, ' ').trim()),
    ).toBe(t('overlay.lostNote'));
    await waitForPanel(panel, 'l’offre de revenir en arrière', (s) => s.lostBack && s.notice === t('sidepanel.lostNote'));
    expect((await runOfTab(suite.ext, tabId, page))?.currentHelp).toEqual(['lost']);

    // Taken in the bubble: back on the step before, its instruction in the bubble and the spotlight on its target.
    await clickBubbleButton(page, t('overlay.lostBack'));
    await waitForBubbleText(page, identifiant.instruction);
    await waitForSpotlightOn(page, personFor(identifiant).target);
    await panelOn(panel, identifiant);
    const back = (await runOfTab(suite.ext, tabId, page)) as Run;
    expect(back.currentId).toBe(identifiant.id);
    expect(back.currentHelp).toEqual([]);
    expect(back.history.at(-1)).toMatchObject({ id: motDePasse.id, how: 'back', help: ['lost'], level: 'guided' });

    // « Je suis perdu·e » in the bubble too: the note comes, the first step's note says there is a step before.
    await clickBubbleButton(page, t('overlay.lost'));
    await waitForOverlay(page, 'la bulle répond à « Je suis perdu·e »', (state) =>
      state.buttons.some((b) => b.text === t('overlay.lostBack')),
    );
    expect((await runOfTab(suite.ext, tabId, page))?.currentHelp).toEqual(['lost']);

    // With an advisor the text is back to 100 % and the tip shows: what « alone » changed was real.
    await clickInPanel(panel, 'input[name="panel-mode"][value="advisor"]', page);
    await waitForPanel(panel, 'le conseil au conseiller', (s) => s.mode === 'advisor' && s.advisorTip && !s.lost);
    const advisor = await waitUntil('le texte revient à 100 %', async () => {
      const size = await textSize();
      return size.scale === '1' ? size : null;
    });
    expect(advisor.fontSize).toBeGreaterThan(0);
    expect(alone.fontSize).toBeCloseTo(advisor.fontSize * 1.25, 0);
  });
});
