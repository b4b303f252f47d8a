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
  storageIn,
  WAIT_MS,
  waitForState,
} from './harness';
import { ourButton } from './harness/closed-root';
import { typeAsPerson } from './playback/gestures';
import { FIRST_TARGET, PRACTICE_QUESTION, TYPED } from './playback/person';
import { runOfTab } from './playback/runs';
import { startFromPopup } from './playback/start';

declare global {
  interface Window {
    hostileReport: HostileReport;
    hostileIds: string[];
    hostile: { look(): void; drive(): void; move(): void; spoofFirstField(): void; boxFirstField(): void };
  }
}

const HOSTILE_START = PRACTICE_START_PAGE.replace(/index\.html$/, HOSTILE_PAGE);
const guide = practiceGuide();
const sites = practiceSitesSuite();

const reportOf = (page: Page) => page.evaluate(() => window.hostileReport);
const RECORDER_HOST = 'cote-a-cote-recorder';

describe.each<BrowserKind>(['chromium', 'firefox'])('%s: a hostile page', (kind) => {
  const suite = extensionSuite(kind, { shadowRoots: 'closed' });

  /** The hostile page in a new tab, its script given the ids a page can know: the public id, and Firefox's uuid. */
  async function hostilePage(): Promise<{ page: Page; ids: string[] }> {
    const { ext } = suite;
    const ids = [ext.extensionId, new URL(ext.origin).host];
    const page = suite.track(await ext.newPage('hostile page'));
    await page.evaluateOnNewDocument((given: string[]) => {
      window.hostileIds = given;
    }, ids);
    await page.goto(`${sites.guided}${HOSTILE_START}`, { waitUntil: 'load' });
    await page.waitForSelector('html[data-fr-js="true"]', { timeout: WAIT_MS });
    // The canary: the page's script ran, before the page's own.
    expect(await page.$eval('html', (html) => html.dataset.hostile)).toBe('ran');
    return { page, ids };
  }

  it('can neither find, read, drive nor overhear the extension, nor fake a step; the person still can', async () => {
    const { ext } = suite;
    const t = await inExtensionPage(ext, messagesOf);
    const { page } = await hostilePage();
    await page.evaluate(() => window.hostile.look());

    // The run starts: the question is shown, and the person can find its answers (accessibility tree).
    const tabId = await startFromPopup(ext, page);
    const { question, noAccount, noAccountIndex } = PRACTICE_QUESTION;
    const answer = await ourButton(page, kind, noAccount.label);

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
    await ourButton(page, kind, t('overlay.done'));
    await page.evaluate(() => {
      window.hostile.spoofFirstField();
      window.hostile.drive();
    });
    // The person asks for help: once that is in the run, the page's attempts (sent before) have been heard too.
    await (await ourButton(page, kind, t('overlay.cantFind'))).click();
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
    expect(report.attempts).toEqual(
      expect.arrayContaining(['click()', 'dispatch click', 'dispatch keydown Enter', 'hit-tested click', 'spoof blur']),
    );
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

  it('shows a target by moving the viewport only, never the page’s own box, and gives the page no focus by itself', async () => {
    const { ext } = suite;
    const { page } = await hostilePage();
    await page.evaluate(() => window.hostile.boxFirstField());
    expect(await page.evaluate(() => scrollY)).toBe(0);
    const tabId = await startFromPopup(ext, page);
    const { noAccount } = PRACTICE_QUESTION;
    await (await ourButton(page, kind, noAccount.label)).click();
    await waitForState(
      'the first step',
      () => runOfTab(ext, tabId, page),
      (run) => run?.currentId === noAccount.next,
    );
    // The target was far below: the viewport moved to it…
    const viewport = await page.evaluate(() => innerHeight);
    await waitForState(
      'the viewport moved',
      () => page.evaluate(() => scrollY),
      (y) => y > viewport,
    );
    // …and nothing else: the box the page reads as « read to the end » never scrolled, the field got no focus.
    const seen = await page.evaluate(() => ({
      boxTop: document.querySelector('#read-to-the-end')?.scrollTop,
      boxScrolls: window.hostileReport.boxScrolls,
      fieldFocus: window.hostileReport.fieldFocus,
      active: document.activeElement?.id ?? document.activeElement?.localName,
    }));
    expect(seen).toEqual({ boxTop: 0, boxScrolls: 0, fieldFocus: 0, active: expect.not.stringMatching(/^username-8608$/) });
  });

  it('cannot read, stop or overhear a recording; the trainer’s own « Arrêter » stops it', async () => {
    const { ext } = suite;
    const { page } = await hostilePage();
    const t = await inExtensionPage(ext, messagesOf);
    const recording = () => inExtensionPage(ext, (p) => storageIn(p, 'recording'), { bringBack: page });
    const popup = suite.track(await ext.openPopup(page));
    await popup.locator('section.recorder button.record-start').setTimeout(WAIT_MS).click();
    await page.waitForSelector(RECORDER_HOST, { timeout: WAIT_MS });
    await popup.close().catch(() => undefined);
    await page.bringToFront();

    // The page presses the bar every way it can; then the trainer acts: the recording goes on and records it.
    await page.evaluate(() => window.hostile.drive());
    await page.type(FIRST_TARGET, TYPED.email);
    await page.keyboard.press('Tab');
    const after = await waitForState(
      'the trainer’s step recorded',
      recording,
      (stored) => ((stored.recording as { draft?: unknown[] } | undefined)?.draft?.length ?? 0) >= 1,
    );
    expect(after.recording, 'still recording after the page’s attempts').toBeDefined();

    const report = await reportOf(page);
    expect(report.hosts.filter((look) => look.when === 'drive').map((look) => look.names)).toEqual([[RECORDER_HOST]]);
    expect(report.attempts).toEqual(expect.arrayContaining(['click()', 'dispatch click', 'dispatch keydown Enter']));
    expect(report.shadowRoots).toBe(0);
    expect(report.texts).toEqual([]);
    expect(report.errors).toEqual([]);
    expect(report.messages).toEqual([]);
    expect(report.events).toEqual([]);

    // The trainer's own press on « Arrêter » ends it.
    await (await ourButton(page, kind, t('recorder.bar.stopLabel'), RECORDER_HOST)).click();
    await waitForState('the recording stopped', recording, (stored) => stored.recording === undefined);
  });
});
