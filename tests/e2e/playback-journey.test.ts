import type { Page } from 'puppeteer-core';
import { afterAll, describe, expect, it } from 'vitest';
import type { ActionStep, GuideItem } from '../../utils/guide/schema';
import {
  type BrowserKind,
  type ExtensionBrowser,
  extensionSuite,
  messages,
  OVERLAY_HOST,
  openPracticePage,
  practiceSitesSuite,
  WAIT_MS,
} from './harness';
import { coveredClicks } from './playback/gestures';
import { type NetworkWatch, networkCanary, watchNetwork } from './playback/network';
import { fieldsOf, installActionRecorder, type RecorderLog, recorderCanary, recorderLog } from './playback/never-act';
import {
  clickBubbleButton,
  inViewport,
  type OverlayState,
  waitForBubbleText,
  waitForOverlay,
  waitForSpotlightOn,
} from './playback/overlay';
import { expectedFields, expectedOutcome, PERSON, PRACTICE_QUESTION, pathFrom, textOf } from './playback/person';
import { runOfTab } from './playback/runs';
import { serviceWorkerRuns, stopServiceWorker, waitForServiceWorker } from './playback/service-worker';
import { startFromPopup } from './playback/start';

/**
 * "Faire avec", end to end: the advisor starts the practice guide from the
 * popup, and the person does every step with the keyboard and the mouse
 * (puppeteer's trusted input). The extension shows each step on its target
 * and moves on by itself when it sees the step done, across the procedure's
 * pages, a reload, a detour by another page and (Chromium) a stopped service
 * worker — and meanwhile it never acts in the page and sends nothing out.
 */

const WRONG_PAGE = '/1.14.4/example/component/button/index.html';

/** What the journey's interruptions see: the person's tab and the browser around it. */
interface Journey {
  kind: BrowserKind;
  ext: ExtensionBrowser;
  network: NetworkWatch;
  page: Page;
  tabId: number;
}

/**
 * What happens to the person just before they do some steps, and what must
 * hold afterwards. `before` returns a line for the report.
 */
const INTERRUPTIONS: Record<
  string,
  { only?: BrowserKind; before(journey: Journey, step: ActionStep): Promise<string>; after?(journey: Journey): Promise<void> }
> = {
  // Chromium stops an idle service worker after 30 s: the run must not depend on it.
  'mention-cnil-1': {
    only: 'chromium',
    async before({ ext, network }, step) {
      await stopServiceWorker(ext, network);
      expect(serviceWorkerRuns(ext), 'the service worker is stopped').toBe(false);
      return `service worker arrêté à l’étape ${step.id}`;
    },
    async after({ ext }) {
      expect(serviceWorkerRuns(ext), 'the service worker started again for the step').toBe(true);
      await waitForServiceWorker(ext);
    },
  },
  // A reload on the step's page: the run stays where it is.
  sexe: {
    async before({ page }, step) {
      await page.reload({ waitUntil: 'load' });
      return `rechargement à l’étape ${step.id}`;
    },
  },
  // A detour by a page of the same site that no step is about, then back.
  adresse: {
    async before({ ext, page, tabId }, step) {
      await page.goto(`${sites.guided}${WRONG_PAGE}`, { waitUntil: 'load' });
      await page.waitForSelector(OVERLAY_HOST, { timeout: WAIT_MS });
      // Until the content script has shown the step here (its bubble, or its decision about the target).
      const there = await waitForOverlay(
        page,
        'la page de détour est lue par l’extension',
        (state) => state.host && (!state.dialog || state.missing !== null || state.spot || state.text === step.instruction),
      );
      expect(there.spot, 'no spotlight on a page that has no element of this step').toBe(false);
      // The step belongs to another page: its instruction shows as text, without claiming that
      // the element is missing (which would invite « C'est fait » on a step not done).
      expect(there.missing, 'no "cannot find" on a page the step is not about').toBeNull();
      expect((await runOfTab(ext, tabId, page))?.currentId, 'the detour does not move the run').toBe(step.id);
      await page.goBack({ waitUntil: 'load' });
      return `détour par ${WRONG_PAGE} à l’étape ${step.id} : ${describeDetour(there, step)}`;
    },
  },
};

/** Per browser and run of the suite: which steps moved on by themselves (printed for the report). */
const report: string[] = [];

const sites = practiceSitesSuite();

afterAll(() => {
  if (report.length > 0) console.info(report.join('\n'));
});

describe.each<BrowserKind>(['chromium', 'firefox'])('%s: the person acts, the extension shows and follows', (kind) => {
  let network: NetworkWatch | undefined;
  const suite = extensionSuite(kind, {
    // Watching from the start: the popup, the service worker and every page are covered.
    launched: async (ext) => {
      network = await watchNetwork(ext);
    },
    closing: async () => {
      await network?.stop();
    },
  });

  it('goes from the popup to the end, every action step completing by itself, never acting, sending nothing', {
    timeout: 300_000,
  }, async () => {
    const started = Date.now();
    const { ext } = suite;
    if (!network) throw new Error('the network watch is not started');
    // The network watch hears the extension's pages (it would see one of their requests).
    expect(await networkCanary(ext, network, `${sites.unguided}/`), 'network watch canary').toBe(true);
    // Before any page script and any extension activity: logs whatever the person did not do.
    const page = await openPracticePage(suite, sites.guided, (p) => p.evaluateOnNewDocument(installActionRecorder));
    // The recorder hears an untrusted event and a programmatic click (then starts afresh).
    const canary = await recorderCanary(page);
    expect(canary.untrusted.map((entry) => entry.type)).toEqual(['click', 'change']);
    const notThePageOf = (calls: RecorderLog['calls']) => calls.filter((call) => !call.stack.includes(`${sites.guided}/`));
    expect(notThePageOf(canary.calls).map((entry) => entry.call)).toEqual(['click', 'dispatchEvent']);
    // Nothing filled in before the person starts.
    expect(Object.values(await fieldsOf(page)).every((value) => value === '' || value === false)).toBe(true);

    const tabId = await startFromPopup(ext, page);
    const journey: Journey = { kind, ext, network, page, tabId };

    // The question: its choices are buttons; the advisor clicks « not yet ».
    const { question, noAccount } = PRACTICE_QUESTION;
    const asked = await waitForBubbleText(page, question.question);
    const t = await messages(asked.lang ?? 'fr');
    expect(asked.choices).toEqual(question.choices.map((choice) => choice.label));
    expect(asked.spot, 'a question has no spotlight').toBe(false);
    await clickBubbleButton(page, noAccount.label);

    const { steps, end } = pathFrom(noAccount.next);
    const byThemselves: string[] = [];
    const byHand: string[] = [];
    const events: string[] = [];
    /** Steps whose target was not wholly in the window once shown (the person scrolls to it). */
    const outOfView: string[] = [];
    /** Fields set by the person on the current page. */
    let set: Record<string, string | boolean> = {};
    let pagePath = new URL(page.url()).pathname;

    for (const [index, step] of steps.entries()) {
      const person = PERSON[step.id];
      if (!person) throw new Error(`pas de geste prévu pour l’étape ${step.id}`);
      const next = index + 1 < steps.length ? (steps[index + 1] as GuideItem) : end;
      const interruption = INTERRUPTIONS[step.id];
      const interrupted = interruption && (!interruption.only || interruption.only === kind) ? interruption : undefined;
      // A new page: nothing typed there yet.
      if (new URL(page.url()).pathname !== pagePath) {
        pagePath = new URL(page.url()).pathname;
        set = {};
      }

      // The step is shown (again, after an interruption): its instruction in the bubble, the spotlight on its target.
      if (interrupted) {
        await waitForBubbleText(page, step.instruction);
        events.push(await interrupted.before(journey, step));
      }
      await waitForBubbleText(page, step.instruction);
      if (step.target) {
        const { state, target } = await waitForSpotlightOn(page, person.target);
        expect(state.missing).toBeNull();
        if (!(await inViewport(page, target))) outOfView.push(step.id);
        if (step.sensitive) {
          expect(await page.$eval(`${OVERLAY_HOST} >>> .sensitive`, (p) => p.textContent)).toContain(t('overlay.sensitiveAdvisor'));
        }
      }
      // Showing the step changed nothing in the page's fields.
      const shown = await fieldsOf(page);
      expect(shown, `fields when ${step.id} shows`).toEqual(expectedFields(shown, set));

      if (person.act) {
        await person.act(page);
        if (person.sets) {
          Object.assign(set, person.sets);
          // Exactly what the person typed or ticked, and nothing else filled in.
          const fields = await fieldsOf(page);
          expect(fields, `fields after ${step.id}`).toEqual(expectedFields(fields, set));
        }
        // The next item shows by itself: nobody clicks « C'est fait ».
        await waitForBubbleText(page, textOf(next));
        byThemselves.push(step.id);
      } else {
        await clickBubbleButton(page, t('overlay.done'));
        await waitForBubbleText(page, textOf(next));
        byHand.push(step.id);
      }
      await interrupted?.after?.(journey);
    }

    // The end: the recap and the "leave no trace" checklist, in the bubble…
    const ended = await waitForBubbleText(page, textOf(end));
    expect(ended.recap).toContain(t('overlay.recapDone', [String(steps.length)]));
    expect(ended.recap).toContain(t('overlay.recapByHand', [String(byHand.length)]));
    expect(ended.trace.legend).toBe(t('overlay.trace'));
    expect(ended.trace.items).toEqual([
      t('overlay.traceLogout'),
      t('overlay.tracePassword'),
      t('overlay.traceTabs'),
      t('overlay.traceOurs'),
    ]);
    expect(ended.spot).toBe(false);
    // …and in the side panel.
    const panel = suite.track(await ext.openExtensionPage(`sidepanel.html?tab=${tabId}`));
    await panel.waitForSelector('section.recap li[data-count="steps"]', { timeout: WAIT_MS });
    await panel.waitForSelector('section.no-trace .checklist', { timeout: WAIT_MS });
    await page.bringToFront();

    // Every step ended the expected way: the person's actions were seen, only the reading step took « C'est fait ».
    const run = await runOfTab(ext, tabId, page);
    expect(run?.status).toBe('finished');
    const outcomes = Object.fromEntries(
      run?.history.filter((visit) => visit.id !== question.id).map((visit) => [visit.id, visit.how]) ?? [],
    );
    expect(outcomes).toEqual(Object.fromEntries(steps.map((step) => [step.id, expectedOutcome(step)])));
    expect(byHand).toEqual(steps.filter((step) => expectedOutcome(step) === 'manual').map((step) => step.id));

    // Never act: no event that the person did not make, no call or write from the page's world but the page's own.
    const log = await recorderLog(page);
    expect(log.untrusted, 'events not made by the person').toEqual([]);
    expect(notThePageOf(log.calls), 'submit/click/dispatchEvent/value writes not made by the page’s own scripts').toEqual([]);

    // Nothing leaves the machine: the extension requested only its own files.
    expect(network.extensionRequestsLeaving(), 'requests made by the extension').toEqual([]);
    expect(network.unexplainedRequestsLeaving(), 'requests leaving the machine that no page made').toEqual([]);
    const extensionFiles = network.requests.filter((r) => /^(chrome|moz)-extension:/.test(r.url)).length;

    report.push(
      [
        `[${kind}] parcours complet en ${((Date.now() - started) / 1000).toFixed(1)} s`,
        `  étapes terminées d’elles-mêmes (${byThemselves.length}) : ${byThemselves.map((id) => `${id} (${outcomes[id]})`).join(', ')}`,
        `  étapes terminées par « C'est fait » (${byHand.length}) : ${byHand.join(', ')}`,
        `  cibles pas entièrement visibles une fois montrées : ${outOfView.join(', ') || 'aucune'}`,
        `  clics à côté du centre, la bulle couvrant la cible : ${coveredClicks.splice(0).join(', ') || 'aucun'}`,
        `  appels et écritures des scripts de la page elle-même (permis) : ${log.calls.length}`,
        `  requêtes vues : ${network.requests.length}, dont fichiers de l’extension : ${extensionFiles}`,
        ...events.map((event) => `  ${event}`),
      ].join('\n'),
    );
  });
});

/** What the overlay showed on the detour page, in a few words (for the report). */
function describeDetour(state: OverlayState, step: ActionStep): string {
  if (!state.dialog) return 'pas de bulle';
  const text = state.text === step.instruction ? 'bulle de l’étape' : `bulle « ${state.text} »`;
  return `${text}${state.missing ? `, « ${state.missing} »` : ''}${state.spot ? ', projecteur' : ', sans projecteur'}`;
}
