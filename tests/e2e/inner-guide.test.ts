import { describe, expect, it } from 'vitest';
import type { Guide } from '../../utils/guide/schema';
import type { Run } from '../../utils/run';
import {
  type BrowserKind,
  extensionSuite,
  messagesOf,
  OVERLAY_HOST,
  openPracticePage,
  practiceGuide,
  practiceSitesSuite,
  readStorage,
  sendMessage,
  tabIdOf,
  WAIT_MS,
} from './harness';
import { PRACTICE_GUIDE_FILE } from './harness/paths';
import { bubbleButtonIsHitTarget, clickBubbleButton, waitForBubbleText, waitForOverlay, waitForSpotlightOn } from './playback/overlay';
import { openRunPanel, waitForPanel } from './playback/panel';
import { FIRST_TARGET, PRACTICE_QUESTION } from './playback/person';
import { forgetPausedRuns } from './playback/runs';

/**
 * A guide that runs another guide (format 2), in real browsers on the practice
 * site: the practice guide « Créer son compte, puis continuer la démarche »
 * enters the practice guide « Créer un compte » at its second step. The bubble
 * says the person is inside it (« Dans « … » : étape x sur y »); a reload and a
 * resume after the tab was closed land inside it again; « Retour » from its
 * first step goes back out to the outer step; and at its end the run comes back
 * to the outer guide, which says so.
 */
const sites = practiceSitesSuite();
const OUTER_ID = 'dsfr-entrainement-compte-puis-suite';
/** Tall enough for the bubble under the first field, with its buttons in view. */
const VIEWPORT = { width: 1280, height: 1000 };

async function outerGuide(): Promise<Guide> {
  const { readFileSync } = await import('node:fs');
  return JSON.parse(readFileSync(PRACTICE_GUIDE_FILE.replace('dsfr-creer-un-compte', OUTER_ID), 'utf8')) as Guide;
}

function textOf(guide: Guide, id: string): string {
  const item = guide.steps.find((candidate) => candidate.id === id);
  if (item?.kind === 'step') return item.instruction;
  if (item?.kind === 'question') return item.question;
  throw new Error(`pas d’étape ${id} dans ${guide.id}`);
}

describe.each<BrowserKind>(['chromium', 'firefox'])('%s: a guide that runs another guide', (kind) => {
  const suite = extensionSuite(kind);

  it('enters the inner guide, survives a reload and a resume inside it, goes back out, and comes back at its end', async () => {
    const outer = await outerGuide();
    const inner = practiceGuide();
    const { question, noAccount, hasAccount } = PRACTICE_QUESTION;
    const innerSteps = inner.steps.filter((item) => item.kind !== 'end').length;
    const outerSteps = outer.steps.filter((item) => item.kind !== 'end').length;

    const control = suite.track(await suite.ext.openExtensionPage('settings.html'));
    await control.waitForSelector('body', { timeout: WAIT_MS });
    const t = await messagesOf(control);
    await forgetPausedRuns(suite.ext, control);
    let page = await openPracticePage(suite, sites.guided, (p) => p.setViewport(VIEWPORT));
    let tabId = await tabIdOf(control, page);
    const started = await sendMessage<{ ok: boolean }>(control, {
      type: 'run:start',
      tabId,
      guideId: OUTER_ID,
      mode: 'advisor',
      level: 'guided',
    });
    expect(started.ok).toBe(true);
    await page.bringToFront();

    // The outer guide's first step, counted among its own steps.
    let state = await waitForBubbleText(page, textOf(outer, 'regarder'));
    expect(state.progress).toBe(t('overlay.stepOf', ['1', String(outerSteps)]));
    await clickBubbleButton(page, t('overlay.done'));

    // Inside the inner guide: its question, with its own figures and its title.
    const inside = (position: number) => t('overlay.innerStepOf', [inner.title, String(position), String(innerSteps)]);
    state = await waitForBubbleText(page, question.question);
    expect(state.progress).toBe(inside(1));
    await clickBubbleButton(page, noAccount.label);
    state = await waitForBubbleText(page, textOf(inner, noAccount.next));
    expect(state.progress).toBe(inside(2));
    await waitForSpotlightOn(page, FIRST_TARGET);

    // A reload: still inside, on the same step, with the spotlight on its target.
    await page.reload({ waitUntil: 'load' });
    state = await waitForBubbleText(page, textOf(inner, noAccount.next));
    expect(state.progress).toBe(inside(2));
    await waitForSpotlightOn(page, FIRST_TARGET);

    // The tab closed mid-run: the run waits for « Reprendre », inside the inner guide.
    await page.close();
    const paused = await waitForPaused(control);
    expect(paused.currentId).toBe(`creer-le-compte/${noAccount.next}`);
    page = await openPracticePage(suite, sites.guided, (p) => p.setViewport(VIEWPORT));
    tabId = await tabIdOf(control, page);
    const resumed = await sendMessage<Run | null>(control, { type: 'run:resume', tabId, guideId: OUTER_ID });
    expect(resumed?.currentId).toBe(`creer-le-compte/${noAccount.next}`);
    await page.bringToFront();
    state = await waitForBubbleText(page, textOf(inner, noAccount.next));
    expect(state.progress).toBe(inside(2));

    // The side panel says it too, with the outer step the inner guide stands for.
    const panel = suite.track(await openRunPanel(suite.ext, tabId, page));
    await waitForPanel(panel, 'the inner step', (s) => s.now === textOf(inner, noAccount.next));
    const innerLine = await panel.$eval('section.now .inner-guide', (p) => (p.textContent ?? '').replace(/\s+/g, ' ').trim());
    const connect = outer.steps.find((item) => item.kind === 'guide');
    expect(innerLine).toBe(
      `${t('sidepanel.innerStepOf', [inner.title, '2', String(innerSteps)])} ${t('sidepanel.innerFor', [connect?.kind === 'guide' ? connect.instruction : ''])}`,
    );
    await panel.close();
    await page.bringToFront();

    // « Retour » to the inner guide's first item, then out of it to the outer step.
    expect(await bubbleButtonIsHitTarget(page, t('overlay.back')), 'the person can reach « Retour »').toBe(true);
    await clickBubbleButton(page, t('overlay.back'));

    await waitForBubbleText(page, question.question);
    await clickBubbleButton(page, t('overlay.back'));
    state = await waitForBubbleText(page, textOf(outer, 'regarder'));
    expect(state.progress).toBe(t('overlay.stepOf', ['1', String(outerSteps)]));

    // In again, and to one of the inner guide's ends: the run comes back to the outer guide, which says so.
    await clickBubbleButton(page, t('overlay.done'));
    await waitForBubbleText(page, question.question);
    await clickBubbleButton(page, hasAccount.label);
    state = await waitForBubbleText(page, textOf(outer, 'verifier'));
    expect(state.progress).toBe(t('overlay.stepOf', ['3', String(outerSteps)]));
    const cameBack = await page.$eval(`${OVERLAY_HOST} >>> [role=dialog] .came-back`, (p) => p.textContent);
    expect(cameBack).toBe(t('overlay.cameBack', [inner.title]));
    await clickBubbleButton(page, t('overlay.done'));
    await waitForOverlay(page, 'the end screen', (s) => s.buttons.some((b) => b.text === t('overlay.finish')));
    const run = (await readStorage(suite.ext, page))[`run:${tabId}`] as Run;
    expect(run).toMatchObject({ guideId: OUTER_ID, status: 'finished', currentId: 'fin' });
    expect(run.history.map((visit) => visit.id)).toContain(`creer-le-compte/${question.id}`);
  });

  async function waitForPaused(control: import('puppeteer-core').Page): Promise<Run> {
    const deadline = Date.now() + WAIT_MS;
    for (;;) {
      const runs = await sendMessage<Record<string, Run>>(control, { type: 'run:paused' });
      const run = runs[OUTER_ID];
      if (run) return run;
      if (Date.now() > deadline) throw new Error(`aucun parcours mis en pause : ${JSON.stringify(runs)}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
});
