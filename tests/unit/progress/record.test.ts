import { describe, expect, it } from 'vitest';
import { emptyProgress, MAX_COMPLETIONS, type Progress, recordFinishedRun, reportsOf } from '../../../utils/progress';
import { advance, startRun } from '../../../utils/run';
import { guide, play, T0 } from './fixtures';

const record = (progress: Progress, run = play()) => recordFinishedRun(progress, guide, run, run.updatedAt);

describe('recordFinishedRun', () => {
  it('records a finished run: when, at which level, the steps where help was asked or done by hand, by id', () => {
    const run = play({ help: ['mot-de-passe'], manual: ['telecharger'] });
    expect(run.status).toBe('finished');
    const progress = record(emptyProgress(), run);
    expect(progress.guides[guide.id]).toEqual({
      title: guide.title,
      lang: 'fr',
      texts: { 'mot-de-passe': 'Tapez votre mot de passe.', telecharger: 'Cliquez sur « Télécharger l’attestation ».' },
      completions: [
        {
          startedAt: T0,
          at: run.finishedAt,
          level: 'guided',
          guideVersion: '1.2.0',
          steps: 4,
          help: ['mot-de-passe'],
          // « lire » can only be marked by hand: it is not counted as help.
          byHand: ['telecharger'],
        },
      ],
    });
  });

  it('counts every finished run, each at its own level', () => {
    let progress = emptyProgress();
    progress = record(progress, play({ startedAt: T0 }));
    progress = record(progress, play({ startedAt: T0 + 86_400_000, level: 'on-demand', help: ['connexion'] }));
    progress = record(progress, play({ startedAt: T0 + 2 * 86_400_000, level: 'on-demand' }));
    const [report] = reportsOf(progress);
    expect(report).toMatchObject({
      guideId: guide.id,
      completed: 3,
      byLevel: { guided: 1, 'on-demand': 2, autonomous: 0 },
      last: { level: 'on-demand' },
      help: [{ id: 'connexion', text: 'Cliquez sur « Se connecter ».', times: 1 }],
      byHand: [],
    });
    expect(report?.last?.at).toBe(T0 + 2 * 86_400_000 + 5 * 60_000);
  });

  it('records a run once, however often it is reported', () => {
    const run = play();
    const once = record(emptyProgress(), run);
    expect(record(once, run)).toBe(once);
    expect(once.guides[guide.id]?.completions).toHaveLength(1);
  });

  it('does not count a run that was stopped, is still going, belongs to another guide, or did no step', () => {
    const empty = emptyProgress();
    const going = play({ stopAt: 'lire' });
    expect(going.status).toBe('active');
    expect(record(empty, going)).toBe(empty);

    const abandoned = advance(guide, going, { type: 'abandon' }, going.updatedAt + 1);
    expect(abandoned.status).toBe('abandoned');
    expect(record(empty, abandoned)).toBe(empty);

    expect(record(empty, { ...play(), guideId: 'autre-guide' })).toBe(empty);

    // "Non": straight to an end, nothing done on the site.
    const noAccount = advance(guide, startRun(guide, 'alone', T0), { type: 'answer', choice: 1 }, T0 + 1);
    expect(noAccount.status).toBe('finished');
    expect(record(empty, noAccount)).toBe(empty);
  });

  it('credits the most help used when the level changed during the run', () => {
    const lessHelpLater = play({ level: 'guided', before: { telecharger: [{ type: 'set-level', level: 'autonomous' }] } });
    expect(lessHelpLater.level).toBe('autonomous');
    expect(record(emptyProgress(), lessHelpLater).guides[guide.id]?.completions[0]?.level).toBe('guided');

    const moreHelpLater = play({ level: 'autonomous', before: { lire: [{ type: 'set-level', level: 'on-demand' }] } });
    expect(record(emptyProgress(), moreHelpLater).guides[guide.id]?.completions[0]?.level).toBe('on-demand');

    const allAlong = play({ level: 'autonomous' });
    expect(record(emptyProgress(), allAlong).guides[guide.id]?.completions[0]?.level).toBe('autonomous');
  });

  it('never changes the progress it is given', () => {
    const before = record(emptyProgress(), play({ startedAt: T0 }));
    const frozen = structuredClone(before);
    record(before, play({ startedAt: T0 + 1_000_000, help: ['connexion'] }));
    expect(before).toEqual(frozen);
  });

  it('keeps the newest completions only, and the texts they still name', () => {
    let progress = record(emptyProgress(), play({ startedAt: T0, help: ['connexion'] }));
    for (let i = 1; i <= MAX_COMPLETIONS; i++) progress = record(progress, play({ startedAt: T0 + i * 3_600_000 }));
    const entry = progress.guides[guide.id];
    expect(entry?.completions).toHaveLength(MAX_COMPLETIONS);
    expect(entry?.completions[0]?.startedAt).toBe(T0 + 3_600_000);
    expect(entry?.texts).toEqual({});
  });

  it('keeps ids, levels, counts, times and the guide’s own texts — nothing else', () => {
    const progress = record(emptyProgress(), play({ help: ['mot-de-passe'] }));
    const completion = progress.guides[guide.id]?.completions[0];
    expect(Object.keys(completion ?? {}).sort()).toEqual(['at', 'byHand', 'guideVersion', 'help', 'level', 'startedAt', 'steps']);
    const texts = Object.values(progress.guides[guide.id]?.texts ?? {});
    const guideTexts = guide.steps.flatMap((item) =>
      item.kind === 'step' ? [item.instruction] : item.kind === 'question' ? [item.question] : [],
    );
    for (const text of texts) expect(guideTexts).toContain(text);
  });

  it('keeps a guide called like a property of every object as a guide of its own', () => {
    const odd = { ...guide, id: 'constructor' };
    const run = { ...play(), guideId: 'constructor' };
    const progress = recordFinishedRun(emptyProgress(), odd, run, run.updatedAt);
    expect(Object.hasOwn(progress.guides, 'constructor')).toBe(true);
    expect(progress.guides['constructor' as string]?.completions).toHaveLength(1);
  });
});
