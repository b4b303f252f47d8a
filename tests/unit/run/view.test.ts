/** The view of a run's current step: one function for the overlay, the side panel and the popup. */
import { describe, expect, it } from 'vitest';
import { advance, type Run, type RunEvent, startRun } from '../../../utils/run';
import { positionOf, stepView } from '../../../utils/run/view';
import { practiceGuide as guide } from './practice-guide';

const T0 = 1_700_000_000_000;
const play = (events: RunEvent[], run: Run) => events.reduce((r, event, i) => advance(guide, r, event, T0 + i + 1), run);
/** Steps and questions of the practice guide: everything but its two ends. */
const TO_DO = guide.steps.filter((item) => item.kind !== 'end').length;

describe('stepView', () => {
  it('counts the steps to do, never the end', () => {
    const run = startRun(guide, 'advisor', T0);
    expect(stepView(guide, run)).toMatchObject({ position: 1, total: TO_DO, canGoBack: false, spotlight: true });
    expect(TO_DO).toBe(guide.steps.length - 2);
    const logIn = play([{ type: 'answer', choice: 0 }], run);
    expect(stepView(guide, logIn)).toMatchObject({ position: 2, total: TO_DO, canGoBack: true });
    // At the end the counter stands at its last figure: « Étape 8 sur 8 », not « 4 sur 9 ».
    expect(positionOf(guide, { currentId: 'logged-in' })).toEqual({ position: TO_DO, total: TO_DO });
  });

  it('shows the spotlight when guided, below that only once help is asked, and always the end', () => {
    const quiet = startRun(guide, 'alone', T0, 'autonomous');
    expect(stepView(guide, quiet)?.spotlight).toBe(false);
    expect(stepView(guide, play([{ type: 'help', kind: 'show-me' }], quiet))?.spotlight).toBe(true);
    const atEnd = play(
      [
        { type: 'answer', choice: 0 },
        { type: 'action-done', stepId: 'login-email' },
        { type: 'action-done', stepId: 'login-password' },
        { type: 'action-done', stepId: 'login-submit' },
      ],
      quiet,
    );
    const end = stepView(guide, atEnd);
    expect(end?.item.kind).toBe('end');
    expect(end?.spotlight).toBe(true);
    expect(end?.recap?.finished).toBe(true);
  });

  it('names the next action step on the same path, for the page to watch ahead', () => {
    const logIn = play([{ type: 'answer', choice: 0 }], startRun(guide, 'advisor', T0));
    expect(stepView(guide, logIn)?.next?.id).toBe('login-password');
    // A question's next item depends on the answer: nothing to watch ahead.
    expect(stepView(guide, startRun(guide, 'advisor', T0))?.next).toBeUndefined();
  });

  it('is null for a run that points at no item of the guide', () => {
    expect(stepView(guide, { ...startRun(guide, 'advisor', T0), currentId: 'gone' })).toBeNull();
  });
});
