import { describe, expect, it } from 'vitest';
import { type Guide, guideSchema } from '../../../utils/guide/schema';
import { advance, currentItem, isRun, type Run, type RunEvent, startRun, trail } from '../../../utils/run';
import { at, practiceGuide as guide, practiceInput } from './practice-guide';

const T0 = 1_700_000_000_000;

/** Plays events one after the other, a second apart. */
function play(events: RunEvent[], run: Run = startRun(guide, 'advisor', T0)): Run {
  return events.reduce((current, event, i) => advance(guide, current, event, T0 + (i + 1) * 1000), run);
}

const toRegister: RunEvent[] = [{ type: 'answer', choice: 1 }];
const toIdentity: RunEvent[] = [...toRegister, { type: 'action-done', stepId: 'register-link' }];

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

describe('startRun and currentItem', () => {
  it('starts at the first item, active, guided by default, with nothing behind', () => {
    const run = startRun(guide, 'alone', T0);
    expect(run).toEqual({
      v: 1,
      guideId: 'compte-pratique',
      guideVersion: '1.0.0',
      mode: 'alone',
      level: 'guided',
      status: 'active',
      currentId: 'has-account',
      currentHelp: [],
      history: [],
      stack: [],
      answers: {},
      startedAt: T0,
      updatedAt: T0,
    });
    expect(currentItem(guide, run)?.kind).toBe('question');
    expect(startRun(guide, 'advisor', T0, 'autonomous').level).toBe('autonomous');
  });

  it('says undefined when the guide no longer has the current item', () => {
    expect(currentItem(guide, { currentId: 'gone' })).toBeUndefined();
  });
});

describe('questions and branches', () => {
  it('the answer picks the next item and is recorded', () => {
    const yes = play([{ type: 'answer', choice: 0 }]);
    expect(yes.currentId).toBe('login-email');
    expect(yes.answers).toEqual({ 'has-account': 0 });
    expect(yes.history).toEqual([{ id: 'has-account', how: 'answered', choice: 0, help: [], level: 'guided', at: T0 + 1000 }]);
    expect(yes.stack).toEqual([0]);

    const no = play(toRegister);
    expect(no.currentId).toBe('register-link');
    expect(no.answers).toEqual({ 'has-account': 1 });
  });

  it('ignores a choice that does not exist, and an answer to a step', () => {
    const run = startRun(guide, 'advisor', T0);
    for (const choice of [-1, 2, 0.5, Number.NaN]) expect(advance(guide, run, { type: 'answer', choice }, T0 + 1)).toBe(run);
    const onStep = play(toRegister);
    expect(advance(guide, onStep, { type: 'answer', choice: 0 }, T0 + 9000)).toBe(onStep);
    // -0 is choice 0, stored so that it survives JSON (found by the property test).
    const minusZero = advance(guide, run, { type: 'answer', choice: -0 }, T0 + 1);
    expect(JSON.parse(JSON.stringify(minusZero))).toEqual(minusZero);
  });

  it('follows the branch to its own end', () => {
    const run = play([
      { type: 'answer', choice: 0 },
      { type: 'action-done', stepId: 'login-email' },
      { type: 'action-done', stepId: 'login-password' },
      { type: 'action-done', stepId: 'login-submit' },
    ]);
    expect(run.currentId).toBe('logged-in');
    expect(run.status).toBe('finished');
    expect(run.finishedAt).toBe(T0 + 4000);
    expect(trail(run).map((visit) => visit.id)).toEqual(['has-account', 'login-email', 'login-password', 'login-submit']);
  });
});

describe('action-done', () => {
  it('completes the current step when it is the one observed', () => {
    const run = play(toIdentity);
    expect(run.currentId).toBe('identity-name');
    expect(run.history.at(-1)).toEqual({ id: 'register-link', how: 'done', help: [], level: 'guided', at: T0 + 2000 });
  });

  it('returns the same run for another step, a question, or a step done another way', () => {
    const onStep = play(toRegister);
    expect(advance(guide, onStep, { type: 'action-done', stepId: 'identity-name' }, T0 + 9000)).toBe(onStep);
    const onQuestion = startRun(guide, 'advisor', T0);
    expect(advance(guide, onQuestion, { type: 'action-done', stepId: 'has-account' }, T0 + 9000)).toBe(onQuestion);
    // contact-submit is done when its page is reached, not by the click.
    const onSubmit = play([
      ...toIdentity,
      { type: 'page', url: at('/register/contact/') },
      { type: 'manual-done' },
      ...Array(2).fill({ type: 'manual-done' }),
    ]);
    expect(onSubmit.currentId).toBe('contact-submit');
    expect(advance(guide, onSubmit, { type: 'action-done', stepId: 'contact-submit' }, T0 + 9000)).toBe(onSubmit);
    // go-contact is done by its page only.
    const onGo = play([...toIdentity, { type: 'manual-done' }, { type: 'manual-done' }]);
    expect(onGo.currentId).toBe('go-contact');
    expect(advance(guide, onGo, { type: 'action-done', stepId: 'go-contact' }, T0 + 9000)).toBe(onGo);
  });
});

describe('page arrival', () => {
  const onGo = () => play([...toIdentity, { type: 'manual-done' }, { type: 'manual-done' }]);

  it('completes a go-to-page step on its donePage', () => {
    const run = advance(guide, onGo(), { type: 'page', url: at('/register/contact/index.html') }, T0 + 9000);
    expect(run.currentId).toBe('contact-read');
    expect(run.history.at(-1)).toMatchObject({ id: 'go-contact', how: 'page' });
  });

  it('completes a doneWhen page step and reaches the end', () => {
    const onSubmit = play([...toIdentity, { type: 'page', url: at('/register/contact/') }, ...Array(3).fill({ type: 'manual-done' })]);
    const run = advance(guide, onSubmit, { type: 'page', url: at('/register/done/?ok=1') }, T0 + 9000);
    expect(run.history.at(-1)).toMatchObject({ id: 'contact-submit', how: 'page' });
    expect(run.currentId).toBe('registered');
    expect(run.status).toBe('finished');
  });

  it('stays on the current step’s own page (a reload) and on a page that matches nothing', () => {
    const run = play(toIdentity);
    expect(advance(guide, run, { type: 'page', url: at('/register/identity/index.html') }, T0 + 9000)).toBe(run);
    expect(advance(guide, run, { type: 'page', url: at('/ailleurs/') }, T0 + 9000)).toBe(run);
    expect(advance(guide, run, { type: 'page', url: 'pas une adresse' }, T0 + 9000)).toBe(run);
  });

  it('arriving on the next step’s page completes the current one', () => {
    const run = advance(guide, play(toRegister), { type: 'page', url: at('/register/identity/') }, T0 + 9000);
    expect(run.currentId).toBe('identity-name');
    expect(run.history.at(-1)).toMatchObject({ id: 'register-link', how: 'page' });
  });

  it('going ahead to a later step’s page jumps there and records the steps in between as skipped', () => {
    const run = advance(guide, play(toRegister), { type: 'page', url: at('/register/contact/') }, T0 + 9000);
    expect(run.currentId).toBe('contact-read');
    expect(trail(run).map(({ id, how }) => [id, how])).toEqual([
      ['has-account', 'answered'],
      ['register-link', 'skipped'],
      ['identity-name', 'skipped'],
      ['identity-civility', 'skipped'],
      ['go-contact', 'page'],
    ]);
  });

  it('on a later step’s own page: the step just before it is done by the page, the earlier ones skipped', () => {
    const pages = guideSchema.parse({
      ...practiceInput,
      steps: [
        { kind: 'step', id: 'a', page: '/a/*', action: 'read', instruction: 'Lisez.' },
        { kind: 'step', id: 'b', page: '/b/*', action: 'read', instruction: 'Lisez.' },
        { kind: 'step', id: 'c', page: '/c/*', action: 'read', instruction: 'Lisez.' },
        { kind: 'step', id: 'd', page: '/d/*', action: 'read', instruction: 'Lisez.' },
        { kind: 'end', id: 'fin' },
      ],
    });
    const run = advance(pages, startRun(pages, 'advisor', T0), { type: 'page', url: at('/c/') }, T0 + 1);
    expect(run.currentId).toBe('c');
    expect(trail(run).map(({ id, how }) => `${id}:${how}`)).toEqual(['a:skipped', 'b:page']);
    // Nearest first, and never backwards.
    expect(advance(pages, run, { type: 'page', url: at('/a/') }, T0 + 2)).toBe(run);
  });

  it('does not jump past a question', () => {
    const run = startRun(guide, 'advisor', T0);
    expect(advance(guide, run, { type: 'page', url: at('/register/identity/') }, T0 + 1)).toBe(run);
  });

  it('keeps none of the URL', () => {
    const run = advance(guide, play(toRegister), { type: 'page', url: at('/register/contact/?nom=Dupont') }, T0 + 9000);
    expect(JSON.stringify(run)).not.toMatch(/Dupont|localhost|register\//);
  });
});

describe('manual done, back, help', () => {
  it('"C’est fait" completes any step by hand, not a question', () => {
    const run = play([...toRegister, { type: 'manual-done' }]);
    expect(run.history.at(-1)).toMatchObject({ id: 'register-link', how: 'manual' });
    const onQuestion = startRun(guide, 'advisor', T0);
    expect(advance(guide, onQuestion, { type: 'manual-done' }, T0 + 1)).toBe(onQuestion);
  });

  it('ignores an event meant for an item that is no longer current (double click)', () => {
    const first = play([...toRegister, { type: 'manual-done', itemId: 'register-link' }]);
    expect(first.currentId).toBe('identity-name');
    expect(advance(guide, first, { type: 'manual-done', itemId: 'register-link' }, T0 + 9000)).toBe(first);
    expect(advance(guide, first, { type: 'back', itemId: 'register-link' }, T0 + 9000)).toBe(first);
  });

  it('"Retour" goes back one item on the path taken, and back across a question undoes the answer', () => {
    const forward = play([...toIdentity, { type: 'help', kind: 'not-found' }]);
    const once = advance(guide, forward, { type: 'back' }, T0 + 9000);
    expect(once.currentId).toBe('register-link');
    expect(once.answers).toEqual({ 'has-account': 1 });
    expect(once.history.at(-1)).toEqual({ id: 'identity-name', how: 'back', help: ['not-found'], level: 'guided', at: T0 + 9000 });
    expect(once.stack).toEqual([0]);

    const twice = advance(guide, once, { type: 'back' }, T0 + 10_000);
    expect(twice.currentId).toBe('has-account');
    expect(twice.answers).toEqual({});
    expect(twice.stack).toEqual([]);
    expect(advance(guide, twice, { type: 'back' }, T0 + 11_000)).toBe(twice);

    // A new answer takes the other branch.
    const other = advance(guide, twice, { type: 'answer', choice: 0 }, T0 + 12_000);
    expect(other.currentId).toBe('login-email');
    expect(other.answers).toEqual({ 'has-account': 0 });
    expect(trail(other).map((visit) => visit.id)).toEqual(['has-account']);
  });

  it('"Retour" after a jump goes back one step, to the one completed by the page', () => {
    const jumped = advance(guide, play(toRegister), { type: 'page', url: at('/register/contact/') }, T0 + 9000);
    expect(advance(guide, jumped, { type: 'back' }, T0 + 10_000).currentId).toBe('go-contact');
  });

  it('help marks stay on the current item until it ends, each kind once', () => {
    const run = play([...toRegister, { type: 'help', kind: 'show-me' }, { type: 'help', kind: 'lost' }]);
    expect(run.currentHelp).toEqual(['show-me', 'lost']);
    expect(advance(guide, run, { type: 'help', kind: 'show-me' }, T0 + 9000)).toBe(run);
    expect(advance(guide, run, { type: 'help', kind: 'panic' as never }, T0 + 9000)).toBe(run);
    const done = advance(guide, run, { type: 'action-done', stepId: 'register-link' }, T0 + 9000);
    expect(done.currentHelp).toEqual([]);
    expect(done.history.at(-1)).toMatchObject({ id: 'register-link', how: 'done', help: ['show-me', 'lost'] });
  });
});

describe('mode and level', () => {
  it('change mid-run; each visit records the level it ended at', () => {
    let run = play(toRegister);
    run = advance(guide, run, { type: 'set-level', level: 'on-demand' }, T0 + 5000);
    run = advance(guide, run, { type: 'set-mode', mode: 'alone' }, T0 + 6000);
    expect([run.mode, run.level, run.currentId, run.updatedAt]).toEqual(['alone', 'on-demand', 'register-link', T0 + 6000]);
    run = advance(guide, run, { type: 'action-done', stepId: 'register-link' }, T0 + 7000);
    expect(run.history.map((visit) => visit.level)).toEqual(['guided', 'on-demand']);
  });

  it('returns the same run for the same or an unknown value', () => {
    const run = startRun(guide, 'advisor', T0);
    expect(advance(guide, run, { type: 'set-mode', mode: 'advisor' }, T0 + 1)).toBe(run);
    expect(advance(guide, run, { type: 'set-level', level: 'guided' }, T0 + 1)).toBe(run);
    expect(advance(guide, run, { type: 'set-level', level: 'expert' as never }, T0 + 1)).toBe(run);
  });
});

describe('restart, abandon, end', () => {
  it('restart starts again from the first item, keeping mode and level', () => {
    let run = play([...toIdentity, { type: 'set-level', level: 'autonomous' }, { type: 'set-mode', mode: 'alone' }]);
    run = advance(guide, run, { type: 'restart' }, T0 + 50_000);
    expect(run).toEqual({ ...startRun(guide, 'alone', T0 + 50_000, 'autonomous') });
  });

  it('abandon stops the run; then only restart applies', () => {
    const run = advance(guide, play(toRegister), { type: 'abandon' }, T0 + 9000);
    expect([run.status, run.finishedAt]).toEqual(['abandoned', T0 + 9000]);
    for (const event of [{ type: 'manual-done' }, { type: 'back' }, { type: 'help', kind: 'lost' }, { type: 'abandon' }] as RunEvent[]) {
      expect(advance(guide, run, event, T0 + 10_000)).toBe(run);
    }
    expect(advance(guide, run, { type: 'restart' }, T0 + 10_000).status).toBe('active');
  });

  it('a finished run ignores everything but restart', () => {
    const run = play([{ type: 'answer', choice: 0 }, ...Array(3).fill({ type: 'manual-done' })]);
    expect(run.status).toBe('finished');
    for (const event of [
      { type: 'back' },
      { type: 'set-level', level: 'autonomous' },
      { type: 'page', url: at('/login/') },
    ] as RunEvent[]) {
      expect(advance(guide, run, event, T0 + 10_000)).toBe(run);
    }
  });

  it('ignores events for a run of another guide, and unknown events', () => {
    const run = startRun(guide, 'advisor', T0);
    const other: Guide = { ...guide, id: 'autre' };
    expect(advance(other, run, { type: 'restart' }, T0 + 1)).toBe(run);
    expect(advance(guide, run, { type: 'teleport' } as unknown as RunEvent, T0 + 1)).toBe(run);
  });

  it('stays put on a dangling next, and finishes after a last step without next', () => {
    const broken = guideSchema.parse({
      ...practiceInput,
      steps: [
        { kind: 'step', id: 'a', action: 'read', instruction: 'Lisez.', next: 'nowhere' },
        { kind: 'step', id: 'b', action: 'read', instruction: 'Lisez.' },
      ],
    });
    const onA = startRun(broken, 'advisor', T0);
    expect(advance(broken, onA, { type: 'manual-done' }, T0 + 1)).toBe(onA);
    const onB = { ...onA, currentId: 'b' };
    const last = advance(broken, onB, { type: 'manual-done' }, T0 + 1);
    expect([last.status, last.currentId, last.finishedAt]).toEqual(['finished', 'b', T0 + 1]);
  });
});

describe('purity and storage', () => {
  const everything: RunEvent[] = [
    { type: 'help', kind: 'lost' },
    ...toRegister,
    { type: 'set-level', level: 'on-demand' },
    { type: 'page', url: at('/register/identity/') },
    { type: 'back' },
    { type: 'manual-done' },
    { type: 'action-done', stepId: 'identity-name' },
    { type: 'page', url: at('/register/contact/') },
    { type: 'set-mode', mode: 'alone' },
    { type: 'abandon' },
    { type: 'restart' },
  ];

  it('never mutates its input (deeply frozen runs and guide)', () => {
    deepFreeze(guide);
    let run = deepFreeze(startRun(guide, 'advisor', T0));
    const snapshots: string[] = [];
    everything.forEach((event, i) => {
      snapshots.push(JSON.stringify(run));
      const next = advance(guide, run, event, T0 + i + 1);
      expect(JSON.stringify(run)).toBe(snapshots.at(-1));
      run = deepFreeze(next);
    });
  });

  it('survives a JSON round trip at every point, and goes on the same way', () => {
    let run = startRun(guide, 'advisor', T0);
    everything.forEach((event, i) => {
      const stored = JSON.parse(JSON.stringify(run)) as unknown;
      expect(stored).toEqual(run);
      expect(isRun(stored)).toBe(true);
      const next = advance(guide, run, event, T0 + i + 1);
      expect(advance(guide, stored as Run, event, T0 + i + 1)).toEqual(next);
      run = next;
    });
  });

  it('isRun refuses other versions and damaged entries', () => {
    const run = play(toIdentity);
    expect(isRun(run)).toBe(true);
    for (const bad of [
      null,
      'run',
      { ...run, v: 2 },
      { ...run, level: 'expert' },
      { ...run, stack: [99] },
      { ...run, history: [{ id: 'x' }] },
    ]) {
      expect(isRun(bad)).toBe(false);
    }
  });
});
