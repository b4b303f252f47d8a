import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { hole } from '../../components/overlay/geometry';
import { matchesPage } from '../../utils/catalogue/sites';
import type { ActionStep } from '../../utils/guide/schema';
import { type BrowserKind, extensionSuite, practiceSitesSuite, waitUntil } from './harness';
import { covers, roomBeside } from './playback/bubble-room';
import { type Box, boxOf, clickBubbleButton, readOverlay, waitForBubbleText, waitForSpotlightOn } from './playback/overlay';
import { PERSON, PRACTICE_QUESTION, pathFrom, textOf } from './playback/person';
import { practiceAtFirstStep } from './playback/start';

/**
 * The bubble does not hide what comes next: at each step of the practice guide, on the two most common laptop
 * screens, it covers neither the step's target nor the next step's target whenever one of its sides has room for
 * that (worked out here from the real boxes, every whole pixel tried).
 */

const sites = practiceSitesSuite();
const { steps, end } = pathFrom(PRACTICE_QUESTION.noAccount.next);
const SCREENS = [
  { width: 1280, height: 800 },
  { width: 1366, height: 768 },
];
/** Sub-pixel rounding between the placement and the browser's own boxes. */
const TOLERANCE = 0.5;

/** The next step on the same path, when it has a target on this page too: the one the bubble keeps clear. */
function nextOnThisPage(index: number, url: string): ActionStep | undefined {
  const next = steps[index + 1];
  if (!next?.target) return undefined;
  return next.page === undefined || matchesPage(next.page, new URL(url)) ? next : undefined;
}

const viewportOf = (page: Page) =>
  page.evaluate(() => ({ width: document.documentElement.clientWidth, height: document.documentElement.clientHeight }));

/** The bubble's box once it stays where it is (the same in two reads in a row). */
function settledBubble(page: Page): Promise<Box> {
  let previous = '';
  return waitUntil('la bulle ne bouge plus', async () => {
    const { bubble } = await readOverlay(page);
    const now = JSON.stringify(bubble);
    const still = !!bubble && now === previous;
    previous = now;
    return still ? bubble : null;
  });
}

interface Seen {
  step: string;
  next: string | null;
  room: boolean;
  clear: boolean;
}

describe.each<BrowserKind>(['chromium', 'firefox'])('%s: the bubble leaves the next step in view', (kind) => {
  const suite = extensionSuite(kind);

  it.each(SCREENS)('at $width × $height, at every step of the practice guide', async (screen) => {
    const { page, t } = await practiceAtFirstStep(suite, sites.guided, screen);
    const seen: Seen[] = [];

    for (const [index, step] of steps.entries()) {
      const person = PERSON[step.id];
      if (!person) throw new Error(`pas de geste prévu pour l’étape ${step.id}`);
      await waitForBubbleText(page, step.instruction);
      const { target } = await waitForSpotlightOn(page, person.target);
      const next = nextOnThisPage(index, page.url());
      const nextSelector = next && PERSON[next.id]?.target;
      const nextBox = nextSelector ? await boxOf(page, nextSelector) : null;
      if (next) expect(nextBox, `la cible de ${next.id} est dans la page`).not.toBeNull();
      const bubble = await settledBubble(page);
      const keepClear = nextBox ? [nextBox] : [];
      const room = roomBeside(target, keepClear, bubble, await viewportOf(page));
      const clear = [target, ...keepClear].every((box) => !covers(bubble, hole(box), TOLERANCE));
      seen.push({ step: step.id, next: next?.id ?? null, room, clear });
      if (room)
        expect(clear, `à l’étape ${step.id}, la bulle ${JSON.stringify(bubble)} couvre ${JSON.stringify([target, nextBox])}`).toBe(true);

      if (person.act) await person.act(page);
      else await clickBubbleButton(page, t('overlay.done'));
    }
    await waitForBubbleText(page, textOf(end));

    // Every step was tried.
    expect(seen.map((s) => s.step)).toEqual(steps.map((s) => s.id));
    console.info(
      `${kind} ${screen.width}×${screen.height}:`,
      seen.map((s) => `${s.step}${s.next ? `→${s.next}` : ''}:${s.room ? 'room' : 'no room'}`).join(', '),
    );
    // The case that asked for it: « Identifiant » while « Mot de passe » comes next, on the login page.
    expect(seen.find((s) => s.step === 'identifiant')).toEqual({ step: 'identifiant', next: 'mot-de-passe', room: true, clear: true });
  });
});
