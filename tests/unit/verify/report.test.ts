/**
 * The report of a check, pure: every item in its order with its outcome (or
 * « not walked »), the fixes, the text before a rewrite; the counts; and the
 * stored form read back field by field.
 */
import { describe, expect, it } from 'vitest';
import { buildReport, fixCounts, isReport } from '../../../utils/verify/report';
import {
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

function walked(): { walk: VerifySession; after: typeof GUIDE } {
  let walk = startVerification(GUIDE) as VerifySession;
  walk = moveOn(GUIDE, walk, 0) as VerifySession;
  walk = recordOutcome(walk, 'identifiant', 'not-found', 'moncompte.exemple.gouv.fr');
  let guide = repointStep(GUIDE, 'identifiant', { tag: 'input', label: 'Identifiant' });
  walk = recordOutcome(noteRepointed(walk, 'identifiant'), 'identifiant', 'found');
  walk = moveOn(guide, walk) as VerifySession;
  walk = recordOutcome(walk, 'valider', 'ambiguous');
  guide = rewriteStep(guide, 'valider', 'Cliquez sur le bouton bleu « Valider ».');
  walk = noteRewritten(walk, 'valider');
  walk = moveOn(guide, walk) as VerifySession;
  walk = recordOutcome(walk, 'lire', 'text-only');
  walk = moveOn(guide, walk) as VerifySession;
  return { walk, after: verifiedGuide(guide, walk, '2026-12-05') };
}

describe('the report', () => {
  it('lists every item with its outcome and fixes, the site, the date and the versions', () => {
    const { walk, after } = walked();
    const report = buildReport(GUIDE, after, walk, '2026-12-05');
    expect(report).toMatchObject({
      guideId: 'se-connecter',
      site: 'moncompte.exemple.gouv.fr',
      on: '2026-12-05',
      version: '1.3.0',
      previousVersion: '1.2.3',
    });
    expect(report.lines).toEqual([
      { kind: 'question', number: 1, id: 'compte', text: 'Avez-vous un compte ?', answer: 'Oui' },
      {
        kind: 'step',
        number: 2,
        id: 'identifiant',
        text: 'Tapez votre adresse e-mail.',
        outcome: 'not-found',
        after: 'found',
        fixes: ['repointed'],
      },
      {
        kind: 'step',
        number: 3,
        id: 'valider',
        text: 'Cliquez sur le bouton bleu « Valider ».',
        outcome: 'ambiguous',
        fixes: ['rewritten'],
        before: 'Cliquez sur « Continuer ».',
      },
      { kind: 'step', number: 4, id: 'lire', text: 'Lisez le message.', outcome: 'text-only', fixes: [] },
      { kind: 'end', number: 5, id: 'fin', text: 'Vous êtes connecté.', reached: true },
      { kind: 'end', number: 6, id: 'fin-sans-compte', reached: false },
    ]);
    expect(fixCounts(report)).toEqual({ repointed: 1, rewritten: 1 });
  });

  it('says a step the walk did not pass by was not walked (no outcome)', () => {
    const walk = moveOn(GUIDE, startVerification(GUIDE) as VerifySession, 1) as VerifySession;
    const report = buildReport(GUIDE, GUIDE, walk, '2026-12-05');
    expect(report.lines[1]).toEqual({ kind: 'step', number: 2, id: 'identifiant', text: 'Tapez votre adresse e-mail.', fixes: [] });
  });

  it('is read back only when every field is as written', () => {
    const { walk, after } = walked();
    const report = buildReport(GUIDE, after, walk, '2026-12-05');
    expect(isReport(JSON.parse(JSON.stringify(report)))).toBe(true);
    expect(isReport({ ...report, v: 2 })).toBe(false);
    expect(isReport({ ...report, lines: [{ ...report.lines[1], outcome: 'maybe' }] })).toBe(false);
    expect(isReport({ ...report, lines: [{ ...report.lines[1], fixes: ['deleted'] }] })).toBe(false);
    expect(isReport(null)).toBe(false);
  });
});
