import { afterAll, describe, expect, it } from 'vitest';
import type { GuideItem } from '../../utils/guide/schema';
import {
  type BrowserKind,
  extensionSuite,
  messages,
  messagesOf,
  openPracticePage,
  PRACTICE_GUIDE_ID,
  PRACTICE_GUIDE_ITEM,
  practiceSitesSuite,
  WAIT_MS,
  waitUntil,
} from './harness';
import {
  type FocusedElement,
  focusedElement,
  focusIsOn,
  pressKeys,
  pressUntilFocused,
  showsFocus,
  waitForFocusOnBubble,
} from './playback/keyboard';
import { fieldsOf } from './playback/never-act';
import { waitForBubbleText, waitForSpotlightOn } from './playback/overlay';
import { expectedFields, expectedOutcome, PERSON, PRACTICE_QUESTION, pathFrom, textOf } from './playback/person';
import { installPointerLog, pointerLog, pointerLogCanary } from './playback/pointer-log';
import { latestRun, runOfTab } from './playback/runs';

/**
 * The whole practice guide with the keyboard alone, as a person who cannot
 * use a mouse does it: the popup (Tab, Enter), the question in the bubble
 * (Alt+Shift+K, Tab, Enter), then every step — Alt+Shift+K to read the
 * bubble, Escape back to where the person was (never onto the step's element
 * by itself), Tab to the field, typing, Space, Enter — and « C'est fait » for
 * the reading step. Not one pointer or mouse event may happen in
 * any page, and the focus must be visible on the bubble's buttons.
 */

/** The overlay's shortcut that brings the focus into the bubble (components/overlay/Overlay.tsx). */
const SHORTCUT = 'Alt+Shift+K';

const sites = practiceSitesSuite();
const report: string[] = [];

afterAll(() => {
  if (report.length > 0) console.info(report.join('\n'));
});

/** The focus indicator of an element of the bubble, for the assertions and the report. */
function indicator(focused: FocusedElement): string {
  return `« ${focused.text.slice(0, 24) || focused.tag} » : outline ${focused.outlineStyle} ${focused.outlineWidth}, box-shadow ${focused.boxShadow}`;
}

describe.each<BrowserKind>(['chromium', 'firefox'])('%s: the practice guide with the keyboard only', (kind) => {
  const suite = extensionSuite(kind);

  it('starts from the popup and completes every step without one pointer event, the focus always visible', {
    timeout: 300_000,
  }, async () => {
    const started = Date.now();
    const { ext } = suite;
    // Before any script of the page and of the extension: every pointer event, trusted or not, is logged.
    const page = await openPracticePage(suite, sites.guided, (p) => p.evaluateOnNewDocument(installPointerLog));
    expect(await pointerLogCanary(page), 'the pointer log of the page hears an event').toEqual(['pointermove']);

    /** Focus indicators seen on the bubble's controls reached with the keyboard. */
    const indicators: FocusedElement[] = [];

    // The popup, with the keyboard. The browser opens it: its log starts before our first key press.
    const popup = suite.track(await ext.openPopup(page));
    await popup.evaluate(installPointerLog);
    expect(await pointerLogCanary(popup), 'the pointer log of the popup hears an event').toEqual(['pointermove']);
    await popup.waitForSelector(`${PRACTICE_GUIDE_ITEM} button.start`, { timeout: WAIT_MS });
    // Read once the popup is rendered: it sets its language then.
    const popupText = await messagesOf(popup);
    const start = await pressUntilFocused(popup, 'Tab', '« Commencer » du guide d’entraînement', () =>
      focusIsOn(popup, `${PRACTICE_GUIDE_ITEM} button.start`),
    );
    expect(start.text).toBe(popupText('popup.start'));
    expect(showsFocus(start), `popup focus ${indicator(start)}`).toBe(true);
    await pressKeys(popup, 'Enter');
    await popup.waitForSelector('.start-screen button.go', { timeout: WAIT_MS });
    const go = await pressUntilFocused(popup, 'Tab', '« C’est parti »', () => focusIsOn(popup, '.start-screen button.go'));
    expect(go.text).toBe(popupText('popup.startScreen.go'));
    await pressKeys(popup, 'Enter');
    await popup.waitForSelector(`section.started[data-guide-id="${PRACTICE_GUIDE_ID}"]`, { timeout: WAIT_MS });
    expect(await pointerLog(popup), 'pointer events in the popup').toEqual([]);
    await popup.close();
    await page.bringToFront();
    const { tabId } = await latestRun(ext, page);

    // The question: the shortcut brings the focus into the bubble, Tab reaches the answer, Enter gives it.
    const { question, noAccount } = PRACTICE_QUESTION;
    const asked = await waitForBubbleText(page, question.question);
    const t = await messages(asked.lang ?? 'fr');
    await pressKeys(page, SHORTCUT);
    indicators.push(await waitForFocusOnBubble(page));
    const hide = await pressUntilFocused(
      page,
      'Tab',
      'le bouton « Masquer » de la bulle',
      (f) => f.inOverlay && f.text === t('overlay.hide'),
    );
    indicators.push(hide);
    const choice = await pressUntilFocused(
      page,
      'Tab',
      `la réponse « ${noAccount.label} »`,
      (f) => f.inOverlay && f.text === noAccount.label,
    );
    indicators.push(choice);
    // Shift+Tab goes back within the bubble (no trap, no loss).
    const before = await pressUntilFocused(page, 'Shift+Tab', 'le contrôle précédent de la bulle', (f) => f.inOverlay, 1);
    indicators.push(before);
    await pressUntilFocused(page, 'Tab', `la réponse « ${noAccount.label} »`, (f) => f.inOverlay && f.text === noAccount.label, 1);
    await pressKeys(page, 'Enter');

    const { steps, end } = pathFrom(noAccount.next);
    /** Fields set on the current page, and the keys used per step (for the report). */
    let set: Record<string, string | boolean> = {};
    let pagePath = new URL(page.url()).pathname;
    const keysOf: string[] = [];
    let answeredFromBubble = true;

    for (const [index, step] of steps.entries()) {
      const person = PERSON[step.id];
      if (!person) throw new Error(`pas de geste prévu pour l’étape ${step.id}`);
      const next: GuideItem = index + 1 < steps.length ? (steps[index + 1] as GuideItem) : end;
      if (new URL(page.url()).pathname !== pagePath) {
        pagePath = new URL(page.url()).pathname;
        set = {};
      }
      await waitForBubbleText(page, step.instruction);
      await waitForSpotlightOn(page, person.target);
      const keys: string[] = [];
      /** Where the person was on the page before coming into the bubble (null: nowhere on the page yet). */
      let was: FocusedElement | null = null;
      if (answeredFromBubble) {
        // Answered from the bubble: the focus went on to the next bubble, not lost in the page.
        await waitForFocusOnBubble(page);
        answeredFromBubble = false;
      } else {
        const focused = await focusedElement(page);
        was = focused && !focused.inOverlay && focused.tag !== 'body' ? focused : null;
        // Read the step: the shortcut brings the focus into its bubble.
        await pressKeys(page, SHORTCUT);
        keys.push(SHORTCUT);
        indicators.push(await waitForFocusOnBubble(page));
      }

      if (step.action === 'read') {
        // Nothing to do on the page: « C'est fait » in the bubble.
        const done = await pressUntilFocused(page, 'Tab', '« C’est fait »', (f) => f.inOverlay && f.text === t('overlay.done'));
        indicators.push(done);
        await pressKeys(page, 'Enter');
        keys.push('Tab…', 'Enter');
        answeredFromBubble = true;
      } else {
        // Escape hides the bubble; the focus goes back where the person was on the page (README) — onto the
        // step's element only if they were nowhere on the page yet. From there, Tab to the step's element.
        await pressKeys(page, 'Escape');
        keys.push('Escape');
        const group = step.action === 'choose';
        await waitUntil(
          was ? `Échap : le focus revient sur ${was.tag}#${was.id}` : `Échap : le focus est sur ${person.target}`,
          async () => {
            if (!was) return focusIsOn(page, person.target, group);
            const focused = await focusedElement(page);
            return focused?.tag === was.tag && focused.id === was.id && !focused.inOverlay;
          },
          { describe: () => focusedElement(page) },
        );
        if (!(await focusIsOn(page, person.target, group))) {
          await pressUntilFocused(page, 'Tab', person.target, () => focusIsOn(page, person.target, group), 60);
          keys.push('Tab…');
        }
        const value = Object.values(person.sets ?? {})[0];
        if (step.action === 'fill') {
          if (typeof value !== 'string') throw new Error(`pas de texte à taper pour ${step.id}`);
          await page.keyboard.type(value);
          await pressKeys(page, 'Tab');
          keys.push('(saisie)', 'Tab');
        } else if (step.action === 'check' || step.action === 'choose') {
          // A checkbox, or the radio that has the focus in the group: Space ticks it.
          await pressKeys(page, 'Space');
          keys.push('Espace');
        } else if (step.action === 'click') {
          await Promise.all([page.waitForNavigation({ waitUntil: 'load', timeout: WAIT_MS }), pressKeys(page, 'Enter')]);
          keys.push('Entrée');
        } else {
          throw new Error(`action ${step.action} non prévue au clavier`);
        }
        if (person.sets) {
          Object.assign(set, person.sets);
          const fields = await fieldsOf(page);
          expect(fields, `fields after ${step.id}`).toEqual(expectedFields(fields, set));
        }
      }
      await waitForBubbleText(page, textOf(next));
      keysOf.push(`${step.id}: ${keys.join(' ')}`);
    }

    // The end shows, the focus went to its bubble (« C'est fait » was pressed there).
    await waitForFocusOnBubble(page);
    const run = await runOfTab(ext, tabId, page);
    expect(run?.status).toBe('finished');
    const outcomes = Object.fromEntries(
      run?.history.filter((visit) => visit.id !== question.id).map((visit) => [visit.id, visit.how]) ?? [],
    );
    // Each step ended as in the mouse journey: seen done or reached the next page by itself; only the reading step by « C'est fait ».
    expect(outcomes).toEqual(Object.fromEntries(steps.map((step) => [step.id, expectedOutcome(step)])));

    // Not one pointer event anywhere, and the focus shown on every control of the bubble reached.
    expect(await pointerLog(page), 'pointer events in the practice pages').toEqual([]);
    for (const focused of indicators) {
      expect(showsFocus(focused), `visible focus on ${indicator(focused)}`).toBe(true);
      expect(focused.inOverlay).toBe(true);
    }

    report.push(
      [
        `[${kind}] guide entier au clavier en ${((Date.now() - started) / 1000).toFixed(1)} s, ${steps.length} étapes`,
        ...keysOf.map((line) => `  ${line}`),
        `  indicateurs de focus : ${[...new Set(indicators.filter((f) => !f.bubble).map(indicator))].join(' | ')}`,
      ].join('\n'),
    );
  });
});
