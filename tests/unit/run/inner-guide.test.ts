/**
 * Guides that run guides (format 2): the run enters the inner guide, plays it
 * to its end and goes on in the outer guide; « Retour » from the inner guide's
 * first step goes back out; abandoning and restarting work inside it; and the
 * run stays plain ids (it survives a restart: the played guide is rebuilt the
 * same from the installed guides).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Guide, type GuideInput, guideSchema } from '../../../utils/guide/schema';
import {
  advance,
  isRun,
  landing,
  type PlayedGuide,
  playedGuide,
  positionOf,
  type Run,
  type RunEvent,
  recap,
  startRun,
  stepView,
} from '../../../utils/run';

function guide(input: Omit<GuideInput, 'format' | 'version' | 'lang' | 'summary' | 'status' | 'durationMinutes'>): Guide {
  return guideSchema.parse({
    format: 2,
    version: '1.0.0',
    lang: 'fr',
    summary: 'Un guide pour les tests.',
    status: { state: 'draft' },
    durationMinutes: 5,
    ...input,
  });
}

const connexion = guide({
  id: 'franceconnect-se-connecter',
  title: 'Se connecter avec FranceConnect',
  sites: ['https://franceconnect.gouv.fr/*'],
  prepare: [{ label: 'Vos identifiants impots.gouv.fr', sensitive: true }],
  sources: [{ title: 'Aide FranceConnect', url: 'https://franceconnect.gouv.fr/aide', seen: '2026-11-20' }],
  steps: [
    {
      kind: 'step',
      id: 'bouton',
      action: 'click',
      target: { tag: 'button', name: 'S’identifier avec FranceConnect' },
      instruction: 'Cliquez sur FranceConnect.',
    },
    {
      kind: 'question',
      id: 'compte',
      question: 'Quel compte avez-vous ?',
      choices: [
        { label: 'impots.gouv.fr', next: 'impots' },
        { label: 'Aucun', next: 'sans-compte' },
      ],
    },
    { kind: 'step', id: 'impots', action: 'read', instruction: 'Choisissez impots.gouv.fr.', page: '/choisir/*' },
    { kind: 'step', id: 'continuer', action: 'read', instruction: 'Cliquez sur « Continuer ».' },
    { kind: 'end', id: 'fin', message: 'Vous êtes connecté.' },
    { kind: 'end', id: 'sans-compte', message: 'Il faut un compte.' },
  ],
});

const demarche = guide({
  id: 'ameli-attestation',
  title: 'Télécharger une attestation',
  sites: ['https://www.ameli.fr/*'],
  steps: [
    { kind: 'step', id: 'accueil', action: 'read', instruction: 'Ouvrez la page d’accueil.' },
    { kind: 'guide', id: 'connexion', guide: 'franceconnect-se-connecter', instruction: 'Connectez-vous avec FranceConnect.' },
    { kind: 'step', id: 'telecharger', action: 'read', instruction: 'Téléchargez l’attestation.' },
    { kind: 'end', id: 'fin', message: 'C’est fini.' },
  ],
});

const played = playedGuide(demarche, [demarche, connexion]);
const T = 1_700_000_000_000;

function play(run: Run, ...events: RunEvent[]): Run {
  return events.reduce((current, event, i) => advance(played, current, event, T + i + 1), run);
}

describe('the played guide', () => {
  it('lays the inner guide out after the guide’s own items, ids prefixed, branches rewritten', () => {
    expect(played.steps.map((item) => item.id)).toEqual([
      'accueil',
      'connexion',
      'telecharger',
      'fin',
      'connexion/bouton',
      'connexion/compte',
      'connexion/impots',
      'connexion/continuer',
      'connexion/fin',
      'connexion/sans-compte',
    ]);
    const question = played.steps.find((item) => item.id === 'connexion/compte');
    expect(question?.kind === 'question' && question.choices.map((c) => c.next)).toEqual(['connexion/impots', 'connexion/sans-compte']);
    expect(played.parts).toEqual({
      connexion: {
        itemId: 'connexion',
        guideId: 'franceconnect-se-connecter',
        title: 'Se connecter avec FranceConnect',
        version: '1.0.0',
        lang: 'fr',
      },
    });
  });

  it('gathers what to prepare, the sources and the sites of the inner guides', () => {
    expect(played.prepare.map((p) => p.label)).toEqual(['Vos identifiants impots.gouv.fr']);
    expect(played.sources.map((s) => s.url)).toEqual(['https://franceconnect.gouv.fr/aide']);
    expect(played.sites).toEqual(['https://www.ameli.fr/*', 'https://franceconnect.gouv.fr/*']);
  });

  it('leaves a step whose guide is not installed without inner items: the run stops on it, text only', () => {
    const alone = playedGuide(demarche, [demarche]);
    expect(alone.steps).toHaveLength(4);
    expect(alone.parts).toEqual({});
    expect(landing(alone, 'connexion')).toEqual({ id: 'connexion', finished: false });
    let run = startRun(alone, 'advisor', T);
    run = advance(alone, run, { type: 'manual-done' }, T + 1);
    expect(run.currentId).toBe('connexion');
    run = advance(alone, run, { type: 'manual-done', itemId: 'connexion' }, T + 2);
    expect(run.currentId).toBe('telecharger');
  });
});

describe('a run through a guide that runs another', () => {
  it('enters the inner guide, plays it to its end, then goes on with the outer guide', () => {
    let run = startRun(played, 'advisor', T);
    run = play(run, { type: 'manual-done', itemId: 'accueil' });
    expect(run.currentId).toBe('connexion/bouton');
    run = play(run, { type: 'action-done', stepId: 'connexion/bouton' }, { type: 'answer', choice: 0 });
    expect(run.currentId).toBe('connexion/impots');
    run = play(run, { type: 'page', url: 'https://franceconnect.gouv.fr/choisir/impots' });
    expect(run.currentId).toBe('connexion/impots'); // its own page: a reload
    run = play(run, { type: 'manual-done' }, { type: 'manual-done' });
    expect(run.currentId).toBe('telecharger');
    expect(run.status).toBe('active');
    run = play(run, { type: 'manual-done' });
    expect(run).toMatchObject({ status: 'finished', currentId: 'fin' });
    expect(recap(played, run)).toMatchObject({ steps: 5, questionsAnswered: 1, doneByPerson: 1, doneByHand: 4 });
    expect(isRun(JSON.parse(JSON.stringify(run)))).toBe(true);
  });

  it('an inner end on another branch also goes on with the outer guide', () => {
    const run = play(startRun(played, 'advisor', T), { type: 'manual-done' }, { type: 'manual-done' }, { type: 'answer', choice: 1 });
    expect(run).toMatchObject({ status: 'active', currentId: 'telecharger' });
  });

  it('starts inside the inner guide when it is the first item', () => {
    const first = guide({ ...demarche, steps: demarche.steps.slice(1) });
    const run = startRun(playedGuide(first, [connexion]), 'alone', T);
    expect(run).toMatchObject({ status: 'active', currentId: 'connexion/bouton', stack: [] });
  });

  it('« Retour » from the inner guide’s first step goes back out to the outer step, and back in from after it', () => {
    let run = play(startRun(played, 'advisor', T), { type: 'manual-done' });
    expect(stepView(played, run)?.canGoBack).toBe(true);
    run = play(run, { type: 'back', itemId: 'connexion/bouton' });
    expect(run.currentId).toBe('accueil');
    run = play(
      run,
      { type: 'manual-done' },
      { type: 'manual-done' },
      { type: 'answer', choice: 0 },
      { type: 'manual-done' },
      { type: 'manual-done' },
    );
    expect(run.currentId).toBe('telecharger');
    run = play(run, { type: 'back' });
    expect(run.currentId).toBe('connexion/continuer');
  });

  it('abandons and restarts from inside the inner guide', () => {
    const inside = play(startRun(played, 'advisor', T), { type: 'manual-done' }, { type: 'manual-done' });
    expect(play(inside, { type: 'abandon' })).toMatchObject({ status: 'abandoned', currentId: 'connexion/compte' });
    expect(play(inside, { type: 'restart' })).toMatchObject({ status: 'active', currentId: 'accueil', history: [] });
  });

  it('resumes inside the inner guide with a played guide built again from the installed guides', () => {
    const inside = play(startRun(played, 'advisor', T), { type: 'manual-done' }, { type: 'manual-done' });
    const stored = JSON.parse(JSON.stringify(inside)) as Run;
    const rebuilt = playedGuide(demarche, [connexion, demarche]);
    expect(stepView(rebuilt, stored)?.item.id).toBe('connexion/compte');
    expect(advance(rebuilt, stored, { type: 'answer', choice: 0 }, T + 9).currentId).toBe('connexion/impots');
  });

  it('tells the views where the person is: inside « Se connecter avec FranceConnect », step x of y, then back', () => {
    let run = play(startRun(played, 'advisor', T), { type: 'manual-done' });
    const inside = stepView(played, run);
    expect(inside).toMatchObject({ position: 2, total: 3 });
    expect(inside?.inner).toEqual({
      guideId: 'franceconnect-se-connecter',
      title: 'Se connecter avec FranceConnect',
      lang: 'fr',
      instruction: 'Connectez-vous avec FranceConnect.',
      position: 1,
      total: 4,
    });
    expect(inside?.cameBackFrom).toBeUndefined();
    run = play(run, { type: 'manual-done' }, { type: 'answer', choice: 0 });
    expect(stepView(played, run)?.inner).toMatchObject({ position: 3, total: 4 });
    run = play(run, { type: 'manual-done' }, { type: 'manual-done' });
    const back = stepView(played, run);
    expect(back).toMatchObject({ position: 3, total: 3, cameBackFrom: 'Se connecter avec FranceConnect' });
    expect(back?.inner).toBeUndefined();
    expect(positionOf(played, { currentId: 'fin' })).toEqual({ position: 3, total: 3 });
  });

  it('lays out a guide run by an inner guide too, and leaves both levels at once', () => {
    const middle = guide({
      id: 'milieu',
      title: 'Milieu',
      sites: ['https://www.ameli.fr/*'],
      steps: [
        { kind: 'guide', id: 'fc', guide: 'franceconnect-se-connecter', instruction: 'Connectez-vous.' },
        { kind: 'end', id: 'fin' },
      ],
    });
    const outer = guide({
      id: 'dehors',
      title: 'Dehors',
      sites: ['https://www.ameli.fr/*'],
      steps: [
        { kind: 'guide', id: 'm', guide: 'milieu', instruction: 'Faites le milieu.' },
        { kind: 'step', id: 'apres', action: 'read', instruction: 'Après.' },
        { kind: 'end', id: 'fin' },
      ],
    });
    const deep = playedGuide(outer, [outer, middle, connexion]);
    let run = startRun(deep, 'advisor', T);
    expect(run.currentId).toBe('m/fc/bouton');
    expect(stepView(deep, run)?.inner?.title).toBe('Se connecter avec FranceConnect');
    run = [{ type: 'manual-done' }, { type: 'answer', choice: 1 }].reduce<Run>((r, e, i) => advance(deep, r, e as RunEvent, T + i), run);
    expect(run.currentId).toBe('apres');
    expect(stepView(deep, run)?.cameBackFrom).toBe('Milieu');
  });
});

describe('property: whatever happens, a run through inner guides stays sound', () => {
  const ids = [...played.steps.map((item) => item.id), 'inconnu'];
  const eventArb: fc.Arbitrary<RunEvent> = fc.oneof(
    fc.constantFrom(...ids).map((stepId) => ({ type: 'action-done' as const, stepId })),
    fc.option(fc.constantFrom(...ids), { nil: undefined }).map((itemId) => ({ type: 'manual-done' as const, itemId })),
    fc.option(fc.constantFrom(...ids), { nil: undefined }).map((itemId) => ({ type: 'back' as const, itemId })),
    fc.integer({ min: -1, max: 2 }).map((choice) => ({ type: 'answer' as const, choice })),
    fc.constantFrom('/choisir/x', '/', '/autre').map((path) => ({ type: 'page' as const, url: `https://franceconnect.gouv.fr${path}` })),
    fc.constant({ type: 'restart' as const }),
    fc.constant({ type: 'abandon' as const }),
  );

  it('never rests on a step that runs a laid-out guide, nor on an inner end, and every id is the played guide’s', () => {
    fc.assert(
      fc.property(fc.array(eventArb, { maxLength: 40 }), (events) => {
        let run = startRun(played as PlayedGuide, 'advisor', T);
        events.forEach((event, i) => {
          run = advance(played, run, event, T + i + 1);
          const item = played.steps.find((candidate) => candidate.id === run.currentId);
          expect(item).toBeDefined();
          expect(item?.kind).not.toBe('guide');
          if (item?.kind === 'end') expect(item.id.includes('/')).toBe(false);
          if (run.status === 'finished') expect(run.currentId).toBe('fin');
          for (const visit of run.history) expect(played.steps.some((s) => s.id === visit.id)).toBe(true);
          expect(isRun(run)).toBe(true);
          const view = stepView(played, run);
          expect(view?.position).toBeGreaterThanOrEqual(1);
          expect(view?.position).toBeLessThanOrEqual(3);
          if (run.currentId.startsWith('connexion/')) expect(view?.inner?.title).toBe('Se connecter avec FranceConnect');
        });
      }),
      { numRuns: 300 },
    );
  });
});
