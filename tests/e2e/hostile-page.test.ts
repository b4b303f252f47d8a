/**
 * A hostile page on the practice site (scripts/practice-hostile.ts), with the
 * extension's shadow roots closed as in a store build: its script tries to find
 * and read our UI, to press our buttons (`click()`, `dispatchEvent`, focus), to
 * overhear us (`message` events, events named with our id) and to fake the
 * person's actions on the step's own field. Each attempt fails; the person's
 * own input still answers, asks for help and completes the step.
 */
import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { HOSTILE_PAGE, type HostileReport } from '../../scripts/practice-hostile';
import {
  type BrowserKind,
  extensionSuite,
  inExtensionPage,
  messagesOf,
  OVERLAY_HOST,
  PRACTICE_START_PAGE,
  practiceGuide,
  practiceSitesSuite,
  WAIT_MS,
  waitForState,
} from './harness';
import { overlayButton } from './harness/closed-root';
import { typeAsPerson } from './playback/gestures';
import { FIRST_TARGET, PRACTICE_QUESTION, TYPED } from './playback/person';
import { runOfTab } from './playback/runs';
import { startFromPopup } from './playback/start';

declare global {
  interface Window {
    hostileReport: HostileReport;
    hostileIds: string[];
    hostile: { look(): void; drive(): void; move(): void; spoofFirstField(): void };
  }
}

const HOSTILE_START = PRACTICE_START_PAGE.replace(/index\.html$/, HOSTILE_PAGE);
const guide = practiceGuide();
const sites = practiceSitesSuite();

const reportOf = (page: Page) => page.evaluate(() => window.hostileReport);

describe.each<BrowserKind>(['chromium', 'firefox'])('%s: a hostile page', (kind) => {
  const suite = extensionSuite(kind, { shadowRoots: 'closed' });

  it('can neither find, read, drive nor overhear the extension, nor fake a step; the person still can', async () => {
    const { ext } = suite;
    const t = await inExtensionPage(ext, messagesOf);
    // A page can know an extension's public id; Firefox's pages also get its internal uuid.
    const ids = [ext.extensionId, new URL(ext.origin).host];
    const page = suite.track(await ext.newPage('hostile page'));
    await page.evaluateOnNewDocument((given: string[]) => {
      window.hostileIds = given;
    }, ids);
    await page.goto(`${sites.guided}${HOSTILE_START}`, { waitUntil: 'load' });
    await page.waitForSelector('html[data-fr-js="true"]', { timeout: WAIT_MS });
    // The canary: the page's script ran, before the page's own.
    expect(await page.$eval('html', (html) => html.dataset.hostile)).toBe('ran');
    await page.evaluate(() => window.hostile.look());

    // The run starts: the question is shown, and the person can find its answers (accessibility tree).
    const tabId = await startFromPopup(ext, page);
    const { question, noAccount, noAccountIndex } = PRACTICE_QUESTION;
    const answer = await overlayButton(page, kind, noAccount.label);

    // The page tries everything on our UI, and changes its address as a single-page site does.
    await page.evaluate(() => {
      window.hostile.drive();
      window.hostile.move();
    });
    // The person answers: the run moves by that answer only (a page's click on the first answer would have ended it).
    await answer.click();
    const first = guide.steps.find((item) => item.id === noAccount.next);
    if (first?.kind !== 'step') throw new Error('le guide d’entraînement commence par une étape après la question');
    const atFirst = await waitForState(
      'the person’s answer',
      () => runOfTab(ext, tabId, page),
      (run) => run?.currentId === first.id,
    );
    expect(atFirst?.answers).toEqual({ [question.id]: noAccountIndex });
    expect(atFirst?.history.map((visit) => visit.id)).toEqual([question.id]);
    expect(atFirst?.history[0]?.help).toEqual([]);

    // The step's bubble is shown; the page fakes the person on the step's own field, and tries our UI again.
    await overlayButton(page, kind, t('overlay.done'));
    await page.evaluate(() => {
      window.hostile.spoofFirstField();
      window.hostile.drive();
    });
    // The person asks for help: once that is in the run, the page's attempts (sent before) have been heard too.
    await (await overlayButton(page, kind, t('overlay.cantFind'))).click();
    const helped = await waitForState(
      'the person’s call for help',
      () => runOfTab(ext, tabId, page),
      (run) => run?.currentHelp.includes('not-found') === true,
    );
    expect(helped?.currentId, 'the faked actions did not complete the step').toBe(first.id);
    expect(helped?.history.map((visit) => visit.id)).toEqual([question.id]);

    // The person's own typing completes it.
    await typeAsPerson(page, FIRST_TARGET, TYPED.email);
    const done = await waitForState(
      'the step done by the person',
      () => runOfTab(ext, tabId, page),
      (run) => run?.currentId !== first.id,
    );
    expect(done?.history.map((visit) => [visit.id, visit.how])).toEqual([
      [question.id, 'answered'],
      [first.id, 'done'],
    ]);

    const report = await reportOf(page);
    expect(report.ran).toBe(true);
    // Nothing of ours in the page before the run; while shown, a host with no open shadow root and no text.
    expect(report.hosts[0]).toEqual({ when: 'start', names: [] });
    expect(report.hosts.find((look) => look.when === 'look')).toEqual({ when: 'look', names: [] });
    expect(report.hosts.filter((look) => look.when === 'drive').map((look) => look.names)).toEqual([[OVERLAY_HOST], [OVERLAY_HOST]]);
    expect(report.shadowRoots).toBe(0);
    expect(report.texts).toEqual([]);
    // The page did try: its clicks, events and focus all ran without an error.
    expect(report.attempts).toEqual(expect.arrayContaining(['click()', 'dispatch click', 'dispatch keydown Enter', 'spoof blur']));
    expect(report.errors).toEqual([]);
    // Nothing said to the page: no message, no event named with our id.
    expect(report.messages).toEqual([]);
    expect(report.events).toEqual([]);
    // The guide's words are nowhere in what the page can read.
    // biome-ignore lint/performance/useDomNodeTextContent: what is rendered is what a page would try to read.
    const pageText = await page.evaluate(() => `${document.documentElement.textContent}\n${document.documentElement.innerText}`);
    expect(pageText).not.toContain(guide.title);
    expect(pageText).not.toContain(question.question);
    expect(pageText).not.toContain(first.instruction);
  });
});
