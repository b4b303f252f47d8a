/**
 * The check of a guide on its site, as pure logic: the walk along the path the
 * trainer takes, each step's outcome (the first one kept, « not on this page »
 * never hiding what was seen on the step's own page), the fixes, the
 * rewritten instruction validated like the editor's field, the new version
 * and the verified status.
 */
import { describe, expect, it } from 'vitest';
import {
  atEnd,
  bumpVersion,
  currentId,
  instructionProblems,
  isMiss,
  moveBack,
  moveOn,
  noteRepointed,
  noteRewritten,
  recordOutcome,
  repointStep,
  rewriteStep,
  startVerification,
  type VerifySession,
  verifiedGuide,
} from '../../../utils/verify/session';
import { GUIDE } from './fixtures';

const started = (): VerifySession => {
  const walk = startVerification(GUIDE);
  if (!walk) throw new Error('no walk');
  return walk;
};

describe('the walk', () => {
  it('starts on the first item and follows the answers and the steps’ next', () => {
    let walk = started();
    expect(currentId(walk)).toBe('compte');
    // A question waits for its answer.
    expect(moveOn(GUIDE, walk)).toBeNull();
    walk = moveOn(GUIDE, walk, 0) as VerifySession;
    expect(currentId(walk)).toBe('identifiant');
    expect(walk.answers).toEqual({ compte: 0 });
    walk = moveOn(GUIDE, walk) as VerifySession;
    walk = moveOn(GUIDE, walk) as VerifySession;
    walk = moveOn(GUIDE, walk) as VerifySession;
    expect(currentId(walk)).toBe('fin');
    expect(atEnd(GUIDE, walk)).toBe(true);
    expect(moveOn(GUIDE, walk)).toBeNull();
    expect(walk.path).toEqual(['compte', 'identifiant', 'valider', 'lire', 'fin']);
  });

  it('goes back along the path walked, never before the first item', () => {
    const walk = moveOn(GUIDE, started(), 1) as VerifySession;
    expect(currentId(walk)).toBe('fin-sans-compte');
    expect(currentId(moveBack(walk) as VerifySession)).toBe('compte');
    expect(moveBack(started())).toBeNull();
  });

  it('has nothing to walk in a guide without items', () => {
    expect(startVerification({ steps: [] })).toBeNull();
  });
});

describe('the outcomes', () => {
  it('keeps the first outcome and the latest', () => {
    let walk = recordOutcome(started(), 'identifiant', 'not-found', 'moncompte.exemple.gouv.fr');
    walk = recordOutcome(walk, 'identifiant', 'found');
    expect(walk.checks.identifiant).toEqual({ first: 'not-found', last: 'found' });
    expect(walk.host).toBe('moncompte.exemple.gouv.fr');
  });

  it('lets « not on this page » say nothing of a step seen on its own page, and be replaced by what its page says', () => {
    let walk = recordOutcome(started(), 'valider', 'found');
    walk = recordOutcome(walk, 'valider', 'not-on-page');
    expect(walk.checks.valider).toEqual({ first: 'found', last: 'found' });
    let early = recordOutcome(started(), 'identifiant', 'not-on-page');
    expect(early.checks.identifiant).toEqual({ first: 'not-on-page', last: 'not-on-page' });
    early = recordOutcome(early, 'identifiant', 'ambiguous');
    expect(early.checks.identifiant).toEqual({ first: 'ambiguous', last: 'ambiguous' });
  });

  it('offers a fix on a miss only', () => {
    expect(
      ['found', 'ambiguous', 'not-found', 'out-of-sight', 'not-on-page', 'text-only', undefined].map((o) => isMiss(o as never)),
    ).toEqual([false, true, true, false, false, false, false]);
  });
});

describe('the fixes', () => {
  it('replace a step’s target or instruction, and nothing else', () => {
    const target = { tag: 'input', label: 'Identifiant', nameAttr: 'username' };
    const repointed = repointStep(GUIDE, 'identifiant', target);
    expect(repointed.steps[1]).toEqual({ ...GUIDE.steps[1], target });
    expect(repointed.steps.filter((_, i) => i !== 1)).toEqual(GUIDE.steps.filter((_, i) => i !== 1));
    const rewritten = rewriteStep(GUIDE, 'valider', 'Cliquez sur « Valider », en bas.');
    expect(rewritten.steps[2]).toMatchObject({ instruction: 'Cliquez sur « Valider », en bas.', target: { name: 'Continuer' } });
  });

  it('are noted once per kind and step', () => {
    let walk = noteRepointed(started(), 'identifiant');
    walk = noteRepointed(walk, 'identifiant');
    walk = noteRewritten(walk, 'identifiant');
    expect(walk.fixes).toEqual({ identifiant: ['repointed', 'rewritten'] });
  });

  it('validate a rewritten instruction as the editor does, with the field’s own French message', () => {
    expect(instructionProblems(GUIDE, 'valider', 'Cliquez sur « Valider ».')).toEqual([]);
    const empty = instructionProblems(GUIDE, 'valider', '   ');
    expect(empty).toHaveLength(1);
    expect(empty[0]?.path).toBe('steps[2].instruction');
    expect(empty[0]?.message).toMatch(/étape|consigne|instruction/i);
    expect(instructionProblems(GUIDE, 'valider', 'x'.repeat(2000))).toHaveLength(1);
  });
});

describe('the end of the check', () => {
  it('bumps the minor version when targets or texts changed, the patch otherwise', () => {
    expect(bumpVersion('1.2.3', 'minor')).toBe('1.3.0');
    expect(bumpVersion('1.2.3', 'patch')).toBe('1.2.4');
    expect(bumpVersion('beta', 'patch')).toBe('1.0.0');
  });

  it('marks the guide verified against the site’s host, on the day, with its new version', () => {
    const checked = recordOutcome(started(), 'identifiant', 'found', 'moncompte.exemple.gouv.fr');
    expect(verifiedGuide(GUIDE, checked, '2026-12-05')).toMatchObject({
      version: '1.2.4',
      status: { state: 'verified', against: 'moncompte.exemple.gouv.fr', on: '2026-12-05' },
    });
    expect(verifiedGuide(GUIDE, noteRewritten(checked, 'valider'), '2026-12-05').version).toBe('1.3.0');
  });
});
