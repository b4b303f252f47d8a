import { describe, expect, it } from 'vitest';
import { advance, canGoBack, type Run, type RunEvent, recap, spotlightOn, startRun } from '../../../utils/run';
import { at, practiceGuide as guide } from './practice-guide';

const T0 = 1_700_000_000_000;
const play = (events: RunEvent[], run: Run = startRun(guide, 'alone', T0, 'on-demand')) =>
  events.reduce((current, event, i) => advance(guide, current, event, T0 + (i + 1) * 60_000), run);

describe('recap', () => {
  it('counts what happened on the path taken, with help asked anywhere', () => {
    const run = play([
      { type: 'answer', choice: 1 },
      { type: 'help', kind: 'show-me' },
      { type: 'action-done', stepId: 'register-link' },
      { type: 'help', kind: 'not-found' },
      { type: 'back' }, // identity-name undone, its help still counts
      { type: 'manual-done' }, // register-link again, by hand this time
      { type: 'action-done', stepId: 'identity-name' },
      { type: 'page', url: at('/register/contact/') }, // identity-civility skipped, go-contact by page
      { type: 'manual-done' }, // contact-read
      { type: 'help', kind: 'lost' },
      { type: 'action-done', stepId: 'contact-cgu' },
      { type: 'action-done', stepId: 'contact-file' },
      { type: 'page', url: at('/register/done/') },
    ]);
    expect(run.status).toBe('finished');
    expect(recap(guide, run)).toEqual({
      finished: true,
      steps: 8,
      doneByPerson: 5, // identity-name, go-contact, contact-cgu, contact-file, contact-submit
      doneByHand: 2, // register-link, contact-read
      skipped: 1,
      questionsAnswered: 1,
      backs: 1,
      helpAsked: 3,
      helpByKind: { 'not-found': 1, 'show-me': 1, lost: 1 },
      helpIds: ['register-link', 'identity-name', 'contact-cgu'],
      manualIds: ['register-link', 'contact-read'],
      durationMs: 13 * 60_000,
    });
  });

  it('holds nothing but counts and guide ids', () => {
    const run = play([
      { type: 'answer', choice: 1 },
      { type: 'page', url: at('/register/contact/?nom=Dupont') },
    ]);
    const text = JSON.stringify(recap(guide, run));
    expect(text).not.toMatch(/Dupont|localhost/);
    expect(recap(guide, run).finished).toBe(false);
  });
});

describe('spotlightOn and canGoBack', () => {
  it('guided always shows the spotlight; other levels only once help is asked, until the step changes', () => {
    const guided = play([{ type: 'answer', choice: 1 }], startRun(guide, 'advisor', T0));
    expect(spotlightOn(guided)).toBe(true);
    const onDemand = play([{ type: 'answer', choice: 1 }]);
    expect(spotlightOn(onDemand)).toBe(false);
    const shown = advance(guide, onDemand, { type: 'help', kind: 'show-me' }, T0);
    expect(spotlightOn(shown)).toBe(true);
    expect(spotlightOn(advance(guide, shown, { type: 'manual-done' }, T0))).toBe(false);
    const lost = advance(
      guide,
      advance(guide, onDemand, { type: 'set-level', level: 'autonomous' }, T0),
      { type: 'help', kind: 'lost' },
      T0,
    );
    expect([spotlightOn(lost), canGoBack(lost)]).toEqual([true, true]);
    expect(canGoBack(startRun(guide, 'alone', T0))).toBe(false);
    expect(spotlightOn(advance(guide, shown, { type: 'abandon' }, T0))).toBe(false);
  });
});
